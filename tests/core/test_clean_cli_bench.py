"""`triage-app clean` and the clean benchmark (its metric, and a run on a few pages of the eval set)."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SEED_TXT
from triage_app import cli
from triage_app.bench import _clean_flips as flips
from triage_app.bench import _clean_score as score
from triage_app.bench import _clean_tables as tables
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
    assert seed["byline"] == "Michael Katz" and seed["site"] == "Newsmax" and seed["charset"] == "utf-8"
    assert seed["published"] == "2025-12-15T16:46:00-05:00"
    assert len([b for b in seed["blocks"] if b["kept"]]) == 14
    assert {"index", "kind", "text", "kept", "reason", "source"} <= set(seed["blocks"][0])
    assert article["title"] == "Harbour Bridge Reopens After Repairs"
    # The headline stays in the body where the extractor keeps it (removing it made a page set worse).
    assert article["text"].startswith("Harbour Bridge Reopens After Repairs\n\nThe Harbour Bridge reopened")
    assert any(b["reason"] == "comments" for b in article["blocks"])


def test_clean_missing_file_fails(tmp_path: Path) -> None:
    code, _out, err = _run("clean", str(tmp_path / "nope.txt"))
    assert code == 1
    assert "nope.txt" in err


def test_metric_counts_shingle_multisets() -> None:
    assert bench.page_scores("a b c d e", "a b c d e") == (1.0, 1.0)
    precision, recall = bench.page_scores("a b c d e f", "a b c d x")
    assert precision == pytest.approx(0.5) and recall == pytest.approx(1 / 3)
    # nothing predicted: precision is left out of the mean, as the acceptance scorer does
    assert bench.page_scores("one two three four", "") == (None, 0.0)
    assert bench.page_scores("", "") == (1.0, 1.0)
    assert sum(score.shingles("a b c d a b c d").values()) == 5
    assert score.shingles("The Cat sat down") != score.shingles("the cat sat down")  # case is kept


def test_metric_matches_the_acceptance_scorer(shared_eval: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_clean", shared_eval.parent / "score_clean.py")
    assert spec is not None and spec.loader is not None
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    truth = {"a": {"articleBody": "One two three four five six."}, "b": {"articleBody": "Seven eight nine ten."},
             "c": {"articleBody": "Alpha beta gamma delta epsilon"}}
    predicted = {"a": "one two three four five", "b": "", "c": "Alpha beta gamma delta epsilon zeta eta"}
    ours = bench.Score("x")
    for key, item in truth.items():
        ours.add(key, item["articleBody"], predicted[key], 1.0)
    p, r, f, low, n = reference.score(truth, predicted)
    summary = ours.summary()
    assert (summary["precision"], summary["recall"], summary["f1"]) == (round(p, 4), round(r, 4), round(f, 4))
    assert len(summary["below_0.5"]) == low and summary["pages"] == n


def _subset(shared_eval: Path, target: Path, count: int) -> list[str]:
    truth = json.loads((shared_eval / "ground-truth.json").read_text(encoding="utf-8"))
    (target / "html").mkdir(parents=True)
    (target / "dumps").mkdir()
    ids = sorted(truth)[:count]
    for page_id in ids:
        (target / "html" / f"{page_id}.html.gz").write_bytes((shared_eval / "html" / f"{page_id}.html.gz").read_bytes())
        (target / "dumps" / f"{page_id}.txt").write_bytes((shared_eval / "dumps" / f"{page_id}.txt").read_bytes())
    (target / "ground-truth.json").write_text(json.dumps({i: truth[i] for i in ids}), encoding="utf-8")
    return ids


def test_bench_on_a_few_eval_pages(shared_eval: Path, tmp_path: Path) -> None:
    _subset(shared_eval, tmp_path / "eval" / "one", 6)
    results = {item["set"]: {row["method"]: row for row in item["rows"]} for item in bench.run(tmp_path / "eval", [], limit=4)}
    assert set(results) == {"one", "one dumps", "one dumps wrapped at 72"}
    html = results["one"]
    assert set(html) == {"triage", "trafilatura, triage's options", "trafilatura, include_comments=False", "trafilatura, defaults"}
    assert all(row["pages"] == 4 for row in html.values())
    assert html["triage"]["f1"] > 0.8
    assert results["one dumps"]["triage"]["f1"] > results["one dumps"]["raw dump"]["f1"]
    assert set(results["one dumps"]) == {"triage", "justext, the dump's lines", "raw dump"}
    assert all(row["pages"] == 4 for row in results["one dumps"].values())
    wrapped = results["one dumps wrapped at 72"]
    assert wrapped["triage"]["f1"] > wrapped["raw dump"]["f1"] + 0.08


def test_bench_alternates_which_method_is_timed_first() -> None:
    ran: list[str] = []

    def call(name: str) -> Callable[[], str]:
        def run() -> str:
            ran.append(name)
            return name

        return run

    calls = [call("triage"), call("trafilatura"), call("defaults")]
    assert [out for out, _ in bench._timed_in_turn(calls, flip=False)] == ["triage", "trafilatura", "defaults"]
    assert ran == ["triage", "trafilatura", "defaults"]
    ran.clear()
    # flipped: run last to first, results still in the calls' order
    assert [out for out, _ in bench._timed_in_turn(calls, flip=True)] == ["triage", "trafilatura", "defaults"]
    assert ran == ["defaults", "trafilatura", "triage"]


def test_bench_counts_the_pages_triage_wins_and_loses_against_each_row() -> None:
    ours, theirs, same = bench.Score("triage"), bench.Score("trafilatura"), bench.Score("raw dump")
    truth = "the harbour authority logged a vessel arriving from the north at dawn on monday"
    for page, mine, other in [("a", truth, ""), ("b", "", truth), ("c", truth, truth), ("d", truth, truth + " and more words here")]:
        ours.add(page, truth, mine, 1.0)
        theirs.add(page, truth, other, 1.0)
        same.add(page, truth, mine, 1.0)
    rows = flips.versus([ours, theirs, same])
    assert rows == [{"method": "trafilatura", "pages": 4, "better": 2, "worse": 1},
                    {"method": "raw dump", "pages": 4, "better": 0, "worse": 0}]
    table = tables.versus_table([{"set": "one", "versus": rows}])
    assert "| one | trafilatura | 4 | 2 | 1 |" in table


def test_bench_command_json_and_ablation(shared_eval: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from triage_app.bench.__main__ import main
    from triage_app.core.clean.html_extract import RULES

    _subset(shared_eval, tmp_path / "eval" / "two", 3)
    readme = tmp_path / "README.md"
    readme.write_text("\n".join([*tables.TABLE_MARKERS, *tables.ABLATION_MARKERS]) + "\n", encoding="utf-8")
    assert main(["clean", "--root", str(tmp_path / "eval"), "two", "--mode", "html", "--ablate", "--json", "--out", str(readme)]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item["set"] == "two" and [row["rule"] for row in item["ablation"]] == [*RULES, flips.NO_RULES]
    written = readme.read_text(encoding="utf-8")  # --out writes the tables with --json too (it did not)
    assert "| two | 3 | triage |" in written and "| two | structured-body |" in written
    assert main(["clean", "--root", str(tmp_path / "eval"), "nosuchset"]) == 2


def test_extra_trafilatura_options_get_their_own_row(shared_eval: Path, tmp_path: Path) -> None:
    assert bench.parse_options("include_comments=False, fast=1,output_format=txt") == {
        "include_comments": False, "fast": True, "output_format": "txt"}
    with pytest.raises(ValueError):
        bench.parse_options("fast")
    assert bench.options_label({}) == "trafilatura, defaults"
    assert bench.effective_options({"include_comments": False, "include_tables": True}) == bench.effective_options(
        bench.ACCEPTANCE_OPTIONS)
    _subset(shared_eval, tmp_path / "eval" / "three", 2)
    (item,) = bench.run(tmp_path / "eval", [], modes={"html"}, variants=[{"include_comments": False, "favor_precision": True}])
    rows = {row["method"]: row for row in item["rows"]}
    assert rows["trafilatura, include_comments=False, favor_precision=True"]["pages"] == 2


def test_tables_are_written_between_markers(tmp_path: Path) -> None:
    doc = tmp_path / "README.md"
    start, end = tables.TABLE_MARKERS
    doc.write_text(f"# Cleaning\n\nProse.\n{start}\n| old |\n{end}\nAfter.\n", encoding="utf-8")
    assert tables.write_between_markers(doc, tables.TABLE_MARKERS, "| new |")
    assert doc.read_text(encoding="utf-8") == f"# Cleaning\n\nProse.\n{start}\n| new |\n{end}\nAfter.\n"
    assert not tables.write_between_markers(doc, tables.ABLATION_MARKERS, "| x |")


def test_justext_dump_baseline_keeps_prose_lines_and_drops_menus() -> None:
    from triage_app.bench._dump_baseline import justext_dump

    prose = ("Die Bundesregierung hat am Mittwoch neue Maßnahmen für den Klimaschutz beschlossen, die in den nächsten "
             "Jahren umgesetzt werden sollen und über die der Bundestag noch abstimmen muss. ")
    kept = justext_dump(f"Startseite\nPolitik\nSport\n\n{prose * 2}\n{prose}\n\nImpressum\nDatenschutz\n")
    assert prose.strip() in kept and "Startseite" not in kept and "Impressum" not in kept
    assert justext_dump("   \n\n") == ""
    # a language jusText has no stop words for is judged in its language-independent mode, not dropped
    assert "ᏣᎳᎩ" in justext_dump(("ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᎠᏂᏴᏫ ᏂᎦᏓ ᎠᏂᏎᏂᏏ. " * 12).strip())


def test_bench_pdf_rows_read_the_printed_pages(tmp_path: Path) -> None:
    import gzip

    from format_samples import PRINTED_PARTS, printed_page_with_menu

    folder = tmp_path / "eval" / "printed"
    (folder / "html").mkdir(parents=True)
    (folder / "dumps").mkdir()
    page = b"<html><head><title>Harbour reopens | Example News</title></head><body><p>not read in this mode</p></body></html>"
    (folder / "html" / "p1.html.gz").write_bytes(gzip.compress(page))
    (folder / "dumps" / "p1.pdf").write_bytes(printed_page_with_menu())
    (folder / "ground-truth.json").write_text(json.dumps({"p1": {"articleBody": "\n\n".join(PRINTED_PARTS)}}), encoding="utf-8")
    (item,) = bench.run(tmp_path / "eval", [], modes={"pdf"})
    rows = {row["method"]: row for row in item["rows"]}
    assert item["set"] == "printed printed to PDF"
    assert set(rows) == {"triage", "triage, the page's <title> as the PDF Title", "justext, the PDF's lines", "raw PDF text"}
    assert rows["triage"]["f1"] == 1.0 and rows["raw PDF text"]["f1"] < 0.95
    assert rows["triage, the page's <title> as the PDF Title"]["f1"] == 1.0


def test_bench_dump_meta_compares_a_dumps_fields_with_its_pages(tmp_path: Path) -> None:
    import gzip

    from triage_app.bench import dump_meta

    assert dump_meta.agreement("Example News", "example news") == "agree"
    assert dump_meta.agreement("Harbour reopens", "Harbour reopens after two years") == "agree"  # one holds the other
    assert dump_meta.agreement("Home", "Harbour reopens") == "differ"
    assert dump_meta.agreement(None, "Jane Doe") == "dump none"
    folder = tmp_path / "eval" / "news"
    (folder / "html").mkdir(parents=True)
    (folder / "dumps").mkdir()
    para = "The harbour authority said on Monday that the northern quay would reopen next month after two years of repairs. " * 2
    page = (f'<html><head><title>Harbour reopens | Example News</title><meta property="og:site_name" content="Example News">'
            f'<meta name="author" content="Jane Doe"></head><body><article><h1>Harbour reopens</h1>'
            f'<p class="byline">By Jane Doe</p><p>{para}</p><p>{para}</p></article></body></html>')
    (folder / "html" / "p1.html.gz").write_bytes(gzip.compress(page.encode()))
    (folder / "dumps" / "p1.txt").write_text(f"Home\nNews\n\nHarbour reopens\nBy Jane Doe\n\n{para}\n\n{para}\n\n© 2026 Example News\n",
                                             encoding="utf-8")
    (folder / "ground-truth.json").write_text(json.dumps({"p1": {"articleBody": para}}), encoding="utf-8")
    result = dump_meta.run(tmp_path / "eval", [])
    assert {field: dict(counts) for field, counts in result["news"].items()} == {
        "title": {"agree": 1}, "byline": {"agree": 1}, "site": {"agree": 1}}
    assert "| news | title | 1 | **1** |" in dump_meta.table(result)
