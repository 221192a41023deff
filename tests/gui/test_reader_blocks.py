"""The reader pane's block menus: keep or remove a block from either pane, hand a choice back to the cleaner."""

from __future__ import annotations

from typing import Any

import pytest
import reader_support
from reader_support import show

from triage_app.core.library import Library

pytestmark = reader_support.QT_LOG_IGNORE

make_pane = reader_support.make_pane  # pytest fixtures, found by name
seed_id = reader_support.seed_id


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
