"""The reader's editing commands: entity corrections and block overrides, each run through the writer."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from triage_app.core.library import annotation_queries, block_overrides, entity_corrections
from triage_app.core.library.db import Library
from triage_app.core.records import Block
from triage_app.gui.reader.dialogs import (
    EncodingDialog,
    MergeEntityDialog,
    RenameEntityDialog,
    RetypeEntityDialog,
    SplitMentionDialog,
)
from triage_app.gui.reader.reader_data import ReaderData
from triage_app.gui.workers import TaskRunner


class ReaderCommands(QObject):
    """Builds the context-menu actions for entities and blocks of the shown document."""

    entity_filter_requested = Signal(int, str)
    changed = Signal(int, str)  # doc id, what changed ("entities" | "blocks")
    failed = Signal(str)  # a one-line message for the reader's status line

    def __init__(self, runner: TaskRunner, library: Library, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self._runner = runner
        self._library = library
        self._parent = dialog_parent
        self.data: ReaderData | None = None
        self._writes: list[Future[Any]] = []

    @property
    def busy(self) -> bool:
        """True while a correction or override sent to the writer has not come back."""
        self._writes = [f for f in self._writes if not f.done()]
        return bool(self._writes)

    def _write(
        self, fn: Callable[[Library], Any], on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._writes.append(self._runner.call(fn, on_done, on_error))

    # -- entities ------------------------------------------------------------------------
    def entity_actions(self, entity_id: int, name: str, mention_id: int = -1) -> list[QAction]:
        """The entity menu: "Show all documents mentioning X", "Rename…", "Merge into…", "Hide", "Change type…", and for a mention
        of the shown document (`mention_id` >= 0) "Split this mention off…"."""
        show = QAction(self.tr("Show all documents mentioning \u201c{name}\u201d").format(name=name), self._parent)
        show.triggered.connect(lambda: self.entity_filter_requested.emit(entity_id, name))
        rename = QAction(self.tr("Rename\u2026"), self._parent)
        rename.triggered.connect(lambda: self.rename_entity(entity_id, name))
        merge = QAction(self.tr("Merge into\u2026"), self._parent)
        merge.triggered.connect(lambda: self.merge_entity(entity_id, name))
        hide = QAction(self.tr("Hide \u201c{name}\u201d").format(name=name), self._parent)
        hide.setToolTip(self.tr("Stop highlighting and listing this entity (it can be shown again from the entity list)"))
        hide.triggered.connect(lambda: self.hide_entity(entity_id))
        retype = QAction(self.tr("Change type\u2026"), self._parent)
        retype.setToolTip(self.tr("The entity is of another kind (a person tagged as a place, ...)"))
        retype.triggered.connect(lambda: self.retype_entity(entity_id, name))
        actions = [show, rename, merge, hide, retype]
        mention = self._mention_text(mention_id)
        if mention is not None:
            split = QAction(self.tr("Split this mention off\u2026"), self._parent)
            split.setToolTip(
                self.tr("This \u201c{mention}\u201d is another entity than \u201c{name}\u201d; its other mentions stay")
                .format(mention=mention, name=name)
            )
            split.triggered.connect(lambda: self.split_mention(mention_id, mention, name))
            actions.append(split)
        forms = annotation_queries.mention_forms(self._library.db, entity_id)
        if len(forms) > 1:
            merged = QAction(self.tr("Merged from: {names}").format(names=", ".join(forms)), self._parent)
            merged.setToolTip(self.tr("The ways this entity is written in the library's documents"))
            merged.setEnabled(False)
            actions.insert(0, merged)
        return actions

    def _mention_text(self, mention_id: int) -> str | None:
        """The words of a mention of the shown document, None when it is not one of them."""
        if self.data is None or mention_id < 0:
            return None
        row = next((r for r in self.data.entities if r.get("mention_id") == mention_id), None)
        return " ".join(str(row["text"]).split()) if row is not None else None

    def split_mention(self, mention_id: int, mention: str, name: str) -> None:
        other = SplitMentionDialog.ask(self._parent, mention, name)
        if other:
            self._write_entities(lambda lib: entity_corrections.split_mention(lib, mention_id, other))

    def _write_entities(self, fn: Callable[[Library], Any]) -> None:
        doc_id = self.data.doc_id if self.data else -1
        self._write(fn, lambda _result: self.changed.emit(doc_id, "entities"))

    def rename_entity(self, entity_id: int, name: str) -> None:
        new_name = RenameEntityDialog.ask(self._parent, name)
        if new_name:
            self._write_entities(lambda lib: entity_corrections.rename_entity(lib, entity_id, new_name))

    def retype_entity(self, entity_id: int, name: str) -> None:
        current = next((str(r["label"]) for r in self.data.summary if int(r["entity_id"]) == entity_id), "") if self.data else ""
        label = RetypeEntityDialog.ask(self._parent, name, current)
        if label:
            self._write_entities(lambda lib: entity_corrections.retype_entity(lib, entity_id, label))

    def merge_candidates(self, entity_id: int) -> list[tuple[int, str]]:
        """Entities of the same type: this document's first, then the library's."""
        if self.data is None:
            return []
        label = next((r["label"] for r in self.data.summary if int(r["entity_id"]) == entity_id), None)
        seen: dict[int, str] = {
            int(r["entity_id"]): str(r["canonical"])
            for r in self.data.summary
            if r["label"] == label and int(r["entity_id"]) != entity_id
        }
        for row in annotation_queries.list_entities(self._library.db, label=label, limit=500):
            if int(row["entity_id"]) != entity_id:
                seen.setdefault(int(row["entity_id"]), str(row["canonical"]))
        return list(seen.items())

    def merge_entity(self, entity_id: int, name: str) -> None:
        keep_id = MergeEntityDialog.ask(self._parent, name, self.merge_candidates(entity_id))
        if keep_id is not None:
            self._write_entities(lambda lib: entity_corrections.merge_entities(lib, keep_id, entity_id))

    def hide_entity(self, entity_id: int) -> None:
        self._write_entities(lambda lib: entity_corrections.set_entity_hidden(lib, entity_id, True))

    # -- blocks --------------------------------------------------------------------------
    def block_actions(self, block: Block) -> list[QAction]:
        """"Keep/Remove this block", the same "on every page of SITE", and, when the analyst's choice decides the
        block, "Let the cleaner decide this block again" (for the page or the site, as the choice was made)."""
        site = str(self.data.doc.get("site") or "") if self.data else ""
        here = QAction(self.tr("Remove this block") if block.kept else self.tr("Keep this block"), self._parent)
        here.triggered.connect(lambda: self.set_block_kept(block.index, not block.kept, site_wide=False))
        actions = [here]
        if site:
            text = self.tr("Remove this block on every page of {site}") if block.kept else self.tr("Keep this block on every page of {site}")
            everywhere = QAction(text.format(site=site), self._parent)
            everywhere.triggered.connect(lambda: self.set_block_kept(block.index, not block.kept, site_wide=True))
            actions.append(everywhere)
        choice = block_overrides.block_override(self._library.db, self.data.doc_id, block.index) if self.data else None
        if choice is not None:
            text = (
                self.tr("Let the cleaner decide this block again on every page of {site}").format(site=site)
                if choice.site_wide
                else self.tr("Let the cleaner decide this block again")
            )
            forget = QAction(text, self._parent)
            forget.setToolTip(
                self.tr("Forget your choice to keep or remove it; the page is cleaned again from its original")
                if not choice.site_wide
                else self.tr("Forget your choice for the whole site; its pages with this block are cleaned again from their originals")
            )
            forget.triggered.connect(lambda: self.forget_block_choice(block.index, site_wide=choice.site_wide))
            actions.append(forget)
        return actions

    def set_block_kept(self, index: int, kept: bool, *, site_wide: bool) -> None:
        if self.data is None:
            return
        doc_id = self.data.doc_id
        self._write(
            lambda lib: block_overrides.set_block_override(lib, doc_id, index, kept, site_wide=site_wide),
            lambda _result: self.changed.emit(doc_id, "blocks"),
        )

    def forget_block_choice(self, index: int, *, site_wide: bool) -> None:
        if self.data is None:
            return
        doc_id = self.data.doc_id
        self._write(
            lambda lib: block_overrides.clear_block_override(lib, doc_id, index, site_wide=site_wide),
            lambda _result: self.changed.emit(doc_id, "blocks"),
            lambda exc: self.failed.emit(self.tr("Cannot let the cleaner decide block {index} again: {reason}").format(index=index, reason=exc)),
        )

    # -- encoding ------------------------------------------------------------------------
    def encoding_action(self) -> QAction | None:
        """"Re-open with encoding… (now cp1252)" for a text or HTML document, None for other formats."""
        from triage_app.core.ingest.charset_choice import REOPENABLE_FORMATS

        if self.data is None or self.data.doc.get("format") not in REOPENABLE_FORMATS:
            return None
        current = str(self.data.doc.get("charset") or "utf-8")
        action = QAction(self.tr("Re-open with encoding… (now {encoding})").format(encoding=current), self._parent)
        action.setToolTip(self.tr("Decode the original with another encoding and clean it again (recorded in the audit log)"))
        action.triggered.connect(lambda: self.reopen_with_encoding(current))
        return action

    def reopen_with_encoding(self, current: str) -> None:
        from triage_app.core.library.encoding import COMMON_ENCODINGS, reopen_with_encoding

        if self.data is None:
            return
        choice = EncodingDialog.ask(self._parent, current, COMMON_ENCODINGS)
        if choice is None:
            return
        doc_id = self.data.doc_id
        self._write(
            lambda lib: reopen_with_encoding(lib, doc_id, choice, origin="app"),
            lambda _result: self.changed.emit(doc_id, "blocks"),
            lambda exc: self.failed.emit(self.tr("Cannot re-open #{id}: {reason}").format(id=doc_id, reason=exc)),
        )
