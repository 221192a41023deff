"""Entities of the whole library, most mentioned first, for the entity filter's completion."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from sqlite_utils import Database

from triage_app.core.library.sort_keys import sort_key
from triage_app.core.records import SHOWN_ENTITY_LABELS
from triage_app.gui.i18n import entity_type

EntityIdRole = Qt.ItemDataRole.UserRole + 1
LabelRole = Qt.ItemDataRole.UserRole + 2
DocCountRole = Qt.ItemDataRole.UserRole + 3
MatchRole = Qt.ItemDataRole.UserRole + 4
"""The name as typed names match it: case and accents folded (`sort_key`, as the `entity:` search field compares)."""

DEFAULT_LIMIT = 5000

Index = QModelIndex | QPersistentModelIndex


def query_entities(
    db: Database, *, labels: tuple[str, ...] = SHOWN_ENTITY_LABELS, limit: int = DEFAULT_LIMIT
) -> list[dict[str, Any]]:
    """Entities of the shown types, not hidden by the analyst, with their document counts, most documents first, and
    the name as the `entity:` search field matches it (`match_key`: case and accents folded, kept in `entity_keys`)."""
    marks = ",".join("?" for _ in labels) or "NULL"
    sql = (
        "SELECT e.id AS entity_id, e.canonical, e.label, count(DISTINCT m.doc_id) AS doc_count, "
        "coalesce(k.key, '') AS match_key "
        "FROM entities e JOIN mentions m ON m.entity_id = e.id LEFT JOIN entity_keys k ON k.entity_id = e.id "
        f"WHERE coalesce(e.hidden, 0) = 0 AND e.label IN ({marks}) "
        "GROUP BY e.id ORDER BY doc_count DESC, e.canonical LIMIT ?"
    )
    return list(db.query(sql, [*labels, limit]))


class EntityListModel(QAbstractListModel):
    """One row per entity: display 'Name (LABEL, n docs)', edit role the bare name."""

    def __init__(self, db: Database, parent: Any = None, *, limit: int = DEFAULT_LIMIT) -> None:
        super().__init__(parent)
        self._db = db
        self._limit = limit
        self._rows: list[dict[str, Any]] = []

    def reload(self) -> None:
        """Query the library again (after annotation or entity corrections)."""
        rows = query_entities(self._db, limit=self._limit)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def entity(self, row: int) -> dict[str, Any] | None:
        """The entity dict at `row`."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, name: str) -> dict[str, Any] | None:
        """The most mentioned entity with this name: the same letters in any case, else with case and accents folded
        ("eric zemmour" finds "Éric Zemmour" when no entity is written without the accent)."""
        wanted = name.strip().casefold()
        same = next((r for r in self._rows if str(r["canonical"]).casefold() == wanted), None)
        if same is not None:
            return same
        key = sort_key(name.strip())
        return next((r for r in self._rows if r["match_key"] == key), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            count = int(row["doc_count"])
            return self.tr("{name} ({label}, %n doc(s))", "", count).format(name=row["canonical"], label=entity_type(row["label"]))
        if role == Qt.ItemDataRole.EditRole:
            return str(row["canonical"])
        if role == EntityIdRole:
            return int(row["entity_id"])
        if role == LabelRole:
            return str(row["label"])
        if role == DocCountRole:
            return int(row["doc_count"])
        if role == MatchRole:
            return str(row["match_key"])
        return None
