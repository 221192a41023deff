"""The .desktop file, AppStream metainfo and icon set are valid and agree with each other."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from triage_app import __version__

REPO_ROOT = Path(__file__).resolve().parents[2]
RESOURCES = REPO_ROOT / "resources"
APP_ID = "io.github.triage.Triage"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
OPEN_WITH_TYPES = ("text/html", "application/x-mimearchive", "text/plain")
SCREENSHOT_PREFIX = "https://raw.githubusercontent.com/triage/triage/main/"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections()[0] == "Desktop Entry"
    return parser["Desktop Entry"]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_desktop_entry_parses_and_registers_open_with() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Triage"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    exec_words = entry["Exec"].split()
    assert exec_words[0] == "triage-app"
    assert exec_words[1:] == ["%F"], "files are passed as local paths, several at once"
    for key in ("MimeType", "Categories", "Keywords"):
        assert entry[key].endswith(";"), f"{key} lists end with a semicolon"
    mime_types = entry["MimeType"].rstrip(";").split(";")
    assert len(mime_types) == len(set(mime_types))
    for mime in OPEN_WITH_TYPES:
        assert mime in mime_types
    assert all("/" in m for m in mime_types)


def test_icons_exist_in_every_size() -> None:
    hicolor = RESOURCES / "icons" / "hicolor"
    for size in ICON_SIZES:
        png = hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert _png_size(png) == (size, size)
    scalable = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (RESOURCES / "triage.svg").read_bytes(), "rerun packaging/make_icons.py"


def test_metainfo_parses_and_agrees_with_the_app() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("name") == "Triage"
    summary = root.findtext("summary") or ""
    assert summary and not summary.endswith(".") and len(summary) <= 80
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    rating = root.find("content_rating")
    assert rating is not None and rating.get("type", "").startswith("oars-")
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == __version__, "the newest release is the package version"
    assert all(r.get("date") for r in releases)
    binaries = [b.text for b in root.findall("provides/binary")]
    assert binaries == ["triage-app"]
    provided = {m.text for m in root.findall("provides/mediatype")}
    desktop_types = set(_desktop_entry()["MimeType"].rstrip(";").split(";"))
    assert provided == desktop_types


def test_metainfo_screenshots_point_at_committed_files() -> None:
    root = ET.parse(METAINFO).getroot()
    images = root.findall("screenshots/screenshot/image")
    assert images, "at least one screenshot"
    assert sum(1 for s in root.findall("screenshots/screenshot") if s.get("type") == "default") == 1
    for image in images:
        url = image.text or ""
        assert url.startswith(SCREENSHOT_PREFIX + "docs/screenshots/")
        local = REPO_ROOT / url.removeprefix(SCREENSHOT_PREFIX)
        assert local.is_file(), f"{url} is not in the repository"
        assert _png_size(local) == (int(image.get("width", 0)), int(image.get("height", 0)))


def _run_tool(*argv: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(argv[0]) is None:
        pytest.skip(f"{argv[0]} is not installed (the parser-based checks above still ran)")
    return subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)


def test_desktop_file_validate() -> None:
    result = _run_tool("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_appstreamcli_validate() -> None:
    result = _run_tool("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr
