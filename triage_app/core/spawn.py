"""Helpers for worker processes started with `spawn` (cleaning pool, language model)."""

from __future__ import annotations

import os
import threading
import time


def watch_parent(parent_pid: int) -> None:
    """Pool initializer: end this worker when the process that started it is gone (even after SIGKILL)."""

    def watch() -> None:
        while True:
            if os.getppid() != parent_pid:
                os._exit(0)
            time.sleep(0.5)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
