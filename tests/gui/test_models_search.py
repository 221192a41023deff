"""The document table model under a search: ranking, snippets made only when asked, the first page at once."""

from __future__ import annotations

from typing import Any

import models_support
import pytest
from models_support import add_documents
from PySide6.QtCore import Qt

from triage_app.core.library import Library
from triage_app.core.library.document_filter import DocumentFilter
from triage_app.gui.models.document_columns import COL_TITLE, COL_WORDS, DocumentRole, SnippetRole
from triage_app.gui.models.document_rows import PAGE_SIZE
from triage_app.gui.models.document_table import DocumentTableModel

library = models_support.library  # pytest fixtures, found by name (this `library` overrides the GUI conftest's)
three = models_support.three


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
