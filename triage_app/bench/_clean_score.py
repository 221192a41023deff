"""The clean benchmark's metric and page sets (no `register`: `clean.py` is the command).

The metric is `../shared/eval/score_clean.py`'s, the acceptance scorer, reproduced exactly: `\\w+`
tokens (case kept), 4-gram shingles counted as multisets; per page tp, fp and fn are divided by their
sum; a page's precision is left out of the mean when nothing was predicted (and its recall when the
truth is empty); F1 is computed from the two means. A page is "below 0.5" when its own F1 is.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_TOKEN_RE = re.compile(r"\w+")
DEFAULT_ROOT = Path(__file__).resolve().parents[2].parent / "shared" / "eval"


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of `n`-token shingles of `text` (the whole text when it has fewer tokens)."""
    tokens = _TOKEN_RE.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_scores(truth: str, predicted: str) -> tuple[float | None, float | None]:
    """Precision and recall of one page; None where the scorer leaves the page out of that mean."""
    t, p = shingles(truth), shingles(predicted)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return 1.0, 1.0
    tp_n, fp_n, fn_n = tp / total, fp / total, fn / total
    precision = tp_n / (tp_n + fp_n) if tp_n + fp_n else None
    recall = tp_n / (tp_n + fn_n) if tp_n + fn_n else None
    return precision, recall


def page_f1(precision: float | None, recall: float | None) -> float:
    """One page's F1 as the scorer counts it for "pages below 0.5"."""
    p, r = precision or 0.0, recall or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """Figures of one method over the pages of one set."""

    name: str
    precisions: list[float | None] = field(default_factory=list)
    recalls: list[float | None] = field(default_factory=list)
    millis: list[float] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)

    def add(self, page: str, truth: str, predicted: str, ms: float) -> None:
        p, r = page_scores(truth, predicted)
        self.pages.append(page)
        self.precisions.append(p)
        self.recalls.append(r)
        self.millis.append(ms)

    def page_f1s(self) -> list[float]:
        return [page_f1(p, r) for p, r in zip(self.precisions, self.recalls)]

    def summary(self) -> dict[str, Any]:
        ps = [p for p in self.precisions if p is not None]
        rs = [r for r in self.recalls if r is not None]
        p = statistics.fmean(ps) if ps else 0.0
        r = statistics.fmean(rs) if rs else 0.0
        ms = sorted(self.millis) or [0.0]
        return {
            "method": self.name,
            "pages": len(self.pages),
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "below_0.5": [pg for pg, f in zip(self.pages, self.page_f1s()) if f < 0.5],
            "median_ms": round(statistics.median(ms), 1),
            "p95_ms": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 1),
        }

    def worst(self, count: int) -> list[tuple[str, float]]:
        return sorted(zip(self.pages, self.page_f1s()), key=lambda row: row[1])[:count]


def find_sets(root: Path) -> dict[str, Path]:
    """Every page set under `root` (a folder with ground-truth.json and html/), by its path below root."""
    found: dict[str, Path] = {}
    if (root / "ground-truth.json").is_file() and (root / "html").is_dir():
        found[root.name] = root
        return found
    for truth in sorted(root.rglob("ground-truth.json")):
        folder = truth.parent
        if (folder / "html").is_dir():
            found[folder.relative_to(root).as_posix()] = folder
    return found


def pick_sets(root: Path, wanted: list[str]) -> dict[str, Path]:
    """The named sets (by name below root, last part of the name, or a folder path); all when none named."""
    available = find_sets(root)
    if not wanted:
        return available
    picked: dict[str, Path] = {}
    for name in wanted:
        matches = {k: v for k, v in available.items() if k == name or k.rsplit("/", 1)[-1] == name}
        if not matches and Path(name).is_dir():
            matches = find_sets(Path(name))
        if not matches:
            raise LookupError(f"no page set {name!r} under {root}")
        picked.update(matches)
    return picked


def decode_html(data: bytes) -> str:
    """Decode page bytes: UTF-8 when valid, else the charset the page or charset-normalizer names."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = re.search(rb"charset=[\"']?([A-Za-z0-9_.:-]+)", data[:4096])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", errors="replace")


@dataclass
class Page:
    """One page of a set: its id, expected text, HTML and (when the set has them) its text dump and its
    PDF print."""

    page_id: str
    truth: str
    html: str
    dump: str | None
    pdf: bytes | None = None


def page_ids(folder: Path, limit: int = 0, seed: int = 11) -> list[str]:
    """The ids of a set, sorted; a seeded sample of `limit` of them when `limit` is set."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)
    if limit and limit < len(ids):
        ids = sorted(random.Random(seed).sample(ids, limit))
    return ids


def load_pages(folder: Path, ids: list[str], dumps: Path | None = None) -> list[Page]:
    """The pages `ids` of the set in `folder`; their dumps (`<id>.txt`) and PDF prints (`<id>.pdf`) from
    `dumps/<set name>/` when given, else the set's `dumps/`."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    dump_folder = dumps / folder.name if dumps is not None else folder / "dumps"
    pages = []
    for page_id in ids:
        html = decode_html(gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes()))
        dump_path = dump_folder / f"{page_id}.txt"
        dump = dump_path.read_text(encoding="utf-8") if dump_path.is_file() else None
        pdf_path = dump_folder / f"{page_id}.pdf"
        pdf = pdf_path.read_bytes() if pdf_path.is_file() else None
        pages.append(Page(page_id, truth[page_id].get("articleBody") or "", html, dump, pdf))
    return pages
