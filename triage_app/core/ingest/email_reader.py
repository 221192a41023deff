"""E-mail messages (.eml, one message of an .mbox) read with the standard library's `email` package.

The HTML part goes to the HTML cleaner, else the text part to the text-dump cleaner; the sender,
recipients, date, subject and Message-ID are metadata. Inline images (`cid:`) are stored as the
message's resources; remote images are never fetched (the reader blocks every remote request).
Attachments that Triage can import (HTML, PDF, a forwarded message) become documents of their own,
linked to the message by its Message-ID; the rest are listed in the message's metadata.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from email.message import EmailMessage, Message
from email.utils import getaddresses, parsedate_to_datetime

from triage_app.core.errors import IngestError
from triage_app.core.ingest.charset import decode_bytes, normalise_label
from triage_app.core.records import ParsedDocument, Resource

MAX_PARTS = 1_000
"""Most MIME parts read from one message (a MIME bomb stops here)."""
MAX_DEPTH = 12
"""Deepest nesting of multiparts and attached messages followed."""
IMPORTABLE_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "application/pdf": ".pdf", "message/rfc822": ".eml"}
_HEADER_RE = re.compile(rb"^(?:[!-9;-~]{1,76}:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*){2,}", re.MULTILINE)
_MAIL_HEADERS = (b"from:", b"to:", b"subject:", b"date:", b"message-id:", b"received:", b"return-path:", b"mime-version:")


@dataclass
class Attachment:
    """One attachment of a message: its file name, type, and whether Triage imports it."""

    number: int
    filename: str
    content_type: str
    importable: bool


def looks_like_email(head: bytes) -> bool:
    """True when the bytes start with RFC 5322 headers that include at least two mail headers."""
    start = head.lstrip()[:8192]
    match = _HEADER_RE.match(start)
    if not match:
        return False
    lowered = [line.lower() for line in match.group(0).splitlines()]
    return sum(1 for h in _MAIL_HEADERS if any(line.startswith(h) for line in lowered)) >= 2


def parse_message(data: bytes) -> EmailMessage:
    """The message, parsed; IngestError for one too deeply nested or with too many parts."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        _walk(message, into_attached=True)
    except RecursionError as exc:
        raise IngestError(f"the message is nested too deeply (more than {MAX_DEPTH} levels)") from exc
    return message


def _walk(message: Message, *, into_attached: bool = False) -> list[tuple[int, Message]]:
    """Every part with its depth, refusing more than MAX_PARTS parts or MAX_DEPTH levels."""
    found: list[tuple[int, Message]] = []
    stack: list[tuple[int, Message]] = [(0, message)]
    while stack:
        depth, part = stack.pop()
        if depth > MAX_DEPTH:
            raise IngestError(f"the message is nested too deeply (more than {MAX_DEPTH} levels)")
        found.append((depth, part))
        if len(found) > MAX_PARTS:
            raise IngestError(f"the message has more than {MAX_PARTS} MIME parts")
        payload = part.get_payload()
        if part.is_multipart() and isinstance(payload, list):
            if part.get_content_type() == "message/rfc822" and depth:
                if into_attached:  # attached messages are attachments: walked for the limits only
                    stack.extend((depth + 1, p) for p in reversed(payload) if isinstance(p, Message))
            else:
                stack.extend((depth + 1, p) for p in reversed(payload) if isinstance(p, Message))
    return found


def _header(message: Message, name: str, charset: str | None = None) -> str | None:
    """The header's text on one line. Raw 8-bit bytes in it (no RFC 2047 encoding, as old clients and some lists
    send) are read as UTF-8 when they are UTF-8 (RFC 6532), else in `charset` (`header_charset`): the library made
    each of them U+FFFD ("R\ufffdunion")."""
    raw = _raw_header(message, name)
    if raw is not None and not raw.isascii() and charset is not None:
        try:
            value: object = email.policy.default.header_factory(name, _raw_header_text(raw, charset))
        except (ValueError, IndexError, TypeError):
            value = None
    else:
        try:
            value = message.get(name)
        except (ValueError, IndexError, TypeError):  # a malformed header the policy cannot parse
            value = None
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _raw_header(message: Message, name: str) -> str | None:
    """The header as the parser stored it (a raw 8-bit byte kept as a lone surrogate), None when absent."""
    return next((value for key, value in message.raw_items() if key.lower() == name.lower()), None)


def _raw_header_text(raw: str, charset: str) -> str:
    data = raw.encode("utf-8", "surrogateescape")  # the parser keeps a raw byte as a lone surrogate
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode(charset, errors="replace")


_HEADERS_READ = ("From", "To", "Subject")


def header_charset(message: Message, names: tuple[str, ...] = _HEADERS_READ, *, parts: bool = False) -> str | None:
    """The charset for the headers `names` (of the message, or of its parts too) written in raw 8-bit bytes, None
    when there are none: the first charset a text part declares (other than ASCII and UTF-8, which those headers are
    not), else the one those headers and the first text part's bytes decode as (`charset.decode_bytes`, which
    detects single-byte codepages by the language they read as; the headers alone when the body is UTF-8)."""
    holders = [part for _, part in _walk(message)] if parts else [message]
    wanted = {name.lower() for name in names}
    raw = [value for holder in holders for key, value in holder.raw_items() if key.lower() in wanted and not value.isascii()]
    if not raw:
        return None
    texts = [part for _, part in _walk(message) if part.get_content_maintype() == "text" and not part.is_multipart()]
    sample = b"\n".join(value.encode("utf-8", "surrogateescape") for value in raw)
    declared = next((c for part in texts if (c := part.get_content_charset()) and c not in ("us-ascii", "ascii")), None)
    if declared and normalise_label(declared) != "utf-8":
        return declared
    if declared or not texts:  # a UTF-8 body says nothing of headers that are not UTF-8: they are read alone
        return decode_bytes(sample).charset
    body = _payload(texts[0])[:20_000]
    return decode_bytes(sample + b"\n" + body, html=texts[0].get_content_subtype() == "html").charset


