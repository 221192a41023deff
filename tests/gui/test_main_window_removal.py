"""Removing documents in the window: Delete asks first, the list keeps its place, undo forgets them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from window_support import shown, titles

from triage_app.core.library import triage
from triage_app.core.library.documents import get_document

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform


def test_delete_asks_then_removes_and_the_next_document_is_shown(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_window.populate(pages)
    window = shown(qtbot, make_window())
    asked: list[tuple[int, str]] = []
    answer = [False]
    monkeypatch.setattr(window.removal, "confirm", lambda count, title: asked.append((count, title)) or answer[0])
    listed = list(window.documents.ids)
    window.select_document(listed[1])
    with qtbot.waitSignal(window.triage.documents_changed):
        QTest.keyClick(window.table, Qt.Key.Key_1)  # a decision on it, to undo later
    doomed_title = titles(window)[1]
    QTest.keyClick(window.table, Qt.Key.Key_Delete)  # Cancel: nothing happens
    assert asked == [(1, doomed_title)] and window.documents.ids == listed
    answer[0] = True
    QTest.keyClick(window.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.documents.rowCount() == 2, timeout=10000)
    assert window.documents.ids == [listed[0], listed[2]]
    assert window.current_id() == listed[2]  # the row below the removed one
    qtbot.waitUntil(lambda: window.reader_pane.doc_id == listed[2], timeout=10000)
    assert "Removed 1 document from the library (Ctrl+Z brings it back)" in window.statusBar().currentMessage()
    assert window.triage.undo_label() == "remove"  # the removal; its earlier decision cannot be undone into a gone document
    assert [r["field"] for r in triage.audit_log(window.library.db, listed[1])][-1] == "removed"
    assert doomed_title not in window.status_line.text()
    with qtbot.waitSignal(window.triage.documents_restored, timeout=10000):
        QTest.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.documents.rowCount() == 3, timeout=10000)
    assert window.documents.ids == listed and window.current_id() == listed[1]
    assert get_document(window.library.db, listed[1])["relevance"] == "relevant"  # its decision came back with it
    rows = triage.audit_log(window.library.db, listed[1])
    assert [r["field"] for r in rows][-2:] == ["removed", "restored"]
    from triage_app.gui.dialogs.history_dialog import history_text

    shown_lines = history_text(rows).splitlines()
    assert f"removed from the library: {doomed_title} · " in shown_lines[-2] and shown_lines[-1].endswith("brought back by an undo")
    assert not window.triage.can_undo()
    make_window.wait_idle(window)


def test_removing_every_listed_document_empties_the_reader(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_window.populate(pages)
    window = shown(qtbot, make_window())
    monkeypatch.setattr(window.removal, "confirm", lambda count, title: count == 3)
    window.select_row(0)
    QTest.keyClick(window.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    window.action("remove").trigger()
    qtbot.waitUntil(lambda: window.documents.rowCount() == 0, timeout=10000)
    assert window.current_id() is None and window.reader_pane.doc_id is None
    assert window.library.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    make_window.wait_idle(window)


def _removed_elsewhere(make_window: Any, window: Any, doc_ids: list[int]) -> None:
    """`triage-app remove` while the window is open, before the window looks again: its watcher
    (`external_changes`, every 2 s) is stopped so that it cannot read the list first."""
    from triage_app.core.library import Library
    from triage_app.core.library.removal import remove_documents

    window.external.stop()
    other = Library.open(make_window.path)
    try:
        remove_documents(other, doc_ids, origin="cli")
    finally:
        other.close()


def test_a_decision_on_a_document_another_program_removed_refreshes_the_list(
    qtbot: Any, make_window: Any, pages: list[Path]
) -> None:
    """`triage-app remove` while the window is open: the row is still listed until the window looks again."""
    make_window.populate(pages)
    window = shown(qtbot, make_window())
    listed = list(window.documents.ids)
    _removed_elsewhere(make_window, window, [listed[0]])
    window.select_document(listed[0])
    failures: list[object] = []
    window.triage.failed.connect(failures.append)
    with qtbot.waitSignal(window.triage.documents_gone, timeout=10000) as gone:
        QTest.keyClick(window.table, Qt.Key.Key_1)
    assert gone.args == [[listed[0]]] and failures == []
    qtbot.waitUntil(lambda: window.documents.ids == listed[1:], timeout=10000)
    assert f"removed by another program): #{listed[0]}" in window.statusBar().currentMessage()
    window.select_document(listed[1])  # the others still take decisions
    with qtbot.waitSignal(window.triage.documents_changed, timeout=10000):
        QTest.keyClick(window.table, Qt.Key.Key_1)
    assert get_document(window.library.db, listed[1])["relevance"] == "relevant"
    make_window.wait_idle(window)


def test_dialogs_on_a_document_another_program_removed_do_not_open(
    qtbot: Any, make_window: Any, pages: list[Path]
) -> None:
    make_window.populate(pages)
    window = shown(qtbot, make_window())
    listed = list(window.documents.ids)
    failures: list[object] = []
    window.triage.failed.connect(failures.append)
    for doc_id, key in zip(listed, (Qt.Key.Key_N, Qt.Key.Key_H, Qt.Key.Key_Delete), strict=True):
        _removed_elsewhere(make_window, window, [doc_id])
        assert window.select_document(doc_id)  # still listed: the window has not looked again
        with qtbot.waitSignal(window.triage.documents_gone, timeout=10000) as gone:
            QTest.keyClick(window.table, key)  # a modal dialog here would hang the test
        assert gone.args == [[doc_id]]
        qtbot.waitUntil(lambda d=doc_id: d not in window.documents.ids, timeout=10000)
    assert window.documents.rowCount() == 0 and failures == []
    make_window.wait_idle(window)


def test_the_undo_stack_keeps_the_rows_of_one_large_removal_not_of_every_one(qtbot: Any) -> None:
    from triage_app.core.library.removal_undo import UNDO_LIMIT_BYTES, RemovedRows
    from triage_app.gui.triage_controller import TriageController

    controller = TriageController(runner=None)  # type: ignore[arg-type]  # removed() writes nothing
    for first in (1, 3, 5):
        controller.removed([first, first + 1], RemovedRows([first, first + 1], size=UNDO_LIMIT_BYTES // 2 + 1))
    assert controller.can_undo() and [list(d.previous) for d in controller._undo] == [[5, 6]]
    controller.removed([7], RemovedRows([7], size=10))
    assert [list(d.previous) for d in controller._undo] == [[5, 6], [7]]
