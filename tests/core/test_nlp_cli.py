"""The NLP subcommands: annotate files, annotate a library, list entities and quotes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from triage_app.cli import run
from triage_app.core.library import Library, documents
from triage_app.core.records import Block, CleanResult, ParsedDocument

pytestmark = pytest.mark.nlp

TEXT = (
    "Foreign Minister Penny Wong arrived in Jakarta on Tuesday.\n\n"
    "“Australia and Indonesia share an ocean and a future,” Wong said.\n\n"
    "She said the two countries would sign a defence pact next year."
)


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_annotate_plain_json(tmp_path: Path) -> None:
    path = tmp_path / "wong.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out, _ = _run("annotate", "--plain", "--json", str(path), str(path))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    data = json.loads(lines[0])
    assert data["text"] == TEXT and data["path"] == str(path)
    for e in data["entities"]:
        assert data["text"][e["start"] : e["end"]] == e["text"]
        assert e["label"] in {"PERSON", "ORG", "PLACE", "DATE", "NORP", "MONEY"}
    assert {"text": "Jakarta", "label": "PLACE"}.items() <= next(e for e in data["entities"] if e["text"] == "Jakarta").items()
    direct = next(q for q in data["quotes"] if q["kind"] == "direct")
    assert set(direct) == {"start", "end", "text", "kind", "cue", "speaker", "speaker_start", "speaker_end", "speaker_canonical"}
    assert (direct["speaker"], direct["speaker_canonical"], direct["cue"]) == ("Wong", "Penny Wong", "said")
    indirect = next(q for q in data["quotes"] if q["kind"] == "indirect")
    assert indirect["speaker_canonical"] == "Penny Wong" and "defence pact" in indirect["text"]


def test_annotate_plain_text_output_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "wong.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out, err = _run("annotate", "--plain", str(path), str(tmp_path / "missing.txt"))
    assert code == 1 and "missing.txt" in err
    assert "PERSON" in out and "Penny Wong" in out and "direct" in out


def test_library_commands(tmp_path: Path) -> None:
    library_path = tmp_path / "lib.sqlite"
    with Library.open(library_path) as library:
        parsed = ParsedDocument("wong.txt", TEXT.encode(), "text", "utf-8", text=TEXT, original_name="wong.txt")
        blocks = [Block(i, "paragraph", part, True) for i, part in enumerate(TEXT.split("\n\n"))]
        documents.insert_document(library, parsed, CleanResult(blocks=blocks, title="Wong in Jakarta"))
    code, out, _ = _run("annotate-library", "--library", str(library_path), "--json")
    assert code == 0 and json.loads(out) == {"annotated": 1}
    code, out, _ = _run("entities", "--library", str(library_path), "--json", "--label", "PERSON")
    assert [e["canonical"] for e in json.loads(out)] == ["Penny Wong"]
    code, out, _ = _run("quotes", "--library", str(library_path))
    assert "Penny Wong: Australia and Indonesia share an ocean" in out
    code, out, _ = _run("quotes", "--library", str(library_path), "--json", "--kind", "indirect")
    assert json.loads(out)[0]["title"] == "Wong in Jakarta"
