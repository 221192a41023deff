"""Window commands on Ctrl or Alt keys that a focused text field would otherwise take for itself."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

FIELD_EDITING_KEYS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll,
)
"""Keys a text field keeps even when a window command has them too (Ctrl+A selects the field's text, Ctrl+Z undoes its
typing): what anyone expects of a field."""

_COMMAND_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class CommandKeysInFields(QObject):
    """Lets the window's Ctrl/Alt shortcuts fire while a line edit has the focus.

    A line edit claims some of them as cursor moves on X11 (Ctrl+E: end of line, Ctrl+D: delete the next character), so
    with the search box focused, as it is when the window opens, Ctrl+E did not export. Plain keys ("1", "S") and the
    field's editing keys (`FIELD_EDITING_KEYS`) stay the field's.
    """

    def __init__(self, keys: Iterable[QKeySequence], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys = {QKeySequence(key).toString() for key in keys if not key.isEmpty()}
        self.fields: list[QLineEdit] = []

    def watch_fields_of(self, widget: QWidget) -> None:
        """Watch every line edit below `widget` (the search box, the entity field, editable combo boxes)."""
        for field in widget.findChildren(QLineEdit):
            field.installEventFilter(self)
            self.fields.append(field)

    def is_command(self, event: QKeyEvent) -> bool:
        """The key is one of the window's commands with Ctrl or Alt, and not one of the field's editing keys."""
        if not event.modifiers() & _COMMAND_MODIFIERS or any(event.matches(key) for key in FIELD_EDITING_KEYS):
            return False
        return QKeySequence(event.keyCombination()).toString() in self._keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self.is_command(event):
            event.ignore()  # not claimed by the field: the shortcut map gives the key to the window's action
            return True
        return False
