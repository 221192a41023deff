"""Removing documents from the window: Delete (Document > Remove from library…) asks, then removes on the writer.

What a removal takes with it is `core/library/removal.py`'s; here the question, and the list, reader, undo stack
and review model brought up to date afterwards. The removed rows are kept for Edit > Undo (`removal_undo.py`) while
the window is open. The list keeps its place: the row below the removed ones becomes
the current one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from triage_app.core.library.documents import get_document
from triage_app.core.library.removal_undo import RemovedRows, remove_keeping_rows

if TYPE_CHECKING:
    from triage_app.gui.main_window import MainWindow


class RemovalUi(QObject):
    """Wires the "remove" action of the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.actions_by_name["remove"].triggered.connect(lambda _checked=False: self.remove_selected())
        window.triage.documents_restored.connect(self._restored)
        window.triage.documents_gone.connect(self._gone)

    def confirm(self, count: int, title: str) -> bool:
        """Ask before removing `count` documents (`title`: the first one's); True to remove. Cancel is the default."""
        if count == 1:
            question = self.tr("Remove “{title}” from the library?").format(title=title)
        else:
            question = self.tr("Remove %n document(s) from the library?", "", count)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Remove from library"), question, parent=self._window)
        box.setInformativeText(self.tr("Their originals, cleaned text, entities, quotes, tags, notes and decisions are deleted; Edit > Undo brings them back while Triage stays open. The audit log keeps a line for each."))
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is remove

    def remove_selected(self) -> None:
        """Ask, then remove the selected documents (nothing when none is selected)."""
        window = self._window
        ids = window.triage_ui.present(window.selected_ids())
        if not ids:
            return
        title = str(get_document(window.library.db, ids[0]).get("title") or "") if len(ids) == 1 else ""
        if not self.confirm(len(ids), title):
            return
        following = self._next_listed(ids)
        window.runner.call(
            lambda library: remove_keeping_rows(library, ids, origin="app"),
            lambda result: self._removed(result[0], result[1], following),
            window.show_error,
        )

    def _next_listed(self, ids: list[int]) -> int | None:
        """The listed document to show once `ids` are gone: the first one below the first of them, else above."""
        model, gone = self._window.documents, set(ids)
        rows = sorted(row for row in (model.row_of(d) for d in ids) if row is not None)
        if not rows:
            return None
        for row in [*range(rows[0] + 1, model.rowCount()), *range(rows[0] - 1, -1, -1)]:
            doc_id = model.id_at(row)
            if doc_id not in gone:
                return doc_id
        return None

    def _removed(self, removed: list[int], kept: RemovedRows | None, following: int | None) -> None:
        window = self._window
        if window.closing:
            return
        window.triage.removed(removed, kept)
        if window.current_id() in removed and following is not None:
            window.select_document(following, scroll=False)  # before the list forgets the removed rows
        window.refresh_choices()
        window.library_view.reload()
        window.review.request()
        if kept is not None:
            text = self.tr("Removed %n document(s) from the library (Ctrl+Z brings them back)", "", len(removed))
        else:
            text = self.tr("Removed %n document(s) from the library (too large to keep for an undo)", "", len(removed))
        window.statusBar().showMessage(text, 8000)

    def _restored(self, restored: list[int]) -> None:
        """An undo brought removed documents back: list them and show the first."""
        window = self._window
        if window.closing or not restored:
            return
        window.refresh_choices()
        window.library_view.reload()
        window.select_document(restored[0])
        window.review.request()

    def _gone(self, gone: list[int]) -> None:
        """A decision found documents another program removed: forget them and list the library as it is."""
        window = self._window
        if window.closing:
            return
        window.triage.forget(gone)
        window.refresh_choices()
        window.library_view.reload()
        listed = ", ".join(f"#{doc_id}" for doc_id in gone)
        window.statusBar().showMessage(self.tr("No longer in the library (removed by another program): {ids}").format(ids=listed), 8000)
