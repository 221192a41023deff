"""PDFs (written here by hand) and e-mail (written with the stdlib) import as documents with their metadata."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from format_samples import (
    PRINTED_PARTS,
    make_pdf,
    newsletter,
    paragraph_lines,
    printed_article_pdf,
    printed_page_with_menu,
)

from triage_app.core import jobs
from triage_app.core.clean import clean_document
from triage_app.core.ingest import parse_bytes
from triage_app.core.ingest.readers import MSG_REASON
from triage_app.core.library import Library, documents
from triage_app.core.library.cleaning import reclean_document
from triage_app.core.records import ImportOutcome


def run(library: Library, *paths: Path) -> list[ImportOutcome]:
    return [p.result for p in jobs.import_documents(library, paths) if isinstance(p.result, ImportOutcome)]


def test_printed_pdf_loses_its_print_header_and_footer_and_keeps_url_and_date(tmp_path: Path, fresh_library: Library) -> None:
    path = tmp_path / "article.pdf"
    path.write_bytes(printed_article_pdf(pages=3))
    outcome = run(fresh_library, path)[0]
    assert outcome.status == "imported"
    db = fresh_library.db
    doc = documents.get_document(db, outcome.doc_id or 0)
    assert doc["format"] == "pdf"
    assert doc["title"] == "Harbour reopens after two years"
    assert doc["url"] == "https://news.example.org/harbour-reopens"
    assert doc["captured_at"] == "2026-12-03T10:15:00"
    blocks = documents.get_blocks(db, doc["id"])
    assert [(b.text, b.reason) for b in blocks if b.reason == "title"] == [("Harbour reopens after two years", "title")]
    removed = [b for b in blocks if not b.kept and b.reason != "title"]
    assert len(removed) == 6 and all(b.reason and b.reason.startswith("print header/footer") for b in removed)
    assert {b.text for b in removed} == {
        "12/3/26, 10:15 AM Harbour reopens after two years", *(f"https://news.example.org/harbour-reopens {n}/3" for n in (1, 2, 3))
    }
    kept = [b for b in blocks if b.kept]
    assert [b.source for b in kept if b.text.startswith("Paragraph 1 of")] == ["page:1", "page:2", "page:3"]
    assert all("12/3/26" not in b.text and "harbour-reopens" not in b.text for b in kept)
    assert "Paragraph 3 of page 2: the port of Example" in doc["text"]
    # text order by page and block, lines of a paragraph joined
    order = [b.text[:20] for b in kept if b.text.startswith("Paragraph")]
    assert order[:3] == ["Paragraph 1 of page ", "Paragraph 2 of page ", "Paragraph 3 of page "]
    assert reclean_document(fresh_library, doc["id"]).title == "Harbour reopens after two years"


def test_pdf_without_text_says_no_text_layer(tmp_path: Path, fresh_library: Library) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[], []], title="Scanned letter"))
    outcome = run(fresh_library, path)[0]
    assert outcome.status == "imported"
    blocks = documents.get_blocks(fresh_library.db, outcome.doc_id or 0)
    assert [(b.kept, b.reason) for b in blocks] == [(False, "no text layer")]
    assert documents.get_document(fresh_library.db, outcome.doc_id or 0)["title"] == "Scanned letter"


def test_a_pdf_that_needs_a_password_says_so(tmp_path: Path, fresh_library: Library) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    outcome = run(fresh_library, path)[0]
    assert (outcome.status, outcome.reason) == ("failed", "the PDF is protected by a password: open it and print it to a PDF without one")


def test_pdf_found_by_content_under_another_name() -> None:
    data = make_pdf([paragraph_lines("A letter about the harbour works, sent to every partner of the port.", 700)])
    parsed = parse_bytes(data, name="letter.html", source_path="letter.html")
    assert parsed.format == "pdf" and "harbour works" in (parsed.text or "")


def test_eml_message_with_attachments(tmp_path: Path, fresh_library: Library) -> None:
    path = tmp_path / "letter.eml"
    path.write_bytes(newsletter().as_bytes())
    outcomes = run(fresh_library, path)
    assert [o.status for o in outcomes] == ["imported", "imported"]
    db = fresh_library.db
    message = documents.get_document(db, outcomes[0].doc_id or 0)
    assert message["format"] == "email"
    assert message["title"] == "Weekly harbour letter"
    assert message["author"] == "Port Authority <news@port.example.org>"
    assert message["published"] == "2026-12-01T09:30:00+00:00"
    assert "northern quay reopens on Tuesday" in message["text"]
    assert "tracker.example.net" not in message["text"]
    meta = json.loads(message["reader_meta"])
    assert meta["to"] == "analyst@example.com" and meta["message_id"] == "<letter-1@port.example.org>"
    assert "budget.docx" in meta["attachments"] and "release.html" in meta["attachments"]
    attached = documents.get_document(db, outcomes[1].doc_id or 0)
    assert attached["title"] == "Attached press release" and attached["format"] == "html"
    assert json.loads(attached["reader_meta"])["attached_to"] == "<letter-1@port.example.org>"
    assert outcomes[1].source.endswith("letter.eml!/release.html")


def test_text_only_message_and_mbox(tmp_path: Path, fresh_library: Library) -> None:
    box = tmp_path / "letters.mbox"
    with box.open("wb") as handle:
        for n in range(3):
            handle.write(b"From news@port.example.org Tue Dec  1 09:30:00 2026\n")
            handle.write(newsletter(html=n != 1, attach=False, subject=f"Letter {n}").as_bytes() + b"\n")
    outcomes = run(fresh_library, box)
    assert [o.status for o in outcomes] == ["imported"] * 3
    rows = [documents.get_document(fresh_library.db, o.doc_id or 0) for o in outcomes]
    assert [r["title"] for r in rows] == ["Letter 0", "Letter 1", "Letter 2"]
    assert all("northern quay reopens" in r["text"] for r in rows)
    assert [b.source[:6] for b in documents.get_blocks(fresh_library.db, rows[1]["id"])][:1] == ["lines:"]


def test_email_found_by_content_and_msg_refused_with_its_reason(tmp_path: Path, fresh_library: Library) -> None:
    saved = tmp_path / "saved-message"
    saved.write_bytes(newsletter(attach=False).as_bytes())
    outlook = tmp_path / "letter.msg"
    outlook.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    outcomes = run(fresh_library, saved, outlook)
    assert outcomes[0].status == "imported" and outcomes[0].title == "Weekly harbour letter"
    assert (outcomes[1].status, outcomes[1].reason) == ("failed", MSG_REASON)


def test_cleaner_keeps_the_subject_over_the_html_title() -> None:
    message = newsletter(attach=False)
    data = message.as_bytes()
    parsed = parse_bytes(data, name="x.eml", source_path="x.eml")
    result = clean_document(parsed)
    assert result.title == "Weekly harbour letter" and result.byline == "Port Authority <news@port.example.org>"


def test_pdf_attachment_becomes_its_own_document(tmp_path: Path, fresh_library: Library) -> None:
    message = newsletter(attach=False, subject="Report attached")
    message.add_attachment(printed_article_pdf(pages=1), maintype="application", subtype="pdf", filename="report.pdf")
    path = tmp_path / "report.eml"
    path.write_bytes(message.as_bytes())
    outcomes = run(fresh_library, path)
    assert [o.status for o in outcomes] == ["imported", "imported"]
    attached = documents.get_document(fresh_library.db, outcomes[1].doc_id or 0)
    assert attached["format"] == "pdf" and attached["url"] == "https://news.example.org/harbour-reopens"
    assert json.loads(attached["reader_meta"])["attached_to_subject"] == "Report attached"


def test_capture_kind_filter(tmp_path: Path, fresh_library: Library) -> None:
    from triage_app.core.library import document_filter

    (tmp_path / "a.pdf").write_bytes(printed_article_pdf(pages=1))
    (tmp_path / "m.eml").write_bytes(newsletter(attach=False).as_bytes())
    ids = [o.doc_id for o in run(fresh_library, tmp_path)]
    db = fresh_library.db
    assert document_filter.find_ids(db, document_filter.DocumentFilter(kind="pdf")) == [ids[0]]
    assert document_filter.find_ids(db, document_filter.DocumentFilter(query="kind:email")) == [ids[1]]
    assert document_filter.distinct_kinds(db) == [("email", 1), ("pdf", 1)]
    assert "kind: pdf" in document_filter.DocumentFilter(kind="pdf").describe()


def test_a_page_that_mentions_the_pdf_magic_is_still_a_page() -> None:
    page = b"<html><head><title>File signatures</title></head><body><p>A PDF starts with %PDF-1.7 and a version.</p></body></html>"
    assert parse_bytes(page, name="sig.html", source_path="sig.html").format == "html"
    assert parse_bytes(b"\r\n\x00" + make_pdf([[]]), name="junk.bin", source_path="junk.bin").format == "pdf"


def test_pdf_lines_that_end_early_stay_lines_and_wrapped_lines_join() -> None:
    parsed = parse_bytes(printed_page_with_menu(), name="page.pdf", source_path="page.pdf")
    blocks = (parsed.text or "").split("\n\n")
    assert blocks[0] == "Home\nWorld\nBusiness and markets\nSport\nWeather\nSubscribe"
    assert blocks[1].startswith("Part 1: the port of Example") and blocks[1].endswith("the new cranes were quieter.")
    assert "\n" not in blocks[1]


def test_printed_page_is_cleaned_like_a_text_dump() -> None:
    """A page printed to PDF carries its menus and footer: they go, as in the page's text dump."""
    parsed = parse_bytes(printed_page_with_menu(), name="page.pdf", source_path="page.pdf")
    result = clean_document(parsed)
    kept = [b.text for b in result.blocks if b.kept]
    assert [t[:7] for t in kept] == ["Part 1:", "Part 2:", "Part 3:"]
    removed = {b.text: b.reason for b in result.blocks if not b.kept}
    assert {"Home", "Sport", "Privacy policy", "Terms of use"} <= removed.keys()
    assert all(b.source == "page:1" for b in result.blocks)


