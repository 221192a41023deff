"""Reading what a packet shows from the library: documents, blocks, entities, quotes, decisions."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from triage_app.core.export import names
from triage_app.core.library import annotation_queries, document_filter, documents, triage
from triage_app.core.records import SHOWN_ENTITY_LABELS, Block

Selection = document_filter.DocumentFilter | list[int]


ORIGINAL_GUARD_SUFFIX = ".txt"
INERT_EXTENSIONS = frozenset({".txt", ".md"})
ORIGINALS_NOTE = (
    "Each document's original is stored byte for byte as original.EXT.txt (for example original.html.txt): "
    "a browser or editor shows it as text and runs none of its scripts. Its SHA-256 is in manifest.json. "
    "Saved web pages can hold scripts and trackers: do not rename an original to open it as a page "
    "outside a sandbox."
)

@dataclass
class PacketDocument:
    """One document as a packet shows it."""

    number: int
    folder: str  # "documents/001-slug"
    doc: dict[str, Any]
    blocks: list[Block]
    entities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    audit: list[dict[str, Any]]
    corrections: list[dict[str, Any]] = field(default_factory=list)
    original_path: str | None = None  # set when the original is included

    @property
    def id(self) -> int:
        return int(self.doc["id"])

    @property
    def title(self) -> str:
        return str(self.doc.get("title") or "(untitled)")

    @property
    def anchor(self) -> str:
        return f"doc-{self.number}"

    def shown_entities(self) -> list[dict[str, Any]]:
        """Mentions of the types shown to the analyst that the analyst has not hidden."""
        return [e for e in self.entities if not e.get("hidden") and e.get("label") in SHOWN_ENTITY_LABELS]

    def original_file_name(self) -> str:
        """`original.EXT`, with `.txt` added unless EXT is plain text: a double-click shows a page's code,
        never runs its scripts (the bytes are the original's, so its SHA-256 still matches)."""
        extension = self.original_extension()
        return f"original{extension}" + ("" if extension in INERT_EXTENSIONS else ORIGINAL_GUARD_SUFFIX)

    def original_extension(self) -> str:
        default = {"html": ".html", "mhtml": ".mhtml", "singlefile": ".html", "text": ".txt", "webarchive": ".webarchive"}
        return names.safe_extension(self.doc.get("original_name") or "", fallback=default.get(self.doc["format"], ".bin"))

    def decisions(self) -> dict[str, Any]:
        """The analyst's triage state, as carried to another library."""
        return {
            "relevance": self.doc["relevance"],
            "starred": bool(self.doc["starred"]),
            "tags": list(self.doc["tags"]),
            "note": self.doc["note"] or "",
        }


def resolve_ids(db: Database, selection: Selection) -> list[int]:
    """The document ids a selection means, in a stable order."""
    if isinstance(selection, list):
        existing = {r[0] for r in db.execute(
            f"SELECT id FROM documents WHERE id IN ({','.join('?' * len(selection))})", selection
        )} if selection else set()
        missing = [i for i in selection if i not in existing]
        if missing:
            raise KeyError(f"no document {', '.join(f'#{i}' for i in missing)}")
        return list(dict.fromkeys(selection))
    return document_filter.find_ids(db, selection, sort="id")


def describe(selection: Selection) -> str:
    """The selection criteria in words."""
    if isinstance(selection, list):
        return f"{len(selection)} chosen document{'s' if len(selection) != 1 else ''}: " + ", ".join(
            f"#{i}" for i in selection[:50]
        ) + (" …" if len(selection) > 50 else "")
    return selection.describe()


def _keys_of(kind: str, payload: dict[str, Any]) -> list[tuple[str, str]]:
    """The (canonical, label) keys a stored correction names."""
    names = [payload.get("from"), payload.get("to")] if kind in {"rename", "merge", "retype"} else [payload.get("entity")]
    return [(str(n[0]), str(n[1])) for n in names if isinstance(n, list) and len(n) == 2]


def _corrections_for(db: Database, doc_id: int, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The analyst's entity corrections that bear on this document (stored by name, so they travel).

    Follows chains of renames and merges back from the names the document shows now; a split
    of one of its mentions is included with its offsets.
    """
    if not db["entity_corrections"].exists():
        return []
    rows = []
    for row in db.query("SELECT kind, payload, created_at, doc_ids FROM entity_corrections ORDER BY id"):
        if row.get("doc_ids") and doc_id not in (json.loads(row["doc_ids"]) or []):
            continue  # limited to other documents (it came with another packet)
        try:
            payload = json.loads(row["payload"] or "{}")
        except json.JSONDecodeError:
            continue
        if isinstance(payload, dict):
            rows.append({"kind": row["kind"], "payload": payload, "created_at": row["created_at"]})
    keys = {(str(e["canonical"]), str(e["label"])) for e in entities}
    chosen: list[int] = []
    changed = True
    while changed:
        changed = False
        for number, row in enumerate(rows):
            if number in chosen:
                continue
            named = _keys_of(row["kind"], row["payload"])
            is_split_here = row["kind"] == "split" and row["payload"].get("doc_id") == doc_id
            if is_split_here or (named and any(k in keys for k in named)):
                chosen.append(number)
                keys.update(named)
                changed = True
    return [rows[n] for n in sorted(chosen)]


def load_document(db: Database, doc_id: int, number: int, taken: set[str]) -> PacketDocument:
    """Everything the packet needs about one document."""
    doc = documents.get_document(db, doc_id)
    folder = names.unique(f"{number:03d}-{names.slug(doc.get('title') or '')}", taken)
    entities = annotation_queries.document_entities(db, doc_id)
    return PacketDocument(
        number=number,
        folder=f"documents/{folder}",
        doc=doc,
        blocks=documents.get_blocks(db, doc_id),
        entities=entities,
        quotes=annotation_queries.document_quotes(db, doc_id),
        audit=triage.audit_log(db, doc_id),
        corrections=_corrections_for(db, doc_id, entities),
    )


def entity_index(docs: list[PacketDocument]) -> list[dict[str, Any]]:
    """Shown entities across the packet: canonical, label and which documents mention them, most cited first."""
    table: dict[tuple[str, str], dict[str, Any]] = {}
    for d in docs:
        for e in d.shown_entities():
            row = table.setdefault((e["canonical"], e["label"]), {"canonical": e["canonical"], "label": e["label"], "docs": {}})
            row["docs"][d.number] = row["docs"].get(d.number, 0) + 1
    return sorted(table.values(), key=lambda r: (-len(r["docs"]), r["label"], r["canonical"].lower()))


def speaker_index(docs: list[PacketDocument]) -> list[dict[str, Any]]:
    """Speakers of quotes across the packet with the documents and number of quotes."""
    table: dict[str, dict[str, Any]] = {}
    for d in docs:
        for q in d.quotes:
            who = q.get("speaker_canonical") or q.get("speaker") or "(unattributed)"
            row = table.setdefault(who, {"speaker": who, "docs": {}})
            row["docs"][d.number] = row["docs"].get(d.number, 0) + 1
    return sorted(table.values(), key=lambda r: (-sum(r["docs"].values()), r["speaker"].lower()))
