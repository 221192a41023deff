"""`python -m triage_app.bench review COLLECTION.jsonl.gz`: prioritised review simulated, as in the TAR literature.

Relevant = the documents of one topic. The simulated analyst starts from one random relevant document,
reviews the top-ranked unreviewed batch (BMI: 1, then +10% each round), records each decision with
`core.library.triage.set_relevance` (what the window calls), and the model retrains (`ReviewSession`,
what the window's background round runs). Random order and the ideal order are measured in the same run.
When the true recall first reaches 80%, an elusion sample is drawn as the app would and reviewed by
the simulated analyst on the side (not counted as effort); the estimate's recall minus the true recall
(both counting the sample's relevant documents as found) is `estimate_error_80`.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from triage_app.core.library import Library
from triage_app.core.library.triage import set_relevance
from triage_app.core.review import estimate as est
from triage_app.core.review.features import DocText
from triage_app.core.review.model import next_batch
from triage_app.core.review.session import ReviewSession, labels

MIN_PREVALENCE, MAX_PREVALENCE, MAX_TOPICS = 0.005, 0.10, 10


def read_collection(path: Path) -> list[dict[str, Any]]:
    """One JSON document a line: id, title, text, labels."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def default_topics(docs: list[dict[str, Any]]) -> list[str]:
    """Up to 10 labels with prevalence 0.5-10%, evenly spaced in order of frequency."""
    counts = Counter(label for d in docs for label in d.get("labels") or [])
    n = len(docs)
    fit = sorted((t for t, c in counts.items() if MIN_PREVALENCE <= c / n <= MAX_PREVALENCE), key=lambda t: (-counts[t], t))
    if len(fit) <= MAX_TOPICS:
        return fit
    step = len(fit) / MAX_TOPICS
    return [fit[int(i * step)] for i in range(MAX_TOPICS)]


def build_library(docs: list[dict[str, Any]]) -> Library:
    """An in-memory library holding the collection (ids 1..n in file order)."""
    library = Library.memory()
    fill_library(library, docs)
    return library


def fill_library(library: Library, docs: list[dict[str, Any]], first_id: int = 1) -> None:
    """Store collection documents (id, title, text[, site]) as library documents numbered from `first_id`."""
    rows = [
        {
            "id": n + first_id,
            "sha256": hashlib.sha256(f"{n + first_id}:{d['id']}".encode()).hexdigest(),
            "size": len(d.get("text") or ""),
            "format": "txt",
            "imported_at": "2026-01-01T00:00:00",
            "title": d.get("title") or "",
            "site": d.get("site") or "",
            "text": d.get("text") or "",
            "word_count": len((d.get("text") or "").split()),
            "relevance": "unreviewed",
            "starred": 0,
            "cleaned_at": "2026-01-01T00:00:00",
        }
        for n, d in enumerate(docs)
    ]
    with library.transaction() as db:
        db.table("documents").insert_all(rows, batch_size=1000)


def _effort(order: list[int], relevant: set[int], n: int) -> dict[str, float]:
    """effort_80/95 (% of the collection reviewed to reach that recall) and recall_at_10 (%)."""
    needed = {80: math.ceil(0.8 * len(relevant)), 95: math.ceil(0.95 * len(relevant))}
    out: dict[str, float] = {}
    found = 0
    cut = math.ceil(0.10 * n)
    for i, doc_id in enumerate(order, start=1):
        found += doc_id in relevant
        for level, need in needed.items():
            if f"effort_{level}" not in out and found >= need:
                out[f"effort_{level}"] = 100.0 * i / n
        if i == cut:
            out["recall_at_10"] = 100.0 * found / len(relevant)
    out.setdefault("recall_at_10", 100.0 * found / len(relevant))
    for level in needed:
        out.setdefault(f"effort_{level}", float("nan"))
    return out


