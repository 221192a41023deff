"""Running core generators off the GUI thread: one generic worker, a writer-job bridge and their owner.

Core jobs are plain generators that yield `Progress` and honour an `is_cancelled` flag (STYLE rule 2).
`GeneratorWorker` runs one on the `QThreadPool` (read-only work with its own connection);
`WriterJob` steps one on the `LibraryWriter` thread (anything that writes). Both report through the
same four signals, delivered on the GUI thread. `TaskRunner` keeps a reference to each until it ends
and `shutdown()` cancels and waits for all of them.
"""

from __future__ import annotations

import concurrent.futures
import ctypes
import logging
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from triage_app.core.library.db import Library
from triage_app.core.library.writer import LibraryWriter
from triage_app.core.records import Progress

log = logging.getLogger(__name__)

IsCancelled = Callable[[], bool]
GeneratorFactory = Callable[[IsCancelled], Iterator[Progress]]
WriterJobFactory = Callable[[Library, IsCancelled], Iterator[Progress]]


def _emit_loses_a_true() -> bool:
    """PySide6 6.12.0's `SignalInstance.emit` returns True without a reference of its own, so every emit
    takes one from `True`; on Python 3.11 (True is not immortal) the process aborts with "bool_dealloc"
    after a few thousand emits. Probed once on a private signal."""

    class _Probe(QObject):
        ping = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(100):
        probe.ping.emit()
    return before - sys.getrefcount(True) >= 90


_LOSES_TRUE: list[bool] = []


def emit(signal: Any, *args: Any) -> None:
    """`signal.emit(*args)`, giving `True` back the reference a buggy emit takes (see `_emit_loses_a_true`).

    Workers emit progress many times a second, so their signals go through here."""
    if not _LOSES_TRUE:
        _LOSES_TRUE.append(_emit_loses_a_true())
    if signal.emit(*args) is True and _LOSES_TRUE[0]:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


class WorkerSignals(QObject):
    """The signals of a worker; they live on the GUI thread, so slots run there."""

    progress = Signal(object)  # Progress
    finished = Signal(object)  # the last Progress (or None)
    failed = Signal(object)  # the exception
    cancelled = Signal()


class GeneratorWorker(QRunnable):
    """Runs `factory(is_cancelled)` on a pool thread, emitting each Progress; `cancel()` only sets a flag."""

    def __init__(self, factory: GeneratorFactory) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = WorkerSignals()
        self._factory = factory
        self._cancelled = False

    def cancel(self) -> None:
        """Ask the generator to stop at its next check."""
        self._cancelled = True

    def is_cancelled(self) -> bool:
        return self._cancelled

    def run(self) -> None:  # noqa: D102 - QRunnable override
        last: Progress | None = None
        try:
            for progress in self._factory(self.is_cancelled):
                last = progress
                emit(self.signals.progress, progress)
        except BaseException as exc:  # reported to the GUI thread, never lost
            emit(self.signals.failed, exc)
            return
        if self._cancelled:
            emit(self.signals.cancelled)
        else:
            emit(self.signals.finished, last)


