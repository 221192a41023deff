"""Test configuration shared by core and GUI tests."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
os.environ.setdefault("QSG_RHI_BACKEND", "null")  # no OpenGL probing offscreen

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS = REPO_ROOT / "seeds"
SEED_TXT = SEEDS / "000_ebcec2d24457d197.txt"
SHARED_EVAL = REPO_ROOT.parent / "shared" / "eval" / "aeb-dev"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses a Qt fixture as `gui`."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qtbot" in fixtures or "qapp" in fixtures:
            item.add_marker(pytest.mark.gui)


def _loaded_models() -> set[str]:
    """spaCy models loaded in this process so far (without importing anything)."""
    engine = sys.modules.get("triage_app.core.nlp.engine")
    return {name for name, e in getattr(engine, "_ENGINES", {}).items() if e.loaded}


@pytest.fixture(autouse=True)
def _nlp_marker_is_applied(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A test that loads the spaCy model (here or in a child process) must be marked `nlp`."""
    marked = request.node.get_closest_marker("nlp") is not None
    children: list[str] = []
    if not marked:
        from triage_app.core.nlp import process

        start = process.ModelProcess.__init__

        def counting(self: object, model: str, batch_size: int = 16) -> None:
            children.append(model)
            start(self, model, batch_size)  # type: ignore[arg-type]

        monkeypatch.setattr(process.ModelProcess, "__init__", counting)
    before = _loaded_models()
    yield
    if not marked and (children or _loaded_models() - before):
        pytest.fail("this test loads the spaCy model: mark it @pytest.mark.nlp (and slow if it takes seconds)")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user's library, settings and logs."""
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("TRIAGE_LIBRARY", str(base / "library.sqlite"))
    monkeypatch.setenv("TRIAGE_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("TRIAGE_LOG_DIR", str(base / "logs"))


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled seeds folder."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def fresh_library() -> Iterator[object]:
    """An empty in-memory library."""
    from triage_app.core.library import Library

    library = Library.memory()
    yield library
    library.close()


@pytest.fixture
def shared_eval() -> Path:
    """The aeb-dev evaluation set next to the project; skips where it is not present."""
    if not (SHARED_EVAL / "ground-truth.json").is_file():
        pytest.skip("../shared/eval/aeb-dev is not present on this machine")
    return SHARED_EVAL
