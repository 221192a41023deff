"""`triage-app clean` and the clean benchmark (its metric, and a run on a few pages of the eval set)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.conftest import SEED_TXT
from triage_app import cli
from triage_app.bench import clean as bench

DATA = Path(__file__).resolve().parents[1] / "data" / "clean"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_clean_prints_text_without_a_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = tmp_path / "lib.sqlite"
    monkeypatch.setenv("TRIAGE_LIBRARY", str(library))
    code, out, _err = _run("clean", str(SEED_TXT))
    assert code == 0
    assert "Title:     Conditional US Offer: NATO-Style Security for Ukraine" in out
    assert "The U.S. offered Ukraine security guarantees" in out
    assert "Read and Post Comments" not in out
    assert not library.exists()


def test_clean_json_one_object_per_file() -> None:
    code, out, _err = _run("clean", str(SEED_TXT), str(DATA / "article.html"), "--json")
    assert code == 0
    seed, article = [json.loads(line) for line in out.splitlines()]
    assert seed["byline"] == "Michael Katz" and seed["site"] == "Newsmax"
    assert seed["published"] == "2025-12-15T16:46:00-05:00"
    assert len([b for b in seed["blocks"] if b["kept"]]) == 14
    assert {"index", "kind", "text", "kept", "reason", "source"} <= set(seed["blocks"][0])
    assert article["title"] == "Harbour Bridge Reopens After Repairs"
    assert article["text"].startswith("The Harbour Bridge reopened")
    assert any(b["reason"] == "comments" for b in article["blocks"])


def test_clean_missing_file_fails(tmp_path: Path) -> None:
    code, _out, err = _run("clean", str(tmp_path / "nope.txt"))
    assert code == 1
    assert "nope.txt" in err


def test_metric_counts_shingle_multisets() -> None:
    assert bench.page_scores("a b c d e", "a b c d e") == (1.0, 1.0)
    precision, recall = bench.page_scores("a b c d e f", "a b c d x")
    assert precision == pytest.approx(0.5) and recall == pytest.approx(1 / 3)
    assert bench.page_scores("one two three four", "") == (0.0, 0.0)
    assert bench.page_scores("", "") == (1.0, 1.0)
    assert sum(bench.shingles("a b c d a b c d").values()) == 5


def test_bench_on_a_few_eval_pages(shared_eval: Path, tmp_path: Path) -> None:
    truth = json.loads((shared_eval / "ground-truth.json").read_text(encoding="utf-8"))
    subset = tmp_path / "eval"
    (subset / "html").mkdir(parents=True)
    (subset / "dumps").mkdir()
    ids = sorted(truth)[:6]
    for page_id in ids:
        (subset / "html" / f"{page_id}.html.gz").write_bytes((shared_eval / "html" / f"{page_id}.html.gz").read_bytes())
        (subset / "dumps" / f"{page_id}.txt").write_bytes((shared_eval / "dumps" / f"{page_id}.txt").read_bytes())
    (subset / "ground-truth.json").write_text(json.dumps({i: truth[i] for i in ids}), encoding="utf-8")
    scores = {s.name: s.summary() for s in bench.run_bench(subset)}
    assert set(scores) == {"triage html", "trafilatura", "triage text", "raw dump"}
    assert scores["triage html"]["pages"] == 6
    assert scores["triage html"]["f1"] > 0.8
    assert scores["triage text"]["f1"] > scores["raw dump"]["f1"]
