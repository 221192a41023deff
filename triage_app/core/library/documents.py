"""Storing and reading documents: verbatim originals, metadata, resources and cleaner blocks."""

from __future__ import annotations

import hashlib
import json
import zlib
from typing import Any

from sqlite_utils import Database

from triage_app.core.library.db import Library, now_iso
from triage_app.core.library.languages import forget_annotations, model_changes
from triage_app.core.library.word_counts import word_count
from triage_app.core.records import Block, CleanResult, ParsedDocument, Resource


def sha256_hex(data: bytes) -> str:
    """SHA-256 of `data` as lowercase hex."""
    return hashlib.sha256(data).hexdigest()


def _pack(data: bytes) -> tuple[str, bytes]:
    packed = zlib.compress(data, 6)
    if len(packed) < len(data):
        return "zlib", packed
    return "none", data


def _unpack(compression: str, data: bytes) -> bytes:
    if compression == "zlib":
        return zlib.decompress(data)
    return bytes(data)


def find_by_sha256(db: Database, digest: str) -> int | None:
    """The id of the document whose original has this SHA-256, if any."""
    row = db.execute("SELECT id FROM documents WHERE sha256 = ?", [digest]).fetchone()
    return int(row[0]) if row else None


def next_document_id(db: Database) -> int:
    """The id for a new document: past every document's and every id the audit log names. SQLite would give the
    highest id again once that document is removed (`removal.py`), and the new document would inherit the removed
    one's audit lines and anything else that named it."""
    row = db.execute("SELECT max(coalesce((SELECT max(id) FROM documents), 0), coalesce((SELECT max(doc_id) FROM audit), 0))").fetchone()
    return int(row[0]) + 1


def insert_document(library: Library, parsed: ParsedDocument, cleaned: CleanResult, *, engine: str = "") -> int:
    """Store a new document (original, resources, metadata, blocks) in one transaction; return its id."""
    digest = sha256_hex(parsed.original)
    compression, packed = _pack(parsed.original)
    now = now_iso()
    text = cleaned.text  # joined once: it is as large as the kept text
    with library.transaction() as db:
        row = {
            "sha256": digest,
            "size": len(parsed.original),
            "source_path": parsed.source_path,
            "original_name": parsed.original_name,
            "format": parsed.format,
            "charset": parsed.charset,
            "imported_at": now,
            "title": cleaned.title or parsed.title or parsed.original_name or "(untitled)",
            "site": cleaned.site,
            "author": cleaned.byline,
            "published": cleaned.published,
            "url": cleaned.url or parsed.url,
            "captured_at": parsed.captured_at,
            "language": cleaned.language,
            "language_confidence": cleaned.language_confidence,
            "keywords": json.dumps(cleaned.keywords, ensure_ascii=False),
            "text": text,
            "word_count": word_count(text),
            "relevance": "unreviewed",
            "starred": 0,
            "note": "",
            "cleaned_at": now,
            "clean_engine": engine,
            "reader_meta": json.dumps(parsed.meta, ensure_ascii=False) if parsed.meta else None,
        }
        row["id"] = next_document_id(db)
        doc_id = int(db.table("documents").insert(row).last_pk)  # type: ignore[arg-type]
        db.table("originals").insert({"doc_id": doc_id, "compression": compression, "data": packed})
        for resource in parsed.resources:
            r_comp, r_data = _pack(resource.data)
            db.table("resources").insert(
                {
                    "doc_id": doc_id,
                    "name": resource.name,
                    "content_type": resource.content_type,
                    "compression": r_comp,
                    "data": r_data,
                },
                replace=True,
            )
        _write_blocks(db, doc_id, cleaned.blocks)
    return doc_id


