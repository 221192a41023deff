"""The analyst's entity corrections, replayed as name mappings so they survive re-annotation."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import takewhile
from typing import Any

Key = tuple[str, str]
"""(canonical name, label): how an entity is identified across annotation runs."""
SplitPlace = tuple[int, int, int, str]
"""(document id, start, end, the mention's words): where a split mention was when it was split."""
SPLIT_CONTEXT = 40
"""Characters of the text before and after a mention recorded with its split, to find it again when the text moves."""
SPLIT_CONTEXT_AGREEMENT = 12
"""Characters of that context that must still agree for a split to follow its mention to a new place."""


@dataclass
class Corrections:
    """All corrections of a library, in the order they were made."""

    mapping: dict[Key, Key] = field(default_factory=dict)  # renames, merges, retypes
    hidden: dict[Key, bool] = field(default_factory=dict)
    splits: dict[SplitPlace, Key] = field(default_factory=dict)
    split_context: dict[SplitPlace, tuple[str, str]] = field(default_factory=dict)  # the text before and after, if recorded

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
            if isinstance(payload.get("before"), str) and isinstance(payload.get("after"), str):
                self.split_context[place] = (payload["before"], payload["after"])

    def resolve(self, key: Key) -> Key:
        """Follow renames, merges and retypes to the entity's current name and label."""
        seen = {key}
        while key in self.mapping:
            key = self.mapping[key]
            if key in seen:
                break
            seen.add(key)
        return key

    def split_places(
        self, doc_id: int, read_text: Callable[[], str], mentions: Iterable[tuple[int, int, str]]
    ) -> dict[tuple[int, int, str], Key]:
        """Which of a document's freshly found mentions (start, end, words) the analyst split off, and into what.

        A split stays at its place while the text there reads as it did (its words, and the words around it when they
        were recorded). When the cleaned text has moved (a block kept or removed by hand, a re-clean, another
        encoding), it follows its words to the mention whose surroundings agree best with the recorded ones (at
        least `SPLIT_CONTEXT_AGREEMENT` characters), the nearest to the old place on a tie; with no such mention it
        waits, stored, for the text to come back. The document's text is read (`read_text`) only when it has a split."""
        mine = [(place, key) for place, key in self.splits.items() if place[0] == doc_id]
        if not mine:
            return {}
        text = read_text()
        found = list(mentions)
        placed: dict[tuple[int, int, str], Key] = {}
        for place, key in mine:
            _, start, end, words = place
            context = self.split_context.get(place)
            if context is None:  # recorded without its surroundings: its exact place only
                if (start, end, words) in found:
                    placed[(start, end, words)] = key
                continue
            scored = [(_agreement(text, m, context), -abs(m[0] - start), m) for m in found if m[2] == words]
            best = max(scored, default=None)
            if best is not None and best[0] >= min(SPLIT_CONTEXT_AGREEMENT, len(context[0]) + len(context[1])):
                placed[best[2]] = key
        return {m: self.resolve(key) for m, key in placed.items()}


def _agreement(text: str, mention: tuple[int, int, str], context: tuple[str, str]) -> int:
    """How many characters of the recorded text before and after a mention the text around `mention` still has."""
    before, after = context
    start, end, _ = mention
    near_before = text[max(0, start - len(before)) : start]
    return _common_start(before[::-1], near_before[::-1]) + _common_start(after, text[end : end + len(after)])


def _common_start(a: str, b: str) -> int:
    return sum(1 for _ in takewhile(lambda pair: pair[0] == pair[1], zip(a, b)))


def _doc_set(doc_ids: str | None) -> frozenset[int] | None:
    if doc_ids is None:
        return None
    try:
        values = json.loads(doc_ids)
    except ValueError:
        return frozenset()
    return frozenset(int(v) for v in values if isinstance(v, int)) if isinstance(values, list) else frozenset()
