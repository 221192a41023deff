"""The analyst's entity corrections, replayed as name mappings so they survive re-annotation."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

Key = tuple[str, str]
"""(canonical name, label): how an entity is identified across annotation runs."""


@dataclass
class Corrections:
    """All corrections of a library, in the order they were made."""

    mapping: dict[Key, Key] = field(default_factory=dict)  # renames, merges, retypes
    hidden: dict[Key, bool] = field(default_factory=dict)
    splits: dict[tuple[int, int, int, str], Key] = field(default_factory=dict)  # (doc, start, end, text) -> key

    scoped_rows: list[tuple[str, str, frozenset[int] | None]] = field(default_factory=list)
    """Every stored row with the documents it is limited to, when some rows are limited (else empty)."""

    @classmethod
    def replay_scoped(cls, stored: list[tuple[str, str, str | None]]) -> Corrections:
        """Like `replay`, from `(kind, payload, doc_ids JSON or None)` rows; limited rows wait for `for_document`."""
        rows = [(kind, payload, _doc_set(doc_ids)) for kind, payload, doc_ids in stored]
        corrections = cls.replay([(kind, payload) for kind, payload, docs in rows if docs is None])
        if any(docs is not None for _k, _p, docs in rows):
            corrections.scoped_rows = rows
        return corrections

    def for_document(self, doc_id: int) -> Corrections:
        """The corrections that bear on one document: the library's, plus those limited to it, in order."""
        if not any(docs is not None and doc_id in docs for _k, _p, docs in self.scoped_rows):
            return self
        return Corrections.replay([(k, p) for k, p, docs in self.scoped_rows if docs is None or doc_id in docs])

    @classmethod
    def replay(cls, stored: list[tuple[str, str]]) -> Corrections:
        """Rebuild the mappings from stored `(kind, JSON payload)` rows, oldest first."""
        corrections = cls()
        for kind, payload in stored:
            corrections.apply(kind, json.loads(payload))
        return corrections

    def apply(self, kind: str, payload: dict[str, Any]) -> None:
        """Add one correction (as stored) to the mappings."""
        if kind in {"rename", "merge", "retype"}:
            source: Key = (payload["from"][0], payload["from"][1])
            target: Key = (payload["to"][0], payload["to"][1])
            if source == target:
                return
            self.mapping.pop(target, None)  # the target is a name in its own right again
            self.mapping[source] = target
            if source in self.hidden and target not in self.hidden:
                self.hidden[target] = self.hidden[source]
        elif kind == "hide":
            self.hidden[(payload["entity"][0], payload["entity"][1])] = bool(payload["hidden"])
        elif kind == "split":
            place = (int(payload["doc_id"]), int(payload["start"]), int(payload["end"]), str(payload["text"]))
            self.splits[place] = (payload["to"][0], payload["to"][1])

    def resolve(self, key: Key) -> Key:
        """Follow renames, merges and retypes to the entity's current name and label."""
        seen = {key}
        while key in self.mapping:
            key = self.mapping[key]
            if key in seen:
                break
            seen.add(key)
        return key

    def for_mention(self, doc_id: int, start: int, end: int, text: str, key: Key) -> Key:
        """The entity a freshly found mention belongs to."""
        split = self.splits.get((doc_id, start, end, text))
        return self.resolve(split if split is not None else key)


def _doc_set(doc_ids: str | None) -> frozenset[int] | None:
    if doc_ids is None:
        return None
    try:
        values = json.loads(doc_ids)
    except ValueError:
        return frozenset()
    return frozenset(int(v) for v in values if isinstance(v, int)) if isinstance(values, list) else frozenset()
