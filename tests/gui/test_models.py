"""The document table model: qtmodeltester, data(), sorting in SQL, paged rows, refresh, the language column."""

from __future__ import annotations

from typing import Any

import models_support
from models_support import add_documents
from PySide6.QtCore import Qt

from triage_app.core.library import Library, triage
from triage_app.core.library.document_filter import DocumentFilter
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
    SortRole,
    StarredRole,
)
from triage_app.gui.models.document_rows import PAGE_SIZE
from triage_app.gui.models.document_table import DocumentTableModel

library = models_support.library  # pytest fixtures, found by name (this `library` overrides the GUI conftest's)
three = models_support.three


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
