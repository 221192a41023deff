"""Loader of `bench/entity_gold/`: one JSON file per labelled passage, checked before it is scored."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from triage_app.core.records import SHOWN_ENTITY_LABELS

KINDS = ("news", "blog", "forum", "product", "reference", "government", "review", "other")


class BadGold(ValueError):
    """A gold file that cannot be trusted (offsets off, unknown label, overlapping spans, missing field)."""


def check(doc: dict[str, Any], name: str) -> None:
    """Raise BadGold naming the file and the reason when `doc` is not well-formed."""
    for key in ("source", "kind", "language", "text", "entities", "annotator"):
        if key not in doc:
            raise BadGold(f"{name}: no {key!r}")
    if doc["kind"] not in KINDS:
        raise BadGold(f"{name}: unknown kind {doc['kind']!r}")
    text = doc["text"]
    previous_end = -1
    for e in sorted(doc["entities"], key=lambda e: (e["start"], e["end"])):
        if e["label"] not in SHOWN_ENTITY_LABELS:
            raise BadGold(f"{name}: label {e['label']!r} is not one of {', '.join(SHOWN_ENTITY_LABELS)}")
        if not 0 <= e["start"] < e["end"] <= len(text) or text[e["start"]:e["end"]] != e["text"]:
            raise BadGold(f"{name}: offsets {e['start']}-{e['end']} do not hold {e['text']!r}")
        if e["text"] != e["text"].strip():
            raise BadGold(f"{name}: span {e['text']!r} has surrounding space")
        if e["start"] < previous_end:
            raise BadGold(f"{name}: {e['text']!r} at {e['start']} overlaps the span before it")
        previous_end = e["end"]


def load(folder: Path) -> list[dict[str, Any]]:
    """Every `*.json` in `folder`, checked, sorted by name, each with `id` (the file stem) and `subset`."""
    docs = []
    for path in sorted(folder.glob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BadGold(f"{path.name}: {exc}") from exc
        if not isinstance(doc, dict):
            raise BadGold(f"{path.name}: not a JSON object")
        check(doc, path.name)
        doc["id"] = path.stem
        parts = str(doc["source"]).split("/")
        doc["subset"] = parts[1] if len(parts) > 2 else parts[0]
        docs.append(doc)
    return docs


def sections(docs: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The bench sections: the whole set, then one per source subset when there are several."""
    if not docs:
        return []
    out = [(f"entity_gold (all, {len(docs)} texts)", docs)]
    by_subset: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in docs:
        by_subset[doc["subset"]].append(doc)
    if len(by_subset) > 1:
        out += [(f"entity_gold/{name} ({len(group)} texts)", group) for name, group in sorted(by_subset.items())]
    return out
