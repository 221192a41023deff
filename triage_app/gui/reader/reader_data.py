"""What the reader shows for one document, gathered on the GUI thread from the main library connection.

Entities and quotes come from `triage_app.core.library.annotations` when that module is present; until
it is, the stored rows are read directly and the pane says that the engine is not available yet.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from sqlite_utils import Database

from triage_app.core.library import documents
from triage_app.core.records import Block

log = logging.getLogger(__name__)


def optional_module(name: str) -> ModuleType | None:
    """Import a module of another part of Triage if it has landed, else None."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def annotations_module() -> ModuleType | None:
    """`triage_app.core.library.annotations`, when it exists."""
    return optional_module("triage_app.core.library.annotations")


def cleaning_module() -> ModuleType | None:
    """`triage_app.core.library.cleaning`, when it exists."""
    return optional_module("triage_app.core.library.cleaning")


@dataclass
class Paragraph:
    """One kept block of the cleaned text with its offsets into `documents.text`."""

    start: int
    end: int
    text: str
    block: Block | None  # None when the stored text no longer lines up with the blocks


@dataclass
class ReaderData:
    """A document as the reader shows it."""

    doc: dict[str, Any]
    blocks: list[Block]
    paragraphs: list[Paragraph]
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    summary: list[dict[str, Any]] = field(default_factory=list)
    engine_available: bool = False
    annotated: bool = False

    @property
    def doc_id(self) -> int:
        return int(self.doc["id"])


def split_paragraphs(text: str, blocks: list[Block]) -> list[Paragraph]:
    """Kept blocks located in the cleaned text; falls back to blank-line splitting when they disagree."""
    paragraphs: list[Paragraph] = []
    offset = 0
    for block in (b for b in blocks if b.kept):
        if not text.startswith(block.text, offset):
            break
        paragraphs.append(Paragraph(offset, offset + len(block.text), block.text, block))
        offset += len(block.text) + 2
    else:
        if offset >= len(text):
            return paragraphs
    paragraphs = []
    offset = 0
    for chunk in text.split("\n\n"):
        if chunk.strip():
            paragraphs.append(Paragraph(offset, offset + len(chunk), chunk, None))
        offset += len(chunk) + 2
    return paragraphs


_ENTITY_SQL = """
SELECT m.id AS mention_id, m.entity_id, e.canonical, COALESCE(e.label, m.label) AS label, m.start, m."end",
       m.text, e.hidden
FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.doc_id = ? ORDER BY m.start
"""
_QUOTE_SQL = """
SELECT q.id, q.start, q."end", q.text, q.kind, q.cue, q.speaker, q.speaker_start, q.speaker_end,
       q.speaker_entity_id, e.canonical AS speaker_canonical
FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id WHERE q.doc_id = ? ORDER BY q.start
"""


def _stored_entities(db: Database, doc_id: int) -> list[dict[str, Any]]:
    return [dict(row) for row in db.query(_ENTITY_SQL, [doc_id])]


def _stored_quotes(db: Database, doc_id: int) -> list[dict[str, Any]]:
    return [dict(row) for row in db.query(_QUOTE_SQL, [doc_id])]


def _summarise(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id: dict[int, dict[str, Any]] = {}
    for ent in entities:
        row = by_id.setdefault(
            int(ent["entity_id"]),
            {"entity_id": ent["entity_id"], "canonical": ent["canonical"], "label": ent["label"], "count": 0,
             "hidden": ent.get("hidden", 0)},
        )
        row["count"] += 1
    return sorted(by_id.values(), key=lambda r: (r["label"], -r["count"], r["canonical"]))


def load_reader_data(db: Database, doc_id: int) -> ReaderData:
    """Everything the reader needs for document `doc_id`; KeyError when there is no such document."""
    doc = documents.get_document(db, doc_id)
    blocks = documents.get_blocks(db, doc_id)
    data = ReaderData(doc, blocks, split_paragraphs(doc.get("text") or "", blocks))
    module = annotations_module()
    data.engine_available = module is not None
    if module is not None:
        data.entities = list(module.document_entities(db, doc_id))
        data.quotes = list(module.document_quotes(db, doc_id))
        data.summary = list(module.entity_summary(db, doc_id))
    else:
        data.entities = _stored_entities(db, doc_id)
        data.quotes = _stored_quotes(db, doc_id)
        data.summary = _summarise(data.entities)
    data.annotated = bool(doc.get("annotated_engine")) or bool(data.entities or data.quotes)
    return data
