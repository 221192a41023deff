"""`triage-app self-test`: the whole pipeline on the bundled seed, offscreen, in a temporary library.

Imports the seed (which cleans it), annotates it with the bundled spaCy model, exports a briefing
packet with the Qt PDF renderer, verifies the packet, renders a page with Qt WebEngine (which the
reader uses) and loads the window icon from the bundled resources (the steps: `_selftest_steps`). Prints one
line; the exit code is 0 only when every step worked. The packaged app's build script runs it with no network.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from triage_app.commands._context import CliContext
from triage_app.commands._selftest_steps import STEPS, SelfTestRun, StepFailed


@dataclass
class Step:
    """The outcome of one step."""

    name: str
    ok: bool
    detail: str
    seconds: float


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add `self-test`."""
    del common  # the self-test never touches the user's library
    p = subparsers.add_parser(
        "self-test", help="import, clean, annotate, export and verify the bundled seed offscreen; exit 0 when all worked"
    )
    p.add_argument("--json", action="store_true", help="print one JSON document with every step")
    p.set_defaults(run=cmd_selftest)


def _prepare_environment() -> None:
    """Offscreen Qt; Chromium without GPU, and without its sandbox when running as root."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if "QTWEBENGINE_CHROMIUM_FLAGS" not in os.environ:
        flags = ["--disable-gpu"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            flags.append("--no-sandbox")  # Chromium refuses to start its sandbox as root
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)


def run_selftest() -> tuple[list[Step], float]:
    """Run every step in order, stopping at the first failure; returns the steps run and the total time."""
    _prepare_environment()
    started = time.perf_counter()
    steps: list[Step] = []
    with tempfile.TemporaryDirectory(prefix="triage-selftest-") as workdir:
        run = SelfTestRun(Path(workdir))
        try:
            for name, function in STEPS:
                t0 = time.perf_counter()
                try:
                    detail, ok = function(run), True
                except StepFailed as exc:
                    detail, ok = str(exc), False
                except Exception as exc:  # the self-test reports every error as a failed step
                    detail, ok = f"{exc.__class__.__name__}: {exc}", False
                    traceback.print_exc(file=sys.stderr)  # the details of an unexpected error, off stdout
                steps.append(Step(name, ok, detail, time.perf_counter() - t0))
                if not ok:
                    break
        finally:
            if run.library is not None:
                run.library.close()
    return steps, time.perf_counter() - started


def summary_line(steps: list[Step], seconds: float) -> str:
    """The one line printed by the command."""
    failed = next((s for s in steps if not s.ok), None)
    if failed is None and len(steps) == len(STEPS):
        return "self-test passed: " + ", ".join(f"{s.name} ({s.detail})" for s in steps) + f" in {seconds:.1f} s"
    passed = ", ".join(s.name for s in steps if s.ok) or "none"
    name, detail = (failed.name, failed.detail) if failed else ("?", "did not finish")
    return f"self-test FAILED at {name}: {detail} (passed: {passed}) in {seconds:.1f} s"


def cmd_selftest(args: argparse.Namespace, ctx: CliContext) -> int:
    steps, seconds = run_selftest()
    ok = len(steps) == len(STEPS) and all(s.ok for s in steps)
    if args.json:
        ctx.print_json({
            "ok": ok,
            "seconds": round(seconds, 2),
            "steps": [{"name": s.name, "ok": s.ok, "detail": s.detail, "seconds": round(s.seconds, 2)} for s in steps],
            "not_run": [name for name, _ in STEPS[len(steps):]],
        })
    else:
        ctx.print(summary_line(steps, seconds))
    return 0 if ok else 1
