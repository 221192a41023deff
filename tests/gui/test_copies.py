"""Copies in the GUI: cluster decisions with one undo, the copies column and collapse, the timeline filter."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from triage_app.core import jobs
from triage_app.core.library import Library, near_dups, triage
from triage_app.core.library.writer import LibraryWriter
from triage_app.gui.triage_controller import TriageController
from triage_app.gui.workers import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from copies_helpers import write_wire_set  # noqa: E402


@pytest.fixture
def clustered(tmp_path: Path) -> tuple[Path, list[int]]:
    """A library file with the wire story on three sites (one cluster) and an unrelated page."""
    path = tmp_path / "library.sqlite"
    pages = write_wire_set(tmp_path)
    with Library.open(path) as library:
        ids = [p.result.doc_id for p in jobs.import_documents(library, [pages[k] for k in "abcx"]) if p.result]
        list(near_dups.cluster_pending_job(library))
    return path, ids


def test_a_cluster_decision_marks_every_copy_and_one_undo_undoes_all(qtbot: Any, clustered: Any) -> None:
    path, (a, b, c, x) = clustered
    library, writer = Library.open(path), LibraryWriter(path)
    runner = TaskRunner(writer)
    controller = TriageController(runner)
    try:
        controller.apply_to_copies = True
        with qtbot.waitSignal(controller.documents_changed) as saved:
            controller.set_relevance([c], "relevant")
        assert sorted(saved.args[0]) == sorted([a, b, c])

        def relevance() -> dict[int, str]:
            return {int(r[0]): r[1] for r in library.db.execute("SELECT id, relevance FROM documents")}

        assert relevance() == {a: "relevant", b: "relevant", c: "relevant", x: "unreviewed"}
        origins = {row["doc_id"]: row["origin"] for row in triage.audit_log(library.db)}
        assert origins == {c: "user", a: f"user (cluster of #{c})", b: f"user (cluster of #{c})"}
        with qtbot.waitSignal(controller.documents_changed):
            assert controller.undo()
        assert set(relevance().values()) == {"unreviewed"}
        assert not controller.can_undo()
        controller.apply_to_copies = False  # off: only the chosen document
        with qtbot.waitSignal(controller.documents_changed):
            controller.set_relevance([c], "maybe")
        assert relevance()[c] == "maybe" and relevance()[a] == "unreviewed"
    finally:
        runner.shutdown()
        writer.shutdown()
        library.close()
