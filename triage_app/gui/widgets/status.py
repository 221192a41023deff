"""The status bar's parts: the filter and counts line, and a delayed progress display with Cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from triage_app.core.records import Progress
from triage_app.gui.i18n import progress_text

BUSY_CURSOR_DELAY_MS = 300
PROGRESS_DELAY_MS = 600


def counts_text(matching: int, total: int, unreviewed: int) -> str:
    """'42 of 1,318 · 12 unreviewed' (numbers in the locale's format)."""
    return QCoreApplication.translate("StatusLine", "{matching} of {total} · {unreviewed} unreviewed").format(
        matching=_number(matching), total=_number(total), unreviewed=_number(unreviewed)
    )


def _number(value: int) -> str:
    """1,318 in English, 1.318 in German: the application's default locale."""
    return QLocale().toString(value)


class StatusLine(QLabel):
    """Counts and the current filter, always visible at the left of the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(self.tr("Documents shown"))

    def show_counts(self, matching: int, total: int, unreviewed: int, description: str, *, extra: str = "") -> None:
        text = counts_text(matching, total, unreviewed)
        if description:
            text = f"{text} · {description}"
        if extra:  # the estimate of relevant documents left (prioritised review)
            text = f"{text} · {extra}"
        self.setText(text)
        self.setToolTip(text)


class ProgressWidget(QWidget):
    """A progress bar with a message and a Cancel button; appears only when work takes a while.

    A busy cursor is set on `cursor_target` after ~300 ms and the bar shows after ~600 ms, so quick
    jobs never flicker (STYLE rule 4). Cancel only reports the wish through `cancel_requested`.
    """

    cancel_requested = Signal()

    def __init__(self, cursor_target: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cursor_target = cursor_target
        self._running = False
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.bar.setAccessibleName(self.tr("Progress"))
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop this job (what is done so far is kept)"))
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._cursor_timer = QTimer(self)
        self._cursor_timer.setSingleShot(True)
        self._cursor_timer.setInterval(BUSY_CURSOR_DELAY_MS)
        self._cursor_timer.timeout.connect(self._set_busy_cursor)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(PROGRESS_DELAY_MS)
        self._show_timer.timeout.connect(self._reveal)
        self._busy = False
        self.hide()

    @property
    def running(self) -> bool:
        return self._running

    def start(self, title: str, *, immediately: bool = False) -> None:
        """A job began: arm the delayed cursor and bar."""
        self._running = True
        self.label.setText(title)
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        if immediately:
            self._set_busy_cursor()
            self._reveal()
            return
        if not self._busy:
            self._cursor_timer.start()
        if self.isHidden():
            self._show_timer.start()

    def update_progress(self, progress: Progress, title: str | None = None) -> None:
        """Show the step counts and the message of one Progress."""
        if title is not None:
            self.label.setText(title)
        if progress.total:
            self.bar.setRange(0, progress.total)
            self.bar.setValue(min(progress.done, progress.total))
            self.bar.setFormat(f"{progress.done:,} / {progress.total:,}")
        else:
            self.bar.setRange(0, 0)
        self.bar.setToolTip(progress_text(progress.message))

    def finish(self) -> None:
        """The job ended: stop the timers, restore the cursor, hide."""
        self._running = False
        self._cursor_timer.stop()
        self._show_timer.stop()
        if self._busy:
            self._cursor_target.unsetCursor()
            self._busy = False
        self.hide()

    def _set_busy_cursor(self) -> None:
        if self._running and not self._busy:
            self._busy = True
            self._cursor_target.setCursor(Qt.CursorShape.BusyCursor)

    def _reveal(self) -> None:
        if self._running:
            self.show()

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))
        self.cancel_requested.emit()
