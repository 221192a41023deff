"""A library baseline for text dumps: jusText, the boilerplate classifier trafilatura itself falls back on,
run on a dump's lines.

A dump has no markup, so each non-blank line becomes one `<p>` of a page made for jusText, which then
judges every paragraph by its length and stop-word density, and its neighbours (link density is zero
throughout: a dump keeps no links). The stop-word list is that of the language detected from the dump
(`core.language`); with no list for it, jusText's language-independent mode (no stop words, thresholds
at zero), as its documentation prescribes. Defaults otherwise, so the row is the library as shipped.
"""

from __future__ import annotations

import html
from functools import cache

import justext

from triage_app.core.language import detect_language, language_name

_LANGUAGE_FREE = {"stopwords_low": 0.0, "stopwords_high": 0.0}


@cache
def _stoplist(name: str) -> frozenset[str] | None:
    """jusText's stop words for a language name ("Norwegian" is its "Norwegian_Bokmal"), None when it has none."""
    names = {n.lower(): n for n in justext.get_stoplists()}
    found = names.get(name.lower()) or names.get(f"{name.lower()}_bokmal")
    return frozenset(justext.get_stoplist(found)) if found else None


def justext_dump(text: str) -> str:
    """The lines of `text` jusText keeps, joined by newlines."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</body></html>"
    stoplist = _stoplist(language_name(detect_language(text).code))
    options = {} if stoplist else _LANGUAGE_FREE
    paragraphs = justext.justext(page.encode("utf-8"), stoplist or frozenset(), encoding="utf-8", **options)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
