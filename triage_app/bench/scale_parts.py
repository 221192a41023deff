"""Figures 2, 4, 5, 6 and 8 of the speed-at-scale suite: annotation, list model, reader, cold start, export.

The GUI figures run in this process on an offscreen Qt platform (set before Qt is imported), except the
cold start, which runs `_launch_gui` in a fresh interpreter so that nothing is warm but the OS page cache.
"""

from __future__ import annotations

import os
import random
import time
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from triage_app.bench import _launch_gui, _stats
from triage_app.bench._stats import Row

LIST_QUERY = "election"
"""The search whose results the list-model figures page through (beside the unfiltered list)."""

_worker_engine: Any = None


# -- 2. annotation --------------------------------------------------------------------------------
def _init_annotator(ready: Any) -> None:
    global _worker_engine
    from triage_app.core.nlp.engine import SpacyEngine

    _worker_engine = SpacyEngine()
    _worker_engine.load()
    ready.wait(300)  # every worker has its model before the first text is handed out


def _warm(_n: int) -> int:
    time.sleep(0.2)  # long enough that each worker takes one of the warm-up calls
    return os.getpid()


def _annotate_chunk(texts: list[str]) -> list[Any]:
    return list(_worker_engine.annotate_many(texts, batch_size=len(texts)))


def bench_annotation(lib_path: Path, docs: int, workers: int) -> list[Row]:
    """Entities + quotes in words/s: `annotate_documents` in one process, then a pool of `workers` engines.

    Both store their annotations in the library (the pool's results are stored by this process as they
    arrive); loading the model is left out of both timings.
    """
    from triage_app.core.library import Library
    from triage_app.core.library.annotations import annotate_documents, store_annotation
    from triage_app.core.nlp.engine import SpacyEngine

    library = Library.open(lib_path)
    try:
        rows = library.db.execute(
            "SELECT id, word_count FROM documents WHERE annotated_engine IS NULL ORDER BY id LIMIT ?", [2 * docs]
        ).fetchall()
        first, second = rows[0::2], rows[1::2]  # interleaved, so both halves have the same mix of sizes
        engine = SpacyEngine()
        engine.load()
        start = time.perf_counter()
        for _ in annotate_documents(library, [int(r[0]) for r in first], engine=engine):
            pass
        one = sum(int(r[1] or 0) for r in first) / (time.perf_counter() - start)

        ids = [int(r[0]) for r in second]
        texts = [str(library.db.execute("SELECT text FROM documents WHERE id = ?", [i]).fetchone()[0]) for i in ids]
        chunks = [texts[n : n + 4] for n in range(0, len(texts), 4)]  # small, so both workers stay busy
        context = get_context("spawn")
        ready = context.Barrier(workers)
        with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_annotator, initargs=(ready,)) as pool:
            pids = set(pool.map(_warm, range(workers)))
            start = time.perf_counter()
            done = 0
            for chunk_annotations in pool.map(_annotate_chunk, chunks):
                with library.transaction():
                    for annotation in chunk_annotations:
                        store_annotation(library, ids[done], annotation)
                        done += 1
            many = sum(int(r[1] or 0) for r in second) / (time.perf_counter() - start)
    finally:
        library.close()
    return [
        Row(f"2. annotation, {len(first)} docs, 1 process (annotate_documents)", f"{one:,.0f} words/s", "", None),
        Row(
            f"2. annotation, {len(second)} other docs, pool of {workers} engines ({len(pids)} processes used)",
            f"{many:,.0f} words/s ({many / one:.2f}x)" if one else f"{many:,.0f} words/s",
            "", None,
        ),
    ]


# -- 4 and 5. list model and reader -----------------------------------------------------------------
def _qt_app() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        from triage_app.gui.app import register_reader_scheme

        try:
            import PySide6.QtWebEngineWidgets  # noqa: F401  (must come before the QApplication)
        except ImportError:
            pass
        register_reader_scheme()
        return QApplication(["triage-bench"])
    return QApplication.instance()


def _visible_rows(model: Any, first: int, rows: int = 40) -> int:
    """Ask for every cell of `rows` rows the roles a QStyledItemDelegate asks when it paints."""
    from PySide6.QtCore import Qt

    roles = (
        Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.CheckStateRole,
    )
    seen = 0
    for row in range(first, min(first + rows, model.rowCount())):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in roles:
                model.data(index, role)
            seen += 1
    return seen


def _latency(label: str, times: list[float], goal: str = "", limit: float | None = None) -> Row:
    p95 = _stats.percentile(times, 95)
    return Row(
        label,
        f"median {_stats.median(times):.1f} ms, p95 {p95:.1f} ms",
        goal,
        None if limit is None else p95 < limit,
    )


