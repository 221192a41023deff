"""The library list: a table model over SQL holding only an id list and a small cache of row pages.

Filtering, search and sorting run in SQL (core/library/document_filter.py); rows are fetched a page at a time
as the view asks for them, so the model stays fast with 100,000 documents. With a search, a new filter
lists the best `PAGE_SIZE` hits first and the rest of the ranked list a moment later (a zero timer), and
a row's snippet is only made when its tooltip asks for it.
"""

from __future__ import annotations

import html
import sqlite3
from collections import OrderedDict
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from triage_app.core.language import language_name
from triage_app.core.library import document_filter, query_syntax, search
from triage_app.core.library.documents import document_count
from triage_app.core.review.session import UNRANKED
from triage_app.gui import theme
from triage_app.gui.i18n import QT_TRANSLATE_NOOP
from triage_app.gui.workers import GeneratorWorker

COL_RELEVANCE, COL_STAR, COL_TITLE, COL_SITE, COL_PUBLISHED, COL_IMPORTED, COL_WORDS, COL_TAGS = range(8)
COL_KIND = 8
COL_LANGUAGE = 9
COL_LIKELY = 10  # prioritised review (issue 13): the model's percentile, not a decision
COLUMN_COUNT = 11
HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("DocumentTableModel", "Relevance"), "★", QT_TRANSLATE_NOOP("DocumentTableModel", "Title"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Site"), QT_TRANSLATE_NOOP("DocumentTableModel", "Published"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Imported"), QT_TRANSLATE_NOOP("DocumentTableModel", "Words"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Tags"), QT_TRANSLATE_NOOP("DocumentTableModel", "Kind"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Language"), QT_TRANSLATE_NOOP("DocumentTableModel", "Likely relevant"),
)  # fmt: skip
SORT_KEYS: tuple[str, ...] = (
    "relevance", "starred", "title", "site", "published", "imported_at", "word_count", "tags", "format", "language",
    "likely",
)  # fmt: skip
"""The `document_filter.SORT_COLUMNS` key each column sorts by ('likely' sorts by the relevance model, in memory)."""
LIKELY = "likely"
# Columns added by later issues, each appended on its own lines.
COL_COPIES = COLUMN_COUNT  # near-duplicate cluster size (issue 15)
COLUMN_COUNT += 1
HEADERS += (QT_TRANSLATE_NOOP("DocumentTableModel", "Copies"),)
SORT_KEYS += ("copies",)
KIND_LABELS = {
    "html": QT_TRANSLATE_NOOP("CaptureKind", "Web page"),
    "mhtml": QT_TRANSLATE_NOOP("CaptureKind", "MHTML"),
    "singlefile": QT_TRANSLATE_NOOP("CaptureKind", "SingleFile"),
    "webarchive": QT_TRANSLATE_NOOP("CaptureKind", "Safari web archive"),
    "text": QT_TRANSLATE_NOOP("CaptureKind", "Text dump"),
    "warc": QT_TRANSLATE_NOOP("CaptureKind", "Web archive"),
    "pdf": QT_TRANSLATE_NOOP("CaptureKind", "PDF"),
    "email": QT_TRANSLATE_NOOP("CaptureKind", "E-mail"),
}
"""How each capture kind (documents.format) is named in the list and the kind filter (translated on display)."""


def kind_label(kind: str | None) -> str:
    """A capture kind as shown ("pdf" -> "PDF", "warc" -> "Web archive"; unknown kinds as stored)."""
    text = str(kind or "")
    return QCoreApplication.translate("CaptureKind", KIND_LABELS[text]) if text in KIND_LABELS else text

