"""The cleaner's unchanged-output check (`python -m triage_app.bench clean-same`)."""

from __future__ import annotations

import gzip
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from triage_app.bench import __main__ as bench_main
from triage_app.bench.clean_same import first_difference


def test_first_difference_names_the_field() -> None:
    old = {"title": "A", "blocks": [{"reason": None}, {"reason": "footer"}]}
    assert first_difference(old, old | {"title": "B"}) == "title: 'A' != 'B'"
    new = {"title": "A", "blocks": [{"reason": None}, {"reason": "navigation"}]}
    assert first_difference(old, new) == "blocks[1].reason: 'footer' != 'navigation'"
    assert first_difference(old, {"title": "A", "blocks": [{"reason": None}]}) == "blocks: 2 items != 1"


def _page_set(root: Path) -> None:
    folder = root / "tiny"
    (folder / "html").mkdir(parents=True)
    article = "<p>The council voted on Tuesday to extend the bus lanes along the harbour road after a long debate.</p>" * 3
    pages = {
        "a": f"<html lang='en'><head><title>Bus lanes</title></head><body><nav><a href='/'>Home</a></nav><article>{article}</article></body></html>",
        "b": "<html><body><div><p>Kurz.</p><footer>© 2025 Example</footer></div></body></html>",
    }
    for page_id, html in pages.items():
        (folder / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
    (folder / "ground-truth.json").write_text(json.dumps({k: {"articleBody": ""} for k in pages}), encoding="utf-8")


def _bench(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = bench_main.main(list(argv))
    return code, out.getvalue()


def test_clean_same_records_and_finds_a_changed_result(tmp_path: Path) -> None:
    _page_set(tmp_path / "sets")
    record = tmp_path / "before.jsonl.gz"
    code, out = _bench("clean-same", "record", str(record), "--root", str(tmp_path / "sets"))
    assert code == 0 and "recorded 2 results" in out
    code, out = _bench("clean-same", "compare", str(record), "--root", str(tmp_path / "sets"))
    assert code == 0 and "2 results compared, 0 differ" in out
    lines = gzip.decompress(record.read_bytes()).decode("utf-8").splitlines()
    key, text = json.loads(lines[1])
    changed = json.loads(text)
    changed["blocks"][0]["reason"] = "tampered"
    lines[1] = json.dumps([key, json.dumps(changed, ensure_ascii=False, sort_keys=True)], ensure_ascii=False)
    record.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    code, out = _bench("clean-same", "compare", str(record), "--root", str(tmp_path / "sets"))
    assert code == 1
    assert f"{key}: blocks[0].reason: 'tampered' != " in out and "1 differ" in out


def test_clean_same_can_check_the_other_extractor_options(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`--option fast=false` runs the cleaner with that extractor option (the process's own options dict)."""
    from triage_app.core.clean import html_prepare

    monkeypatch.setattr(html_prepare, "TRAFILATURA_OPTIONS", dict(html_prepare.TRAFILATURA_OPTIONS))
    _page_set(tmp_path / "sets")
    code, _out = _bench("clean-same", "record", str(tmp_path / "r.jsonl.gz"), "--root", str(tmp_path / "sets"), "--option", "fast=false")
    assert code == 0
    assert html_prepare.TRAFILATURA_OPTIONS["fast"] is False
