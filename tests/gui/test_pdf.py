"""The Qt PDF renderer: paginated, title and page numbers on every page, one section per document."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from triage_app.core import jobs
from triage_app.core.export.builder import build_packet
from triage_app.core.library import Library, triage
from triage_app.core.library.document_filter import DocumentFilter
from triage_app.core.records import Block, CleanResult, ParsedDocument
from triage_app.qt_print import qt_rich_text, render_pdf

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_ebcec2d24457d197.txt"


def _lines(library: Library, parsed: ParsedDocument) -> CleanResult:
    text = parsed.text if parsed.text is not None else re.sub(r"<[^>]+>", "\n", parsed.html or "")
    blocks = [Block(i, "paragraph", t.strip(), True) for i, t in enumerate(x for x in text.splitlines() if x.strip())]
    return CleanResult(blocks=blocks, title=parsed.title or blocks[0].text)


def _words(text: str) -> str:
    """Whitespace collapsed and ligatures (ﬀ, ﬁ) unfolded, as the PDF's text layer has them."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text("<title>Harbour strike &lt;script&gt;</title><p>Dock workers stayed out.</p>",
                                  encoding="utf-8")
    (pages / "b.html").write_text("<title>Storm warning</title><p>Boats stay in port.</p>", encoding="utf-8")
    library = Library.memory()
    list(jobs.import_documents(library, [SEED, pages / "a.html", pages / "b.html"], cleaner=_lines))
    triage.set_relevance(library, 1, "relevant")
    yield library
    library.close()


def test_packet_pdf_has_one_section_per_document(qapp: object, library: Library, tmp_path: Path) -> None:
    out = tmp_path / "p.zip"
    list(build_packet(library, DocumentFilter(), out, title="Harbour & storms", render_pdf=render_pdf))
    import zipfile

    with zipfile.ZipFile(out) as archive:
        pdf_name = next(n for n in archive.namelist() if n.endswith("/briefing.pdf"))
        (tmp_path / "b.pdf").write_bytes(archive.read(pdf_name))
    reader = PdfReader(tmp_path / "b.pdf")
    pages = [_words(p.extract_text()) for p in reader.pages]
    total = len(pages)
    assert total >= 5  # title page, three documents (the seed runs over pages), indexes
    for number, text in enumerate(pages, start=1):
        assert text.startswith("Harbour & storms"), text[:80]
        assert f"Page {number} of {total}" in text
    titles = [r[0] for r in library.db.execute("SELECT title FROM documents ORDER BY id")]
    starts = []
    for number, title in enumerate(titles, start=1):
        holding = [i for i, text in enumerate(pages) if f"Document {number} of 3" in text]
        assert len(holding) == 1, (number, holding)
        starts.append(holding[0])
        assert _words(title)[:20] in pages[holding[0]], (title, pages[holding[0]][:200])
    assert starts == sorted(starts) and len(set(starts)) == 3 and starts[0] >= 1
    assert "ndex of entities" in pages[-1] and "ndex of speakers" in pages[-1]  # pypdf may split "I ndex"
    assert reader.metadata is not None and reader.metadata.title == "Harbour & storms"


def test_render_pdf_paginates_long_html(qapp: object, tmp_path: Path) -> None:
    body = "".join(f"<p>Paragraph {i} " + "word " * 60 + "</p>" for i in range(120))
    render_pdf(f"<html><head><title>Long</title></head><body>{body}</body></html>", tmp_path / "long.pdf")
    reader = PdfReader(tmp_path / "long.pdf")
    assert len(reader.pages) > 3
    last = _words(reader.pages[-1].extract_text())
    assert f"Page {len(reader.pages)} of {len(reader.pages)}" in last and "Paragraph 119" in last


def test_qt_rich_text_maps_html5_blocks() -> None:
    assert qt_rich_text('<section class="document"><header>x</header></section>') == \
        '<div class="document"><div>x</div></div>'


def test_the_print_module_keeps_no_app_and_leaves_the_environment_alone(tmp_path: Path) -> None:
    """Without an application render_pdf says so; the command line's offscreen app is the caller's, env untouched."""
    import os
    import subprocess
    import sys

    script = f"""
import os
from triage_app import qt_print
try:
    qt_print.render_pdf("<p>x</p>", {str(tmp_path / "none.pdf")!r})
except RuntimeError as exc:
    print("refused:", exc)
app = qt_print.offscreen_application()
qt_print.render_pdf("<h1>Title</h1><p>body</p>", {str(tmp_path / "one.pdf")!r})
print("platform:", app.platformName(), "env:", os.environ.get("QT_QPA_PLATFORM"))
"""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "refused: printing a PDF needs a QGuiApplication" in result.stdout
    assert "platform: offscreen env: None" in result.stdout
    assert not (tmp_path / "none.pdf").exists() and PdfReader(tmp_path / "one.pdf").pages
