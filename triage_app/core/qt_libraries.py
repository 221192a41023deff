"""Before Qt starts: would its xcb platform plugin load? If not, which Debian packages are missing.

Without a library the xcb plugin links against (libxcb-cursor0 is the usual one), Qt prints "could not
load the Qt platform plugin xcb" and aborts the process, which no Python code can catch. So the
GUI asks `ldd` about the plugin first and stops with the list of packages to install instead.
The packages and the libraries they provide come from resources/debian-packages.txt, the list
`.ci/run` installs. Nothing here imports Qt (the plugin is found from PySide6's folder).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from triage_app.core.assets import resource_bytes

PACKAGE_LIST = "debian-packages.txt"
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


@dataclass(frozen=True)
class DebianPackage:
    """One line of the package list: alternative names (the first known one wins) and its libraries."""

    names: tuple[str, ...]
    libraries: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.names[0]


def parse_package_list(text: str) -> list[DebianPackage]:
    """The lines of debian-packages.txt (comments and blank lines skipped)."""
    packages = []
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if fields:
            packages.append(DebianPackage(tuple(fields[0].split("|")), tuple(fields[1:])))
    return packages


def package_list() -> list[DebianPackage]:
    """The bundled list."""
    return parse_package_list(resource_bytes(PACKAGE_LIST).decode("utf-8"))


def xcb_plugin() -> Path | None:
    """PySide6's xcb platform plugin, when PySide6 is installed with one (found without importing Qt)."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries(plugin: Path) -> list[str]:
    """Shared libraries `ldd` cannot find for `plugin` (and what it links), in its order; [] without ldd."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        result = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return list(dict.fromkeys(_NOT_FOUND.findall(result.stdout)))


def packages_for(libraries: list[str], packages: list[DebianPackage]) -> list[str]:
    """The packages providing these libraries; a library no listed package provides is named itself."""
    by_library = {lib: p.name for p in packages for lib in p.libraries}
    return list(dict.fromkeys(by_library.get(lib, lib) for lib in libraries))


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """True when Qt would pick its xcb plugin: Linux, and QT_QPA_PLATFORM is xcb or unset outside Wayland."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def xcb_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """A message naming the packages to install when the xcb plugin would fail to load, else None."""
    env = os.environ if environ is None else environ
    if not uses_xcb(env):
        return None
    plugin = xcb_plugin()
    if plugin is None:
        return None
    missing = missing_libraries(plugin)
    if not missing:
        return None
    needed = packages_for(missing, package_list())
    return (
        f"Triage cannot start its window: Qt's xcb platform plugin needs {', '.join(missing)}, "
        "which this system does not have.\n"
        f"Install them with:  sudo apt-get install {' '.join(needed)}\n"
        "(or run without a display: triage-app --help lists the command-line tools)"
    )
