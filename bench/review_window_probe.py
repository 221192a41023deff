"""Event-loop gaps of the real window while prioritised review syncs and retrains over a large library.

`PYTHONPATH=. python bench/review_window_probe.py N [FOLDER]` builds (once) an N-document library in FOLDER
(default: a temporary folder) from the 20 Newsgroups texts, opens the real MainWindow offscreen with a 5 ms
QTimer stamping the time, types a "looking for" text, marks three documents, changes the text twice, and
prints the worst gaps. Figures in docs/performance.md.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from triage_app.bench.review import fill_library  # noqa: E402
from triage_app.core.library import Library  # noqa: E402
from triage_app.core.library.writer import LibraryWriter  # noqa: E402
from triage_app.core.settings import Settings, StateStore  # noqa: E402
from triage_app.gui.models.document_table import COL_LIKELY  # noqa: E402

COLLECTION = Path(__file__).resolve().parents[2] / "shared/eval/tar-dev/20newsgroups/20newsgroups.jsonl.gz"


def build(path: Path, n: int) -> None:
    """An n-document library from the collection's texts (repeated as needed)."""
    with gzip.open(COLLECTION, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh]
    library = Library.open(path)
    for start in range(0, n, 10000):
        chunk = [dict(docs[i % len(docs)], id=str(i)) for i in range(start, min(n, start + 10000))]
        fill_library(library, chunk, first_id=start + 1)
    library.close()


def main(n: int, folder: Path) -> None:
    path = folder / f"lib{n}.sqlite"
    if not path.exists():
        build(path, n)
    app = QApplication([])
    from triage_app.gui.main_window import MainWindow

    library, writer = Library.open(path), LibraryWriter(path)
    settings = Settings(folder / "cfg" / "settings.json")
    settings.set("annotate_in_background", False)
    window = MainWindow(library, writer, settings, StateStore(folder / "cfg" / "state.json"))
    window.show()
    stamps: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: stamps.append(time.perf_counter()))
    timer.start()
    started = time.perf_counter()

    def wait(done: Callable[[], bool]) -> None:
        while not done():
            app.processEvents()
            time.sleep(0.001)

    window.review_panel.query.setText("space shuttle orbit")
    window.review_panel.query.editingFinished.emit()
    wait(lambda: window.review.has_ranking() and not window.review.running)
    first_round = (time.perf_counter() - started, len(stamps))
    window.table.sortByColumn(COL_LIKELY, Qt.SortOrder.DescendingOrder)
    decisions: list[tuple[int, int]] = []
    loop_ms: list[float] = []
    for doc_id in window.review.state.ranked_ids[:3]:
        window.select_document(doc_id)
        before, mark = window.review.state, len(stamps)
        t0 = time.perf_counter()
        window.mark("relevant")
        wait(lambda before=before: window.review.state is not before and not window.review.running)
        loop_ms.append((time.perf_counter() - t0) * 1000)
        decisions.append((mark, len(stamps)))
    rounds: list[tuple[int, int]] = []
    for text in ("shuttle launch", "orbit moon"):
        before, mark = window.review.state, len(stamps)
        window.review_panel.query.setText(text)
        window.review_panel.query.editingFinished.emit()
        wait(lambda before=before: window.review.state is not before and not window.review.running)
        rounds.append((mark, len(stamps)))
    timer.stop()
    gaps = [(b - a) * 1000 for a, b in pairwise(stamps)]
    settled = [(b - a) * 1000 for a, b in pairwise(stamps[: first_round[1]]) if a - stamps[0] > 2.0]

    def worst(spans: list[tuple[int, int]]) -> float:
        return max(max(gaps[a : b - 1] or [0.0]) for a, b in spans)

    print(
        f"N={n}: first round (features + train) {first_round[0]:.1f} s, worst gap after start-up "
        f"{max(settled or [0.0]):.0f} ms; decision -> re-ranked {[round(x) for x in loop_ms]} ms, worst gap "
        f"{worst(decisions):.0f} ms; worst gap in retrain-only rounds {worst(rounds):.0f} ms; "
        f"retrain {window.review.state.retrain_ms:.0f} ms"
    )
    window.close()
    writer.shutdown()
    library.close()


if __name__ == "__main__":
    main(int(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp()))
