"""The outcomes of one import (imported, duplicate, failed with its reason) as a table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from triage_app.core.records import ImportOutcome
from triage_app.gui.i18n import QT_TRANSLATE_NOOP, core_text

COL_STATUS, COL_FILE, COL_DETAIL = range(3)
HEADERS = (QT_TRANSLATE_NOOP("ImportLogModel", "Result"), QT_TRANSLATE_NOOP("ImportLogModel", "File"), QT_TRANSLATE_NOOP("ImportLogModel", "Details"))
STATUS_WORDS = {
    "imported": QT_TRANSLATE_NOOP("ImportLogModel", "imported"),
    "duplicate": QT_TRANSLATE_NOOP("ImportLogModel", "duplicate"),
    "failed": QT_TRANSLATE_NOOP("ImportLogModel", "failed"),
    "skipped": QT_TRANSLATE_NOOP("ImportLogModel", "skipped"),
}
OutcomeRole = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class ImportLogModel(QAbstractTableModel):
    """A fully loaded list of ImportOutcome rows; failures first."""

    def __init__(self, outcomes: list[ImportOutcome], parent: Any = None) -> None:
        super().__init__(parent)
        order = {"failed": 0, "skipped": 1, "duplicate": 2, "imported": 3}
        self._rows = sorted(outcomes, key=lambda o: order.get(o.status, 9))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return self.tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        outcome = self._rows[index.row()]
        if role == OutcomeRole:
            return outcome
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == COL_STATUS:
                return self.tr(STATUS_WORDS.get(outcome.status, outcome.status))
            if index.column() == COL_FILE:
                return Path(outcome.source).name or outcome.source
            return self._detail(outcome)
        if role == Qt.ItemDataRole.ToolTipRole:
            return outcome.source if index.column() == COL_FILE else self._detail(outcome)
        return None

    @staticmethod
    def _detail(outcome: ImportOutcome) -> str:
        if outcome.status == "imported":  # with the import's note, if it has one (a frameset without its frames)
            shown = f"#{outcome.doc_id} {outcome.title or ''}".strip()
            return f"{shown} ({core_text(outcome.reason)})" if outcome.reason else shown
        if outcome.status == "duplicate":
            return QCoreApplication.translate("ImportLogModel", "already in the library as #{id}").format(id=outcome.doc_id)
        return outcome.reason or ""
