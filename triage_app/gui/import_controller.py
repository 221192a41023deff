"""Imports as writer jobs, then background re-cleaning and annotation, with progress and a summary.

Jobs run one after another on the writer thread; the status bar shows the running one with a Cancel
button. New documents are announced while the import runs so the list grows as they land.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from triage_app.core import jobs
from triage_app.core.library import annotations as annotation_store
from triage_app.core.library import cleaning, upgrade
from triage_app.core.library.db import Library
from triage_app.core.records import ImportOutcome, Progress
from triage_app.core.settings import Settings
from triage_app.gui.widgets.status import ProgressWidget
from triage_app.gui.workers import IsCancelled, TaskRunner, WriterJob, WriterJobFactory

log = logging.getLogger(__name__)

UPGRADE = "upgrade"
"""The step kind of the re-cleaning of documents an earlier cleaner made (a "reclean" for the window)."""
ANNOUNCE_INTERVAL_S = 0.4
"""New documents are announced (and the list reloaded) at most this often during an import."""


def annotate_job() -> WriterJobFactory:
    """Annotation (in the child process) of every document not yet annotated by the current engine."""
    return lambda library, is_cancelled: annotation_store.annotate_documents(
        library, None, is_cancelled=is_cancelled, off_process=True
    )


def reclean_job(imported: list[int]) -> WriterJobFactory:
    """Re-cleaning of the sites the core says these new documents changed the template of."""

    def run(library: Library, is_cancelled: IsCancelled) -> Iterator[Progress]:
        for site in cleaning.sites_to_reclean(library, imported):
            if is_cancelled():
                return
            yield from cleaning.reclean_site_job(library, site, is_cancelled=is_cancelled)

    return run


def cluster_job(threshold: float) -> WriterJobFactory:
    """Near-duplicate clustering of every document whose cleaned text is new or changed."""
    from triage_app.core.library import near_dups

    return lambda library, is_cancelled: near_dups.cluster_pending_job(
        library, threshold=threshold, is_cancelled=is_cancelled
    )


@dataclass
class _Step:
    title: str
    kind: str  # "import" | "reclean" | "upgrade" | "cluster" | "annotate"
    factory: WriterJobFactory
    show_summary: bool = False
    outcomes: list[ImportOutcome] = field(default_factory=list)
    done: int = 0  # items the job has finished (its last Progress)


class ImportController(QObject):
    """Queues imports and background jobs on the writer and reports what they did."""

    documents_imported = Signal(list)  # ids of new documents (announced in batches while importing)
    import_finished = Signal(list, bool, bool)  # outcomes, cancelled, show summary
    documents_updated = Signal(str)  # "reclean" | "cluster" | "annotate": many documents may have changed
    upgraded = Signal(int)  # documents an earlier cleaner made, re-cleaned at start-up (`reclean_older_in_background`)
    idle = Signal()  # the queue is empty again
    failed = Signal(object)

    def __init__(
        self, runner: TaskRunner, settings: Settings, progress: ProgressWidget, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._settings = settings
        self._progress = progress
        self._queue: list[_Step] = []
        self._current: tuple[_Step, WriterJob] | None = None
        self._pending_ids: list[int] = []
        self._last_announce = 0.0
        progress.cancel_requested.connect(self.cancel)

    def is_busy(self) -> bool:
        return self._current is not None or bool(self._queue)

    def import_paths(self, paths: list[Path], *, show_summary: bool = True, title: str = "") -> None:
        """Queue an import of files, folders and zips."""
        chosen = [Path(p) for p in paths]
        workers = jobs.default_workers()

        def run(library: Library, is_cancelled: IsCancelled) -> Iterator[Progress]:
            return jobs.import_documents(library, chosen, is_cancelled=is_cancelled, workers=workers)

        self._enqueue(_Step(title or self.tr("Importing"), "import", run, show_summary))

    def annotate_in_background(self) -> bool:
        """Queue annotation of documents not yet annotated; False when background annotation is turned off."""
        if not self._settings.get("annotate_in_background"):
            return False
        self._enqueue(_Step(self.tr("Finding entities and quotes"), "annotate", annotate_job()))
        return True

    def reclean_older_in_background(self) -> None:
        """Queue the re-cleaning of every document an earlier version of the cleaner made
        (`upgrade.reclean_older_job`: audited, overrides kept; cleaned in a pool of processes), then the search for copies
        among the changed texts."""
        workers = jobs.default_workers()

        def run(library: Library, is_cancelled: IsCancelled) -> Iterator[Progress]:
            return upgrade.reclean_older_job(library, is_cancelled=is_cancelled, workers=workers)

        self._enqueue(_Step(self.tr("Re-cleaning with this version of the cleaner"), UPGRADE, run))
        threshold = float(self._settings.get("duplicate_threshold"))
        self._enqueue(_Step(self.tr("Looking for copies"), "cluster", cluster_job(threshold)))

    def cluster_in_background(self, *, from_scratch: bool = False) -> None:
        """Queue near-duplicate clustering of new or re-cleaned documents (all of them with `from_scratch`)."""
        threshold = float(self._settings.get("duplicate_threshold"))
        if from_scratch:
            from triage_app.core.library import near_dups

            def run(library: Library, is_cancelled: IsCancelled) -> Iterator[Progress]:
                return near_dups.cluster_all_job(library, threshold=threshold, is_cancelled=is_cancelled)

            self._enqueue(_Step(self.tr("Looking for copies"), "cluster", run))
        else:
            self._enqueue(_Step(self.tr("Looking for copies"), "cluster", cluster_job(threshold)))

    def cancel(self) -> None:
        """Stop the running job and drop the ones queued after it."""
        self._queue.clear()
        if self._current is not None:
            self._current[1].cancel()

    # -- queue ------------------------------------------------------------------------------
    def _enqueue(self, step: _Step) -> None:
        self._queue.append(step)
        if self._current is None:
            self._start_next()

    def _start_next(self) -> None:
        if not self._queue:
            self._current = None
            self._progress.finish()
            self.idle.emit()
            return
        step = self._queue.pop(0)
        self._progress.start(step.title)
        job = self._runner.run_writer_job(
            step.factory,
            progress=lambda p, s=step: self._on_progress(s, p),
            finished=lambda _last, s=step: self._on_end(s, cancelled=False),
            cancelled=lambda s=step: self._on_end(s, cancelled=True),
            failed=lambda exc, s=step: self._on_failed(s, exc),
        )
        self._current = (step, job)

    def _on_progress(self, step: _Step, progress: Progress) -> None:
        self._progress.update_progress(progress)
        step.done = progress.done
        outcome = progress.result
        if step.kind != "import" or not isinstance(outcome, ImportOutcome):
            return
        step.outcomes.append(outcome)
        if outcome.status == "imported" and outcome.doc_id is not None:
            self._pending_ids.append(outcome.doc_id)
            now = time.monotonic()
            if now - self._last_announce >= ANNOUNCE_INTERVAL_S:
                self._announce()
                self._last_announce = now

    def _announce(self) -> None:
        if self._pending_ids:
            ids, self._pending_ids = self._pending_ids, []
            self.documents_imported.emit(ids)

    def _on_end(self, step: _Step, *, cancelled: bool) -> None:
        if step.kind == "import":
            self._announce()
            imported = [o.doc_id for o in step.outcomes if o.status == "imported" and o.doc_id is not None]
            if imported and not cancelled:
                self._queue_follow_ups(imported)
            self.import_finished.emit(step.outcomes, cancelled, step.show_summary)
        else:
            if step.kind == UPGRADE:
                self.upgraded.emit(step.done)
            self.documents_updated.emit("reclean" if step.kind == UPGRADE else step.kind)
        self._start_next()

    def _on_failed(self, step: _Step, exc: BaseException) -> None:
        if step.kind == "import":
            self._announce()
        self._queue.clear()
        self._current = None
        self._progress.finish()
        self.failed.emit(exc)
        self.idle.emit()

    def _queue_follow_ups(self, imported: list[int]) -> None:
        self._queue.append(_Step(self.tr("Re-cleaning pages of the same sites"), "reclean", reclean_job(imported)))
        threshold = float(self._settings.get("duplicate_threshold"))
        self._queue.append(_Step(self.tr("Looking for copies"), "cluster", cluster_job(threshold)))
        if self._settings.get("annotate_in_background"):
            self._queue.append(_Step(self.tr("Finding entities and quotes"), "annotate", annotate_job()))
