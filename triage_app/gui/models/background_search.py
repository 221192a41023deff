"""A library-list search too long for the GUI thread, run on a worker thread; a newer one cancels it.

`DocumentTableModel.set_filter` gives a search `SYNC_BUDGET_S` on the GUI thread; one that needs more
is handed to `BackgroundSearch`, which runs `search.background_search` on a thread pool with its own
read-only connection and signals the result (or why it stopped) on the GUI thread.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal
from shiboken6 import isValid

from triage_app.core.library import document_filter, search
from triage_app.gui.workers import GeneratorWorker

BACKGROUND_LIMIT_S = 60.0
"""A background search that takes longer than this stops and says so."""


class BackgroundSearch(QObject):
    """At most one running search; results of a search that was cancelled or replaced are dropped.

    Args:
        pool: Where searches run (the application's global pool).
        parent: The owner (the list model).
    """

    finished = Signal(object, object)  # the ranked ids, and the counts (`matching`, `unreviewed`, `total`)
    state_changed = Signal(str)  # "Searching…" when a search starts, or why one stopped

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._worker: GeneratorWorker | None = None  # the running search; a newer one cancels it

    @property
    def running(self) -> bool:
        """True while a search runs (until its result, or why it stopped, has been passed on)."""
        return self._worker is not None

    def start(self, path: str, flt: document_filter.DocumentFilter, sort: str, descending: bool) -> None:
        """Search the library at `path` for `flt` in `sort` order on the thread pool (call `stop()` first)."""
        worker = GeneratorWorker(lambda cancelled: search.background_search(
            path, flt, sort=sort, descending=descending, is_cancelled=cancelled, time_limit=BACKGROUND_LIMIT_S))
        worker.signals.finished.connect(lambda last, w=worker: self._finished(w, last))
        worker.signals.failed.connect(lambda exc, w=worker: self._failed(w, exc))
        self._worker = worker
        self.state_changed.emit(QCoreApplication.translate("DocumentTableModel", "Searching…"))
        self._pool.start(worker)

    def stop(self) -> None:
        """Cancel the running search, if any (its query is interrupted and its result dropped)."""
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None

    def _finished(self, worker: GeneratorWorker, last: Any) -> None:
        if not isValid(self) or worker is not self._worker:
            return  # deleted while the result waited in the queue, or an older search that finished before it saw the cancel
        self._worker = None
        ids, counts = last.result
        self.finished.emit(ids, counts)

    def _failed(self, worker: GeneratorWorker, exc: BaseException) -> None:
        if not isValid(self) or worker is not self._worker:
            return
        self._worker = None
        if isinstance(exc, (document_filter.SearchStopped, sqlite3.Error)):
            self.state_changed.emit(str(exc))
        else:
            raise exc
