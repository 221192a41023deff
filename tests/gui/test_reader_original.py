"""The reader pane's original of the seed text dump: removed lines, clicks that scroll it, when it loads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import reader_support
from PySide6.QtCore import QEvent, Qt
from reader_support import show

from triage_app.core.library import Library, documents

pytestmark = reader_support.QT_LOG_IGNORE

make_pane = reader_support.make_pane  # pytest fixtures, found by name
seed_id = reader_support.seed_id


def test_removed_lines_are_greyed_with_reason(make_pane: Any, qtbot: Any, seed_id: int) -> None:
    pane = make_pane()
    show(qtbot, pane, seed_id)
    assert pane.original.currentWidget() is pane.original.text_view
    view = pane.original.text_view
    assert view.toPlainText().splitlines()[0] == "Skip to main content"
    assert view.removed_lines() == {0: "Removed: navigation", 1: "Removed: tag list"}
    first_line = view.cursorRect(view.textCursor()).center()
    assert view.block_at(first_line) is not None and view.block_at(first_line).reason == "navigation"


def test_clicking_a_paragraph_scrolls_the_original(make_pane: Any, qtbot: Any, seed_id: int) -> None:
    pane = make_pane()
    pane.resize(900, 300)
    pane.show()
    qtbot.waitExposed(pane)
    show(qtbot, pane, seed_id)
    number = len(pane.data.paragraphs) - 1
    last = pane.data.paragraphs[number]
    view = pane.cleaned
    cursor = view.textCursor()
    cursor.setPosition(view.paragraph_position(number) + 1)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    point = view.cursorRect(cursor).center()
    assert view.paragraph_at(point) == number
    with qtbot.waitSignal(view.paragraph_clicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [number]
    text_view = pane.original.text_view
    line = int(last.block.source.split(":")[1].split("-")[0]) - 1
    assert text_view.textCursor().blockNumber() == line
    assert text_view.verticalScrollBar().value() > 0


def test_removed_line_tooltip_gives_the_reason(make_pane: Any, qtbot: Any, seed_id: int) -> None:
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    pane = make_pane()
    pane.show()
    show(qtbot, pane, seed_id)
    view = pane.original.text_view
    pos = view.cursorRect(view.textCursor()).center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.text() == "Removed: navigation"
    QToolTip.hideText()


def test_seed_imported_by_the_real_pipeline_shows_what_the_cleaner_removed(
    make_pane: Any, qtbot: Any, library: Library, seeds_copy: Path
) -> None:
    from triage_app.core.jobs import import_documents

    outcomes = [p.result for p in import_documents(library, [seeds_copy]) if p.result is not None]
    doc_id = next(o.doc_id for o in outcomes if o.status == "imported")
    with library.transaction() as db:
        db["documents"].update(doc_id, {"annotated_engine": "test-rows"})
    removed = [b for b in documents.get_blocks(library.db, doc_id) if not b.kept]
    assert removed, "the seed's navigation and tag lines are boilerplate"
    pane = make_pane()
    show(qtbot, pane, doc_id)
    shown = pane.original.text_view.removed_lines()
    lines = pane.original.text_view.toPlainText().splitlines()
    assert lines[0] == "Skip to main content" and 0 in shown
    for block in removed:
        first = int(block.source.split(":")[1].split("-")[0]) - 1
        assert shown[first] == f"Removed: {block.reason}"
    assert "Skip to main content" not in pane.cleaned.toPlainText()


def test_original_is_loaded_after_the_cleaned_view_and_cancelled_by_the_next(
    make_pane: Any, qtbot: Any, library: Library, seed_id: int
) -> None:
    """The cleaned view is there at once; the original follows; showing something else cancels it."""
    pane = make_pane()
    pane.show()
    qtbot.waitExposed(pane)
    ready: list[int] = []
    pane.original_ready.connect(ready.append)
    pane.show_document(seed_id)
    assert pane.original_pending and "Witkoff" in pane.cleaned.toPlainText()
    assert pane.original.currentWidget() is not pane.original.text_view
    with qtbot.assertNotEmitted(pane.original_ready, wait=50):  # the next document cancels the original
        pane.show_document(None)
        assert not pane.original_pending
    assert ready == [] and pane.original.doc_id is None
    with qtbot.waitSignal(pane.original_ready) as shown:
        pane.show_document(seed_id)
    assert shown.args == [seed_id] and ready == [seed_id]
    assert pane.original.currentWidget() is pane.original.text_view and pane.original.doc_id == seed_id
    pane.show_document(None)
    with qtbot.assertNotEmitted(pane.original_ready, wait=50):
        pane.show_document(seed_id)
        pane.hide()  # a hidden pane holds its original back until it is shown again
    assert not pane.original_pending and pane.original.doc_id is None
    with qtbot.waitSignal(pane.original_ready):
        pane.show()
    assert pane.original.doc_id == seed_id


def test_a_pane_off_screen_loads_its_original_at_once(make_pane: Any, seed_id: int) -> None:
    pane = make_pane()
    pane.show_document(seed_id)
    assert not pane.original_pending and pane.original.currentWidget() is pane.original.text_view
