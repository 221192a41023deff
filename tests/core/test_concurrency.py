"""Two processes on one library, and the single writer thread."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from triage_app.core.errors import LibraryLockedError
from triage_app.core.library import Library, documents, triage
from triage_app.core.library.writer import LibraryWriter
from triage_app.core.records import Block, CleanResult, ParsedDocument, Progress

HOLD_LOCK = """
import sys, time, sqlite3
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE documents SET note = 'held' WHERE id = 1")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


def _add(library: Library, text: str) -> int:
    parsed = ParsedDocument("/x.txt", text.encode(), "text", "utf-8", text=text)
    return documents.insert_document(library, parsed, CleanResult([Block(0, "line", text, True)], title=text))


def test_second_process_holding_the_lock_gives_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as library:
        _add(library, "first")
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path), "8"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        monkeypatch.setattr("triage_app.core.library.db.BUSY_TIMEOUT_S", 0.3)
        with Library.open(path) as library:
            library.db.execute("PRAGMA busy_timeout = 300")
            assert documents.document_count(library.db) == 1  # reading still works (WAL)
            with pytest.raises(LibraryLockedError, match="another Triage process"):
                triage.set_relevance(library, 1, "relevant")
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    with Library.open(path) as library:
        assert library.integrity_ok()
        assert documents.get_document(library.db, 1)["note"] == ""
        triage.set_relevance(library, 1, "relevant")


def test_writer_runs_short_writes_between_job_steps(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as library:
        doc = _add(library, "first")
    writer = LibraryWriter(path)
    order: list[str] = []
    step_gate = threading.Event()

    def job(lib: Library):  # type: ignore[no-untyped-def]
        for i in range(3):
            order.append(f"step{i}")
            if i == 0:
                step_gate.set()
                time.sleep(0.2)
            yield Progress(i + 1, 3)

    try:
        done = writer.run_job(job, lambda p: None)
        step_gate.wait(5)
        mark = writer.submit(lambda lib: triage.set_relevance(lib, doc, "maybe"))
        order.append("mark submitted")
        assert mark.result(5) == "unreviewed"
        done.result(5)
        assert order.index("step1") > order.index("mark submitted")
        assert writer.submit(lambda lib: documents.get_document(lib.db, doc)["relevance"]).result(5) == "maybe"
        failing = writer.submit(lambda lib: triage.set_relevance(lib, 999, "maybe"))
        with pytest.raises(KeyError):
            failing.result(5)
    finally:
        writer.shutdown()
    assert not any(t.name == "triage-writer" for t in threading.enumerate())
