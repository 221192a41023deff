"""The PDF rows of `bench clean`: pages printed to PDF (`make-dumps --pdf`), read by the importer's reader.

Four methods on the same PDF text, in the same run: Triage (`clean_document` on the document the
importer makes of the file), Triage with the page's `<title>` as the PDF's Title, jusText on the PDF's
lines (the library baseline of the text rows) and the raw text of the PDF (what a reader without cleaning
gets). `make-dumps --pdf` prints with Qt, which writes no Title; Chrome and Firefox write the page's
`<title>` there, and the cleaner uses it (the headline it names, where a line shows it), hence both rows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from triage_app.bench._clean_score import Page, Score
from triage_app.bench._dump_baseline import justext_dump

PDF_ROW_LIB = "justext, the PDF's lines"
PDF_ROW_TITLED = "triage, the page's <title> as the PDF Title"


def page_title(html: str) -> str | None:
    """The page's `<title>`, white space collapsed, as a browser writes it into the Title of a print (from the
    parsed tree: `meta.title_tag`'s regex takes an inline SVG's <title> when one comes first)."""
    from triage_app.core.clean.html_parse import parse_html

    tree = parse_html(html)
    element = tree.find(".//title") if tree is not None else None
    if element is None:
        return None
    return " ".join("".join(element.itertext()).split()) or None


def pdf_scores(pages: list[Page], timed: Callable[[Callable[[], str | None]], tuple[str, float]]) -> list[Score]:
    """[Triage, Triage with the page's title, jusText, raw PDF text] scored on the pages that have a PDF
    (empty scores when none has)."""
    from triage_app.core.clean import clean_document
    from triage_app.core.clean.pdf_text import PAGE_BREAK
    from triage_app.core.ingest.pdf_reader import read_pdf

    ours, titled, lib, raw = Score("triage"), Score(PDF_ROW_TITLED), Score(PDF_ROW_LIB), Score("raw PDF text")
    for page in pages:
        if page.pdf is None:
            continue
        doc = read_pdf(page.pdf, source_path=f"{page.page_id}.pdf", original=page.pdf, original_name=f"{page.page_id}.pdf")
        out, ms = timed(lambda doc=doc: clean_document(doc).text)  # type: ignore[misc]
        ours.add(page.page_id, page.truth, out, ms)
        with_title = dataclasses.replace(doc, title=page_title(page.html) or doc.title)
        out, ms = timed(lambda doc=with_title: clean_document(doc).text)  # type: ignore[misc]
        titled.add(page.page_id, page.truth, out, ms)
        text = (doc.text or "").replace(PAGE_BREAK, "\n\n")
        out, ms = timed(lambda text=text: justext_dump(text))  # type: ignore[misc]
        lib.add(page.page_id, page.truth, out, ms)
        raw.add(page.page_id, page.truth, text, 0.0)
    return [ours, titled, lib, raw]
