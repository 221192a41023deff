"""Decoding a stored original with the encoding the analyst chose (`documents.charset_choice`).

Lives in ingest, below the library: re-cleaning applies the choice and re-opening stores it, so both
can depend on this without depending on each other.
"""

from __future__ import annotations

from triage_app.core.ingest.limits import gunzip_limited
from triage_app.core.ingest.readers import split_gzip
from triage_app.core.records import ParsedDocument

REOPENABLE_FORMATS = ("text", "html", "singlefile")
"""Formats whose original is one decodable byte stream (MHTML and e-mail parts declare their own)."""


def apply_charset_choice(parsed: ParsedDocument, data: bytes, name: str, choice: str) -> None:
    """Decode the original `data` (named `name`) of a text or HTML document with `choice` (in place)."""
    if parsed.format not in REOPENABLE_FORMATS:
        return
    inner = gunzip_limited(data) if split_gzip(name)[1] else data
    decoded = inner.decode(choice, errors="replace")
    if parsed.format == "text":
        parsed.text = decoded
    else:
        parsed.html = decoded
    parsed.charset = choice