class WriterJob(QObject):
    """Steps `factory(library, is_cancelled)` on the writer thread and re-emits its progress on the GUI thread."""

    def __init__(self, writer: LibraryWriter, factory: WriterJobFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.signals = WorkerSignals()
        self._writer = writer
        self._factory = factory
        self._cancelled = False
        self._last: Progress | None = None
        self.future: Future[None] | None = None

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._cancelled = True

    def is_cancelled(self) -> bool:
        return self._cancelled

    def start(self) -> None:
        """Queue the job on the writer."""
        self.future = self._writer.run_job(lambda library: self._factory(library, self.is_cancelled), self._progress)
        self.future.add_done_callback(self._done)

    def _progress(self, progress: Progress) -> None:  # writer thread
        self._last = progress
        emit(self.signals.progress, progress)

    def _done(self, future: Future[None]) -> None:  # writer thread (or caller, if already done)
        if future.cancelled():
            emit(self.signals.cancelled)
            return
        exc = future.exception()
        if exc is not None:
            emit(self.signals.failed, exc)
        elif self._cancelled:
            emit(self.signals.cancelled)
        else:
            emit(self.signals.finished, self._last)

    def wait(self, timeout: float | None = None) -> None:
        """Block until the job has ended (used by shutdown only)."""
        if self.future is not None:
            concurrent.futures.wait([self.future], timeout=timeout)


class _CallBridge(QObject):
    """Carries the end of a writer call back to the GUI thread."""

    call_done = Signal(object, object, object)  # future, on_done, on_error


class TaskRunner(QObject):
    """Owns running workers and writer calls until they end; `shutdown()` cancels and waits for them."""

    call_failed = Signal(object)  # an exception from a writer call that had no error handler
    _start_requested = Signal(object)  # a worker to start on the next turn of the event loop

    def __init__(
        self, writer: LibraryWriter, pool: QThreadPool | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.writer = writer
        self._pool = pool or QThreadPool.globalInstance()
        self._active: set[Any] = set()
        self._calls: set[Future[Any]] = set()
        self._bridge = _CallBridge()
        self._bridge.call_done.connect(self._call_done)
        self._start_requested.connect(self._start, Qt.ConnectionType.QueuedConnection)

    def active_count(self) -> int:
        """Workers and writer calls that have not ended yet."""
        return len(self._active) + len(self._calls)

    def run_generator(self, factory: GeneratorFactory, **handlers: Callable[..., Any]) -> GeneratorWorker:
        """Start a read-only generator on the thread pool.

        `handlers` (progress=, finished=, failed=, cancelled=) are connected at once; the worker itself
        starts on the next turn of the event loop, so handlers connected by the caller right after this
        call are never too late either.
        """
        worker = GeneratorWorker(factory)
        self._keep(worker, worker.signals, handlers)
        emit(self._start_requested, worker)
        return worker

    def run_writer_job(self, factory: WriterJobFactory, **handlers: Callable[..., Any]) -> WriterJob:
        """Start a writing generator on the writer thread; `handlers` and start as for `run_generator`."""
        job = WriterJob(self.writer, factory)
        self._keep(job, job.signals, handlers)
        emit(self._start_requested, job)
        return job

    @Slot(object)
    def _start(self, worker: Any) -> None:
        if worker not in self._active:
            return
        if worker.is_cancelled():  # cancelled (or shut down) before it began
            emit(worker.signals.cancelled)
        elif isinstance(worker, WriterJob):
            worker.start()
        else:
            self._pool.start(worker)

    def call(
        self,
        fn: Callable[[Library], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[Any]:
        """Run `fn(library)` on the writer thread; `on_done(result)` or `on_error(exc)` runs on the GUI thread."""
        future = self.writer.submit(fn)
        self._calls.add(future)
        future.add_done_callback(lambda f: emit(self._bridge.call_done, f, on_done, on_error))
        return future

    @Slot(object, object, object)
    def _call_done(self, future: Future[Any], on_done: Any, on_error: Any) -> None:
        self._calls.discard(future)
        exc = future.exception()
        if exc is not None:
            if on_error is not None:
                on_error(exc)
            else:
                emit(self.call_failed, exc)
        elif on_done is not None:
            on_done(future.result())

    def _keep(self, worker: Any, signals: WorkerSignals, handlers: dict[str, Callable[..., Any]]) -> None:
        unknown = set(handlers) - {"progress", "finished", "failed", "cancelled"}
        if unknown:
            raise TypeError(f"unknown worker signal(s): {', '.join(sorted(unknown))}")
        self._active.add(worker)
        for name, handler in handlers.items():
            getattr(signals, name).connect(handler)

        def release(*_args: object) -> None:
            self._active.discard(worker)

        signals.finished.connect(release)
        signals.failed.connect(release)
        signals.cancelled.connect(release)

    def cancel_all(self) -> None:
        """Ask every running worker to stop."""
        for worker in list(self._active):
            worker.cancel()

    def shutdown(self, timeout: float = 30.0) -> None:
        """Cancel every worker and wait until each has ended (writer calls included)."""
        self.cancel_all()
        for worker in list(self._active):
            if isinstance(worker, WriterJob):
                worker.wait(timeout)
        if self._calls:
            concurrent.futures.wait(list(self._calls), timeout=timeout)
        self._pool.waitForDone(int(timeout * 1000))