def simulate_topic(
    library: Library, session: ReviewSession, truth: dict[int, bool], seed: int, sample_size: int
) -> dict[str, Any]:
    """One CAL run for one topic; the library's decisions are reset first."""
    db = library.db
    with library.transaction() as tx:
        tx.execute("UPDATE documents SET relevance = 'unreviewed'")
    n = len(truth)
    relevant = {d for d, r in truth.items() if r}
    rng = np.random.default_rng(seed)
    session.rng = np.random.default_rng(seed + 1)
    first = sorted(relevant)[int(rng.integers(len(relevant)))]
    order = [first]
    set_relevance(library, first, "relevant", origin="bench")
    found = 1
    batch = 1
    retrain_ms: list[float] = []
    error_80: float | None = None
    target = max(math.ceil(0.95 * len(relevant)), 0)
    while (found < target or len(order) < math.ceil(0.1 * n)) and len(order) < n:
        started = time.perf_counter()
        decisions = labels(db)
        session.retrain(decisions)
        picks = session.ranked_unreviewed(decisions)[:batch]
        retrain_ms.append((time.perf_counter() - started) * 1000)
        for doc_id in picks:
            set_relevance(library, doc_id, "relevant" if truth[doc_id] else "not-relevant", origin="bench")
            order.append(doc_id)
            found += truth[doc_id]
        batch = next_batch(batch)
        if error_80 is None and found >= math.ceil(0.8 * len(relevant)):
            error_80 = _estimate_error(session, db, truth, relevant, sample_size)
    result = _effort(order, relevant, n)
    result["estimate_error_80"] = error_80 if error_80 is not None else float("nan")
    result["retrain_ms"] = statistics.median(retrain_ms) if retrain_ms else 0.0
    return result


def _estimate_error(
    session: ReviewSession, db: Any, truth: dict[int, bool], relevant: set[int], sample_size: int
) -> float:
    """Draw an elusion sample as the app does, review it on the side, compare estimated and true recall."""
    sample = session.draw_sample(db, sample_size)
    decisions = labels(db)
    for doc_id in sample.ids:
        decisions[doc_id] = "relevant" if truth[doc_id] else "not-relevant"
    unreviewed = {d for d, v in decisions.items() if v == "unreviewed"}
    estimate = est.estimate(sample, decisions, unreviewed)
    assert estimate is not None
    found = sum(1 for d, v in decisions.items() if v == "relevant")
    return 100.0 * (estimate.recall - found / len(relevant))


def _random_and_ideal(truth: dict[int, bool], seed: int) -> tuple[dict[str, float], dict[str, float]]:
    relevant = {d for d, r in truth.items() if r}
    ids = sorted(truth)
    rng = np.random.default_rng(seed)
    shuffled = [ids[int(i)] for i in rng.permutation(len(ids))]
    ideal = sorted(relevant) + [d for d in ids if d not in relevant]
    return _effort(shuffled, relevant, len(ids)), _effort(ideal, relevant, len(ids))


def _mean(rows: dict[str, dict[str, float]]) -> dict[str, float]:
    keys = {k for row in rows.values() for k in row}
    return {k: statistics.fmean(r[k] for r in rows.values() if k in r and not math.isnan(r[k])) for k in sorted(keys)}


def run_review(path: Path, topics: list[str] | None, *, seed: int = 0, sample_size: int = est.DEFAULT_SAMPLE) -> dict[str, Any]:
    """Every topic: model, random and ideal figures, and their means."""
    docs = read_collection(path)
    topics = topics or default_topics(docs)
    library = build_library(docs)
    session = ReviewSession(seed=seed)
    started = time.perf_counter()
    for _ in session.sync(library.db):
        pass
    sync_s = time.perf_counter() - started
    out: dict[str, Any] = {"model": {}, "random": {}, "ideal": {}}
    for k, topic in enumerate(topics):
        truth = {n + 1: topic in (d.get("labels") or []) for n, d in enumerate(docs)}
        out["model"][topic] = simulate_topic(library, session, truth, seed + 7 * k, sample_size)
        out["random"][topic], out["ideal"][topic] = _random_and_ideal(truth, seed + 7 * k)
    for kind in ("model", "random", "ideal"):
        out[kind]["mean"] = _mean(out[kind])
    errors = [out["model"][t]["estimate_error_80"] for t in topics]
    out["summary"] = {
        "documents": len(docs),
        "topics": topics,
        "elusion_sample": sample_size,
        "estimate_within_10_points": sum(1 for e in errors if abs(e) <= 10),
        "estimate_mean_abs_error_80": statistics.fmean(abs(e) for e in errors if not math.isnan(e)) if errors else None,
        "feature_sync_s": round(sync_s, 2),
        "feature_mb": round(session.store.memory_bytes() / 2**20, 1),
    }
    library.close()
    return out


