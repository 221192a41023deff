"""The reader's editing commands: entity corrections and block overrides, each run through the writer."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from triage_app.core.library import annotations as annotation_store
from triage_app.core.library import cleaning
from triage_app.core.library.db import Library
from triage_app.core.records import Block
from triage_app.gui.reader.dialogs import MergeEntityDialog, RenameEntityDialog, RetypeEntityDialog
from triage_app.gui.reader.reader_data import ReaderData
from triage_app.gui.workers import TaskRunner


class ReaderCommands(QObject):
    """Builds the context-menu actions for entities and blocks of the shown document."""

    entity_filter_requested = Signal(int, str)
    changed = Signal(int, str)  # doc id, what changed ("entities" | "blocks")

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

    def _write(self, fn: Callable[[Library], Any], on_done: Callable[[Any], None]) -> None:
        self._writes.append(self._runner.call(fn, on_done))

    # -- entities ------------------------------------------------------------------------
    def entity_actions(self, entity_id: int, name: str) -> list[QAction]:
        """"Show all documents mentioning X", "Rename…", "Merge into…", "Hide", "Change type…"."""
        show = QAction(f"Show all documents mentioning \u201c{name}\u201d", self._parent)
        show.triggered.connect(lambda: self.entity_filter_requested.emit(entity_id, name))
        rename = QAction("Rename\u2026", self._parent)
        rename.triggered.connect(lambda: self.rename_entity(entity_id, name))
        merge = QAction("Merge into\u2026", self._parent)
        merge.triggered.connect(lambda: self.merge_entity(entity_id, name))
        hide = QAction(f"Hide \u201c{name}\u201d", self._parent)
        hide.setToolTip("Stop highlighting and listing this entity (it can be shown again from the entity list)")
        hide.triggered.connect(lambda: self.hide_entity(entity_id))
        retype = QAction("Change type\u2026", self._parent)
        retype.setToolTip("The entity is of another kind (a person tagged as a place, ...)")
        retype.triggered.connect(lambda: self.retype_entity(entity_id, name))
        return [show, rename, merge, hide, retype]

    def _write_entities(self, fn: Callable[[Library], Any]) -> None:
        doc_id = self.data.doc_id if self.data else -1
        self._write(fn, lambda _result: self.changed.emit(doc_id, "entities"))

    def rename_entity(self, entity_id: int, name: str) -> None:
        new_name = RenameEntityDialog.ask(self._parent, name)
        if new_name:
            self._write_entities(lambda lib: annotation_store.rename_entity(lib, entity_id, new_name))

    def retype_entity(self, entity_id: int, name: str) -> None:
        current = next((str(r["label"]) for r in self.data.summary if int(r["entity_id"]) == entity_id), "") if self.data else ""
        label = RetypeEntityDialog.ask(self._parent, name, current)
        if label:
            self._write_entities(lambda lib: annotation_store.retype_entity(lib, entity_id, label))

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
        for row in annotation_store.list_entities(self._library.db, label=label, limit=500):
            if int(row["entity_id"]) != entity_id:
                seen.setdefault(int(row["entity_id"]), str(row["canonical"]))
        return list(seen.items())

    def merge_entity(self, entity_id: int, name: str) -> None:
        keep_id = MergeEntityDialog.ask(self._parent, name, self.merge_candidates(entity_id))
        if keep_id is not None:
            self._write_entities(lambda lib: annotation_store.merge_entities(lib, keep_id, entity_id))

    def hide_entity(self, entity_id: int) -> None:
        self._write_entities(lambda lib: annotation_store.set_entity_hidden(lib, entity_id, True))

    # -- blocks --------------------------------------------------------------------------
    def block_actions(self, block: Block) -> list[QAction]:
        """"Keep/Remove this block" and the same "on every page of SITE"."""
        site = str(self.data.doc.get("site") or "") if self.data else ""
        verb = "Remove" if block.kept else "Keep"
        here = QAction(f"{verb} this block", self._parent)
        here.triggered.connect(lambda: self.set_block_kept(block.index, not block.kept, site_wide=False))
        actions = [here]
        if site:
            everywhere = QAction(f"{verb} this block on every page of {site}", self._parent)
            everywhere.triggered.connect(lambda: self.set_block_kept(block.index, not block.kept, site_wide=True))
            actions.append(everywhere)
        return actions

    def set_block_kept(self, index: int, kept: bool, *, site_wide: bool) -> None:
        if self.data is None:
            return
        doc_id = self.data.doc_id
        self._write(
            lambda lib: cleaning.set_block_override(lib, doc_id, index, kept, site_wide=site_wide),
            lambda _result: self.changed.emit(doc_id, "blocks"),
        )
