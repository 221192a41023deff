"""A library made by an earlier Triage is brought up to the current cleaner when the window opens: in the background
(the window is usable at once), each document audited, its decisions kept, the list and the reader refreshed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from triage_app.core.clean import CLEAN_ENGINE
from triage_app.core.library import Library, triage, upgrade
from triage_app.core.library.documents import get_document
from triage_app.gui.import_controller import UPGRADE

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform

OLD = "triage-clean/1.2"


def _age(path: Path, doc_ids: list[int], engine: str) -> None:
    library = Library.open(path)
    with library.transaction() as db:
        for doc_id in doc_ids:
            db.execute("UPDATE documents SET clean_engine = ?, text = 'what the old cleaner kept' WHERE id = ?", [engine, doc_id])
    triage.set_relevance(library, doc_ids[0], "relevant")
    library.close()


def test_documents_of_an_earlier_cleaner_are_re_cleaned_when_the_window_opens(qtbot: Any, make_window: Any, pages: list[Path]) -> None:
    make_window.populate(pages)
    _age(make_window.path, [2, 3], OLD)
    _age(make_window.path, [1], "")  # not this cleaner's: left alone
    window = make_window()
    make_window.wait_idle(window)
    for doc_id in (2, 3):
        doc = get_document(window.library.db, doc_id)
        assert doc["clean_engine"] == CLEAN_ENGINE and doc["text"] != "what the old cleaner kept"
    assert get_document(window.library.db, 2)["relevance"] == "relevant"
    assert get_document(window.library.db, 1)["text"] == "what the old cleaner kept"
    assert window.statusBar().currentMessage() == "2 documents re-cleaned with this version of the cleaner"
    rows = [r for r in triage.audit_log(window.library.db) if r["field"] == "clean_engine"]
    assert sorted((r["doc_id"], r["old"], r["origin"]) for r in rows) == [(2, OLD, upgrade.UPGRADE), (3, OLD, upgrade.UPGRADE)]
    shown = window.reader_pane.data  # the document shown at start-up (the newest) is shown again with its new text
    assert shown is not None and shown.doc_id == 3 and "what the old cleaner kept" not in shown.doc["text"]


def test_an_up_to_date_library_starts_no_re_clean(qtbot: Any, make_window: Any, pages: list[Path]) -> None:
    make_window.populate(pages)
    window = make_window()
    assert not any(step.kind == UPGRADE for step in window.imports._queue)
    current = window.imports._current
    assert current is None or current[0].kind != UPGRADE
