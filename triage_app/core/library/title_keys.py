"""The order of titles in the list: letters as a reader alphabetises them, not as their code points fall.

SQLite's NOCASE collation folds ASCII letters only: "Über", "Éclair" and "Ökonomie" sorted after "Zebra", Cyrillic
and Greek capitals apart from their small letters, and a title opening with a quote mark or a bracket («…», "…",
(untitled)) before every letter. Each document's title has a key (`title_key`: case and accents folded, the letters a
search reads as one read as one, leading punctuation passed over) kept in `title_keys` by triggers (migration m045),
and the list sorts by it. The keys live in a table of their own: a column of `documents` would rewrite the whole row
(its text) when the trigger set it.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

from triage_app.core.library.fts_text import fold

_LEADING_RE = re.compile(r"^[\W_]+")


def title_key(title: str | None) -> str | None:
    """`title` as it sorts: case-folded, accents and other combining marks off (NFKD), leading punctuation and spaces
    passed over (a title of nothing else keeps them)."""
    if title is None:
        return None
    text = unicodedata.normalize("NFKD", fold(title).casefold())
    if not text.isascii():
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _LEADING_RE.sub("", text) or text


def register(conn: sqlite3.Connection) -> None:
    """Give `conn` the SQL function `title_key`, which the triggers of `title_keys` call."""
    conn.create_function("title_key", 1, title_key, deterministic=True)
