"""Bundled assets (resources/ and seeds/), found through importlib.resources.

In a wheel they live inside the package (`triage_app/resources`, `triage_app/seeds`, by hatchling
force-include); in a source checkout or editable install they are the top-level folders.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

_CHECKOUT_ROOT = Path(__file__).resolve().parents[2]


def _folder(name: str) -> Traversable:
    packaged = resources.files("triage_app").joinpath(name)
    if packaged.is_dir():
        return packaged
    return _CHECKOUT_ROOT / name


def resource_dir() -> Traversable:
    """The folder of icons, stylesheets and desktop files."""
    return _folder("resources")


def seeds_dir() -> Path:
    """The folder of sample page dumps imported on first run."""
    folder = _folder("seeds")
    return Path(str(folder))


def resource_bytes(name: str) -> bytes:
    """The bytes of one bundled resource by its relative name; KeyError for an unknown name."""
    path = resource_dir().joinpath(*name.split("/"))
    if not path.is_file():
        raise KeyError(f"no bundled resource named {name!r}")
    return path.read_bytes()
