"""The packet's CSV tables: documents, entities, quotes and decisions (the audit log)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from triage_app.core.export.data import PacketDocument
from triage_app.core.textsafe import escape_controls

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will show as text, never run as a formula, with controls made visible."""
    if value is None:
        return ""
    text = escape_controls(str(value))  # an ESC sequence in a title must not reach a terminal that `cat`s the file
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _table(header: list[str], rows: Iterable[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: Excel reads UTF-8 correctly


def documents_csv(docs: list[PacketDocument]) -> bytes:
    header = ["number", "folder", "library_id", "title", "site", "author", "published", "captured_at", "imported_at",
              "url", "sha256", "size", "format", "relevance", "starred", "tags", "note", "word_count"]
    return _table(header, (
        [d.number, d.folder, d.id, d.title, d.doc.get("site"), d.doc.get("author"), d.doc.get("published"),
         d.doc.get("captured_at"), d.doc.get("imported_at"), d.doc.get("url"), d.doc.get("sha256"), d.doc.get("size"),
         d.doc.get("format"), d.doc.get("relevance"), int(bool(d.doc.get("starred"))), "; ".join(d.doc.get("tags") or []),
         d.doc.get("note"), d.doc.get("word_count")]
        for d in docs
    ))


def entities_csv(docs: list[PacketDocument]) -> bytes:
    header = ["number", "entity", "label", "hidden", "mention", "start", "end"]
    return _table(header, (
        [d.number, e.get("canonical"), e.get("label"), int(bool(e.get("hidden"))), e.get("text"), e.get("start"), e.get("end")]
        for d in docs for e in d.entities
    ))


def quotes_csv(docs: list[PacketDocument]) -> bytes:
    header = ["number", "kind", "speaker", "speaker_entity", "cue", "quote", "start", "end"]
    return _table(header, (
        [d.number, q.get("kind"), q.get("speaker"), q.get("speaker_canonical"), q.get("cue"), q.get("text"),
         q.get("start"), q.get("end")]
        for d in docs for q in d.quotes
    ))


def decisions_csv(docs: list[PacketDocument]) -> bytes:
    header = ["number", "library_id", "at", "user", "field", "old", "new", "origin"]
    return _table(header, (
        [d.number, d.id, a.get("at"), a.get("user"), a.get("field"), a.get("old"), a.get("new"), a.get("origin")]
        for d in docs for a in d.audit
    ))
