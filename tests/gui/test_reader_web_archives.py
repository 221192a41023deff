"""The reader's web original of saved pages: MHTML and Safari archives from their stored parts, shadow roots, framesets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import lxml.html
import pytest
import reader_web_support
from reader_web_support import FILLER, call, png_bytes

from triage_app.core.library import Library, documents
from triage_app.core.records import Block, CleanResult, ParsedDocument, Resource
from triage_app.gui.reader.pane import ReaderPane
from triage_app.gui.reader.scheme import resource_url

pytestmark = reader_web_support.QT_LOG_IGNORE

pane = reader_web_support.pane  # pytest fixtures, found by name


MHTML_PAGE = """<html><body><p>An archived page with a picture.</p><img src="https://pics.example/a.png"></body></html>"""


def mhtml_bytes(png: bytes) -> bytes:
    import base64

    boundary = "----=_Part_0"
    parts = [
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/story\r\nSubject: Story\r\n"
        f'MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="{boundary}"\r\n\r\n',
        f"--{boundary}\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: 8bit\r\n"
        f"Content-Location: https://news.example/story\r\n\r\n{MHTML_PAGE}\r\n",
        f"--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        f"Content-Location: https://pics.example/a.png\r\n\r\n{base64.b64encode(png).decode()}\r\n",
        f"--{boundary}--\r\n",
    ]
    return "".join(parts).encode("utf-8")


def _archived_page_is_served(pane: ReaderPane, qtbot: Any, library: Library, parsed: ParsedDocument, text: str,
                             image_url: str) -> int:
    """Store `parsed` with one kept paragraph `text`, show it, and check the original shows the text and serves
    `image_url` from the stored parts; the document's id."""
    doc_id = _show_stored(pane, qtbot, library, parsed, CleanResult(
        [Block(0, "paragraph", text, True, None, "dom:/html/body/p")], title="Story"))
    web = pane.original.web
    assert text in call(qtbot, web.page.toPlainText)
    qtbot.waitUntil(lambda: resource_url(doc_id, image_url) in web.handler.served)
    return doc_id


def _show_stored(pane: ReaderPane, qtbot: Any, library: Library, parsed: ParsedDocument, cleaned: CleanResult) -> int:
    """Store `parsed` as `cleaned` (annotated, so no annotation job runs) and show it in the reader; its id."""
    doc_id = documents.insert_document(library, parsed, cleaned)
    with library.transaction() as db:
        db["documents"].update(doc_id, {"annotated_engine": "test-rows"})
    pane.show()
    with qtbot.waitSignal(pane.original.page_loaded, timeout=30000):
        pane.show_document(doc_id)
    return doc_id


def test_mhtml_original_is_served_from_its_stored_parts(pane: ReaderPane, qtbot: Any, library: Library) -> None:
    png = png_bytes()
    raw = mhtml_bytes(png)
    parsed = ParsedDocument("/tmp/story.mhtml", raw, "mhtml", "utf-8", html=MHTML_PAGE, original_name="story.mhtml",
                            url="https://news.example/story",
                            resources=[Resource("https://pics.example/a.png", "image/png", png)])
    _archived_page_is_served(pane, qtbot, library, parsed, "An archived page with a picture.", "https://pics.example/a.png")
    assert not any("pics.example" in r.url for r in pane.original.web.guard.log if r.blocked)


SHADOW_PAGE = f"""<!DOCTYPE html><html><head><title>Shadow page</title></head><body>
<div id="nav"><a href="/news">News</a></div>
<story-app><template shadowmode="open"><div class="promo"><p>Subscribe to the evening letter today.</p></div>
<div class="story"><p>The minister said the talks would resume in Geneva.</p>{FILLER}<p>The final paragraph of the story.</p></div>
</template></story-app></body></html>"""


@pytest.fixture
def shadow_page_id(library: Library) -> int:
    """A page saved with its web component's shadow root (Chrome's MHTML names it `shadowmode`): the promo
    inside the shadow root removed, the story kept."""
    tree = lxml.html.document_fromstring(SHADOW_PAGE).getroottree()
    blocks: list[Block] = []
    for element in tree.xpath("//div[@id='nav'] | //div[@class='promo']/p | //div[@class='story']/p"):
        removed = "navigation" if element.tag == "div" else "newsletter prompt" if "Subscribe" in element.text_content() else None
        blocks.append(Block(len(blocks), "paragraph", element.text_content().strip(), removed is None, removed,
                            "dom:" + tree.getpath(element)))
    parsed = ParsedDocument("/tmp/shadow.html", SHADOW_PAGE.encode("utf-8"), "html", "utf-8", html=SHADOW_PAGE,
                            original_name="shadow.html")
    doc_id = documents.insert_document(library, parsed, CleanResult(blocks, title="Shadow page", site="example.org"))
    with library.transaction() as db:
        db["documents"].update(doc_id, {"annotated_engine": "test-rows"})
    return doc_id


