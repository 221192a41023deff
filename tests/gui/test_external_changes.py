"""The window notices documents another program added or removed (a command-line import, `triage-app remove`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from window_support import shown

from triage_app.core import jobs
from triage_app.core.library import Library
from triage_app.core.library.removal import remove_documents
from triage_app.gui import external_changes

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform


def test_documents_added_and_removed_elsewhere_are_listed_as_they_are(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(external_changes, "POLL_MS", 50)
    make_window.populate(pages[:1])
    window = shown(qtbot, make_window())
    assert window.documents.rowCount() == 1
    with qtbot.assertNotEmitted(window.external.changed, wait=300):
        pass  # nothing changed elsewhere: no call to read the list again
    other = Library.open(make_window.path)
    try:
        list(jobs.import_documents(other, pages[1:]))  # a command-line import while the window is open
        qtbot.waitUntil(lambda: window.documents.rowCount() == len(pages), timeout=5000)
        added = max(window.documents.ids)
        remove_documents(other, [added], origin="cli")
        qtbot.waitUntil(lambda: added not in window.documents.ids, timeout=5000)
    finally:
        other.close()
    assert window.documents.rowCount() == len(pages) - 1
    make_window.wait_idle(window)


def test_a_command_line_decision_is_shown_and_the_windows_own_are_not_read_twice(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from triage_app.core.library import triage

    monkeypatch.setattr(external_changes, "POLL_MS", 50)
    make_window.populate(pages)
    window = shown(qtbot, make_window())
    first, second = window.documents.ids[:2]
    window.select_document(second)
    with qtbot.assertNotEmitted(window.external.changed, wait=400), qtbot.waitSignal(window.triage.documents_changed, timeout=10000):
        QTest.keyClick(window.table, Qt.Key.Key_2)  # the window's own decision: no second reading of the list
    other = Library.open(make_window.path)
    try:
        triage.set_relevance(other, first, "relevant", origin="cli")  # `triage-app mark` while the window is open
    finally:
        other.close()
    assert window.documents.row_of(first) is not None
    qtbot.waitUntil(lambda: window.documents.row_data(window.documents.row_of(first) or 0).get("relevance") == "relevant", timeout=5000)
    make_window.wait_idle(window)
