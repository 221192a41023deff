"""Build gold.json from the hand labels in labels.py and the article texts.

Run from the repository root: `.venv/bin/python bench/nlp_gold/make_gold.py [AEB_DIR]`.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from labels import ARTICLES, SEED_KEY  # noqa: E402

SCORED = {"PERSON", "ORG", "PLACE", "DATE", "NORP", "MONEY"}


def seed_text() -> str:
    """The seed's article body: lines 8-34 of the dump, paragraphs joined by blank lines."""
    lines = (ROOT / "seeds" / "000_ebcec2d24457d197.txt").read_text(encoding="utf-8").splitlines()[7:34]
    return "\n\n".join(line.strip() for line in lines if line.strip())


def expand_entities(text: str, labels: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Every whole-word occurrence of each labelled surface; the longer span wins an overlap."""
    found: list[tuple[int, int, str]] = []
    for label, surface in labels:
        hits = [(m.start(), m.end(), label) for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]
        if not hits:
            raise SystemExit(f"not found: {surface!r}")
        found.extend(hits)
    found.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    kept: list[tuple[int, int, str]] = []
    for start, end, label in found:
        if all(end <= k[0] or start >= k[1] for k in kept):
            kept.append((start, end, label))
    return [
        {"start": s, "end": e, "text": text[s:e], "label": label}
        for s, e, label in sorted(kept)
        if label in SCORED
    ]


def _find(text: str, needle: str, after: int = 0) -> int:
    pos = text.find(needle, after)
    if pos < 0:
        pos = text.find(needle)
    if pos < 0:
        raise SystemExit(f"quote text not found: {needle!r}")
    return pos


def expand_quotes(text: str, labels: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    quotes = []
    cursor = 0
    for kind, spec, speaker, canonical in labels:
        if isinstance(spec, tuple):
            start = _find(text, spec[0], cursor)
            end = _find(text, spec[1], start) + len(spec[1])
        else:
            start = _find(text, spec, cursor)
            end = start + len(spec)
            if kind == "partial" and spec.endswith('" security'):
                end = start + len(spec) - len('" security')
        cursor = start
        candidates = [m.start() for m in re.finditer(re.escape(speaker), text)]
        if not candidates:
            raise SystemExit(f"speaker not found: {speaker!r}")
        s_start = min(candidates, key=lambda p: min(abs(p - start), abs(p - end)))
        quotes.append(
            {
                "start": start, "end": end, "text": text[start:end], "kind": kind, "speaker": speaker,
                "speaker_start": s_start, "speaker_end": s_start + len(speaker), "speaker_canonical": canonical,
            }
        )
    return sorted(quotes, key=lambda q: (q["start"], q["end"]))


def main(argv: list[str]) -> int:
    aeb = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "eval" / "aeb-dev"
    truth = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    items = []
    for key, labels in ARTICLES.items():
        if key == SEED_KEY:
            text, url, source = seed_text(), None, "seeds/000_ebcec2d24457d197.txt lines 8-34"
        else:
            text, url, source = truth[key]["articleBody"], truth[key]["url"], f"aeb-dev ground-truth.json {key}"
        items.append(
            {
                "id": key[:16], "source": source, "url": url, "text": text,
                "entities": expand_entities(text, labels["entities"]),
                "quotes": expand_quotes(text, labels["quotes"]),
            }
        )
    out = HERE / "gold.json"
    out.write_text(json.dumps({"version": 1, "items": items}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out}: {len(items)} texts, {sum(len(i['entities']) for i in items)} entities, "
          f"{sum(len(i['quotes']) for i in items)} quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
