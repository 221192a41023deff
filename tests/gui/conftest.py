"""GUI test fixtures: the reader's URL scheme before any QApplication, dangling thread/timer checks, windows."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QThread, QThreadPool, QTimer
from shiboken6 import isValid

from triage_app.core import jobs
from triage_app.core.library import Library
from triage_app.core.library import annotations as annotation_store
from triage_app.core.library.writer import LibraryWriter
from triage_app.core.records import Annotation, Progress
from triage_app.core.settings import Settings, StateStore


def pytest_configure(config: pytest.Config) -> None:
    """WebEngine must be imported, and the reader's scheme registered, before any QApplication exists."""
    try:
        importlib.import_module("PySide6.QtWebEngineWidgets")
    except ImportError:
        return
    from triage_app.gui.reader.scheme import register_scheme

    register_scheme()


@pytest.fixture(autouse=True, scope="session")
def _english_plurals(qapp: Any) -> Iterator[None]:
    """English plural forms ("1 document", "2 documents"), as `gui/app.py` installs them for every language."""
    from PySide6.QtCore import QLocale

    from triage_app.gui import i18n

    installed = i18n.install_translators(qapp, QLocale(QLocale.Language.English))
    yield
    i18n.remove_translators(qapp, installed)


# -- nothing may keep running after a test (STYLE rule 7) -----------------------------------
@pytest.fixture(autouse=True)
def _no_dangling_qthreads(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that leaves a QThread it started still running."""
    started: list[QThread] = []
    original = QThread.start

    def start(self: QThread, *args: Any) -> None:
        started.append(self)
        original(self, *args)

    monkeypatch.setattr(QThread, "start", start)
    yield
    running = [t for t in started if isValid(t) and t.isRunning()]
    if running:
        pytest.fail(f"test left {len(running)} QThread(s) running: {running}")


@pytest.fixture(autouse=True)
def _no_dangling_pool_tasks() -> Iterator[None]:
    """Fail a test that leaves a task on the global QThreadPool (1 s grace for one that is just ending)."""
    yield
    pool = QThreadPool.globalInstance()
    if pool.activeThreadCount() and not pool.waitForDone(1000):
        pytest.fail(f"test left {pool.activeThreadCount()} QThreadPool task(s) running")


@pytest.fixture(autouse=True)
def _no_dangling_qtimers(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail a test that leaves a started QTimer active, or a QTimer.singleShot that has not fired."""
    timers: list[QTimer] = []
    pending: list[int] = []
    original_start = QTimer.start
    original_single_shot = QTimer.singleShot

    def start(self: QTimer, *args: Any) -> None:
        timers.append(self)
        original_start(self, *args)

    def single_shot(msec: int, *args: Any) -> None:
        token = len(pending)
        pending.append(token)
        callback = args[-1]
        rest = args[:-1]

        def fire(*fire_args: Any) -> None:
            if token in pending:
                pending.remove(token)
            if callable(callback):
                callback(*fire_args)
            else:  # a signal instance
                callback.emit(*fire_args)

        original_single_shot(msec, *rest, fire)

    monkeypatch.setattr(QTimer, "start", start)
    monkeypatch.setattr(QTimer, "singleShot", staticmethod(single_shot))
    yield
    active = [t for t in timers if isValid(t) and t.isActive()]
    if active:
        pytest.fail(f"test left {len(active)} QTimer(s) running: {[t.objectName() or t for t in active]}")
    if pending:
        pytest.fail(f"test left {len(pending)} QTimer.singleShot call(s) pending")


@pytest.fixture(autouse=True)
def _no_dangling_writer() -> Iterator[None]:
    """Fail a test that leaves a library writer thread running."""
    before = {t.ident for t in threading.enumerate() if t.name == "triage-writer"}
    yield
    left = [t for t in threading.enumerate() if t.name == "triage-writer" and t.ident not in before and t.is_alive()]
    if left:
        pytest.fail(f"test left {len(left)} library writer thread(s) running")


@pytest.fixture(autouse=True)
def _no_unexpected_error_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An error dialog nobody expected fails the test instead of blocking it in a modal loop forever.

    Tests that expect a dialog patch its `ask` themselves, which replaces this recorder.
    """
    from triage_app.gui.dialogs.error_dialog import BugDialog, KnownErrorDialog

    shown: list[str] = []
    monkeypatch.setattr(KnownErrorDialog, "ask", classmethod(lambda cls, parent, message, **kw: shown.append(message)))
    monkeypatch.setattr(BugDialog, "ask", classmethod(lambda cls, parent, exc, path: shown.append(repr(exc))))
    yield
    if shown:
        pytest.fail(f"unexpected error dialog(s): {shown}")


@pytest.fixture(autouse=True)
def _reader_model_stand_in(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader annotates the document it shows (spaCy in a child process); outside `nlp` tests a stand-in
    model finds nothing there. Tests that look at annotation replace it with their own."""
    if request.node.get_closest_marker("nlp") is not None:
        return

    def finds_nothing(texts: list[str], *, is_cancelled: Any, languages: Any = None) -> Iterator[Progress]:
        yield Progress(1, 1, "annotated", result=[Annotation([], [], engine="test-none") for _ in texts])

    monkeypatch.setattr(annotation_store, "annotate_texts", finds_nothing)


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    """Where a test's library file goes."""
    return tmp_path / "library.sqlite"


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    """The main-thread library (reads), as the window holds it."""
    lib = Library.open(library_path)
    yield lib
    lib.close()


@pytest.fixture
def writer(library: Library, library_path: Path) -> Iterator[LibraryWriter]:
    """The one writer thread on the same library file."""
    w = LibraryWriter(library_path)
    yield w
    w.shutdown()


# -- building windows ---------------------------------------------------------------------------
def write_pages(folder: Path, pages: dict[str, str]) -> list[Path]:
    """Write text pages (name -> content) into `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in pages.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


SAMPLE_PAGES = {
    "harbour.txt": "Harbour strike enters second week\n\nDock workers in the northern harbour stayed out for a "
    "second week on Monday, the union said, as talks with the port authority stalled.\n",
    "sanctions.txt": "New sanctions on shipping firms\n\nThe ministry announced sanctions against three shipping "
    "firms accused of moving oil through the harbour without papers.\n",
    "weather.txt": "Storm warning for the coast\n\nForecasters issued a storm warning for the whole coast, "
    "urging fishing boats to stay in port until Thursday.\n",
}


@pytest.fixture
def pages(tmp_path: Path) -> list[Path]:
    """Three small text pages on disk."""
    return write_pages(tmp_path / "pages", SAMPLE_PAGES)


class WindowFactory:
    """Builds MainWindows over a library file in tmp_path; closes everything at teardown."""

    def __init__(self, qtbot: Any, tmp_path: Path) -> None:
        self.qtbot = qtbot
        self.path = tmp_path / "library.sqlite"
        self.config = tmp_path / "config"
        self._opened: list[tuple[Any, Library, LibraryWriter]] = []

    def populate(self, paths: list[Path]) -> None:
        """Import pages synchronously before a window exists (test set-up, not the GUI path)."""
        library = Library.open(self.path)
        try:
            list(jobs.import_documents(library, paths))
        finally:
            library.close()

    def settings(self, **values: Any) -> Settings:
        settings = Settings(self.config / "settings.json")
        settings.set("annotate_in_background", values.pop("annotate_in_background", False))
        for name, value in values.items():
            settings.set(name, value)
        return settings

    def __call__(self, **setting_values: Any) -> Any:
        from triage_app.gui.main_window import MainWindow

        library = Library.open(self.path)
        writer = LibraryWriter(self.path)
        state = StateStore(self.config / "state.json")
        window = MainWindow(library, writer, self.settings(**setting_values), state)
        self.qtbot.addWidget(window)
        self._opened.append((window, library, writer))
        return window

    def wait_idle(self, window: Any, timeout: int = 30000) -> None:
        """Wait until the window's import queue and writer calls are done."""
        self.qtbot.waitUntil(
            lambda: not window.imports.is_busy() and window.runner.active_count() == 0, timeout=timeout
        )

    def close_all(self) -> None:
        for window, library, writer in self._opened:
            if isValid(window):
                window.close()
            writer.shutdown()  # finishes queued writes (the reader's too) ...
            QCoreApplication.sendPostedEvents()  # ... whose results arrive while the library is still open
            library.close()
        self._opened.clear()


@pytest.fixture
def make_window(qtbot: Any, tmp_path: Path) -> Iterator[WindowFactory]:
    """`make_window()` builds a MainWindow; `make_window.populate(paths)` fills the library first."""
    factory = WindowFactory(qtbot, tmp_path)
    yield factory
    factory.close_all()
