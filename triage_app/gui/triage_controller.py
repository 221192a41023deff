"""Triage decisions (relevance, star, tags, note) sent to the writer, saved at once, with undo.

Every change goes through `core/library/triage.py` on the writer thread, so each writes its audit
row. Undo re-applies the previous values the same way (origin 'undo'), so the undo is audited too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from triage_app.core.library import near_dup_clusters, triage
from triage_app.core.library.db import Library
from triage_app.core.library.removal import existing_ids
from triage_app.core.library.removal_undo import UNDO_LIMIT_BYTES, RemovedRows, restore_documents
from triage_app.gui.i18n import QT_TRANSLATE_NOOP
from triage_app.gui.workers import TaskRunner

UNDO_LIMIT = 200

_SETTERS: dict[str, Callable[..., Any]] = {
    "relevance": triage.set_relevance,
    "starred": triage.set_starred,
    "tags": triage.set_tags,
    "note": triage.set_note,
}


@dataclass
class Decision:
    """One analyst action over one or more documents, with what each document had before (a removal: the removed
    documents' rows, `restore`)."""

    label: str
    field: str
    previous: dict[int, Any]
    restore: RemovedRows | None = None


def _apply(
    field: str, values: dict[int, Any], origin: str, *, copies: bool = False
) -> Callable[[Library], dict[int, Any]]:
    """A writer task setting `field` per document in one transaction; returns the previous values.

    With `copies`, the other members of each document's near-duplicate cluster get the same value,
    their audit rows saying which document's cluster decision they followed. Documents no longer in the library
    (another program removed them) are left out: they are the ids missing from the result.
    """
    setter = _SETTERS[field]

    def run(library: Library) -> dict[int, Any]:
        previous: dict[int, Any] = {}
        with library.transaction():
            present = set(existing_ids(library.db, values))  # another program may have removed some meanwhile
            for doc_id, value in values.items():
                if doc_id in present:
                    previous[doc_id] = setter(library, doc_id, value, origin=origin)
            if copies:
                for copy_id, source in near_dup_clusters.copies_to_follow(library.db, list(values)).items():
                    previous[copy_id] = setter(library, copy_id, values[source], origin=f"{origin} (cluster of #{source})")
        return previous

    return run


class TriageController(QObject):
    """Applies decisions through the writer and keeps the undo stack of decisions."""

    documents_changed = Signal(list)  # ids whose triage state changed (saved)
    documents_restored = Signal(list)  # ids of removed documents an undo brought back
    documents_gone = Signal(list)  # ids a decision found no longer in the library (another program removed them)
    decision_saved = Signal(str)  # a short message for the status bar
    undo_available = Signal(bool)
    failed = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._undo: list[Decision] = []
        self.apply_to_copies = False  # relevance and star decisions also go to the documents' near-duplicates

    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo_label(self) -> str:
        """What the next undo puts back, in the user's language."""
        return self.tr(self._undo[-1].label) if self._undo else ""

    # -- decisions --------------------------------------------------------------------------
    def set_relevance(self, doc_ids: list[int], relevance: str) -> None:
        label = {
            "relevant": QT_TRANSLATE_NOOP("TriageController", "mark relevant"),
            "maybe": QT_TRANSLATE_NOOP("TriageController", "mark maybe"),
            "not-relevant": QT_TRANSLATE_NOOP("TriageController", "mark not relevant"),
            "unreviewed": QT_TRANSLATE_NOOP("TriageController", "mark unreviewed"),
        }.get(relevance, f"mark {relevance}")
        self._decide(label, "relevance", {d: relevance for d in doc_ids}, copies=self.apply_to_copies)

    def set_starred(self, doc_ids: list[int], starred: bool) -> None:
        self._decide(QT_TRANSLATE_NOOP("TriageController", "star") if starred else QT_TRANSLATE_NOOP("TriageController", "unstar"), "starred", {d: starred for d in doc_ids},
                     copies=self.apply_to_copies)

    def set_tags(self, tags_by_doc: dict[int, list[str]]) -> None:
        self._decide(QT_TRANSLATE_NOOP("TriageController", "change tags"), "tags", dict(tags_by_doc))

    def set_note(self, doc_ids: list[int], note: str) -> None:
        self._decide(QT_TRANSLATE_NOOP("TriageController", "change note"), "note", {d: note for d in doc_ids})

    def undo(self) -> bool:
        """Put back what the last decision changed; False when there is nothing to undo."""
        if not self._undo:
            return False
        decision = self._undo.pop()
        self.undo_available.emit(bool(self._undo))
        ids = list(decision.previous)
        if decision.restore is not None:
            kept = decision.restore

            def restored(back: list[int]) -> None:
                if not back:  # every file was imported again since: those are the documents now
                    self.decision_saved.emit(self.tr("Nothing to bring back: the files were imported again since"))
                    return
                self.documents_restored.emit(back)
                self.decision_saved.emit(self.tr("Undone: {what} ({count})").format(what=self.tr(decision.label), count=_count(back)))

            self._runner.call(lambda library: restore_documents(library, kept), restored, self.failed.emit)
            return True

        def done(previous: dict[int, Any]) -> None:
            if gone := sorted(set(ids) - set(previous)):
                self.documents_gone.emit(gone)
            self.documents_changed.emit(ids)
            self.decision_saved.emit(self.tr("Undone: {what} ({count})").format(what=self.tr(decision.label), count=_count(ids)))

        self._runner.call(_apply(decision.field, decision.previous, "undo"), done, self.failed.emit)
        return True

    def removed(self, doc_ids: list[int], kept: RemovedRows | None) -> None:
        """Documents were removed: forget them in the undo stack (`forget`); with their rows `kept`, the removal
        itself can be undone."""
        self.forget(doc_ids)
        if kept is not None and doc_ids:
            self._undo.append(Decision(QT_TRANSLATE_NOOP("TriageController", "remove"), "removed", dict.fromkeys(doc_ids), kept))
            del self._undo[:-UNDO_LIMIT]
            # the kept rows of every removal on the stack stay within one removal's budget: the oldest go first
            while sum(d.restore.size for d in self._undo if d.restore is not None) > UNDO_LIMIT_BYTES:
                self._undo.remove(next(d for d in self._undo if d.restore is not None))
            self.undo_available.emit(bool(self._undo))

    def forget(self, doc_ids: list[int]) -> None:
        """Documents removed from the library: no undo puts anything back into them (a decision that touched only
        them is dropped)."""
        gone = set(doc_ids)
        for decision in self._undo:
            decision.previous = {d: v for d, v in decision.previous.items() if d not in gone}
        self._undo = [decision for decision in self._undo if decision.previous]
        self.undo_available.emit(bool(self._undo))

    def _decide(self, label: str, field: str, values: dict[int, Any], *, copies: bool = False) -> None:
        if not values:
            return
        ids = list(values)
        new_value = next(iter(values.values()))

        def done(previous: dict[int, Any]) -> None:
            gone = sorted(set(values) - set(previous))
            if gone:
                self.documents_gone.emit(gone)
                if not previous:
                    return
            ids[:] = list(previous)  # copies that followed the cluster decision are refreshed too
            changed = {d: old for d, old in previous.items() if _normal(old) != _normal(values.get(d, new_value))}
            if changed:
                self._undo.append(Decision(label, field, changed))
                del self._undo[:-UNDO_LIMIT]
                self.undo_available.emit(True)
            self.documents_changed.emit(ids)
            self.decision_saved.emit(self.tr("Saved: {what} ({count})").format(what=self.tr(label), count=_count(ids)))

        self._runner.call(_apply(field, values, "user", copies=copies), done, self.failed.emit)


def _normal(value: Any) -> Any:
    if isinstance(value, list):
        return sorted({str(v).strip() for v in value if str(v).strip()})
    return value


def _count(ids: list[int]) -> str:
    if len(ids) == 1:
        return f"#{ids[0]}"
    return QCoreApplication.translate("TriageController", "%n documents", "", len(ids))
