"""The reader pane on the seed text dump: highlights, removed lines, clicks, menus, remembered state."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from tests.conftest import SEED_TXT
from triage_app.core.library import Library, documents
from triage_app.core.library import annotations as annotation_store
from triage_app.core.library.writer import LibraryWriter
from triage_app.core.records import Annotation, Block, CleanResult, ParsedDocument, Progress
from triage_app.core.settings import Settings, StateStore
from triage_app.gui.reader.annotation_ui import FINDING, AnnotationState
from triage_app.gui.reader.cleaned_html import ENTITY_COLOURS, entity_href, parse_entity_href, parse_mention_id
from triage_app.gui.reader.pane import ReaderPane
from triage_app.gui.reader.saved_layout import STATE_HIDDEN_LABELS, STATE_HIDDEN_PANES
from triage_app.gui.reader.scheme import register_scheme
from triage_app.gui.workers import TaskRunner

os.environ.setdefault("QSG_RHI_BACKEND", "null")
register_scheme()

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",  # menus and tooltips on the offscreen platform
    "This plugin does not support grabbing the keyboard",
)
REMOVED = {1: "navigation", 2: "tag list"}  # line number -> reason


def seed_clean_result(text: str) -> CleanResult:
    """The seed split into line blocks, the first two lines removed (what a cleaner would drop)."""
    blocks = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            reason = REMOVED.get(number)
            blocks.append(Block(len(blocks), "paragraph", line.strip(), reason is None, reason, f"lines:{number}-{number}"))
    return CleanResult(blocks, title="Conditional US Offer: NATO-Style Security for Ukraine", site="newsmax.com",
                       published="2025-12-15T16:46:00-05:00", url="https://www.newsmax.com/world/globaltalk/x/")


def add_annotations(library: Library, doc_id: int) -> dict[str, Any]:
    """Entity mentions and a quote written straight into the tables, as the NLP engine would."""
    db = library.db
    text = documents.get_document(db, doc_id)["text"]
    ids: dict[str, int] = {}
    with library.transaction():
        for name, label in (("Steve Witkoff", "PERSON"), ("Jared Kushner", "PERSON"), ("NATO", "ORG"),
                            ("Berlin", "PLACE"), ("Monday", "DATE")):
            ids[name] = int(db["entities"].insert({"canonical": name, "label": label, "hidden": 0}).last_pk)
            start = -1
            while (start := text.find(name, start + 1)) >= 0:
                db["mentions"].insert({"doc_id": doc_id, "entity_id": ids[name], "start": start,
                                       "end": start + len(name), "text": name, "label": label})
        quote = "Those guarantees will not be on the table forever."
        q_start = text.index(quote)
        db["quotes"].insert({"doc_id": doc_id, "start": q_start, "end": q_start + len(quote), "text": quote,
                             "kind": "direct", "cue": "told", "speaker": "a senior U.S. official"})
        db["documents"].update(doc_id, {"annotated_engine": "test-rows"})
    return ids


def delete_closed_widgets() -> None:
    """Really delete the widgets pytest-qt closed with deleteLater (web page before its profile)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def seed_id(library: Library) -> int:
    raw = SEED_TXT.read_bytes()
    text = raw.decode("utf-8")
    parsed = ParsedDocument(str(SEED_TXT), raw, "text", "utf-8", text=text, original_name=SEED_TXT.name)
    doc_id = documents.insert_document(library, parsed, seed_clean_result(text))
    with library.transaction() as db:  # as if annotated with nothing found: no spaCy run in these tests
        db["documents"].update(doc_id, {"annotated_engine": "test-rows"})
    return doc_id


