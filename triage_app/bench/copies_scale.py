"""`python -m triage_app.bench copies-scale EVAL_DIR`: near-duplicate clustering, timeline and copies column
at 100,000 documents.

Builds the same generated library as `bench all` (3-10 real aeb-dev paragraphs per document, so
documents that share paragraphs are real LSH candidates), then times: clustering it from scratch,
adding 1,000 documents (half of them lightly edited copies of existing ones) and clustering them, the
timeline (SQL aggregation + QPainter drawing offscreen), and the visible-rows cost with the copies
column (cold row cache) against the same model with the copies lookup left out.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

from triage_app.bench import _stats


def _add_documents(library: Any, count: int, rng: random.Random) -> None:
    """`count` new documents: every other one a lightly edited copy of an existing document."""
    from triage_app.core.library.documents import sha256_hex
    from triage_app.core.library.word_counts import word_count

    existing = [int(r[0]) for r in library.db.execute("SELECT id FROM documents ORDER BY random() LIMIT ?", [count])]
    pool = [r[0] for r in library.db.execute("SELECT text FROM documents ORDER BY random() LIMIT ?", [count])]
    with library.transaction() as db:
        for n in range(count):
            if n % 2 == 0:
                source = db.execute("SELECT text, site FROM documents WHERE id = ?", [existing[n]]).fetchone()
                words = source[0].split(" ")
                for _ in range(3):
                    words[rng.randrange(len(words))] = rng.choice(("also", "now", "still"))
                text, site = " ".join(words), f"copy-{n % 30}.example"
            else:
                text, site = pool[n] + f" new {n}", f"fresh-{n % 30}.example"
            data = text.encode("utf-8")
            db["documents"].insert({
                "sha256": sha256_hex(data + str(n).encode()), "size": len(data), "format": "text",
                "imported_at": "2026-12-03T00:00:00+00:00", "title": f"Added {n}", "site": site,
                "published": f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}", "text": text,
                "word_count": word_count(text), "relevance": "unreviewed", "starred": 0,
            })


def run_bench(eval_dir: Path, docs: int, added: int, work: Path) -> list[tuple[str, str, str, str]]:
    from triage_app.bench.corpus import build_large_library
    from triage_app.bench.scale_parts import _qt_app, _visible_rows
    from triage_app.core.library import document_filter, near_dup_clusters, near_dups, search
    from triage_app.core.library import timeline as core_timeline

    rows: list[tuple[str, str, str, str]] = []
    path = work / "copies.sqlite"
    started = time.perf_counter()
    library = build_large_library(path, eval_dir, docs)
    print(f"built {docs:,} documents in {time.perf_counter() - started:.0f} s", flush=True)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        for _ in near_dups.cluster_all_job(library):
            pass
        scratch, scratch_cpu = time.perf_counter() - started, time.process_time() - cpu
        found = near_dup_clusters.clusters(library.db)
        rows.append(((f"cluster {docs:,} documents from scratch ({len(found):,} clusters, "
                     f"{sum(len(c) for c in found):,} documents in them)"), f"{scratch:.1f} s (CPU {scratch_cpu:.1f} s)", "< 60 s",
                     "yes" if scratch < 60 else "**no**"))
        _add_documents(library, added, random.Random(15))
        started, cpu = time.perf_counter(), time.process_time()
        for _ in near_dups.cluster_pending_job(library):
            pass
        incremental, incremental_cpu = time.perf_counter() - started, time.process_time() - cpu
        rows.append((f"add {added:,} documents (half of them copies) and cluster them", f"{incremental:.2f} s (CPU {incremental_cpu:.2f} s)",
                     "< 5 s", "yes" if incremental < 5 else "**no**"))
        app = _qt_app()
        from triage_app.gui.widgets.timeline import TimelineStrip

        strip = TimelineStrip(library.db)
        strip.resize(900, 64)
        from PySide6.QtGui import QImage

        image = QImage(900, 64, QImage.Format.Format_ARGB32)

        def draw(flt: Any) -> None:
            strip.set_filter(flt)
            strip.render(image)

        total = library.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        for label, flt in (("all", document_filter.DocumentFilter()), ("search 'election'", document_filter.DocumentFilter(query="election"))):
            times = [_stats.timed(partial(draw, flt))[1] for _ in range(7)]
            agg = [_stats.timed(partial(core_timeline.timeline, library.db, flt))[1] for _ in range(5)]
            rows.append((f"timeline, {label} ({total:,} docs): count in SQL + draw", (f"median {_stats.median(times):.1f} ms "
                         f"(SQL alone {_stats.median(agg):.1f} ms)"), "< 50 ms",
                         "yes" if _stats.median(times) < 50 else "**no**"))
        from triage_app.gui.models.document_table import DocumentTableModel

        model = DocumentTableModel(library.db)
        model.set_filter(document_filter.DocumentFilter())
        while model.searching:  # on a loaded machine the first listing can move to a worker thread
            app.processEvents()
            time.sleep(0.01)
        if not model.rowCount():
            raise RuntimeError("the list model has no rows: the visible-rows figures would be empty")
        rng = random.Random(7)
        positions = [rng.randrange(max(1, model.rowCount() - 40)) for _ in range(200)]

        def visible(top: int) -> None:
            model._rows.pages.clear()
            _visible_rows(model, top)

        with_copies = [_stats.timed(partial(visible, top))[1] for top in positions]
        original = search._add_copies
        search._add_copies = lambda db, rows, marks, ids: None
        try:
            without = [_stats.timed(partial(visible, top))[1] for top in positions]
        finally:
            search._add_copies = original
        added_ms = _stats.percentile(with_copies, 95) - _stats.percentile(without, 95)
        rows.append((f"visible rows (40 x {model.columnCount()} columns, cold), with the copies lookup",
                     f"median {_stats.median(with_copies):.1f} ms, p95 {_stats.percentile(with_copies, 95):.1f} ms", "", ""))
        rows.append(("the same without the copies lookup", (f"median {_stats.median(without):.1f} ms, "
                     f"p95 {_stats.percentile(without, 95):.1f} ms"), "", ""))
        rows.append(("added by the copies column (p95 difference)", f"{added_ms:.2f} ms", "< 2 ms",
                     "yes" if added_ms < 2 else "**no**"))
        del app
    finally:
        library.close()
    return rows


def _run(args: argparse.Namespace) -> int:
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="triage-copies-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = run_bench(Path(args.eval_dir), args.docs, args.added, work)
    print("| figure | value | goal | met |\n| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    if not args.keep:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    return 0


def register(subparsers: Any) -> None:
    """Add the `copies-scale` benchmark."""
    p = subparsers.add_parser("copies-scale", help="clustering, timeline and copies column at 100,000 documents")
    p.add_argument("eval_dir", metavar="EVAL_DIR", help="aeb-dev (its article texts make the documents)")
    p.add_argument("--docs", type=int, default=100_000)
    p.add_argument("--added", type=int, default=1000)
    p.add_argument("--keep", metavar="DIR", help="build in DIR and keep the library")
    p.set_defaults(run=_run)
