"""Noticing documents another program added to or removed from the open library, or decided on.

A command-line import (a script dropping new captures in) or `triage-app remove` while the window is open used to
leave the list as it was until something else read it again: new documents missing, removed ones still listed.
Every `POLL_MS` the window's connection asks SQLite whether any other connection committed (`PRAGMA data_version`,
no table read); only then does it count the documents and read the audit rows written since its last look, and when
the documents' number or highest id moved, or a command-line decision (`triage-app mark`, origin "cli") was written,
`changed` fires and the window reads its list again. The window's own writes (its writer thread's connection) count as other
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
        self._audited = 0  # the last audit row looked at

    def start(self) -> None:
        """Begin watching from the library as it is now."""
        self._version, self._seen, self._audited = self._data_version(), self._documents(), self._last_audit_row()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        """One look: cheap unless another connection committed since the last one."""
        version = self._data_version()
        if version == self._version:
            return
        self._version = version
        documents, decided = self._documents(), self._decided_elsewhere()
        if documents != self._seen or decided:
            self._seen = documents
            self.changed.emit()

    def _decided_elsewhere(self) -> bool:
        """Whether the audit rows written since the last look hold a command-line decision (`triage-app mark`, `tag`,
        `note`, ...: origin "cli"); the window's own rows have other origins. Only the new rows are read."""
        last = self._last_audit_row()
        found = self._db.execute("SELECT 1 FROM audit WHERE id > ? AND id <= ? AND origin = 'cli' LIMIT 1", [self._audited, last]).fetchone()
        self._audited = last
        return found is not None

    def _last_audit_row(self) -> int:
        return int(self._db.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0])

    def _data_version(self) -> int:
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def _documents(self) -> tuple[int, int]:
        count, highest = self._db.execute("SELECT count(*), coalesce(max(id), 0) FROM documents").fetchone()
        return int(count), int(highest)
