"""Scoring of titles and bylines against `bench/meta_gold/` (used by `python -m triage_app.bench meta`).

A title is right when it equals the gold after normalisation (Unicode NFKC, single spaces, typographic
quotes as plain ones, dashes as "-"; case kept). A byline is exact when it names the same people in the
same words (each name normalised and casefolded, "By" dropped, the list split on commas, "and", "&",
"und"), in any order; it is "same people" (lenient) when the names pair up one to one by their last word.
A page whose gold byline is null is right only when no byline is found.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_WS_RE = re.compile(r"\s+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                         "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00a0": " "})
_BY_RE = re.compile(r"^\s*(?:by|von|par|por)\s*:?\s+", re.IGNORECASE)
_SPLIT_RE = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b)\s*", re.IGNORECASE)


def normalise_title(text: str | None) -> str:
    """NFKC, typographic quotes and dashes as plain ones, single spaces; case kept."""
    if not text:
        return ""
    return _WS_RE.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES)).strip()


def title_right(found: str | None, gold: str | None) -> bool:
    """Equal after normalisation (a null gold title is never scored)."""
    return bool(gold) and normalise_title(found) == normalise_title(gold)


def byline_names(text: str | None) -> list[str]:
    """The names of a byline, each normalised and casefolded, "By" dropped, in page order."""
    if not text:
        return []
    plain = normalise_title(text).casefold()
    plain = _BY_RE.sub("", plain)
    return [n.strip(" .:-") for n in _SPLIT_RE.split(plain) if n.strip(" .:-")]


def byline_exact(found: str | None, gold: str | None) -> bool:
    """The same names, in any order; with a null gold, right only when nothing is found."""
    if not gold:
        return not byline_names(found)
    return sorted(byline_names(found)) == sorted(byline_names(gold))


def _last_words(names: Iterable[str]) -> list[str]:
    return sorted(n.split()[-1] for n in names if n.split())


def byline_same_people(found: str | None, gold: str | None) -> bool:
    """Lenient: as many names as the gold, pairing up by their last word ("Troy L. Smith" ~ "Troy Smith")."""
    if not gold:
        return not byline_names(found)
    return _last_words(byline_names(found)) == _last_words(byline_names(gold))