@pytest.fixture
def make_pane(qtbot: Any, library: Library, writer: LibraryWriter, tmp_path: Path) -> Iterator[Any]:
    panes: list[ReaderPane] = []
    runner = TaskRunner(writer)

    def make(state: StateStore | None = None) -> ReaderPane:
        # Not handed to qtbot.addWidget: pytest-qt closes and deletes its widgets before fixtures are torn down, and
        # a pane deleted while the wait below was running raised "Internal C++ object already deleted" (seen under load).
        pane = ReaderPane(library, runner, Settings(None), state or StateStore(tmp_path / "state.json"))
        pane.resize(1400, 800)
        panes.append(pane)
        return pane

    yield make
    for pane in panes:  # no write may come back after the library is closed
        qtbot.waitUntil(lambda p=pane: not p.busy and not p.original_pending, timeout=30000)
        pane.close()
        pane.deleteLater()
    runner.shutdown()
    delete_closed_widgets()


def show(qtbot: Any, pane: ReaderPane, doc_id: int | None) -> None:
    """Show a document and wait for its original, which the pane marks and loads after the cleaned view."""
    pane.show_document(doc_id)
    qtbot.waitUntil(lambda: not pane.original_pending, timeout=30000)


def highlighted_fragments(pane: ReaderPane) -> list[tuple[str, str, str]]:
    """(text, href, background) of every fragment of the cleaned view that carries a link or a background."""
    found = []
    block = pane.cleaned.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            background = fmt.background().color().name() if fmt.background().style() != Qt.BrushStyle.NoBrush else ""
            if fmt.anchorHref() or background:
                found.append((fragment.text(), fmt.anchorHref(), background))
            it += 1
        block = block.next()
    return found


def test_seed_shows_entity_and_quote_highlights(make_pane: Any, qtbot: Any, library: Library, seed_id: int) -> None:
    ids = add_annotations(library, seed_id)
    pane = make_pane()
    show(qtbot, pane, seed_id)
    fragments = highlighted_fragments(pane)
    witkoff = [f for f in fragments if f[0] == "Steve Witkoff"]
    assert witkoff and witkoff[0][2] == ENTITY_COLOURS["PERSON"]
    assert parse_entity_href(witkoff[0][1]) == (ids["Steve Witkoff"], "Steve Witkoff")
    assert any(f[0] == "NATO" and f[2] == ENTITY_COLOURS["ORG"] for f in fragments)
    quoted = [f for f in fragments if "not be on the table forever" in f[0]]
    assert quoted and quoted[0][2] == "#f1f1f1"
    plain = pane.cleaned.toPlainText()
    assert "\u2014 a senior U.S. official" in plain
    assert plain.startswith("Conditional US Offer")
    assert "newsmax.com \u00b7 2025-12-15T16:46:00-05:00 \u00b7 https://www.newsmax.com/world/globaltalk/x/" in plain
    assert "Skip to main content" not in plain  # removed blocks stay out of the cleaned view
    model = pane.side_panel.entity_model
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert labels == ["PERSON", "ORG", "PLACE", "DATE"]
    assert pane.side_panel.quote_model.index(0, 0).data() == "a senior U.S. official"


def test_legend_toggle_hides_a_type_and_is_remembered(make_pane: Any, qtbot: Any, library: Library, seed_id: int,
                                                      tmp_path: Path) -> None:
    add_annotations(library, seed_id)
    pane = make_pane()
    show(qtbot, pane, seed_id)
    pane.legend.buttons["PERSON"].click()
    fragments = highlighted_fragments(pane)
    assert not any(f[0] == "Steve Witkoff" for f in fragments)
    assert any(f[0] == "NATO" for f in fragments)
    assert StateStore(tmp_path / "state.json").values[STATE_HIDDEN_LABELS] == ["PERSON"]
    again = make_pane(StateStore(tmp_path / "state.json"))
    assert not again.legend.buttons["PERSON"].isChecked()