def test_a_page_drawn_in_a_shadow_root_is_shown_shaded_and_reachable(pane: ReaderPane, qtbot: Any, shadow_page_id: int) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtWebEngineCore import QWebEngineScript

    pane.show()
    with qtbot.waitSignal(pane.original.page_loaded, timeout=30000):
        pane.show_document(shadow_page_id)
    web = pane.original.web
    probe = (
        "(function(){var root=document.querySelector('story-app').shadowRoot; if(!root){return 'no shadow root';}"
        "var promo=root.getElementById('blk-1'), first=root.getElementById('blk-2');"
        "var r=first.getBoundingClientRect();"
        "return [getComputedStyle(promo).outlineStyle, promo.title, first.innerText.length > 20,"
        " Math.round(r.left+5), Math.round(r.top+5)].join('|');})()"
    )
    with qtbot.waitCallback(timeout=10000) as found:
        web.page.runJavaScript(probe, QWebEngineScript.ScriptWorldId.ApplicationWorld, found)
    outline, title, shown, x, y = found.args[0].split("|")
    assert (outline, title, shown) == ("dashed", "Removed: newsletter prompt", "true")  # the shading reaches inside
    with qtbot.waitSignal(web.context_menu_requested, timeout=10000) as menu:
        web._on_context_menu(QPoint(int(x), int(y)))
    assert menu.args[0] == 2
    assert web.page.scrollPosition().y() == 0
    pane.cleaned.paragraph_clicked.emit(len(pane.data.paragraphs) - 1)
    qtbot.waitUntil(lambda: web.page.scrollPosition().y() > 500, timeout=10000)


def test_safari_web_archive_original_is_served_from_its_stored_parts(pane: ReaderPane, qtbot: Any, library: Library) -> None:
    from triage_app.bench.captures import as_webarchive
    from triage_app.core.ingest.readers import parse_bytes

    page = ("<html><head><title>Story</title></head><body><p>A Safari archive with a picture.</p>"
            "<img src='https://news.example/story/a.png'></body></html>")
    parsed = parse_bytes(as_webarchive(page.encode("utf-8"), "https://news.example/story"), name="story.webarchive",
                         source_path="/tmp/story.webarchive")
    assert [r.name for r in parsed.resources] == ["https://news.example/story/a.png"]
    _archived_page_is_served(pane, qtbot, library, parsed, "A Safari archive with a picture.", "https://news.example/story/a.png")


def test_a_frameset_page_shows_its_frames_with_the_removed_blocks_shaded(pane: ReaderPane, qtbot: Any, library: Library,
                                                                        tmp_path: Path) -> None:
    from triage_app.core.clean import clean_document
    from triage_app.core.ingest.folders import collect_resources
    from triage_app.core.ingest.readers import load_file

    page = tmp_path / "gazette.html"
    page.write_text("<html><head><title>Gazette</title></head><frameset cols='200,*'><frame src='gazette_files/menu.html'>"
                    "<frame src='gazette_files/story.html'><noframes>No frames here.</noframes></frameset></html>")
    (tmp_path / "gazette_files").mkdir()
    (tmp_path / "gazette_files" / "menu.html").write_text(
        "<html><body><ul><li><a href='a.html'>Home</a></li><li><a href='b.html'>News</a></li></ul></body></html>")
    (tmp_path / "gazette_files" / "story.html").write_text(
        "<html><body><h1>Ferry landing to reopen</h1>" + "".join(
            f"<p>{n}. The council agreed on Monday to reopen the old ferry landing after a decade of disputes.</p>"
            for n in range(5)) + "<img src='pic.png'></body></html>")
    (tmp_path / "gazette_files" / "pic.png").write_bytes(png_bytes())
    parsed = load_file(page, lambda: collect_resources(page))
    doc_id = _show_stored(pane, qtbot, library, parsed, clean_document(parsed))
    web = pane.original.web
    shown = call(qtbot, web.page.toPlainText)
    assert "0. The council agreed" in shown and "No frames here" not in shown  # the frames, not the apology
    marked = pane.original.marked
    assert marked is not None and not marked.unmatched  # every block found in the page the reader shows
    assert 'data-triage-reason="navigation"' in marked.html  # the menu frame shaded as navigation
    qtbot.waitUntil(lambda: resource_url(doc_id, "gazette_files/pic.png") in web.handler.served)  # the frame's picture
