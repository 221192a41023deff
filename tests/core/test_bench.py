"""The speed-at-scale suite (`python -m triage_app.bench all --quick`) runs end to end and its figures are sane.

This checks that every figure is measured and is a positive number, not that it is fast.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

FIGURES = ("0.", "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _table_rows(markdown: str) -> list[list[str]]:
    rows = []
    for line in markdown.splitlines():
        if line.startswith("| ") and not line.startswith("| figure") and not line.startswith("| ---"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


@pytest.mark.slow
@pytest.mark.nlp
def test_quick_suite_measures_every_figure(shared_eval: Path, tmp_path: Path) -> None:
    out = tmp_path / "performance.md"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox",
        TRIAGE_CONFIG_DIR=str(tmp_path / "config"),
        TMPDIR=str(tmp_path),
    )
    done = subprocess.run(
        [sys.executable, "-m", "triage_app.bench", "all", str(shared_eval), "--quick", "--out", str(out)],
        env=env, capture_output=True, text=True, timeout=240, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    rows = _table_rows(out.read_text(encoding="utf-8"))
    assert rows, done.stdout
    assert {row[0][:2] for row in rows} == set(FIGURES)
    for figure, value, goal, met in rows:
        numbers = [float(n.replace(",", "")) for n in NUMBER.findall(value)]
        assert numbers, f"no figure for {figure!r}: {value!r}"
        assert all(n > 0 for n in numbers), f"{figure!r}: {value!r}"
        assert met in ("", "yes", "**no**")
        assert (met == "") == (goal == ""), f"{figure!r} has a goal but no verdict, or the reverse"
    # the working folder is removed afterwards
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("triage-bench-")]


def test_quick_suite_refuses_a_folder_without_the_evaluation_set(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "triage_app.bench", "all", str(tmp_path), "--quick"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 2
    assert "no aeb-dev evaluation set" in done.stdout


def test_out_file_with_markers_keeps_its_prose(tmp_path: Path) -> None:
    from triage_app.bench.scale import TABLE_END, TABLE_START, write_table

    doc = tmp_path / "performance.md"
    doc.write_text(f"# Speed\n\nBefore.\n\n{TABLE_START}\n| old |\n{TABLE_END}\n\nAfter.\n", encoding="utf-8")
    write_table(doc, "| new |")
    assert doc.read_text(encoding="utf-8") == f"# Speed\n\nBefore.\n\n{TABLE_START}\n| new |\n{TABLE_END}\n\nAfter.\n"
    fresh = tmp_path / "table.md"
    write_table(fresh, "| new |")
    assert fresh.read_text(encoding="utf-8") == "| new |\n"
