"""Engineer 34's entity files are prefixes of their gold text, and 34's helper refuses guesses (every file's
form is checked in test_entity_gold.py)."""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "bench" / "entity_gold"
SHARED = ROOT.parent / "shared" / "eval"
FILES_34 = sorted(p for p in GOLD_DIR.glob("*.json") if "engineer 34" in p.read_text(encoding="utf-8"))


def _tools() -> ModuleType:
    sys.path.insert(0, str(GOLD_DIR))
    try:
        spec = importlib.util.spec_from_file_location("tools_34", GOLD_DIR / "tools_34.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(GOLD_DIR))


def test_engineer_34_labelled_22_documents() -> None:
    assert len(FILES_34) == 22


@functools.cache
def _gold_bodies(subset: str) -> dict[str, str]:
    gold = json.loads((SHARED / "wceb-dev" / subset / "ground-truth.json").read_text(encoding="utf-8"))
    return {page_id: entry["articleBody"] for page_id, entry in gold.items()}


@pytest.mark.parametrize("path", FILES_34, ids=lambda p: p.stem)
def test_text_is_the_gold_passage_verbatim(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    _, subset, page_id = doc["source"].split("/")
    if not (SHARED / "wceb-dev" / subset / "ground-truth.json").is_file():
        pytest.skip("../shared/eval/wceb-dev is not present on this machine")
    assert _gold_bodies(subset)[page_id].startswith(doc["text"])


@pytest.mark.parametrize(
    ("labels", "reason"),
    [
        ([("ORG", "Acme Bank")], "not found"),
        ([("ORG", "Acme", 3)], "out of range"),
        ([("ORG", "Acme"), ("PLACE", "Acme", 1)], "labelled twice"),
        ([("ORG", "Acme Corp"), ("PLACE", "Corp in Paris")], "crossing"),
        ([("ORG", "Acme Corp"), ("PERSON", "Acme", 1)], "inside a longer span"),
        ([("ORG", "Acme Corp"), ("PERSON", "Acme Corp in")], "no span left"),
    ],
)
def test_helper_refuses_ambiguous_labels(labels: list[tuple[object, ...]], reason: str) -> None:
    tools = _tools()
    with pytest.raises(tools.LabelError, match=reason):
        tools.resolve("Acme Corp in Paris. Acme again.", labels)


def test_helper_labels_every_occurrence_and_lets_the_longer_span_win() -> None:
    tools = _tools()
    spans = tools.resolve(
        "Acme Corp in Paris. Acme again. Huberty1 wrote.",
        [("ORG", "Acme Corp"), ("ORG", "Acme"), ("PLACE", "Paris"), ("PERSON", "Huberty", None, "digits")],
    )
    assert [(s["text"], s["label"]) for s in spans] == [
        ("Acme Corp", "ORG"), ("Paris", "PLACE"), ("Acme", "ORG"), ("Huberty", "PERSON"),
    ]
