"""Word tokens as the cleaner compares texts: `re.findall(r"\\w+", text.lower())` on the text without the
characters trafilatura deletes, made faster.

trafilatura deletes every character that is neither printable nor white space from the text it extracts
(`utils.remove_control_characters`): soft hyphens, zero-width spaces and joiners, direction marks. The cleaner
compares that text with the page's own blocks, which keep them, so the tokens are made with them deleted on both
sides: Persian writes a zero-width non-joiner inside most of its words ("می‌خواهم"), and split there its paragraphs
no longer matched the extractor's and were removed.

trafilatura also composes its text (NFC), and so do the tokens.

The regex engine costs about 25 ns per character. Text whose characters all fit in Latin-1 (once the
common typographic punctuation, which is never part of a word, is blanked) is tokenised with one
C-level byte translation (every byte that is not a word character becomes a space) and `str.split`:
the same tokens, 3-4x faster. Other text goes to the regex. `words_of_lines` tokenises many lines in
one pass of each (the cleaner's blocks and the extraction's lines: hundreds of short texts a page).
"""

from __future__ import annotations

import re
import unicodedata

_WORD_RE = re.compile(r"\w+")


def _is_word_char(ch: str) -> bool:
    """What `\\w` matches in a str pattern: `str.isalnum()` or the underscore."""
    return ch.isalnum() or ch == "_"


def _deleted(ch: str) -> bool:
    """What trafilatura deletes from the text it extracts: a character neither printable nor white space."""
    return not (ch.isprintable() or ch.isspace())


# Typographic punctuation and spaces outside Latin-1 that pages use all the time (quotes, dashes,
# ellipsis, bullets, arrows, thin and wide spaces): none is a word character, so a space does as well.
_PUNCTUATION = tuple(
    ch
    for ch in "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2010\u2011\u2012\u2013\u2014\u2015\u2026\u2022\u2032"
    "\u2033\u2039\u203a\u20ac\u2122\u2212\u2192\u25ba\u2002\u2003\u2009\u200a\u202f\u3000"
    if not _is_word_char(ch)
)
# Invisible characters outside Latin-1 that pages use all the time, deleted as trafilatura deletes them (the
# zero-width space, non-joiner and joiner, direction marks, the word joiner, a byte order mark).
_INVISIBLE = tuple(ch for ch in "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff" if _deleted(ch))
# Byte translation tables over Latin-1: a word character stays, anything else becomes a space (the
# second keeps line feeds, which separate the texts `words_of_lines` joins); the bytes trafilatura deletes
# (the soft hyphen, control characters) are deleted.
_SPACES = bytes(b if _is_word_char(chr(b)) else 32 for b in range(256))
_SPACES_KEEP_LF = bytes(b if _is_word_char(chr(b)) or b == 10 else 32 for b in range(256))
_DELETED_LATIN1 = bytes(b for b in range(256) if _deleted(chr(b)) and b != 10)


def _latin1(low: str) -> bytes | None:
    """`low` as Latin-1 bytes once the common punctuation outside it is blanked and the common invisible
    characters are deleted, or None when it has other characters outside Latin-1."""
    if not low.isascii():
        for ch in _PUNCTUATION:
            if ch in low:
                low = low.replace(ch, " ")
    try:
        return low.encode("latin-1")
    except UnicodeEncodeError:
        pass
    # Invisible characters are outside Latin-1, so only a text that failed can hold them.
    deleted = low
    for ch in _INVISIBLE:
        if ch in deleted:
            deleted = deleted.replace(ch, "")
    try:
        return deleted.encode("latin-1") if deleted is not low else None
    except UnicodeEncodeError:
        return None


def _printed(low: str) -> str:
    """`low` without the characters trafilatura deletes, composed as trafilatura composes its text (NFC): a page
    written with decomposed accents ("e" and U+0301) has other word tokens than the extractor's text otherwise, since
    a combining mark is no word character. One C-level test each when there is nothing to do (a no-break space or a
    line feed is not printable, but white space is never deleted: the text without it is tested before each character
    is, which took 13 ms on a 100,000-character Russian text); a Latin-1 text is always composed, so only the regex
    path needs it."""
    if not low.isprintable() and not "".join(low.split()).isprintable():  # white space alone deletes nothing
        low = "".join(ch for ch in low if not _deleted(ch))
    return low if unicodedata.is_normalized("NFC", low) else unicodedata.normalize("NFC", low)


def words(text: str) -> list[str]:
    """The lower-cased `\\w+` tokens of `text`."""
    low = text.lower()
    raw = _latin1(low)
    if raw is None:
        return _WORD_RE.findall(_printed(low))
    return raw.translate(_SPACES, _DELETED_LATIN1).decode("latin-1").split()


def words_of_lines(texts: list[str]) -> list[list[str]]:
    """`[words(t) for t in texts]` for texts without line feeds, tokenised in one pass when they all fit."""
    joined = "\n".join(texts).lower()  # lower-casing never makes or removes a line feed
    if joined.count("\n") == len(texts) - 1 and (raw := _latin1(joined)) is not None:
        return [line.split() for line in raw.translate(_SPACES_KEEP_LF, _DELETED_LATIN1).decode("latin-1").split("\n")]
    return [words(text) for text in texts]
