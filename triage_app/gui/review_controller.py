"""Prioritised review in the window: retrains in the background after decisions, holds the latest ranking.

One `ReviewSession` lives here but is only ever used by the one review worker running at a time (its
own read-only connection); a request while a round runs is remembered and run right after. The GUI
thread only sees finished `ReviewState` snapshots. Model scores stay here: never in the audit log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal
from sqlite_utils import Database

from triage_app.core.library.db import Library, connect_read_only
from triage_app.core.records import Progress
from triage_app.core.review import estimate as est
from triage_app.core.review.model import explain
from triage_app.core.review.session import (
    ReviewSession,
    ReviewState,
    labels,
    load_texts,
    review_round,
    save_sample,
)
from triage_app.gui.workers import TaskRunner


def _read_only(path: Path) -> Database:
    return Database(connect_read_only(path, timeout=10))


class ReviewController(QObject):
    """Runs review rounds off the GUI thread and publishes each `ReviewState`."""

    updated = Signal(object)  # ReviewState
    sample_drawn = Signal(object)  # list[int], the sampled ids in review order
    busy_changed = Signal(bool)
    failed = Signal(object)

    def __init__(self, runner: TaskRunner, db: Database, path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._db = db  # the GUI thread's connection: reads for explanations and the next document
        self._path = path
        self._session = ReviewSession()
        self._running = False
        self._again = False
        self._closed = False
        self.query = ""
        self.sample_size = est.DEFAULT_SAMPLE
        self.state: ReviewState | None = None

    @property
    def running(self) -> bool:
        return self._running

    def request(self) -> None:
        """Retrain soon: now if idle, else right after the round that is running."""
        if self._closed or self._path is None:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._again = False
        self.busy_changed.emit(True)
        session, path, query = self._session, self._path, self.query

        def job(is_cancelled: Callable[[], bool]) -> Iterator[Progress]:
            db = _read_only(path)
            try:
                yield from review_round(session, db, query, is_cancelled=is_cancelled)
            finally:
                db.conn.close()

        self._runner.run_generator(job, finished=self._finished, failed=self._failed, cancelled=self._ended)

    def close(self) -> None:
        """No more rounds (the window is closing)."""
        self._closed = True

    def _finished(self, last: Progress | None) -> None:
        if last is not None and isinstance(last.result, ReviewState):
            self.state = last.result
            self.updated.emit(self.state)
        self._ended()

    def _failed(self, exc: BaseException) -> None:
        self._ended()
        self.failed.emit(exc)

    def _ended(self) -> None:
        self._running = False
        self.busy_changed.emit(False)
        if self._again and not self._closed:
            self.request()

    # -- reading the latest state (GUI thread) ------------------------------------------------
    def has_ranking(self) -> bool:
        return self.state is not None and self.state.ranking is not None

    def explain(self, doc_id: int, limit: int = 6) -> list[tuple[str, float]]:
        """The terms that weigh most for this document in the latest ranking."""
        if self.state is None or self.state.ranking is None:
            return []
        docs = load_texts(self._db, [doc_id])
        return explain(self.state.ranking, docs[0], limit) if docs else []

    def next_unreviewed(self, listed: set[int] | Callable[[int], bool]) -> int | None:
        """The highest-ranked document that is listed and still unreviewed (read now, not from the snapshot)."""
        if self.state is None or not self.state.ranked_ids:
            return None
        is_listed = listed.__contains__ if isinstance(listed, set) else listed
        candidates = [d for d in self.state.ranked_ids if is_listed(d)]
        for start in range(0, len(candidates), 500):
            part = candidates[start : start + 500]
            marks = ",".join("?" for _ in part)
            sql = f"SELECT id FROM documents WHERE relevance = 'unreviewed' AND id IN ({marks})"
            open_ids = {int(r[0]) for r in self._db.execute(sql, part)}
            for doc_id in part:
                if doc_id in open_ids:
                    return doc_id
        return None

    def draw_sample(self, size: int | None = None) -> None:
        """Draw an elusion sample from the unreviewed (by the latest ranking) and store it via the writer."""
        decisions = labels(self._db)
        unreviewed = {d for d, v in decisions.items() if v == "unreviewed"}
        ranked = self.state.ranked_ids if self.state is not None else []
        ordered = [d for d in ranked if d in unreviewed]
        ordered += sorted(unreviewed - set(ordered))
        sample = est.draw_sample(ordered, size or self.sample_size, np.random.default_rng(), ranked=bool(ranked))

        def store(library: Library) -> list[int]:
            with library.transaction() as db:
                save_sample(db, sample)
            return sample.ids

        def done(ids: list[int]) -> None:
            self.sample_drawn.emit(ids)
            self.request()

        self._runner.call(store, done, self.failed.emit)
