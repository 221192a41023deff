"""Files that hold many documents: web archives (WARC, WARC.gz, WACZ), mailboxes and messages with attachments.

Recognised by name and by content (a WARC or an e-mail without the usual extension is still one),
each yields one InputItem per document it holds.
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from triage_app.core.errors import IngestError
from triage_app.core.ingest import limits
from triage_app.core.ingest.email_reader import (
    attachment_bytes,
    attachments,
    looks_like_email,
    parse_message,
    read_email,
)
from triage_app.core.ingest.readers import InputItem, kind_of, parse_bytes
from triage_app.core.ingest.wacz_reader import is_wacz, iter_wacz
from triage_app.core.ingest.warc_reader import WarcSource
from triage_app.core.records import ParsedDocument

SNIFF_BYTES = 8192
WARC_MAGIC = (b"WARC/1.", b"WARC/0.")
MAX_MBOX_MESSAGES = 100_000


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(SNIFF_BYTES)
    except OSError:
        return b""


def looks_like_warc(head: bytes) -> bool:
    """True for the first bytes of a WARC (plain, or a gzip member starting with one)."""
    if head.startswith(WARC_MAGIC):
        return True
    if head[:2] == b"\x1f\x8b":
        try:
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
        return inner.startswith(WARC_MAGIC)
    return False


def container_kind(path: Path) -> str | None:
    """"warc", "wacz", "mbox" or "email" for a file that holds documents of its own, else None."""
    kind = kind_of(path.name)
    if kind in ("warc", "wacz", "mbox", "email"):
        return kind
    if kind in ("html", "mhtml", "text", "pdf", "msg", "webarchive"):
        return None
    head = _head(path)
    if looks_like_warc(head):
        return "warc"
    if head.startswith(b"PK\x03\x04") and is_wacz(path):
        return "wacz"
    if head.startswith(b"From ") and looks_like_email(head.split(b"\n", 1)[-1]):
        return "mbox"
    if looks_like_email(head):
        return "email"
    return None


def _file_opener(path: Path) -> Callable[[str], IO[bytes]]:
    def open_file(_member: str) -> IO[bytes]:
        return open(path, "rb")  # noqa: SIM115 - the caller closes it

    return open_file


def container_items(path: Path, kind: str) -> Iterator[InputItem]:
    """One InputItem per document the file holds."""
    label = str(path)
    if kind == "warc":
        yield from WarcSource(label, _file_opener(path), [""]).items()
    elif kind == "wacz":
        yield from iter_wacz(path, label)
    elif kind == "mbox":
        yield from _mbox_items(path, label)
    else:
        name = path.name[:-3] if path.name.lower().endswith(".gz") else path.name  # the message is stored unzipped
        yield from _message_items(label, functools.partial(_read_message_file, path), name)


def _read_message_file(path: Path) -> bytes:
    """A message file's bytes, gunzipped when it is `NAME.eml.gz`."""
    data = limits.read_file_limited(path)
    if path.name.lower().endswith(".gz"):
        from triage_app.core.ingest.limits import gunzip_limited

        data = gunzip_limited(data)
    return data


def _with_attachments(label: str, data: bytes, load_message: Callable[[], bytes] | None) -> Iterator[InputItem]:
    """Items for the importable attachments of the message in `data` (read again by each item)."""
    if b"multipart" not in data[:1_000_000].lower():
        return
    try:
        message = parse_message(data)
        found = attachments(message)
    except IngestError:
        return  # the message's own item reports why
    for attachment in found:
        if attachment.importable and load_message is not None:
            yield InputItem(
                f"{label}!/{attachment.filename}",
                functools.partial(_load_attachment, load_message, label, attachment.number, attachment.filename),
            )


def _load_attachment(load_message: Callable[[], bytes], label: str, number: int, filename: str) -> ParsedDocument:
    message = parse_message(load_message())
    data = attachment_bytes(message, number)
    name = filename if kind_of(filename) else f"{filename}.eml" if data[:200].lower().count(b":") >= 2 else filename
    parsed = parse_bytes(data, name=name, source_path=f"{label}!/{filename}")
    parsed.meta["attached_to"] = str(message.get("Message-ID") or label).strip()
    parsed.meta["attached_to_subject"] = " ".join(str(message.get("Subject") or "").split())
    return parsed


def _load_message(read: Callable[[], bytes], label: str, name: str) -> ParsedDocument:
    data = read()
    if not data.strip():
        raise IngestError("the message is empty")
    return read_email(data, source_path=label, original=data, original_name=name)


def _message_items(label: str, reader: Callable[[], bytes], name: str) -> Iterator[InputItem]:
    yield InputItem(label, functools.partial(_load_message, reader, label, name))
    try:
        data = reader()
    except IngestError:
        return
    yield from _with_attachments(label, data, reader)


def mbox_spans(path: Path) -> list[tuple[int, int]]:
    """(start, end) byte offsets of each message of an mbox, found by its `From ` separator lines (streamed)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    offset = 0
    blank_before = True
    with open(path, "rb") as handle:
        for line in handle:
            if line.startswith(b"From ") and blank_before:
                if start is not None:
                    spans.append((start, offset))
                start = offset
            blank_before = not line.strip()
            offset += len(line)
    if start is not None:
        spans.append((start, offset))
    return spans


def _mbox_message(path: Path, start: int, end: int) -> bytes:
    if end - start > limits.MAX_FILE_BYTES:
        raise limits.too_large("the message", limits.MAX_FILE_BYTES)
    try:
        with open(path, "rb") as handle:
            handle.seek(start)
            data = handle.read(end - start)
    except OSError as exc:
        raise IngestError(f"the mailbox cannot be read ({exc.strerror or exc})") from exc
    body = data.split(b"\n", 1)[1] if b"\n" in data else b""  # the `From ` separator line is not the message's
    return body.replace(b"\n>From ", b"\nFrom ")


def _mbox_items(path: Path, label: str) -> Iterator[InputItem]:
    try:
        spans = mbox_spans(path)
    except OSError as exc:
        yield InputItem(label, error=f"not a readable mailbox ({exc.strerror or exc})")
        return
    if not spans:
        yield InputItem(label, error="the mailbox holds no message")
        return
    if len(spans) > MAX_MBOX_MESSAGES:
        yield InputItem(label, error=f"the mailbox holds more than {MAX_MBOX_MESSAGES} messages")
        return
    for number, (start, end) in enumerate(spans, start=1):
        item_label = f"{label}!/message-{number}"
        reader = functools.partial(_mbox_message, path, start, end)
        yield InputItem(item_label, functools.partial(_load_message, reader, item_label, f"message-{number}.eml"))
        try:
            data = reader()
        except IngestError:
            continue
        yield from _with_attachments(item_label, data, reader)