def test_removed_lines_are_greyed_with_reason(make_pane: Any, qtbot: Any, seed_id: int) -> None:
    pane = make_pane()
    show(qtbot, pane, seed_id)
    assert pane.original.currentWidget() is pane.original.text_view
    view = pane.original.text_view
    assert view.toPlainText().splitlines()[0] == "Skip to main content"
    assert view.removed_lines() == {0: "Removed: navigation", 1: "Removed: tag list"}
    first_line = view.cursorRect(view.textCursor()).center()
    assert view.block_at(first_line) is not None and view.block_at(first_line).reason == "navigation"


def test_clicking_a_paragraph_scrolls_the_original(make_pane: Any, qtbot: Any, seed_id: int) -> None:
    pane = make_pane()
    pane.resize(900, 300)
    pane.show()
    qtbot.waitExposed(pane)
    show(qtbot, pane, seed_id)
    number = len(pane.data.paragraphs) - 1
    last = pane.data.paragraphs[number]
    view = pane.cleaned
    cursor = view.textCursor()
    cursor.setPosition(view.paragraph_position(number) + 1)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    point = view.cursorRect(cursor).center()
    assert view.paragraph_at(point) == number
    with qtbot.waitSignal(view.paragraph_clicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [number]
    text_view = pane.original.text_view
    line = int(last.block.source.split(":")[1].split("-")[0]) - 1
    assert text_view.textCursor().blockNumber() == line
    assert text_view.verticalScrollBar().value() > 0


def test_entity_menu_emits_filter_request(make_pane: Any, qtbot: Any, library: Library, seed_id: int) -> None:
    ids = add_annotations(library, seed_id)
    pane = make_pane()
    show(qtbot, pane, seed_id)
    actions = pane.commands.entity_actions(ids["NATO"], "NATO")
    assert [a.text() for a in actions] == ["Show all documents mentioning \u201cNATO\u201d", "Rename\u2026",
                                           "Merge into\u2026", "Hide \u201cNATO\u201d", "Change type\u2026"]
    with qtbot.waitSignal(pane.entity_filter_requested) as blocker:
        actions[0].trigger()
    assert blocker.args == [ids["NATO"], "NATO"]
    assert all(a.isEnabled() for a in actions)


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


def test_panes_can_be_hidden_and_stay_hidden(make_pane: Any, tmp_path: Path) -> None:
    pane = make_pane()
    pane.show()
    pane.toggle_original_action.setChecked(False)
    assert not pane.original.isVisible() and pane.cleaned.isVisible()
    pane.toggle_side_panel_action.trigger()
    assert StateStore(tmp_path / "state.json").values[STATE_HIDDEN_PANES] == ["original", "side"]
    again = make_pane(StateStore(tmp_path / "state.json"))
    again.show()
    assert not again.toggle_original_action.isChecked() and not again.original.isVisible()
    assert again.toggle_cleaned_action.isChecked() and again.cleaned.isVisible()


def test_splitter_sizes_are_remembered(make_pane: Any, tmp_path: Path) -> None:
    state = StateStore(tmp_path / "state.json")
    pane = make_pane(state)
    pane.show()
    pane.splitter.setSizes([300, 800, 200])
    pane.splitter.splitterMoved.emit(300, 1)
    sizes = state.values["reader.splitter"]
    again = make_pane(state)
    again.show()
    assert again.splitter.sizes() == sizes


def test_no_document_and_missing_document(make_pane: Any, qtbot: Any) -> None:
    pane = make_pane()
    show(qtbot, pane, None)
    assert "Select a document" in pane.cleaned.toPlainText()
    show(qtbot, pane, 4242)
    assert "no longer in the library" in pane.cleaned.toPlainText()
    assert pane.doc_id is None


def test_rename_and_hide_go_through_the_writer_and_repaint(
    make_pane: Any, qtbot: Any, library: Library, seed_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from triage_app.gui.reader.dialogs import RenameEntityDialog

    ids = add_annotations(library, seed_id)
    pane = make_pane()
    show(qtbot, pane, seed_id)
    monkeypatch.setattr(RenameEntityDialog, "ask", classmethod(lambda cls, parent, current: "Steven Witkoff"))
    rename = pane.commands.entity_actions(ids["Steve Witkoff"], "Steve Witkoff")[1]
    with qtbot.waitSignal(pane.document_changed) as changed:
        rename.trigger()
    assert changed.args == [seed_id]
    assert any(parse_entity_href(f[1]) == (ids["Steve Witkoff"], "Steven Witkoff") for f in highlighted_fragments(pane))
    hide = pane.commands.entity_actions(ids["NATO"], "NATO")[3]
    with qtbot.waitSignal(pane.document_changed):
        hide.trigger()
    assert not any(f[0] == "NATO" for f in highlighted_fragments(pane))
    org = [pane.side_panel.entity_model.index(r, 0).data() for r in range(pane.side_panel.entity_model.rowCount())]
    assert "ORG" not in org


def test_change_type_is_offered_and_goes_through_the_writer(
    make_pane: Any, qtbot: Any, library: Library, seed_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from triage_app.gui.reader.dialogs import RetypeEntityDialog

    ids = add_annotations(library, seed_id)
    pane = make_pane()
    show(qtbot, pane, seed_id)
    asked: list[tuple[str, str]] = []

    def answer(cls: Any, parent: Any, name: str, current: str) -> str:
        asked.append((name, current))
        return "PLACE"

    monkeypatch.setattr(RetypeEntityDialog, "ask", classmethod(answer))
    retype = pane.commands.entity_actions(ids["NATO"], "NATO")[4]
    assert retype.text() == "Change type\u2026"
    with qtbot.waitSignal(pane.document_changed):
        retype.trigger()
    assert asked == [("NATO", "ORG")]
    assert pane.data is not None
    assert [r["label"] for r in pane.data.summary if r["canonical"] == "NATO"] == ["PLACE"]


def test_merge_offers_entities_of_the_same_type(make_pane: Any, qtbot: Any, library: Library, seed_id: int,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from triage_app.gui.reader.dialogs import MergeEntityDialog

    ids = add_annotations(library, seed_id)
    pane = make_pane()
    show(qtbot, pane, seed_id)
    offered: list[list[tuple[int, str]]] = []

    def ask(cls: Any, parent: Any, name: str, candidates: list[tuple[int, str]]) -> int:
        offered.append(candidates)
        return ids["Steve Witkoff"]

    monkeypatch.setattr(MergeEntityDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(pane.document_changed):
        pane.commands.entity_actions(ids["Jared Kushner"], "Jared Kushner")[2].trigger()
    assert (ids["Steve Witkoff"], "Steve Witkoff") in offered[0]
    assert all(entity_id != ids["NATO"] for entity_id, _name in offered[0])
    assert not any(f[0] == "Jared Kushner" and parse_entity_href(f[1])[0] == ids["Jared Kushner"]
                   for f in highlighted_fragments(pane))


def test_block_override_from_either_pane(make_pane: Any, qtbot: Any, library: Library, seed_id: int,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Both panes offer keep/remove; the override runs on the writer thread and the reader repaints."""
    import threading

    calls: list[tuple[int, int, bool, bool, str]] = []

    def set_block_override(lib: Library, doc_id: int, index: int, kept: bool, *, site_wide: bool = False) -> None:
        calls.append((doc_id, index, kept, site_wide, threading.current_thread().name))
        with lib.transaction() as db:
            db["blocks"].update((doc_id, index), {"kept": int(kept), "reason": None if kept else "by hand"})
            kept_texts = [r[0] for r in db.execute("SELECT text FROM blocks WHERE doc_id = ? AND kept ORDER BY idx", [doc_id])]
            db["documents"].update(doc_id, {"text": "\n\n".join(kept_texts)})

    from triage_app.core.library import block_overrides as cleaning

    monkeypatch.setattr(cleaning, "set_block_override", set_block_override)
    pane = make_pane()
    show(qtbot, pane, seed_id)
    removed = pane.block(0)
    assert removed is not None and not removed.kept
    keep, keep_site = pane.commands.block_actions(removed)
    assert keep.text() == "Keep this block" and keep_site.text() == "Keep this block on every page of newsmax.com"
    with qtbot.waitSignal(pane.document_changed):
        keep_site.trigger()
    qtbot.waitUntil(lambda: not pane.original_pending)
    assert calls == [(seed_id, 0, True, True, "triage-writer")]
    assert 0 not in pane.original.text_view.removed_lines()
    kept = pane.data.paragraphs[0].block
    remove = pane.commands.block_actions(kept)[0]
    assert remove.text() == "Remove this block"
    with qtbot.waitSignal(pane.document_changed):
        remove.trigger()
    qtbot.waitUntil(lambda: not pane.original_pending)
    assert calls[-1][:4] == (seed_id, kept.index, False, False)
    assert pane.original.text_view.removed_lines()[kept.index] == "Removed: by hand"


def test_a_hand_made_block_choice_can_be_forgotten_from_the_block_menu(make_pane: Any, qtbot: Any, library: Library,
                                                                        seed_id: int) -> None:
    """Keep a removed block by hand, then "Let the cleaner decide this block again": the page is cleaned again from its
    original on the writer thread, the block is removed as the cleaner decides, and the reader repaints."""
    pane = make_pane()
    show(qtbot, pane, seed_id)
    removed = pane.block(0)
    assert removed is not None and not removed.kept
    assert [a.text() for a in pane.commands.block_actions(removed)] == [
        "Keep this block", "Keep this block on every page of newsmax.com"]  # no choice of the analyst's yet
    with qtbot.waitSignal(pane.document_changed):
        pane.commands.block_actions(removed)[0].trigger()
    qtbot.waitUntil(lambda: not pane.original_pending)
    kept = pane.block(0)
    assert kept is not None and kept.kept
    actions = pane.commands.block_actions(kept)
    assert [a.text() for a in actions][-1] == "Let the cleaner decide this block again"
    with qtbot.waitSignal(pane.document_changed):
        actions[-1].trigger()
    qtbot.waitUntil(lambda: not pane.original_pending)
    again = pane.block(0)
    assert again is not None and not again.kept and again.text == removed.text
    assert [a.text() for a in pane.commands.block_actions(again)][-1] != "Let the cleaner decide this block again"
    last = list(library.db["audit"].rows)[-1]
    assert (last["field"], last["old"], last["new"]) == ("block 0", "kept", "the cleaner's choice")


def test_clicking_an_entity_offers_its_menu(make_pane: Any, qtbot: Any, library: Library, seed_id: int) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QMenu

    ids = add_annotations(library, seed_id)
    pane = make_pane()
    pane.show()
    show(qtbot, pane, seed_id)
    href = next(f[1] for f in highlighted_fragments(pane) if f[0] == "Jared Kushner")
    with qtbot.waitSignal(pane.cleaned.entity_clicked) as clicked:
        pane.cleaned.anchorClicked.emit(QUrl(href))
    assert clicked.args[:2] == [ids["Jared Kushner"], "Jared Kushner"]
    menus = [m for m in pane.findChildren(QMenu) if m.isVisible()]
    assert menus[-1].actions()[0].text() == "Show all documents mentioning \u201cJared Kushner\u201d"
    menus[-1].close()


def test_a_mention_splits_off_its_entity_from_its_menu(
    make_pane: Any, qtbot: Any, library: Library, seed_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One of NATO's mentions in the body is another organisation: its menu splits it off, through the writer,
    recorded as a correction; the others stay NATO's."""
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QMenu

    from triage_app.gui.reader.dialogs import SplitMentionDialog

    ids = add_annotations(library, seed_id)
    pane = make_pane()
    pane.show()
    show(qtbot, pane, seed_id)
    nato = [f[1] for f in highlighted_fragments(pane) if f[0] == "NATO"]
    mentions = [parse_mention_id(href) for href in nato]
    assert len(nato) == len(set(mentions)) == 4 and None not in mentions  # the fifth is in the headline
    asked: list[tuple[str, str]] = []

    def answer(cls: Any, parent: Any, mention: str, entity: str) -> str:
        asked.append((mention, entity))
        return "NATO Parliamentary Assembly"

    monkeypatch.setattr(SplitMentionDialog, "ask", classmethod(answer))
    with qtbot.waitSignal(pane.cleaned.entity_clicked) as clicked:
        pane.cleaned.anchorClicked.emit(QUrl(nato[1]))
    assert clicked.args[:3] == [ids["NATO"], "NATO", mentions[1]]
    menu = [m for m in pane.findChildren(QMenu) if m.isVisible()][-1]
    split = next(a for a in menu.actions() if a.text() == "Split this mention off\u2026")
    menu.close()
    with qtbot.waitSignal(pane.document_changed):
        split.trigger()
    assert asked == [("NATO", "NATO")]
    after = [parse_entity_href(f[1]) for f in highlighted_fragments(pane) if f[0] == "NATO"]
    assert len(after) == 4 and after[0] == after[2] == after[3] == (ids["NATO"], "NATO")
    assert after[1] is not None and after[1][1] == "NATO Parliamentary Assembly" and after[1][0] != ids["NATO"]
    kinds = [r[0] for r in library.db.execute("SELECT kind FROM entity_corrections").fetchall()]
    assert kinds == ["split"]


def test_the_cleaned_views_menu_on_a_mention(make_pane: Any, qtbot: Any, library: Library, seed_id: int) -> None:
    """Right-click on a mention: the entity's actions with the split, the block's, and no "Copy Link Location" (the
    link is the reader's own address)."""
    from PySide6.QtWidgets import QMenu

    ids = add_annotations(library, seed_id)
    pane = make_pane()
    pane.show()
    show(qtbot, pane, seed_id)
    href = next(f[1] for f in highlighted_fragments(pane) if f[0] == "NATO")
    mention = parse_mention_id(href)
    assert mention is not None
    cursor = pane.cleaned.document().find("NATO")  # the first in the body: the title's carries no link
    while cursor.charFormat().anchorHref() != href:
        cursor = pane.cleaned.document().find("NATO", cursor)
    cursor.setPosition(cursor.selectionStart() + 2)
    inside = pane.cleaned.cursorRect(cursor).center()
    assert pane.cleaned.anchorAt(inside) == href
    pane._on_cleaned_menu(1, ids["NATO"], "NATO", mention, pane.cleaned.viewport().mapToGlobal(inside))
    menu = [m for m in pane.findChildren(QMenu) if m.isVisible()][-1]
    texts = [a.text() for a in menu.actions()]
    menu.close()
    assert "Split this mention off\u2026" in texts and "Remove this block" in texts
    assert not any("Link Location" in t for t in texts)


def test_an_entity_menu_without_a_mention_offers_no_split(make_pane: Any, library: Library, seed_id: int, qtbot: Any) -> None:
    ids = add_annotations(library, seed_id)
    pane = make_pane()
    show(qtbot, pane, seed_id)
    texts = [a.text() for a in pane.commands.entity_actions(ids["NATO"], "NATO")]  # the side panel's menu: no mention
    assert "Split this mention off\u2026" not in texts and "Rename\u2026" in texts
    stale = [a.text() for a in pane.commands.entity_actions(ids["NATO"], "NATO", 10**6)]  # not this document's
    assert "Split this mention off\u2026" not in stale


def test_entity_links_name_the_mention_and_survive_odd_names() -> None:
    href = entity_href(7, "AT&T? Inc./Group", 42)
    assert parse_entity_href(href) == (7, "AT&T? Inc./Group")
    assert parse_mention_id(href) == 42
    assert parse_mention_id(entity_href(7, "NATO")) is None and parse_entity_href(entity_href(7, "NATO")) == (7, "NATO")
    assert parse_mention_id("https://example.org/?mention=3") is None


def test_removed_line_tooltip_gives_the_reason(make_pane: Any, qtbot: Any, seed_id: int) -> None:
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    pane = make_pane()
    pane.show()
    show(qtbot, pane, seed_id)
    view = pane.original.text_view
    pos = view.cursorRect(view.textCursor()).center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.text() == "Removed: navigation"
    QToolTip.hideText()


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


def test_seed_imported_by_the_real_pipeline_shows_what_the_cleaner_removed(
    make_pane: Any, qtbot: Any, library: Library, seeds_copy: Path
) -> None:
    from triage_app.core.jobs import import_documents

    outcomes = [p.result for p in import_documents(library, [seeds_copy]) if p.result is not None]
    doc_id = next(o.doc_id for o in outcomes if o.status == "imported")
    with library.transaction() as db:
        db["documents"].update(doc_id, {"annotated_engine": "test-rows"})
    removed = [b for b in documents.get_blocks(library.db, doc_id) if not b.kept]
    assert removed, "the seed's navigation and tag lines are boilerplate"
    pane = make_pane()
    show(qtbot, pane, doc_id)
    shown = pane.original.text_view.removed_lines()
    lines = pane.original.text_view.toPlainText().splitlines()
    assert lines[0] == "Skip to main content" and 0 in shown
    for block in removed:
        first = int(block.source.split(":")[1].split("-")[0]) - 1
        assert shown[first] == f"Removed: {block.reason}"
    assert "Skip to main content" not in pane.cleaned.toPlainText()


def test_original_is_loaded_after_the_cleaned_view_and_cancelled_by_the_next(
    make_pane: Any, qtbot: Any, library: Library, seed_id: int
) -> None:
    """The cleaned view is there at once; the original follows; showing something else cancels it."""
    pane = make_pane()
    pane.show()
    qtbot.waitExposed(pane)
    ready: list[int] = []
    pane.original_ready.connect(ready.append)
    pane.show_document(seed_id)
    assert pane.original_pending and "Witkoff" in pane.cleaned.toPlainText()
    assert pane.original.currentWidget() is not pane.original.text_view
    with qtbot.assertNotEmitted(pane.original_ready, wait=50):  # the next document cancels the original
        pane.show_document(None)
        assert not pane.original_pending
    assert ready == [] and pane.original.doc_id is None
    with qtbot.waitSignal(pane.original_ready) as shown:
        pane.show_document(seed_id)
    assert shown.args == [seed_id] and ready == [seed_id]
    assert pane.original.currentWidget() is pane.original.text_view and pane.original.doc_id == seed_id
    pane.show_document(None)
    with qtbot.assertNotEmitted(pane.original_ready, wait=50):
        pane.show_document(seed_id)
        pane.hide()  # a hidden pane holds its original back until it is shown again
    assert not pane.original_pending and pane.original.doc_id is None
    with qtbot.waitSignal(pane.original_ready):
        pane.show()
    assert pane.original.doc_id == seed_id


def test_a_pane_off_screen_loads_its_original_at_once(make_pane: Any, seed_id: int) -> None:
    pane = make_pane()
    pane.show_document(seed_id)
    assert not pane.original_pending and pane.original.currentWidget() is pane.original.text_view


def test_entity_count_column_has_a_fixed_width_that_fits_its_header(make_pane: Any, qtbot: Any, seed_id: int) -> None:
    from PySide6.QtWidgets import QHeaderView

    pane = make_pane()
    show(qtbot, pane, seed_id)
    header = pane.side_panel.entity_view.header()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Fixed
    assert header.sectionSize(1) > header.fontMetrics().horizontalAdvance("Mentions")
    assert header.sectionSize(1) == pane.side_panel.count_column_width()
