"""Undoing a removal: the removed documents' rows are kept (in memory) and written back with their own ids.

`remove_keeping_rows` takes every row `removal.remove_documents` deletes, in the same transaction, before deleting
them; `restore_documents` inserts them again (the search index and the timeline follow by trigger) and rebuilds the
clusters from the restored pairs. Ids are never given twice (`documents.next_document_id`), so a restored document is
the same document: its audit history goes on, with a "restored" line. Rows past `UNDO_LIMIT_BYTES` are not kept (a
removal that large cannot be undone; the window says so once it is done).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from triage_app.core.library.db import Library, now_iso
from triage_app.core.library.near_dup_clusters import write_clusters
from triage_app.core.library.removal import DOCUMENT_TABLES, chunks, existing_ids, remove_documents
from triage_app.core.library.triage import os_user

UNDO_LIMIT_BYTES = 256 * 1024 * 1024
"""Most bytes of removed rows (originals, text, blocks ...) kept for an undo."""
RESTORED_FIELD = "restored"
_TABLES = ("documents", *DOCUMENT_TABLES)
"""Tables whose rows of a document are kept, documents first (the others name it); by `doc_id`, `id` for documents."""


@dataclass
class RemovedRows:
    """What a removal deleted, to write back; `ids` are the removed documents."""

    ids: list[int]
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    size: int = 0


def _size(row: dict[str, Any]) -> int:
    return sum(len(v) if isinstance(v, (bytes, str)) else 8 for v in row.values())


def _select(db: Database, sql: str, params: list[int]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def keep_rows(db: Database, ids: list[int], limit: int = UNDO_LIMIT_BYTES) -> RemovedRows | None:
    """Every row of `ids` that a removal deletes; None when they hold more than `limit` bytes."""
    kept = RemovedRows(list(ids))
    for part, marks in chunks(ids):
        for table in _TABLES:
            key = "id" if table == "documents" else "doc_id"
            rows = _select(db, f"SELECT * FROM {table} WHERE {key} IN ({marks})", part)
            kept.rows.setdefault(table, []).extend(rows)
            kept.size += sum(map(_size, rows))
            if kept.size > limit:
                return None
        pairs = _select(db, f"SELECT * FROM near_pairs WHERE a IN ({marks}) OR b IN ({marks})", part + part)
        kept.rows.setdefault("near_pairs", []).extend(pairs)
    return kept


def remove_keeping_rows(library: Library, doc_ids: Iterable[int], *, origin: str = "user") -> tuple[list[int], RemovedRows | None]:
    """`remove_documents`, with the removed rows kept for `restore_documents` (None when over `UNDO_LIMIT_BYTES`)."""
    with library.transaction() as db:
        ids = existing_ids(db, doc_ids)
        kept = keep_rows(db, ids) if ids else None
        removed = remove_documents(library, ids, origin=origin)
    return removed, kept


def restore_documents(library: Library, kept: RemovedRows, *, origin: str = "undo") -> list[int]:
    """Write the kept rows back; returns the restored ids. A document whose file was imported again meanwhile (a new
    document with the same SHA-256) is not restored beside it. One transaction."""
    with library.transaction() as db:
        present = set(existing_ids(db, kept.ids))
        # a file imported again since its removal is a new document now: the old one is not brought back beside it
        hashes = {row["sha256"]: row["id"] for row in kept.rows.get("documents", [])}
        again = {hashes[str(sha)] for part, marks in chunks(sorted(hashes))
                 for (sha,) in db.execute(f"SELECT sha256 FROM documents WHERE sha256 IN ({marks})", part)}
        restored = [d for d in kept.ids if d not in present and d not in again]
        if not restored:
            return []
        wanted = set(restored)
        for table in _TABLES:
            key = "id" if table == "documents" else "doc_id"
            rows = [row for row in kept.rows.get(table, []) if row[key] in wanted]
            if table != "documents":  # a row's own id (mentions, quotes, resources, overrides) may be another's by now
                rows = [{k: v for k, v in row.items() if k != "id"} for row in rows]
            if rows:
                db.table(table).insert_all(rows, batch_size=200)
        now = set(existing_ids(db, {x for row in kept.rows.get("near_pairs", []) for x in (row["a"], row["b"])}))
        pairs = [row for row in kept.rows.get("near_pairs", []) if row["a"] in now and row["b"] in now]
        if pairs:
            db.table("near_pairs").insert_all(pairs, replace=True)
        at, user = now_iso(), os_user()
        db.conn.executemany(
            "INSERT INTO audit (at, user, doc_id, field, old, new, origin) VALUES (?, ?, ?, ?, NULL, ?, ?)",
            [(at, user, doc_id, RESTORED_FIELD, "restored", origin) for doc_id in restored],
        )
        write_clusters(db, wanted)
    return restored