def bench_list_model(big: Path, rng: random.Random, positions: int) -> list[Row]:
    """Time to first page, visible rows at random scroll positions (cold row cache), re-sort by column."""
    from triage_app.bench.corpus import QUERIES
    from triage_app.core.library import Library, document_filter
    from triage_app.gui.models.document_columns import HEADERS
    from triage_app.gui.models.document_table import DocumentTableModel

    _qt_app()
    library = Library.open(big)
    try:
        model = DocumentTableModel(library.db)
        first_page = []
        for query in ["", *QUERIES]:
            start = time.perf_counter()
            model.set_filter(document_filter.DocumentFilter(query=query))
            _visible_rows(model, 0)
            first_page.append((time.perf_counter() - start) * 1000)
        rows = [_latency(f"3. time to first page in the list model ({len(first_page)} filters)", first_page)]
        for query in ("", LIST_QUERY):
            model.set_filter(document_filter.DocumentFilter(query=query))
            model.finish_loading()  # scroll over the whole ranked list, not only its first page
            times = []
            for _ in range(positions):
                model._rows.pages.clear()  # a cold cache: every position costs its page query
                top = rng.randrange(max(1, model.rowCount() - 40))
                times.append(_stats.timed(partial(_visible_rows, model, top))[1])
            what = f"search '{query}', {model.rowCount():,} rows" if query else f"no filter, {model.rowCount():,} rows"
            rows.append(_latency(f"4. visible rows (40 x 8 columns, cold), {what}", times, "p95 < 16 ms", 16))
        model.set_filter(document_filter.DocumentFilter())
        sorts: dict[str, float] = {}
        for column, header in enumerate(HEADERS):
            for order in (0, 1):
                start = time.perf_counter()
                model.sort(column, order)  # type: ignore[arg-type]
                _visible_rows(model, 0)
                sorts[f"{header}{' desc' if order else ''}"] = (time.perf_counter() - start) * 1000
        worst = max(sorts, key=lambda k: sorts[k])
        rows.append(Row(
            f"4. re-sort + first rows, {len(sorts)} column/direction pairs, {model.rowCount():,} rows",
            f"median {_stats.median(list(sorts.values())):.0f} ms, worst {sorts[worst]:.0f} ms ({worst})",
            "", None,
        ))
    finally:
        library.close()
    return rows


def bench_open(import_lib: Path, rounds: int, work: Path) -> list[Row]:
    """Open the median and the largest document in a ReaderPane until its cleaned view has painted."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from triage_app.core.library import Library
    from triage_app.core.library.annotations import ensure_annotated
    from triage_app.core.library.writer import LibraryWriter
    from triage_app.core.nlp.engine import get_engine
    from triage_app.core.settings import Settings, StateStore
    from triage_app.gui.reader.pane import ReaderPane
    from triage_app.gui.workers import TaskRunner

    app = _qt_app()
    library = Library.open(import_lib)
    writer = LibraryWriter(import_lib)
    rows = []
    try:
        by_size = library.db.execute("SELECT id, word_count FROM documents ORDER BY word_count, id").fetchall()
        median_doc, largest = by_size[len(by_size) // 2], by_size[-1]
        for doc_id, _ in (median_doc, largest):
            ensure_annotated(library, int(doc_id), engine=get_engine())
        runner = TaskRunner(writer)
        pane = ReaderPane(library, runner, Settings(None), StateStore(work / "state.json"))
        pane.resize(1400, 900)
        pane.show()
        app.processEvents()
        start = time.perf_counter()
        pane.show_document(int(by_size[0][0]), annotate=False)  # the first open of a session also sets up the original's view
        pane.cleaned.viewport().repaint()
        first = (time.perf_counter() - start) * 1000
        app.processEvents()
        rows.append(Row("5. first open of the session (smallest page, sets up the panes)", f"{first:.0f} ms", "", None))
        for label, (doc_id, words) in (("median", median_doc), ("largest", largest)):
            times = []
            for _ in range(rounds):
                pane.show_document(None)
                app.processEvents()
                start = time.perf_counter()
                pane.show_document(int(doc_id))
                pane.cleaned.viewport().repaint()  # paints synchronously, highlights included
                times.append((time.perf_counter() - start) * 1000)
                app.processEvents()
            rows.append(_latency(f"5. open the {label} page ({int(words):,} words) until painted", times,
                                 "p95 < 150 ms", 150))
        pane.close()
        pane.deleteLater()  # the web view must go before the QApplication does, or Qt crashes at exit
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        runner.shutdown()
    finally:
        writer.shutdown()
        QCoreApplication.sendPostedEvents()
        library.close()
    return rows


def bench_gui(big: Path, import_lib: Path, rng: random.Random, *, quick: bool) -> list[Row]:
    """Figures 4, 5 and 6 (and the list-model half of 3)."""
    work = big.parent
    rows = bench_list_model(big, rng, 20 if quick else 200)
    rows += bench_open(import_lib, 3 if quick else 20, work)
    rows += _launch_gui.bench_cold_start(big, work, 1 if quick else 3)
    return rows


# -- 8. export ----------------------------------------------------------------------------------
def bench_export(import_lib: Path, docs: int, work: Path) -> list[Row]:
    """A packet of `docs` documents with its briefing PDF, timed from the first to the last progress."""
    from triage_app.core.export.builder import build_packet
    from triage_app.core.library import Library
    from triage_app.qt_print import render_pdf

    _qt_app()
    library = Library.open(import_lib)
    try:
        ids = [int(r[0]) for r in library.db.execute("SELECT id FROM documents ORDER BY id LIMIT ?", [docs])]
        annotated = int(library.db.execute(
            f"SELECT count(*) FROM documents WHERE annotated_engine IS NOT NULL AND id IN ({','.join('?' * len(ids))})",
            ids,
        ).fetchone()[0])
        out = work / "packet.zip"
        start = time.perf_counter()
        for _ in build_packet(library, ids, out, title="Bench packet", render_pdf=render_pdf):
            pass
        elapsed = time.perf_counter() - start
        size = out.stat().st_size
    finally:
        library.close()
    return [Row(
        f"8. export a packet of {len(ids)} documents ({annotated} annotated) with PDF",
        f"{elapsed:.1f} s ({size / 1e6:.1f} MB)",
        "< 60 s" if len(ids) >= 500 else "< 60 s at 500",
        elapsed < 60,
    )]
