"""User settings, declared once, stored as plain JSON in the platform config folder."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting:
    """One declared setting: its name, default value and the help shown in README.md."""

    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("import_seeds_on_first_run", True, "Import the bundled sample pages when the library is empty."),
    Setting("annotate_in_background", True, "Find entities and quotes in new documents in the background."),
    Setting("analyst_name", "", "Name written on the title page of exported briefing packets."),
    Setting("default_caveat", "", "Handling caveat line proposed for new briefing packets."),
    Setting("export_include_originals", True, "Put each document's verbatim original file in exported packets."),
    Setting("hidden_entity_labels", [], "Entity types hidden in the reader, e.g. ['DATE']."),
    Setting(
        "duplicate_threshold", 0.5,
        "Word 3-gram Jaccard similarity of cleaned texts from which two documents are copies (0.2-0.95).",
    ),
)
_BY_NAME = {s.name: s for s in SETTINGS}


class Settings:
    """The user's settings: declared defaults overlaid by the JSON file, saved atomically on change."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        if path is not None and path.is_file():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                log.warning("ignoring unreadable settings file %s: %s", path, exc)
                loaded = {}
            if isinstance(loaded, dict):
                self._values = {k: v for k, v in loaded.items() if k in _BY_NAME}

    def get(self, name: str) -> Any:
        """The value of a declared setting; KeyError for an unknown name."""
        setting = _BY_NAME[name]
        return self._values.get(name, setting.default)

    def set(self, name: str, value: Any) -> None:
        """Change a declared setting and save the file."""
        if name not in _BY_NAME:
            raise KeyError(f"unknown setting {name!r}")
        self._values[name] = value
        self.save()

    def save(self) -> None:
        """Write the settings file (via a temporary file, so a crash never leaves half a file)."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._values, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)


class StateStore:
    """Window state (geometry, splitters, column widths, toggles) as plain JSON beside the settings."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.values: dict[str, Any] = {}
        if path is not None and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                self.values = data if isinstance(data, dict) else {}
            except (OSError, ValueError):
                self.values = {}

    def save(self) -> None:
        """Write the state file atomically."""
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.values, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)
