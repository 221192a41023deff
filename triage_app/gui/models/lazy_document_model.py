"""A read-only table model over `DocumentRows`: a row's page is fetched when the view first asks for it.

`DocumentTableModel` (document_table.py) builds on it and decides which documents are listed and in
which order; this class answers the view, and the window's questions, about the rows that are listed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from sqlite_utils import Database

from triage_app.core.library import document_filter, query_syntax
from triage_app.gui.models.document_columns import (
    COL_LIKELY,
    COLUMN_COUNT,
    HANDLED_ROLES,
    LIKELY_ROLES,
    DocumentRole,
    cell_data,
    header_data,
    likely_data,
)
from triage_app.gui.models.document_rows import DocumentRows

Index = QModelIndex | QPersistentModelIndex
_DOCUMENT = int(DocumentRole)


class LazyDocumentModel(QAbstractTableModel):
    """The cells of the listed documents, read from rows that `DocumentRows` fetches a page at a time."""

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._filter = document_filter.DocumentFilter()  # what is listed; its query also picks the snippets
        self._rows = DocumentRows(db)  # the listed ids and their cached row pages

    @property
    def filter(self) -> document_filter.DocumentFilter:
        return self._filter

    def cached_row_count(self) -> int:
        """How many rows are held in memory right now."""
        return self._rows.cached_row_count()

    def likely(self, doc_id: int) -> int | None:
        """The relevance model's percentile for a document (None before the first ranking)."""
        return self._rows.likely_of(doc_id)

    def id_at(self, row: int) -> int | None:
        """The document id shown at `row`, or None."""
        return self._rows.id_at(row)

    def snippet(self, row: int) -> str:
        """The search snippet of the document at `row` (hit words between the internal marks), made once."""
        doc_id = self._rows.id_at(row)
        if doc_id is None or not query_syntax.parse_query(self._filter.query).match:
            return ""
        return self._rows.snippet(doc_id, self._filter.query)

    def row_data(self, row: int) -> dict[str, Any]:
        """The list columns of the document at `row` (fetched with its page)."""
        return self._rows.row_data(row)

    # -- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        return header_data(section, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)  # compared as a plain int, and most roles a view asks for are not ours (HANDLED_ROLES)
        ids = self._rows.ids
        if role not in HANDLED_ROLES or not index.isValid() or not 0 <= index.row() < len(ids):
            return None
        row_no, column = index.row(), index.column()
        if role == _DOCUMENT:
            return ids[row_no]
        if column == COL_LIKELY and role in LIKELY_ROLES:
            return likely_data(self.likely(ids[row_no]), role)
        return cell_data(self.row_data(row_no), column, role, lambda: self.snippet(row_no))
