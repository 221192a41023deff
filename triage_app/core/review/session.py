"""The relevance model over one library: features kept in step with its documents, decisions read from it.

`ReviewSession` belongs to one thread at a time (the GUI's review worker, or the CLI); it keeps the
feature matrix between rounds so only new or re-cleaned documents are featured again. `review_round`
is the job the window runs in the background after each batch of decisions: sync features, retrain,
rank, and read the estimate. Decisions themselves are recorded by `core.library.triage` as always.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlite_utils import Database

from triage_app.core.records import Progress
from triage_app.core.review import estimate as est
from triage_app.core.review.decisions import POSITIVE, REVIEWED, UNRANKED
from triage_app.core.review.features import N_FEATURES, DocText, FeatureStore
from triage_app.core.review.model import Ranking, explain, train

SYNC_CHUNK = 300


def labels(db: Database) -> dict[int, str]:
    """Every document's decision (unreviewed ones included)."""
    return {int(i): str(r) for i, r in db.execute("SELECT id, relevance FROM documents")}


def load_texts(db: Database, doc_ids: list[int]) -> list[DocText]:
    """Title, site and cleaned text of these documents."""
    out: list[DocText] = []
    for start in range(0, len(doc_ids), 500):
        part = doc_ids[start : start + 500]
        marks = ",".join("?" for _ in part)
        sql = f"SELECT id, title, site, substr(text, 1, 20000) FROM documents WHERE id IN ({marks})"
        found = {int(r[0]): DocText(int(r[0]), r[1] or "", r[2] or "", r[3] or "") for r in db.execute(sql, part)}
        out.extend(found[d] for d in part if d in found)
    return out


def progress_curve(db: Database, decisions: Mapping[int, str] | None = None) -> list[tuple[int, int]]:
    """(documents reviewed, relevant found) after each document's first decision, in decision order."""
    first = db.execute(
        "SELECT a.doc_id, min(a.id) FROM audit a WHERE a.field = 'relevance' AND a.new != 'unreviewed' "
        "GROUP BY a.doc_id ORDER BY min(a.id)"
    ).fetchall()
    current = decisions if decisions is not None else labels(db)
    points = [(0, 0)]
    found = 0
    reviewed = 0
    for doc_id, _ in first:
        if current.get(int(doc_id)) not in REVIEWED:
            continue
        reviewed += 1
        found += current[int(doc_id)] in POSITIVE
        points.append((reviewed, found))
    return points


def save_sample(db: Database, sample: est.ElusionSample) -> None:
    """Store a new elusion sample (replacing the last one); call inside a write transaction."""
    db.execute("DELETE FROM review_sample")
    order = {d: n for n, d in enumerate(sample.ids)}
    rows = [
        {"doc_id": d, "stratum": h, "picked": int(d in order), "position": order.get(d)}
        for h, stratum in enumerate(sample.strata)
        for d in stratum
    ]
    db.table("review_sample").insert_all(rows, batch_size=2000)


def load_sample(db: Database) -> est.ElusionSample | None:
    """The stored elusion sample, or None."""
    strata: dict[int, list[int]] = {}
    picked: dict[int, list[tuple[int, int]]] = {}
    for doc_id, stratum, is_picked, position in db.execute(
        "SELECT doc_id, stratum, picked, position FROM review_sample ORDER BY stratum, doc_id"
    ):
        strata.setdefault(int(stratum), []).append(int(doc_id))
        if is_picked:
            picked.setdefault(int(stratum), []).append((int(position or 0), int(doc_id)))
    if not strata:
        return None
    keys = sorted(strata)
    return est.ElusionSample(
        tuple(tuple(strata[h]) for h in keys),
        tuple(tuple(d for _, d in sorted(picked.get(h, []))) for h in keys),
    )


def sample_ids(db: Database) -> list[int]:
    """The picked documents of the stored sample, in the order to review them."""
    return [int(r[0]) for r in db.execute("SELECT doc_id FROM review_sample WHERE picked = 1 ORDER BY position")]


@dataclass
class ReviewState:
    """What the window shows after a round: scores, the estimate, the chart's points."""

    ranking: Ranking | None
    estimate: est.Estimate | None
    sample_needed: bool
    sample_left: int  # sampled documents still to review
    unreviewed: int
    curve: list[tuple[int, int]] = field(default_factory=list)
    retrain_ms: float = 0.0
    ranked_ids: list[int] = field(default_factory=list)  # every scored id, most likely relevant first
    percentiles: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int16))  # by id: 0..100, -1 unscored
    positions: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # by id: 0 = most likely

    def scores(self) -> dict[int, float]:
        return self.ranking.score_map() if self.ranking is not None else {}


