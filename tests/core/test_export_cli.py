"""`triage-app export` and its selection options (without the PDF: these tests run without Qt)."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from test_export_support import make_library, manifest_of, members

from triage_app import cli
from triage_app.core.records import Annotation, EntityMention


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


class _CountingEngine:
    """A stand-in engine: each text's first word is a PLACE; named as the seed's annotation was."""

    name = "test-engine/1"  # make_library's seed counts as annotated by this engine

    def __init__(self) -> None:
        self.texts: list[str] = []

    def annotate(self, text: str) -> Annotation:
        return next(self.annotate_many([text]))

    def annotate_many(self, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Annotation]:
        for text in texts:
            self.texts.append(text)
            word = text.split()[0]
            yield Annotation([EntityMention(0, len(word), word, "PLACE", "First word")], [], engine=self.name)


def _packet_annotations(packet: Path) -> list[dict[str, Any]]:
    with zipfile.ZipFile(packet) as zf:
        return [json.loads(zf.read(n)) for n in sorted(zf.namelist()) if n.endswith("/annotations.json")]


def test_export_of_unannotated_documents_warns_and_annotate_fills_them_in(
    library_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from triage_app.core import nlp

    engine = _CountingEngine()
    monkeypatch.setattr(nlp, "get_engine", lambda *a: engine)
    base = ["export", "--library", str(library_path), "--no-pdf", "--ids", "1,2,3"]
    code, _, err = run(*base, "--out", str(tmp_path / "bare.zip"))
    assert code == 0 and "2 of 3 selected documents not annotated yet" in err and "--annotate" in err
    assert engine.texts == []  # a warning only: nothing was annotated
    assert [a["annotated_engine"] for a in _packet_annotations(tmp_path / "bare.zip")] == [engine.name, None, None]

    code, _, err = run(*base, "--out", str(tmp_path / "full.zip"), "--annotate")
    assert code == 0 and "annotating 2 of 3 selected documents first" in err and "2/2" in err
    assert len(engine.texts) == 2  # only what was missing; the seed keeps its annotations
    packet = _packet_annotations(tmp_path / "full.zip")
    assert [a["annotated_engine"] for a in packet] == [engine.name] * 3
    assert any(e["canonical"] == "Steve Witkoff" for e in packet[0]["entities"])
    assert all(any(e["canonical"] == "First word" for e in a["entities"]) for a in packet[1:])
    code, _, err = run(*base, "--out", str(tmp_path / "again.zip"))
    assert code == 0 and "not annotated" not in err  # nothing missing any more