def _date(message: Message) -> str | None:
    raw = _header(message, "Date")
    if not raw:
        return None
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _sender(message: Message, charset: str | None = None) -> str | None:
    raw = _header(message, "From", charset)
    if not raw:
        return None
    pairs = getaddresses([raw])
    if pairs and (pairs[0][0] or pairs[0][1]):
        name, address = pairs[0]
        return f"{name} <{address}>" if name and address else (name or address)
    return raw


def _is_attachment(part: Message) -> bool:
    disposition = (part.get("Content-Disposition") or "").split(";", 1)[0].strip().lower()
    return disposition == "attachment" or (bool(part.get_filename()) and disposition != "inline")


def _payload(part: Message) -> bytes:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        if isinstance(inner, list) and inner and isinstance(inner[0], Message):
            return bytes(inner[0].as_bytes(policy=email.policy.compat32))
        return b""
    try:
        data = part.get_payload(decode=True)
    except (ValueError, LookupError, AssertionError):
        return b""
    return data if isinstance(data, bytes) else b""


def _decode_part(part: Message) -> str:
    return decode_bytes(_payload(part), declared=part.get_content_charset(), html=part.get_content_type() == "text/html").text


def _top_parts(message: Message) -> list[Message]:
    """The parts of this message (not of attached messages), in order."""
    return [part for depth, part in _walk(message) if not part.is_multipart() or part.get_content_type() == "message/rfc822"]


def _filename(part: Message, charset: str | None) -> str | None:
    """The part's file name; raw 8-bit bytes in it read as `_header` reads them."""
    if charset is not None:
        for name in ("Content-Disposition", "Content-Type"):
            raw = _raw_header(part, name)
            if raw and not raw.isascii():
                try:
                    header = email.policy.default.header_factory(name, _raw_header_text(raw, charset))
                    found = header.params.get("filename" if name == "Content-Disposition" else "name")
                except (ValueError, IndexError, TypeError, AttributeError):
                    found = None
                if found:
                    return str(found)
    return part.get_filename()


def attachments(message: Message) -> list[Attachment]:
    """The message's attachments, numbered in order, each marked importable or not."""
    found: list[Attachment] = []
    charset = header_charset(message, ("Content-Disposition", "Content-Type"), parts=True)
    for part in _top_parts(message):
        if part is message or not (_is_attachment(part) or part.get_content_type() == "message/rfc822"):
            continue
        content_type = part.get_content_type()
        filename = _filename(part, charset) or f"attachment-{len(found) + 1}{IMPORTABLE_TYPES.get(content_type, '')}"
        found.append(Attachment(len(found), filename, content_type, content_type in IMPORTABLE_TYPES))
    return found


def attachment_bytes(message: Message, number: int) -> bytes:
    """The bytes of attachment `number` (as numbered by `attachments`)."""
    count = 0
    for part in _top_parts(message):
        if part is message or not (_is_attachment(part) or part.get_content_type() == "message/rfc822"):
            continue
        if count == number:
            return _payload(part)
        count += 1
    raise IngestError(f"the message has no attachment {number + 1}")


def body_of(message: Message) -> tuple[str | None, str | None, list[Resource]]:
    """(html, text, inline images) of the message itself; html is None when it has only a text part."""
    html: str | None = None
    text: str | None = None
    resources: list[Resource] = []
    for part in _top_parts(message):
        if part is not message and _is_attachment(part):
            continue
        content_type = part.get_content_type()
        if content_type == "text/html" and html is None:
            html = _decode_part(part)
        elif content_type == "text/plain" and text is None:
            text = _decode_part(part)
        elif content_type.startswith("image/") and part.get("Content-ID"):
            cid = str(part.get("Content-ID")).strip().strip("<>")
            resources.append(Resource(f"cid:{cid}", content_type, _payload(part)))
    if html is not None and not re.sub(r"<[^>]*>", "", html).strip() and text and text.strip():
        html = None  # an empty HTML alternative beside a real text part
    return html, text, resources


def read_email(data: bytes, *, source_path: str, original: bytes, original_name: str) -> ParsedDocument:
    """One message as a ParsedDocument of format "email" (attachments are read by `attachment_bytes`)."""
    message = parse_message(data)
    html, text, resources = body_of(message)
    found = attachments(message)
    charset = header_charset(message)
    meta = {
        "author": _sender(message, charset),
        "to": _header(message, "To", charset),
        "published": _date(message),
        "title": _header(message, "Subject", charset),
        "message_id": _header(message, "Message-ID"),
        "attachments": "; ".join(f"{a.filename} ({a.content_type})" for a in found) or None,
    }
    return ParsedDocument(
        source_path=source_path,
        original=original,
        format="email",
        charset=normalise_label(message.get_content_charset()) or "utf-8",
        html=html,
        text=None if html is not None else (text or ""),
        resources=resources if html is not None else [],
        title=meta["title"],
        original_name=original_name,
        meta={k: v for k, v in meta.items() if v},
    )
