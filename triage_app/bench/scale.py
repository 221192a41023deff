"""`python -m triage_app.bench all`: the speed-at-scale suite of issue 7, printed as one table.

It builds everything it needs in a temporary folder from the aeb-dev pages (see `corpus.py` for how the
pages are varied so that dedup does not collapse them) and prints, each against its goal:
import + clean pages/s (2 processes) beside trafilatura alone, annotation words/s, FTS latency over a
large library, list-model row fetch and re-sort times, document open time, GUI cold start and peak RSS,
library size against the originals, and the export of a 500-document packet.
`--quick` runs a small variant (used by the tests to keep the suite working, not to judge speed).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from triage_app.bench import _stats
from triage_app.bench._stats import Row
from triage_app.bench.corpus import QUERIES, build_large_library, varied_html_pages


def register(subparsers: Any) -> None:
    """Add `all` (the whole suite)."""
    p = subparsers.add_parser("all", help="the speed-at-scale suite (issue 7)")
    p.add_argument("eval_dir", nargs="?", default="../shared/eval/aeb-dev", type=Path)
    p.add_argument("--quick", action="store_true", help="small sizes, for tests")
    p.add_argument("--pages", type=int, default=1000, help="HTML pages to import (default 1000)")
    p.add_argument("--docs", type=int, default=100_000, help="documents in the large library (default 100,000)")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--keep", type=Path, default=None, help="keep the built libraries in this folder")
    p.add_argument("--out", type=Path, default=None, help="also write the table to this Markdown file")
    p.set_defaults(run=run_all)


def bench_import(eval_dir: Path, work: Path, pages: int, workers: int) -> tuple[list[Row], Path]:
    """Figure 1 (import + clean pages/s vs trafilatura alone) and figure 7 (library size)."""
    import trafilatura

    from triage_app.core import jobs
    from triage_app.core.library import Library

    page_dir = work / "pages"
    paths = varied_html_pages(eval_dir, pages, page_dir)
    lib_path = work / "import.sqlite"
    library = Library.open(lib_path)
    start = time.perf_counter()
    outcomes = [p.result for p in jobs.import_documents(library, [page_dir], workers=workers) if p.result]
    elapsed = time.perf_counter() - start
    library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    originals = int(library.db.execute("SELECT coalesce(sum(size), 0) FROM documents").fetchone()[0])
    library.close()
    imported = sum(1 for o in outcomes if o.status == "imported")
    ours = imported / elapsed if elapsed else 0.0
    start = time.perf_counter()
    for path in paths:
        trafilatura.extract(path.read_bytes().decode("utf-8", "replace"))
    traf_elapsed = time.perf_counter() - start
    theirs = len(paths) / traf_elapsed if traf_elapsed else 0.0
    ratio = (elapsed / imported) / (traf_elapsed / len(paths)) if imported and paths else 0.0
    size = lib_path.stat().st_size + sum(p.stat().st_size for p in lib_path.parent.glob("import.sqlite-*"))
    rows = [
        Row(f"1. import + clean, {imported} HTML pages, {workers} processes", f"{ours:.1f} pages/s", ">= 25 pages/s", ours >= 25),
        Row("1. trafilatura alone, same pages, 1 process", f"{theirs:.1f} pages/s", "", None),
        Row("1. time per page, ours / trafilatura alone", f"{ratio:.2f}x", "<= 1.5x", ratio <= 1.5),
        Row(
            "7. library size / originals",
            f"{size / originals:.2f} ({size / 1e6:.1f} MB / {originals / 1e6:.1f} MB)" if originals else "n/a",
            "<= 1.0",
            (size / originals) <= 1.0 if originals else None,
        ),
    ]
    return rows, lib_path


def bench_search(lib_path: Path, rounds: int) -> list[Row]:
    """Figure 3: FTS latency over the large library for typical queries."""
    from triage_app.core.library import Library, document_filter, search

    library = Library.open(lib_path)
    try:
        count = int(library.db.execute("SELECT count(*) FROM documents").fetchone()[0])
        for q in QUERIES:  # warm the page cache once, as an analyst's second search would be
            document_filter.find_ids(library.db, document_filter.DocumentFilter(query=q))
        times: list[float] = []
        for _ in range(rounds):
            for q in QUERIES:
                _, ms = _stats.timed(partial(document_filter.find_ids, library.db, document_filter.DocumentFilter(query=q)))
                times.append(ms)
        snippet_times = [
            _stats.timed(partial(search.search, library.db, q, limit=50))[1] for q in QUERIES
        ]
        first_times = [
            _stats.timed(partial(document_filter.find_ids, library.db, document_filter.DocumentFilter(query=q), limit=200))[1]
            for q in QUERIES
        ]
    finally:
        library.close()
    p95 = _stats.percentile(times, 95)
    return [
        Row(
            f"3. search, {len(QUERIES)} queries x {rounds}, {count:,} docs (all ranked ids)",
            f"median {_stats.median(times):.1f} ms, p95 {p95:.1f} ms",
            "p95 < 50 ms",
            p95 < 50,
        ),
        Row(
            "3. search with snippets, first 50 hits",
            f"median {_stats.median(snippet_times):.1f} ms, p95 {_stats.percentile(snippet_times, 95):.1f} ms",
            "", None,
        ),
        Row(
            "3. search, first 200 ranked ids only (a first-page path)",
            f"median {_stats.median(first_times):.1f} ms, p95 {_stats.percentile(first_times, 95):.1f} ms",
            "", None,
        ),
    ]


TABLE_START, TABLE_END = "<!-- bench table -->", "<!-- /bench table -->"


def write_table(out: Path, table: str) -> None:
    """Write the table to `out`; a file with the table markers keeps its prose, only the table is replaced."""
    text = out.read_text(encoding="utf-8") if out.is_file() else ""
    if TABLE_START in text and TABLE_END in text:
        head, rest = text.split(TABLE_START, 1)
        tail = rest.split(TABLE_END, 1)[1]
        out.write_text(f"{head}{TABLE_START}\n{table}\n{TABLE_END}{tail}", encoding="utf-8")
    else:
        out.write_text(table + "\n", encoding="utf-8")


def run_all(args: argparse.Namespace) -> int:
    """Build the corpora, run every figure, print the table."""
    pages = 60 if args.quick else args.pages
    docs = 2_000 if args.quick else args.docs
    eval_dir = args.eval_dir.resolve()
    if not (eval_dir / "ground-truth.json").is_file():
        print(f"no aeb-dev evaluation set at {eval_dir}")
        return 2
    work = Path(tempfile.mkdtemp(prefix="triage-bench-"))
    rows: list[Row] = []
    try:
        print(f"# Triage speed at scale ({os.cpu_count()} cores); working in {work}", flush=True)
        speedup = _stats.parallel_speedup(args.workers)
        rows.append(Row(f"0. CPU-bound speedup of {args.workers} processes over 1 (this machine, now)",
                        f"{speedup:.2f}x", "", None))
        import_rows, import_lib = bench_import(eval_dir, work, pages, args.workers)
        rows += import_rows
        from triage_app.bench import scale_parts

        rows += scale_parts.bench_annotation(import_lib, 20 if args.quick else 150, args.workers)
        big = work / "large.sqlite"
        started = time.perf_counter()
        build_large_library(big, eval_dir, docs).close()
        print(f"(built a {docs:,}-document library in {time.perf_counter() - started:.0f} s)", flush=True)
        rows += bench_search(big, 2 if args.quick else 5)
        rows += scale_parts.bench_gui(big, import_lib, random.Random(5), quick=args.quick)
        rows += scale_parts.bench_export(import_lib, 20 if args.quick else 500, work)
        table = _stats.print_table(rows, "Triage speed at scale")
        if args.out:
            write_table(args.out, table)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for path in (import_lib, big):
                shutil.copy2(path, args.keep / path.name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0
