"""`triage-app export` and its selection options (without the PDF: these tests run without Qt)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from test_export_support import make_library, manifest_of, members

from triage_app import cli


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    path = tmp_path / "lib.sqlite"
    make_library(path, tmp_path / "pages").close()
    return path


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.run(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_export_by_relevance_with_title_page(library_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "relevant.zip"
    code, text, _ = run("export", "--library", str(library_path), "--out", str(out), "--title", "Desk brief",
                        "--analyst", "J. Doe", "--caveat", "Internal", "--relevance", "relevant", "--no-pdf")
    assert code == 0 and "Exported 1 document to" in text and "Fingerprint" in text
    manifest = manifest_of(out)
    assert (manifest["title"], manifest["analyst"], manifest["caveat"]) == ("Desk brief", "J. Doe", "Internal")
    assert manifest["selection_criteria"] == "relevance: relevant"
    assert "briefing.pdf" not in members(out)


def test_export_by_ids_tag_and_query(library_path: Path, tmp_path: Path) -> None:
    code, text, _ = run("export", "--library", str(library_path), "--out", str(tmp_path / "ids.zip"),
                        "--ids", "3,1", "--no-originals", "--no-pdf", "--json")
    assert code == 0 and json.loads(text)["documents"] == 2
    assert not any("/original." in n for n in members(tmp_path / "ids.zip"))
    assert run("export", "--library", str(library_path), "--out", str(tmp_path / "tag.zip"), "--tag", "hostile",
               "--no-pdf")[0] == 0
    assert [d["library_id"] for d in manifest_of(tmp_path / "tag.zip")["documents"]] == [2]
    assert run("export", "--library", str(library_path), "--out", str(tmp_path / "q.zip"), "--query", "Witkoff",
               "--no-pdf")[0] == 0
    assert {d["library_id"] for d in manifest_of(tmp_path / "q.zip")["documents"]} == {1, 3}


def test_export_refuses_bad_requests(library_path: Path, tmp_path: Path) -> None:
    base = ["export", "--library", str(library_path), "--no-pdf"]
    assert run(*base, "--out", str(tmp_path / "x.txt"))[0] == 2
    assert run(*base, "--out", str(tmp_path / "x.zip"), "--ids", "1,a")[0] == 2
    assert run(*base, "--out", str(tmp_path / "x.zip"), "--ids", "1", "--tag", "t")[0] == 2
    assert run(*base, "--out", str(tmp_path / "x.zip"), "--relevance", "urgent")[0] == 2
    code, _, err = run(*base, "--out", str(tmp_path / "x.zip"), "--tag", "no-such-tag")
    assert code == 1 and "no document matches" in err
    code, _, err = run(*base, "--out", str(tmp_path / "x.zip"), "--ids", "1,99")
    assert code == 1 and "#99" in err
    assert not (tmp_path / "x.zip").exists()
