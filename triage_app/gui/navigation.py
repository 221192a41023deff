"""Moving through the library list: finding the next unreviewed document without loading every row."""

from __future__ import annotations

from sqlite_utils import Database

CHUNK = 500


def _unreviewed_in(db: Database, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    marks = ",".join("?" for _ in ids)
    sql = f"SELECT id FROM documents WHERE relevance = 'unreviewed' AND id IN ({marks})"
    return {int(r[0]) for r in db.execute(sql, ids)}


def next_unreviewed_row(db: Database, ids: list[int], current_row: int) -> int | None:
    """The first row after `current_row` whose document is unreviewed, wrapping round; None if there is none."""
    count = len(ids)
    order = list(range(current_row + 1, count)) + list(range(0, min(current_row + 1, count)))
    for start in range(0, len(order), CHUNK):
        rows = order[start : start + CHUNK]
        hits = _unreviewed_in(db, [ids[r] for r in rows])
        for row in rows:
            if ids[row] in hits:
                return row
    return None
