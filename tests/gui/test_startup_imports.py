"""The window's start-up path imports no library it does not need yet: scikit-learn (the relevance model, about
0.6 s) loads in the worker that trains it, datasketch (and with it SciPy's statistics, about 0.5 s) when documents
are signed, spaCy when a document is annotated, SciPy's sparse matrices (about 0.1 s) when the review builds them.
Each was imported at start-up by a constant, a module or an object made eagerly (the list model's "unranked" value,
the review's term hasher, the signer's MinHash, the review's feature store): 2.1 s -> 1.3 s to the first rows of a
100,000-document library (docs/performance.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from pathlib import Path
from triage_app.core import jobs
from triage_app.core.library import Library
page = Path(sys.argv[1]) / "note.txt"
page.write_text("Harbour note\\n\\nThe harbour reopened on Monday after the storm, the port authority said.\\n")
library = Library.open(Path(sys.argv[1]) / "l.sqlite")
list(jobs.import_documents(library, [page], workers=0))
library.close()
heavy = ("sklearn", "datasketch", "spacy", "scipy.stats", "scipy.sparse")
before = [m for m in heavy if m in sys.modules]
from PySide6.QtWidgets import QApplication
from triage_app.gui import app as gui_app
gui_app.register_reader_scheme()
qapp = QApplication([])
window, library, writer = gui_app.open_window(Path(sys.argv[1]) / "l.sqlite", [])
print(json.dumps({"before": before, "at_start": [m for m in heavy if m in sys.modules]}))
window.close(); writer.shutdown(); library.close()
"""


def test_opening_the_window_loads_none_of_the_heavy_libraries(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path)], env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads([line for line in done.stdout.splitlines() if line.startswith("{")][-1])
    assert seen["at_start"] == [], seen
