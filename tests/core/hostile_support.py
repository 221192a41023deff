"""Shared set-up (no tests) for the test_ingest_hostile*.py modules: a sandboxed library with two documents, a hang guard."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from triage_app.core import jobs
from triage_app.core.library import Library, documents
from triage_app.core.records import ImportOutcome

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
HANG_GUARD_S = 120


@pytest.fixture(autouse=True)
def _no_hang() -> Iterator[None]:
    """Fail (instead of hanging the run) when one import takes minutes."""

    def _alarm(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"import still running after {HANG_GUARD_S} s")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(HANG_GUARD_S)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    """Every path under `root` (symlinks not followed) with its size and modification time."""
    found: dict[str, tuple[int, int]] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            info = path.lstat()
            found[str(path.relative_to(root))] = (info.st_size, info.st_mtime_ns)
    return found


class Sandbox:
    """A library with two documents already in it, an input folder, and checks that nothing else changed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.inputs = root / "inputs"
        self.inputs.mkdir(parents=True)
        self.cwd = root / "cwd"
        self.cwd.mkdir()
        self.library = Library.open(root / "lib" / "library.sqlite")
        old = root / "old"
        old.mkdir()
        (old / "seed.html").write_bytes((DATA / "saved_page.html").read_bytes())
        (old / "notes.md").write_bytes((DATA / "notes.md").read_bytes())
        outcomes = self.run(old)
        assert [o.status for o in outcomes] == ["imported", "imported"], outcomes
        self.before = self.snapshot()

    def snapshot(self) -> dict[int, tuple[Any, ...]]:
        db = self.library.db
        return {
            row["id"]: (
                row,
                documents.get_original(db, row["id"]),
                [b.to_dict() for b in documents.get_blocks(db, row["id"])],
                [(r.name, r.data) for r in documents.get_resources(db, row["id"])],
            )
            for row in db.query("SELECT * FROM documents ORDER BY id")
        }

    def run(self, *paths: Path) -> list[ImportOutcome]:
        return [p.result for p in jobs.import_documents(self.library, paths) if isinstance(p.result, ImportOutcome)]

    def import_hostile(self, *paths: Path) -> list[ImportOutcome]:
        """Import, then check the old documents, the file system outside the library and the library's health."""
        outside = _tree(self.root.parent)
        outcomes = self.run(*paths)
        after = self.snapshot()
        assert {k: after[k] for k in self.before} == self.before
        changed = {k for k, v in _tree(self.root.parent).items() if outside.get(k) != v}
        assert all(k.startswith(f"{self.root.name}/lib") for k in changed), changed
        assert list(self.cwd.iterdir()) == []
        assert self.library.integrity_ok()
        for outcome in outcomes:
            assert outcome.status in ("imported", "duplicate", "failed")
            if outcome.status == "failed":
                assert outcome.reason and "Traceback" not in outcome.reason
        return outcomes


# Named apart from its fixture name so that importing it does not clash with the tests' `sandbox` argument (ruff F811).
@pytest.fixture(name="sandbox")
def sandbox_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    box = Sandbox(tmp_path / "box")
    monkeypatch.chdir(box.cwd)
    yield box
    box.library.close()


def _one(outcomes: list[ImportOutcome]) -> ImportOutcome:
    assert len(outcomes) == 1, outcomes
    return outcomes[0]
