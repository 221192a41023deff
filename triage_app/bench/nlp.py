"""`python -m triage_app.bench nlp`: entity and quotation scores on the hand-labelled set, and speed."""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from triage_app.core.records import SHOWN_ENTITY_LABELS, Annotation

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "bench" / "nlp_gold" / "gold.json"
KINDS = ("direct", "partial", "indirect")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("nlp", help="entity P/R/F1, quote P/R and speaker accuracy, words per second")
    p.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold JSON (default: bench/nlp_gold/gold.json)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--errors", action="store_true", help="also list misses and false alarms")
    p.add_argument("--min-seconds", type=float, default=3.0, help="time the engine for at least this long")
    p.set_defaults(run=run)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "pred": n_pred, "gold": n_gold}


def score_entities(pairs: Iterable[tuple[dict[str, Any], Annotation]], errors: list[str]) -> dict[str, Any]:
    """Exact span and type, per type and micro-averaged over the six shown types."""
    counts = {label: [0, 0, 0] for label in SHOWN_ENTITY_LABELS}
    for item, annotation in pairs:
        gold = {(e["start"], e["end"], e["label"]) for e in item["entities"] if e["label"] in counts}
        pred = {(e.start, e.end, e.label) for e in annotation.entities if e.label in counts}
        for key in gold | pred:
            c = counts[key[2]]
            c[0] += key in gold and key in pred
            c[1] += key in pred
            c[2] += key in gold
            if (key in gold) != (key in pred):
                what = "missed" if key in gold else "extra"
                errors.append(f"{item['id']} entity {what} {key[2]} {item['text'][key[0]:key[1]]!r} @{key[0]}")
    result: dict[str, Any] = {label: _prf(*c) for label, c in counts.items()}
    result["all"] = _prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return result


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _speaker_right(gold: dict[str, Any], pred: Any) -> bool:
    if gold["speaker_canonical"]:
        return bool(pred.speaker_canonical) and pred.speaker_canonical.casefold() == gold["speaker_canonical"].casefold()
    if pred.speaker_start is None:
        return False
    return _overlap((gold["speaker_start"], gold["speaker_end"]), (pred.speaker_start, pred.speaker_end)) > 0


def score_quotes(pairs: Iterable[tuple[dict[str, Any], Annotation]], errors: list[str]) -> dict[str, Any]:
    """Per kind: a predicted quote matches a gold one of that kind overlapping at least half of it."""
    tallies = {kind: {"tp": 0, "pred": 0, "gold": 0, "speaker_right": 0} for kind in KINDS}
    for item, annotation in pairs:
        for kind in KINDS:
            gold = [q for q in item["quotes"] if q["kind"] == kind]
            pred = [q for q in annotation.quotes if q.kind == kind]
            tally = tallies[kind]
            tally["pred"] += len(pred)
            tally["gold"] += len(gold)
            used: set[int] = set()
            for g in gold:
                span = (g["start"], g["end"])
                best = max(
                    (i for i in range(len(pred)) if i not in used and _overlap(span, (pred[i].start, pred[i].end)) * 2 >= span[1] - span[0]),
                    key=lambda i: _overlap(span, (pred[i].start, pred[i].end)),
                    default=None,
                )
                if best is None:
                    errors.append(f"{item['id']} {kind} missed: {g['text'][:70]!r}")
                    continue
                used.add(best)
                tally["tp"] += 1
                if _speaker_right(g, pred[best]):
                    tally["speaker_right"] += 1
                else:
                    errors.append(
                        f"{item['id']} {kind} speaker: want {g['speaker_canonical'] or g['speaker']!r}, "
                        f"got {pred[best].speaker_canonical or pred[best].speaker!r}: {g['text'][:50]!r}"
                    )
            for i, q in enumerate(pred):
                if i not in used:
                    errors.append(f"{item['id']} {kind} extra: {q.text[:70]!r} ({q.speaker})")
    result: dict[str, Any] = {}
    for kind, t in tallies.items():
        result[kind] = _prf(t["tp"], t["pred"], t["gold"])
        result[kind]["speaker_accuracy"] = round(t["speaker_right"] / t["tp"], 3) if t["tp"] else 0.0
    return result


def _one_core() -> None:
    """Keep numeric libraries to one thread so words/s is a per-core figure."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def run(args: argparse.Namespace) -> int:
    _one_core()
    from triage_app.core.nlp import get_engine

    items = json.loads(args.gold.read_text(encoding="utf-8"))["items"]
    engine = get_engine()
    started = time.perf_counter()
    engine.load()
    load_seconds = time.perf_counter() - started
    texts = [item["text"] for item in items]
    annotations = list(engine.annotate_many(texts))
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    done_words, started = 0, time.perf_counter()
    while True:
        for _ in engine.annotate_many(texts):
            pass
        done_words += words
        elapsed = time.perf_counter() - started
        if elapsed >= args.min_seconds:
            break
    errors: list[str] = []
    pairs = list(zip(items, annotations))
    figures = {
        "engine": engine.name,
        "texts": len(items),
        "words": words,
        "entities": score_entities(pairs, errors),
        "quotes": score_quotes(pairs, errors),
        "words_per_second": round(done_words / elapsed),
        "model_load_seconds": round(load_seconds, 2),
    }
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        _print(figures)
    if args.errors:
        print("\n".join(errors))
    return 0


def _print(figures: dict[str, Any]) -> None:
    print(f"{figures['engine']}: {figures['texts']} texts, {figures['words']} words")
    print(f"{'entities':<10}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}")
    for label, s in figures["entities"].items():
        print(f"{label:<10}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['gold']:>6}")
    print(f"{'quotes':<10}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'speaker':>9}")
    for kind, s in figures["quotes"].items():
        print(f"{kind:<10}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['gold']:>6}{s['speaker_accuracy']:>9.3f}")
    print(f"speed: {figures['words_per_second']} words/s on one core (model load {figures['model_load_seconds']} s)")
