"""Running writes on the library writer thread and getting their results back on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from triage_app.core.library.db import Library
from triage_app.core.library.writer import LibraryWriter

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class WriterBridge(QObject):
    """Submits functions to a `LibraryWriter`; their outcome arrives through a queued signal.

    The future's done-callback runs on the writer thread and only emits `_settled`; the
    connection to this GUI-thread object queues the call, so callbacks always run on the GUI thread.
    """

    _settled = Signal(int, object, object)  # ticket, result, exception
    write_failed = Signal(str)  # a readable message for a failed write

    def __init__(self, writer: LibraryWriter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = writer
        self._pending: dict[int, tuple[Callback, Callback | None]] = {}
        self._futures: list[Future[Any]] = []
        self._next = 0
        self._settled.connect(self._on_settled)

    @property
    def busy(self) -> bool:
        """True while a submitted write is queued or running on the writer thread."""
        self._futures = [f for f in self._futures if not f.done()]
        return bool(self._futures)

    def submit(self, fn: Callable[[Library], Any], on_done: Callback, on_error: Callback | None = None) -> Future[Any]:
        """Run `fn(library)` on the writer thread; call `on_done(result)` or `on_error(exc)` on this thread."""
        self._next += 1
        ticket = self._next
        self._pending[ticket] = (on_done, on_error)
        future = self._writer.submit(fn)
        self._futures.append(future)
        future.add_done_callback(partial(self._emit, ticket))
        return future

    def _emit(self, ticket: int, future: Future[Any]) -> None:
        result: Any = None
        error: BaseException | None
        if future.cancelled():
            error = RuntimeError("the write was cancelled")
        else:
            error = future.exception()
            result = None if error else future.result()
        try:
            self._settled.emit(ticket, result, error)
        except RuntimeError:  # the bridge was deleted while the write ran
            log.debug("write finished after its reader closed")

    def _on_settled(self, ticket: int, result: Any, error: object) -> None:
        on_done, on_error = self._pending.pop(ticket, (None, None))
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                log.error("write failed: %s", error, exc_info=error if isinstance(error, BaseException) else None)
                self.write_failed.emit(str(error))
        elif on_done is not None:
            on_done(result)
