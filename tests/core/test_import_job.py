"""The import job with the real readers: outcomes per file, duplicates, one transaction per file, cancel."""

from __future__ import annotations

import gzip
import shutil
import zipfile
from pathlib import Path

import pytest

from triage_app.core import jobs
from triage_app.core.library import Library, documents
from triage_app.core.records import CleanResult, ImportOutcome, ParsedDocument

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def run(library: Library, *paths: Path, **kwargs: object) -> list[ImportOutcome]:
    return [
        p.result
        for p in jobs.import_documents(library, paths, **kwargs)  # type: ignore[arg-type]
        if isinstance(p.result, ImportOutcome)
    ]


@pytest.fixture
def library() -> Library:
    return Library.memory()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    target = tmp_path / "inputs"
    shutil.copytree(DATA, target)
    return target


def test_same_bytes_twice_is_a_duplicate(library: Library, inputs: Path) -> None:
    copy = inputs / "copy-of-notes.txt"
    copy.write_bytes((inputs / "notes.md").read_bytes())
    first, second = run(library, inputs / "notes.md", copy)
    assert first.status == "imported"
    assert (second.status, second.doc_id) == ("duplicate", first.doc_id)
    assert second.describe() == f"{copy}: duplicate of #{first.doc_id}"
    [again] = run(library, inputs / "notes.md")
    assert again.describe().endswith(f"duplicate of #{first.doc_id}")
    assert documents.document_count(library.db) == 1


def test_gzip_of_the_same_page_is_a_different_original(library: Library, inputs: Path) -> None:
    packed = inputs / "notes.md.gz"
    packed.write_bytes(gzip.compress((inputs / "notes.md").read_bytes()))
    outcomes = run(library, inputs / "notes.md", packed)
    assert [o.status for o in outcomes] == ["imported", "imported"]
    doc = documents.get_document(library.db, outcomes[1].doc_id or 0)
    assert doc["original_name"] == "notes.md.gz"
    assert documents.get_original(library.db, doc["id"]) == packed.read_bytes()
    assert "bridge was repaired" in doc["text"]


def test_metadata_and_resources_are_stored(library: Library, inputs: Path) -> None:
    outcomes = run(library, inputs / "saved_page.html", inputs / "grain.mhtml", inputs / "singlefile.html")
    assert [o.status for o in outcomes] == ["imported"] * 3
    page, mhtml, single = (documents.get_document(library.db, o.doc_id or 0) for o in outcomes)
    assert (page["format"], page["charset"], page["original_name"]) == ("html", "utf-8", "saved_page.html")
    assert page["source_path"] == str(inputs / "saved_page.html")
    names = [r.name for r in documents.get_resources(library.db, page["id"])]
    assert sorted(names) == ["saved_page_files/a.png", "saved_page_files/css/site.css"]
    assert documents.get_resource(library.db, page["id"], "saved_page_files/a.png") is not None
    assert (mhtml["format"], mhtml["captured_at"]) == ("mhtml", "2025-12-15T16:46:00+00:00")
    assert [r.name for r in documents.get_resources(library.db, mhtml["id"])] == ["https://example.com/img/ship.png"]
    assert (single["format"], single["captured_at"]) == ("singlefile", "2025-12-15T16:46:00+01:00")
    assert single["url"] == "https://www.example.net/world/ceasefire-talks"


def test_a_failing_file_leaves_nothing_and_the_rest_go_on(library: Library, inputs: Path) -> None:
    def picky_cleaner(lib: Library, parsed: ParsedDocument) -> CleanResult:
        if parsed.original_name == "cp1251.html":
            raise ValueError("cannot cope")
        return jobs.default_cleaner(lib, parsed)

    (inputs / "empty.txt").write_bytes(b"")
    outcomes = run(library, inputs, cleaner=picky_cleaner)
    by_name = {Path(o.source).name: o for o in outcomes}
    assert by_name["cp1251.html"].status == "failed"
    assert "cannot cope" in (by_name["cp1251.html"].reason or "")
    assert by_name["empty.txt"].reason == "the file is empty"
    imported = [o for o in outcomes if o.status == "imported"]
    assert len(imported) == len(outcomes) - 2
    db = library.db
    assert documents.document_count(db) == len(imported)
    assert db.execute("SELECT count(*) FROM originals").fetchone()[0] == len(imported)
    assert db.execute("SELECT count(*) FROM documents WHERE title = 'Новости дня'").fetchone()[0] == 0


def test_cancel_stops_between_files(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(10):
        (folder / f"page{n:02}.txt").write_text(f"Page number {n}\n\nSome words about item {n}.\n")
    seen: list[ImportOutcome] = []
    progress = []
    for step in jobs.import_documents(library, [folder], is_cancelled=lambda: len(seen) >= 3):
        progress.append(step)
        if isinstance(step.result, ImportOutcome):
            seen.append(step.result)
    assert len(seen) == 3
    assert progress[-1].message == "Cancelled"
    assert documents.document_count(library.db) == 3


def test_zip_and_folder_inputs_together(library: Library, inputs: Path, tmp_path: Path) -> None:
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(inputs / "saved_page.html", "x/saved_page.html")
        zf.write(inputs / "saved_page_files" / "a.png", "x/saved_page_files/a.png")
    outcomes = run(library, archive, inputs / "saved_page.html")
    assert [o.status for o in outcomes] == ["imported", "duplicate"]  # same page bytes inside and outside
    assert outcomes[0].source == f"{archive}!/x/saved_page.html"
    resources = documents.get_resources(library.db, outcomes[0].doc_id or 0)
    assert [r.name for r in resources] == ["saved_page_files/a.png"]


@pytest.mark.slow
def test_hostile_folder_through_the_process_pool(library: Library, inputs: Path) -> None:
    """The command line cleans in a pool of processes: hostile pages must not break that path either."""
    (inputs / "deep.html").write_bytes(
        b"<html><head><title>Deep</title></head><body>" + b"<div>" * 100_000 + b"inner" + b"</div>" * 100_000
    )
    (inputs / "empty.html").write_bytes(b"")
    (inputs / "binary.html").write_bytes(bytes(range(256)) * 64)
    outcomes = run(library, inputs, workers=2)
    by_name = {Path(o.source).name: o for o in outcomes}
    assert by_name["deep.html"].status == "imported"
    assert by_name["empty.html"].reason == "the file is empty"
    assert by_name["binary.html"].reason == "not a web page or text file (looks binary)"
    assert sum(o.status == "imported" for o in outcomes) == len(outcomes) - 2
    assert documents.document_count(library.db) == len(outcomes) - 2
