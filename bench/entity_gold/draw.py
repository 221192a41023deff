"""Seeded random draw of the pages to label for `bench/entity_gold/`, and the passage of each.

Run from the repository root: `.venv/bin/python bench/entity_gold/draw.py SUBSET COUNT [EVAL_DIR]`.
Prints, in the drawn order, every eligible page (gold `articleBody` of >= 150 words, English by a
stopword share, not a list or code) with its passage; the annotator takes them in order and skips (with
a reason, noted in README.md) the ones that are not prose. The seed is fixed so the draw is repeatable.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

SEED = 20261204
MIN_WORDS, TARGET_WORDS, MAX_WORDS = 150, 220, 600
_EN = {"the", "and", "of", "to", "a", "in", "is", "that", "for", "it", "with", "was", "on", "as", "be", "are"}


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def english(text: str) -> bool:
    toks = re.findall(r"[a-z]+", text.lower())
    return bool(toks) and sum(t in _EN for t in toks) / len(toks) >= 0.15


def prose(text: str) -> bool:
    """Not a pure list or code: most words sit in paragraphs of 25+ words, few code characters."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    long_words = sum(words(p) for p in paras if words(p) >= 25)
    code = len(re.findall(r"[{};<>=]", text)) / max(1, len(text))
    return long_words >= 0.6 * words(text) and code < 0.01


def passage(text: str) -> str:
    """Whole paragraphs from the first prose paragraph on, until TARGET_WORDS (at most MAX_WORDS),
    verbatim from the gold (a substring, so offsets into it are offsets into the passage)."""
    paras = [m for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)]
    first = next((i for i, m in enumerate(paras) if words(m.group()) >= 25), 0)
    start, end, n = paras[first].start(), paras[first].start(), 0
    for m in paras[first:]:
        if n >= TARGET_WORDS or n + words(m.group()) > MAX_WORDS:
            break
        end, n = m.end(), n + words(m.group())
    return text[start:end]


def main(argv: list[str]) -> int:
    subset, count = argv[1], int(argv[2])
    root = Path(argv[3]) if len(argv) > 3 else Path(__file__).resolve().parents[3] / "shared" / "eval" / "wceb-dev"
    truth = json.loads((root / subset / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    random.Random(f"{SEED}-{subset}").shuffle(ids)
    shown = 0
    for page_id in ids:
        body = truth[page_id]["articleBody"]
        if words(body) < MIN_WORDS or not english(body) or not prose(body):
            continue
        text = passage(body)
        if words(text) < MIN_WORDS:
            continue
        print(f"### {subset}_{page_id[:8]} {page_id} words={words(text)} url={truth[page_id].get('url')}")
        print(text)
        print()
        shown += 1
        if shown >= count:
            break
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
