"""Small, fully loaded models for the side panel: a document's entities by type, and its quotes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from triage_app.gui.i18n import QT_TRANSLATE_NOOP, entity_type

EntityIdRole = Qt.ItemDataRole.UserRole + 1
CanonicalRole = Qt.ItemDataRole.UserRole + 2
QuoteStartRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = 0xFFFFFFFF
QUOTE_KINDS = {
    "direct": QT_TRANSLATE_NOOP("QuoteTableModel", "direct"),
    "partial": QT_TRANSLATE_NOOP("QuoteTableModel", "partial"),
    "indirect": QT_TRANSLATE_NOOP("QuoteTableModel", "indirect"),
}


class EntitySummaryModel(QAbstractItemModel):
    """Two levels: entity types ("PERSON (3)"), then entities with their mention counts."""

    COL_NAME, COL_COUNT = 0, 1
    HEADERS = (QT_TRANSLATE_NOOP("EntitySummaryModel", "Entity"), QT_TRANSLATE_NOOP("EntitySummaryModel", "Mentions"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._labels: list[str] = []
        self._rows: dict[str, list[dict[str, Any]]] = {}

    def set_summary(self, summary: list[dict[str, Any]], labels: tuple[str, ...]) -> None:
        """Replace the contents with `entity_summary` rows whose label is in `labels` (in that order)."""
        self.beginResetModel()
        self._rows = {}
        for row in summary:
            if row["label"] in labels and not row.get("hidden"):
                self._rows.setdefault(row["label"], []).append(row)
        for rows in self._rows.values():
            rows.sort(key=lambda r: (-int(r["count"]), str(r["canonical"]).lower()))
        self._labels = [label for label in labels if label in self._rows]
        self.endResetModel()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _NO_PARENT)
        return self.createIndex(row, column, parent.row())

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(int(child.internalId()), 0, _NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._labels)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self._rows[self._labels[parent.row()]])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 2:
            return self.tr(self.HEADERS[section])
        return None

    def entity_row(self, index: Index) -> dict[str, Any] | None:
        """The summary row behind an entity index (None for a type row)."""
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        return self._rows[self._labels[int(index.internalId())]][index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.entity_row(index)
        if row is None:
            label = self._labels[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                if index.column() == self.COL_NAME:
                    return entity_type(label)
                return str(sum(int(r["count"]) for r in self._rows[label]))
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row["canonical"]) if index.column() == self.COL_NAME else str(row["count"])
        if role == Qt.ItemDataRole.ToolTipRole:
            mentions = self.tr("%n mention(s)", "", int(row["count"]))
            return f"{entity_type(row['label'])}: {row['canonical']} ({mentions})"
        if role == EntityIdRole:
            return int(row["entity_id"])
        if role == CanonicalRole:
            return str(row["canonical"])
        return None


class QuoteTableModel(QAbstractTableModel):
    """The document's quotes: speaker and quoted text."""

    COL_SPEAKER, COL_TEXT = 0, 1
    HEADERS = (QT_TRANSLATE_NOOP("QuoteTableModel", "Speaker"), QT_TRANSLATE_NOOP("QuoteTableModel", "Quote"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._quotes: list[dict[str, Any]] = []

    def set_quotes(self, quotes: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._quotes = list(quotes)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._quotes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 2:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._quotes):
            return None
        quote = self._quotes[index.row()]
        speaker = str(quote.get("speaker_canonical") or quote.get("speaker") or self.tr("unknown"))
        others = ", ".join(f"{o['speaker']} (#{o['doc_id']})" for o in quote.get("also_attributed_to") or [])
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.COL_SPEAKER:
                return f"\u26a0 {speaker}" if others else speaker
            return str(quote["text"])
        if role == Qt.ItemDataRole.ToolTipRole:
            kind = self.tr(QUOTE_KINDS.get(quote.get("kind") or "direct", "direct"))
            tip = f"{speaker}: \u201c{quote['text']}\u201d ({kind})"
            if others:
                tip += "\n" + self.tr("The same words are attributed elsewhere to {names}").format(names=others)
            return tip
        if role == QuoteStartRole:
            return int(quote["start"])
        return None