def test_pdf_word_broken_at_its_hyphen_is_joined_and_a_footer_counter_is_no_edge() -> None:
    lines = [
        (60, 700, 11, "The harbour authority said the reopening of the northern quay was a long-"),
        (60, 686, 11, "awaited step for the ferry companies."),
        (60, 660, 11, "Traders on the quay said that the first weeks had been busy and that the cranes were"),
        (60, 646, 11, "quieter."),
        (60, 620, 11, "Home"),
        (60, 606, 11, "Contact the newsroom"),
        (560, 20, 8, "1/1"),  # a print footer's page counter, further right than the text column
    ]
    parsed = parse_bytes(make_pdf([lines]), name="page.pdf", source_path="page.pdf")
    blocks = (parsed.text or "").split("\n\n")
    assert blocks[0] == "The harbour authority said the reopening of the northern quay was a long-awaited step for the ferry companies."
    assert blocks[1] == "Traders on the quay said that the first weeks had been busy and that the cranes were quieter."
    assert blocks[2] == "Home\nContact the newsroom"


def test_pdf_chars_without_unicode_do_not_cost_a_page_its_geometry(monkeypatch: pytest.MonkeyPatch) -> None:
    """PDFium leaves glyphs without a Unicode value out of the page text but counts them as chars; 2% of
    printed pages have one (an icon font), and their lines lost their boxes, so every line became a block."""
    import pypdfium2 as pdfium

    from triage_app.core.ingest.pdf_reader import _char_indexes

    codes = [ord("H"), 0, ord("i"), ord("!")]
    monkeypatch.setattr(pdfium.raw, "FPDFText_GetUnicode", lambda _page, i: codes[i])
    page = type("Page", (), {"raw": None})()
    assert _char_indexes(page, "Hi!", 4) == [0, 2, 3]  # type: ignore[arg-type]
    assert _char_indexes(page, "Hi", 4) is None  # type: ignore[arg-type]
    assert _char_indexes(page, "Hi!?", 4) == range(4)  # type: ignore[arg-type]


