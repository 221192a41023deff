"""SIGKILL in the middle of a large import leaves a library that opens, checks out, and holds whole documents."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from triage_app.core.library import Library, documents

PAGES = 200
KILL_AFTER = 15  # documents committed before the kill
DEADLINE_S = 180


def _make_pages(folder: Path) -> None:
    folder.mkdir()
    for n in range(PAGES):
        paragraphs = "".join(
            f"<p>Report {n}, paragraph {k}: the committee met on day {k} and discussed item {n * 7 + k}.</p>\n"
            for k in range(30)
        )
        (folder / f"page{n:04}.html").write_text(
            f"<html><head><title>Generated report {n}</title></head><body><article><h1>Report {n}</h1>\n"
            f"{paragraphs}</article></body></html>\n",
            encoding="utf-8",
        )


def _count(path: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


@pytest.mark.slow
def test_sigkill_mid_import_leaves_only_whole_documents(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    _make_pages(folder)
    lib_path = tmp_path / "library.sqlite"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "triage_app", "import", str(folder), "--library", str(lib_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # its own process group, so helper processes it leaves can be cleaned up
    )
    started = time.monotonic()
    try:
        while _count(lib_path) < KILL_AFTER:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() - started < DEADLINE_S, "the import did not get going"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        if proc.stderr:
            proc.stderr.close()
        gone_by = time.monotonic() + 15
        while _group_alive(proc.pid) and time.monotonic() < gone_by:
            time.sleep(0.1)
        leftovers = _group_alive(proc.pid)
        _kill_group(proc.pid)
    assert proc.returncode == -signal.SIGKILL
    assert not leftovers, "cleaning pool processes outlived the killed import"

    with Library.open(lib_path) as library:
        db = library.db
        assert library.integrity_ok()
        db.execute("INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')")
        ids = [row[0] for row in db.execute("SELECT id FROM documents ORDER BY id")]
        assert KILL_AFTER <= len(ids) < PAGES
        for doc_id in ids:
            doc = documents.get_document(db, doc_id)
            original = documents.get_original(db, doc_id)
            assert documents.sha256_hex(original) == doc["sha256"]
            assert original == (folder / doc["original_name"]).read_bytes()
            assert documents.get_blocks(db, doc_id), f"document #{doc_id} has no blocks"
        orphans = db.execute(
            "SELECT count(*) FROM originals WHERE doc_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        assert orphans == 0
        assert db.execute("SELECT count(*) FROM blocks WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()[0] == 0

    # The interrupted import can simply be run again: what was stored is reported as duplicates.
    done = subprocess.run(
        [sys.executable, "-m", "triage_app", "import", str(folder), "--library", str(lib_path), "--json"],
        capture_output=True,
        env=env,
        timeout=DEADLINE_S,
        check=True,
    )
    counts = json.loads(done.stdout)["counts"]
    assert counts == {"imported": PAGES - len(ids), "duplicate": len(ids), "failed": 0}
