"""The language of stored documents: backfilling older libraries and the per-language counts for filters."""

from __future__ import annotations

from typing import Literal

from sqlite_utils import Database

from triage_app.core.language import detect_language

BATCH = 500


BACKFILLED = {
    "missing": "WHERE language_confidence IS NULL",
    "unknown": "WHERE language IS NULL",
    "all": "",
}
"""Which stored documents `backfill_languages` detects again: those never detected (libraries from before
detection), those of unknown language (after the detector learnt to read more), or all of them."""


def backfill_languages(db: Database, *, which: Literal["missing", "unknown", "all"] = "missing") -> int:
    """Detect the language of stored documents (`BACKFILLED[which]`) from their cleaned text; return how many
    were updated. The stored `language` (an HTML page's declared `lang` in libraries made before detection)
    is passed as evidence. A document whose new language changes which model may read it loses its
    entities and quotes, to be annotated again."""
    where = BACKFILLED[which]
    rows = db.execute(f"SELECT id, language, text, annotated_engine FROM documents {where} ORDER BY id").fetchall()
    updates = []
    gated: list[int] = []
    for doc_id, declared, text, annotated in rows:
        guess = detect_language(str(text or ""), declared=declared)
        updates.append((guess.code, round(guess.confidence, 4), int(doc_id)))
        if annotated and model_changes(declared, guess.code):
            gated.append(int(doc_id))
    for first in range(0, len(updates), BATCH):
        db.conn.executemany(
            "UPDATE documents SET language = ?, language_confidence = ? WHERE id = ?", updates[first : first + BATCH]
        )
    forget_annotations(db, gated)
    return len(updates)


def model_changes(old: str | None, new: str | None) -> bool:
    """True when a change of language from `old` to `new` changes whether the English model may read it."""
    return ((old or "en") == "en") != ((new or "en") == "en")


def forget_annotations(db: Database, doc_ids: list[int]) -> None:
    """Drop the mentions and quotes of documents read by the wrong model; they are annotated again later."""
    for first in range(0, len(doc_ids), BATCH):
        chunk = doc_ids[first : first + BATCH]
        marks = ",".join("?" for _ in chunk)
        db.execute(f"DELETE FROM mentions WHERE doc_id IN ({marks})", chunk)
        db.execute(f"DELETE FROM quotes WHERE doc_id IN ({marks})", chunk)
        db.execute(f"UPDATE documents SET annotated_engine = NULL WHERE id IN ({marks})", chunk)


def language_counts(db: Database) -> list[tuple[str | None, int]]:
    """Every language in the library with its document count (None: not known), most documents first."""
    return [
        (None if r[0] is None else str(r[0]), int(r[1]))
        for r in db.execute("SELECT language, count(*) FROM documents GROUP BY language ORDER BY count(*) DESC, language")
    ]
