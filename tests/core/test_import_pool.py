"""The import job cleans in a process pool when asked, with the same results as in one process."""

from __future__ import annotations

from pathlib import Path

from triage_app.core import jobs
from triage_app.core.library import Library, documents
from triage_app.core.records import ImportOutcome


def _pages(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        body = "".join(f"<p>Paragraph {j} of page {i} says something long enough to keep.</p>" for j in range(5))
        (folder / f"page{i:02d}.html").write_text(f"<html><head><title>Page {i}</title></head><body>{body}</body></html>")
    (folder / "copy.html").write_bytes((folder / "page00.html").read_bytes())
    (folder / "empty.html").write_bytes(b"")


def _run(library: Library, folder: Path, workers: int) -> list[ImportOutcome]:
    return [p.result for p in jobs.import_documents(library, [folder], workers=workers) if p.result is not None]


def test_pool_and_serial_imports_agree(tmp_path: Path) -> None:
    _pages(tmp_path / "in", 10)
    serial, pooled = Library.memory(), Library.memory()
    try:
        a = _run(serial, tmp_path / "in", 1)
        b = _run(pooled, tmp_path / "in", 2)
        assert [(o.source, o.status, o.doc_id) for o in a] == [(o.source, o.status, o.doc_id) for o in b]
        assert jobs.summarise(b) == {"imported": 10, "duplicate": 1, "failed": 1}
        for doc_id in range(1, 11):
            assert documents.get_document(serial.db, doc_id)["text"] == documents.get_document(pooled.db, doc_id)["text"]
    finally:
        serial.close()
        pooled.close()


def test_cancel_stops_the_pool_import(tmp_path: Path) -> None:
    _pages(tmp_path / "in", 12)
    library = Library.memory()
    seen: list[int] = []
    try:
        for progress in jobs.import_documents(library, [tmp_path / "in"], workers=2, is_cancelled=lambda: len(seen) >= 3):
            if progress.result is not None:
                seen.append(1)
        assert documents.document_count(library.db) < 12
        assert library.integrity_ok()
    finally:
        library.close()
