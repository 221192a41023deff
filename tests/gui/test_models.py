"""The library's item models: qtmodeltester on each, and widget-free data() tests."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from triage_app.core.library import Library, triage
from triage_app.core.library.document_filter import DocumentFilter
from triage_app.core.records import ImportOutcome
from triage_app.gui.models.document_columns import (
    COL_KIND,
    COL_PUBLISHED,
    COL_RELEVANCE,
    COL_STAR,
    COL_TAGS,
    COL_TITLE,
    COL_WORDS,
    COLUMN_COUNT,
    HEADERS,
    DocumentRole,
    RelevanceRole,
    SnippetRole,
    SortRole,
    StarredRole,
)
from triage_app.gui.models.document_rows import PAGE_SIZE
from triage_app.gui.models.document_table import DocumentTableModel
from triage_app.gui.models.entity_list import EntityIdRole, EntityListModel
from triage_app.gui.models.import_log import COL_DETAIL, COL_STATUS, ImportLogModel
from triage_app.gui.navigation import next_unreviewed_row


def add_documents(library: Library, rows: list[dict[str, Any]]) -> list[int]:
    """Insert bare document rows (the list columns only) quickly."""
    ids = []
    with library.transaction() as db:
        for number, row in enumerate(rows):
            full = {
                "sha256": hashlib.sha256(f"{number}-{row}".encode()).hexdigest(),
                "size": 1,
                "format": "text",
                "imported_at": f"2026-01-01T00:00:{number % 60:02d}+00:00",
                "relevance": "unreviewed",
                "starred": 0,
                "text": "",
                "word_count": 0,
                **row,
            }
            ids.append(int(db["documents"].insert(full).last_pk))
    return ids


@pytest.fixture
def library(tmp_path: Path) -> Any:
    library = Library.open(tmp_path / "models.sqlite")
    yield library
    library.close()


@pytest.fixture
def three(library: Library) -> list[int]:
    ids = add_documents(
        library,
        [
            {"title": "Bravo harbour", "site": "b.example", "published": "2026-02-01", "word_count": 1200,
             "text": "the harbour strike continues"},
            {"title": "alpha sanctions", "site": "a.example", "published": "2026-03-05", "word_count": 40,
             "text": "sanctions on shipping firms"},
            {"title": "Charlie storm", "site": "c.example", "published": None, "word_count": 7,
             "text": "storm warning for the coast"},
        ],
    )  # fmt: skip
    triage.set_starred(library, ids[1], True)
    triage.set_tags(library, ids[0], ["ports", "labour"])
    triage.set_relevance(library, ids[2], "maybe")
    return ids


def test_document_model_passes_qtmodeltester(qtmodeltester: Any, library: Library, three: list[int]) -> None:
    model = DocumentTableModel(library.db)
    model.reload()
    qtmodeltester.check(model)
    model.set_filter(DocumentFilter(query="harbour"))
    qtmodeltester.check(model)
    model.sort(COL_TITLE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_document_model_data(library: Library, three: list[int]) -> None:
    model = DocumentTableModel(library.db)
    model.set_sort("title")
    assert model.rowCount() == 3 and model.columnCount() == COLUMN_COUNT == len(HEADERS)  # 11 + later issues
    assert model.index(0, COL_KIND).data() == "Text dump"
    titles = [model.index(r, COL_TITLE).data() for r in range(3)]
    assert titles == ["alpha sanctions", "Bravo harbour", "Charlie storm"]  # NOCASE order in SQL
    assert model.index(0, COL_STAR).data() == "★" and model.index(1, COL_STAR).data() == ""
    assert model.index(0, COL_STAR).data(StarredRole) is True
    assert model.index(1, COL_TAGS).data() == "labour, ports"
    assert model.index(1, COL_WORDS).data() == "1,200"
    assert model.index(1, COL_WORDS).data(SortRole) == 1200
    assert model.index(2, COL_RELEVANCE).data(RelevanceRole) == "maybe"
    assert "Maybe" in model.index(2, COL_RELEVANCE).data()
    assert model.index(2, COL_PUBLISHED).data() == ""
    assert model.index(0, COL_TITLE).data(DocumentRole) == three[1]
    assert model.index(5, COL_TITLE).data() is None
    assert model.counts() == {"matching": 3, "unreviewed": 2, "total": 3}


def test_sorting_runs_in_sql_and_keeps_the_selection_on_the_same_document(library: Library, three: list[int]) -> None:
    model = DocumentTableModel(library.db)
    model.set_sort("title")
    persistent = model.index(0, COL_TITLE)  # "alpha sanctions"
    from PySide6.QtCore import QPersistentModelIndex

    keep = QPersistentModelIndex(persistent)
    model.sort(COL_WORDS, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, COL_WORDS).data(SortRole) for r in range(3)] == [1200, 40, 7]
    assert model.sort_key == ("word_count", True)
    assert keep.data(DocumentRole) == three[1]
    model.sort(-1)
    assert model.sort_key == ("rank", False)


def test_search_filter_ranks_and_gives_a_snippet(library: Library, three: list[int]) -> None:
    model = DocumentTableModel(library.db)
    model.set_filter(DocumentFilter(query="harbour"))
    assert model.ids == [three[0]]
    assert "«harbour»" in model.index(0, COL_TITLE).data(SnippetRole)
    assert "<b>harbour</b>" in model.index(0, COL_TITLE).data(Qt.ItemDataRole.ToolTipRole)
    model.set_filter(DocumentFilter(starred=True))
    assert model.ids == [three[1]]
    assert model.counts()["matching"] == 1 and model.counts()["total"] == 3


def test_a_snippet_is_made_only_when_its_tooltip_asks_and_then_kept(
    library: Library, three: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from triage_app.core.library import search

    asked: list[list[int]] = []
    real = search.snippets
    monkeypatch.setattr(search, "snippets", lambda db, query, ids, **kw: asked.append(list(ids)) or real(db, query, ids, **kw))
    model = DocumentTableModel(library.db)
    model.set_filter(DocumentFilter(query="harbour OR storm"))
    assert len(model.ids) == 2
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            model.index(row, column).data()
            model.index(row, column).data(Qt.ItemDataRole.ForegroundRole)
    assert asked == []  # painting the rows makes no snippet
    row = model.row_of(three[2])
    tooltip = model.index(row, COL_TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("<p><b>Charlie storm</b></p>")
    assert "<b>storm</b>" in tooltip.removeprefix("<p><b>Charlie storm</b></p>")  # the snippet, hit in bold
    assert asked == [[three[2]]]
    assert "«storm»" in model.index(row, COL_TITLE).data(SnippetRole)
    assert model.index(row, COL_TITLE).data(Qt.ItemDataRole.ToolTipRole) == tooltip
    assert asked == [[three[2]]]  # made once
    assert model.index(row, COL_WORDS).data(Qt.ItemDataRole.ToolTipRole) is None
    model.set_filter(DocumentFilter(query="coast"))
    assert "«coast»" in model.index(0, COL_TITLE).data(SnippetRole)  # a new search, a new snippet
    model.set_filter(DocumentFilter())
    assert model.index(model.row_of(three[2]), COL_TITLE).data(SnippetRole) == ""


def test_a_search_lists_its_first_page_at_once_and_the_rest_just_after(
    qtbot: Any, qtmodeltester: Any, library: Library
) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    from triage_app.core.library import document_filter

    count = 2 * PAGE_SIZE + 30
    add_documents(library, [{"title": f"doc {n:04d}", "text": "harbour " * (1 + n % 5) + "quay"} for n in range(count)])
    model = DocumentTableModel(library.db)
    qtmodeltester.check(model)
    model.set_filter(DocumentFilter(query="harbour"))
    assert model.rowCount() == PAGE_SIZE and model.loading  # the best hits first
    assert model.counts()["matching"] == count
    first = QPersistentModelIndex(model.index(3, COL_TITLE))
    first_id = first.data(DocumentRole)
    with qtbot.waitSignal(model.rowsInserted):
        pass  # the zero timer lists the rest
    assert model.rowCount() == count and not model.loading
    assert model.ids == document_filter.find_ids(library.db, DocumentFilter(query="harbour"))
    assert first.data(DocumentRole) == first_id
    qtmodeltester.check(model)

    model.set_filter(DocumentFilter(query="quay"))  # every document: asking for one past the first page ...
    assert model.rowCount() == PAGE_SIZE
    last = document_filter.find_ids(library.db, DocumentFilter(query="quay"))[-1]
    assert model.row_of(last) == count - 1  # ... lists them all at once
    assert model.rowCount() == count and not model.loading
    model.set_filter(DocumentFilter(query="harbour"))
    model.sort(COL_TITLE)  # a re-sort lists every hit itself
    assert not model.loading and model.rowCount() == count
    assert model.index(0, COL_TITLE).data() == "doc 0000"
    model.set_filter(DocumentFilter(query="harbour"))
    model.set_filter(DocumentFilter(query="nothing-like-this"))  # fewer hits than a page: complete at once
    assert model.rowCount() == 0 and not model.loading


def test_rows_are_fetched_a_page_at_a_time(library: Library) -> None:
    add_documents(library, [{"title": f"doc {n:04d}"} for n in range(3 * PAGE_SIZE + 17)])
    model = DocumentTableModel(library.db)
    model.set_sort("title")
    assert model.rowCount() == 3 * PAGE_SIZE + 17
    assert model.cached_row_count() == 0
    assert model.index(2 * PAGE_SIZE + 5, COL_TITLE).data() == f"doc {2 * PAGE_SIZE + 5:04d}"
    assert model.cached_row_count() == PAGE_SIZE
    assert model.index(3 * PAGE_SIZE + 16, COL_TITLE).data() == f"doc {3 * PAGE_SIZE + 16:04d}"
    assert model.cached_row_count() == PAGE_SIZE + 17


def test_refresh_documents_shows_a_changed_row(qtbot: Any, library: Library, three: list[int]) -> None:
    model = DocumentTableModel(library.db)
    model.set_sort("title")
    row = model.row_of(three[2])
    assert row is not None
    assert model.index(row, COL_RELEVANCE).data(RelevanceRole) == "maybe"
    triage.set_relevance(library, three[2], "relevant")
    with qtbot.waitSignal(model.dataChanged):
        model.refresh_documents([three[2]])
    assert model.index(row, COL_RELEVANCE).data(RelevanceRole) == "relevant"
    assert model.counts()["unreviewed"] == 2


def add_entity(library: Library, name: str, label: str, doc_ids: list[int], *, hidden: int = 0) -> int:
    with library.transaction() as db:
        entity_id = int(db["entities"].insert({"canonical": name, "label": label, "hidden": hidden}).last_pk)
        for doc_id in doc_ids:
            db["mentions"].insert(
                {"doc_id": doc_id, "entity_id": entity_id, "start": 0, "end": len(name), "text": name, "label": label}
            )
    return entity_id


def test_entity_model(qtmodeltester: Any, library: Library, three: list[int]) -> None:
    port = add_entity(library, "Port Authority", "ORG", three[:2])
    add_entity(library, "Ana Ruiz", "PERSON", [three[2]])
    add_entity(library, "Secret", "ORG", [three[0]], hidden=1)
    add_entity(library, "three", "CARDINAL", three)  # a type the analyst does not see
    model = EntityListModel(library.db)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 2  # the hidden entity and the number are not offered
    first = model.index(0, 0)
    assert first.data() == "Port Authority (ORG, 2 docs)"
    assert first.data(Qt.ItemDataRole.EditRole) == "Port Authority"
    assert first.data(EntityIdRole) == port
    assert model.find("port authority") == model.entity(0)
    assert model.find("nobody") is None


def test_import_log_model(qtmodeltester: Any) -> None:
    outcomes = [
        ImportOutcome("/x/a.html", "imported", doc_id=4, title="A page"),
        ImportOutcome("/x/b.html", "duplicate", doc_id=4),
        ImportOutcome("/x/c.bin", "failed", reason="not a page Triage can read"),
    ]
    model = ImportLogModel(outcomes)
    qtmodeltester.check(model)
    assert model.index(0, COL_STATUS).data() == "failed"  # failures first
    assert model.index(0, COL_DETAIL).data() == "not a page Triage can read"
    assert model.index(1, COL_DETAIL).data() == "already in the library as #4"
    assert model.index(2, COL_DETAIL).data() == "#4 A page"
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_the_import_log_shows_an_imported_files_note() -> None:
    from triage_app.core.ingest.framesets import FRAMES_MISSING

    model = ImportLogModel([ImportOutcome("/x/frames.html", "imported", doc_id=7, title="Gazette", reason=FRAMES_MISSING)])
    assert model.index(0, COL_DETAIL).data() == f"#7 Gazette ({FRAMES_MISSING})"


def test_next_unreviewed_row_wraps_round(library: Library, three: list[int]) -> None:
    ids = [three[0], three[1], three[2]]
    triage.set_relevance(library, three[0], "relevant")
    # three[1] unreviewed, three[2] maybe
    assert next_unreviewed_row(library.db, ids, 1) == 1  # wraps round to itself
    assert next_unreviewed_row(library.db, ids, -1) == 1
    triage.set_relevance(library, three[1], "relevant")
    assert next_unreviewed_row(library.db, ids, 0) is None


def test_language_column_and_filter(qtbot: Any, library: Library, three: list[int]) -> None:
    from triage_app.core.library.languages import language_counts
    from triage_app.gui.models.document_columns import COL_LANGUAGE
    from triage_app.gui.models.entity_list import EntityListModel
    from triage_app.gui.widgets.filter_bar import FilterBar

    library.db.execute("UPDATE documents SET language = 'de' WHERE id = ?", [three[0]])
    library.db.execute("UPDATE documents SET language = 'en' WHERE id != ?", [three[0]])
    model = DocumentTableModel(library.db)
    model.set_sort("title")
    assert [model.index(r, COL_LANGUAGE).data() for r in range(3)] == ["English", "German", "English"]
    bar = FilterBar(EntityListModel(library.db))
    qtbot.addWidget(bar)
    bar.set_choices([], [], None, language_counts(library.db))
    assert [bar.language.itemText(i) for i in range(bar.language.count())] == [
        "Any language", "English (2)", "German (1)",
    ]
    with qtbot.waitSignal(bar.filter_changed) as signal:
        bar.language.setCurrentIndex(2)
    model.set_filter(signal.args[0])
    assert model.rowCount() == 1 and model.index(0, COL_LANGUAGE).data() == "German"
    with qtbot.waitSignal(bar.filter_changed):
        bar.set_query("lang:klingon")
    assert not bar.problem.isHidden() and "klingon" in bar.problem.text()
