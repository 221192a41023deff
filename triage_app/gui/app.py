"""The composition root of the desktop app: paths, library, writer, settings, state, then the window."""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import os
import signal
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLocale, QSocketNotifier
from PySide6.QtWidgets import QApplication, QWidget

from triage_app import __version__
from triage_app.core.assets import seeds_dir
from triage_app.core.errors import KnownError
from triage_app.core.export import partfiles
from triage_app.core.library import Library
from triage_app.core.library.documents import document_count
from triage_app.core.library.writer import LibraryWriter
from triage_app.core.paths import config_dir, resolve_library_path
from triage_app.core.qt_libraries import xcb_problem
from triage_app.core.records import ImportOutcome
from triage_app.core.settings import Settings, StateStore
from triage_app.gui import i18n, theme
from triage_app.gui.dialogs.error_dialog import KnownErrorDialog, report_error
from triage_app.gui.main_window import MainWindow
from triage_app.gui.widgets.upgrade_notice import UpgradeNotice

log = logging.getLogger(__name__)


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """`triage-app [--library PATH] [FILE ...]`: files are imported and shown ("Open with").

    Options argparse does not know (Qt's own, such as `-style`) are returned for the QApplication.
    """
    parser = argparse.ArgumentParser(prog="triage-app", description="Triage saved web pages.")
    parser.add_argument("--library", metavar="PATH", help="library file (default: $TRIAGE_LIBRARY or the user data folder)")
    parser.add_argument("files", nargs="*", type=Path, help="pages, folders or zips to import and show")
    args, qt_args = parser.parse_known_args(list(argv))
    return args, qt_args


def register_reader_scheme() -> None:
    """Load Qt WebEngine and register the reader's URL scheme; both must happen before the QApplication exists."""
    try:
        importlib.import_module("PySide6.QtWebEngineWidgets")
    except ImportError:  # a Qt build without WebEngine: the reader shows originals as sanitised text
        return
    from triage_app.gui.reader.scheme import register_scheme

    register_scheme()


class _SignalCloser:
    """Ctrl+C or SIGTERM closes the window properly (state saved, writer finished) instead of killing the app.

    Python runs signal handlers only when it gets control, which it does not while Qt waits for events;
    the wakeup fd makes the signal an event Qt sees.
    """

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        self._read, self._write = socket.socketpair()
        for sock in (self._read, self._write):
            sock.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._write.fileno())
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, app)
        self._notifier.activated.connect(self._drain)
        self._previous = {sig: signal.signal(sig, lambda *_: window.close()) for sig in (signal.SIGINT, signal.SIGTERM)}

    def _drain(self) -> None:
        try:
            self._read.recv(64)
        except OSError:
            pass

    def restore(self) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._read.close()
        self._write.close()


def wants_first_run_import(library: Library, settings: Settings) -> bool:
    """An empty library and the setting on: import the bundled samples."""
    return bool(settings.get("import_seeds_on_first_run")) and document_count(library.db) == 0 and seeds_dir().is_dir()


def show_upgrade_notice() -> UpgradeNotice:
    """A small window saying the library is being upgraded (shown while a new version's schema steps run: a backup
    copy and, for some steps, the search index rebuilt, 13 s on 100,000 documents; before, nothing showed)."""
    notice = UpgradeNotice(
        QCoreApplication.translate("MainWindow", "Triage"),
        QCoreApplication.translate("App", "Upgrading the library for this version of Triage (a backup copy is made first)…"),
    )
    notice.show_and_wait()
    return notice


def open_window(library_path: Path, files: list[Path]) -> tuple[MainWindow, Library, LibraryWriter]:
    """Open the library (main-thread reads and the writer), settings and state, and build the window."""
    notices: list[QWidget] = []

    def tick() -> None:
        for notice in notices:
            if isinstance(notice, UpgradeNotice):
                notice.tick()

    try:
        library = Library.open(
            library_path, before_upgrade=lambda: notices.append(show_upgrade_notice()), during_upgrade=tick
        )
    finally:
        for notice in notices:
            notice.close()
            notice.deleteLater()
    try:
        writer = LibraryWriter(library_path)
    except BaseException:
        library.close()
        raise
    settings = Settings(config_dir() / "settings.json")
    state = StateStore(config_dir() / "state.json")
    window = MainWindow(library, writer, settings, state)
    if wants_first_run_import(library, settings):
        window.import_first_run(seeds_dir())
    if files:
        _import_and_show(window, files)
    return window, library, writer


def _import_and_show(window: MainWindow, files: list[Path]) -> None:
    """"Open with": import the files, then select the first of them (new or already in the library)."""
    wanted = {str(f) for f in files}

    def finished(outcomes: list[ImportOutcome], _cancelled: bool, _summary: bool) -> None:
        if not any(o.source in wanted or any(o.source.startswith(w) for w in wanted) for o in outcomes):
            return  # another import (the first-run samples) ended first
        window.imports.import_finished.disconnect(finished)
        for outcome in outcomes:
            if outcome.doc_id is not None and window.select_document(outcome.doc_id):
                return

    window.imports.import_finished.connect(finished)
    window.imports.import_paths(files, show_summary=False)


def main(argv: Sequence[str]) -> int:
    """Run the desktop app; returns the process exit code."""
    args, qt_args = parse_args(argv)
    problem = None if QApplication.instance() else xcb_problem()
    if problem:  # Qt would abort the process in the QApplication constructor
        sys.stderr.write(problem + "\n")
        return 1
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    register_reader_scheme()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "triage-app", *qt_args])
    assert isinstance(app, QApplication)
    app.setApplicationName("Triage")
    app.setApplicationDisplayName("Triage")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("triage")
    app.setDesktopFileName("io.github.triage.Triage")
    app.setWindowIcon(theme.app_icon())
    theme.apply_palette_choice(app, os.environ.get(theme.PALETTE_ENV, ""))
    locale = i18n.chosen_locale()
    QLocale.setDefault(locale)
    translators = i18n.install_translators(app, locale)
    library_path = resolve_library_path(args.library)
    partfiles.clean_stale()  # .part files of exports that were killed last time
    try:
        window, library, writer = open_window(library_path, [Path(f) for f in args.files])
    except KnownError as exc:
        KnownErrorDialog.ask(None, str(exc), title=app.translate("KnownErrorDialog", "Triage cannot open the library"))
        i18n.remove_translators(app, translators)
        return 1
    # Everything built so far (modules, Qt wrappers, the window) lives as long as the app: keep it out of the
    # cyclic collector's full passes, which otherwise stall every thread for 100-300 ms while a background
    # job allocates heavily (measured while prioritised review features 100,000 documents: 267 -> 68 ms).
    gc.freeze()
    previous_hook = sys.excepthook

    def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not isinstance(exc, KeyboardInterrupt):
            report_error(window, exc.with_traceback(tb))
        else:
            previous_hook(kind, exc, tb)

    sys.excepthook = excepthook
    closer = _SignalCloser(app, window)
    try:
        window.show()
        code = app.exec()
    finally:
        closer.restore()
        sys.excepthook = previous_hook
        window.runner.shutdown()
        writer.shutdown()
        library.close()
        i18n.remove_translators(app, translators)
    return int(code)
