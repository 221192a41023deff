"""What the reader shows for one document, gathered on the GUI thread from the main library connection."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from triage_app.core.library import annotation_queries, documents
from triage_app.core.nlp.gating import by_older_method
from triage_app.core.records import Block

log = logging.getLogger(__name__)


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


def load_reader_data(db: Database, doc_id: int) -> ReaderData:
    """Everything the reader needs for document `doc_id`; KeyError when there is no such document."""
    doc = documents.get_document(db, doc_id)
    blocks = documents.get_blocks(db, doc_id)
    data = ReaderData(doc, blocks, split_paragraphs(doc.get("text") or "", blocks))
    data.entities = annotation_queries.document_entities(db, doc_id)
    data.quotes = annotation_queries.document_quotes(db, doc_id)
    data.summary = annotation_queries.entity_summary(db, doc_id)
    # annotations of an earlier version of the rules are shown until the document's are found again (on opening it)
    data.annotated = bool(doc.get("annotated_engine")) and not by_older_method(doc.get("annotated_engine"))
    return data
