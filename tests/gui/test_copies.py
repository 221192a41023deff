"""Copies in the GUI: cluster decisions with one undo, the copies column and collapse, the timeline filter."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from triage_app.core import jobs
from triage_app.core.library import Library, near_dups, triage
from triage_app.core.library.writer import LibraryWriter
from triage_app.gui.triage_controller import TriageController
from triage_app.gui.workers import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
from copies_helpers import write_wire_set


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


def test_copies_column_and_folding_the_list(qtbot: Any, qtmodeltester: Any, clustered: Any) -> None:
    from triage_app.core.library.document_filter import DocumentFilter
    from triage_app.gui.models.document_columns import COL_COPIES
    from triage_app.gui.models.document_table import DocumentTableModel

    path, (a, b, c, x) = clustered
    with Library.open(path) as library:
        model = DocumentTableModel(library.db)
        model.reload()
        qtmodeltester.check(model)
        shown = {model.id_at(r): model.index(r, COL_COPIES).data() for r in range(model.rowCount())}
        assert shown == {a: "3", b: "3", c: "3", x: ""}
        tip = model.index(model.row_of(c) or 0, COL_COPIES).data(Qt.ItemDataRole.ToolTipRole)
        assert "3 near-identical documents" in tip and "3 independent sites" in tip and "represents" in tip
        model.set_filter(DocumentFilter(collapse_copies=True))
        assert sorted(model.ids) == sorted([c, x])  # the cluster by its representative (earliest published)
        model.sort(COL_COPIES, Qt.SortOrder.DescendingOrder)
        assert model.ids == [c, x]


def test_dragging_the_timeline_sets_the_date_filter(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    (tmp_path / "wire").mkdir()
    pages = write_wire_set(tmp_path / "wire")
    make_window.populate([pages[k] for k in "abcx"])
    window = make_window()
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    strip = window.library_view.timeline
    assert strip.data.unit == "day" and strip.data.first == "2024-03-04" and strip.data.last_day == "2024-03-06"
    assert sum(sum(c.values()) for _d, c in strip.data.buckets) == 4
    y = strip.height() // 2
    x_from, x_to = int(strip.x_of("2024-03-05")) + 2, int(strip.x_of("2024-03-06")) - 2
    with qtbot.waitSignal(strip.range_selected) as picked:
        QTest.mousePress(strip, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x_from, y))
        QTest.mouseMove(strip, QPoint(x_to, y))
        QTest.mouseRelease(strip, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x_to, y))
    assert picked.args == ["2024-03-05", "2024-03-05"]
    flt = window.documents.filter
    assert (flt.date_from, flt.date_to) == ("2024-03-05", "2024-03-05")  # the same filter as the date fields
    assert window.filter_bar.date_from.date().toString("yyyy-MM-dd") == "2024-03-05"
    assert window.documents.rowCount() == 2  # `a` and the unrelated page; `b` is the 6th, `c` the 4th
    assert sum(sum(c.values()) for _d, c in strip.data.buckets) == 4  # the strip still shows the whole span
    with qtbot.waitSignal(strip.range_selected):  # a click clears the range
        QTest.mouseClick(strip, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x_from, y))
    assert window.documents.rowCount() == 4
    make_window.wait_idle(window)


def test_entity_pairs_lead_to_the_documents_holding_both(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    (tmp_path / "wire").mkdir()
    pages = write_wire_set(tmp_path / "wire")
    make_window.populate([pages[k] for k in "abcx"])
    with Library.open(make_window.path) as library:
        db = library.db
        ids = [int(r[0]) for r in db.execute("SELECT id FROM documents ORDER BY id")]
        ent = {n: int(db["entities"].insert({"canonical": n, "label": "ORG", "hidden": 0}).last_pk)
               for n in ("Harbour Authority", "Court", "Council")}
        for doc_id, names in zip(ids, (["Harbour Authority", "Court"], ["Harbour Authority"],
                                       ["Harbour Authority", "Court"], ["Council"]), strict=True):
            for k, name in enumerate(names):
                db["mentions"].insert({"doc_id": doc_id, "entity_id": ent[name], "start": k, "end": k + 1,
                                       "text": name, "label": "ORG"})
    window = make_window()
    view = window.library_view
    window.filter_by_entity(ent["Harbour Authority"], "Harbour Authority")
    assert window.documents.rowCount() == 3
    assert not view.pairs.isHidden() and "Court</a> (2)" in view.pairs.text()
    view.pairs.linkActivated.emit(str(ent["Court"]))
    assert sorted(window.documents.ids) == [ids[0], ids[2]]
    make_window.wait_idle(window)


def test_briefing_pdf_first_page_draws_the_timeline(qapp: Any, tmp_path: Path) -> None:
    import zipfile

    from pypdf import PdfReader

    from triage_app.core.export.builder import build_packet
    from triage_app.core.library.document_filter import DocumentFilter
    from triage_app.qt_print import render_pdf

    pages = write_wire_set(tmp_path)
    library = Library.memory()
    try:
        list(jobs.import_documents(library, [pages[k] for k in "abcx"]))
        out = tmp_path / "p.zip"
        list(build_packet(library, DocumentFilter(), out, title="Harbour", render_pdf=render_pdf))
    finally:
        library.close()
    with zipfile.ZipFile(out) as archive:
        (tmp_path / "b.pdf").write_bytes(archive.read(next(n for n in archive.namelist() if n.endswith(".pdf"))))
    first = PdfReader(tmp_path / "b.pdf").pages[0]
    assert len(first.images) == 1  # the timeline, drawn from the briefing's own SVG
    assert "Documents per day by published date" in " ".join(first.extract_text().split())


def test_brushing_a_range_lists_documents_placed_by_their_captured_date(
    qtbot: Any, make_window: Any, tmp_path: Path
) -> None:
    """The strip places an undated page by its captured date; brushing over that day must list it."""
    import sqlite3

    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    (tmp_path / "wire").mkdir()
    pages = write_wire_set(tmp_path / "wire")
    make_window.populate([pages[k] for k in "abcx"])
    with sqlite3.connect(make_window.path) as conn:  # two pages lose their published date, keep a capture
        conn.execute("UPDATE documents SET published = NULL, captured_at = '2024-03-20T09:00:00' WHERE id <= 2")
        conn.execute("UPDATE documents SET published = '2024-03-01', captured_at = NULL WHERE id > 2")
    conn.close()
    window = make_window()
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    strip = window.library_view.timeline
    assert strip.data.captured == 2 and strip.data.last_day == "2024-03-20"
    y = strip.height() // 2
    x_from, x_to = int(strip.x_of("2024-03-15")), strip.width() - 1
    with qtbot.waitSignal(strip.range_selected) as picked:
        QTest.mousePress(strip, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x_from, y))
        QTest.mouseMove(strip, QPoint(x_to, y))
        QTest.mouseRelease(strip, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x_to, y))
    assert picked.args[1] == "2024-03-20"
    assert window.documents.rowCount() == 2  # only the two placed by their captured date
    assert sum(sum(c.values()) for _d, c in strip.data.buckets) == 4
    make_window.wait_idle(window)


def test_timeline_bucket_tooltip_and_remembered_height(qtbot: Any, make_window: Any, tmp_path: Path) -> None:
    (tmp_path / "wire").mkdir()
    pages = write_wire_set(tmp_path / "wire")
    make_window.populate([pages[k] for k in "abcx"])
    window = make_window()
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    strip = window.library_view.timeline
    assert strip.height() >= 100  # readable by default, not a 40 px sliver
    bucket = strip.bucket_at(strip.x_of("2024-03-05") + 2)
    assert bucket is not None and bucket[0] == "2024-03-05"
    lines = strip.bucket_text(*bucket).splitlines()
    assert lines[0] == "2024-03-05" and lines[1].startswith("2 document")  # `a` and the unrelated page
    assert strip.bucket_at(1) is None  # over the count axis
    window.library_view.set_timeline_height(220)
    assert window.library_view.timeline_height() == 220
    window.save_state()
    make_window.wait_idle(window)
    window.close()
    again = make_window()
    again.resize(1200, 800)
    again.show()
    qtbot.waitExposed(again)
    assert again.library_view.timeline_height() == 220
    make_window.wait_idle(again)