SortRole = Qt.ItemDataRole.UserRole
DocumentRole = Qt.ItemDataRole.UserRole + 1  # the document id
RelevanceRole = Qt.ItemDataRole.UserRole + 2
StarredRole = Qt.ItemDataRole.UserRole + 3
SnippetRole = Qt.ItemDataRole.UserRole + 4  # the search snippet (plain text, hit words in «»)
RowRole = Qt.ItemDataRole.UserRole + 5  # the whole row dict

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_SORT, _DOCUMENT, _RELEVANCE, _STARRED, _SNIPPET, _ROW = (
    int(r) for r in (SortRole, DocumentRole, RelevanceRole, StarredRole, SnippetRole, RowRole)
)
_HANDLED_ROLES = frozenset(
    (_DISPLAY, _TOOLTIP, _FOREGROUND, _ALIGNMENT, _ACCESSIBLE, _SORT, _DOCUMENT, _RELEVANCE, _STARRED, _SNIPPET, _ROW)
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)

SYNC_BUDGET_S = 0.15
"""A search gets this long on the GUI thread; one that needs more moves to a worker thread (own connection)."""
BACKGROUND_LIMIT_S = 60.0
RESORT_LIMIT_S = 5.0
PAGE_SIZE = 200
MAX_CACHED_PAGES = 16
MAX_CACHED_SNIPPETS = 2000
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"

Index = QModelIndex | QPersistentModelIndex


