"""The real window driven like an analyst: search, filters, triage by keys, undo, the shortcut overlay."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from window_support import shown, titles

from triage_app.core.library import triage
from triage_app.core.library.documents import get_document
from triage_app.gui.dialogs.note_dialog import NoteDialog
from triage_app.gui.dialogs.tag_dialog import TagDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform


def test_search_box_and_filters(qtbot: Any, make_window: Any, pages: list[Path]) -> None:
    make_window.populate(pages)
    window = shown(qtbot, make_window())
    assert window.documents.rowCount() == 3
    QTest.keyClick(window.table, Qt.Key.Key_Slash)
    assert window.filter_bar.search.hasFocus()
    qtbot.keyClicks(window.filter_bar.search, "harbour")
    with qtbot.waitSignal(window.documents.modelReset):
        QTest.keyClick(window.filter_bar.search, Qt.Key.Key_Return)
    assert sorted(titles(window)) == ["Harbour strike enters second week", "New sanctions on shipping firms"]
    assert window.status_line.text().startswith("2 of 3 · 2 unreviewed")
    assert 'search "harbour"' in window.status_line.text()
    qtbot.keyClicks(window.filter_bar.search, " -sanctions")  # the debounced search applies by itself
    qtbot.waitUntil(lambda: titles(window) == ["Harbour strike enters second week"])
    window.filter_bar.clear()
    assert window.documents.rowCount() == 3
    # structured filters
    harbour = window.documents.ids[titles(window).index("Harbour strike enters second week")]
    window.select_document(harbour)
    with qtbot.waitSignal(window.triage.documents_changed):
        QTest.keyClick(window.table, Qt.Key.Key_1)
    bar = window.filter_bar
    bar.relevance.setCurrentIndex(bar.relevance.findData("relevant"))
    assert window.documents.ids == [harbour]
    assert "relevance: relevant" in window.status_line.text()
    bar.relevance.setCurrentIndex(bar.relevance.findData("unreviewed"))
    assert window.documents.rowCount() == 2
    bar.clear()
    bar.date_from.setDate(bar.date_from.date().addYears(300))  # nothing is published after 2200
    assert window.documents.rowCount() == 0
    bar.clear()
    assert window.documents.rowCount() == 3


def test_triage_by_keys_and_undo(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_window.populate(pages)
    window = shown(qtbot, make_window())
    db = window.library.db
    window.select_row(0)
    first = window.current_id()
    for key, expected in ((Qt.Key.Key_1, "relevant"), (Qt.Key.Key_2, "maybe"), (Qt.Key.Key_3, "not-relevant")):
        with qtbot.waitSignal(window.triage.documents_changed):
            QTest.keyClick(window.table, key)
        assert get_document(db, first)["relevance"] == expected
    assert "Not relevant" in window.documents.index(0, 0).data()
    with qtbot.waitSignal(window.triage.documents_changed):
        QTest.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_document(db, first)["relevance"] == "maybe"
    log = triage.audit_log(db, first)
    assert [(r["old"], r["new"], r["origin"]) for r in log][-1] == ("not-relevant", "maybe", "undo")
    # star, tags and note, each undoable
    with qtbot.waitSignal(window.triage.documents_changed):
        QTest.keyClick(window.table, Qt.Key.Key_S)
    assert get_document(db, first)["starred"] == 1
    monkeypatch.setattr(TagDialog, "ask", classmethod(lambda cls, parent, current, known, count=1: ["urgent", "ports"]))
    with qtbot.waitSignal(window.triage.documents_changed):
        QTest.keyClick(window.table, Qt.Key.Key_T)
    assert triage.get_tags(db, first) == ["ports", "urgent"]
    monkeypatch.setattr(NoteDialog, "ask", classmethod(lambda cls, parent, note, count=1: "call the desk"))
    with qtbot.waitSignal(window.triage.documents_changed):
        QTest.keyClick(window.table, Qt.Key.Key_N)
    assert get_document(db, first)["note"] == "call the desk"
    for _ in range(2):
        with qtbot.waitSignal(window.triage.documents_changed):
            window.action("undo").trigger()
    assert triage.get_tags(db, first) == [] and get_document(db, first)["note"] == ""
    assert get_document(db, first)["starred"] == 1
    # J/K/U move through the list
    QTest.keyClick(window.table, Qt.Key.Key_J)
    assert window.table.currentIndex().row() == 1
    QTest.keyClick(window.table, Qt.Key.Key_K)
    assert window.table.currentIndex().row() == 0
    QTest.keyClick(window.table, Qt.Key.Key_U)
    assert window.table.currentIndex().row() == 1  # row 0 is "maybe" now
    make_window.wait_idle(window)


def test_multi_select_applies_to_every_selected_row(qtbot: Any, make_window: Any, pages: list[Path]) -> None:
    make_window.populate(pages)
    window = shown(qtbot, make_window())
    window.select_row(0)
    QTest.keyClick(window.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(window.selected_ids()) == 3
    with qtbot.waitSignal(window.triage.documents_changed):
        QTest.keyClick(window.table, Qt.Key.Key_3)
    rows = window.library.db.execute("SELECT DISTINCT relevance FROM documents").fetchall()
    assert rows == [("not-relevant",)]
    assert window.status_line.text().startswith("3 of 3 · 0 unreviewed")
    with qtbot.waitSignal(window.triage.documents_changed):
        QTest.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.documents.counts()["unreviewed"] == 3
    make_window.wait_idle(window)


def test_shortcut_overlay_opens_with_question_mark_and_f1(qtbot: Any, make_window: Any) -> None:
    window = shown(qtbot, make_window())
    QTest.keyClick(window.table, Qt.Key.Key_Question)
    assert window.overlay.isVisible()
    keys = dict(window.overlay.entries())
    assert keys["1"] == "Mark the selected documents relevant" and "Ctrl+Z" in keys
    QTest.keyClick(window.overlay, Qt.Key.Key_Escape)
    assert not window.overlay.isVisible()
    QTest.keyClick(window.table, Qt.Key.Key_F1)
    assert window.overlay.isVisible()
    QTest.mouseClick(window.overlay, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not window.overlay.isVisible()


@pytest.mark.parametrize("width", [1280, 900])
def test_the_shortcut_overlay_fits_the_window(qtbot: Any, make_window: Any, width: int) -> None:
    """Two columns of long descriptions ran off both sides of a 1,280-pixel window: they wrap to it now."""
    window = shown(qtbot, make_window())
    window.resize(width, 800)
    qtbot.waitUntil(lambda: window.width() == width)
    QTest.keyClick(window.table, Qt.Key.Key_F1)
    card = window.overlay.card.geometry()
    assert window.overlay.rect().contains(card), (card, window.overlay.rect())
    assert card.left() >= 0 and card.right() < width
    QTest.keyClick(window.overlay, Qt.Key.Key_Escape)


def test_library_filtered_by_an_entity(qtbot: Any, make_window: Any, pages: list[Path]) -> None:
    make_window.populate(pages)
    window = make_window()
    db = window.library.db
    ids = sorted(window.documents.ids)
    with window.library.transaction():
        entity = int(db["entities"].insert({"canonical": "Port Authority", "label": "ORG", "hidden": 0}).last_pk)
        for doc_id in ids[:2]:
            db["mentions"].insert({"doc_id": doc_id, "entity_id": entity, "start": 0, "end": 4, "text": "port", "label": "ORG"})
    window.refresh_choices()
    window.reader_pane.entity_filter_requested.emit(entity, "Port Authority")  # "show all documents mentioning X"
    assert sorted(window.documents.ids) == ids[:2]
    assert "mentions Port Authority" in window.status_line.text()
    assert window.filter_bar.entity.text() == "Port Authority"
    window.filter_bar.entity.clear()
    assert window.documents.rowCount() == 3
    # typing the name in the entity box does the same
    window.filter_bar.entity.setText("port authority")
    window.filter_bar.entity.editingFinished.emit()
    assert sorted(window.documents.ids) == ids[:2]
