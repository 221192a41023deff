"""The two error dialogs: problems the user can fix, and bugs (traceback saved to a log file)."""

from __future__ import annotations

import logging
import traceback
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from triage_app import __version__
from triage_app.core.errors import KnownError
from triage_app.core.paths import log_dir

log = logging.getLogger(__name__)


def save_crash_log(exc: BaseException) -> Path | None:
    """Write the traceback of `exc` to a new file under the log folder; None if that fails too."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}.log"
        path.write_text(f"Triage {__version__}\n{text}", encoding="utf-8")
    except OSError:
        log.exception("could not save the crash log")
        return None
    return path


class KnownErrorDialog(QMessageBox):
    """An environment problem (locked, read-only, disk full, unreadable): says what to do."""

    def __init__(self, message: str, parent: QWidget | None = None, *, title: str = "") -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(title or self.tr("Triage"))
        self.setText(self.tr("Triage could not finish this."))
        self.setInformativeText(message)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)

    @classmethod
    def ask(cls, parent: QWidget | None, message: str, *, title: str = "") -> None:
        """Show the dialog and wait until it is closed."""
        cls(message, parent, title=title).exec()


class BugDialog(QMessageBox):
    """Something unexpected: the traceback is saved to a log file and shown under Details."""

    def __init__(self, exc: BaseException, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Triage: unexpected error"))
        self.setText(self.tr("Something went wrong inside Triage: {error}").format(error=f"{type(exc).__name__}: {exc}"))
        if log_path:
            where = self.tr("The details were saved to\n{path}\n").format(path=log_path)
        else:
            where = self.tr("The details could not be saved.\n")
        self.setInformativeText(
            where
            + self.tr(
                "Your library is safe: every decision was saved when you made it. "
                "Please send the log file to whoever maintains Triage for you."
            )
        )
        self.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        self.setStandardButtons(QMessageBox.StandardButton.Ok)

    @classmethod
    def ask(cls, parent: QWidget | None, exc: BaseException, log_path: Path | None) -> None:
        """Show the dialog and wait until it is closed."""
        cls(exc, log_path, parent).exec()


def report_error(parent: QWidget | None, exc: BaseException) -> Path | None:
    """Show the right dialog for `exc`; returns the crash log path for a bug."""
    if isinstance(exc, KnownError):
        KnownErrorDialog.ask(parent, str(exc))
        return None
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    path = save_crash_log(exc)
    BugDialog.ask(parent, exc, path)
    return path
