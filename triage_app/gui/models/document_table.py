"""The library list: a table model over SQL holding only an id list and a small cache of row pages.

Filtering, search and sorting run in SQL (core/library/document_filter.py); rows are fetched a page at a time
as the view asks for them, so the model stays fast with 100,000 documents. With a search, a new filter
lists the best `PAGE_SIZE` hits first and the rest of the ranked list a moment later (a zero timer),
and a row's snippet is only made when its tooltip asks for it.

This module decides which documents are listed and in which order. The rest is beside it:
lazy_document_model.py answers the view from document_rows.py (ids, row pages, snippets), a long
search runs in background_search.py, and document_columns.py holds the columns, roles and cell texts.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QModelIndex, Qt, QThreadPool, QTimer, Signal
from sqlite_utils import Database

from triage_app.core.library import document_filter, query_syntax, search
from triage_app.core.library.documents import document_count
from triage_app.gui.models.background_search import BackgroundSearch
from triage_app.gui.models.document_columns import COL_LIKELY, COLUMN_COUNT, LIKELY, SORT_KEYS
from triage_app.gui.models.document_rows import PAGE_SIZE
from triage_app.gui.models.lazy_document_model import LazyDocumentModel

SYNC_BUDGET_S = 0.15
"""A search gets this long on the GUI thread; one that needs more moves to a worker thread (own connection)."""
RESORT_LIMIT_S = 5.0


class DocumentTableModel(LazyDocumentModel):
    """Documents matching a `DocumentFilter`, in SQL order, with rows fetched lazily."""

    counts_changed = Signal()
    search_state = Signal(str)  # "" when the list is up to date, else "Searching…" or why a search stopped

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(db, parent)
        self._sort_key = "rank"
        self._descending = False
        self._counts = {"matching": 0, "unreviewed": 0, "total": 0}
        self._partial = False  # only the first page of a search's ids is listed yet
        self._rest = QTimer(self)  # lists the rest of a search's ranked ids after its first page
        self._rest.setSingleShot(True)
        self._rest.setInterval(0)
        self._rest.timeout.connect(self.finish_loading)
        self._path = search.database_path(db)
        self._search = BackgroundSearch(QThreadPool.globalInstance(), self)  # a long search, off the GUI thread
        self._search.finished.connect(self._background_done)
        self._search.state_changed.connect(self.search_state)

    # -- our API ----------------------------------------------------------------------------
    @property
    def ids(self) -> list[int]:
        """Ids of the listed documents, in display order (a copy; the whole list, even right after a search)."""
        self.finish_loading()
        return list(self._rows.ids)

    @property
    def loading(self) -> bool:
        """True while only the first page of a search's hits is listed and the rest is still to come."""
        return self._partial

    @property
    def sort_key(self) -> tuple[str, bool]:
        """The current SQL sort key and direction."""
        return self._sort_key, self._descending

    def counts(self) -> dict[str, int]:
        """`matching`, `unreviewed` (of those) and `total` documents in the library."""
        return dict(self._counts)

    def set_filter(self, flt: document_filter.DocumentFilter) -> None:
        """Show the documents matching `flt`; with a search, its first page at once and the rest just after.

        A search that needs more than `SYNC_BUDGET_S` is stopped on the GUI thread and run again on a
        worker thread with its own read-only connection; a newer filter cancels it (its query is interrupted).
        """
        self._filter = flt
        self.stop_search()
        try:
            self.reload(first_page_first=bool(query_syntax.parse_query(flt.query).match),
                        budget=SYNC_BUDGET_S if self._path and self._sort_key != LIKELY else None)
        except document_filter.SearchStopped:
            self._search.start(self._path or "", self._filter, self._sort_key, self._descending)
            return
        self.search_state.emit("")

    def stop_search(self) -> None:
        """Cancel a background search (a newer one replaces it, or the window closes)."""
        self._search.stop()

    @property
    def searching(self) -> bool:
        """True while a long search runs in the background."""
        return self._search.running

    def _background_done(self, ids: list[int], counts: dict[str, int]) -> None:
        self._rest.stop()
        self._partial = False
        self.beginResetModel()
        self._rows.set_ids(ids)
        self._rows.pages.clear()
        self._rows.snippets.clear()
        self.endResetModel()
        self._counts = counts
        self.counts_changed.emit()
        self.search_state.emit("")

    def set_sort(self, key: str, descending: bool = False) -> None:
        """Order by a `document_filter.SORT_COLUMNS` key, or 'rank' (best hit / newest first)."""
        if key not in ("rank", LIKELY) and key not in document_filter.SORT_COLUMNS:
            raise ValueError(f"cannot sort by {key!r}")
        self._sort_key, self._descending = key, descending
        self.reload()

    def reload(self, *, first_page_first: bool = False, budget: float | None = None) -> None:
        """Run the query again (new documents, changed filter); drops the row and snippet caches.

        With `first_page_first`, only the first `PAGE_SIZE` ids are listed now (a fast query) and the
        whole list follows from a zero timer, or sooner from `finish_loading`.
        """
        self._rest.stop()
        limit = PAGE_SIZE if first_page_first and self._sort_key != LIKELY else None
        ids = self._find_ids(limit, time_limit=budget)
        if budget is not None:  # the counts too, before the list changes (the worker redoes both)
            counts = document_filter.count_matching(self._db, self._filter, time_limit=budget)
        self.beginResetModel()
        self._rows.set_ids(ids)
        self._rows.pages.clear()
        self._rows.snippets.clear()
        self.endResetModel()
        self._partial = first_page_first and len(ids) == PAGE_SIZE
        if self._partial:
            self._rest.start()
        if budget is not None:
            self._counts = {**counts, "total": document_count(self._db)}
            self.counts_changed.emit()
        else:
            self._update_counts()

    def finish_loading(self) -> None:
        """List the rest of a search's hits now if only its first page is listed yet (else nothing)."""
        self._rest.stop()
        if not self._partial:
            return
        self._partial = False
        first = self._rows.ids
        try:
            ids = self._find_ids(time_limit=RESORT_LIMIT_S)
        except document_filter.SearchStopped as exc:  # the first page stays listed
            self.search_state.emit(str(exc))
            return
        if ids[: len(first)] == first:
            if len(ids) > len(first):
                self.beginInsertRows(QModelIndex(), len(first), len(ids) - 1)
                self._rows.set_ids(ids)
                self.endInsertRows()
            else:
                self._rows.set_ids(ids)
            return
        self.layoutAboutToBeChanged.emit()  # ties ranked in another order: keep selections on their documents
        self._rows.set_ids(ids)
        self._rows.pages.clear()
        self._remap_persistent(first)
        self.layoutChanged.emit()

    def refresh_documents(self, doc_ids: list[int]) -> None:
        """Documents changed in the library (triage, tags): refetch their rows and repaint them."""
        self._rows.pages.clear()
        rows = sorted(self._rows.row_of[d] for d in doc_ids if d in self._rows.row_of)
        if rows:
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], COLUMN_COUNT - 1))
        self._update_counts()

    def set_likely(self, percentiles: np.ndarray, positions: np.ndarray) -> None:
        """New relevance-model percentiles and ranks: repaint their column.

        A list sorted by likelihood is re-sorted only by the first ranking: after that it keeps its order
        while the analyst works (rows do not jump under the cursor, and a 100,000-row re-sort stays off
        the event loop); clicking the header or changing the filter re-sorts by the latest ranking.
        """
        first = not len(self._rows.position)
        self._rows.likely, self._rows.position = percentiles, positions
        if first and self._sort_key == LIKELY and self._rows.ids:
            self.layoutAboutToBeChanged.emit()
            old_ids = self._rows.ids
            self._rows.set_ids(self._find_ids())
            self._rows.pages.clear()
            self._remap_persistent(old_ids)
            self.layoutChanged.emit()
        elif self._rows.ids:
            self.dataChanged.emit(self.index(0, COL_LIKELY), self.index(len(self._rows.ids) - 1, COL_LIKELY))

    def row_of(self, doc_id: int) -> int | None:
        """The row showing `doc_id`, or None when it is not listed (the whole list is looked at)."""
        row = self._rows.row_of.get(doc_id)
        if row is None and self._partial:
            self.finish_loading()
            row = self._rows.row_of.get(doc_id)
        return row

    # -- Qt model API -----------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL; column -1 means search rank (or newest import first)."""
        key = SORT_KEYS[column] if 0 <= column < COLUMN_COUNT else "rank"
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending) and self._rows.ids and key != LIKELY:
            return
        self._rest.stop()
        self._partial = False
        self.layoutAboutToBeChanged.emit()
        old_ids = self._rows.ids
        previous = self._sort_key, self._descending
        self._sort_key, self._descending = key, descending
        try:
            ids = self._find_ids(time_limit=RESORT_LIMIT_S)
        except document_filter.SearchStopped as exc:
            self._sort_key, self._descending = previous
            self.layoutChanged.emit()
            self.search_state.emit(str(exc))
            return
        self._rows.set_ids(ids)
        self._rows.pages.clear()
        self._remap_persistent(old_ids)
        self.layoutChanged.emit()

    # -- internals --------------------------------------------------------------------------
    def _find_ids(self, limit: int | None = None, *, time_limit: float | None = None) -> list[int]:
        return self._rows.find_ids(self._filter, self._sort_key, self._descending, limit, time_limit=time_limit)

    def _update_counts(self) -> None:
        counts = document_filter.count_matching(self._db, self._filter)
        self._counts = {**counts, "total": document_count(self._db)}
        self.counts_changed.emit()

    def _remap_persistent(self, old_ids: list[int]) -> None:
        """Keep selections and the current index on the same documents across a re-sort."""
        old = self.persistentIndexList()
        new = []
        for index in old:
            doc_id = old_ids[index.row()] if 0 <= index.row() < len(old_ids) else None
            row = self._rows.row_of.get(doc_id) if doc_id is not None else None
            new.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(old, new)

