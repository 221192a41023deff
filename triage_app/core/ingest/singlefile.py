"""Pages saved by the SingleFile browser extension, recognised by their header comment.

SingleFile writes, near the top of the page::

    <!--
     Page saved with SingleFile
     url: https://example.org/story
     saved date: Mon Dec 15 2025 16:46:00 GMT+0100 (Central European Standard Time)
    -->
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

HEADER_SCAN_CHARS = 64 * 1024
"""SingleFile puts its comment right after `<html ...>`, well within this many characters."""

_HEADER_RE = re.compile(r"<!--\s*Page saved with SingleFile\b(.{0,5000}?)-->", re.IGNORECASE | re.DOTALL)
_FIELD_RE = re.compile(r"^\s*(url|saved date)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_JS_DATE_RE = re.compile(
    r"(?:\w{3}\s+)?(\w{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}):(\d{2}):(\d{2})\s*(?:GMT|UTC)?\s*([+-]\d{2}):?(\d{2})?"
)
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


@dataclass(frozen=True)
class SingleFileHeader:
    """What the SingleFile comment records: the page's URL and when it was saved (ISO 8601)."""

    url: str | None
    saved_at: str | None


def parse_saved_date(value: str) -> str | None:
    """ISO 8601 for a JavaScript `Date.toString()` (or ISO, or RFC 2822) value; None if unreadable."""
    value = value.strip()
    match = _JS_DATE_RE.search(value)
    if match and match.group(1).lower()[:3] in _MONTHS:
        month = _MONTHS[match.group(1).lower()[:3]]
        day, year, hour, minute, second = (int(match.group(i)) for i in (2, 3, 4, 5, 6))
        sign = -1 if match.group(7).startswith("-") else 1
        offset = timedelta(hours=int(match.group(7)[1:]), minutes=int(match.group(8) or 0)) * sign
        try:
            return datetime(year, month, day, hour, minute, second, tzinfo=timezone(offset)).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def read_header(text: str) -> SingleFileHeader | None:
    """The SingleFile header of a page, or None when the page was not saved by SingleFile."""
    match = _HEADER_RE.search(text[:HEADER_SCAN_CHARS])
    if match is None:
        return None
    fields = {name.lower(): value for name, value in _FIELD_RE.findall(match.group(1))}
    url = fields.get("url")
    saved = fields.get("saved date")
    return SingleFileHeader(url or None, parse_saved_date(saved) if saved else None)
