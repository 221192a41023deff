"""Words in any script: how many a document has (the list's Words column, the packets' CSV, sorting and filters),
and the words the copies' shingles and the diffs are made of."""

from __future__ import annotations

import re

from triage_app.core.script_marks import HAN_KANA, LETTER_UNIT, SPACELESS_ALPHABETS, WORD_MARKS

EAST_ASIAN = HAN_KANA + "\uff66-\uff9d\U00020000-\U0003134f"
"""Kana and CJK ideographs (with their extensions and compatibility forms): Chinese and Japanese write no spaces."""
WORD_RE = re.compile(rf"[{EAST_ASIAN}]|[^\W{EAST_ASIAN}]+(?:[{WORD_MARKS}]+[^\W{EAST_ASIAN}]*)*")
"""A word: one Chinese or Japanese character (as word processors count them), else a run of other word characters
with the combining marks written in it (`script_marks`: "हिन्दी" is one word, not three pieces; the pattern looks for
a mark only where a run of letters stops, so a text without marks is read as fast as before).
Korean puts spaces between its words, so Hangul runs count as words. Thai, Lao, Myanmar and Khmer runs of letters
count as one word each (no word segmenter here)."""
_SPACED = f"[^\\W{EAST_ASIAN}{SPACELESS_ALPHABETS}]"
SHINGLE_WORD_RE = re.compile(rf"[{EAST_ASIAN}]|{LETTER_UNIT}|{_SPACED}+(?:[{WORD_MARKS}]+{_SPACED}*)*")
"""The words the copies' shingles are made of: `WORD_RE`'s, except that a Thai, Lao, Myanmar or Khmer letter with its
marks is one (`script_marks.LETTER_UNIT`), as a Chinese character is: those alphabets write no spaces between words,
so a run of letters is a phrase, and a copy with a letter changed in a few phrases shared too few shingles."""
MARKED_WORD = rf"\w+(?:[{WORD_MARKS}]+\w*)*"
"""A run of word characters with the combining marks written in it (a Chinese clause stays one run): a search's words."""
WORD_COUNT_LANGUAGES = ("zh", "ja", "yue", "wuu")
"""Languages whose documents a library counts and signs again now that East Asian characters are words one by one
(migrations m040, m042)."""


def word_count(text: str) -> int:
    """Number of words in `text` (`WORD_RE`: a Chinese or Japanese character is one; before, a whole clause between
    two punctuation marks was). Counted one match at a time: a list of every word of an 8 MB dump held ~75 MB while
    the document was stored."""
    return sum(1 for _ in WORD_RE.finditer(text))
