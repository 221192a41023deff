"""Shared set-up (no tests) for the reader pane tests on the seed text dump: the seed document, annotations, panes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from tests.conftest import SEED_TXT
from triage_app.core.library import Library, documents
from triage_app.core.library.writer import LibraryWriter
from triage_app.core.records import Block, CleanResult, ParsedDocument
from triage_app.core.settings import Settings, StateStore
from triage_app.gui.reader.pane import ReaderPane
from triage_app.gui.reader.scheme import register_scheme
from triage_app.gui.workers import TaskRunner

os.environ.setdefault("QSG_RHI_BACKEND", "null")
register_scheme()

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


QT_LOG_IGNORE = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",  # menus and tooltips on the offscreen platform
    "This plugin does not support grabbing the keyboard",
)
"""The offscreen platform's warnings the reader's tests expect (each test module's `pytestmark`)."""
