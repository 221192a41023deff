"""Where Triage keeps user data: platformdirs locations, overridable for tests and by the user."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "triage"
APP_AUTHOR = "triage"
LIBRARY_ENV = "TRIAGE_LIBRARY"
CONFIG_ENV = "TRIAGE_CONFIG_DIR"
LOG_ENV = "TRIAGE_LOG_DIR"


def default_library_path() -> Path:
    """The library file: `$TRIAGE_LIBRARY`, else `library.sqlite` in the user data dir."""
    env = os.environ.get(LIBRARY_ENV)
    if env:
        return Path(env).expanduser()
    return platformdirs.user_data_path(APP_NAME, APP_AUTHOR) / "library.sqlite"


def resolve_library_path(explicit: str | os.PathLike[str] | None) -> Path:
    """`--library PATH` wins over the environment, which wins over the default."""
    if explicit:
        return Path(explicit).expanduser()
    return default_library_path()


def config_dir() -> Path:
    """Settings and window state: `$TRIAGE_CONFIG_DIR` or the platform config dir (not created here)."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    return platformdirs.user_config_path(APP_NAME, APP_AUTHOR)


def log_dir() -> Path:
    """Crash reports and logs: `$TRIAGE_LOG_DIR` or the platform log dir (not created here)."""
    env = os.environ.get(LOG_ENV)
    if env:
        return Path(env).expanduser()
    return platformdirs.user_log_path(APP_NAME, APP_AUTHOR)
