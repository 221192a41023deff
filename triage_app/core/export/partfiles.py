"""Temporary `.part` files of exports in progress: locked while written, removed when left behind.

An export writes `.NAME-XXXXXXXXXXXX.part` next to its target and renames it at the end. While it
writes, it holds an exclusive lock on the file and lists it in `exports-in-progress` in the config
folder. A killed export (SIGKILL, power cut) cannot remove its file, but its lock dies with it: the
next start (`clean_stale`, called by the window and by every export) removes listed files that
nobody holds.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO

from triage_app.core.paths import config_dir

REGISTRY_NAME = "exports-in-progress"


def _registry() -> Path:
    return config_dir() / REGISTRY_NAME


def _listed() -> list[Path]:
    try:
        text = _registry().read_text(encoding="utf-8")
    except OSError:
        return []
    return [Path(line) for line in text.splitlines() if line.strip()]


def _write(paths: list[Path]) -> None:
    registry = _registry()
    try:
        registry.parent.mkdir(parents=True, exist_ok=True)
        tmp = registry.with_name(f"{REGISTRY_NAME}.{os.getpid()}")
        tmp.write_text("".join(f"{p}\n" for p in dict.fromkeys(paths)), encoding="utf-8")
        os.replace(tmp, registry)
    except OSError:
        pass  # a full disk: the list is a convenience, the export itself reports the real problem


def begin(path: Path) -> IO[bytes]:
    """Create `path` (must not exist), lock it and list it; keep the returned handle open while writing."""
    handle = path.open("xb")
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    _write([*_listed(), path.resolve()])
    return handle


def end(path: Path, handle: IO[bytes]) -> None:
    """The export is over (renamed or removed): unlist `path` and release its lock."""
    target = path.resolve()
    _write([p for p in _listed() if p != target])
    handle.close()


def _in_use(path: Path) -> bool:
    try:
        with path.open("rb") as probe:
            try:
                fcntl.flock(probe.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return True
            fcntl.flock(probe.fileno(), fcntl.LOCK_UN)
            return False
    except OSError:
        return False


def clean_stale() -> list[Path]:
    """Remove listed `.part` files that no running export holds; returns those removed."""
    listed = _listed()
    if not listed:
        return []
    removed, kept = [], []
    for path in listed:
        if not path.name.endswith(".part") or not path.exists():
            continue
        if _in_use(path):
            kept.append(path)
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError:
            kept.append(path)
    _write(kept)
    return removed
