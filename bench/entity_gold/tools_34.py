"""Engineer 34's labelling helper: hand labels (labels_34.py) -> one JSON file per document.

Run from the repository root: `python bench/entity_gold/tools_34.py [EVAL_DIR] [--show KEY]`.
A label is (LABEL, surface) for every whole-word, case-sensitive occurrence of `surface` in the
passage, or (LABEL, surface, k) / (LABEL, surface, [k, ...]) for the k-th occurrences only (1-based).
A span inside a longer labelled span is dropped (the longer one wins, as in nlp_gold); labels outside
the six scored types (PRODUCT, EVENT, LAW, WORK, ...) only block shorter spans inside them. The tool
refuses: a surface or occurrence that is not there, two labels on the same span, crossing spans, an
explicitly numbered occurrence swallowed by a longer span, and a label that ends up with no span.
`--show KEY` prints the passage with [LABEL text] marks and the capitalised words and numbers left
unmarked, for the check by eye.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from draw_34 import passage  # noqa: E402
from labels_34 import ANNOTATOR, DOCS  # noqa: E402

SCORED = ("PERSON", "ORG", "PLACE", "DATE", "NORP", "MONEY")
Span = tuple[int, int, str, bool]  # start, end, label, explicitly numbered


class LabelError(ValueError):
    """A label that cannot be turned into offsets without guessing."""


def occurrences(text: str, surface: str, digits_touch: bool = False) -> list[tuple[int, int]]:
    """Whole-word, case-sensitive occurrences of `surface` (a digit may touch it if `digits_touch`)."""
    left, right = (r"(?<![^\W\d])", r"(?![^\W\d])") if digits_touch else (r"(?<!\w)", r"(?!\w)")
    pattern = rf"{left}{re.escape(surface)}{right}"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def resolve(text: str, labels: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Offsets of the labelled spans; raises LabelError on anything ambiguous."""
    claimed: dict[tuple[int, int], Span] = {}
    owner: dict[tuple[int, int], tuple[Any, ...]] = {}
    for spec in labels:
        label, surface = spec[0], spec[1]
        digits_touch = len(spec) > 3 and spec[3] == "digits"
        hits = occurrences(text, surface, digits_touch)
        if not hits:
            raise LabelError(f"not found: {spec!r}")
        explicit = len(spec) > 2 and spec[2] is not None
        if explicit:
            wanted = [spec[2]] if isinstance(spec[2], int) else list(spec[2])
            if any(k < 1 or k > len(hits) for k in wanted):
                raise LabelError(f"occurrence out of range ({len(hits)} found): {spec!r}")
            hits = [hits[k - 1] for k in wanted]
        for start, end in hits:
            if (start, end) in claimed:
                raise LabelError(f"span labelled twice: {spec!r} and {owner[(start, end)]!r}")
            claimed[(start, end)] = (start, end, label, explicit)
            owner[(start, end)] = spec
    spans = sorted(claimed.values(), key=lambda s: (-(s[1] - s[0]), s[0]))
    kept: list[Span] = []
    for span in spans:
        start, end, _, explicit = span
        inside = [k for k in kept if k[0] <= start and end <= k[1]]
        crossing = [k for k in kept if start < k[1] and k[0] < end and not (k[0] <= start and end <= k[1])]
        if crossing:
            raise LabelError(f"crossing spans: {text[start:end]!r} and {text[crossing[0][0]:crossing[0][1]]!r}")
        if inside and explicit:
            raise LabelError(f"numbered occurrence inside a longer span: {owner[(start, end)]!r}")
        if not inside:
            kept.append(span)
    used = {owner[(s, e)] for s, e, _, _ in kept}
    for spec in labels:
        if spec not in used:
            raise LabelError(f"label with no span left (all inside longer ones): {spec!r}")
    return [
        {"start": s, "end": e, "text": text[s:e], "label": lab}
        for s, e, lab, _ in sorted(kept)
        if lab in SCORED
    ]


def show(text: str, entities: list[dict[str, Any]]) -> str:
    """The passage with [LABEL text] marks, then the unmarked capitalised words and numbers."""
    out, pos = [], 0
    covered = [False] * len(text)
    for ent in entities:
        out += [text[pos:ent["start"]], f"[{ent['label']} {ent['text']}]"]
        pos = ent["end"]
        covered[ent["start"]:ent["end"]] = [True] * (ent["end"] - ent["start"])
    out.append(text[pos:])
    loose = sorted({m.group() for m in re.finditer(r"\b(?:[A-Z]\w*|\d[\d,.]*)", text) if not covered[m.start()]})
    return "".join(out) + "\n\n-- unmarked: " + " ".join(loose)


def build(eval_dir: Path, show_key: str | None = None) -> dict[str, int]:
    """Write every document of labels_34.py; returns the count of mentions per label."""
    golds: dict[str, dict[str, Any]] = {}
    counts = dict.fromkeys(SCORED, 0)
    for key, doc in DOCS.items():
        subset, id8 = key.split("/")
        if subset not in golds:
            golds[subset] = json.loads((eval_dir / "wceb-dev" / subset / "ground-truth.json").read_text(encoding="utf-8"))
        (pid,) = [p for p in golds[subset] if p.startswith(id8)]
        text = passage(golds[subset][pid]["articleBody"])
        try:
            entities = resolve(text, doc["entities"])
        except LabelError as exc:
            raise SystemExit(f"{key}: {exc}") from exc
        record = {
            "source": f"wceb-dev/{subset}/{pid}", "kind": doc["kind"], "language": "en", "text": text,
            "entities": entities, "annotator": ANNOTATOR,
        }
        name = f"{subset}_{id8}.json"
        (HERE / name).write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        for ent in entities:
            counts[ent["label"]] += 1
        if show_key in (key, id8):
            print(show(text, entities))
    return counts


def main() -> None:
    args = sys.argv[1:]
    show_key = None
    if "--show" in args:
        i = args.index("--show")
        show_key = args[i + 1]
        del args[i : i + 2]
    eval_dir = Path(args[0]) if args else HERE.parents[2] / "shared" / "eval"
    counts = build(eval_dir, show_key)
    print(f"{len(DOCS)} documents, mentions: {counts}, total {sum(counts.values())}")


if __name__ == "__main__":
    main()
