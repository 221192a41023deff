"""The text the search index reads: each Chinese, Japanese and Korean character a word of its own.

SQLite's unicode61 tokenizer cuts words at spaces and punctuation. Chinese and Japanese write no spaces, so
a whole clause ("北京是中国的首都") was one token and a search for 北京 found nothing inside it; Korean joins
its particles to its words ("서울은"), so 서울 missed too. The index reads `fts_text(text)`, in which every
such character stands between two zero-width spaces (a separator to the tokenizer), and a search term is
written the same way (`query_syntax.fts_term`): a phrase of its characters, which matches wherever they stand
together. Thai, Lao, Myanmar and Khmer write no spaces between words either: each of their letters, with the vowel
signs and tone marks written on it, is such a word ("ที่" "นี่"), and the index's tokenizer keeps the marks of
the scripts whose vowel signs are always written inside their words (`TOKENIZER`: a Hindi word was three pieces
without its vowels). Arabic and Hebrew vowel points (and the tatweel) are left out of what the index reads, so a
pointed word finds the unpointed one and back. Other scripts are left as they are. Snippets drop the zero-width
spaces again (`shown_text`).
"""

from __future__ import annotations

import re
import sqlite3

from triage_app.core.library.script_marks import LETTER_UNIT, OPTIONAL_POINTS, WRITTEN_VOWEL_MARKS
from triage_app.core.library.word_counts import EAST_ASIAN

_CJK = EAST_ASIAN + "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
"""Kana and CJK ideographs (`word_counts.EAST_ASIAN`) and Hangul jamo and syllables (Korean's particles stick to its
words, so its words are searched by character too, though they are counted as spaced words)."""
_WORD_UNITS_RE = re.compile(f"([{_CJK}]|{LETTER_UNIT})")
"""A CJK character, or a letter of a spaceless alphabet with the marks written on it."""
_OPTIONAL_POINTS_RE = re.compile(f"[{OPTIONAL_POINTS}]+")
MARK = "\u200b"
"""Zero-width space: not a letter or digit, so unicode61 ends a token there; invisible if it ever shows."""
TOKENIZER = "unicode61 remove_diacritics 2 tokenchars '" + WRITTEN_VOWEL_MARKS + "'"
"""The search index's tokenizer: unicode61 (diacritics of Latin letters taken off) with the combining marks of
the scripts whose vowels are always written (`script_marks.WRITTEN_VOWEL_MARKS`) as word characters, which it
otherwise reads as word breaks (none is a quote, so the option needs no escaping)."""


def fts_text(text: str | None) -> str | None:
    """`text` as the search index reads it: a `MARK` on each side of every CJK character and of every letter (with its
    marks) of a spaceless alphabet; Arabic and Hebrew vowel points taken out."""
    if not text or text.isascii():
        return text
    return _WORD_UNITS_RE.sub(MARK + r"\1" + MARK, _OPTIONAL_POINTS_RE.sub("", text))


def shown_text(text: str) -> str:
    """Text read back from the index (a snippet) without the marks `fts_text` added."""
    return text.replace(MARK, "")


def register(conn: sqlite3.Connection) -> None:
    """Give `conn` the SQL function `fts_text`, which the search index's triggers and content view call."""
    conn.create_function("fts_text", 1, fts_text, deterministic=True)
