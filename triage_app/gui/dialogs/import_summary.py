"""The end of an import: how many were imported, duplicates and failures, with a log of each failure."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from triage_app.core.jobs import summarise
from triage_app.core.records import ImportOutcome
from triage_app.gui.models.import_log import COL_DETAIL, ImportLogModel


def summary_text(outcomes: list[ImportOutcome], *, cancelled: bool = False) -> str:
    """'3 imported · 1 duplicate · 2 failed' (and 'cancelled' when stopped early)."""
    counts = summarise(outcomes)
    parts = [
        QCoreApplication.translate("ImportSummaryDialog", "%n imported", "", counts["imported"]),
        QCoreApplication.translate("ImportSummaryDialog", "%n duplicate(s)", "", counts["duplicate"]),
        QCoreApplication.translate("ImportSummaryDialog", "%n failed", "", counts["failed"]),
    ]
    text = " · ".join(parts)
    if cancelled:
        return QCoreApplication.translate("ImportSummaryDialog", "Import cancelled: {counts}").format(counts=text)
    return text


def log_text(outcomes: list[ImportOutcome]) -> str:
    """The import log as plain text, one line per file."""
    return "\n".join(o.describe() for o in outcomes)


class ImportSummaryDialog(QDialog):
    """Counts on top, then the log: failures first, each with its reason."""

    def __init__(self, outcomes: list[ImportOutcome], *, cancelled: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished") if not cancelled else self.tr("Import cancelled"))
        self.outcomes = outcomes
        self.summary = QLabel(summary_text(outcomes, cancelled=cancelled))
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.summary.setFont(font)
        self.model = ImportLogModel(outcomes, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        self.table.setAccessibleName(self.tr("Import log"))
        copy = QPushButton(self.tr("Copy log"))
        copy.setToolTip(self.tr("Copy the import log to the clipboard"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(log_text(outcomes)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 420)

    @classmethod
    def ask(cls, parent: QWidget | None, outcomes: list[ImportOutcome], *, cancelled: bool = False) -> None:
        """Show the summary and wait until it is closed."""
        cls(outcomes, cancelled=cancelled, parent=parent).exec()
