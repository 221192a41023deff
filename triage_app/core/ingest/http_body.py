"""Decoding an archived HTTP body ourselves: chunked transfer, gzip, deflate and Brotli, with size limits.

warcio can decode bodies too, but its Brotli path raises with brotli 1.2, and a hostile record must
stop at our limits; so records are read raw and decoded here.
"""

from __future__ import annotations

import zlib

import brotli

from triage_app.core.errors import IngestError
from triage_app.core.ingest import limits


def dechunk(data: bytes) -> bytes:
    """The body of a `Transfer-Encoding: chunked` message; a damaged chunk list keeps what was read."""
    out: list[bytes] = []
    pos = 0
    while pos < len(data):
        end = data.find(b"\r\n", pos)
        if end < 0:
            break
        size_text = data[pos:end].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            if not out:
                return data  # not chunked after all: the header lied
            break
        if size == 0:
            break
        out.append(data[end + 2 : end + 2 + size])
        pos = end + 2 + size + 2
    return b"".join(out)


def _inflate(data: bytes, wbits: int, limit: int) -> bytes:
    decomp = zlib.decompressobj(wbits=wbits)
    try:
        out = decomp.decompress(data, limit + 1)
    except zlib.error as exc:
        raise IngestError(f"the archived body is damaged ({exc})") from exc
    if len(out) > limit:
        raise limits.too_large("the archived body", limit)
    return out


def _brotli(data: bytes, limit: int) -> bytes:
    decomp = brotli.Decompressor()
    out: list[bytes] = []
    produced = 0
    try:
        for start in range(0, len(data), 64 * 1024):
            chunk = decomp.process(data[start : start + 64 * 1024])
            produced += len(chunk)
            if produced > limit:
                raise limits.too_large("the archived body", limit)
            out.append(chunk)
    except brotli.error as exc:
        raise IngestError(f"the archived body is damaged (Brotli: {exc})") from exc
    return b"".join(out)


def already_decoded(data: bytes) -> bool:
    """True for a body that a recorder stored decoded while keeping its Content-Encoding header (markup or
    text: no NUL byte, UTF-8 or starting with `<`)."""
    head = data[:4096]
    if b"\x00" in head:
        return False
    if head.lstrip()[:1] == b"<":
        return True
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(head) - 4  # cut inside a character at the end
    return True


def decode_body(data: bytes, *, transfer_encoding: str | None, content_encoding: str | None, limit: int | None = None) -> bytes:
    """The payload as the browser saw it, after transfer and content decoding (each step limited)."""
    limit = limits.MAX_DECOMPRESSED_BYTES if limit is None else limit
    if transfer_encoding and "chunked" in transfer_encoding.lower():
        data = dechunk(data)
    for coding in reversed([c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]):
        if coding in ("gzip", "x-gzip"):
            if data[:2] == b"\x1f\x8b":
                data = _inflate(data, 16 + zlib.MAX_WBITS, limit)
        elif coding == "deflate":
            try:
                data = _inflate(data, zlib.MAX_WBITS, limit)
            except IngestError:
                try:
                    data = _inflate(data, -zlib.MAX_WBITS, limit)  # raw deflate, as some servers send it
                except IngestError:
                    if not already_decoded(data):
                        raise
        elif coding == "br":
            try:
                data = _brotli(data, limit)
            except IngestError:
                if not already_decoded(data):
                    raise
        elif coding not in ("identity", "none"):
            raise IngestError(f"the archived body uses an unknown content encoding ({coding})")
    return data
