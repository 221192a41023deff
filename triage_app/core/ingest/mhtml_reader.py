"""MHTML web archives (`.mhtml/.mht`): a multipart/related MIME message holding a page and its parts.

The MIME structure is split with a small linear parser instead of the `email` package's recursive
one, so broken or hostile files (missing boundaries, truncated parts, thousands of parts) fail
with a plain reason or are read as far as they make sense.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import parsedate_to_datetime

from triage_app.core.errors import IngestError
from triage_app.core.ingest.charset import decode_bytes
from triage_app.core.ingest.framesets import compose_frames
from triage_app.core.ingest.html_reader import page_metadata
from triage_app.core.ingest.limits import MAX_MHTML_PARTS, MAX_RESOURCE_TOTAL_BYTES
from triage_app.core.records import ParsedDocument, Resource

MAX_HEADER_BYTES = 64 * 1024
MAX_NESTING = 4
GUESS_SCAN_BYTES = 1024 * 1024
"""When the declared boundary is missing, a delimiter line is looked for this far into the body."""
_NOT_BASE64 = bytes(b for b in range(256) if not (chr(b).isascii() and (chr(b).isalnum() or chr(b) in "+/")))
_BLANK_LINE_RE = re.compile(rb"\r?\n\r?\n")
_GUESS_BOUNDARY_RE = re.compile(rb"^--(-*[A-Za-z0-9_=.][^\r\n]{0,199}?)[ \t]*\r?$", re.MULTILINE)


@dataclass
class _Part:
    headers: Message
    payload: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get_content_type()

    @property
    def location(self) -> str:
        return str(self.headers.get("Content-Location", "") or "").strip()


def _split_headers(data: bytes) -> tuple[Message, bytes]:
    """Headers of a MIME entity and its body (everything after the first blank line)."""
    if data.startswith((b"\r\n", b"\n")):
        return BytesHeaderParser(policy=compat32).parsebytes(b""), data.lstrip(b"\r\n")
    match = _BLANK_LINE_RE.search(data, 0, MAX_HEADER_BYTES)
    if match is None:
        return BytesHeaderParser(policy=compat32).parsebytes(data[:MAX_HEADER_BYTES]), b""
    headers = BytesHeaderParser(policy=compat32).parsebytes(_unfold_raw(data[: match.start()]) + b"\n\n")
    return headers, data[match.end():]


_HEADER_LINE_RE = re.compile(rb"^[!-9;-~]+:")


def _unfold_raw(head: bytes) -> bytes:
    """Header lines that neither start a header nor are indented continue the previous header.

    Browsers write a page title with line breaks into `X-Snapshot-Title` as is; a strict parser
    would end the headers there and lose the Content-Type, though browsers open such files.
    """
    lines = head.splitlines()
    fixed = [line if i == 0 or _HEADER_LINE_RE.match(line) or line[:1] in (b" ", b"\t") else b" " + line for i, line in enumerate(lines)]
    return b"\r\n".join(fixed)


def _delimiters(body: bytes, boundary: bytes) -> Iterator[tuple[int, int, bool]]:
    """(start, end, closing) of each delimiter line `--boundary` / `--boundary--` (found with bytes.find)."""
    marker = b"--" + boundary
    pos = 0
    while (found := body.find(marker, pos)) >= 0:
        pos = found + len(marker)
        if found > 0 and body[found - 1:found] != b"\n":
            continue  # must start a line
        closing = body.startswith(b"--", pos)
        line_end = body.find(b"\n", pos, pos + 200)
        rest = body[pos + (2 if closing else 0): line_end if line_end >= 0 else len(body)]
        if rest.strip(b" \t\r") or (line_end < 0 and len(body) - pos > 200):
            continue  # the boundary is only the start of a longer line
        start = found - 1 if found > 0 else 0
        if start > 0 and body[start - 1:start] == b"\r":
            start -= 1
        yield start, (line_end + 1 if line_end >= 0 else len(body)), closing


def _boundary_spans(body: bytes, boundary: bytes) -> list[tuple[int, int]]:
    """Byte spans of the parts between delimiter lines; a missing closing delimiter ends at the end."""
    spans: list[tuple[int, int]] = []
    begin: int | None = None
    for start, end, closing in _delimiters(body, boundary):
        if begin is not None:
            spans.append((begin, start))
            if len(spans) > MAX_MHTML_PARTS:
                raise IngestError(f"the MHTML file has more than {MAX_MHTML_PARTS} parts")
        if closing:
            return spans
        begin = end
    if begin is not None and begin < len(body):
        spans.append((begin, len(body)))  # truncated file: keep the last part
    return spans


def _decode_payload(part: _Part) -> bytes:
    encoding = str(part.headers.get("Content-Transfer-Encoding", "") or "").strip().lower()
    if encoding == "base64":
        try:
            return base64.b64decode(part.payload)  # skips line breaks and other stray characters
        except (binascii.Error, ValueError):
            compact = part.payload.translate(None, _NOT_BASE64)  # bad padding: drop the ragged end
            try:
                return base64.b64decode(compact[: len(compact) - len(compact) % 4])
            except (binascii.Error, ValueError):
                return b""
    if encoding == "quoted-printable":
        return quopri.decodestring(part.payload)
    return part.payload


def _split_parts(body: bytes, boundary: bytes | None) -> list[_Part]:
    if not boundary or not _boundary_spans(body[: 1024 * 1024], boundary):
        guess = _GUESS_BOUNDARY_RE.search(body, 0, GUESS_SCAN_BYTES)
        if guess is None:
            return []
        boundary = guess.group(1)
    parts: list[_Part] = []
    for start, end in _boundary_spans(body, boundary):
        headers, payload = _split_headers(body[start:end])
        parts.append(_Part(headers, payload))
    return parts


def _flatten(body: bytes, boundary: bytes | None) -> list[_Part]:
    """All leaf parts, opening nested multiparts (without recursion) up to MAX_NESTING levels."""
    pending: list[tuple[bytes, bytes | None, int]] = [(body, boundary, 0)]
    leaves: list[_Part] = []
    while pending:
        chunk, chunk_boundary, depth = pending.pop(0)
        for part in _split_parts(chunk, chunk_boundary):
            inner = part.headers.get_param("boundary")
            if part.headers.get_content_maintype() == "multipart" and isinstance(inner, str) and depth < MAX_NESTING:
                pending.append((part.payload, inner.encode("latin-1", "replace"), depth + 1))
            else:
                leaves.append(part)
            if len(leaves) > MAX_MHTML_PARTS:
                raise IngestError(f"the MHTML file has more than {MAX_MHTML_PARTS} parts")
    return leaves


def _header_text(value: object) -> str | None:
    if value is None:
        return None
    try:
        return str(make_header(decode_header(str(value)))).strip() or None
    except (LookupError, ValueError, UnicodeError):
        return str(value).strip() or None


def _iso_date(value: object) -> str | None:
    if value is None:
        return None
    try:
        when = parsedate_to_datetime(str(value))
    except (TypeError, ValueError, IndexError):
        return None
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).isoformat()  # "-0000" means UTC


def _main_part(parts: list[_Part], snapshot_url: str | None) -> _Part:
    html_parts = [p for p in parts if p.content_type in ("text/html", "application/xhtml+xml")]
    for part in html_parts:
        if snapshot_url and part.location == snapshot_url:
            return part
    if html_parts:
        return html_parts[0]
    raise IngestError("the MHTML file holds no web page (no text/html part)")


_CID_RE = re.compile(rb"""cid:([^"'\s<>)]{1,300})""", re.IGNORECASE)


def _page_payloads(parts: list[_Part]) -> dict[int, bytes]:
    """The decoded bytes of the archive's pages (`text/html` parts), by index: decoded once for the `cid:` links,
    the main page and the frames stored as resources."""
    return {n: _decode_payload(part) for n, part in enumerate(parts) if part.content_type in ("text/html", "application/xhtml+xml")}


def _resources(parts: list[_Part], main: _Part, pages: dict[int, bytes]) -> list[Resource]:
    """The parts besides the page, named as the pages point at them: by `cid:` where a page does (Chrome's frames:
    `<frame src="cid:frame-...">`, a part with both an ID and its URL), else by their location."""
    resources: list[Resource] = []
    referenced = {match.decode("ascii", "replace") for page in pages.values() for match in _CID_RE.findall(page)}
    seen: set[str] = set()
    total = 0
    for number, part in enumerate(parts):
        if part is main:
            continue
        content_id = str(part.headers.get("Content-ID", "") or "").strip("<> ")
        if content_id and content_id in referenced:
            name = f"cid:{content_id}"
        else:
            name = part.location or (f"cid:{content_id}" if content_id else f"part-{number}")
        if name in seen:
            continue
        data = pages[number] if number in pages else _decode_payload(part)
        total += len(data)
        if total > MAX_RESOURCE_TOTAL_BYTES:
            break  # keep the page; drop resources beyond the limit
        seen.add(name)
        resources.append(Resource(name, part.content_type, data))
    return resources


def read_mhtml(data: bytes, *, source_path: str, original: bytes, original_name: str) -> ParsedDocument:
    """An MHTML archive as a ParsedDocument whose resources are the page's other parts."""
    headers, body = _split_headers(data)
    snapshot_url = _header_text(headers.get("Snapshot-Content-Location")) or _header_text(
        headers.get("Content-Location")
    )
    if headers.get_content_maintype() == "multipart":
        boundary = headers.get_param("boundary")
        parts = _flatten(body, boundary.encode("latin-1", "replace") if isinstance(boundary, str) else None)
        if not parts:
            raise IngestError("the MHTML file is damaged: its parts cannot be found (broken boundary)")
    elif headers.get_content_type() in ("text/html", "application/xhtml+xml"):
        parts = [_Part(headers, body)]
    else:
        raise IngestError("not an MHTML web archive (no multipart/related content)")
    main = _main_part(parts, snapshot_url)
    pages = _page_payloads(parts)
    charset = main.headers.get_content_charset()
    decoded = decode_bytes(next(pages[n] for n, part in enumerate(parts) if part is main), declared=charset, html=True)
    meta = page_metadata(decoded.text, base_url=snapshot_url)
    resources = _resources(parts, main, pages)
    return ParsedDocument(
        source_path=source_path,
        original=original,
        format="mhtml",
        charset=decoded.charset,
        html=compose_frames(decoded.text, resources) or decoded.text,
        resources=resources,
        url=snapshot_url or meta.url,
        captured_at=_iso_date(headers.get("Date")),
        title=meta.title or _header_text(headers.get("Subject")),
        original_name=original_name,
    )
