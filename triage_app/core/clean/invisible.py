"""Characters that are no part of the text a reader sees, copies or searches, taken out of cleaned text.

The soft hyphen (U+00AD, `&shy;`) only tells a browser where it may break a word: German and Dutch news sites put
it in long words ("Bundes&shy;regierung", "Klima&shy;schutz&shy;programm"). The word joiner (U+2060) and the
zero-width no-break space (U+FEFF: a byte order mark, or the word joiner's old spelling) forbid a break. All three
join the letters around them, so they are deleted, not made a space. Kept, they split the word for SQLite's FTS5
tokenizer and for the cleaner's own word tokens: a search for "Bundesregierung" found nothing, and a headline
written with soft hyphens no longer matched the extractor's text (trafilatura deletes every non-printable
character), so the page lost it. The zero-width space (a break opportunity, a word boundary in Thai), the
zero-width joiners of Persian and emoji and the direction marks of Arabic and Hebrew change how a text reads
and stay.
"""

from __future__ import annotations

INVISIBLE = "\u00ad\u2060\ufeff"
_DELETE = str.maketrans("", "", INVISIBLE)


def has_invisible(text: str) -> bool:
    """`text` holds one of the `INVISIBLE` characters (an ASCII text is answered without a scan)."""
    return not text.isascii() and ("\u00ad" in text or "\u2060" in text or "\ufeff" in text)


def without_invisible(text: str) -> str:
    """`text` with the `INVISIBLE` characters deleted (the same object when it has none)."""
    return text.translate(_DELETE) if has_invisible(text) else text
