"""Helpers for worker processes started with `spawn` (cleaning pool, language model)."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
S = TypeVar("S")
R = TypeVar("R")


def watch_parent(parent_pid: int) -> None:
    """Pool initializer: end this worker when the process that started it is gone (even after SIGKILL)."""

    def watch() -> None:
        while True:
            if os.getppid() != parent_pid:
                os._exit(0)
            time.sleep(0.5)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def in_order_with_pool(
    items: Iterable[T],
    start: Callable[[ProcessPoolExecutor, T], S],
    finish: Callable[[S], R],
    *,
    workers: int,
    is_cancelled: Callable[[], bool],
) -> Iterator[R]:
    """The import's and the upgrade's pipeline: `start(pool, item)` for each item in this thread (it reads and may
    submit the CPU work to a pool of `workers` spawned processes), `finish(started)` for each in the same order, with
    at most 2 x `workers` items in flight. When `is_cancelled()` says so, the queued work is dropped and the iterator
    ends early: the caller compares how many it got with how many it gave."""
    window: deque[S] = deque()
    context = multiprocessing.get_context("spawn")  # never fork a process that may run Qt threads
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=watch_parent, initargs=(os.getpid(),)) as pool:
        for item in items:
            if is_cancelled():
                pool.shutdown(cancel_futures=True)
                return
            window.append(start(pool, item))
            while len(window) > 2 * workers:
                yield finish(window.popleft())
        while window:
            if is_cancelled():
                pool.shutdown(cancel_futures=True)
                return
            yield finish(window.popleft())
