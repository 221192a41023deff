"""The language of stored documents: backfilling older libraries and the per-language counts for filters."""

from __future__ import annotations

from sqlite_utils import Database

from triage_app.core.language import detect_language

BATCH = 500


def backfill_languages(db: Database, *, only_missing: bool = True) -> int:
    """Detect the language of stored documents from their cleaned text; return how many were updated.

    The stored `language` (an HTML page's declared `lang` in libraries made before detection) is passed
    as evidence. With `only_missing`, documents that already have a detected language are left alone.
    """
    where = "WHERE language_confidence IS NULL" if only_missing else ""
    rows = db.execute(f"SELECT id, language, text FROM documents {where} ORDER BY id").fetchall()
    updates = []
    for doc_id, declared, text in rows:
        guess = detect_language(str(text or ""), declared=declared)
        updates.append((guess.code, round(guess.confidence, 4), int(doc_id)))
    for first in range(0, len(updates), BATCH):
        db.conn.executemany(
            "UPDATE documents SET language = ?, language_confidence = ? WHERE id = ?", updates[first : first + BATCH]
        )
    return len(updates)


def language_counts(db: Database) -> list[tuple[str | None, int]]:
    """Every language in the library with its document count (None: not known), most documents first."""
    return [
        (None if r[0] is None else str(r[0]), int(r[1]))
        for r in db.execute("SELECT language, count(*) FROM documents GROUP BY language ORDER BY count(*) DESC, language")
    ]
