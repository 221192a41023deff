"""Start-up annotation: no spaCy at start, the opened, idle-time or clicked start-up document annotated."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from window_support import shown

from triage_app.core.library.documents import get_document
from triage_app.core.records import Progress
from triage_app.gui.models.document_columns import COL_TITLE

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform


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
