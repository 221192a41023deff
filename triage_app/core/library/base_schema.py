"""The library's base schema: the first five migration steps (m001-m005), from before the numbered issues.

Plain functions; `migrations.py` registers them first and in this order, then the steps added since.
Never edit one of them: they have shipped.
"""

from __future__ import annotations

from sqlite_utils import Database


def m001_documents(db: Database) -> None:
    """Documents, their verbatim originals and page resources."""
    db.table("documents").create(
        {
            "id": int,
            "sha256": str,
            "size": int,
            "source_path": str,
            "original_name": str,
            "format": str,
            "charset": str,
            "imported_at": str,
            "title": str,
            "site": str,
            "author": str,
            "published": str,
            "url": str,
            "captured_at": str,
            "language": str,
            "keywords": str,  # JSON list
            "text": str,  # cleaned text (kept blocks joined)
            "word_count": int,
            "relevance": str,
            "starred": int,
            "note": str,
            "cleaned_at": str,
            "clean_engine": str,
            "annotated_engine": str,
        },
        pk="id",
        not_null={"sha256", "size", "format", "imported_at", "relevance", "starred"},
        defaults={"relevance": "unreviewed", "starred": 0, "note": "", "text": "", "word_count": 0},
    )
    db.table("documents").create_index(["sha256"], unique=True)
    for column in ("site", "relevance", "published", "imported_at", "title", "word_count", "starred"):
        db.table("documents").create_index([column])
    db.table("originals").create(
        {"doc_id": int, "compression": str, "data": bytes},
        pk="doc_id",
        foreign_keys=[("doc_id", "documents", "id")],
    )
    db.table("resources").create(
        {"id": int, "doc_id": int, "name": str, "content_type": str, "compression": str, "data": bytes},
        pk="id",
        foreign_keys=[("doc_id", "documents", "id")],
    )
    db.table("resources").create_index(["doc_id", "name"], unique=True)


def m002_triage_state(db: Database) -> None:
    """Tags per document and the append-only audit log of every triage change."""
    db.table("tags").create(
        {"doc_id": int, "tag": str},
        pk=("doc_id", "tag"),
        foreign_keys=[("doc_id", "documents", "id")],
    )
    db.table("tags").create_index(["tag"])
    db.table("audit").create(
        {"id": int, "at": str, "user": str, "doc_id": int, "field": str, "old": str, "new": str, "origin": str},
        pk="id",
    )
    db.table("audit").create_index(["doc_id"])
    # Append-only: the database refuses to change or delete audit rows.
    db.execute(
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )


def m003_fts(db: Database) -> None:
    """FTS5 index over title and cleaned text, kept in step by triggers."""
    db.table("documents").enable_fts(
        ["title", "text"], fts_version="FTS5", create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )


def m004_blocks_and_overrides(db: Database) -> None:
    """Cleaner output per document, and the analyst's keep/remove overrides."""
    db.table("blocks").create(
        {
            "doc_id": int,
            "idx": int,
            "kind": str,
            "text": str,
            "kept": int,
            "reason": str,
            "source": str,
            "template_key": str,
        },
        pk=("doc_id", "idx"),
        foreign_keys=[("doc_id", "documents", "id")],
    )
    db.table("blocks").create_index(["template_key"])
    db.table("overrides").create(
        {
            "id": int,
            "site": str,  # the override applies to every page of this site when doc_id is NULL
            "doc_id": int,
            "template_key": str,
            "kept": int,
            "created_at": str,
        },
        pk="id",
    )
    db.table("overrides").create_index(["doc_id", "template_key"])
    db.table("overrides").create_index(["site", "template_key"])


def m005_entities_quotes(db: Database) -> None:
    """Library-wide entities, their mentions, quotes, and the analyst's entity corrections."""
    db.table("entities").create(
        {"id": int, "canonical": str, "label": str, "hidden": int},
        pk="id",
        defaults={"hidden": 0},
    )
    db.table("entities").create_index(["canonical", "label"], unique=True)
    db.table("mentions").create(
        {"id": int, "doc_id": int, "entity_id": int, "start": int, "end": int, "text": str, "label": str},
        pk="id",
        foreign_keys=[("doc_id", "documents", "id"), ("entity_id", "entities", "id")],
    )
    db.table("mentions").create_index(["doc_id"])
    db.table("mentions").create_index(["entity_id"])
    db.table("quotes").create(
        {
            "id": int,
            "doc_id": int,
            "start": int,
            "end": int,
            "text": str,
            "kind": str,
            "cue": str,
            "speaker": str,
            "speaker_start": int,
            "speaker_end": int,
            "speaker_entity_id": int,
        },
        pk="id",
        foreign_keys=[("doc_id", "documents", "id")],
    )
    db.table("quotes").create_index(["doc_id"])
    db.table("quotes").create_index(["speaker_entity_id"])
    db.table("entity_corrections").create(
        {"id": int, "kind": str, "payload": str, "created_at": str},
        pk="id",
    )
