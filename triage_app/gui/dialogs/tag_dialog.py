"""Editing tags: a comma-separated line with completion of the tag being typed."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from triage_app.gui.dialogs.buttons import ok_cancel


def split_tags(text: str) -> list[str]:
    """Tags from a comma-separated line, trimmed, empty ones dropped, order kept, no repeats."""
    seen: dict[str, None] = {}
    for part in text.split(","):
        tag = part.strip()
        if tag:
            seen.setdefault(tag, None)
    return list(seen)


class TagCompleter(QCompleter):
    """Completes only the last comma-separated part of the line."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        completion = str(index.data(Qt.ItemDataRole.EditRole) or "")
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        head = text.rsplit(",", 1)[0] if "," in text else ""
        return f"{head}, {completion}, " if head else f"{completion}, "


class TagDialog(QDialog):
    """Tags of one or several documents; the known tags complete as you type."""

    def __init__(self, current: list[str], known: list[str], count: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tags"))
        if count == 1:
            label = QLabel(self.tr("Tags of this document, separated by commas:"))
        else:
            label = QLabel(self.tr("Tags of the %n selected documents, separated by commas:", "", count))
        self.edit = QLineEdit(", ".join(current))
        self.edit.setPlaceholderText(self.tr("e.g. sanctions, follow-up"))
        self.edit.setClearButtonEnabled(True)
        completer = TagCompleter(QStringListModel(known, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(completer)
        label.setBuddy(self.edit)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        if count > 1:
            layout.addWidget(QLabel(self.tr("Tags shown are the ones all of them share; removing one removes it from all.")))
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def tags(self) -> list[str]:
        return split_tags(self.edit.text())

    @classmethod
    def ask(cls, parent: QWidget | None, current: list[str], known: list[str], count: int = 1) -> list[str] | None:
        """The edited tag list, or None when cancelled."""
        dialog = cls(current, known, count, parent)
        return dialog.tags() if dialog.exec() == QDialog.DialogCode.Accepted else None
