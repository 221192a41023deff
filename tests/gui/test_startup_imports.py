"""The window's start-up path imports no library it does not need yet: scikit-learn (the relevance model, about
0.6 s) loads in the worker that trains it, datasketch (and with it SciPy's statistics, about 0.5 s) when documents
are signed, spaCy when a document is annotated. Each was imported at start-up by a constant or a module-level object."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_importing_the_window_loads_none_of_the_heavy_libraries() -> None:
    probe = ("import json, sys, triage_app.gui.app; "
             "print(json.dumps([m for m in ('sklearn', 'datasketch', 'spacy', 'scipy.stats') if m in sys.modules]))")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
