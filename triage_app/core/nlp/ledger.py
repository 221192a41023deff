"""The cross-document quote ledger: the same words attributed to different speakers.

Each stored quote keeps its words normalised (lower case, punctuation and spacing dropped); two quotes of
at least `MIN_WORDS` words with the same normalised words but different speakers are flagged.
"""

from __future__ import annotations

import re
from typing import Any

from sqlite_utils import Database

MIN_WORDS = 4
_WORD = re.compile(r"\w+", re.UNICODE)


def quote_words(text: str) -> str | None:
    """"We will win, " -> "we will win"; None for a quote too short to tell who said it."""
    words = _WORD.findall(text.casefold())
    return " ".join(words) if len(words) >= MIN_WORDS else None


def backfill_quote_words(db: Database) -> int:
    """Fill `quotes.words` for quotes stored before it existed; return how many were updated."""
    rows = db.execute("SELECT id, text FROM quotes WHERE words IS NULL").fetchall()
    db.conn.executemany("UPDATE quotes SET words = ? WHERE id = ?", [(quote_words(str(t or "")), int(i)) for i, t in rows])
    return len(rows)


_OTHERS_SQL = """
SELECT q2.id, q2.doc_id, coalesce(e2.canonical, q2.speaker) AS speaker
FROM quotes q2 LEFT JOIN entities e2 ON e2.id = q2.speaker_entity_id
WHERE q2.words = ? AND q2.id != ? AND coalesce(e2.canonical, q2.speaker) IS NOT NULL
"""


def also_attributed(db: Database, rows: list[dict[str, Any]]) -> None:
    """Add to each quote row `also_attributed_to`: other speakers the same words are given to elsewhere."""
    for row in rows:
        row["also_attributed_to"] = []
        words = row.get("words")
        if not words:
            continue
        mine = (row.get("speaker_canonical") or row.get("speaker") or "").casefold()
        others = {
            str(speaker): int(doc_id)
            for _id, doc_id, speaker in db.execute(_OTHERS_SQL, [words, row["id"]])
            if str(speaker).casefold() != mine
        }
        row["also_attributed_to"] = [{"speaker": s, "doc_id": d} for s, d in sorted(others.items())]
