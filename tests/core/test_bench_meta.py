"""The title/byline scorer of `python -m triage_app.bench meta`, on a tiny made-up gold."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from triage_app.bench import meta
from triage_app.bench._meta_score import byline_exact, byline_same_people, title_right


def test_title_normalisation_keeps_case() -> None:
    assert title_right("Sweden  drops ‘its’ case — again", "Sweden drops 'its' case - again")
    assert not title_right("sweden drops its case", "Sweden drops its case")
    assert not title_right("Anything", None)


def test_byline_exact_and_same_people() -> None:
    assert byline_exact("By Jane Doe and John Roe", "John Roe, Jane Doe")
    assert byline_exact("JANIE HAR", "Janie Har")
    assert byline_exact("Ann Lee; Bo Chu", "Ann Lee & Bo Chu")
    assert not byline_exact("Troy Smith", "Troy L. Smith")
    assert byline_same_people("Troy Smith", "Troy L. Smith")
    assert not byline_same_people("Troy Smith", "Troy L. Smith, Ann Lee")
    assert byline_exact(None, None) and not byline_exact("Someone", None)
    assert not byline_exact(None, "Someone") and not byline_same_people(None, "Someone")


def test_bench_counts_a_made_up_gold(tmp_path: Path) -> None:
    pages = {
        "a1": ("<html><head><title>Crane comes down | Harbour Times</title></head><body><h1>Crane comes down</h1>"
               "<p class='byline'>By Mara Lind</p><p>" + "The old crane will be taken down next spring. " * 20 + "</p></body></html>",
               "Crane comes down", "Mara Lind"),
        "b2": ("<html><head><title>Quay opens</title></head><body><h1>Quay opens</h1><p>"
               + "The quay opens to walkers again this week. " * 20 + "</p></body></html>",
               "The quay reopens", None),
    }
    (tmp_path / "eval" / "toy" / "html").mkdir(parents=True)
    gold = {"pages": []}
    for page_id, (html, title, byline) in pages.items():
        (tmp_path / "eval" / "toy" / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode()))
        gold["pages"].append({"set": "toy", "id": page_id, "kind": "news", "title": title, "byline": byline, "part": "dev"})
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    rows = meta.run(tmp_path / "gold.json", tmp_path / "eval")
    summary = {e["set"]: e for e in meta.summarise(rows)}
    toy = summary["dev, toy"]
    assert (toy["pages"], toy["titles"], toy["bylines"], toy["no_byline"]) == (2, 2, 1, 1)
    assert toy["triage"] == {"title_ok": 1, "byline_exact": 1, "byline_people": 1, "false_byline": 0}
    assert toy["<title>"]["title_ok"] == 0
    assert "| dev, toy | 2 | 2 | 1 |" in meta.table(meta.summarise(rows))
    before = json.loads(json.dumps(rows))
    before[0]["triage"]["title_ok"] = False
    assert [line.split()[:2] for line in meta.flips(rows, before)] == [["+", "title"]]


def test_each_part_is_counted_on_its_own(tmp_path: Path) -> None:
    html = ("<html><head><title>Quay opens</title></head><body><h1>Quay opens</h1><p>"
            + "The quay opens to walkers again this week. " * 20 + "</p></body></html>")
    (tmp_path / "eval" / "toy" / "html").mkdir(parents=True)
    gold = {"pages": []}
    for page_id, part, title in (("a", "dev", "Quay opens"), ("b", "holdout", "Wrong"), ("c", "holdout2", "Quay opens")):
        (tmp_path / "eval" / "toy" / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode()))
        gold["pages"].append({"set": "toy", "id": page_id, "kind": "news", "title": title, "byline": None, "part": part})
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    summary = {e["set"]: e for e in meta.summarise(meta.run(tmp_path / "gold.json", tmp_path / "eval"))}
    assert {name: (e["pages"], e["triage"]["title_ok"]) for name, e in summary.items() if "all sets" in name} == {
        "dev, all sets": (1, 1), "holdout, all sets": (1, 0), "holdout2, all sets": (1, 1),
    }


def test_the_third_draw_skips_the_first_two(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("draw", Path(__file__).parents[2] / "bench" / "meta_gold" / "draw.py")
    assert spec is not None and spec.loader is not None
    draw = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(draw)
    for name in draw.COUNTS:
        (tmp_path / name / "html").mkdir(parents=True)
        for n in range(60):
            (tmp_path / name / "html" / f"p{n:02d}.html.gz").write_bytes(b"")
    first, second, third = draw.draw(tmp_path), draw.draw_holdout(tmp_path), draw.draw_holdout2(tmp_path)
    assert len(third) == draw.HOLDOUT2_COUNT * len(draw.COUNTS) == len(set(third))
    assert not set(third) & (set(first) | set(second))
    assert draw.draw_holdout2(tmp_path) == third
