"""The reader's original of an HTML page without WebEngine: the text-browser fallback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import reader_web_support

from triage_app.core.library import Library
from triage_app.core.library.writer import LibraryWriter
from triage_app.core.settings import Settings, StateStore
from triage_app.gui.reader.colours import qcolor, reader_colours
from triage_app.gui.reader.pane import ReaderPane
from triage_app.gui.workers import TaskRunner

pytestmark = reader_web_support.QT_LOG_IGNORE

page_id = reader_web_support.page_id  # pytest fixtures, found by name
pane = reader_web_support.pane


def test_fallback_without_webengine(pane: ReaderPane, qtbot: Any, page_id: int,
                                    monkeypatch: pytest.MonkeyPatch, library: Library,
                                    writer: LibraryWriter, tmp_path: Path) -> None:
    monkeypatch.setenv("TRIAGE_NO_WEBENGINE", "1")
    widget = ReaderPane(library, TaskRunner(writer), Settings(None), StateStore(tmp_path / "state2.json"))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.original_ready) as ready:  # marked and loaded after the cleaned view
        widget.show_document(page_id)
    assert ready.args == [page_id]
    original = widget.original
    assert original.web is None
    assert original.currentWidget() is original.fallback
    assert "not available" in original.fallback.banner.text()
    browser = original.fallback.browser
    text = browser.toPlainText()
    assert "talks would resume in Geneva" in text and "HACKED" not in text
    assert "127.0.0.1" not in browser.toHtml()
    widget.show()
    qtbot.waitUntil(lambda: browser.loaded == ["page_files/pic.png"])
    assert browser.refused == []


def test_fallback_scrolls_to_a_clicked_paragraph(qtbot: Any, page_id: int, monkeypatch: pytest.MonkeyPatch,
                                                 library: Library, writer: LibraryWriter, tmp_path: Path) -> None:
    monkeypatch.setenv("TRIAGE_NO_WEBENGINE", "1")
    widget = ReaderPane(library, TaskRunner(writer), Settings(None), StateStore(tmp_path / "state.json"))
    qtbot.addWidget(widget)
    widget.resize(1000, 400)
    widget.show()
    with qtbot.waitSignal(widget.original_ready):
        widget.show_document(page_id)
    bar = widget.original.fallback.browser.verticalScrollBar()
    assert bar.value() == 0
    widget.cleaned.paragraph_clicked.emit(len(widget.data.paragraphs) - 1)
    assert bar.value() > 0
    removed = widget.original.fallback.browser.toHtml()
    shade = qcolor(reader_colours(widget.palette()).removed_background)
    assert f"rgba({shade.red()},{shade.green()},{shade.blue()}," in removed  # the removed nav and footer are shaded
