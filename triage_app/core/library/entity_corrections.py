"""The analyst's entity corrections: rename, change type, merge, hide, and split one mention off its entity.

Each is stored in `entity_corrections` (replayed by every later annotation: `nlp.corrections.Corrections`) and applied
to the library's current mentions and quotes at once, in one transaction.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from triage_app.core.library.db import Library, now_iso
from triage_app.core.nlp.corrections import SPLIT_CONTEXT, Corrections, Key


def stored_corrections(db: Database) -> Corrections:
    """Every correction the library holds, replayed (those limited to some documents wait for `for_document`)."""
    rows = db.execute("SELECT kind, payload, doc_ids FROM entity_corrections ORDER BY id").fetchall()
    return Corrections.replay_scoped([(r[0], r[1], r[2]) for r in rows])


def entity_id_for(db: Database, key: Key, corrections: Corrections, cache: dict[Key, int]) -> int:
    """The id of the entity `key`, created (with the analyst's hidden flag) when new."""
    if key in cache:
        return cache[key]
    row = db.execute("SELECT id FROM entities WHERE canonical = ? AND label = ?", list(key)).fetchone()
    if row is not None:
        cache[key] = int(row[0])
    else:
        hidden = int(corrections.hidden.get(key, False))
        cursor = db.execute("INSERT INTO entities (canonical, label, hidden) VALUES (?, ?, ?)", [*key, hidden])
        cache[key] = int(cursor.lastrowid or 0)
    return cache[key]


def list_corrections(db: Database) -> list[dict[str, Any]]:
    """Every stored correction, oldest first."""
    rows = db.execute("SELECT id, kind, payload, created_at, doc_ids FROM entity_corrections ORDER BY id").fetchall()
    return [{"id": r[0], "kind": r[1], "payload": json.loads(r[2]), "created_at": r[3],
             "doc_ids": json.loads(r[4]) if r[4] else None} for r in rows]


def _entity_key(db: Database, entity_id: int) -> Key:
    row = db.execute("SELECT canonical, label FROM entities WHERE id = ?", [entity_id]).fetchone()
    if row is None:
        raise KeyError(f"no entity #{entity_id}")
    return (str(row[0]), str(row[1]))


def _record(db: Database, kind: str, payload: dict[str, Any]) -> None:
    db.table("entity_corrections").insert({"kind": kind, "payload": json.dumps(payload, ensure_ascii=False), "created_at": now_iso()})


def _move(db: Database, from_id: int, to_id: int) -> None:
    """Give every mention and quote of one entity to another, and drop the first."""
    db.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", [to_id, from_id])
    db.execute("UPDATE quotes SET speaker_entity_id = ? WHERE speaker_entity_id = ?", [to_id, from_id])
    db.execute("DELETE FROM entities WHERE id = ?", [from_id])


def _rekey(library: Library, entity_id: int, target: Key, kind: str) -> int:
    with library.transaction() as db:
        source = _entity_key(db, entity_id)
        if not target[0].strip():
            raise ValueError("an entity needs a name")
        if source == target:
            return entity_id
        _record(db, kind, {"from": list(source), "to": list(target)})
        row = db.execute("SELECT id FROM entities WHERE canonical = ? AND label = ?", list(target)).fetchone()
        if row is not None:
            _move(db, entity_id, int(row[0]))
            return int(row[0])
        db.execute("UPDATE entities SET canonical = ?, label = ? WHERE id = ?", [*target, entity_id])
        return entity_id


def rename_entity(library: Library, entity_id: int, name: str) -> int:
    """Rename an entity library-wide (merging into an entity of that name); returns the entity's id."""
    return _rekey(library, entity_id, (name.strip(), _entity_key(library.db, entity_id)[1]), "rename")


def retype_entity(library: Library, entity_id: int, label: str) -> int:
    """Change an entity's label library-wide; returns the entity's id."""
    return _rekey(library, entity_id, (_entity_key(library.db, entity_id)[0], label), "retype")


def merge_entities(library: Library, keep_id: int, other_id: int) -> int:
    """Merge `other_id` into `keep_id` (mentions, quotes, and future annotations); returns keep_id."""
    if keep_id == other_id:
        return keep_id
    return _rekey(library, other_id, _entity_key(library.db, keep_id), "merge")


def set_entity_hidden(library: Library, entity_id: int, hidden: bool) -> bool:
    """Hide or show an entity library-wide; returns the previous value."""
    with library.transaction() as db:
        key = _entity_key(db, entity_id)
        previous = bool(db.execute("SELECT hidden FROM entities WHERE id = ?", [entity_id]).fetchone()[0])
        _record(db, "hide", {"entity": list(key), "hidden": bool(hidden)})
        db.execute("UPDATE entities SET hidden = ? WHERE id = ?", [int(hidden), entity_id])
        return previous


def split_mention(library: Library, mention_id: int, name: str) -> int:
    """Take one mention out of its entity into the entity `name` (same label); returns that entity's id."""
    if not name.strip():
        raise ValueError("an entity needs a name")
    with library.transaction() as db:
        row = db.execute(
            "SELECT m.doc_id, m.start, m.end, m.text, e.label FROM mentions m JOIN entities e ON e.id = m.entity_id "
            "WHERE m.id = ?",
            [mention_id],
        ).fetchone()
        if row is None:
            raise KeyError(f"no mention #{mention_id}")
        doc_id, start, end, text, label = row
        target: Key = (name.strip(), str(label))
        body = str(db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0] or "")
        around = {"before": body[max(0, start - SPLIT_CONTEXT) : start], "after": body[end : end + SPLIT_CONTEXT]}
        _record(db, "split", {"doc_id": doc_id, "start": start, "end": end, "text": text, "to": list(target), **around})
        fixes = stored_corrections(db).for_document(int(doc_id))
        new_id = entity_id_for(db, fixes.resolve(target), fixes, {})
        db.execute("UPDATE mentions SET entity_id = ? WHERE id = ?", [new_id, mention_id])
        return new_id
