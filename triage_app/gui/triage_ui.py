"""Triage commands in the window: the relevance keys, star, tags, note, history and undo on the selection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from triage_app.core.library import triage
from triage_app.core.library.documents import get_document
from triage_app.core.library.removal import existing_ids
from triage_app.gui.dialogs.history_dialog import HistoryDialog
from triage_app.gui.dialogs.note_dialog import NoteDialog
from triage_app.gui.dialogs.tag_dialog import TagDialog

if TYPE_CHECKING:
    from triage_app.gui.main_window import MainWindow

RELEVANCE_ACTIONS = {"relevant": "relevant", "maybe": "maybe", "not_relevant": "not-relevant", "unreviewed": "unreviewed"}
"""Action name -> the relevance it sets."""


class TriageUi(QObject):
    """Wires the triage actions and the triage controller's results into the window.

    Its texts keep the window's translation context ("MainWindow"), where the catalogue has them.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        acts = window.actions_by_name
        for name, relevance in RELEVANCE_ACTIONS.items():
            acts[name].triggered.connect(lambda _checked=False, r=relevance: self.mark(r))
        handlers = {
            "undo": self.undo,
            "star": self.toggle_star,
            "tag": self.edit_tags,
            "note": self.edit_note,
            "history": self.show_history,
        }
        for name, handler in handlers.items():
            acts[name].triggered.connect(lambda _checked=False, h=handler: h())
        controller = window.triage
        controller.documents_changed.connect(self._saved)
        controller.decision_saved.connect(lambda text: window.statusBar().showMessage(text, 4000))
        controller.undo_available.connect(acts["undo"].setEnabled)
        controller.failed.connect(window.show_error)

    def mark(self, relevance: str) -> None:
        """1/2/3/0: set the relevance of the selected documents."""
        self._window.triage.set_relevance(self._window.selected_ids(), relevance)

    def toggle_star(self) -> None:
        """S: star the selection, or unstar it when every selected document is starred."""
        window = self._window
        ids = window.selected_ids()
        if ids:
            rows = [window.documents.row_data(window.documents.row_of(d) or 0) for d in ids]
            window.triage.set_starred(ids, not all(bool(r.get("starred")) for r in rows))

    def present(self, ids: list[int]) -> list[int]:
        """`ids` still in the library, in order; those another program removed are reported (`documents_gone`: the
        list is read again) instead of failing the dialog that was about to open."""
        found = set(existing_ids(self._window.library.db, ids))
        if gone := sorted(set(ids) - found):
            self._window.triage.documents_gone.emit(gone)
        return [d for d in ids if d in found]

    def edit_tags(self) -> None:
        """T: edit the tags of the selection, completing known tags."""
        window = self._window
        ids = self.present(window.selected_ids())
        if not ids:
            return
        db = window.library.db
        current = {d: triage.get_tags(db, d) for d in ids}
        common = sorted(set.intersection(*(set(t) for t in current.values())))
        known = [name for name, _count in triage.all_tags(db)]
        chosen = TagDialog.ask(window, common, known, len(ids))
        if chosen is None:
            return
        removed = set(common) - set(chosen)
        window.triage.set_tags({d: [t for t in tags if t not in removed] + chosen for d, tags in current.items()})

    def edit_note(self) -> None:
        """N: write a note on the selection."""
        window = self._window
        ids = self.present(window.selected_ids())
        if not ids:
            return
        note = get_document(window.library.db, ids[0]).get("note") or "" if len(ids) == 1 else ""
        chosen = NoteDialog.ask(window, note, len(ids))
        if chosen is not None:
            window.triage.set_note(ids, chosen)

    def show_history(self) -> None:
        """H: the current document's audit log, packet rows marked as such."""
        window = self._window
        ids = self.present(window.selected_ids())
        if ids:
            doc = get_document(window.library.db, ids[0])
            HistoryDialog.ask(window, triage.audit_log(window.library.db, ids[0]), str(doc.get("title") or ""))

    def undo(self) -> None:
        """Ctrl+Z: undo the last decision."""
        if not self._window.triage.undo():
            self._window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Nothing to undo."), 3000)

    def _saved(self, ids: list[int]) -> None:
        """Decisions are written: refresh their rows and the filter choices, and retrain the review model."""
        window = self._window
        window.documents.refresh_documents(ids)
        window.refresh_choices()
        window.review_ui.retrain()
