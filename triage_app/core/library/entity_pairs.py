"""Entities that appear together: for one entity, the others found in the same documents, with counts."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

PAIR_LABELS = ("PERSON", "ORG", "PLACE", "NORP")
"""Dates and amounts appear with everything: left out of the pairs by default."""


def co_occurring(
    db: Database, entity_id: int, *, limit: int = 12, labels: tuple[str, ...] | None = PAIR_LABELS
) -> list[dict[str, Any]]:
    """The entities sharing most documents with `entity_id` (hidden ones left out), most shared first.

    Each row: entity_id, canonical, label, documents (how many documents hold both).
    """
    label_sql = ""
    params: list[Any] = [entity_id, entity_id]
    if labels:
        label_sql = f" AND e.label IN ({','.join('?' * len(labels))})"
        params.extend(labels)
    sql = (
        "WITH docs AS (SELECT DISTINCT doc_id FROM mentions WHERE entity_id = ?) "
        "SELECT e.id, e.canonical, e.label, count(DISTINCT m.doc_id) AS n FROM mentions m "
        "JOIN docs ON docs.doc_id = m.doc_id JOIN entities e ON e.id = m.entity_id "
        f"WHERE m.entity_id != ? AND e.hidden = 0{label_sql} "
        "GROUP BY e.id ORDER BY n DESC, e.canonical COLLATE NOCASE LIMIT ?"
    )
    params.append(limit)
    return [
        {"entity_id": int(r[0]), "canonical": str(r[1]), "label": str(r[2]), "documents": int(r[3])}
        for r in db.execute(sql, params)
    ]


def documents_with_both(db: Database, first: int, second: int) -> list[int]:
    """Ids of the documents mentioning both entities."""
    sql = (
        "SELECT doc_id FROM mentions WHERE entity_id = ? INTERSECT SELECT doc_id FROM mentions WHERE entity_id = ? "
        "ORDER BY 1"
    )
    return [int(r[0]) for r in db.execute(sql, [first, second])]