def scale_timing(path: Path, sizes: list[int], *, seed: int = 0) -> dict[str, Any]:
    """Feature memory and retrain (fit + score + pick) time at each size, from copies of the collection."""
    docs = read_collection(path)
    rng = np.random.default_rng(seed)
    out: dict[str, Any] = {}
    for size in sizes:
        session = ReviewSession(seed=seed)
        base = [DocText(n + 1, d.get("title") or "", "", d.get("text") or "") for n, d in enumerate(docs)]
        batch: list[DocText] = []
        started = time.perf_counter()
        for n in range(size):
            d = base[n % len(base)]
            batch.append(DocText(n + 1, d.title, d.site, d.text))
            if len(batch) == 2000:
                session.store.add(batch)
                batch = []
        session.store.add(batch)
        session.store.norms()
        featured = time.perf_counter() - started
        decisions = {n + 1: "unreviewed" for n in range(size)}
        for doc_id in rng.choice(size, 500, replace=False):
            decisions[int(doc_id) + 1] = "relevant" if rng.random() < 0.3 else "not-relevant"
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            session.retrain(decisions)
            session.ranked_unreviewed(decisions)[:100]
            times.append((time.perf_counter() - t0) * 1000)
        out[str(size)] = {
            "features_s": round(featured, 1),
            "feature_mb": round(session.store.memory_bytes() / 2**20, 1),
            "retrain_ms_median": round(statistics.median(times), 1),
            "retrain_ms_first": round(times[0], 1),
        }
    return out


def _table(result: dict[str, Any]) -> str:
    lines = ["topic                         model e80/e95/r@10     random e80/e95/r@10    ideal e80/e95   est.err  retrain"]
    for topic in [*result["summary"]["topics"], "mean"]:
        m, r, i = result["model"][topic], result["random"][topic], result["ideal"][topic]
        lines.append(
            f"{topic[:29]:29} {m['effort_80']:5.1f} {m['effort_95']:5.1f} {m['recall_at_10']:5.1f}    "
            f"{r['effort_80']:5.1f} {r['effort_95']:5.1f} {r['recall_at_10']:5.1f}    "
            f"{i['effort_80']:5.1f} {i['effort_95']:5.1f}   {m['estimate_error_80']:+6.1f}  {m['retrain_ms']:6.1f} ms"
        )
    s = result["summary"]
    lines.append(
        f"{s['documents']} documents; estimate within 10 points on {s['estimate_within_10_points']} of "
        f"{len(s['topics'])} topics (elusion sample {s['elusion_sample']}); features {s['feature_mb']} MB, "
        f"{s['feature_sync_s']} s"
    )
    return "\n".join(lines)


def _no_nan(value: Any) -> Any:
    """NaN (a recall level never reached) as null, so the output is strict JSON."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _no_nan(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_no_nan(v) for v in value]
    return value


def _run(args: argparse.Namespace) -> int:
    path = Path(args.collection)
    topics = [t.strip() for t in args.topics.split(",") if t.strip()] if args.topics else None
    result = run_review(path, topics, seed=args.seed, sample_size=args.sample)
    if args.scale:
        result["timing"] = scale_timing(path, [int(s) for s in args.scale.split(",")], seed=args.seed)
    if args.json:
        print(json.dumps(_no_nan(result), indent=1))
    else:
        print(_table(result))
        if args.scale:
            print(json.dumps(result["timing"], indent=1))
    return 0


def register(subparsers: Any) -> None:
    """Add the `review` benchmark."""
    p = subparsers.add_parser("review", help="prioritised review simulated on a labelled collection (CAL)")
    p.add_argument("collection", metavar="COLLECTION.jsonl.gz", help="one JSON document a line: id, title, text, labels")
    p.add_argument("--topics", help="comma-separated labels (default: up to 10 with prevalence 0.5-10%%)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--sample", type=int, default=est.DEFAULT_SAMPLE, help="elusion sample size")
    p.add_argument("--scale", help="also time retraining at these collection sizes, e.g. 10000,100000")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=_run)
