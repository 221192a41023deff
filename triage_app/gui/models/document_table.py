"""The library list: a table model over SQL holding only an id list and a small cache of row pages.

Filtering, search and sorting run in SQL (core/library/search.py); rows are fetched a page at a time
as the view asks for them, so the model stays fast with 100,000 documents.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from triage_app.core.library import search
from triage_app.core.library.documents import document_count
from triage_app.gui import theme

COL_RELEVANCE, COL_STAR, COL_TITLE, COL_SITE, COL_PUBLISHED, COL_IMPORTED, COL_WORDS, COL_TAGS = range(8)
COLUMN_COUNT = 8
HEADERS = ("Relevance", "★", "Title", "Site", "Published", "Imported", "Words", "Tags")
SORT_KEYS = ("relevance", "starred", "title", "site", "published", "imported_at", "word_count", "tags")
"""The `search.SORT_COLUMNS` key each column sorts by."""

SortRole = Qt.ItemDataRole.UserRole
DocumentRole = Qt.ItemDataRole.UserRole + 1  # the document id
RelevanceRole = Qt.ItemDataRole.UserRole + 2
StarredRole = Qt.ItemDataRole.UserRole + 3
SnippetRole = Qt.ItemDataRole.UserRole + 4  # the search snippet (plain text, hit words in «»)
RowRole = Qt.ItemDataRole.UserRole + 5  # the whole row dict

PAGE_SIZE = 200
MAX_CACHED_PAGES = 16
_MARK_OPEN, _MARK_CLOSE = "\x02", "\x03"

Index = QModelIndex | QPersistentModelIndex


class DocumentTableModel(QAbstractTableModel):
    """Documents matching a `DocumentFilter`, in SQL order, with rows fetched lazily."""

    counts_changed = Signal()

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._filter = search.DocumentFilter()
        self._sort_key = "rank"
        self._descending = False
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()
        self._counts = {"matching": 0, "unreviewed": 0, "total": 0}

    # -- our API ----------------------------------------------------------------------------
    @property
    def filter(self) -> search.DocumentFilter:
        return self._filter

    @property
    def ids(self) -> list[int]:
        """Ids of the listed documents, in display order (a copy)."""
        return list(self._ids)

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

    def set_filter(self, flt: search.DocumentFilter) -> None:
        """Show the documents matching `flt`."""
        self._filter = flt
        self.reload()

    def set_sort(self, key: str, descending: bool = False) -> None:
        """Order by a `search.SORT_COLUMNS` key, or 'rank' (best hit / newest first)."""
        if key != "rank" and key not in search.SORT_COLUMNS:
            raise ValueError(f"cannot sort by {key!r}")
        self._sort_key, self._descending = key, descending
        self.reload()

    def reload(self) -> None:
        """Run the query again (new documents, changed filter); drops the row cache."""
        ids = search.find_ids(self._db, self._filter, sort=self._sort_key, descending=self._descending)
        self.beginResetModel()
        self._ids = ids
        self._row_of = {doc_id: row for row, doc_id in enumerate(ids)}
        self._pages.clear()
        self.endResetModel()
        self._update_counts()

    def refresh_documents(self, doc_ids: list[int]) -> None:
        """Documents changed in the library (triage, tags): refetch their rows and repaint them."""
        self._pages.clear()
        rows = sorted(self._row_of[d] for d in doc_ids if d in self._row_of)
        if rows:
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], COLUMN_COUNT - 1))
        self._update_counts()

    def id_at(self, row: int) -> int | None:
        """The document id shown at `row`, or None."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, doc_id: int) -> int | None:
        """The row showing `doc_id`, or None when it is not listed."""
        return self._row_of.get(doc_id)

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
    def _update_counts(self) -> None:
        counts = search.count_matching(self._db, self._filter)
        self._counts = {**counts, "total": document_count(self._db)}
        self.counts_changed.emit()

    def _fetch_page(self, page_no: int) -> list[dict[str, Any]]:
        ids = self._ids[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE]
        rows = search.fetch_rows(self._db, ids)
        snippets = self._snippets(ids)
        page = []
        for doc_id in ids:
            row = rows.get(doc_id) or {"id": doc_id, "title": "(removed)", "tags": [], "relevance": "", "starred": 0}
            row["snippet"] = snippets.get(doc_id, "")
            page.append(row)
        self._pages[page_no] = page
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    def _snippets(self, ids: list[int]) -> dict[int, str]:
        match = search.parse_query(self._filter.query).match
        if not match or not ids:
            return {}
        marks = ",".join("?" for _ in ids)
        sql = (
            "SELECT rowid, snippet(documents_fts, -1, ?, ?, '…', 16) FROM documents_fts "
            f"WHERE documents_fts MATCH ? AND rowid IN ({marks})"
        )
        try:
            result = self._db.execute(sql, [_MARK_OPEN, _MARK_CLOSE, match, *ids])
            return {int(rowid): str(snip) for rowid, snip in result}
        except Exception:  # a snippet is a nicety; the list must show even if FTS balks
            return {}

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
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Starred" if section == COL_STAR else f"Sort by {HEADERS[section].lower()}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = index.column()
        if role == DocumentRole:
            return self._ids[index.row()]
        row = self.row_data(index.row())
        if role == RowRole:
            return row
        if role == RelevanceRole:
            return row.get("relevance")
        if role == StarredRole:
            return bool(row.get("starred"))
        if role == SnippetRole:
            return row.get("snippet", "").replace(_MARK_OPEN, "«").replace(_MARK_CLOSE, "»")
        if role == SortRole:
            return self._sort_value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_RELEVANCE:
            return theme.relevance_colour(row.get("relevance") or "", QApplication.palette())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == COL_WORDS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == COL_STAR:
                return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == COL_STAR:
            return "starred" if row.get("starred") else "not starred"
        return None

    @staticmethod
    def _display(row: dict[str, Any], column: int) -> str:
        if column == COL_RELEVANCE:
            relevance = row.get("relevance") or ""
            label = theme.RELEVANCE_LABELS.get(relevance, relevance)
            return f"{theme.RELEVANCE_GLYPHS.get(relevance, '')} {label}".strip()
        if column == COL_STAR:
            return theme.STAR_ON if row.get("starred") else ""
        if column == COL_TITLE:
            return str(row.get("title") or "(untitled)")
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
        return ""

    @staticmethod
    def _sort_value(row: dict[str, Any], column: int) -> Any:
        key = SORT_KEYS[column]
        if key == "tags":
            return ", ".join(row.get("tags") or [])
        return row.get(key)

    @staticmethod
    def _tooltip(row: dict[str, Any], column: int) -> str | None:
        if column != COL_TITLE:
            return None
        title = html.escape(str(row.get("title") or ""))
        snippet = row.get("snippet") or ""
        if snippet:
            body = html.escape(snippet).replace(_MARK_OPEN, "<b>").replace(_MARK_CLOSE, "</b>")
            return f"<p><b>{title}</b></p><p>{body}</p>"
        url = row.get("url")
        return f"<p><b>{title}</b></p><p>{html.escape(str(url))}</p>" if url else f"<p>{title}</p>"

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL; column -1 means search rank (or newest import first)."""
        key = SORT_KEYS[column] if 0 <= column < COLUMN_COUNT else "rank"
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending) and self._ids:
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        self._sort_key, self._descending = key, descending
        ids = search.find_ids(self._db, self._filter, sort=key, descending=descending)
        self._ids = ids
        self._row_of = {doc_id: row for row, doc_id in enumerate(ids)}
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

