"""Opening a library file: connection settings, migrations with a backup first, error mapping."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from triage_app.core.errors import KnownError, LibraryLockedError
from triage_app.core.library.fts_text import register as register_fts_text
from triage_app.core.library.migrations import MIGRATIONS
from triage_app.core.library.sort_keys import register as register_sort_key

BUSY_TIMEOUT_S = 5.0


def connect_read_only(path: str | Path, *, timeout: float = 5.0, check_same_thread: bool = True) -> sqlite3.Connection:
    """A read-only connection to the library file at `path` (a worker's own).

    SQLite reads `file:` names as URIs: written into one as they are, a folder called "Case #12" ended the
    name at "#" and dropped `mode=ro`, so SQLite opened (and created) an empty file "Case " beside it. The
    path is given percent-encoded (`Path.as_uri`)."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=check_same_thread)
    register_fts_text(conn)  # the search index's content view calls it (snippets)
    register_sort_key(conn)
    return conn


def now_iso() -> str:
    """The current UTC time as ISO 8601 with seconds."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def map_sqlite_error(exc: sqlite3.Error, path: Path | None) -> KnownError | None:
    """Turn an SQLite error caused by the environment into a KnownError with advice, else None."""
    where = str(path) if path else "the in-memory library"
    message = str(exc).lower()
    if "locked" in message or "busy" in message:
        return LibraryLockedError(
            f"The library {where} is busy: another Triage process is writing to it. "
            "Close the other window or command, then try again."
        )
    if "readonly" in message or "read-only" in message:
        return KnownError(f"The library {where} is read-only. Check the file's permissions or copy it elsewhere.")
    if "disk is full" in message or "database or disk is full" in message:
        return KnownError(f"The disk holding {where} is full. Free some space, then try again.")
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return KnownError(f"The library {where} is damaged or is not a Triage library ({exc}).")
    if "unable to open" in message:
        return KnownError(f"The library {where} cannot be opened: check that its folder exists and is writable.")
    return None


class NewerLibraryError(KnownError):
    """The library's schema has migrations this version of Triage does not know."""


UPGRADE_TICK_STEPS = 10_000
"""SQLite virtual-machine instructions between two calls of `Library.open`'s `during_upgrade`: on session 25's 100,000-document
library (14.5 s to upgrade) about 900 calls, the longest time between two 0.5 s (200,000: 94 calls, up to 1.9 s)."""
COPY_CHUNK = 4 * 1024 * 1024


def copy_file(source: Path, target: Path, tick: Callable[[], None] | None = None) -> None:
    """`shutil.copy2`, calling `tick` after each `COPY_CHUNK` bytes (a library's backup can be a few GB)."""
    with source.open("rb") as reader, target.open("wb") as writer:
        while chunk := reader.read(COPY_CHUNK):
            writer.write(chunk)
            if tick is not None:
                tick()
    shutil.copystat(source, target)


class Library:
    """One SQLite library file, used only by the thread that opened it."""

    def __init__(self, db: Database, path: Path | None) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(
        cls, path: Path | str, *, migrate: bool = True, before_upgrade: Callable[[], None] | None = None,
        during_upgrade: Callable[[], None] | None = None,
    ) -> Library:
        """Open (creating if needed) the library at `path`, in WAL mode, and bring its schema up to date;
        `before_upgrade` is called first when an existing library is upgraded (the window says so: it can take a while),
        `during_upgrade` again and again while the backup is copied and the schema steps run (every `UPGRADE_TICK_STEPS`
        SQLite instructions), so a window can keep answering meanwhile."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KnownError(f"Cannot create the folder for the library {path}: {exc.strerror}.") from exc
        existed = path.exists() and path.stat().st_size > 0
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
            db = Database(conn)
            library = cls(db, path)
            library._refuse_newer()
            library._configure(wal=True)
            if migrate:
                library._migrate(backup=existed, before=before_upgrade, during=during_upgrade)
        except sqlite3.Error as exc:
            known = map_sqlite_error(exc, path)
            if known:
                raise known from exc
            raise
        return library

    @classmethod
    def memory(cls) -> Library:
        """A fresh in-memory library (tests and `triage-app clean`)."""
        library = cls(Database(memory=True), None)
        library._configure(wal=False)
        library._migrate(backup=False)
        return library

    def _refuse_newer(self) -> None:
        """Refuse (before writing anything) a library whose schema has steps this version does not know."""
        known = {m.name for m in MIGRATIONS._migrations}
        unknown = [m.name for m in MIGRATIONS.applied(self.db) if m.name not in known]
        if unknown:
            self.db.close()
            raise NewerLibraryError(
                f"The library {self.path} was made by a newer Triage (schema step {unknown[-1]}); "
                "this version will not open it, so that it cannot damage it. Update Triage."
            )

    def _configure(self, *, wal: bool) -> None:
        register_fts_text(self.db.conn)  # before anything writes a document: the index's triggers call it
        register_sort_key(self.db.conn)  # and the sort keys' triggers
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        if wal and self.db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.db.enable_wal()
        self.db.execute("PRAGMA synchronous = NORMAL")

    def _migrate(self, *, backup: bool, before: Callable[[], None] | None = None, during: Callable[[], None] | None = None) -> None:
        pending = MIGRATIONS.pending(self.db)
        if not pending:
            return
        upgrading = bool(MIGRATIONS.applied(self.db))
        if before is not None and upgrading:
            before()
        tick = during if during is not None and upgrading else None
        if backup and self.path is not None and upgrading:
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            copy_file(self.path, self.path.with_name(f"{self.path.name}.backup-{stamp}"), tick)
        if tick is not None:
            self.db.conn.set_progress_handler(lambda: tick() or 0, UPGRADE_TICK_STEPS)
        try:
            MIGRATIONS.apply(self.db)
        finally:
            if tick is not None:
                self.db.conn.set_progress_handler(None, 0)

    def schema_version(self) -> list[str]:
        """Names of the migrations applied to this library."""
        return [m.name for m in MIGRATIONS.applied(self.db)]

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """A write transaction that takes the write lock at once; nested calls become savepoints."""
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise (map_sqlite_error(exc, self.path) or exc) from exc
        try:
            yield self.db
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise (map_sqlite_error(exc, self.path) or exc) from exc

    def integrity_ok(self) -> bool:
        """True when `PRAGMA integrity_check` reports ok."""
        return bool(self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")

    def close(self) -> None:
        """Close the connection (checkpointing the WAL when this is the last user)."""
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
