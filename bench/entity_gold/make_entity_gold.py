"""Build `bench/entity_gold/<set>_<id8>.json` from the labels in `labels.py` and the wceb-dev gold texts.

Run from the repository root: `.venv/bin/python bench/entity_gold/make_entity_gold.py [--show] [WCEB_DIR]`.
A label is `(LABEL, surface)` (every whole-word, case-sensitive occurrence) or `(LABEL, surface, k)` /
`(LABEL, surface, (k1, k2))` (only those 1-based occurrences). The longer span wins where a labelled span
lies inside another; labels outside the six scored types (PRODUCT, WORK, EVENT, LAW) only block the names
inside them. It REFUSES (exits with the reason) anything ambiguous: a surface that is not found, an
occurrence number out of range, the same occurrence given two labels, two spans that cross, a span with
surrounding space, a leading lower-case "the" or a trailing possessive. `--show` prints each text with its
spans in [[brackets|LABEL]] and the capitalised words and numbers left outside any span, for the
by-eye check.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from draw import passage  # noqa: E402
from labels import ANNOTATOR, DOCS  # noqa: E402

SCORED = {"PERSON", "ORG", "PLACE", "DATE", "NORP", "MONEY"}
BLOCKING = {"PRODUCT", "WORK", "EVENT", "LAW"}


class Refused(Exception):
    """A label that does not say exactly which span it means."""


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]


def resolve(text: str, labels: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """(label, surface[, occurrence]) -> entity dicts with offsets; raises Refused on any ambiguity."""
    spans: dict[tuple[int, int], str] = {}
    for entry in labels:
        label, surface = entry[0], entry[1]
        if label not in SCORED | BLOCKING:
            raise Refused(f"unknown label {label!r} for {surface!r}")
        if surface != surface.strip() or surface.startswith("the ") or surface.endswith(("'s", "’s")):
            raise Refused(f"span convention broken: {surface!r}")
        hits = occurrences(text, surface)
        if not hits:
            raise Refused(f"not found as a whole word: {surface!r}")
        if len(entry) > 2:
            wanted = entry[2] if isinstance(entry[2], tuple) else (entry[2],)
            if any(not 1 <= k <= len(hits) for k in wanted):
                raise Refused(f"{surface!r} occurs {len(hits)} times, asked for {wanted}")
            hits = [hits[k - 1] for k in wanted]
        for hit in hits:
            if hit in spans and spans[hit] != label:
                raise Refused(f"{surface!r} @{hit[0]} labelled both {spans[hit]} and {label}")
            spans[hit] = label
    ordered = sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0]))
    kept: list[tuple[int, int]] = []
    for start, end in ordered:
        inside = [k for k in kept if k[0] <= start and end <= k[1]]
        crossing = [k for k in kept if start < k[1] and k[0] < end and not (k[0] <= start and end <= k[1])]
        if crossing:
            raise Refused(f"{text[start:end]!r} crosses {text[crossing[0][0]:crossing[0][1]]!r}")
        if not inside:
            kept.append((start, end))
    return [
        {"start": s, "end": e, "text": text[s:e], "label": spans[(s, e)]}
        for s, e in sorted(kept)
        if spans[(s, e)] in SCORED
    ]


def show(text: str, entities: list[dict[str, Any]]) -> str:
    out, pos = [], 0
    for e in entities:
        out += [text[pos:e["start"]], f"[[{e['text']}|{e['label']}]]"]
        pos = e["end"]
    out.append(text[pos:])
    covered = {i for e in entities for i in range(e["start"], e["end"])}
    loose = sorted({m.group() for m in re.finditer(r"\b(?:[A-Z][\w.’'-]*|\d[\d,.]*)", text) if m.start() not in covered})
    return "".join(out) + "\n-- outside any span: " + ", ".join(loose)


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if a != "--show"]
    wceb = Path(args[0]) if args else HERE.parents[2] / "shared" / "eval" / "wceb-dev"
    truths: dict[str, Any] = {}
    for name, doc in DOCS.items():
        subset, _ = name.split("_", 1)
        if subset not in truths:
            truths[subset] = json.loads((wceb / subset / "ground-truth.json").read_text(encoding="utf-8"))
        text = passage(truths[subset][doc["id"]]["articleBody"])
        try:
            entities = resolve(text, doc["entities"])
        except Refused as exc:
            raise SystemExit(f"{name}: refused: {exc}") from None
        record = {
            "source": f"wceb-dev/{subset}/{doc['id']}", "kind": doc["kind"], "language": "en", "text": text,
            "entities": entities, "annotator": ANNOTATOR,
        }
        (HERE / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if "--show" in argv:
            print(f"### {name} ({doc['kind']})\n{show(text, entities)}\n")
    print(f"{len(DOCS)} files, {sum(len(resolve(passage(truths[n.split('_', 1)[0]][d['id']]['articleBody']), d['entities'])) for n, d in DOCS.items())} entities", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
