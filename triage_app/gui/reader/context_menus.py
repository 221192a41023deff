"""The reader's context menus, built from its commands: an entity's, the cleaned text's and the original's.

Their texts keep the pane's translation context ("ReaderPane"), where the catalogue has them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint
from PySide6.QtWidgets import QMenu, QWidget

from triage_app.gui.i18n import removal_reason
from triage_app.gui.reader.cleaned_view import CleanedView
from triage_app.gui.reader.commands import ReaderCommands
from triage_app.gui.reader.reader_data import ReaderData


def entity_menu(parent: QWidget, commands: ReaderCommands, entity_id: int, name: str, mention_id: int) -> QMenu:
    """An entity's actions; a mention's (`mention_id` >= 0) can also be split off."""
    menu = QMenu(parent)
    menu.addActions(commands.entity_actions(entity_id, name, mention_id))
    return menu


def cleaned_text_menu(
    parent: QWidget,
    cleaned: CleanedView,
    commands: ReaderCommands,
    data: ReaderData | None,
    paragraph: int,
    entity_id: int,
    name: str,
    mention_id: int,
    pos: QPoint,
) -> QMenu:
    """The cleaned view's standard menu at global `pos`, plus the actions of the paragraph and entity under it (-1: none)."""
    menu = cleaned.createStandardContextMenu(cleaned.viewport().mapFromGlobal(pos))
    menu.setParent(parent, menu.windowFlags())
    for action in menu.actions():
        if action.objectName() == "link-copy":  # an entity's link is the reader's own address, of no use elsewhere
            menu.removeAction(action)
    if entity_id >= 0:
        menu.addSeparator()
        menu.addActions(commands.entity_actions(entity_id, name, mention_id))
    if data is not None and 0 <= paragraph < len(data.paragraphs):
        block = data.paragraphs[paragraph].block
        if block is not None:
            menu.addSeparator()
            menu.addActions(commands.block_actions(block))
    if (encoding := commands.encoding_action()) is not None:
        menu.addSeparator()
        menu.addAction(encoding)
    return menu


def original_block_menu(parent: QWidget, commands: ReaderCommands, data: ReaderData, index: int) -> QMenu:
    """The original's menu on block `index`: its actions, the removed blocks to put back, the encoding."""
    menu = QMenu(parent)
    block = next((b for b in data.blocks if b.index == index), None)
    if block is not None:
        menu.addActions(commands.block_actions(block))
    removed = [b for b in data.blocks if not b.kept]
    if removed:
        sub = menu.addMenu(QCoreApplication.translate("ReaderPane", "Put back a removed block"))
        for b in removed[:40]:
            preview = b.text if len(b.text) < 60 else b.text[:57] + "\u2026"
            for action in commands.block_actions(b)[:1]:
                action.setText(f"{preview}  ({removal_reason(b.reason)})")
                sub.addAction(action)
    if (encoding := commands.encoding_action()) is not None:
        menu.addSeparator()
        menu.addAction(encoding)
    return menu


class ReaderMenus(QObject):
    """Pops up the reader pane's menus for the document it shows (its `data`, `commands`, `cleaned`, `original`)."""

    def __init__(self, pane: Any) -> None:
        super().__init__(pane)
        self._pane = pane

    def entity(self, entity_id: int, name: str, pos: QPoint) -> None:
        """An entity's menu (from the side panel)."""
        self.mention(entity_id, name, -1, pos)

    def mention(self, entity_id: int, name: str, mention_id: int, pos: QPoint) -> None:
        """A mention's menu (a click on it in the cleaned text)."""
        entity_menu(self._pane, self._pane.commands, entity_id, name, mention_id).popup(pos)

    def cleaned(self, paragraph: int, entity_id: int, name: str, mention_id: int, pos: QPoint) -> None:
        """The cleaned text's context menu."""
        pane = self._pane
        cleaned_text_menu(pane, pane.cleaned, pane.commands, pane.data, paragraph, entity_id, name, mention_id, pos).popup(pos)

    def block(self, index: int, pos: QPoint) -> None:
        """An original block's context menu; none while the previous page's original is still on show."""
        pane = self._pane
        if pane.data is None or pane.original.doc_id != pane.data.doc_id:
            return
        menu = original_block_menu(pane, pane.commands, pane.data, index)
        if not menu.isEmpty():
            menu.popup(pos)
