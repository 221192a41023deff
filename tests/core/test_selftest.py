"""`triage-app self-test` runs the whole pipeline on the bundled seed and says so in one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from triage_app.commands._selftest_steps import STEPS
from triage_app.commands.selftest_cmd import Step, summary_line


@pytest.mark.slow
@pytest.mark.nlp
def test_self_test_passes_in_a_fresh_process() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT")}  # the command sets offscreen itself
    env.pop("QTWEBENGINE_CHROMIUM_FLAGS", None)
    result = subprocess.run(
        [sys.executable, "-m", "triage_app", "self-test", "--json"],
        capture_output=True, text=True, timeout=600, env=env, check=False,
    )
    assert result.stdout.strip(), result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    failed = [s for s in report["steps"] if not s["ok"]]
    assert not failed and not report["not_run"], f"{failed} {report['not_run']}\n{result.stderr[-2000:]}"
    assert [s["name"] for s in report["steps"]] == ["import", "clean", "annotate", "export", "verify", "webengine", "icon"]
    assert report["ok"] is True
    assert result.returncode == 0


def test_summary_line_names_the_failed_step_and_what_passed() -> None:
    passed = [Step(name, True, f"{name} ok", 0.5) for name, _ in STEPS]
    line = summary_line(passed, 12.34)
    assert line.startswith("self-test passed: import (import ok), clean (clean ok),") and line.endswith(" in 12.3 s")
    failing = [Step("import", True, "ok", 0.1), Step("clean", False, "no text was kept", 0.1)]
    line = summary_line(failing, 0.25)
    assert line == "self-test FAILED at clean: no text was kept (passed: import) in 0.2 s"
    assert summary_line(passed[:2], 1.0).startswith("self-test FAILED at ?: did not finish")
