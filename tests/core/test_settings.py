"""Settings are declared once, stored as JSON, and documented in README.md."""

from __future__ import annotations

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


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_documented_in_readme(setting: object) -> None:
    assert f"`{setting.name}`" in README.read_text(encoding="utf-8")  # type: ignore[attr-defined]
