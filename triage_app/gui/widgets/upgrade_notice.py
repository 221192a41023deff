"""The small window shown while a library of an earlier version is upgraded at start-up.

The upgrade runs on this thread (nothing else may touch the library meanwhile), 13-18 s on 100,000 documents. The
library calls `tick` again and again while it copies its backup and runs its schema steps; at most every
`PUMP_MS` that lets the window system's events through (user input left out), so the notice repaints, its busy bar
moves, its clock counts, and a desktop does not offer to force-quit a window that stopped answering.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEventLoop
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QVBoxLayout, QWidget

PUMP_MS = 100
EXPOSE_WAIT_MS = 500
"""How long `show_and_wait` waits for the window system to show the notice before the upgrade starts."""


class UpgradeNotice(QWidget):
    """"Upgrading the library…", a busy bar and the seconds spent."""

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        self._message = QLabel(message)
        self._bar = QProgressBar()
        self._bar.setRange(0, 0)  # busy: the steps do not say how far they are
        self._bar.setTextVisible(False)
        self.elapsed = QLabel("")
        for widget in (self._message, self._bar, self.elapsed):
            layout.addWidget(widget)
        self._clock = QElapsedTimer()
        self._pumped = QElapsedTimer()
        self.ticks = 0

    def text(self) -> str:
        """The message shown."""
        return self._message.text()

    def show_and_wait(self) -> None:
        """Show the notice and let the window system paint it before the upgrade holds this thread."""
        self.show()
        waited = QElapsedTimer()
        waited.start()
        handle = self.windowHandle()
        while handle is not None and not handle.isExposed() and waited.elapsed() < EXPOSE_WAIT_MS:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        self.repaint()
        QApplication.processEvents()
        self._clock.start()
        self._pumped.start()

    def tick(self) -> None:
        """Called by the upgrade: at most every `PUMP_MS`, update the clock and let events (not user input) through."""
        self.ticks += 1
        if self._pumped.elapsed() < PUMP_MS:
            return
        self._pumped.restart()
        seconds = self._clock.elapsed() // 1000
        self.elapsed.setText(self.tr("%n second(s)", "", int(seconds)) if seconds else "")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
