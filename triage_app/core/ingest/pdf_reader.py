"""PDF files read with pypdfium2 (PDFium, BSD/Apache): text by page and block, in the page's reading order.

The text goes into `ParsedDocument.text` as pages separated by a form feed and blocks separated by
a blank line; the text-dump cleaner's PDF path (`clean.pdf_text`) turns them into blocks whose source
is `page:N`, and removes a browser's print header and footer. Why PDFium and not pdfminer.six:
docs/pdf.md.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from itertools import pairwise

import pypdfium2 as pdfium

from triage_app.core.clean.pdf_text import PAGE_BREAK, print_metadata
from triage_app.core.errors import IngestError
from triage_app.core.records import ParsedDocument

PDF_MAGIC = b"%PDF-"
MAX_PDF_PAGES = 5_000
"""Most pages read from one PDF (a page-tree bomb stops here)."""
MAX_PDF_CHARS = 20_000_000
"""Most characters of text kept from one PDF."""
NO_TEXT_LAYER = "no text layer"
MAX_INFLATED_BYTES = 256 * 1024 * 1024
"""Most bytes all Flate streams of one PDF may expand to (PDFium would inflate a bomb in memory)."""
_STREAM_RE = re.compile(rb"stream\r?\n")
_PDFIUM_LINE_END_HYPHEN = "\ufffe"


def looks_like_pdf(head: bytes) -> bool:
    """True when the file starts with `%PDF-` (readers allow junk bytes before it within the first KB, but
    not words or markup: a web page that mentions "%PDF-" near its start is not a PDF)."""
    at = head.find(PDF_MAGIC, 0, 1024)
    return at >= 0 and not re.search(rb"[A-Za-z<]", head[:at])


@dataclass
class _Line:
    top: float
    bottom: float
    left: float
    right: float
    text: str
    end: float = 0.0  # right edge of the line's last character (0: unknown)


def _char_indexes(textpage: pdfium.PdfTextPage, text: str, count: int) -> range | list[int] | None:
    """The char index of each character of PDFium's page text, for its boxes: the same index when the
    text has one character per char; else the chars PDFium leaves out of the text (glyphs without a
    Unicode value) skipped; None when the two still do not pair up."""
    if len(text) == count:
        return range(count)
    kept = [i for i in range(count) if pdfium.raw.FPDFText_GetUnicode(textpage.raw, i) != 0]
    return kept if len(kept) == len(text) else None


def _lines(textpage: pdfium.PdfTextPage) -> list[_Line]:
    """The page's lines as PDFium lays them out (its own word spacing and line breaks, content-stream
    order), each placed by the box of its first character."""
    text = textpage.get_text_range()
    index = _char_indexes(textpage, text, textpage.count_chars())
    lines: list[_Line] = []
    position = 0
    for raw in text.replace("\r\n", "\n").split("\n"):
        start, position = position, position + len(raw) + (2 if "\r\n" in text else 1)
        # PDFium writes a hyphen it found at a line end as U+FFFE (a non-character) and joins the lines
        line = " ".join(raw.split()).replace(_PDFIUM_LINE_END_HYPHEN, "-")
        if not line:
            continue
        first = start + len(raw) - len(raw.lstrip())
        last_char = start + len(raw.rstrip()) - 1
        if index is not None and last_char < len(index):
            left, bottom, right, top = textpage.get_charbox(index[first], loose=True)  # font box: steady line height
            end = textpage.get_charbox(index[last_char])[2]
        elif lines:
            last = lines[-1]
            left, bottom, right, top, end = last.left, last.bottom - 14, last.right, last.top - 14, 0.0
        else:
            left, bottom, right, top, end = 0.0, 0.0, 0.0, 0.0, 0.0
        lines.append(_Line(top, bottom, left, right, line, end))
    return lines


def _blocks(lines: list[_Line], page_height: float) -> list[str]:
    """Lines grouped into blocks where the vertical gap is larger than a line's height; inside a block,
    lines that the layout wrapped are joined into one and a line that ends early (a list item, a menu
    entry, a line break) ends its line of the text (`_wrapped`)."""
    blocks: list[list[_Line]] = []
    previous: _Line | None = None
    margin = page_height * 0.06
    for line in lines:
        height = max(line.top - line.bottom, 1.0)
        in_margin = line.top > page_height - margin or line.bottom < margin
        gap = (previous.bottom - line.top) if previous is not None else None
        new_block = (
            previous is None
            or in_margin
            or gap is None
            or gap > 0.8 * height
            or gap < -height  # moved up: a new column or a header placed later in the stream
        )
        if new_block:
            blocks.append([line])
        else:
            blocks[-1].append(line)
        previous = line
        if in_margin:
            previous = None  # a margin line stands alone
    # The text column's right edge, from the lines off the margins (a print footer's page counter sits further out)
    body = [line.end for line in lines if margin <= line.bottom and line.top <= page_height - margin]
    page_right = max(body or [line.end for line in lines], default=0.0)
    return [_block_text(block, page_right) for block in blocks]


def _char_width(line: _Line) -> float:
    return (line.end - line.left) / len(line.text) if line.end > line.left and line.text else 0.0


def _wrapped(line: _Line, following: _Line, right: float) -> bool:
    """True when `line` ends because the layout wrapped it: the first word of `following` would not have
    fitted before `right` (with one character's slack). Unknown geometry counts as wrapped (as before)."""
    width = _char_width(line)
    if not width or not right:
        return True
    word = len(following.text.split(" ", 1)[0])
    return line.end + (word + 1) * width > right - width


def _block_text(block: list[_Line], page_right: float) -> str:
    """The block's lines, wrapped ones joined by a space (a word hyphenated across lines rejoined), the
    others ending a line. A block's right edge is its own when two of its lines reach it (a paragraph set
    narrower than the page), else the page's (a list's longest item is no edge). A list whose items all
    end within two characters of each other reads as such a column and is joined into one line, which
    the cleaner then judges as one (requiring long lines for a column was tried: worse on four of five
    development sets, docs/cleaning.md)."""
    right = max(line.end for line in block)
    if sum(1 for line in block if line.end >= right - 2 * _char_width(line)) < 2:
        right = max(right, page_right)
    parts = [block[0].text]
    for line, following in pairwise(block):
        if parts[-1].endswith("-") and parts[-1][-2:-1].isalpha() and following.text[:1].islower():
            # A word broken at its hyphen: a browser breaks lines only at hyphens the text has ("long-awaited")
            parts[-1] += following.text
        elif not _wrapped(line, following, right):
            parts.append("\n" + following.text)
        else:
            parts.append(" " + following.text)
    return "".join(parts)


def check_inflation(data: bytes, limit: int = MAX_INFLATED_BYTES) -> None:
    """Refuse a PDF whose compressed streams expand past `limit` (counted chunk by chunk, nothing kept)."""
    produced = 0
    for match in _STREAM_RE.finditer(data):
        start = match.end()
        if data[start : start + 1] not in (b"x", b"h", b"X"):  # not a zlib header: not Flate
            continue
        end = data.find(b"endstream", start)
        pending = data[start : end if end > 0 else len(data)]
        decomp = zlib.decompressobj()
        try:
            # Until the stream ends: after its end, zlib leaves the bytes past it (the line break before
            # "endstream") as an unconsumed tail that no further call consumes.
            while pending and not decomp.eof:
                produced += len(decomp.decompress(pending, 4 * 1024 * 1024))
                if produced > limit:
                    raise IngestError(
                        f"the PDF looks like a decompression bomb (its streams expand past {limit // (1024 * 1024)} MB)"
                    )
                pending = decomp.unconsumed_tail
        except zlib.error:
            continue  # a damaged or non-Flate stream: PDFium decides


def pdf_pages(data: bytes) -> tuple[list[list[str]], dict[str, str]]:
    """Blocks of text per page and the document information (Title, Author, CreationDate ...)."""
    check_inflation(data)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():  # PDFium: "Incorrect password error"; no password is ever asked for here
            raise IngestError("the PDF is protected by a password: open it and print it to a PDF without one") from exc
        raise IngestError(f"not a readable PDF ({exc})") from exc
    try:
        count = len(pdf)
        if count > MAX_PDF_PAGES:
            raise IngestError(f"the PDF has {count} pages (the limit is {MAX_PDF_PAGES})")
        try:
            info = {k: v for k, v in pdf.get_metadata_dict(skip_empty=True).items() if isinstance(v, str)}
        except pdfium.PdfiumError:
            info = {}
        pages: list[list[str]] = []
        chars = 0
        for number in range(count):
            page = pdf[number]
            try:
                textpage = page.get_textpage()
                try:
                    blocks = _blocks(_lines(textpage), page.get_height())
                finally:
                    textpage.close()
            finally:
                page.close()
            chars += sum(len(b) for b in blocks)
            if chars > MAX_PDF_CHARS:
                raise IngestError(f"the PDF holds more than {MAX_PDF_CHARS // 1_000_000} million characters of text")
            pages.append(blocks)
        return pages, info
    except pdfium.PdfiumError as exc:
        raise IngestError(f"the PDF is damaged ({exc})") from exc
    finally:
        pdf.close()


def _pdf_date(value: str | None) -> str | None:
    """`D:20261203101500+01'00'` as ISO 8601."""
    if not value:
        return None
    digits = value.removeprefix("D:")
    if len(digits) < 8 or not digits[:8].isdigit():
        return None
    date = f"{digits[0:4]}-{digits[4:6]}-{digits[6:8]}"
    if len(digits) >= 14 and digits[8:14].isdigit():
        date += f"T{digits[8:10]}:{digits[10:12]}:{digits[12:14]}"
        zone = digits[14:].replace("'", "")
        if zone[:1] in ("+", "-") and len(zone) >= 5:
            date += f"{zone[:3]}:{zone[3:5]}"
        elif zone[:1] == "Z":
            date += "Z"
    return date


def read_pdf(data: bytes, *, source_path: str, original: bytes, original_name: str) -> ParsedDocument:
    """A PDF as a ParsedDocument of format "pdf"; a scan without text says "no text layer" (no OCR)."""
    pages, info = pdf_pages(data)
    text = PAGE_BREAK.join("\n\n".join(blocks) for blocks in pages)
    meta = print_metadata(pages)
    title = (info.get("Title") or "").strip() or None
    return ParsedDocument(
        source_path=source_path,
        original=original,
        format="pdf",
        charset="utf-8",
        text=text if text.strip() else "",
        url=meta.url,
        captured_at=meta.printed or _pdf_date(info.get("CreationDate")),
        title=title,
        original_name=original_name,
    )
