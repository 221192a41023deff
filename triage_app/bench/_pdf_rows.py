"""The PDF rows of `bench clean`: pages printed to PDF (`make-dumps --pdf`), read by the importer's reader.

Three methods on the same PDF text, in the same run: Triage (`clean_document` on the document the
importer makes of the file), jusText on the PDF's lines (the library baseline of the text rows) and the
raw text of the PDF (what a reader without cleaning gets).
"""

from __future__ import annotations

from collections.abc import Callable

from triage_app.bench._clean_score import Page, Score
from triage_app.bench._dump_baseline import justext_dump

PDF_ROW_LIB = "justext, the PDF's lines"


def pdf_scores(pages: list[Page], timed: Callable[[Callable[[], str | None]], tuple[str, float]]) -> list[Score]:
    """[Triage, jusText, raw PDF text] scored on the pages that have a PDF (empty scores when none has)."""
    from triage_app.core.clean import clean_document
    from triage_app.core.clean.pdf_text import PAGE_BREAK
    from triage_app.core.ingest.pdf_reader import read_pdf

    ours, lib, raw = Score("triage"), Score(PDF_ROW_LIB), Score("raw PDF text")
    for page in pages:
        if page.pdf is None:
            continue
        doc = read_pdf(page.pdf, source_path=f"{page.page_id}.pdf", original=page.pdf, original_name=f"{page.page_id}.pdf")
        out, ms = timed(lambda doc=doc: clean_document(doc).text)  # type: ignore[misc]
        ours.add(page.page_id, page.truth, out, ms)
        text = (doc.text or "").replace(PAGE_BREAK, "\n\n")
        out, ms = timed(lambda text=text: justext_dump(text))  # type: ignore[misc]
        lib.add(page.page_id, page.truth, out, ms)
        raw.add(page.page_id, page.truth, text, 0.0)
    return [ours, lib, raw]
