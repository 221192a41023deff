"""The event loop keeps turning while a large import (2 cleaning processes) and an annotation run in the background.

A 10 ms QTimer stamps the time each time it fires; the worst gap between two stamps is the longest the
window would have been frozen. The bounds are generous (a loaded 2-core CI machine); the real figures
are printed (`pytest -s`) and are normally a few tens of milliseconds (issue 7's target: under 100 ms).
"""

from __future__ import annotations

import random
import threading
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from tests.gui.event_loop_gaps import assert_keeps_turning
from triage_app.core import jobs
from triage_app.core.library import Library
from triage_app.core.library.annotations import annotate_documents
from triage_app.core.library.writer import LibraryWriter
from triage_app.core.records import Progress

PAGES = 300
IMPORT_WORST_GAP_MS = 250.0
ANNOTATION_WORST_GAP_MS = 250.0
"""spaCy holds the GIL for stretches of 100-250 ms while it loads and parses, whichever thread runs it; as
the GUI's annotate job does, the model runs in a child process (loaded once, ~3 s) so this one stays free."""
ANNOTATED = 48
WORDS = ["harbour", "minister", "council", "election", "budget", "strike", "union", "court", "police", "market", "energy", "border", "village", "report", "river", "school", "hospital", "farmers", "shipping", "sanctions", "treaty", "province", "mayor", "weather", "storm", "coast", "railway", "bridge", "museum", "festival", "export", "import", "factory", "workers", "talks", "agreement", "protest", "senator"]


def _paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(3, 6)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
        sentences.append(" ".join(words).capitalize() + ".")
    sentences.append(f'"We will not give up," said {rng.choice(["Anna Berg", "Omar Haddad", "Li Wei"])}.')
    return " ".join(sentences)


def _write_pages(folder: Path, count: int) -> None:
    """`count` distinct article pages with a menu, a footer and 6-12 paragraphs each."""
    folder.mkdir()
    rng = random.Random(1)
    for n in range(count):
        title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()
        paragraphs = "\n".join(f"<p>{_paragraph(rng)}</p>" for _ in range(rng.randint(6, 12)))
        folder.joinpath(f"page-{n:04d}.html").write_text(
            f"<!DOCTYPE html><html><head><title>{title} #{n}</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
            f"<article><h1>{title}</h1><p class='byline'>By Staff Reporter</p>{paragraphs}</article>"
            "<footer>© The Daily Example · Contact · Privacy</footer></body></html>",
            encoding="utf-8",
        )


@pytest.mark.nlp
@pytest.mark.slow
def test_event_loop_keeps_turning_during_import_and_annotation(qtbot: Any, tmp_path: Path) -> None:
    _write_pages(tmp_path / "pages", PAGES)
    path = tmp_path / "library.sqlite"
    Library.open(path).close()
    writer = LibraryWriter(path)
    stamps: list[float] = []
    seen: list[Progress] = []
    lock = threading.Lock()
    import_done: list[float] = []

    def on_progress(progress: Progress) -> None:  # on the writer thread
        with lock:
            seen.append(progress)

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: stamps.append(time.perf_counter()))
    try:
        timer.start()
        imported = writer.run_job(
            lambda library: jobs.import_documents(library, [tmp_path / "pages"], workers=2), on_progress
        )
        imported.add_done_callback(lambda _future: import_done.append(time.perf_counter()))
        annotated = writer.run_job(
            lambda library: annotate_documents(library, list(range(1, ANNOTATED + 1)), off_process=True), on_progress
        )
        qtbot.waitUntil(lambda: imported.done() and annotated.done(), timeout=120_000)
    finally:
        timer.stop()
        writer.shutdown()
    assert imported.exception() is None and annotated.exception() is None
    outcomes = [p.result for p in seen if p.result is not None and hasattr(p.result, "status")]
    assert sum(1 for o in outcomes if o.status == "imported") == PAGES
    annotated_batches = [p.result for p in seen if isinstance(p.result, list)]
    assert sum(len(batch) for batch in annotated_batches) == ANNOTATED
    assert sum(1 for at in stamps if at <= import_done[0]) > 20, "the timer hardly fired during the import"
    assert sum(1 for at in stamps if at > import_done[0]) > 20, "the timer hardly fired during the annotation"
    gaps = [(b, (b - a) * 1000) for a, b in pairwise(stamps)]
    import_gaps = sorted(gap for at, gap in gaps if at <= import_done[0])
    annotation_gaps = sorted(gap for at, gap in gaps if at > import_done[0])
    print(f"\nevent loop: {len(stamps)} ticks; worst gaps {[round(g, 1) for g in import_gaps[-2:]]} ms during the import of {PAGES} pages "
          f"({import_done[0] - stamps[0]:.1f} s), {[round(g, 1) for g in annotation_gaps[-2:]]} ms during the annotation of {ANNOTATED} "
          f"({stamps[-1] - import_done[0]:.1f} s); "
          f"gaps over 100 ms: {sum(1 for _, g in gaps if g > 100)}")
    assert_keeps_turning(import_gaps, IMPORT_WORST_GAP_MS, "import")
    assert_keeps_turning(annotation_gaps, ANNOTATION_WORST_GAP_MS, "annotation")
