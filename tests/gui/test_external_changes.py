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
