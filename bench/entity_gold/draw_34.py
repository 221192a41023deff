"""Engineer 34's seeded draw of wceb-dev pages to label (see NOTES-34.md).

Run from the repository root: `python bench/entity_gold/draw_34.py [EVAL_DIR]`. Prints, per subset, the
candidate pages in draw order (gold >= 150 words, English by a stopword test) with URL and word count;
the annotator takes them in that order, skipping pure lists/code and keeping the kinds diverse.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

SEED = 34
SUBSETS = {"tiptopjaw-2026": 16, "cleanportaleval": 6}
EN_STOP = {"the", "and", "of", "to", "is", "in", "that", "for", "with", "it", "on", "are", "this", "was", "you"}
OTHER_STOP = {"le", "la", "les", "des", "et", "que", "de", "el", "los", "las", "y", "em", "os", "não", "и", "в", "на"}


def words(text: str) -> list[str]:
    """The `\\w+` tokens of a text, lower-cased."""
    return re.findall(r"\w+", text.lower())


def english(text: str) -> bool:
    """True when English stopwords clearly outnumber French/Spanish/Portuguese/Russian ones."""
    toks = words(text)
    en = sum(t in EN_STOP for t in toks)
    other = sum(t in OTHER_STOP for t in toks)
    return en >= 0.08 * len(toks) and en > 3 * other


def passage(body: str, low: int = 200, high: int = 600) -> str:
    """The verbatim start of `body` up to the first line or sentence end at which it has >= `low` words.

    Units are lines, or sentences when a line is long, so a one-paragraph page still gives a short
    passage; the result is a prefix of `body`, so offsets into it are offsets into the gold text.
    """
    end = 0
    for m in re.finditer(r"[^\n]+?(?:[.!?](?= )|$)", body, flags=re.M):
        end = m.end()
        if len(words(body[:end])) >= low:
            break
    if len(words(body[:end])) > high:
        raise ValueError("no passage boundary below the word limit")
    return body[:end]


def draw(eval_dir: Path, subset: str) -> list[tuple[str, str, int]]:
    """(id, url, words) of the subset's eligible pages, shuffled with SEED."""
    gold = json.loads((eval_dir / "wceb-dev" / subset / "ground-truth.json").read_text(encoding="utf-8"))
    eligible = sorted(
        (pid, entry.get("url", ""), len(words(entry["articleBody"])))
        for pid, entry in gold.items()
        if len(words(entry["articleBody"])) >= 150 and english(entry["articleBody"])
    )
    random.Random(f"{SEED}:{subset}").shuffle(eligible)
    return eligible


def main() -> None:
    eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "eval"
    for subset, want in SUBSETS.items():
        rows = draw(eval_dir, subset)
        print(f"== {subset}: {len(rows)} eligible, {want} wanted")
        for pid, url, n in rows[: want * 3]:
            print(f"{pid[:8]} {n:6d} {url}")


if __name__ == "__main__":
    main()
