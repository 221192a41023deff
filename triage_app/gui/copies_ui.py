"""Copies, versions and time in the window: cluster decisions, what changed, the list's context menu,
and clustering in the background (at start-up for documents not yet compared, and after imports)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu

from triage_app.core.library import near_dup_clusters, near_dups, text_diff
from triage_app.gui.dialogs.diff_dialog import DiffDialog

if TYPE_CHECKING:
    from triage_app.gui.main_window import MainWindow

APPLY_TO_COPIES = "apply_to_copies"
"""Window-state key: whether decisions follow to the copies."""


class CopiesUi(QObject):
    """Wires the copies actions, the list's context menu and background clustering into the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        acts = window.actions_by_name
        apply = acts["apply_to_copies"]
        apply.setChecked(bool(window.state.values.get(APPLY_TO_COPIES, False)))
        window.triage.apply_to_copies = apply.isChecked()
        apply.toggled.connect(self._apply_toggled)
        acts["what_changed"].triggered.connect(lambda _checked=False: self.show_changes())
        table = window.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        window.reader_pane.document_changed.connect(self._reader_changed)
        if near_dups.pending_ids(window.library.db):
            window.imports.cluster_in_background()

    def _reader_changed(self, _doc_id: int) -> None:
        """A block kept or removed by hand changes the cleaned text: compare the document again."""
        if near_dups.pending_ids(self._window.library.db):
            self._window.imports.cluster_in_background()

    def _apply_toggled(self, on: bool) -> None:
        self._window.triage.apply_to_copies = on
        self._window.state.values[APPLY_TO_COPIES] = on

    def pair(self) -> tuple[int, int] | None:
        """The two documents to compare: the two selected, else the current one and its partner."""
        ids = self._window.selected_ids()
        if len(ids) == 2:
            return min(ids), max(ids)
        current = self._window.current_id()
        if current is None:
            return None
        other = text_diff.partner(self._window.library.db, current)
        if other is None:
            return None
        return (other, current) if other < current else (current, other)

    def show_changes(self) -> None:
        """Open the side-by-side diff, or say why there is nothing to compare."""
        chosen = self.pair()
        if chosen is None:
            self._window.statusBar().showMessage(
                self.tr("Nothing to compare: select two documents, or one with copies or another capture."), 5000
            )
            return
        DiffDialog.ask(self._window, text_diff.diff_documents(self._window.library.db, *chosen))

    def show_copies(self, doc_id: int) -> None:
        """List only the cluster of `doc_id` (a search on its ids)."""
        info = near_dup_clusters.cluster_info(self._window.library.db, doc_id)
        if info is not None:
            from dataclasses import replace

            bar = self._window.filter_bar
            bar.collapse.setChecked(False)
            self._window.documents.set_filter(replace(bar.current_filter(), ids=info["members"]))

    def _context_menu(self, pos: QPoint) -> None:
        window = self._window
        index = window.table.indexAt(pos)
        doc_id = window.documents.id_at(index.row()) if index.isValid() else None
        if doc_id is None:
            return
        if doc_id not in window.selected_ids():
            window.select_document(doc_id, scroll=False)
        menu = QMenu(window.table)
        menu.addAction(window.actions_by_name["what_changed"])
        info = near_dup_clusters.cluster_info(window.library.db, doc_id)
        if info is not None:
            action = menu.addAction(
                self.tr("Show its %n copies", "", info["size"]) + " (" + self.tr("%n independent site(s)", "", info["sites"]) + ")"
            )
            action.triggered.connect(lambda _checked=False, d=doc_id: self.show_copies(d))
        menu.addAction(window.actions_by_name["apply_to_copies"])
        menu.popup(window.table.viewport().mapToGlobal(pos))