class ReviewSession:
    """Features and the latest ranking for one library; used by one thread at a time."""

    def __init__(self, *, seed: int = 0, n_features: int = N_FEATURES) -> None:
        self.store = FeatureStore(n_features)
        self.rng = np.random.default_rng(seed)
        self.ranking: Ranking | None = None
        self._synced: tuple[object, ...] = ()

    def sync(self, db: Database, *, is_cancelled: Callable[[], bool] = lambda: False) -> Iterator[Progress]:
        """Feature new and re-cleaned documents, forget deleted ones; yields progress per chunk."""
        signature = tuple(
            db.execute(
                "SELECT count(*), max(id), max(cleaned_at), total(word_count), total(length(title)) FROM documents"
            ).fetchone()
        )
        if signature == self._synced:  # no document added, removed or re-cleaned since the last sync (one scan)
            return
        current = {int(i): str(v or "") for i, v in db.execute("SELECT id, cleaned_at FROM documents")}
        self.store.remove([d for d in self.store.ids() if d not in current])
        todo = [d for d, v in current.items() if d not in self.store or self.store.version(d) != v]
        for start in range(0, len(todo), SYNC_CHUNK):
            if is_cancelled():
                return
            part = todo[start : start + SYNC_CHUNK]
            docs = load_texts(db, part)
            self.store.add(docs, [current[d.doc_id] for d in docs])
            yield Progress(start + len(part), len(todo), "Reading documents for the relevance model")
        if todo:
            self.store.norms()  # term weights and row norms now, not in the first retrain
        if not is_cancelled():
            self._synced = signature

    def retrain(self, decisions: Mapping[int, str], query: str = "") -> Ranking | None:
        """One BMI round over the synced features."""
        self.ranking = train(self.store, decisions, query, rng=self.rng)
        return self.ranking

    def explain(self, db: Database, doc_id: int, limit: int = 8) -> list[tuple[str, float]]:
        """Why `doc_id` ranks where it does: its terms that weigh most, with their share."""
        if self.ranking is None:
            return []
        docs = load_texts(db, [doc_id])
        return explain(self.ranking, docs[0], limit) if docs else []

    def ranked_unreviewed(self, decisions: Mapping[int, str]) -> list[int]:
        """Unreviewed ids, best first (document order when there is no ranking)."""
        if self.ranking is None:
            return sorted(d for d, v in decisions.items() if v not in REVIEWED)
        reviewed = [d for d, v in decisions.items() if v in REVIEWED]
        ranked: list[int] = self.ranking.ranked_unreviewed(reviewed).tolist()
        return ranked

    def draw_sample(self, db: Database, size: int = est.DEFAULT_SAMPLE) -> est.ElusionSample:
        """Draw an elusion sample from the unreviewed (stratified by rank when there is one); not stored."""
        decisions = labels(db)
        return est.draw_sample(self.ranked_unreviewed(decisions), size, self.rng, ranked=self.ranking is not None)

    def state(self, db: Database, retrain_ms: float = 0.0, decisions: Mapping[int, str] | None = None) -> ReviewState:
        """The estimate (when the sample is reviewed), what is still needed, and the chart's points."""
        decisions = decisions if decisions is not None else labels(db)
        unreviewed = {d for d, v in decisions.items() if v not in REVIEWED}
        sample = load_sample(db)
        left = est.sample_remaining(sample, decisions) if sample is not None else []
        estimate = est.estimate(sample, decisions, unreviewed) if sample is not None else None
        stale = est.is_stale(sample, decisions, unreviewed)
        return ReviewState(
            ranking=self.ranking,
            estimate=estimate,
            sample_needed=stale and not left,
            sample_left=len(left),
            unreviewed=len(unreviewed),
            curve=progress_curve(db, decisions),
            retrain_ms=retrain_ms,
            **_order(self.ranking),
        )


def _order(ranking: Ranking | None) -> dict[str, Any]:
    """Ids best first, and arrays indexed by document id of each one's rank and percentile (-1: unscored).

    Computed off the GUI thread; arrays make the list's sort by likelihood a numpy sort, not a Python one.
    """
    if ranking is None or not len(ranking.ids):
        return {"ranked_ids": [], "percentiles": np.zeros(0, np.int16), "positions": np.zeros(0, np.int64)}
    ranked = ranking.ids[np.argsort(-ranking.scores, kind="stable")]
    n = len(ranked)
    size = int(ranked.max()) + 1
    positions = np.full(size, UNRANKED, dtype=np.int64)
    positions[ranked] = np.arange(n)
    percentiles = np.full(size, -1, dtype=np.int16)
    percentiles[ranked] = (100 * (n - 1 - np.arange(n))) // max(1, n - 1)
    return {"ranked_ids": ranked.tolist(), "percentiles": percentiles, "positions": positions}


def review_round(
    session: ReviewSession, db: Database, query: str = "", *, is_cancelled: Callable[[], bool] = lambda: False
) -> Iterator[Progress]:
    """Sync features, retrain and rank; the last Progress carries the `ReviewState`."""
    yield from session.sync(db, is_cancelled=is_cancelled)
    if is_cancelled():
        return
    started = time.perf_counter()
    decisions = labels(db)
    session.retrain(decisions, query)
    elapsed = (time.perf_counter() - started) * 1000
    yield Progress(1, 1, "Ranked", result=session.state(db, elapsed, decisions))
