"""Bringing a packet document's (corrected) entities and quotes into a library.

A document the library has not annotated yet adopts the sender's mentions and quotes, mapped onto
this library's entities by canonical name and type, as long as the offsets fit its cleaned text.
Where the library has its own annotations, they are kept and each disagreement is recorded.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from triage_app.core.exchange.report import ORIGIN, MergeReport, record_difference
from triage_app.core.library import triage
from triage_app.core.library.db import Library, now_iso


def _fits(text: str, span: dict[str, Any], *, exact: bool) -> bool:
    start, end = span.get("start"), span.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return False
    return not exact or text[start:end] == span.get("text")


def _entity_id(db: Database, canonical: str, label: str, hidden: bool, report: MergeReport, doc_id: int) -> int:
    row = db.execute("SELECT id, hidden FROM entities WHERE canonical = ? AND label = ?", [canonical, label]).fetchone()
    if row is None:
        return int(db.table("entities").insert({"canonical": canonical, "label": label, "hidden": int(hidden)}).last_pk)  # type: ignore[arg-type]
    if bool(row[1]) != hidden:
        record_difference(db, doc_id, f"entity-hidden:{canonical}", int(row[1]), int(hidden), report)
    return int(row[0])


def _adopt(db: Database, doc_id: int, member: dict[str, Any], report: MergeReport) -> None:
    mapping: dict[Any, int] = {}
    mentions = []
    for m in member.get("entities") or []:
        canonical = str(m.get("canonical") or m.get("text"))
        label = str(m.get("label") or "MISC")
        local = _entity_id(db, canonical, label, bool(m.get("hidden")), report, doc_id)
        mapping[m.get("entity_id")] = local
        mentions.append({"doc_id": doc_id, "entity_id": local, "start": m["start"], "end": m["end"],
                         "text": m.get("text"), "label": label})
    db.table("mentions").insert_all(mentions)
    quotes = []
    for q in member.get("quotes") or []:
        speaker_id = mapping.get(q.get("speaker_entity_id")) if q.get("speaker_entity_id") is not None else None
        if speaker_id is None and q.get("speaker_canonical"):
            row = db.execute("SELECT id FROM entities WHERE canonical = ? ORDER BY label = 'PERSON' DESC",
                             [q["speaker_canonical"]]).fetchone()
            speaker_id = int(row[0]) if row else None
        quotes.append({"doc_id": doc_id, "start": q["start"], "end": q["end"], "text": q.get("text"),
                       "kind": q.get("kind"), "cue": q.get("cue"), "speaker": q.get("speaker"),
                       "speaker_start": q.get("speaker_start"), "speaker_end": q.get("speaker_end"),
                       "speaker_entity_id": speaker_id})
    db.table("quotes").insert_all(quotes)
    if member.get("annotated_engine"):
        db.execute("UPDATE documents SET annotated_engine = ? WHERE id = ?", [member["annotated_engine"], doc_id])
    report.applied.append(f"{len(mentions)} entity mentions and {len(quotes)} quotes")


def _compare(db: Database, doc_id: int, member: dict[str, Any], report: MergeReport) -> None:
    local = {
        (r[0], r[1]): (r[2], r[3], bool(r[4]))
        for r in db.execute(
            "SELECT m.start, m.end, e.canonical, e.label, e.hidden FROM mentions m JOIN entities e ON e.id = m.entity_id "
            "WHERE m.doc_id = ?",
            [doc_id],
        )
    }
    for m in member.get("entities") or []:
        here = local.get((m.get("start"), m.get("end")))
        theirs = (m.get("canonical"), m.get("label"), bool(m.get("hidden")))
        if here is not None and here != theirs:
            record_difference(db, doc_id, f"entity:{m.get('text')}", f"{here[0]} ({here[1]}{', hidden' if here[2] else ''})",
                     f"{theirs[0]} ({theirs[1]}{', hidden' if theirs[2] else ''})", report)


_REKEY = {"rename", "merge", "retype"}


def _describe(kind: str, payload: dict[str, Any]) -> str:
    if kind in _REKEY:
        return f"{kind} {payload['from'][0]} ({payload['from'][1]}) -> {payload['to'][0]} ({payload['to'][1]})"
    if kind == "hide":
        return f"{'hide' if payload['hidden'] else 'show'} {payload['entity'][0]} ({payload['entity'][1]})"
    return f"split {payload.get('text')!r} at {payload.get('start')} -> {payload['to'][0]} ({payload['to'][1]})"


def _same_subject(kind: str, payload: dict[str, Any], other_kind: str, other: dict[str, Any]) -> bool:
    if kind in _REKEY and other_kind in _REKEY:
        return bool(payload.get("from") == other.get("from"))
    if kind == other_kind == "hide":
        return bool(payload.get("entity") == other.get("entity"))
    if kind == other_kind == "split":
        return all(payload.get(k) == other.get(k) for k in ("doc_id", "start", "end"))
    return False


def _valid(kind: str, payload: dict[str, Any]) -> bool:
    pairs = ("from", "to") if kind in _REKEY else ("entity",) if kind == "hide" else ("to",) if kind == "split" else ()
    return bool(pairs) and all(isinstance(payload.get(p), list) and len(payload[p]) == 2 for p in pairs)


def import_corrections(db: Database, doc_id: int, member: dict[str, Any], report: MergeReport) -> None:
    """Store the sender's corrections (by name) for this document only, unless this library decided otherwise.

    Stored corrections are replayed by every later annotation of `doc_id` (and of no other document);
    the document is marked for re-annotation when it mentions a corrected entity, so it shows it at once.
    """
    if not db["entity_corrections"].exists():
        return
    local = [(r[0], json.loads(r[1] or "{}")) for r in db.execute(
        "SELECT kind, payload FROM entity_corrections WHERE doc_ids IS NULL OR ? IN (SELECT value FROM json_each(doc_ids)) "
        "ORDER BY id", [doc_id])]
    touched: set[tuple[str, str]] = set()
    for correction in member.get("entity_corrections") or []:
        kind = str(correction.get("kind"))
        payload = dict(correction.get("payload") or {})
        if not _valid(kind, payload):
            continue
        if kind == "split":
            payload["doc_id"] = doc_id
        if (kind, payload) in local:
            continue
        conflict = next(((k, p) for k, p in reversed(local) if _same_subject(kind, payload, k, p)), None)
        if conflict is not None:
            record_difference(db, doc_id, "entity-correction", _describe(*conflict), _describe(kind, payload), report)
            continue
        # Limited to this document: a packet's corrections never rewrite the library's other documents.
        db.table("entity_corrections").insert({"kind": kind, "payload": json.dumps(payload, ensure_ascii=False),
                                               "created_at": correction.get("created_at") or now_iso(),
                                               "doc_ids": json.dumps([doc_id])})
        local.append((kind, payload))
        db.table("audit").insert({"at": now_iso(), "user": triage.os_user(), "doc_id": doc_id, "field": "entity-correction",
                            "old": None, "new": _describe(kind, payload), "origin": ORIGIN})
        report.applied.append(_describe(kind, payload))
        for name in ("from", "entity"):
            if isinstance(payload.get(name), list):
                touched.add((str(payload[name][0]), str(payload[name][1])))
    for canonical, label in touched:
        db.execute(
            "UPDATE documents SET annotated_engine = NULL WHERE id = ? AND id IN (SELECT m.doc_id FROM mentions m "
            "JOIN entities e ON e.id = m.entity_id WHERE e.canonical = ? AND e.label = ?)",
            [doc_id, canonical, label],
        )


def merge_entities(library: Library, doc_id: int, member: dict[str, Any], report: MergeReport) -> None:
    """Adopt or compare the packet's entities and quotes for `doc_id`, then bring its corrections (caller's transaction)."""
    db = library.db
    theirs_mentions = member.get("entities") or []
    theirs_quotes = member.get("quotes") or []
    text = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0] or ""
    fits = all(_fits(text, m, exact=True) for m in theirs_mentions) and all(
        _fits(text, q, exact=False) for q in theirs_quotes
    )
    if not (theirs_mentions or theirs_quotes):
        pass
    elif not fits:
        report.differences.append("entities: this library cleaned the text differently, the packet's were not copied")
    elif db.execute(
        "SELECT (SELECT count(*) FROM mentions WHERE doc_id = ?) + (SELECT count(*) FROM quotes WHERE doc_id = ?)",
        [doc_id, doc_id],
    ).fetchone()[0]:
        _compare(db, doc_id, member, report)
    else:
        _adopt(db, doc_id, member, report)
    import_corrections(db, doc_id, member, report)
