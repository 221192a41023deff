"""`bench damaged`: captures damaged at random import with an outcome each; what raises or hangs is a finding."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from triage_app.bench import damaged
from triage_app.core import jobs
from triage_app.core.records import ImportOutcome

STORY = (
    "The harbour authority said on Tuesday that the vessel arriving from the north at dawn had been inspected. "
    "The council will publish its report on Friday, after the inspectors have heard from the crew and the pilots."
)


def _set(root: Path) -> None:
    folder = root / "made"
    (folder / "html").mkdir(parents=True)
    page = f"<html><head><meta charset='utf-8'><title>Harbour</title></head><body><article><h1>Harbour</h1><p>{STORY}</p></article></body></html>"
    (folder / "html" / "page0.html.gz").write_bytes(gzip.compress(page.encode("utf-8")))
    (folder / "ground-truth.json").write_text(json.dumps({"page0": {"articleBody": STORY}}), encoding="utf-8")


def test_damage_is_seeded_and_changes_the_bytes() -> None:
    data = bytes(range(256)) * 40
    first = [damaged.damage(data, random.Random(seed)) for seed in (3, 4)]
    again = [damaged.damage(data, random.Random(seed)) for seed in (3, 4)]
    assert first == again and all(out != data for out in first)


def test_every_damaged_capture_gets_an_outcome(tmp_path: Path) -> None:
    _set(tmp_path)
    result = damaged.run(tmp_path, ["made"], pages=1, each=2, seed=5)
    assert result["files"] == 2 * len(damaged.capture_forms("<p>x</p>", None, "https://example.org/x"))
    assert result["findings"] == [], result["findings"]
    assert sum(result["statuses"].values()) >= result["files"]


def test_an_import_that_raises_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness can fail: a reader that raises out of the import is reported with the file and the error."""
    _set(tmp_path)

    def broken(*_: object, **__: object) -> ImportOutcome:
        raise NotImplementedError("zip file version 7.8")

    monkeypatch.setattr(jobs, "import_item", broken)
    result = damaged.run(tmp_path, ["made"], pages=1, each=1, seed=5)
    assert result["findings"] and all("raised NotImplementedError: zip file version 7.8" in f for f in result["findings"])
