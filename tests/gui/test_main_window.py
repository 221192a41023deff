"""The real window driven like an analyst: drop to import, search, filter, triage by keys, undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from triage_app.core.library import triage
from triage_app.core.library.documents import get_document
from triage_app.core.records import Progress
from triage_app.gui.dialogs.import_summary import ImportSummaryDialog
from triage_app.gui.dialogs.note_dialog import NoteDialog
from triage_app.gui.dialogs.tag_dialog import TagDialog
from triage_app.gui.models.document_columns import COL_TITLE

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform


def shown(qtbot: Any, window: Any) -> Any:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.table.setFocus()
    return window


def drop_files(window: Any, paths: list[Path]) -> None:
    """Drag these files over the window (or one of its widgets) and drop them, as a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    mime.setText("\n".join(str(p) for p in paths))  # file managers offer the paths as text too
    centre = window.rect().center()
    enter = QDragEnterEvent(QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()


def titles(window: Any) -> list[str]:
    model = window.documents
    return [model.index(r, COL_TITLE).data() for r in range(model.rowCount())]


def test_import_by_drop_shows_new_documents_and_a_summary(
    qtbot: Any, make_window: Any, pages: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summaries: list[tuple[list[Any], bool]] = []
    monkeypatch.setattr(ImportSummaryDialog, "ask", classmethod(lambda cls, parent, outcomes, cancelled=False: summaries.append((outcomes, cancelled))))
    empty = tmp_path / "pages" / "empty.txt"
    empty.write_text("   ", encoding="utf-8")
    window = shown(qtbot, make_window())
    assert window.documents.rowCount() == 0
    assert window.banner.isVisible() and "Import" in window.banner.label.text()
    drop_files(window, [pages[0].parent])  # a folder: three pages and an empty file
    qtbot.waitUntil(lambda: bool(summaries), timeout=30000)
    outcomes, cancelled = summaries[0]
    assert not cancelled
    assert sorted(o.status for o in outcomes) == ["failed", "imported", "imported", "imported"]
    failed = next(o for o in outcomes if o.status == "failed")
    assert failed.source.endswith("empty.txt") and failed.reason
    assert window.documents.rowCount() == 3
    assert "Storm warning for the coast" in titles(window)
    assert window.status_line.text().startswith("3 of 3 · 3 unreviewed")
    assert not window.banner.isVisible()
    drop_files(window, [pages[1]])  # again: a duplicate
    qtbot.waitUntil(lambda: len(summaries) == 2, timeout=30000)
    assert [o.status for o in summaries[1][0]] == ["duplicate"]
    make_window.wait_idle(window)


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


def test_every_triage_key_has_a_visible_control_naming_it(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    toolbar_actions = set(window.toolbar.actions())
    for name, key in (("relevant", "1"), ("maybe", "2"), ("not_relevant", "3"), ("unreviewed", "0"),
                      ("star", "S"), ("tag", "T"), ("note", "N"), ("next", "J"), ("previous", "K"),
                      ("next_unreviewed", "U"), ("undo", "Ctrl+Z")):  # fmt: skip
        action = window.action(name)
        assert f"({key})" in action.toolTip(), name
        assert action in toolbar_actions, name
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Document", "&Help"]
    assert "/" in window.action("search").toolTip() and "F1" in window.action("shortcuts").toolTip()


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


def test_the_reader_sits_beside_the_library(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    assert window.splitter.widget(1) is window.reader_pane


def test_a_failed_write_shows_the_bug_dialog_and_saves_a_log(
    qtbot: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from triage_app.gui.dialogs.error_dialog import BugDialog

    shown_logs: list[Any] = []
    monkeypatch.setattr(BugDialog, "ask", classmethod(lambda cls, parent, exc, path: shown_logs.append(path)))
    window = make_window()
    window.triage.set_relevance([987654], "relevant")  # no such document: a bug, not a user error
    qtbot.waitUntil(lambda: bool(shown_logs))
    assert shown_logs[0] is not None and "KeyError" in shown_logs[0].read_text(encoding="utf-8")


def test_an_import_keeps_the_selection_and_does_not_reload_the_reader(
    qtbot: Any, make_window: Any, pages: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ImportSummaryDialog, "ask", classmethod(lambda cls, *a, **k: None))
    make_window.populate(pages[:2])
    window = shown(qtbot, make_window())
    window.select_row(0)
    QTest.keyClick(window.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    current, selected = window.current_id(), sorted(window.selected_ids())
    with qtbot.assertNotEmitted(window.library_view.current_document_changed, wait=0):
        with qtbot.waitSignal(window.imports.import_finished, timeout=30000):
            window.import_paths([pages[2]])
        assert window.documents.rowCount() == 3
    assert window.current_id() == current
    assert sorted(window.selected_ids()) == selected
    make_window.wait_idle(window)


def test_files_dropped_on_any_child_widget_are_imported(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    summaries: list[Any] = []
    monkeypatch.setattr(ImportSummaryDialog, "ask", classmethod(lambda cls, parent, outcomes, cancelled=False: summaries.append(outcomes)))
    window = shown(qtbot, make_window())
    targets = [window.filter_bar.search, window.table.viewport()]  # both would take a drop of text themselves
    targets += [w for w in window.reader_pane.findChildren(QWidget) if w.acceptDrops()][:1]
    for number, target in enumerate(targets):
        drop_files(target, [pages[number % len(pages)]])
        qtbot.waitUntil(lambda n=number: len(summaries) == n + 1, timeout=30000)
    assert window.filter_bar.search.text() == ""  # the path was not typed into the search box
    assert window.documents.rowCount() == min(len(targets), len(pages))
    make_window.wait_idle(window)


def test_file_menu_imports_chosen_files_and_folders(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(ImportSummaryDialog, "ask", classmethod(lambda cls, *a, **k: None))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(pages[0])], "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(pages[0].parent)))
    window = make_window()
    file_menu = window.menuBar().actions()[0].menu()
    assert window.action("import") in file_menu.actions() and window.action("import_folder") in file_menu.actions()
    with qtbot.waitSignal(window.imports.import_finished, timeout=30000):
        window.action("import").trigger()
    assert window.documents.rowCount() == 1
    with qtbot.waitSignal(window.imports.import_finished, timeout=30000) as blocker:
        window.action("import_folder").trigger()
    assert sorted(o.status for o in blocker.args[0]) == ["duplicate", "imported", "imported"]
    assert window.documents.rowCount() == 3
    make_window.wait_idle(window)


def fake_annotator(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Replace the model (run in a child process for real) with a stand-in; returns the ids stored, in order."""
    from triage_app.core.library import annotations as annotation_store
    from triage_app.core.records import Annotation

    opened: list[int] = []
    real_store = annotation_store.store_annotation

    def fake_annotate_texts(texts: list[str], *, is_cancelled: Any, languages: Any = None) -> Iterator[Progress]:
        yield Progress(1, 1, "annotated", result=[Annotation([], [], engine="fake") for _ in texts])

    def recording_store(lib: Any, doc_id: int, annotation: Any, **kw: Any) -> None:
        opened.append(doc_id)
        real_store(lib, doc_id, annotation, **kw)

    monkeypatch.setattr(annotation_store, "annotate_texts", fake_annotate_texts)
    monkeypatch.setattr(annotation_store, "store_annotation", recording_store)
    return opened


def test_start_up_does_not_load_spacy_but_opening_a_document_annotates_it(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from triage_app.core.nlp import engine as engine_module
    from triage_app.core.nlp.engine import get_engine
    from triage_app.gui.reader.annotation_ui import AnnotationState

    monkeypatch.setattr(engine_module, "_ENGINES", {})  # a fresh, unloaded engine whatever ran before
    make_window.populate(pages)
    window = shown(qtbot, make_window())
    first = window.current_id()
    assert first is not None and window.reader_pane.doc_id == first  # the first document is on show ...
    assert get_document(window.library.db, first)["annotated_engine"] is None
    assert window.reader_pane.annotation_state == AnnotationState.DEFERRED  # background annotation is off here
    make_window.wait_idle(window)
    QApplication.processEvents()
    assert get_engine().loaded is False  # ... and spaCy was not loaded for it

    opened = fake_annotator(monkeypatch)
    QTest.keyClick(window.table, Qt.Key.Key_Down)  # the user opens the next document
    second = window.current_id()
    assert second is not None and second != first
    qtbot.waitUntil(lambda: opened == [second])
    qtbot.waitUntil(lambda: "quotes" in window.reader_pane.status.text() and window.reader_pane.doc_id == second)
    QTest.keyClick(window.table, Qt.Key.Key_Up)  # back to the start-up document: opened by the user now
    qtbot.waitUntil(lambda: opened == [second, first])
    make_window.wait_idle(window)


def test_the_start_up_document_is_annotated_in_the_background_once_the_window_is_idle(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from triage_app.gui.reader.annotation_ui import AnnotationState

    opened = fake_annotator(monkeypatch)
    make_window.populate(pages)
    window = make_window(annotate_in_background=True)
    first = window.current_id()
    assert window.reader_pane.annotation_state == AnnotationState.DEFERRED  # nothing before the window shows
    shown(qtbot, window)
    qtbot.waitUntil(lambda: opened == [first] and window.reader_pane.annotation_state == AnnotationState.DONE)
    assert window.current_id() == first and "quotes" in window.reader_pane.status.text()
    make_window.wait_idle(window)


def test_clicking_the_start_up_document_annotates_it(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = fake_annotator(monkeypatch)
    make_window.populate(pages)
    window = shown(qtbot, make_window())
    make_window.wait_idle(window)
    assert opened == []
    first = window.current_id()
    rect = window.table.visualRect(window.documents.index(0, COL_TITLE))
    QTest.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert window.current_id() == first
    qtbot.waitUntil(lambda: opened == [first] and "quotes" in window.reader_pane.status.text())
    make_window.wait_idle(window)


def test_hardening_d4_relevance_typed_letter_by_letter_is_a_message_under_the_box(qtbot: Any, make_window: Any, pages: list[Path]) -> None:
    window = shown(qtbot, make_window())
    box = window.filter_bar.search
    for n in range(1, len("relevance:maybe") + 1):
        box.setText("relevance:maybe"[:n])
        window.filter_bar._emit()  # what the typing delay or Return does
    assert window.filter_bar.problem.isHidden()
    box.setText("relevance:m")
    window.filter_bar._emit()
    assert not window.filter_bar.problem.isHidden() and "relevance" in window.filter_bar.problem.text()


def test_hardening_d7_a_long_search_runs_off_the_gui_thread_and_a_newer_one_cancels_it(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from triage_app.gui.models import document_table
    from triage_app.gui.workers import GeneratorWorker

    make_window.populate(pages)
    window = shown(qtbot, make_window())
    monkeypatch.setattr(document_table, "SYNC_BUDGET_S", 0.0)  # every search is "long": it goes to a worker
    started: list[GeneratorWorker] = []
    real_start = document_table.QThreadPool.start

    def start(pool: Any, worker: Any, *args: Any) -> None:
        started.append(worker)
        real_start(pool, worker, *args)

    monkeypatch.setattr(document_table.QThreadPool, "start", start)
    window.filter_bar.set_query("storm")
    assert window.documents.searching and window.filter_bar.problem.text() == "Searching…"
    window.filter_bar.set_query("harbour -sanctions")  # typed before the first finished: it is cancelled
    assert started[0].is_cancelled() and not started[1].is_cancelled()
    qtbot.waitUntil(lambda: not window.documents.searching)
    assert titles(window) == ["Harbour strike enters second week"]
    assert window.documents.counts()["matching"] == 1 and window.filter_bar.problem.isHidden()
    assert QThreadPool.globalInstance().waitForDone(5000)


def test_hardening_d9_history_shows_where_each_change_came_from(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from triage_app.gui.dialogs.history_dialog import HistoryDialog, history_text

    make_window.populate(pages)
    window = shown(qtbot, make_window())
    doc_id = window.documents.id_at(0)
    window.library.db.execute("INSERT INTO audit(at, user, doc_id, field, old, new, origin) VALUES "
                              "('2026-01-01T00:00:00+00:00', 'colleague', ?, 'relevance', 'unreviewed', 'relevant', 'packet')",
                              [doc_id])
    window.library.db.conn.commit()
    shown_rows: list[list[dict[str, Any]]] = []
    monkeypatch.setattr(HistoryDialog, "ask", classmethod(lambda cls, parent, rows, title: shown_rows.append(rows)))
    QTest.keyClick(window.table, Qt.Key.Key_H)
    assert shown_rows and "[from a packet]" in history_text(shown_rows[0]) and "colleague" in history_text(shown_rows[0])


def test_window_commands_with_ctrl_reach_the_window_from_a_text_field(qtbot: Any, make_window: Any, pages: list[Path]) -> None:
    """Ctrl+E (export) did nothing while the search box had the focus, as it has when the window opens: on X11 a line
    edit reads Ctrl+E as "end of line" and Ctrl+D as "delete" (seen in the app). Its own editing keys stay its own."""
    make_window.populate(pages)
    window = shown(qtbot, make_window())
    search = window.filter_bar.search
    assert search in window.command_keys.fields  # where xcb's field claims Ctrl+E (tests/gui/test_command_keys.py)
    search.setFocus()
    triggered: list[str] = []
    for name in ("export", "what_changed", "select_all"):
        action = window.actions_by_name[name]
        action.triggered.disconnect()  # the dialogs would open modally
        action.triggered.connect(lambda _checked=False, n=name: triggered.append(n))
    QTest.keyClick(search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(search, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert triggered == ["export", "what_changed"]
    qtbot.keyClicks(search, "harbour")
    QTest.keyClick(search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # the field selects its text
    assert triggered == ["export", "what_changed"] and search.selectedText() == "harbour"
