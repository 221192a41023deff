"""The reader pane's entity menus and corrections: filter, rename, hide, retype, merge, split a mention off."""

from __future__ import annotations

from typing import Any

import pytest
import reader_support
from reader_support import add_annotations, highlighted_fragments, show

from triage_app.core.library import Library
from triage_app.gui.reader.cleaned_html import entity_href, parse_entity_href, parse_mention_id

pytestmark = reader_support.QT_LOG_IGNORE

make_pane = reader_support.make_pane  # pytest fixtures, found by name
seed_id = reader_support.seed_id


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
    pane.menus.cleaned(1, ids["NATO"], "NATO", mention, pane.cleaned.viewport().mapToGlobal(inside))
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