class DocumentTableModel(QAbstractTableModel):
    """Documents matching a `DocumentFilter`, in SQL order, with rows fetched lazily."""

    counts_changed = Signal()
    search_state = Signal(str)  # "" when the list is up to date, else "Searching…" or why a search stopped

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._filter = document_filter.DocumentFilter()
        self._sort_key = "rank"
        self._descending = False
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()
        self._counts = {"matching": 0, "unreviewed": 0, "total": 0}
        self._snippets: dict[int, str] = {}
        self._likely = np.zeros(0, np.int16)  # the relevance model's percentile by document id (-1: none)
        self._position = np.zeros(0, np.int64)  # its rank by document id (0 = most likely), for sorting
        self._partial = False  # only the first page of a search's ids is listed yet
        self._rest = QTimer(self)  # lists the rest of a search's ranked ids after its first page
        self._rest.setSingleShot(True)
        self._rest.setInterval(0)
        self._rest.timeout.connect(self.finish_loading)
        self._path = search.database_path(db)
        self._worker: GeneratorWorker | None = None  # the background search; a newer one cancels it

    # -- our API ----------------------------------------------------------------------------
    @property
    def filter(self) -> document_filter.DocumentFilter:
        return self._filter

    @property
    def ids(self) -> list[int]:
        """Ids of the listed documents, in display order (a copy; the whole list, even right after a search)."""
        self.finish_loading()
        return list(self._ids)

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

    def cached_row_count(self) -> int:
        """How many rows are held in memory right now."""
        return sum(len(page) for page in self._pages.values())

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
            self._search_in_background()
            return
        self.search_state.emit("")

    def stop_search(self) -> None:
        """Cancel a background search (a newer one replaces it, or the window closes)."""
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None

    @property
    def searching(self) -> bool:
        """True while a long search runs in the background."""
        return self._worker is not None

    def _search_in_background(self) -> None:
        path, flt, key, descending = self._path or "", self._filter, self._sort_key, self._descending
        worker = GeneratorWorker(lambda cancelled: search.background_search(
            path, flt, sort=key, descending=descending, is_cancelled=cancelled, time_limit=BACKGROUND_LIMIT_S))
        worker.signals.finished.connect(lambda last, w=worker: self._background_done(w, last))
        worker.signals.failed.connect(lambda exc, w=worker: self._background_failed(w, exc))
        self._worker = worker
        self.search_state.emit(QCoreApplication.translate("DocumentTableModel", "Searching…"))
        QThreadPool.globalInstance().start(worker)

    def _background_done(self, worker: GeneratorWorker, last: Any) -> None:
        if worker is not self._worker:
            return  # an older search that finished before it saw the cancel
        self._worker = None
        ids, counts = last.result
        self._rest.stop()
        self._partial = False
        self.beginResetModel()
        self._set_ids(ids)
        self._pages.clear()
        self._snippets.clear()
        self.endResetModel()
        self._counts = counts
        self.counts_changed.emit()
        self.search_state.emit("")

    def _background_failed(self, worker: GeneratorWorker, exc: BaseException) -> None:
        if worker is not self._worker:
            return
        self._worker = None
        if isinstance(exc, (document_filter.SearchStopped, sqlite3.Error)):
            self.search_state.emit(str(exc))
        else:
            raise exc

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
        self._set_ids(ids)
        self._pages.clear()
        self._snippets.clear()
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
        first = self._ids
        try:
            ids = self._find_ids(time_limit=RESORT_LIMIT_S)
        except document_filter.SearchStopped as exc:  # the first page stays listed
            self.search_state.emit(str(exc))
            return
        if ids[: len(first)] == first:
            if len(ids) > len(first):
                self.beginInsertRows(QModelIndex(), len(first), len(ids) - 1)
                self._set_ids(ids)
                self.endInsertRows()
            else:
                self._set_ids(ids)
            return
        self.layoutAboutToBeChanged.emit()  # ties ranked in another order: keep selections on their documents
        self._set_ids(ids)
        self._pages.clear()
        self._remap_persistent(first)
        self.layoutChanged.emit()

    def refresh_documents(self, doc_ids: list[int]) -> None:
        """Documents changed in the library (triage, tags): refetch their rows and repaint them."""
        self._pages.clear()
        rows = sorted(self._row_of[d] for d in doc_ids if d in self._row_of)
        if rows:
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], COLUMN_COUNT - 1))
        self._update_counts()

    def set_likely(self, percentiles: np.ndarray, positions: np.ndarray) -> None:
        """New relevance-model percentiles and ranks: repaint their column.

        A list sorted by likelihood is re-sorted only by the first ranking: after that it keeps its order
        while the analyst works (rows do not jump under the cursor, and a 100,000-row re-sort stays off
        the event loop); clicking the header or changing the filter re-sorts by the latest ranking.
        """
        first = not len(self._position)
        self._likely, self._position = percentiles, positions
        if first and self._sort_key == LIKELY and self._ids:
            self.layoutAboutToBeChanged.emit()
            old_ids = self._ids
            self._set_ids(self._find_ids())
            self._pages.clear()
            self._remap_persistent(old_ids)
            self.layoutChanged.emit()
        elif self._ids:
            self.dataChanged.emit(self.index(0, COL_LIKELY), self.index(len(self._ids) - 1, COL_LIKELY))

    def likely(self, doc_id: int) -> int | None:
        """The relevance model's percentile for a document (None before the first ranking)."""
        value = int(self._likely[doc_id]) if 0 <= doc_id < len(self._likely) else -1
        return None if value < 0 else value

    def id_at(self, row: int) -> int | None:
        """The document id shown at `row`, or None."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, doc_id: int) -> int | None:
        """The row showing `doc_id`, or None when it is not listed (the whole list is looked at)."""
        row = self._row_of.get(doc_id)
        if row is None and self._partial:
            self.finish_loading()
            row = self._row_of.get(doc_id)
        return row

    def snippet(self, row: int) -> str:
        """The search snippet of the document at `row` (hit words between the internal marks), made once."""
        doc_id = self.id_at(row)
        if doc_id is None or not query_syntax.parse_query(self._filter.query).match:
            return ""
        cached = self._snippets.get(doc_id)
        if cached is None:
            try:
                found = search.snippets(self._db, self._filter.query, [doc_id], marks=(_MARK_OPEN, _MARK_CLOSE))
            except sqlite3.Error:  # a snippet is a nicety; the tooltip must show even if FTS balks
                found = {}
            if len(self._snippets) >= MAX_CACHED_SNIPPETS:
                self._snippets.clear()
            cached = self._snippets[doc_id] = found.get(doc_id, "")
        return cached

    def row_data(self, row: int) -> dict[str, Any]:
        """The list columns of the document at `row` (fetched with its page)."""
        page_no, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            page = self._fetch_page(page_no)
        else:
            self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else {}

    # -- internals --------------------------------------------------------------------------
    def _find_ids(self, limit: int | None = None, *, time_limit: float | None = None) -> list[int]:
        if self._sort_key != LIKELY:
            return document_filter.find_ids(self._db, self._filter, sort=self._sort_key, descending=self._descending, limit=limit,
                                   time_limit=time_limit)
        ids = np.asarray(document_filter.find_ids(self._db, self._filter, sort="id", time_limit=time_limit), dtype=np.int64)
        if not len(self._position) or not len(ids):  # no ranking yet: id order until there is one
            plain: list[int] = ids.tolist()
            return plain[:limit] if limit is not None else plain
        known = ids < len(self._position)
        rank = np.where(known, self._position[np.where(known, ids, 0)], UNRANKED)
        scored = rank != UNRANKED
        key = rank if self._descending else np.where(scored, -rank, UNRANKED)  # not scored yet: last either way
        ordered: list[int] = ids[np.argsort(key, kind="stable")].tolist()
        return ordered[:limit] if limit is not None else ordered

    def _update_counts(self) -> None:
        counts = document_filter.count_matching(self._db, self._filter)
        self._counts = {**counts, "total": document_count(self._db)}
        self.counts_changed.emit()

    def _set_ids(self, ids: list[int]) -> None:
        self._ids = ids
        self._row_of = {doc_id: row for row, doc_id in enumerate(ids)}

    def _fetch_page(self, page_no: int) -> list[dict[str, Any]]:
        ids = self._ids[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE]
        rows = search.fetch_rows(self._db, ids)
        removed = {"title": self.tr("(removed)"), "tags": [], "relevance": "", "starred": 0}
        page = [rows.get(doc_id) or {"id": doc_id, **removed} for doc_id in ids]
        self._pages[page_no] = page
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    # -- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == COL_STAR:
                return self.tr("Starred")
            if section == COL_LIKELY:
                return self.tr("How likely the relevance model finds it (0-100, a rank, not a decision); sort by it")
            return self.tr("Sort by {column}").format(column=self.tr(HEADERS[section]).lower())
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Roles are compared as plain ints: a view asks ~7 roles per visible cell, and most of them
        # (decoration, font, background, check state) are not ours, so they return at once.
        role = int(role)
        if role not in _HANDLED_ROLES or not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = index.column()
        if role == _DOCUMENT:
            return self._ids[index.row()]
        if column == COL_LIKELY and role in (_DISPLAY, _SORT, _ALIGNMENT):
            likely = self.likely(self._ids[index.row()])
            if role == _ALIGNMENT:
                return _RIGHT
            return likely if role == _SORT else ("" if likely is None else str(likely))
        row = self.row_data(index.row())
        if role == _DISPLAY:
            return self._display(row, column)
        if role == _ALIGNMENT:
            if column in (COL_WORDS, COL_COPIES):
                return _RIGHT
            return _CENTRE if column == COL_STAR else None
        if role == _FOREGROUND:
            return theme.relevance_colour(row.get("relevance") or "", QApplication.palette()) if column == COL_RELEVANCE else None
        if role == _ROW:
            return row
        if role == _RELEVANCE:
            return row.get("relevance")
        if role == _STARRED:
            return bool(row.get("starred"))
        if role == _SNIPPET:
            return self.snippet(index.row()).replace(_MARK_OPEN, "«").replace(_MARK_CLOSE, "»")
        if role == _SORT:
            return self._sort_value(row, column)
        if role == _TOOLTIP:
            if column == COL_COPIES:
                return _copies_tooltip(row)
            return self._tooltip(row, self.snippet(index.row())) if column == COL_TITLE else None
        if role == _ACCESSIBLE and column == COL_STAR:
            return self.tr("starred") if row.get("starred") else self.tr("not starred")
        return None

    @staticmethod
    def _display(row: dict[str, Any], column: int) -> str:
        if column == COL_RELEVANCE:
            relevance = row.get("relevance") or ""
            label = QCoreApplication.translate("Relevance", theme.RELEVANCE_LABELS.get(relevance, relevance))
            return f"{theme.RELEVANCE_GLYPHS.get(relevance, '')} {label}".strip()
        if column == COL_STAR:
            return theme.STAR_ON if row.get("starred") else ""
        if column == COL_TITLE:
            return str(row.get("title") or QCoreApplication.translate("DocumentTableModel", "(untitled)"))
        if column == COL_SITE:
            return str(row.get("site") or "")
        if column == COL_PUBLISHED:
            return str(row.get("published") or "")[:10]
        if column == COL_IMPORTED:
            return str(row.get("imported_at") or "")[:16].replace("T", " ")
        if column == COL_WORDS:
            return f"{int(row.get('word_count') or 0):,}"
        if column == COL_TAGS:
            return ", ".join(row.get("tags") or [])
        if column == COL_KIND:
            return kind_label(row.get("format"))
        if column == COL_LANGUAGE:
            return language_name(row.get("language")) if row.get("language") else ""
        if column == COL_COPIES:
            return str(row["copies"]) if row.get("copies") else ""
        return ""

    @staticmethod
    def _sort_value(row: dict[str, Any], column: int) -> Any:
        key = SORT_KEYS[column]
        if key == "tags":
            return ", ".join(row.get("tags") or [])
        return row.get(key)

    @staticmethod
    def _tooltip(row: dict[str, Any], snippet: str) -> str:
        title = html.escape(str(row.get("title") or ""))
        if snippet:
            body = html.escape(snippet).replace(_MARK_OPEN, "<b>").replace(_MARK_CLOSE, "</b>")
            return f"<p><b>{title}</b></p><p>{body}</p>"
        url = row.get("url")
        return f"<p><b>{title}</b></p><p>{html.escape(str(url))}</p>" if url else f"<p>{title}</p>"

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL; column -1 means search rank (or newest import first)."""
        key = SORT_KEYS[column] if 0 <= column < COLUMN_COUNT else "rank"
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending) and self._ids and key != LIKELY:
            return
        self._rest.stop()
        self._partial = False
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        previous = self._sort_key, self._descending
        self._sort_key, self._descending = key, descending
        try:
            ids = self._find_ids(time_limit=RESORT_LIMIT_S)
        except document_filter.SearchStopped as exc:
            self._sort_key, self._descending = previous
            self.layoutChanged.emit()
            self.search_state.emit(str(exc))
            return
        self._set_ids(ids)
        self._pages.clear()
        self._remap_persistent(old_ids)
        self.layoutChanged.emit()

    def _remap_persistent(self, old_ids: list[int]) -> None:
        """Keep selections and the current index on the same documents across a re-sort."""
        old = self.persistentIndexList()
        new = []
        for index in old:
            doc_id = old_ids[index.row()] if 0 <= index.row() < len(old_ids) else None
            row = self._row_of.get(doc_id) if doc_id is not None else None
            new.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(old, new)


def _copies_tooltip(row: dict[str, Any]) -> str | None:
    """'3 near-identical documents from 2 independent sites' for a document in a cluster."""
    copies = int(row.get("copies") or 0)
    if not copies:
        return None
    sites = int(row.get("sites") or 0)
    text = QCoreApplication.translate("DocumentTableModel", "%n near-identical document(s)", "", copies) + " · " + QCoreApplication.translate("DocumentTableModel", "%n independent site(s)", "", sites
    )
    if row.get("cluster_id") == row.get("id"):
        text += " · " + QCoreApplication.translate("DocumentTableModel", "this one represents the cluster")
    return text
