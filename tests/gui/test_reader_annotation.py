"""The reader pane annotates the document it shows: off the writer, again after a rules update, deferred, the real engine."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import reader_support
from reader_support import add_annotations, highlighted_fragments, show

from triage_app.core.library import Library, documents
from triage_app.core.library import annotations as annotation_store
from triage_app.core.records import Annotation, Progress
from triage_app.gui.reader.annotation_ui import FINDING, AnnotationState
from triage_app.gui.reader.cleaned_html import ENTITY_COLOURS

pytestmark = reader_support.QT_LOG_IGNORE

make_pane = reader_support.make_pane  # pytest fixtures, found by name
seed_id = reader_support.seed_id


def test_an_unannotated_document_is_annotated_in_the_child_process_path_not_on_the_writer(
    make_pane: Any, qtbot: Any, library: Library, seed_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model runs where `annotate_texts` puts it (a child process) and its wait holds a pool thread:
    a correction sent while it runs comes back before the annotation ends, the result is stored by the writer."""
    import threading

    with library.transaction() as db:
        db["documents"].update(seed_id, {"annotated_engine": None})
    text = str(documents.get_document(library.db, seed_id)["text"])
    release = threading.Event()
    seen: list[tuple[list[str], str]] = []
    stored_on: list[str] = []

    def fake_annotate_texts(texts: list[str], *, is_cancelled: Any, languages: Any = None) -> Iterator[Progress]:
        seen.append((list(texts), threading.current_thread().name))
        while not release.wait(0.01):
            if is_cancelled():
                return
            yield Progress(0, 1, "waiting for the child")
        yield Progress(1, 1, "done", result=[Annotation(engine="fake", entities=[], quotes=[])])

    real_store = annotation_store.store_annotation

    def recording_store(lib: Library, doc_id: int, annotation: Any, **kw: Any) -> None:
        stored_on.append(threading.current_thread().name)
        real_store(lib, doc_id, annotation, **kw)
        add_annotations(lib, doc_id)

    monkeypatch.setattr(annotation_store, "annotate_texts", fake_annotate_texts)
    monkeypatch.setattr(annotation_store, "store_annotation", recording_store)
    pane = make_pane()
    pane.show_document(seed_id)
    assert pane.annotation_state == AnnotationState.RUNNING and pane.status.text() == FINDING
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0][0] == [text] and seen[0][1] not in ("triage-writer", threading.main_thread().name)
    hidden: list[bool] = []
    pane._runner.call(lambda lib: hidden.append(True))  # the writer is free while the model works
    qtbot.waitUntil(lambda: hidden == [True])
    assert pane.annotation_state == AnnotationState.RUNNING and stored_on == []
    release.set()
    qtbot.waitUntil(lambda: pane.annotation_state == AnnotationState.DONE)
    assert stored_on == ["triage-writer"]
    assert any(f[0] == "Steve Witkoff" for f in highlighted_fragments(pane))
    assert "1 quote" in pane.status.text()  # plural forms: "1 quote", "2 quotes"


def test_annotations_of_an_earlier_version_of_the_rules_are_found_again_when_the_document_opens(
    make_pane: Any, qtbot: Any, library: Library, seed_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An update of Triage's entity and quote rules (`METHOD_VERSION`) reaches a library's documents as they are
    opened; another engine's annotations (here the tests' "test-rows") are taken as they are."""
    from triage_app.core.nlp.engine import METHOD_VERSION

    asked: list[int] = []

    def fake_annotate_texts(texts: list[str], *, is_cancelled: Any, languages: Any = None) -> Iterator[Progress]:
        asked.append(len(texts))
        yield Progress(1, 1, "done", result=[Annotation(engine=f"triage-nlp/{METHOD_VERSION} fake", entities=[], quotes=[])])

    monkeypatch.setattr(annotation_store, "annotate_texts", fake_annotate_texts)
    pane = make_pane()
    pane.show_document(seed_id)  # annotated by "test-rows": shown as it is
    assert pane.annotation_state == AnnotationState.DONE and asked == []
    with library.transaction() as db:
        db["documents"].update(seed_id, {"annotated_engine": f"triage-nlp/{int(METHOD_VERSION) - 1} spacy/3.8.0 en/3.8.0"})
    pane.show_document(seed_id)
    assert pane.annotation_state == AnnotationState.RUNNING
    qtbot.waitUntil(lambda: pane.annotation_state == AnnotationState.DONE)
    assert asked == [1] and documents.get_document(library.db, seed_id)["annotated_engine"].startswith(f"triage-nlp/{METHOD_VERSION} ")


def test_a_document_shown_without_annotating_waits_for_annotate_shown(
    make_pane: Any, qtbot: Any, library: Library, seed_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []

    def fake_annotate_texts(texts: list[str], *, is_cancelled: Any, languages: Any = None) -> Iterator[Progress]:
        calls.append(list(texts))
        yield Progress(1, 1, "done", result=[])

    monkeypatch.setattr(annotation_store, "annotate_texts", fake_annotate_texts)
    with library.transaction() as db:
        db["documents"].update(seed_id, {"annotated_engine": None})
    pane = make_pane()
    pane.show_document(seed_id, annotate=False)
    assert pane.annotation_state == AnnotationState.DEFERRED
    assert not pane.busy and calls == []  # nothing started
    pane.annotate_shown()
    assert pane.annotation_state == AnnotationState.RUNNING
    qtbot.waitUntil(lambda: len(calls) == 1 and not pane.busy)


@pytest.mark.nlp
def test_opening_an_unannotated_document_runs_the_real_engine(
    make_pane: Any, qtbot: Any, library: Library, seed_id: int
) -> None:
    with library.transaction() as db:
        db["documents"].update(seed_id, {"annotated_engine": None})
    pane = make_pane()
    show(qtbot, pane, seed_id)
    qtbot.waitUntil(lambda: not pane.busy, timeout=120000)
    # "Finding entities and quotes…" also says "quotes": wait for the finished count
    qtbot.waitUntil(lambda: "entity mention" in pane.status.text(), timeout=120000)
    people = {f[0] for f in highlighted_fragments(pane) if f[2] == ENTITY_COLOURS["PERSON"]}
    assert "Steve Witkoff" in people or "Witkoff" in people
    assert pane.side_panel.quote_model.rowCount() > 0
