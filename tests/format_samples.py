"""Small WARC, WACZ, PDF and e-mail files made by the tests themselves (warcio, plain PDF syntax, stdlib email)."""

from __future__ import annotations

import io
import json
import zipfile
from email.message import EmailMessage
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from triage_app.bench.formats import pdf_file

PAGE_HTML = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>
<link rel="stylesheet" href="/style.css"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1><p>{sentence}</p>
<p>The harbour authority said the new terminal would open in the spring, after two years of delays and a
change of contractor that had cost the port its busiest season.</p>
<p>Officials added that the ferries would keep their timetable while the works went on, and that the old
quay would become a park once the new one was open to the public.</p><img src="/logo.png" alt="logo"></article>
<footer>Copyright 2026 Example News</footer></body></html>"""
CSS = b"body { background-color: rgb(0, 128, 0); } h1 { color: rgb(255, 0, 0); background-image: url(img/bg.png); }"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a1f8cf5d0000000049454e44ae426082"
)


def page_html(n: int, *, title: str | None = None, sentence: str | None = None, charset: str = "utf-8") -> str:
    return PAGE_HTML.format(
        charset=charset,
        title=title or f"Harbour story number {n}",
        sentence=sentence or f"Story {n}: the port of Example reopened its northern quay on Tuesday morning.",
    )


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, *, status: str = "200 OK",
              extra: list[tuple[str, str]] | None = None, date: str | None = None) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type), *(extra or [])], protocol="HTTP/1.1")
    warc_headers = {"WARC-Date": date} if date else None
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers,
                                       warc_headers_dict=warc_headers)
    writer.write_record(record)


def write_warc(path: Path, pages: int = 2, *, gzip: bool = True, site: str = "https://news.example.org") -> list[str]:
    """A WARC with `pages` HTML pages, one stylesheet, one image, a revisit of the stylesheet and a 404."""
    urls: list[str] = []
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "triage tests"}))
        _response(writer, f"{site}/style.css", CSS, "text/css; charset=utf-8", date="2026-11-02T10:00:00Z")
        _response(writer, f"{site}/logo.png", PNG, "image/png")
        _response(writer, f"{site}/img/bg.png", PNG, "image/png")  # referred to by the stylesheet only
        for n in range(pages):
            url = f"{site}/story-{n}.html"
            urls.append(url)
            _response(writer, url, page_html(n).encode(), "text/html; charset=utf-8", date="2026-11-02T10:00:05Z")
        _response(writer, f"{site}/missing.html", b"<html><body>not found</body></html>", "text/html", status="404 Not Found")
        revisit = writer.create_revisit_record(f"{site}/style.css", digest=_digest(CSS),
                                               refers_to_uri=f"{site}/style.css", refers_to_date="2026-11-02T10:00:00Z")
        writer.write_record(revisit)
    return urls


def _digest(data: bytes) -> str:
    import base64
    import hashlib

    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def write_wacz(path: Path, warc: Path, listed: list[str]) -> None:
    """A WACZ holding `warc` under archive/ and a page list naming `listed`."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.write(warc, f"archive/{warc.name}", compress_type=zipfile.ZIP_STORED)
        lines = [json.dumps({"format": "json-pages-1.0", "id": "pages"})]
        lines += [json.dumps({"url": url, "ts": "2026-11-02T10:00:05Z", "title": "t"}) for url in listed]
        zf.writestr("pages/pages.jsonl", "\n".join(lines) + "\n")
        zf.writestr("datapackage.json", json.dumps({"profile": "data-package", "wacz_version": "1.1.1"}))


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[tuple[float, float, int, str]]], *, title: str | None = None,
             creation: str | None = None) -> bytes:
    """A PDF (A4) whose pages show text lines `(x, y, size, text)` in Helvetica, written by hand."""
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for lines in pages:
        stream = "".join(f"BT /F1 {size} Tf {x} {y} Td ({_escape(text)}) Tj ET\n" for x, y, size, text in lines).encode("cp1252")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                       f"/Contents {len(objects) + 2} 0 R >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
    info = []
    if title:
        info.append(f"/Title ({_escape(title)})")
    if creation:
        info.append(f"/CreationDate ({creation})")
    objects.append(("<< " + " ".join(info) + " >>").encode())
    return pdf_file(objects, info=len(objects))


