"""A document's audit log, read-only, with where each change came from (here, undo, or a packet)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from triage_app.core.textsafe import one_line
from triage_app.gui.i18n import QT_TRANSLATE_NOOP

ORIGIN_LABELS = {"user": QT_TRANSLATE_NOOP("HistoryDialog", "here"), "undo": QT_TRANSLATE_NOOP("HistoryDialog", "undo"),
                 "packet": QT_TRANSLATE_NOOP("HistoryDialog", "from a packet")}


def history_text(rows: list[dict[str, Any]]) -> str:
    """One line per audit row: time, user, change, and its origin (a packet's rows keep the sender's time and user)."""
    lines = []
    for r in rows:
        key = str(r.get("origin") or "user")
        origin = QCoreApplication.translate("HistoryDialog", ORIGIN_LABELS[key]) if key in ORIGIN_LABELS else key
        if r.get("field") == "removed":  # what the library kept of it: title, file, hash
            change = QCoreApplication.translate("HistoryDialog", "removed from the library: {what}").format(what=r.get("old") or "")
        elif r.get("field") == "restored":
            change = QCoreApplication.translate("HistoryDialog", "brought back by an undo")
        else:
            change = f"{r.get('field')}: {r.get('old') or ''} → {r.get('new') or ''}"
        lines.append(one_line(f"{r.get('at')}  {r.get('user')}  [{origin}]  {change}"))
    return "\n".join(lines) or QCoreApplication.translate("HistoryDialog", "No change recorded yet.")


class HistoryDialog(QDialog):
    """The audit log of one document."""

    def __init__(self, rows: list[dict[str, Any]], title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of {title}").format(title=one_line(title)))
        self.text = QPlainTextEdit(history_text(rows))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(760, 360)

    @classmethod
    def ask(cls, parent: QWidget | None, rows: list[dict[str, Any]], title: str) -> None:
        """Show the history modally (tests monkeypatch this)."""
        cls(rows, title, parent).exec()
