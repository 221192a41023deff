"""The reader's original of a web-archive page (stored stylesheet, no network) and of a PDF (QPdfView, page jumps)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from format_samples import newsletter, printed_article_pdf, write_warc
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWebEngineCore import QWebEngineScript

from triage_app.core import jobs
from triage_app.core.library import Library
from triage_app.core.library.writer import LibraryWriter
from triage_app.core.records import ImportOutcome
from triage_app.core.settings import Settings, StateStore
from triage_app.gui.reader.pane import ReaderPane
from triage_app.gui.reader.scheme import register_scheme, resource_url

os.environ.setdefault("QSG_RHI_BACKEND", "null")
register_scheme()
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "Unable to detect GPU vendor",
    "GPUInfo not initialized",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)


def imported(library: Library, path: Path) -> list[int]:
    outcomes = [p.result for p in jobs.import_documents(library, [path]) if isinstance(p.result, ImportOutcome)]
    assert all(o.status == "imported" for o in outcomes), outcomes
    ids = [o.doc_id or 0 for o in outcomes]
    with library.transaction() as db:  # no spaCy in these tests: mark them annotated already
        for doc_id in ids:
            db["documents"].update(doc_id, {"annotated_engine": "test-rows"})
    return ids


def _body_background(pane: ReaderPane, qtbot: Any, doc_id: int) -> str:
    """Show the document's original (it must load) and read its body's computed background colour."""
    pane.show()
    with qtbot.waitSignal(pane.original.page_loaded, timeout=30000) as loaded:
        pane.show_document(doc_id)
    assert loaded.args == [True]
    with qtbot.waitCallback(timeout=10000) as colour:
        pane.original.web.page.runJavaScript(
            "getComputedStyle(document.body).backgroundColor", QWebEngineScript.ScriptWorldId.ApplicationWorld, colour
        )
    return str(colour.args[0])


@pytest.fixture
def pane(qtbot: Any, library: Library, writer: LibraryWriter, tmp_path: Path) -> Iterator[ReaderPane]:
    widget = ReaderPane(library, writer, Settings(None), StateStore(tmp_path / "state.json"))
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    yield widget
    qtbot.waitUntil(lambda: not widget.busy, timeout=30000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_warc_page_renders_its_stored_stylesheet_with_no_network_request(
    pane: ReaderPane, qtbot: Any, library: Library, tmp_path: Path
) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, pages=1)
    doc_id = imported(library, warc)[0]
    assert _body_background(pane, qtbot, doc_id) == "rgb(0, 128, 0)"  # from the archived style.css, served by triage-doc:
    web = pane.original.web
    assert resource_url(doc_id, "https://news.example.org/style.css") in web.handler.served
    # the stylesheet's own url(img/bg.png), relative to its archived URL, is served from the library too
    qtbot.waitUntil(lambda: resource_url(doc_id, "https://news.example.org/img/bg.png") in web.handler.served)
    assert web.guard.log, "the interceptor saw the page's requests"
    assert all(r.url.startswith("triage-doc:") or r.blocked for r in web.guard.log)
    assert not [r for r in web.guard.log if r.url.startswith("http") and not r.blocked]


def test_a_page_saved_on_a_latin1_disk_renders_its_saved_stylesheet(
    pane: ReaderPane, qtbot: Any, library: Library, tmp_path: Path
) -> None:
    """The page names its folder's files in those bytes ("caf%E9_files/styl%E9.css"); they are stored written \\xNN
    (`textsafe.storable`); Qt's decoded URL path had made them U+FFFD, so the style sheet was not found."""
    folder = tmp_path / "saved"
    files = folder / os.fsdecode(b"caf\xe9_files")
    files.mkdir(parents=True)
    (files / os.fsdecode(b"styl\xe9.css")).write_text("body { background-color: rgb(0, 128, 0) }")
    page = folder / os.fsdecode(b"caf\xe9.html")
    page.write_text('<html><head><title>Harbour cafe</title><link rel="stylesheet" href="caf%E9_files/styl%E9.css"></head>'
                    "<body><p>" + "The harbour cafe opened again on Monday, the owner said. " * 20 + "</p></body></html>")
    doc_id = imported(library, page)[0]
    assert _body_background(pane, qtbot, doc_id) == "rgb(0, 128, 0)"


def test_pdf_original_is_shown_and_a_clicked_paragraph_goes_to_its_page(
    pane: ReaderPane, qtbot: Any, library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "article.pdf"
    path.write_bytes(printed_article_pdf(pages=3))
    doc_id = imported(library, path)[0]
    pane.show()
    with qtbot.waitSignal(pane.original_ready, timeout=30000):
        pane.show_document(doc_id)
    view = pane.original.pdf
    assert pane.original.currentWidget() is view
    assert view.pdf_document.pageCount() == 3
    last = len(pane.data.paragraphs) - 1
    assert pane.data.paragraphs[last].block.source == "page:3"
    pane.cleaned.paragraph_clicked.emit(last)
    qtbot.waitUntil(lambda: view.current_page() == 2, timeout=10000)


def test_newsletter_renders_its_html_part_and_never_fetches_its_tracking_pixel(
    pane: ReaderPane, qtbot: Any, library: Library, tmp_path: Path
) -> None:
    path = tmp_path / "letter.eml"
    path.write_bytes(newsletter(attach=False).as_bytes())
    doc_id = imported(library, path)[0]
    pane.show()
    with qtbot.waitSignal(pane.original.page_loaded, timeout=30000):
        pane.show_document(doc_id)
    web = pane.original.web
    with qtbot.waitCallback(timeout=10000) as text:
        web.page.toPlainText(text)
    assert "Weekly harbour letter" in text.args[0] and "northern quay reopens" in text.args[0]
    assert not [r for r in web.guard.log if r.url.startswith("http") and not r.blocked]
    assert all("tracker.example.net" not in url for url in web.handler.served)


def test_a_pdf_written_by_qt_reads_as_words_with_its_page_band_removed(qapp: Any, tmp_path: Path) -> None:
    """Qt places glyphs one by one; PDFium's own text layout must still give words, not 'H a r b o u r'."""
    from triage_app.core.clean import clean_document
    from triage_app.core.ingest import parse_bytes
    from triage_app.qt_print import render_pdf

    body = "".join(f"<p>Paragraph {n}: the minister said the harbour talks would resume in Geneva next week.</p>" for n in range(60))
    render_pdf(f"<h1>Harbour report</h1>{body}", tmp_path / "b.pdf", title="Harbour report")
    parsed = parse_bytes((tmp_path / "b.pdf").read_bytes(), name="b.pdf", source_path="b.pdf")
    result = clean_document(parsed)
    kept = [b.text for b in result.blocks if b.kept]
    assert "Paragraph 0: the minister said the harbour talks would resume in Geneva next week." in kept
    removed = {b.text: b.reason for b in result.blocks if not b.kept}
    assert removed.get("Page 1 of 2", "").startswith("print header/footer")
