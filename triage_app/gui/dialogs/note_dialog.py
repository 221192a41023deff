"""Editing the analyst's note on one or several documents."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from triage_app.gui.dialogs.buttons import ok_cancel


class NoteDialog(QDialog):
    """A plain-text note; for several documents the same note is written to each."""

    def __init__(self, note: str, count: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note"))
        label = QLabel(self.tr("Note on this document:") if count == 1 else self.tr("Note on each of the %n selected documents:", "", count))
        self.edit = QPlainTextEdit(note)
        self.edit.setTabChangesFocus(True)
        label.setBuddy(self.edit)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)
        self.resize(480, 260)

    def note(self) -> str:
        return self.edit.toPlainText().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, note: str, count: int = 1) -> str | None:
        """The edited note, or None when cancelled."""
        dialog = cls(note, count, parent)
        return dialog.note() if dialog.exec() == QDialog.DialogCode.Accepted else None
