"""The text the search index reads: each Chinese, Japanese and Korean character a word of its own.

SQLite's unicode61 tokenizer cuts words at spaces and punctuation. Chinese and Japanese write no spaces, so
a whole clause ("北京是中国的首都") was one token and a search for 北京 found nothing inside it; Korean joins
its particles to its words ("서울은"), so 서울 missed too. The index reads `fts_text(text)`, in which every
such character stands between two zero-width spaces (a separator to the tokenizer), and a search term is
written the same way (`query_syntax.fts_term`): a phrase of its characters, which matches wherever they stand
together. Other scripts are left as they are. Snippets drop the marks again (`shown_text`).
"""

from __future__ import annotations

import re
import sqlite3

from triage_app.core.library.word_counts import EAST_ASIAN

_CJK = EAST_ASIAN + "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
"""Kana and CJK ideographs (`word_counts.EAST_ASIAN`) and Hangul jamo and syllables (Korean's particles stick to its
words, so its words are searched by character too, though they are counted as spaced words)."""
_CJK_RE = re.compile(f"([{_CJK}])")
MARK = "\u200b"
"""Zero-width space: not a letter or digit, so unicode61 ends a token there; invisible if it ever shows."""


def fts_text(text: str | None) -> str | None:
    """`text` as the search index reads it: a `MARK` on each side of every CJK character."""
    if not text or text.isascii():
        return text
    return _CJK_RE.sub(MARK + r"\1" + MARK, text)


def shown_text(text: str) -> str:
    """Text read back from the index (a snippet) without the marks `fts_text` added."""
    return text.replace(MARK, "")


def register(conn: sqlite3.Connection) -> None:
    """Give `conn` the SQL function `fts_text`, which the search index's triggers and content view call."""
    conn.create_function("fts_text", 1, fts_text, deterministic=True)
