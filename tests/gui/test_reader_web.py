"""The reader's original of an HTML page in the locked-down WebEngine: no script, no network, no links followed, scrolling, right-click."""

from __future__ import annotations

from typing import Any

import reader_web_support
from reader_web_support import call

from triage_app.gui.reader.pane import ReaderPane
from triage_app.gui.reader.scheme import resource_url

pytestmark = reader_web_support.QT_LOG_IGNORE

page_id = reader_web_support.page_id  # pytest fixtures, found by name
pane = reader_web_support.pane


def test_web_original_runs_no_script_and_makes_no_network_request(pane: ReaderPane, qtbot: Any, page_id: int) -> None:
    pane.show()
    with qtbot.waitSignal(pane.original.page_loaded, timeout=30000) as loaded:
        pane.show_document(page_id)
    assert loaded.args == [True]
    web = pane.original.web
    assert pane.original.currentWidget() is web
    text = call(qtbot, web.page.toPlainText)
    assert "HACKED" not in text
    assert "talks would resume in Geneva" in text
    qtbot.waitUntil(lambda: resource_url(page_id, "page_files/pic.png") in web.handler.served or
                    f"triage-doc://doc/{page_id}/page_files/pic.png" in web.handler.served)
    remote = [r for r in web.guard.log if "127.0.0.1" in r.url]
    assert all(r.blocked for r in remote)
    assert all(r.blocked or r.url.startswith("triage-doc:") for r in web.guard.log)
    html = call(qtbot, web.page.toHtml)
    assert 'class="triage-removed"' in html and 'title="Removed: navigation"' in html
    assert 'title="Removed: footer"' in html


def test_web_original_scrolls_to_a_clicked_paragraph(pane: ReaderPane, qtbot: Any, page_id: int) -> None:
    pane.show()
    with qtbot.waitSignal(pane.original.page_loaded, timeout=30000):
        pane.show_document(page_id)
    web = pane.original.web
    assert web.page.scrollPosition().y() == 0
    last = len(pane.data.paragraphs) - 1
    pane.cleaned.paragraph_clicked.emit(last)
    qtbot.waitUntil(lambda: web.page.scrollPosition().y() > 500, timeout=10000)


def test_right_click_in_the_web_original_finds_the_block(pane: ReaderPane, qtbot: Any, page_id: int) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWebEngineCore import QWebEngineScript

    pane.show()
    with qtbot.waitSignal(pane.original.page_loaded, timeout=30000):
        pane.show_document(page_id)
    web = pane.original.web
    with qtbot.waitCallback(timeout=10000) as rect:
        web.page.runJavaScript(
            "(function(){var r=document.getElementById('blk-1').getBoundingClientRect(); return Math.round(r.left+5) + ',' + Math.round(r.top+5);})()",
            QWebEngineScript.ScriptWorldId.ApplicationWorld, rect)
    x, y = (int(v) for v in rect.args[0].split(","))
    with qtbot.waitSignal(web.context_menu_requested, timeout=10000) as menu:
        web._on_context_menu(QPoint(int(x), int(y)))
    assert menu.args[0] == 1
    actions = pane.commands.block_actions(pane.block(1))
    assert actions[0].text() == "Remove this block"


def test_links_in_the_original_are_not_followed(pane: ReaderPane, qtbot: Any, page_id: int) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineCore import QWebEnginePage

    pane.show()
    with qtbot.waitSignal(pane.original.page_loaded, timeout=30000):
        pane.show_document(page_id)
    page = pane.original.web.page
    link = QWebEnginePage.NavigationType.NavigationTypeLinkClicked
    with qtbot.waitSignal(pane.original.link_blocked):
        assert not page.acceptNavigationRequest(QUrl("http://127.0.0.1:9/home"), link, True)
    assert "not followed" in pane.status.text()
    assert not page.acceptNavigationRequest(QUrl(f"triage-doc://doc/{page_id}/news"), link, True)
    assert page.acceptNavigationRequest(QUrl(f"triage-doc://doc/{page_id}/index.html#blk-3"), link, True)


def test_showing_the_same_page_again_keeps_the_reading_position(pane: ReaderPane, qtbot: Any, page_id: int) -> None:
    pane.show()
    with qtbot.waitSignal(pane.original.page_loaded, timeout=30000):
        pane.show_document(page_id)
    web = pane.original.web
    pane.cleaned.paragraph_clicked.emit(len(pane.data.paragraphs) - 1)
    qtbot.waitUntil(lambda: web.page.scrollPosition().y() > 500, timeout=10000)
    before = web.page.scrollPosition().y()
    with qtbot.waitSignal(pane.original.page_loaded, timeout=30000):
        pane.reload()
    qtbot.waitUntil(lambda: abs(web.page.scrollPosition().y() - before) < 5, timeout=10000)
