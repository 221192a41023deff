"""Reading stored annotations: one document's mentions, quotes and entity summary (the reader, packets) and the
library-wide lists of entities, their documents and quotes (the reader's entity commands, the CLI)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from triage_app.core.nlp.ledger import also_attributed
from triage_app.core.records import SHOWN_ENTITY_LABELS


def _dicts(db: Database, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def document_entities(db: Database, doc_id: int) -> list[dict[str, Any]]:
    """Mentions of one document with their entity: entity_id, canonical, label, start, end, text, hidden."""
    return _dicts(
        db,
        "SELECT m.entity_id, e.canonical, e.label, m.start, m.end, m.text, e.hidden, m.id AS mention_id "
        "FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.doc_id = ? ORDER BY m.start, m.end",
        [doc_id],
    )


def document_quotes(db: Database, doc_id: int) -> list[dict[str, Any]]:
    """Quotes of one document with speaker_entity_id and speaker_canonical, ordered by start."""
    rows = _dicts(
        db,
        "SELECT q.id, q.start, q.end, q.text, q.kind, q.cue, q.speaker, q.speaker_start, q.speaker_end, "
        "q.speaker_entity_id, e.canonical AS speaker_canonical, q.words FROM quotes q "
        "LEFT JOIN entities e ON e.id = q.speaker_entity_id WHERE q.doc_id = ? ORDER BY q.start, q.end",
        [doc_id],
    )
    also_attributed(db, rows)
    return rows


def entity_summary(db: Database, doc_id: int) -> list[dict[str, Any]]:
    """One row per entity of a document: entity_id, canonical, label, count, hidden (most mentioned first)."""
    return _dicts(
        db,
        "SELECT e.id AS entity_id, e.canonical, e.label, COUNT(*) AS count, e.hidden FROM mentions m "
        "JOIN entities e ON e.id = m.entity_id WHERE m.doc_id = ? GROUP BY e.id "
        "ORDER BY count DESC, e.canonical COLLATE NOCASE",
        [doc_id],
    )


def list_entities(
    db: Database, *, label: str | None = None, query: str | None = None, limit: int | None = None,
    all_labels: bool = False, include_hidden: bool = True,
) -> list[dict[str, Any]]:
    """Library-wide entities with doc_count and mention_count (shown labels only unless asked)."""
    where, params = ["1 = 1"], []
    if label:
        where.append("e.label = ?")
        params.append(label)
    elif not all_labels:
        where.append(f"e.label IN ({', '.join('?' for _ in SHOWN_ENTITY_LABELS)})")
        params.extend(SHOWN_ENTITY_LABELS)
    if query:
        where.append("e.canonical LIKE ?")
        params.append(f"%{query}%")
    if not include_hidden:
        where.append("e.hidden = 0")
    sql = (
        "SELECT e.id AS entity_id, e.canonical, e.label, e.hidden, COUNT(DISTINCT m.doc_id) AS doc_count, "
        f"COUNT(m.id) AS mention_count FROM entities e JOIN mentions m ON m.entity_id = e.id WHERE {' AND '.join(where)} "
        "GROUP BY e.id ORDER BY doc_count DESC, mention_count DESC, e.canonical COLLATE NOCASE"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    return _dicts(db, sql, params)


def entity_documents(db: Database, entity_id: int) -> list[dict[str, Any]]:
    """Documents mentioning an entity: doc_id, title, count."""
    return _dicts(
        db,
        "SELECT d.id AS doc_id, d.title, COUNT(*) AS count FROM mentions m JOIN documents d ON d.id = m.doc_id "
        "WHERE m.entity_id = ? GROUP BY d.id ORDER BY count DESC, d.id",
        [entity_id],
    )


def list_quotes(
    db: Database, *, entity_id: int | None = None, doc_id: int | None = None, kind: str | None = None,
    query: str | None = None, limit: int | None = None,
) -> list[dict[str, Any]]:
    """Who said what, library-wide: every quote with its speaker entity, doc_id and title."""
    where, params = ["1 = 1"], []
    for column, value in (("q.speaker_entity_id", entity_id), ("q.doc_id", doc_id), ("q.kind", kind)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    if query:
        where.append("(q.text LIKE ? OR q.speaker LIKE ? OR e.canonical LIKE ?)")
        params.extend([f"%{query}%"] * 3)
    sql = (
        "SELECT q.id, q.doc_id, d.title, q.start, q.end, q.text, q.kind, q.cue, q.speaker, q.speaker_start, "
        "q.speaker_end, q.speaker_entity_id, e.canonical AS speaker_canonical, q.words FROM quotes q "
        "JOIN documents d ON d.id = q.doc_id LEFT JOIN entities e ON e.id = q.speaker_entity_id "
        f"WHERE {' AND '.join(where)} ORDER BY q.doc_id, q.start"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = _dicts(db, sql, params)
    also_attributed(db, rows)  # the ledger's flag: the same words given to someone else elsewhere
    return rows


def mention_forms(db: Database, entity_id: int, *, limit: int = 8) -> list[str]:
    """How the entity is written in the library's texts, most frequent first: why mentions were merged."""
    rows = db.execute(
        "SELECT text, count(*) AS n FROM mentions WHERE entity_id = ? GROUP BY text ORDER BY n DESC, text LIMIT ?",
        [entity_id, limit],
    ).fetchall()
    return [" ".join(str(r[0]).split()) for r in rows]
