"""Accessibility: every interactive widget of the window has a name in Qt's accessibility tree; Tab reaches all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform

Role = QAccessible.Role
INTERACTIVE = {
    Role.PushButton, Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.EditableText, Role.SpinBox,
    Role.Table, Role.Tree, Role.List, Role.ButtonMenu, Role.ButtonDropDown, Role.PageTab, Role.Slider,
    Role.MenuItem, Role.Document, Role.WebDocument,
}  # fmt: skip
"""Roles a person operates (the tree's leaves such as cells and header sections are named by their model)."""


def walk(iface: QAccessibleInterface, depth: int = 0) -> list[QAccessibleInterface]:
    """Every visible interface under `iface` (not into item views' cells: their text is the data)."""
    found = [iface]
    if depth > 40 or iface.role() in (Role.Table, Role.Tree, Role.List):
        return found
    for number in range(iface.childCount()):
        child = iface.child(number)
        if child is not None and child.isValid() and not child.state().invisible:
            found.extend(walk(child, depth + 1))
    return found


def describe(iface: QAccessibleInterface) -> str:
    widget = iface.object()
    return f"{iface.role().name} {type(widget).__name__} {getattr(widget, 'objectName', lambda: '')()!r}"


@pytest.fixture
def window(qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("TRIAGE_NO_WEBENGINE", "1")  # the simplified original: WebEngine's tree is Chromium's own
    make_window.populate(pages)
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    return window


def test_every_interactive_widget_has_an_accessible_name(window: Any) -> None:
    root = QAccessible.queryAccessibleInterface(window)
    assert root is not None and root.isValid()
    nodes = walk(root)
    interactive = [n for n in nodes if n.role() in INTERACTIVE]
    assert len(interactive) > 25  # the filters, the list, the legend, the reader panes, the side panel
    unnamed = [describe(n) for n in interactive if not n.text(QAccessible.Text.Name).strip()]
    assert unnamed == [], "no accessible name: " + ", ".join(unnamed)
    names = {n.text(QAccessible.Text.Name) for n in nodes}  # the read-only cleaned view is StaticText
    for wanted in ("Library", "Search the library", "Cleaned text", "Original text",
                   "Entities of this document", "Quotes of this document", "Highlight People", "Relevant"):
        assert wanted in names, wanted


def test_reader_and_filters_have_descriptions(window: Any) -> None:
    pane = window.reader_pane
    for widget in (window.table, window.filter_bar.search, window.filter_bar.relevance, pane.cleaned,
                   pane.original.text_view, pane.side_panel.entity_view, pane.side_panel.quote_view,
                   *pane.legend.buttons.values()):
        iface = QAccessible.queryAccessibleInterface(widget)
        assert iface.text(QAccessible.Text.Description).strip(), type(widget).__name__
        assert widget.accessibleName().strip(), type(widget).__name__


def test_tab_walks_filters_list_and_reader_in_reading_order(qtbot: Any, window: Any) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    pane = window.reader_pane
    window.filter_bar.search.setFocus()
    reached: list[QWidget] = []
    for _ in range(60):
        widget = QApplication.focusWidget()
        if widget is not None and widget not in reached:
            reached.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    order = [window.filter_bar.search, window.filter_bar.relevance, window.filter_bar.entity, window.table,
             *pane.legend.buttons.values(), pane.cleaned, pane.original.text_view, pane.side_panel.entity_view,
             pane.side_panel.quote_view]
    positions = [reached.index(w) if w in reached else -1 for w in order]
    assert -1 not in positions, [type(w).__name__ for w, p in zip(order, positions) if p == -1]
    assert positions == sorted(positions)


def test_menu_key_in_the_cleaned_text_offers_the_block_under_the_cursor(qtbot: Any, window: Any) -> None:
    pane = window.reader_pane
    qtbot.waitUntil(lambda: pane.data is not None and bool(pane.data.paragraphs))
    cursor = QTextCursor(pane.cleaned.document())
    cursor.setPosition(pane.cleaned.paragraph_position(0))
    pane.cleaned.setTextCursor(cursor)
    seen: list[int] = []
    pane.cleaned.context_menu_requested.connect(lambda paragraph, *_: seen.append(paragraph))
    origin = QPoint(0, 0)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, origin, pane.cleaned.viewport().mapToGlobal(origin))
    QApplication.sendEvent(pane.cleaned, event)
    assert seen == [0]


def test_menu_key_in_the_text_original_offers_the_line_under_the_cursor(qtbot: Any, window: Any) -> None:
    view = window.reader_pane.original.text_view
    qtbot.waitUntil(lambda: not window.reader_pane.original_pending and bool(view.toPlainText()))
    cursor = QTextCursor(view.document().findBlockByNumber(2))  # the third line: a block of the page
    view.setTextCursor(cursor)
    expected = view.block_at(view.cursorRect().center())
    assert expected is not None
    seen: list[int] = []
    view.context_menu_requested.connect(lambda index, _pos: seen.append(index))
    origin = QPoint(0, 0)
    QApplication.sendEvent(view, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, origin, view.viewport().mapToGlobal(origin)))
    assert seen == [expected.index]
