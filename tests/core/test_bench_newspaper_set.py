"""`python -m triage_app.bench newspaper-set`: newspaper4k's test pages written as a page set, on a made-up release."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from triage_app.bench import newspaper_set
from triage_app.bench._clean_score import load_pages, page_ids

PAGE = (
    "<html><head><title>Old crane comes down | Harbour Times</title></head><body><h1>Old crane comes down</h1>"
    "<p>The old harbour crane will be taken down next spring, the port authority said on Tuesday, after forty years"
    " of service on the north quay.</p></body></html>"
)


def _release(root: Path) -> Path:
    data = root / "newspaper4k-0.9.6" / "tests" / "data"
    for folder in ("html", "txt", "metadata"):
        (data / folder).mkdir(parents=True)
    (data / "html" / "crane.html").write_text(PAGE, encoding="utf-8")
    (data / "txt" / "crane.txt").write_text("The old harbour crane will be taken down next spring.", encoding="utf-8")
    (data / "metadata" / "crane.json").write_text(json.dumps({"title": "Old  crane comes down"}), encoding="utf-8")
    (data / "html" / "other.html").write_text(PAGE, encoding="utf-8")
    (data / "txt" / "other.txt").write_text("The old harbour crane will be taken down next spring.", encoding="utf-8")
    (data / "metadata" / "other.json").write_text(json.dumps({"title": "Harbour Times"}), encoding="utf-8")
    (data / "html" / "no_text.html").write_text(PAGE, encoding="utf-8")  # no expected text: not in the set
    return root / "newspaper4k-0.9.6"


def test_pages_with_an_expected_text_become_a_page_set(tmp_path: Path) -> None:
    sdist = _release(tmp_path)
    names = newspaper_set.write_set(sdist, tmp_path / "out")
    assert names == ["crane", "other"]
    folder = tmp_path / "out" / "newspaper4k"
    pages = load_pages(folder, ["crane"])
    assert sorted(page_ids(folder, 0)) == ["crane", "other"]
    assert pages[0].truth.startswith("The old harbour crane") and "Old crane comes down" in pages[0].html
    assert gzip.decompress((folder / "html" / "crane.html.gz").read_bytes()).decode() == PAGE


def test_titles_are_counted_against_the_expected_metadata(tmp_path: Path) -> None:
    sdist = _release(tmp_path)
    names = newspaper_set.write_set(sdist, tmp_path / "out")
    found = newspaper_set.titles(sdist, tmp_path / "out", names)
    assert found["rows"] == [
        {"page": "crane", "triage": True, "trafilatura": True},  # the headline, spaces folded
        {"page": "other", "triage": False, "trafilatura": False},
    ]
    assert (found["pages"], found["triage"], found["trafilatura"]) == (2, 1, 1)
