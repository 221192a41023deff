"""The author's name from a byline block ("By Jane Doe", "Dan Goodin - Apr 16, 2015 8:02 pm UTC").

A block the cleaner removes as a byline must fill the document's byline when the page's metadata
names none; this module reads the name out of such a block.
"""

from __future__ import annotations

import re

from triage_app.core.clean import patterns as P
from triage_app.core.records import CleanResult

_PREFIX_RE = re.compile(
    r"^\s*(?:(?:written|posted|published|reported|updated|story|words|text)\s+(?:by|von|par|por)|by|von|par|por|di|door|av|af"
    r"|autor(?:in)?|author|auteur)\s*[:\-–]?\s+",
    re.IGNORECASE,
)
# Where the name ends: a date, a separator, a role or an "updated" note.
_END_RE = re.compile(
    r"\s+[-–—|•·/]\s+|\s*\|\s*|\s*[•·]\s*|\s*,\s+|\s+(?:on|am|le|el|em|il)\s+(?=\S*\s?\S*\d)|\s+(?=\d)"
    r"|\s+(?:updated|published|posted|aktualisiert|mis à jour)\b",
    re.IGNORECASE,
)
_MONTH_RE = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.IGNORECASE)
_NAME_WORD_RE = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w.'’-]*|de|da|van|von|der|den|del|la|le|du|dos|bin|al|and|und|et|y|e)$")


def name_from_byline(text: str) -> str | None:
    """The name(s) a byline block gives, or None when it does not read like one."""
    text = " ".join(text.split())
    stripped = _PREFIX_RE.sub("", text, count=1)
    name = _END_RE.split(stripped, maxsplit=1)[0].strip(" ,;:-–—")
    name = _MONTH_RE.sub("", name).strip(" ,;:-–—")
    words = name.split()
    if not 2 <= len(words) <= 8 or any(ch.isdigit() for ch in name):
        return None
    if not all(_NAME_WORD_RE.match(w) for w in words) or words[-1].lower() in ("and", "und", "et", "y", "e"):
        return None
    return name


def fill_byline(result: CleanResult) -> None:
    """Set the byline when none is known (in place): from the first block removed as a byline, else
    from a short "By ..." block among the first kept ones (the block itself stays in the text)."""
    if result.byline:
        return
    for block in result.blocks:
        if not block.kept and block.reason == P.BYLINE and len(block.text) <= 200:
            name = name_from_byline(block.text)
            if name:
                result.byline = name
                return
    kept = [b for b in result.blocks if b.kept][:FIRST_KEPT]
    for block in kept:
        if len(block.text.split()) <= 12 and P.BYLINE_RE.match(block.text):
            name = name_from_byline(block.text)
            if name:
                result.byline = name
                return


FIRST_KEPT = 6
"""How many of the first kept blocks may hold a byline that stays in the text."""
