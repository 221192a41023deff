"""Removing documents from the library: a folder imported by mistake, a page that is no one's business.

Everything stored for a removed document goes in one transaction: its row (the search index and the
timeline follow by trigger), original, resources, blocks, tags, own block overrides, entity mentions,
quotes, elusion-sample row and near-duplicate signatures and pairs; the clusters it belonged to are
rebuilt from the pairs left. What stays: the audit log (append-only), which gets a "removed" line per
document naming its title, file and SHA-256, and the site-wide overrides and entity corrections, which
are the analyst's decisions about other documents too. Importing the file again brings it back as a
new document.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from triage_app.core.library.db import Library, now_iso
from triage_app.core.library.near_dup_clusters import cluster_of, write_clusters
from triage_app.core.library.triage import os_user

REMOVED_FIELD = "removed"
CHUNK = 500
"""Ids per statement (SQLite's host parameters are limited)."""

DOCUMENT_TABLES = ("originals", "resources", "blocks", "tags", "mentions", "quotes", "overrides", "review_sample",
                   "minhash_signatures", "minhash_segments")
"""Tables holding rows of one document by `doc_id` that go with it (`overrides`: the page's own; site-wide ones have
no `doc_id`). `cluster_members` and `near_pairs` go too, but are rebuilt rather than kept (`removal_undo`)."""


def chunks(ids: list[int]) -> Iterable[tuple[list[int], str]]:
    """`ids` in parts small enough for one statement, each with its placeholders (a `?` per id, comma-separated)."""
    for start in range(0, len(ids), CHUNK):
        part = ids[start : start + CHUNK]
        yield part, ",".join("?" * len(part))


def existing_ids(db: Database, doc_ids: Iterable[int]) -> list[int]:
    """Those of `doc_ids` that are in the library, in id order."""
    found: list[int] = []
    for part, marks in chunks(sorted(set(doc_ids))):
        found += [int(r[0]) for r in db.execute(f"SELECT id FROM documents WHERE id IN ({marks}) ORDER BY id", part)]
    return found


def remove_documents(library: Library, doc_ids: Iterable[int], *, origin: str = "user") -> list[int]:
    """Remove these documents and all that is stored for them (see the module docstring); returns the ids that
    were in the library. One transaction: on any error nothing is removed."""
    with library.transaction() as db:
        ids = existing_ids(db, doc_ids)
        if not ids:
            return []
        removed = set(ids)
        neighbours: set[int] = set()
        for doc_id in ids:
            if doc_id not in neighbours:
                neighbours |= cluster_of(db, doc_id)
        at, user = now_iso(), os_user()
        for part, marks in chunks(ids):
            rows = db.execute(f"SELECT id, title, source_path, sha256 FROM documents WHERE id IN ({marks})", part).fetchall()
            db.conn.executemany(
                "INSERT INTO audit (at, user, doc_id, field, old, new, origin) VALUES (?, ?, ?, ?, ?, NULL, ?)",
                [(at, user, int(r[0]), REMOVED_FIELD, _described(r[1], r[2], r[3]), origin) for r in rows],
            )
            for table in (*DOCUMENT_TABLES, "cluster_members"):
                db.execute(f"DELETE FROM {table} WHERE doc_id IN ({marks})", part)
            db.execute(f"DELETE FROM near_pairs WHERE a IN ({marks}) OR b IN ({marks})", part + part)
            db.execute(f"DELETE FROM clusters WHERE id IN ({marks})", part)
            db.execute(f"DELETE FROM documents WHERE id IN ({marks})", part)
        if neighbours - removed:
            write_clusters(db, neighbours - removed)
    return ids


def _described(title: object, source: object, sha256: object) -> str:
    """What the audit log keeps of a removed document: enough to find the file again and know it by its hash."""
    return f"{title or '(untitled)'} · {source or 'unknown file'} · sha256 {sha256}"