_INSERT_BLOCK = (
    "INSERT INTO blocks (doc_id, idx, kind, text, kept, reason, source, template_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


def _write_blocks(db: Database, doc_id: int, blocks: list[Block]) -> None:
    """Replace the document's blocks; one executemany (a page has ~200 blocks, most of them removed ones)."""
    db.execute("DELETE FROM blocks WHERE doc_id = ?", [doc_id])
    db.conn.executemany(
        _INSERT_BLOCK,
        ((doc_id, b.index, b.kind, b.text, int(b.kept), b.reason, b.source, b.template_key) for b in blocks),
    )


def replace_clean_result(library: Library, doc_id: int, cleaned: CleanResult, *, engine: str = "") -> None:
    """Store a re-clean of an existing document: blocks, cleaned text and the metadata the cleaner found."""
    with library.transaction() as db:
        current = db.table("documents").get(doc_id)
        updates: dict[str, Any] = {"cleaned_at": now_iso(), "clean_engine": engine}
        text = cleaned.text
        if current["text"] != text:
            updates.update(text=text, word_count=word_count(text))
            updates["annotated_engine"] = None  # the text changed: annotations must be redone
        for column, value in (
            ("title", cleaned.title),
            ("site", cleaned.site),
            ("author", cleaned.byline),
            ("published", cleaned.published),
            ("url", cleaned.url),
        ):
            if value and value != current[column]:
                updates[column] = value
        # Text and title are set only when they change: setting either makes the search index write the whole document
        # again (a re-clean of every document after an update of the cleaner leaves most texts as they were).
        updates["language"] = cleaned.language
        updates["language_confidence"] = cleaned.language_confidence
        if cleaned.keywords:
            updates["keywords"] = json.dumps(cleaned.keywords, ensure_ascii=False)
        db.table("documents").update(doc_id, updates)
        if current["annotated_engine"] and model_changes(current["language"], cleaned.language):
            forget_annotations(db, [doc_id])  # read by a model of the wrong language
        _write_blocks(db, doc_id, cleaned.blocks)


def get_document(db: Database, doc_id: int) -> dict[str, Any]:
    """All metadata columns of one document, plus its tags; KeyError if there is none."""
    rows = list(db.query("SELECT * FROM documents WHERE id = ?", [doc_id]))
    if not rows:
        raise KeyError(f"no document #{doc_id}")
    doc = rows[0]
    doc["keywords"] = json.loads(doc["keywords"] or "[]")
    doc["tags"] = [r[0] for r in db.execute("SELECT tag FROM tags WHERE doc_id = ? ORDER BY tag", [doc_id])]
    return doc


def get_original(db: Database, doc_id: int) -> bytes:
    """The verbatim bytes of the document's original file."""
    row = db.execute("SELECT compression, data FROM originals WHERE doc_id = ?", [doc_id]).fetchone()
    if row is None:
        raise KeyError(f"no original for document #{doc_id}")
    return _unpack(row[0], row[1])


def get_resources(db: Database, doc_id: int) -> list[Resource]:
    """The stored resources of a page (images of its `_files/` folder, MHTML parts)."""
    return [
        Resource(name, content_type, _unpack(comp, data))
        for name, content_type, comp, data in db.execute(
            "SELECT name, content_type, compression, data FROM resources WHERE doc_id = ? ORDER BY id", [doc_id]
        )
    ]


def get_resource(db: Database, doc_id: int, name: str) -> Resource | None:
    """One stored resource by its name, or None."""
    row = db.execute(
        "SELECT name, content_type, compression, data FROM resources WHERE doc_id = ? AND name = ?", [doc_id, name]
    ).fetchone()
    return Resource(row[0], row[1], _unpack(row[2], row[3])) if row else None


def get_blocks(db: Database, doc_id: int) -> list[Block]:
    """The cleaner's blocks of a document in reading order."""
    return [
        Block(r["idx"], r["kind"], r["text"], bool(r["kept"]), r["reason"], r["source"] or "", r["template_key"] or "")
        for r in db.query("SELECT * FROM blocks WHERE doc_id = ? ORDER BY idx", [doc_id])
    ]


def document_count(db: Database) -> int:
    """How many documents the library holds."""
    return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])
