"""Noticing documents another program added to or removed from the open library.

A command-line import (a script dropping new captures in) or `triage-app remove` while the window is open used to
leave the list as it was until something else read it again: new documents missing, removed ones still listed.
Every `POLL_MS` the window's connection asks SQLite whether any other connection committed (`PRAGMA data_version`,
no table read); only then does it count the documents, and when their number or highest id moved, `changed` fires
and the window reads its list again. The window's own writes (its writer thread's connection) count as other
connections too: after an import or a removal of its own the list is read once more, which keeps its place.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from sqlite_utils import Database

POLL_MS = 2000


class ExternalChanges(QObject):
    """Fires `changed` when the library's documents were added or removed by another connection."""

    changed = Signal()

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._version: int | None = None
        self._seen: tuple[int, int] | None = None

    def start(self) -> None:
        """Begin watching from the library as it is now."""
        self._version, self._seen = self._data_version(), self._documents()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        """One look: cheap unless another connection committed since the last one."""
        version = self._data_version()
        if version == self._version:
            return
        self._version = version
        documents = self._documents()
        if documents != self._seen:
            self._seen = documents
            self.changed.emit()

    def _data_version(self) -> int:
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def _documents(self) -> tuple[int, int]:
        count, highest = self._db.execute("SELECT count(*), coalesce(max(id), 0) FROM documents").fetchone()
        return int(count), int(highest)
