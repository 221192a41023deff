"""The headless path works on a machine without Qt: import, search, mark, export (no PDF) and verify."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT, SEEDS

SCRIPT = """
import importlib.abc, sys

class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError("Qt is not installed here: " + name)
        return None

sys.meta_path.insert(0, NoQt())
from triage_app.cli import run

library, seeds, packet = sys.argv[1:4]
assert run(["import", seeds, "--library", library, "--quiet"]) == 0
assert run(["search", "guarantees", "--library", library]) == 0
assert run(["mark", "1", "relevant", "--library", library]) == 0
assert run(["export", "--out", packet, "--ids", "1", "--no-pdf", "--library", library]) == 0
assert run(["verify", packet]) == 0
assert not [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")]
print("HEADLESS-OK")
"""


def test_cli_round_trip_with_qt_blocked(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "lib.sqlite"), str(SEEDS), str(tmp_path / "packet.zip")],
        capture_output=True, text=True, timeout=300, cwd=REPO_ROOT,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "HEADLESS-OK" in result.stdout
    assert "Conditional US Offer" in result.stdout