def test_printed_page_title_is_the_headline_the_page_shows() -> None:
    """A browser's print carries the page's `<title>`, site name and all; the page shows the headline."""
    lines = [(60, 740, 18, "Harbour reopens after two years"), *paragraph_lines(PRINTED_PARTS[0], 700, width=95)]
    parsed = parse_bytes(make_pdf([lines], title="Harbour reopens after two years | Example News"), name="p.pdf", source_path="p.pdf")
    result = clean_document(parsed)
    assert result.title == "Harbour reopens after two years"
    assert [(b.text, b.reason) for b in result.blocks if not b.kept] == [("Harbour reopens after two years", "title")]


@pytest.mark.parametrize(
    "title",
    ["Harbour reopens after two years — Example News", "Example News - Harbour reopens after two years",
     "Harbour reopens after two years | Port news | Example News"],  # no line shows "Example News"
)
def test_printed_page_site_is_the_one_its_title_names_not_the_copyright_owner(title: str) -> None:
    """A print's Title names the site around the headline ("— MSNBC"); the copyright line names the owner
    ("© 2013 NBCUniversal"), which is what the site read before."""
    from triage_app.core.clean.pdf_text import clean_pdf_text

    text = "\n\n".join(["Harbour reopens after two years", *PRINTED_PARTS, "© 2026 Harbour Holdings Group. All rights reserved."])
    result = clean_pdf_text(text, title_hint=title)
    assert (result.title, result.site) == ("Harbour reopens after two years", "Example News")
    assert clean_pdf_text(text, title_hint="Harbour reopens after two years").site == "Harbour Holdings"  # no other name: the owner


def test_printed_page_title_is_never_the_site_name_the_masthead_shows() -> None:
    """"Site - Headline" gives the headline when no line shows the site's name; "Headline - Site" with the site's
    name as a masthead line (and no line showing the headline) must not give the site's name as the title."""
    from triage_app.core.clean.pdf_text import clean_pdf_text

    text = "\n\n".join(["Harbour reopens after two years", *PRINTED_PARTS])
    assert clean_pdf_text(text, title_hint="Example News - Harbour reopens after two years").title == "Harbour reopens after two years"
    text = "\n\n".join(["Example News", "Harbour reopens", *PRINTED_PARTS])
    assert clean_pdf_text(text, title_hint="Harbour reopens after two years - Example News").title != "Example News"
