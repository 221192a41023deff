"""Shared set-up (no tests) for the tests of the reader's original of an HTML page: the page, its document, a pane."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage
from reader_support import delete_closed_widgets

from triage_app.core.library import Library, documents
from triage_app.core.library.writer import LibraryWriter
from triage_app.core.records import Block, CleanResult, ParsedDocument, Resource
from triage_app.core.settings import Settings, StateStore
from triage_app.gui.reader.pane import ReaderPane
from triage_app.gui.reader.scheme import register_scheme
from triage_app.gui.workers import TaskRunner

os.environ.setdefault("QSG_RHI_BACKEND", "null")
register_scheme()

FILLER = "".join(f"<p>Filler paragraph {n} of the article body, long enough to scroll.</p>" for n in range(80))
PAGE = f"""<!DOCTYPE html><html><head><title>Test page</title></head><body>
<div id="nav"><a href="http://127.0.0.1:9/home">Home</a> | <a href="/news">News</a></div>
<div class="story"><p>The minister said the talks would resume in Geneva.</p>
<img src="page_files/pic.png" alt="local picture"><img src="http://127.0.0.1:9/x.png" alt="remote picture">
{FILLER}<p>The final paragraph of the story.</p></div>
<footer>Copyright footer text</footer>
<script>document.body.innerHTML='HACKED'</script>
</body></html>"""


def png_bytes() -> bytes:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def page_blocks() -> list[Block]:
    """Blocks with the lxml paths of the page's elements: nav and footer removed, story paragraphs kept."""
    tree = lxml.html.document_fromstring(PAGE).getroottree()
    blocks: list[Block] = []
    for element in tree.xpath("//div[@id='nav'] | //div[@class='story']/p | //footer"):
        text = element.text_content().strip()
        removed = {"div": "navigation", "footer": "footer"}.get(element.tag)
        blocks.append(Block(len(blocks), "paragraph", text, removed is None, removed, "dom:" + tree.getpath(element)))
    return blocks


@pytest.fixture
def page_id(library: Library) -> int:
    raw = PAGE.encode("utf-8")
    parsed = ParsedDocument("/tmp/page.html", raw, "html", "utf-8", html=PAGE, original_name="page.html",
                            resources=[Resource("page_files/pic.png", "image/png", png_bytes())])
    doc_id = documents.insert_document(library, parsed, CleanResult(page_blocks(), title="Test page", site="example.org"))
    with library.transaction() as db:
        db["documents"].update(doc_id, {"annotated_engine": "test-rows"})
    return doc_id


@pytest.fixture
def pane(qtbot: Any, library: Library, writer: LibraryWriter, tmp_path: Path) -> Iterator[ReaderPane]:
    widget = ReaderPane(library, TaskRunner(writer), Settings(None), StateStore(tmp_path / "state.json"))
    qtbot.addWidget(widget)
    widget.resize(1200, 500)
    yield widget
    qtbot.waitUntil(lambda: not widget.busy, timeout=30000)
    delete_closed_widgets()


def call(qtbot: Any, method: Any) -> Any:
    """The value a WebEngine callback-style method (toPlainText, toHtml) delivers."""
    with qtbot.waitCallback(timeout=10000) as callback:
        method(callback)
    return callback.args[0]


QT_LOG_IGNORE = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "Unable to detect GPU vendor",  # Chromium without a GPU (offscreen, Xvfb)
    "GPUInfo not initialized",
    "This plugin does not support raise",  # context menus on the offscreen platform
    "This plugin does not support grabbing the keyboard",
)
"""The offscreen platform's and Chromium's warnings the web reader's tests expect (each test module's `pytestmark`)."""
