"""The one writer: a thread that owns its own library connection and runs every write in order.

Short writes (`submit`) and long jobs (`run_job`, a generator factory) share the thread. A job is
stepped one item at a time and queued short writes run between its steps, so a triage key press is
never stuck behind a long import.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from triage_app.core.library.db import Library
from triage_app.core.records import Progress

log = logging.getLogger(__name__)
T = TypeVar("T")

JobFactory = Callable[[Library], Iterator[Progress]]


@dataclass
class _Job:
    future: Future[None]
    iterator: Iterator[Progress] | None
    factory: JobFactory
    on_progress: Callable[[Progress], None]


class LibraryWriter:
    """Owns a writing connection to the library at `path` on a dedicated thread."""

    def __init__(self, path: Path | None, *, library_factory: Callable[[], Library] | None = None) -> None:
        self._factory = library_factory or (lambda: Library.open(path) if path else Library.memory())
        self._tasks: queue.Queue[tuple[Callable[[Library], Any], Future[Any]] | None] = queue.Queue()
        self._jobs: list[_Job] = []
        self._ready = threading.Event()
        self._open_error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="triage-writer", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._open_error is not None:
            raise self._open_error

    def submit(self, fn: Callable[[Library], T]) -> Future[T]:
        """Run `fn(library)` on the writer thread; the future holds its result or exception."""
        future: Future[T] = Future()
        self._tasks.put((fn, future))
        return future

    def run_job(self, factory: JobFactory, on_progress: Callable[[Progress], None]) -> Future[None]:
        """Step the generator `factory(library)` on the writer thread, calling `on_progress` for each item."""
        future: Future[None] = Future()

        def start(library: Library) -> None:
            self._jobs.append(_Job(future, None, factory, on_progress))

        self._tasks.put((start, Future()))
        return future

    def shutdown(self, timeout: float | None = 30.0) -> None:
        """Finish queued work, close the connection and stop the thread."""
        if self._thread.is_alive():
            self._tasks.put(None)
            self._thread.join(timeout)

    # -- the thread -------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            library = self._factory()
        except BaseException as exc:  # reported to the constructor's caller
            self._open_error = exc
            self._ready.set()
            return
        self._ready.set()
        stopping = False
        try:
            while not (stopping and not self._jobs and self._tasks.empty()):
                stopping = self._drain_tasks(library, block=not self._jobs) or stopping
                if self._jobs:
                    self._step_job(library, self._jobs[0])
        finally:
            for job in self._jobs:
                job.future.cancel()
            library.close()

    def _drain_tasks(self, library: Library, *, block: bool) -> bool:
        """Run queued short tasks; returns True when a stop was requested."""
        stop = False
        while True:
            try:
                task = self._tasks.get(block=block and not stop, timeout=None)
            except queue.Empty:
                return stop
            block = False
            if task is None:
                stop = True
                continue
            fn, future = task
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(library))
            except BaseException as exc:
                future.set_exception(exc)

    def _step_job(self, library: Library, job: _Job) -> None:
        try:
            if job.iterator is None:
                if not job.future.set_running_or_notify_cancel():
                    self._jobs.remove(job)
                    return
                job.iterator = job.factory(library)
            progress = next(job.iterator)
        except StopIteration:
            self._jobs.remove(job)
            job.future.set_result(None)
            return
        except BaseException as exc:
            self._jobs.remove(job)
            job.future.set_exception(exc)
            return
        try:
            job.on_progress(progress)
        except Exception:
            log.exception("progress callback failed")
