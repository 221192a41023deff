"""Removing documents from the window: Delete (Document > Remove from library…) asks, then removes on the writer.

What a removal takes with it is `core/library/removal.py`'s; here the question, and the list, reader, undo stack
and review model brought up to date afterwards. The list keeps its place: the row below the removed ones becomes
the current one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from triage_app.core.library.documents import get_document
from triage_app.core.library.removal import remove_documents

if TYPE_CHECKING:
    from triage_app.gui.main_window import MainWindow


class RemovalUi(QObject):
    """Wires the "remove" action of the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.actions_by_name["remove"].triggered.connect(lambda _checked=False: self.remove_selected())

    def confirm(self, count: int, title: str) -> bool:
        """Ask before removing `count` documents (`title`: the first one's); True to remove. Cancel is the default."""
        if count == 1:
            question = self.tr("Remove “{title}” from the library?").format(title=title)
        else:
            question = self.tr("Remove %n document(s) from the library?", "", count)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Remove from library"), question, parent=self._window)
        box.setInformativeText(self.tr("Their originals, cleaned text, entities, quotes, tags, notes and decisions are deleted. The audit log keeps a line for each; importing a file again brings it back as a new document."))
        remove = box.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is remove

    def remove_selected(self) -> None:
        """Ask, then remove the selected documents (nothing when none is selected)."""
        window = self._window
        ids = window.selected_ids()
        if not ids:
            return
        title = str(get_document(window.library.db, ids[0]).get("title") or "") if len(ids) == 1 else ""
        if not self.confirm(len(ids), title):
            return
        following = self._next_listed(ids)
        window.runner.call(
            lambda library: remove_documents(library, ids, origin="app"),
            lambda removed: self._removed(removed, following),
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

    def _removed(self, removed: list[int], following: int | None) -> None:
        window = self._window
        if window.closing:
            return
        window.triage.forget(removed)
        if window.current_id() in removed and following is not None:
            window.select_document(following, scroll=False)  # before the list forgets the removed rows
        window.refresh_choices()
        window.library_view.reload()
        window.review.request()
        window.statusBar().showMessage(self.tr("Removed %n document(s) from the library", "", len(removed)), 6000)
