"""Window commands on Ctrl keys reach the window while a text field has the focus (`CommandKeysInFields`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

from triage_app.gui.widgets.command_keys import CommandKeysInFields


class X11LineEdit(QLineEdit):
    """A line edit with X11's key bindings, whatever the test's platform: it claims Ctrl+E (end of line) and Ctrl+D
    (delete) as its own, as the xcb platform's field does (the offscreen platform's does not)."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.modifiers() == Qt.KeyboardModifier.ControlModifier and event.key() in (Qt.Key.Key_E, Qt.Key.Key_D):
                event.accept()
                return True
        return super().event(event)


def _window(qtbot: Any, *, passthrough: bool) -> tuple[QMainWindow, QLineEdit, list[str]]:
    window = QMainWindow()
    qtbot.addWidget(window)
    field = X11LineEdit()
    window.setCentralWidget(field)
    fired: list[str] = []
    actions = []
    for name, key in (("export", "Ctrl+E"), ("what_changed", "Ctrl+D"), ("select_all", "Ctrl+A"), ("star", "S")):
        action = QAction(name, window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False, n=name: fired.append(n))
        window.addAction(action)
        actions.append(action)
    if passthrough:
        keys = CommandKeysInFields((k for a in actions for k in a.shortcuts()), window)
        keys.watch_fields_of(window)
        window.command_keys = keys  # type: ignore[attr-defined]  # kept, as the main window keeps its own
        assert keys.fields == [field]
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # shortcuts fire in the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    field.setFocus()
    return window, field, fired


def test_ctrl_commands_pass_a_field_that_claims_them(qtbot: Any) -> None:
    _win, field, fired = _window(qtbot, passthrough=True)
    QTest.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(field, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert fired == ["export", "what_changed"]


def test_without_it_the_field_keeps_them(qtbot: Any) -> None:
    """What Ctrl+E did on X11 before: nothing the analyst could see."""
    _win, field, fired = _window(qtbot, passthrough=False)
    QTest.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert fired == []


def test_plain_keys_and_the_fields_editing_keys_stay_the_fields(qtbot: Any) -> None:
    _win, field, fired = _window(qtbot, passthrough=True)
    qtbot.keyClicks(field, "harbours")
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert fired == [] and field.text() == "harbours" and field.selectedText() == "harbours"