def paragraph_lines(text: str, y: float, *, width: int = 80) -> list[tuple[float, float, int, str]]:
    """`text` wrapped into 11-point lines from `y` downwards."""
    words, lines, current = text.split(), [], ""
    for word in words:
        if len(current) + len(word) + 1 > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    lines.append(current)
    return [(60, y - 14 * i, 11, line) for i, line in enumerate(lines)]


def printed_article_pdf(pages: int = 3) -> bytes:
    """A page 'printed from a browser': date and title at the top, URL and 'n/N' at the bottom of each sheet."""
    sheets = []
    for n in range(pages):
        lines = [(20, 820, 8, "12/3/26, 10:15 AM"), (250, 820, 8, "Harbour reopens after two years")]
        y = 760.0
        if n == 0:
            lines.append((60, 780, 18, "Harbour reopens after two years"))
        for p in range(3):
            body = (f"Paragraph {p + 1} of page {n + 1}: the port of Example reopened its northern quay on Tuesday, "
                    "officials said, after two years of works that moved the ferries to the old terminal.")
            para = paragraph_lines(body, y)
            lines.extend(para)
            y -= 14 * len(para) + 20
        lines += [(20, 20, 8, "https://news.example.org/harbour-reopens"), (540, 20, 8, f"{n + 1}/{pages}")]
        sheets.append(lines)
    return make_pdf(sheets, title="Harbour reopens after two years", creation="D:20261203101500+01'00'")


PRINTED_PARTS = [
    f"Part {n + 1}: the port of Example reopened its northern quay on Tuesday, officials said, after two years of works "
    "that moved the ferries to the old terminal and cost the city more than expected. Traders on the quay said that "
    "the first weeks had been busy, and that the new cranes were quieter."
    for n in range(3)
]
"""The article of `printed_page_with_menu`, paragraph by paragraph."""


def printed_page_with_menu() -> bytes:
    """A page printed without its style sheet: a menu of one link per line, three paragraphs, a footer."""
    menu = [(60, 760 - 14 * i, 11, item) for i, item in enumerate(["Home", "World", "Business and markets", "Sport", "Weather", "Subscribe"])]
    lines = list(menu)
    y = 660.0
    for body in PRINTED_PARTS:
        para = paragraph_lines(body, y, width=95)
        lines.extend(para)
        y -= 14 * len(para) + 20
    footer = ["Privacy policy", "Terms of use", "Contact us", "Cookie settings", "© 2026 Example News. All rights reserved."]
    lines += [(60, y - 20 - 14 * i, 11, item) for i, item in enumerate(footer)]
    return make_pdf([lines], title="Harbour reopens")


def newsletter(*, html: bool = True, attach: bool = True, subject: str = "Weekly harbour letter") -> EmailMessage:
    """A newsletter message with a remote tracking pixel, an inline image and (optionally) attachments."""
    message = EmailMessage()
    message["From"] = "Port Authority <news@port.example.org>"
    message["To"] = "analyst@example.com"
    message["Subject"] = subject
    message["Date"] = "Tue, 01 Dec 2026 09:30:00 +0000"
    message["Message-ID"] = "<letter-1@port.example.org>"
    text = "The northern quay reopens on Tuesday, the port authority announced in its weekly letter to partners."
    message.set_content(text + "\n\nUnsubscribe here.")
    if html:
        message.add_alternative(
            "<html><body><h1>Weekly harbour letter</h1>"
            f"<p>{text}</p><p>The ferries keep their timetable during the works, officials added in the letter.</p>"
            '<img src="https://tracker.example.net/pixel.gif?u=1" width="1" height="1">'
            '<p><a href="https://port.example.org/unsubscribe">Unsubscribe</a></p></body></html>',
            subtype="html",
        )
    if attach:
        page = page_html(7, title="Attached press release", sentence="The attached release names the new harbour master.")
        message.add_attachment(page.encode(), maintype="text", subtype="html", filename="release.html")
        message.add_attachment(b"PK\x03\x04 not really a docx", maintype="application",
                               subtype="vnd.openxmlformats-officedocument.wordprocessingml.document", filename="budget.docx")
    return message
