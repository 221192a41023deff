"""Triage state per document (relevance, star, tags, note), every change written to the audit log."""

from __future__ import annotations

import getpass
from typing import Any

from sqlite_utils import Database

from triage_app.core.library.db import Library, now_iso
from triage_app.core.records import RELEVANCE_VALUES

RELEVANCE_ALIASES = {
    "not_relevant": "not-relevant",
    "notrelevant": "not-relevant",
    "irrelevant": "not-relevant",
    "not relevant": "not-relevant",
}


def os_user() -> str:
    """The operating-system user recorded in the audit log."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def normalise_relevance(value: str) -> str:
    """Accept the canonical relevance names and a few spellings; ValueError otherwise."""
    key = value.strip().lower()
    key = RELEVANCE_ALIASES.get(key, key)
    if key not in RELEVANCE_VALUES:
        raise ValueError(f"relevance must be one of {', '.join(RELEVANCE_VALUES)}, not {value!r}")
    return key


def _audit(db: Database, doc_id: int, field: str, old: Any, new: Any, origin: str) -> None:
    db.table("audit").insert(
        {
            "at": now_iso(),
            "user": os_user(),
            "doc_id": doc_id,
            "field": field,
            "old": None if old is None else str(old),
            "new": None if new is None else str(new),
            "origin": origin,
        }
    )


def _current(db: Database, doc_id: int, column: str) -> Any:
    row = db.execute(f"SELECT {column} FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        raise KeyError(f"no document #{doc_id}")
    return row[0]


def set_relevance(library: Library, doc_id: int, relevance: str, *, origin: str = "user") -> str:
    """Set a document's relevance; returns the previous value. No-op (and no audit row) if unchanged."""
    relevance = normalise_relevance(relevance)
    with library.transaction() as db:
        old = _current(db, doc_id, "relevance")
        if old != relevance:
            db.execute("UPDATE documents SET relevance = ? WHERE id = ?", [relevance, doc_id])
            _audit(db, doc_id, "relevance", old, relevance, origin)
    return str(old)


def set_starred(library: Library, doc_id: int, starred: bool, *, origin: str = "user") -> bool:
    """Star or unstar a document; returns the previous state."""
    with library.transaction() as db:
        old = bool(_current(db, doc_id, "starred"))
        if old != starred:
            db.execute("UPDATE documents SET starred = ? WHERE id = ?", [int(starred), doc_id])
            _audit(db, doc_id, "starred", int(old), int(starred), origin)
    return old


def toggle_star(library: Library, doc_id: int, *, origin: str = "user") -> bool:
    """Flip the star; returns the new state."""
    new = not bool(_current(library.db, doc_id, "starred"))
    set_starred(library, doc_id, new, origin=origin)
    return new


def get_tags(db: Database, doc_id: int) -> list[str]:
    """The document's tags, sorted."""
    return [r[0] for r in db.execute("SELECT tag FROM tags WHERE doc_id = ? ORDER BY tag", [doc_id])]


def set_tags(library: Library, doc_id: int, tags: list[str], *, origin: str = "user") -> list[str]:
    """Replace the document's tags with `tags`; returns the previous list."""
    clean = sorted({t.strip() for t in tags if t.strip()})
    with library.transaction() as db:
        _current(db, doc_id, "id")
        old = get_tags(db, doc_id)
        if old != clean:
            db.execute("DELETE FROM tags WHERE doc_id = ?", [doc_id])
            db.table("tags").insert_all([{"doc_id": doc_id, "tag": t} for t in clean])
            _audit(db, doc_id, "tags", ", ".join(old), ", ".join(clean), origin)
    return old


def add_tags(library: Library, doc_id: int, tags: list[str], *, origin: str = "user") -> list[str]:
    """Add tags to a document; returns the new list."""
    current = get_tags(library.db, doc_id)
    set_tags(library, doc_id, current + tags, origin=origin)
    return get_tags(library.db, doc_id)


def remove_tags(library: Library, doc_id: int, tags: list[str], *, origin: str = "user") -> list[str]:
    """Remove tags from a document; returns the new list."""
    current = get_tags(library.db, doc_id)
    set_tags(library, doc_id, [t for t in current if t not in set(tags)], origin=origin)
    return get_tags(library.db, doc_id)


def set_note(library: Library, doc_id: int, note: str, *, origin: str = "user") -> str:
    """Set the analyst's note; returns the previous note."""
    with library.transaction() as db:
        old = _current(db, doc_id, "note") or ""
        if old != note:
            db.execute("UPDATE documents SET note = ? WHERE id = ?", [note, doc_id])
            _audit(db, doc_id, "note", old, note, origin)
    return str(old)


def all_tags(db: Database) -> list[tuple[str, int]]:
    """Every tag in the library with its document count, most used first."""
    return [
        (r[0], int(r[1]))
        for r in db.execute("SELECT tag, count(*) AS n FROM tags GROUP BY tag ORDER BY n DESC, tag")
    ]


def audit_log(db: Database, doc_id: int | None = None, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Audit rows, oldest first; for one document when `doc_id` is given."""
    sql = "SELECT id, at, user, doc_id, field, old, new, origin FROM audit"
    params: list[Any] = []
    if doc_id is not None:
        sql += " WHERE doc_id = ?"
        params.append(doc_id)
    sql += " ORDER BY id"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return list(db.query(sql, params))
