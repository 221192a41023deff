"""Settings are declared once, stored as JSON, and documented in README.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triage_app.core.settings import SETTINGS, Settings, StateStore

README = Path(__file__).resolve().parents[2] / "README.md"


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.json"
    settings = Settings(path)
    assert settings.get("analyst_name") == ""
    settings.set("analyst_name", "R. Analyst")
    assert Settings(path).get("analyst_name") == "R. Analyst"
    with pytest.raises(KeyError):
        settings.set("no_such_setting", 1)


def test_unreadable_settings_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert Settings(path).get("import_seeds_on_first_run") is True
    state = tmp_path / "state.json"
    state.write_text("[1, 2]")
    assert StateStore(state).values == {}


def _readme_settings_table() -> dict[str, tuple[str, str]]:
    """README's settings table: name -> (default cell, meaning cell), backticks removed."""
    text = README.read_text(encoding="utf-8")
    header = text.index("| setting | default | meaning |")
    rows: dict[str, tuple[str, str]] = {}
    for line in text[header:].splitlines()[2:]:
        if not line.startswith("|"):
            break
        name, default, meaning = (cell.strip().strip("`") for cell in line.strip("|").split("|"))
        rows[name] = (default, meaning.replace("`", ""))
    return rows


def test_the_readme_settings_table_is_the_declared_settings() -> None:
    """Every declared setting has one row with its real default and help; no row for a setting that is gone."""
    table = _readme_settings_table()
    assert list(table) == [s.name for s in SETTINGS]
    for setting in SETTINGS:
        default, meaning = table[setting.name]
        assert json.loads(default) == setting.default, setting.name
        assert meaning.replace('"', "'") == setting.help.replace('"', "'"), setting.name
