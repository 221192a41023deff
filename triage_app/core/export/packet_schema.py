"""The structure a packet's manifest.json and annotations.json must have, checked by plain code.

A packet comes from another machine, so every value is checked for its type before it is used:
a bad document entry fails that document with one line naming the field, a bad annotation entry is
left out and named in the import report, and the other documents go on. JSON nested deeper than
Python's recursion limit is a one-line failure, not a crash.
"""

from __future__ import annotations

import json
from typing import Any

CORRECTION_KINDS = ("rename", "merge", "retype", "hide", "split")
_TEXT = (str, type(None))


class PacketFormatError(ValueError):
    """A packet file whose structure is not what Triage writes (the message is one line)."""


def load_json(data: bytes, name: str) -> Any:
    """Parse one of the packet's JSON files; PacketFormatError for bad UTF-8/JSON or absurd nesting."""
    try:
        return json.loads(data.decode("utf-8"))
    except RecursionError as exc:
        raise PacketFormatError(f"{name} is nested too deeply to be a Triage file") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PacketFormatError(f"{name} is not valid JSON ({exc})") from exc


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    return "null" if value is None else "text"


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _pair(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) and v for v in value)


def check_documents(manifest: dict[str, Any]) -> list[Any]:
    """The manifest's `documents` list; PacketFormatError when it is not a list."""
    documents = manifest.get("documents", [])
    if documents is None:
        return []
    if not isinstance(documents, list):
        raise PacketFormatError(f"manifest.json: 'documents' is {_kind(documents)}, not a list")
    return documents


def entry_problem(entry: Any) -> str | None:
    """Why one manifest document entry cannot be loaded, or None."""
    if not isinstance(entry, dict):
        return f"the manifest's entry is {_kind(entry)}, not an object"
    for key in ("folder", "original", "original_sha256"):
        if not isinstance(entry.get(key), _TEXT):
            return f"manifest.json: '{key}' is {_kind(entry.get(key))}, not text"
    for key in ("url", "title", "captured_at", "original_name"):
        if not isinstance(entry.get(key), _TEXT):
            return f"manifest.json: '{key}' is {_kind(entry.get(key))}, not text"
    return None


_MENTION: dict[str, tuple[type, ...]] = {"entity_id": (int, str, type(None)), "canonical": _TEXT, "label": _TEXT, "text": _TEXT,
            "hidden": (bool, int, type(None))}
_QUOTE: dict[str, tuple[type, ...]] = {"text": _TEXT, "kind": _TEXT, "cue": _TEXT, "speaker": _TEXT, "speaker_canonical": _TEXT,
          "speaker_entity_id": (int, str, type(None)), "speaker_start": (int, type(None)),
          "speaker_end": (int, type(None))}
_AUDIT: dict[str, tuple[type, ...]] = {key: (str, int, float, type(None)) for key in ("at", "user", "field", "old", "new")}


def _record_problem(item: Any, types: dict[str, tuple[type, ...]], spans: bool) -> str | None:
    if not isinstance(item, dict):
        return f"is {_kind(item)}, not an object"
    if spans and not (_is_int(item.get("start")) and _is_int(item.get("end"))):
        return "has no whole-number start and end"
    for key, allowed in types.items():
        if not isinstance(item.get(key), allowed):
            return f"'{key}' is {_kind(item.get(key))}"
    return None


def correction_problem(item: Any) -> str | None:
    """Why one entity correction is malformed, or None."""
    if not isinstance(item, dict):
        return f"is {_kind(item)}, not an object"
    kind, payload = item.get("kind"), item.get("payload")
    if kind not in CORRECTION_KINDS:
        return f"has an unknown kind {str(kind)[:20]!r}"
    if not isinstance(payload, dict):
        return f"has a payload that is {_kind(payload)}, not an object"
    needed = {"rename": ("from", "to"), "merge": ("from", "to"), "retype": ("from", "to"), "hide": ("entity",),
              "split": ("to",)}[kind]
    for key in needed:
        if not _pair(payload.get(key)):
            return f"'{key}' is not a [name, type] pair of text"
    if kind == "hide" and not isinstance(payload.get("hidden"), bool):
        return "'hidden' is not true/false"
    if kind == "split" and not (_is_int(payload.get("start")) and _is_int(payload.get("end"))
                                and isinstance(payload.get("text"), _TEXT)):
        return "has no whole-number start and end"
    if not isinstance(item.get("created_at"), _TEXT):
        return f"'created_at' is {_kind(item.get('created_at'))}"
    return None


def clean_list(value: Any, name: str, check: Any, problems: list[str]) -> list[dict[str, Any]]:
    """The well-formed entries of a list; one problem line per bad entry (and for a non-list)."""
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(f"{name} is {_kind(value)}, not a list")
        return []
    kept = []
    for index, item in enumerate(value):
        problem = check(item)
        if problem:
            problems.append(f"{name}[{index}] {problem}")
        else:
            kept.append(item)
    return kept


def clean_annotations(data: Any, problems: list[str]) -> dict[str, Any]:
    """annotations.json with only well-formed entities, quotes and corrections (problems named)."""
    if not isinstance(data, dict):
        problems.append(f"annotations.json is {_kind(data)}, not an object")
        return {}
    engine = data.get("annotated_engine")
    return {
        "entities": clean_list(data.get("entities"), "entities", lambda m: _record_problem(m, _MENTION, True), problems),
        "quotes": clean_list(data.get("quotes"), "quotes", lambda q: _record_problem(q, _QUOTE, True), problems),
        "entity_corrections": clean_list(data.get("entity_corrections"), "entity_corrections", correction_problem,
                                         problems),
        "annotated_engine": engine if isinstance(engine, str) else None,
    }


def clean_audit(value: Any, problems: list[str]) -> list[dict[str, Any]]:
    """The well-formed audit rows of a manifest entry."""
    return clean_list(value, "audit", lambda a: _record_problem(a, _AUDIT, False), problems)
