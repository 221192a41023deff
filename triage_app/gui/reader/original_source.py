"""Recovering the decoded page or text of a document's verbatim original, as the cleaner saw it."""

from __future__ import annotations

import email
import email.policy
import gzip
import html as html_lib
import logging
import zlib
from dataclasses import dataclass
from email.message import Message
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from triage_app.core.library import documents

log = logging.getLogger(__name__)
HTML_FORMATS = ("html", "mhtml", "singlefile", "warc", "webarchive")


@dataclass
class OriginalSource:
    """The original of one document, decoded: `html` for pages, `text` for text dumps."""

    doc_id: int
    format: str
    html: str | None = None
    text: str | None = None
    url: str | None = None
    pdf: bytes | None = None  # the PDF itself, shown by Qt's PDF viewer

    @property
    def is_html(self) -> bool:
        return self.html is not None


def _gunzip(data: bytes) -> bytes:
    if data[:2] != b"\x1f\x8b":
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error):
        return data


def _decode(data: bytes, charset: str | None) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode(charset or "utf-8", errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _mhtml_html(data: bytes, charset: str | None) -> str:
    """The page part of an MHTML archive (the ingest reader's choice when it is available)."""
    try:
        from triage_app.core.ingest.mhtml_reader import read_mhtml

        parsed = read_mhtml(data, source_path="", original=data, original_name="")
        return parsed.html or ""
    except Exception:  # the reader is another part's module: fall back to the standard library
        log.debug("falling back to the email module for MHTML", exc_info=True)
    message: Message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return _decode(payload, part.get_content_charset() or charset)
    return _decode(data, charset)


def _webarchive_html(data: bytes, charset: str | None) -> str:
    """The page inside a Safari web archive, decoded as it was when imported."""
    from triage_app.core.errors import IngestError
    from triage_app.core.ingest.webarchive_reader import webarchive_page

    try:
        body, declared, _url = webarchive_page(data)
    except IngestError as exc:
        note = QCoreApplication.translate("OriginalPane", "(the web archive cannot be shown: {reason})")
        return f"<p>{html_lib.escape(note.format(reason=exc))}</p>"
    return _decode(body, charset or declared)


def _with_frames(db: Database, doc_id: int, html: str) -> str:
    """A frameset page as the cleaner read it (`library.cleaning.with_stored_frames`, imported when needed: it
    brings the cleaner)."""
    from triage_app.core.library.cleaning import with_stored_frames

    return with_stored_frames(db, doc_id, html)


def load_original(db: Database, doc: dict[str, Any]) -> OriginalSource:
    """The decoded original of the document row `doc` (from `documents.get_document`)."""
    doc_id = int(doc["id"])
    raw = _gunzip(documents.get_original(db, doc_id))
    fmt = str(doc.get("format") or "text")
    charset = doc.get("charset")
    if fmt == "pdf":
        return OriginalSource(doc_id, fmt, pdf=raw, url=doc.get("url"))
    if fmt == "email":
        return _email_source(doc_id, raw, doc.get("url"))
    if fmt == "mhtml":
        return OriginalSource(doc_id, fmt, html=_mhtml_html(raw, charset), url=doc.get("url"))
    if fmt == "webarchive":
        html = _with_frames(db, doc_id, _webarchive_html(raw, charset))
        return OriginalSource(doc_id, fmt, html=html, url=doc.get("url"))
    if fmt in HTML_FORMATS:
        from triage_app.core.ingest.singlefile_zip import index_page

        page = index_page(raw)  # a SingleFile self-extracting page: its archive's index.html, not the bootstrap
        html = _decode(page if page is not None else raw, charset)
        return OriginalSource(doc_id, fmt, html=_with_frames(db, doc_id, html), url=doc.get("url"))
    return OriginalSource(doc_id, fmt, text=_decode(raw, charset), url=doc.get("url"))


def _email_source(doc_id: int, raw: bytes, url: str | None) -> OriginalSource:
    """A message: its HTML part (remote images stay blocked by the view), else its text part."""
    from triage_app.core.errors import IngestError
    from triage_app.core.ingest.email_reader import body_of, parse_message

    try:
        html, text, _images = body_of(parse_message(raw))
    except IngestError as exc:
        return OriginalSource(doc_id, "email", text=f"(the message cannot be shown: {exc})", url=url)
    if html is not None:
        return OriginalSource(doc_id, "email", html=html, url=url)
    return OriginalSource(doc_id, "email", text=text or "", url=url)
