"""Naming the Debian packages Qt's xcb plugin misses, from the one list .ci/run installs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from triage_app.core import qt_libraries
from triage_app.core.qt_libraries import packages_for, parse_package_list, uses_xcb, xcb_problem

REPO = Path(__file__).resolve().parents[2]
LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /x/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f01)
\tlibxcb-cursor.so.0 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-cursor.so.0 => not found
\tlibweird.so.9 => not found
"""


def test_the_list_parses_with_alternatives_and_libraries() -> None:
    packages = qt_libraries.package_list()
    names = [p.name for p in packages]
    assert "libxcb-cursor0" in names and "poppler-utils" in names
    asound = next(p for p in packages if "libasound.so.2" in p.libraries)
    assert asound.names == ("libasound2t64", "libasound2")
    assert parse_package_list("# note\n\na|b liba.so.1 # trailing\n") == [
        qt_libraries.DebianPackage(("a", "b"), ("liba.so.1",))
    ]


def test_missing_libraries_come_from_ldd_and_map_to_packages(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def fake_run(cmd: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(cmd, 0, LDD_OUTPUT, "")

    monkeypatch.setattr(qt_libraries.subprocess, "run", fake_run)
    missing = qt_libraries.missing_libraries(tmp_path / "libqxcb.so")
    assert missing == ["libxcb-cursor.so.0", "libxkbcommon-x11.so.0", "libweird.so.9"]
    assert packages_for(missing, qt_libraries.package_list()) == ["libxcb-cursor0", "libxkbcommon-x11-0", "libweird.so.9"]


def test_xcb_problem_names_the_packages_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(qt_libraries, "xcb_plugin", lambda: tmp_path / "libqxcb.so")
    monkeypatch.setattr(qt_libraries, "missing_libraries", lambda plugin: ["libxcb-cursor.so.0"])
    message = xcb_problem({"DISPLAY": ":0"})
    assert message is not None and "sudo apt-get install libxcb-cursor0" in message
    assert xcb_problem({"QT_QPA_PLATFORM": "offscreen"}) is None  # the check is about xcb only
    monkeypatch.setattr(qt_libraries, "missing_libraries", lambda plugin: [])
    assert xcb_problem({"DISPLAY": ":0"}) is None


def test_which_platform_qt_would_pick() -> None:
    assert uses_xcb({}, "linux") and uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb;wayland"}, "linux")
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux") and not uses_xcb({}, "darwin")


def test_this_systems_xcb_plugin_loads() -> None:
    """On this machine (CI installs the list) ldd finds everything: the check stays quiet."""
    plugin = qt_libraries.xcb_plugin()
    if plugin is None:
        pytest.skip("this PySide6 has no xcb plugin")
    assert qt_libraries.missing_libraries(plugin) == []


def test_ci_installs_the_same_list() -> None:
    """.ci/run reads resources/debian-packages.txt and hard-codes no package of its own."""
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "resources/debian-packages.txt" in script
    for package in qt_libraries.package_list():
        for name in package.names:
            assert name not in script, f"{name} is listed in .ci/run as well as in the shared list"


def test_the_app_stops_with_the_package_list_before_qt_aborts(tmp_path: Path) -> None:
    """A real start with an `ldd` that reports libxcb-cursor missing: a message and exit code 1, no Qt abort."""
    if qt_libraries.xcb_plugin() is None:
        pytest.skip("no PySide6 with an xcb plugin here")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_ldd = bin_dir / "ldd"
    fake_ldd.write_text("#!/bin/sh\nprintf '\\tlibxcb-cursor.so.0 => not found\\n'\n", encoding="utf-8")
    fake_ldd.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}", QT_QPA_PLATFORM="xcb", DISPLAY=":99999",
               PYTHONPATH=str(REPO), TRIAGE_LIBRARY=str(tmp_path / "lib.sqlite"), TRIAGE_CONFIG_DIR=str(tmp_path / "cfg"))
    result = subprocess.run([sys.executable, "-m", "triage_app"], capture_output=True, text=True, env=env,
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "sudo apt-get install libxcb-cursor0" in result.stderr
    assert "could not load the Qt platform plugin" not in result.stderr
    assert not (tmp_path / "lib.sqlite").exists()  # stopped before anything was opened
