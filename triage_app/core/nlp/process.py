"""Where the language model runs during background annotation: a spawned child process, or a helper thread.

spaCy holds Python's GIL while it parses, whichever thread runs it, so a helper thread keeps the
writer thread free but still stalls the GUI's event loop for 100-250 ms at a time. A child process
has a GIL of its own: it loads the engine once (a few seconds), then annotates batches of texts and
returns picklable `Annotation` records. It ends itself when the parent dies.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import TYPE_CHECKING, Protocol

from triage_app.core.records import Annotation
from triage_app.core.spawn import watch_parent

if TYPE_CHECKING:
    from triage_app.core.nlp.engine import NlpEngine, SpacyEngine

_CHILD_ENGINE: SpacyEngine | None = None
"""The engine of the child process (set by its initializer; None in the parent)."""


class ModelRunner(Protocol):
    """Runs an engine away from the caller's thread; `close()` when done."""

    stops_at_once: bool
    """True when `close(cancel=True)` abandons a running batch (so waiting for it may stop early)."""

    def annotate(self, texts: Sequence[str], languages: Sequence[str | None] | None = None) -> Future[list[Annotation]]:
        """Annotations of `texts` (of `languages`; None: English), in order, when ready."""
        ...

    def close(self, *, cancel: bool = False) -> None:
        """Release the thread or process: after the running batch, or (if it can) at once on `cancel`."""
        ...


def _start_child(parent_pid: int, model: str) -> None:
    """Pool initializer: watch the parent, then load the model once for every batch to come."""
    from triage_app.core.nlp.engine import get_engine

    global _CHILD_ENGINE
    watch_parent(parent_pid)
    _CHILD_ENGINE = get_engine(model)
    _CHILD_ENGINE.load()


def _annotate_in_child(texts: Sequence[str], batch_size: int, languages: Sequence[str | None] | None) -> list[Annotation]:
    if _CHILD_ENGINE is None:
        raise RuntimeError("the model process was not initialised")
    return list(_CHILD_ENGINE.annotate_many(texts, batch_size=batch_size, languages=languages))


class ModelProcess:
    """One spawned child process running the spaCy engine of `model`."""

    stops_at_once = True

    def __init__(self, model: str, batch_size: int = 16) -> None:
        context = multiprocessing.get_context("spawn")  # never fork a process that may run Qt threads
        self._pool = ProcessPoolExecutor(
            max_workers=1, mp_context=context, initializer=_start_child, initargs=(os.getpid(), model)
        )
        self._batch_size = batch_size
        self._pid: Future[int] = self._pool.submit(os.getpid)

    def annotate(self, texts: Sequence[str], languages: Sequence[str | None] | None = None) -> Future[list[Annotation]]:
        return self._pool.submit(
            _annotate_in_child, list(texts), self._batch_size, None if languages is None else list(languages)
        )

    def pid(self, timeout: float | None = None) -> int:
        """The child's process id (once it has started and loaded the model)."""
        return self._pid.result(timeout)

    def close(self, *, cancel: bool = False) -> None:
        if cancel and self._pid.done() and self._pid.exception() is None:
            try:
                os.kill(self._pid.result(), signal.SIGTERM)
            except OSError:  # already gone
                pass
        self._pool.shutdown(wait=True, cancel_futures=True)


class ModelThread:
    """Any engine (a test's fake too) in one helper thread of this process."""

    stops_at_once = False

    def __init__(self, engine: NlpEngine, batch_size: int = 16) -> None:
        self._engine, self._batch_size = engine, batch_size
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="triage-nlp")

    def annotate(self, texts: Sequence[str], languages: Sequence[str | None] | None = None) -> Future[list[Annotation]]:
        from triage_app.core.nlp.gating import annotate_many

        items = list(texts)
        langs = list(languages) if languages is not None else [None] * len(items)
        return self._pool.submit(lambda: annotate_many(self._engine, items, langs, self._batch_size))

    def close(self, *, cancel: bool = False) -> None:
        self._pool.shutdown(wait=True, cancel_futures=cancel)


def model_runner(engine: NlpEngine, batch_size: int, *, off_thread: bool, off_process: bool) -> ModelRunner | None:
    """A child process (the shared spaCy engine only: others cannot be rebuilt there), a thread, or None."""
    from triage_app.core.nlp.engine import SpacyEngine, get_engine

    if off_process and isinstance(engine, SpacyEngine) and engine is get_engine(engine.model):
        return ModelProcess(engine.model, batch_size)
    if off_thread or off_process:
        return ModelThread(engine, batch_size)
    return None
