"""The order of titles and sites in the list: letters as a reader alphabetises them, not as their code points fall.

SQLite's NOCASE collation folds ASCII letters only: "Über", "Éclair" and "Ökonomie" sorted after "Zebra", Cyrillic
and Greek capitals apart from their small letters, and a title opening with a quote mark or a bracket («…», "…",
(untitled)) before every letter. Each document's title and site have a key (`sort_key`: case and accents folded, the
letters a search reads as one read as one, leading punctuation passed over) kept in `sort_keys` by triggers
(migration m045), and the list sorts by them. The keys live in a table of their own: a column of `documents` would
rewrite the whole row (its text) when the trigger set it.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

from triage_app.core.library.fts_text import fold

_LEADING_RE = re.compile(r"^[\W_]+")


def sort_key(value: str | None) -> str | None:
    """`value` (a title, a site) as it sorts: case-folded, accents and other combining marks off (NFKD), leading
    punctuation and spaces passed over (a value of nothing else keeps them)."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKD", fold(value).casefold())
    if not text.isascii():
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _LEADING_RE.sub("", text) or text


def register(conn: sqlite3.Connection) -> None:
    """Give `conn` the SQL function `sort_key`, which the triggers of `sort_keys` call."""
    conn.create_function("sort_key", 1, sort_key, deterministic=True)
