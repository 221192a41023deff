"""Plain-text page dumps (`.txt/.text/.md`): decoded text, the first meaningful line as a title guess."""

from __future__ import annotations

import re

from triage_app.core.ingest.charset import decode_bytes
from triage_app.core.records import ParsedDocument

MAX_TITLE_CHARS = 300
TITLE_SCAN_LINES = 40

_MARKDOWN_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
_FURNITURE_RE = re.compile(
    r"^(skip to (main )?content|jump to (main )?content|menu|search|sign in|log ?in|subscribe|advertisement|home"
    r"|(tags|topics|share|filed under|by)\s*:.*|.*\|.*\|.*)\s*$",
    re.IGNORECASE,
)
# Labels of menus, galleries and page sections ("Primary Menu", "Back to Gallery", "Top Stories").
_LABEL_RE = re.compile(
    r"\b(menu|navigation|search|skip|back to|zurück|retour|close|share|subscribe|newsletters?|gallery|currently reading"
    r"|top stories|most (popular|read)|cookies?|übersicht|advertisement)\b",
    re.IGNORECASE,
)
_DATE_RE = re.compile(r"\b(19|20)\d\d\b.*\d{1,2}:\d\d|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")
MIN_GUESS_WORDS = 3
MAX_GUESS_WORDS = 30


def guess_title(text: str) -> str | None:
    """A first guess: a Markdown heading near the top, else the first line of 3-30 words that is not a label,
    a date or a notice, else the first line that is not page furniture."""
    lines = [line.strip() for line in text[:20_000].splitlines()[:TITLE_SCAN_LINES] if line.strip()]
    for line in lines:
        if _MARKDOWN_HEADING_RE.match(line):
            return _MARKDOWN_HEADING_RE.sub("", line).strip()[:MAX_TITLE_CHARS] or None
    for line in lines:
        if _plausible(line):
            return line[:MAX_TITLE_CHARS]
    for line in lines:
        if not _FURNITURE_RE.match(line) and len(line.split()) >= 2:
            return line[:MAX_TITLE_CHARS]
    return lines[0][:MAX_TITLE_CHARS] if lines else None


def _plausible(line: str) -> bool:
    """3-30 words, not a label, a date line or a sentence of a notice (ends with a full stop)."""
    words = len(line.split())
    if not MIN_GUESS_WORDS <= words <= MAX_GUESS_WORDS or _FURNITURE_RE.match(line) or line.endswith("."):
        return False
    return not (words <= 6 and _LABEL_RE.search(line)) and not _DATE_RE.search(line)


def read_text(data: bytes, *, source_path: str, original: bytes, original_name: str) -> ParsedDocument:
    """A text dump as a ParsedDocument of format "text"."""
    decoded = decode_bytes(data)
    return ParsedDocument(
        source_path=source_path,
        original=original,
        format="text",
        charset=decoded.charset,
        text=decoded.text,
        title=guess_title(decoded.text),
        original_name=original_name,
    )
