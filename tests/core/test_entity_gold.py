"""bench/entity_gold: every file is well-formed, the loader refuses bad ones, the label helper refuses
ambiguous labels, and the files are what labels.py says (where ../shared/eval/wceb-dev is present)."""

from __future__ import annotations

import copy
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from triage_app.bench import _entity_gold
from triage_app.bench._entity_gold import BadGold

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "bench" / "entity_gold"
WCEB = ROOT.parent / "shared" / "eval" / "wceb-dev"


def _helper() -> ModuleType:
    sys.path.insert(0, str(FOLDER))
    try:
        spec = importlib.util.spec_from_file_location("make_entity_gold", FOLDER / "make_entity_gold.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(FOLDER))


def test_every_file_is_well_formed() -> None:
    docs = _entity_gold.load(FOLDER)
    assert len(docs) == 44  # 22 by engineer 33, 22 by engineer 34
    for doc in docs:
        assert doc["language"] == "en" and doc["annotator"]
        assert re.fullmatch(r"wceb-dev/[\w-]+/[0-9a-f]{64}", doc["source"]), doc["source"]
        assert doc["id"] == f"{doc['subset']}_{doc['source'].rsplit('/', 1)[1][:8]}"
        assert 150 <= len(re.findall(r"\w+", doc["text"])) <= 600, doc["id"]
    assert sum(len(d["entities"]) for d in docs) > 200


def _good() -> dict[str, object]:
    text = "Pat Shea of the BLM said Monday."
    return {
        "source": "wceb-dev/x/" + "0" * 64, "kind": "news", "language": "en", "text": text, "annotator": "t",
        "entities": [{"start": 0, "end": 8, "text": "Pat Shea", "label": "PERSON"},
                     {"start": 16, "end": 19, "text": "BLM", "label": "ORG"}],
    }


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d["entities"][0].update(end=7), "do not hold"),
        (lambda d: d["entities"][1].update(label="GPE"), "not one of"),
        (lambda d: d["entities"].append({"start": 4, "end": 8, "text": "Shea", "label": "PERSON"}), "overlaps"),
        (lambda d: d.update(kind="novel"), "unknown kind"),
        (lambda d: d.pop("text"), "no 'text'"),
    ],
)
def test_loader_refuses_a_bad_file(tmp_path: Path, change, reason: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "ok_00000000.json").write_text(json.dumps(_good()), encoding="utf-8")
    assert len(_entity_gold.load(tmp_path)) == 1
    bad = copy.deepcopy(_good())
    change(bad)
    (tmp_path / "bad_00000000.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(BadGold, match=reason) as info:
        _entity_gold.load(tmp_path)
    assert "bad_00000000.json" in str(info.value)


def test_sections_split_by_subset() -> None:
    docs = [{"subset": "a"}, {"subset": "b"}, {"subset": "a"}]
    names = [name for name, _ in _entity_gold.sections(docs)]
    assert names == ["entity_gold (all, 3 texts)", "entity_gold/a (2 texts)", "entity_gold/b (1 texts)"]
    assert _entity_gold.sections([]) == []


def test_label_helper_resolves_and_refuses_ambiguity() -> None:
    helper = _helper()
    text = "Ryo Miyaichi played. Then Ryo scored, and Ryo left in May. You may go."
    got = helper.resolve(text, [("PERSON", "Ryo Miyaichi"), ("PERSON", "Ryo"), ("DATE", "May")])
    assert [(e["text"], e["start"]) for e in got] == [("Ryo Miyaichi", 0), ("Ryo", 26), ("Ryo", 42), ("May", 54)]
    got = helper.resolve(text, [("PERSON", "Ryo", 2), ("PRODUCT", "Then Ryo")])
    assert got == []  # the only chosen "Ryo" sits inside an unscored name
    for labels, reason in [
        ([("PERSON", "Ryo", 4)], "occurs 3 times"),
        ([("PERSON", "Kim")], "not found"),
        ([("PERSON", "Ryo"), ("ORG", "Ryo", 1)], "labelled both"),
        ([("PERSON", "Ryo Miyaichi"), ("ORG", "Miyaichi played")], "crosses"),
        ([("ORG", "the May")], "convention"),
        ([("GPE", "Ryo")], "unknown label"),
    ]:
        with pytest.raises(helper.Refused, match=reason):
            helper.resolve(text, labels)


def test_files_are_what_the_labels_say() -> None:
    if not (WCEB / "dragnet" / "ground-truth.json").is_file():
        pytest.skip("../shared/eval/wceb-dev is not present on this machine")
    helper = _helper()
    truths: dict[str, dict[str, dict[str, str]]] = {}
    for name, doc in helper.DOCS.items():
        subset = name.split("_", 1)[0]
        truths.setdefault(subset, json.loads((WCEB / subset / "ground-truth.json").read_text(encoding="utf-8")))
        text = helper.passage(truths[subset][doc["id"]]["articleBody"])
        stored = json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))
        assert stored["text"] == text
        assert stored["text"] in truths[subset][doc["id"]]["articleBody"]
        assert stored["entities"] == helper.resolve(text, doc["entities"])
