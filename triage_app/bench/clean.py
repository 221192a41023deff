"""`python -m triage_app.bench clean EVAL_DIR`: score the cleaner on HTML pages and text dumps.

The metric is the article-extraction-benchmark's: lowercase `\\w+` tokens, 4-gram shingles counted as
multisets; per page tp, fp and fn are divided by their sum; precision (tp / (tp + fp)) and recall
(tp / (tp + fn)) are averaged over pages, and F1 is computed from the two means. A page where nothing
is predicted scores precision 1 only when the truth is empty too (and recall likewise).
Plain trafilatura runs in the same process on the same pages, so the timing ratio holds on a busy machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_TOKEN_RE = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of `n`-token shingles of `text` (the whole text when it has fewer tokens)."""
    tokens = _TOKEN_RE.findall(text.lower())
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_scores(truth: str, predicted: str) -> tuple[float, float]:
    """Precision and recall of one page."""
    t, p = shingles(truth), shingles(predicted)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return 1.0, 1.0
    tp_n, fp_n, fn_n = tp / total, fp / total, fn / total
    precision = tp_n / (tp_n + fp_n) if tp_n + fp_n else (1.0 if fn_n == 0 else 0.0)
    recall = tp_n / (tp_n + fn_n) if tp_n + fn_n else 1.0
    return precision, recall


@dataclass
class Score:
    """Figures of one method over all pages."""

    name: str
    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    millis: list[float] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)

    def add(self, page: str, truth: str, predicted: str, ms: float) -> None:
        p, r = page_scores(truth, predicted)
        self.pages.append(page)
        self.precisions.append(p)
        self.recalls.append(r)
        self.millis.append(ms)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, Any]:
        p = statistics.fmean(self.precisions) if self.precisions else 0.0
        r = statistics.fmean(self.recalls) if self.recalls else 0.0
        per_page = [self._f1(a, b) for a, b in zip(self.precisions, self.recalls)]
        ms = sorted(self.millis) or [0.0]
        return {
            "method": self.name,
            "pages": len(self.pages),
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(self._f1(p, r), 4),
            "below_0.5": [pg for pg, f in zip(self.pages, per_page) if f < 0.5],
            "median_ms": round(statistics.median(ms), 1),
            "p95_ms": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 1),
        }

    def worst(self, count: int) -> list[tuple[str, float, float, float]]:
        rows = [(pg, self._f1(a, b), a, b) for pg, a, b in zip(self.pages, self.precisions, self.recalls)]
        return sorted(rows, key=lambda r: r[1])[:count]


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


def load_eval(folder: Path) -> list[tuple[str, str, str, str | None]]:
    """(page id, truth, html, dump text or None) for every page of the set."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        html = decode_html(gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes()))
        dump_path = folder / "dumps" / f"{page_id}.txt"
        dump = dump_path.read_text(encoding="utf-8") if dump_path.is_file() else None
        pages.append((page_id, truth[page_id].get("articleBody") or "", html, dump))
    return pages


def _timed(fn: Callable[[], str]) -> tuple[str, float]:
    started = time.perf_counter()
    try:
        out = fn()
    except Exception:  # a crash scores as an empty extraction
        out = ""
    return out or "", (time.perf_counter() - started) * 1000


def run_bench(folder: Path, *, modes: Iterable[str] = ("html", "text")) -> list[Score]:
    """Score our cleaner and plain trafilatura (HTML), and our cleaner and the raw dump (text)."""
    import trafilatura

    from triage_app.core.clean import clean_document
    from triage_app.core.records import ParsedDocument

    pages = load_eval(folder)
    modes = set(modes)
    ours_html, traf, ours_text, raw = Score("triage html"), Score("trafilatura"), Score("triage text"), Score("raw dump")
    for page_id, truth, html, dump in pages:
        if "html" in modes:
            doc = ParsedDocument(page_id, b"", "html", "utf-8", html=html)
            out, ms = _timed(lambda: clean_document(doc).text)
            ours_html.add(page_id, truth, out, ms)
            out, ms = _timed(lambda: trafilatura.extract(html) or "")
            traf.add(page_id, truth, out, ms)
        if "text" in modes and dump is not None:
            doc = ParsedDocument(page_id, b"", "text", "utf-8", text=dump)
            out, ms = _timed(lambda: clean_document(doc).text)
            ours_text.add(page_id, truth, out, ms)
            raw.add(page_id, truth, dump, 0.0)
    return [s for s in (ours_html, traf, ours_text, raw) if s.pages]


def _print_table(scores: list[Score], worst: int) -> None:
    print(f"{'method':<14}{'pages':>6}{'P':>8}{'R':>8}{'F1':>8}{'<0.5':>6}{'med ms':>9}{'p95 ms':>9}")
    for s in scores:
        d = s.summary()
        print(
            f"{d['method']:<14}{d['pages']:>6}{d['precision']:>8.4f}{d['recall']:>8.4f}{d['f1']:>8.4f}"
            f"{len(d['below_0.5']):>6}{d['median_ms']:>9.1f}{d['p95_ms']:>9.1f}"
        )
    by_name = {s.name: s.summary() for s in scores}
    if "triage html" in by_name and "trafilatura" in by_name and by_name["trafilatura"]["median_ms"]:
        ratio = by_name["triage html"]["median_ms"] / by_name["trafilatura"]["median_ms"]
        print(f"median time ratio triage/trafilatura: {ratio:.2f}")
    for s in scores:
        if worst and s.name.startswith("triage"):
            print(f"worst pages, {s.name}:")
            for page, f1, p, r in s.worst(worst):
                print(f"  {page[:16]} F1 {f1:.3f} P {p:.3f} R {r:.3f}")


def _run(args: argparse.Namespace) -> int:
    folder = Path(args.eval_dir)
    if not (folder / "ground-truth.json").is_file():
        print(f"no ground-truth.json in {folder}")
        return 2
    modes = ("html", "text") if args.mode == "both" else (args.mode,)
    scores = run_bench(folder, modes=modes)
    if args.json:
        print(json.dumps([s.summary() for s in scores], indent=2))
    else:
        _print_table(scores, args.worst)
    return 0


def register(subparsers: Any) -> None:
    """Add the `clean` benchmark."""
    p = subparsers.add_parser("clean", help="precision/recall/F1 and speed of the cleaner against trafilatura")
    p.add_argument("eval_dir", metavar="EVAL_DIR", help="folder with html/, dumps/ and ground-truth.json")
    p.add_argument("--mode", choices=["html", "text", "both"], default="both")
    p.add_argument("--worst", type=int, default=0, metavar="N", help="also list the N worst pages")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(run=_run)
