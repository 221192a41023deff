"""Scoring for `bench nlp`: entity P/R/F1 per label, exact and with span conventions folded, and quotes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from triage_app.core.records import SHOWN_ENTITY_LABELS, Annotation

KINDS = ("direct", "partial", "indirect")
_LEADING = ("the ", "about ", "more than ")
_TRAILING = ("'s", "’s", ".")

Span = tuple[int, int, str]


def fold(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the conventions gold sets disagree on: leading "the", "about", "more than";
    trailing "'s" and "."."""
    changed = True
    while changed and start < end:
        changed = False
        piece = text[start:end].lower()
        for lead in _LEADING:
            if piece.startswith(lead) and end - start > len(lead):
                start += len(lead)
                changed = True
                break
        piece = text[start:end]
        for trail in _TRAILING:
            if piece.endswith(trail) and end - start > len(trail):
                end -= len(trail)
                changed = True
                break
    return start, end


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "pred": n_pred, "gold": n_gold}


def score_spans(
    docs: Iterable[tuple[str, str, set[Span], set[Span]]], *, folded: bool, errors: list[str] | None = None
) -> dict[str, Any]:
    """Exact span and type per label and micro-averaged over the six shown labels; `docs` holds
    (id, text, gold spans, predicted spans)."""
    counts = {label: [0, 0, 0] for label in SHOWN_ENTITY_LABELS}
    for doc_id, text, gold_spans, pred_spans in docs:
        gold = {(*fold(text, s, e), lab) if folded else (s, e, lab) for s, e, lab in gold_spans if lab in counts}
        pred = {(*fold(text, s, e), lab) if folded else (s, e, lab) for s, e, lab in pred_spans if lab in counts}
        for key in gold | pred:
            c = counts[key[2]]
            c[0] += key in gold and key in pred
            c[1] += key in pred
            c[2] += key in gold
            if errors is not None and (key in gold) != (key in pred):
                what = "missed" if key in gold else "extra"
                errors.append(f"{doc_id} entity {what} {key[2]} {text[key[0]:key[1]]!r} @{key[0]}")
    result: dict[str, Any] = {label: prf(*c) for label, c in counts.items()}
    result["all"] = prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
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
                    (
                        i for i in range(len(pred))
                        if i not in used and _overlap(span, (pred[i].start, pred[i].end)) * 2 >= span[1] - span[0]
                    ),
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
        result[kind] = prf(t["tp"], t["pred"], t["gold"])
        result[kind]["speaker_accuracy"] = round(t["speaker_right"] / t["tp"], 3) if t["tp"] else 0.0
    return result
