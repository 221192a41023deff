"""Main-window hardening cases: filter messages, off-thread search, history origins, Ctrl keys, bug dialog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtTest import QTest
from window_support import shown, titles

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform


def test_a_failed_write_shows_the_bug_dialog_and_saves_a_log(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from triage_app.gui.dialogs.error_dialog import BugDialog

    shown_logs: list[Any] = []
    monkeypatch.setattr(BugDialog, "ask", classmethod(lambda cls, parent, exc, path: shown_logs.append(path)))
    from triage_app.gui import triage_controller

    def broken(*_args: Any, **_kwargs: Any) -> str:
        raise LookupError("a bug in the setter")  # not a document another program removed: those are left out

    monkeypatch.setitem(triage_controller._SETTERS, "relevance", broken)
    make_window.populate(pages[:1])
    window = make_window()
    doc_id = window.library.db.execute("SELECT max(id) FROM documents").fetchone()[0]
    window.triage.set_relevance([doc_id], "relevant")
    qtbot.waitUntil(lambda: bool(shown_logs))
    assert shown_logs[0] is not None and "a bug in the setter" in shown_logs[0].read_text(encoding="utf-8")


def test_hardening_d4_relevance_typed_letter_by_letter_is_a_message_under_the_box(qtbot: Any, make_window: Any, pages: list[Path]) -> None:
    window = shown(qtbot, make_window())
    box = window.filter_bar.search
    for n in range(1, len("relevance:maybe") + 1):
        box.setText("relevance:maybe"[:n])
        window.filter_bar._emit()  # what the typing delay or Return does
    assert window.filter_bar.problem.isHidden()
    box.setText("relevance:m")
    window.filter_bar._emit()
    assert not window.filter_bar.problem.isHidden() and "relevance" in window.filter_bar.problem.text()


def test_hardening_d7_a_long_search_runs_off_the_gui_thread_and_a_newer_one_cancels_it(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from triage_app.gui.models import document_table
    from triage_app.gui.workers import GeneratorWorker

    make_window.populate(pages)
    window = shown(qtbot, make_window())
    monkeypatch.setattr(document_table, "SYNC_BUDGET_S", 0.0)  # every search is "long": it goes to a worker
    started: list[GeneratorWorker] = []
    real_start = document_table.QThreadPool.start

    def start(pool: Any, worker: Any, *args: Any) -> None:
        started.append(worker)
        real_start(pool, worker, *args)

    monkeypatch.setattr(document_table.QThreadPool, "start", start)
    window.filter_bar.set_query("storm")
    assert window.documents.searching and window.filter_bar.problem.text() == "Searching…"
    window.filter_bar.set_query("harbour -sanctions")  # typed before the first finished: it is cancelled
    assert started[0].is_cancelled() and not started[1].is_cancelled()
    qtbot.waitUntil(lambda: not window.documents.searching)
    assert titles(window) == ["Harbour strike enters second week"]
    assert window.documents.counts()["matching"] == 1 and window.filter_bar.problem.isHidden()
    assert QThreadPool.globalInstance().waitForDone(5000)


def test_hardening_d9_history_shows_where_each_change_came_from(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from triage_app.gui.dialogs.history_dialog import HistoryDialog, history_text

    make_window.populate(pages)
    window = shown(qtbot, make_window())
    doc_id = window.documents.id_at(0)
    window.library.db.execute("INSERT INTO audit(at, user, doc_id, field, old, new, origin) VALUES "
                              "('2026-01-01T00:00:00+00:00', 'colleague', ?, 'relevance', 'unreviewed', 'relevant', 'packet')",
                              [doc_id])
    window.library.db.conn.commit()
    shown_rows: list[list[dict[str, Any]]] = []
    monkeypatch.setattr(HistoryDialog, "ask", classmethod(lambda cls, parent, rows, title: shown_rows.append(rows)))
    QTest.keyClick(window.table, Qt.Key.Key_H)
    assert shown_rows and "[from a packet]" in history_text(shown_rows[0]) and "colleague" in history_text(shown_rows[0])


def test_window_commands_with_ctrl_reach_the_window_from_a_text_field(qtbot: Any, make_window: Any, pages: list[Path]) -> None:
    """Ctrl+E (export) did nothing while the search box had the focus, as it has when the window opens: on X11 a line
    edit reads Ctrl+E as "end of line" and Ctrl+D as "delete" (seen in the app). Its own editing keys stay its own."""
    make_window.populate(pages)
    window = shown(qtbot, make_window())
    search = window.filter_bar.search
    assert search in window.command_keys.fields  # where xcb's field claims Ctrl+E (tests/gui/test_command_keys.py)
    search.setFocus()
    triggered: list[str] = []
    for name in ("export", "what_changed", "select_all"):
        action = window.actions_by_name[name]
        action.triggered.disconnect()  # the dialogs would open modally
        action.triggered.connect(lambda _checked=False, n=name: triggered.append(n))
    QTest.keyClick(search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(search, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert triggered == ["export", "what_changed"]
    qtbot.keyClicks(search, "harbour")
    QTest.keyClick(search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # the field selects its text
    assert triggered == ["export", "what_changed"] and search.selectedText() == "harbour"
