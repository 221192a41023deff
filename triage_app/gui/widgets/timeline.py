"""The timeline strip over the list: documents per day/week/month stacked by decision; drag to pick dates.

Counting is done in SQL (`core/library/timeline.py`); this widget only paints the buckets with
QPainter. Dragging across the strip emits `range_selected(first_day, last_day)`, which the window
turns into the same published-date filter as the date fields; a click without a drag clears it.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget
from sqlite_utils import Database

from triage_app.core.library import search
from triage_app.core.library import timeline as core_timeline
from triage_app.core.records import RELEVANCE_VALUES
from triage_app.gui import theme

STRIP_HEIGHT = 64
MIN_HEIGHT = 34
_LABEL_H = 14


class TimelineStrip(QWidget):
    """Stacked bars of the listed documents over time, following the list's filter."""

    range_selected = Signal(object, object)  # first day, last day (ISO str), or None, None to clear

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._data = core_timeline.Timeline("day")
        self._first: date | None = None
        self._days = 1
        self._range: tuple[str, str] | None = None  # the date filter now in force
        self._drag: tuple[float, float] | None = None
        self.setMinimumHeight(MIN_HEIGHT)  # may give way on a small (or highly scaled) screen
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Timeline"))
        self.setToolTip(
            self.tr("Documents by published date (captured date when none), by decision. Drag to filter by date.")
        )

    def sizeHint(self) -> QSize:
        return QSize(400, STRIP_HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(100, MIN_HEIGHT)

    # -- data ---------------------------------------------------------------------------------
    def set_filter(self, flt: search.DocumentFilter) -> None:
        """Count the documents of this filter (its own date range is shown as the selection)."""
        self._data = core_timeline.timeline(self._db, flt)
        self._first = date.fromisoformat(self._data.first) if self._data.first else None
        last = date.fromisoformat(self._data.last_day) if self._data.last_day else self._first
        self._days = max(1, (last - self._first).days + 1) if self._first and last else 1
        self._range = (flt.date_from or "", flt.date_to or "") if (flt.date_from or flt.date_to) else None
        self.update()

    @property
    def data(self) -> core_timeline.Timeline:
        return self._data

    def day_at(self, x: float) -> str | None:
        """The day under horizontal position `x`."""
        if self._first is None or self.width() <= 0:
            return None
        offset = int(max(0.0, min(x, self.width() - 1)) / self.width() * self._days)
        return (self._first + timedelta(days=offset)).isoformat()

    def x_of(self, day: str) -> float:
        """Horizontal position of the start of `day`."""
        if self._first is None:
            return 0.0
        return (date.fromisoformat(day) - self._first).days / self._days * self.width()

    # -- painting -----------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        plot_h = self.height() - _LABEL_H
        peak = max(1, self._data.peak())
        colours = {r: theme.relevance_colour(r, palette) or palette.color(QPalette.ColorRole.Mid) for r in RELEVANCE_VALUES}
        painter.setPen(Qt.PenStyle.NoPen)
        for start, counts in self._data.buckets:
            x0 = self.x_of(start)
            x1 = self.x_of(core_timeline.bucket_end(start, self._data.unit)) + self.width() / self._days
            y = float(plot_h)
            for relevance in ("relevant", "maybe", "not-relevant", "unreviewed"):
                n = counts.get(relevance, 0)
                if n:
                    h = max(2.0, n / peak * (plot_h - 4))  # a single document stays visible
                    y -= h
                    painter.fillRect(QRectF(x0, y, max(1.0, x1 - x0 - 1), h), colours[relevance])
        self._paint_selection(painter, plot_h)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        if self._data.buckets:
            text_rect = QRectF(2, plot_h, self.width() - 4, _LABEL_H)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._data.first or "")
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self._data.last_day or "")
            units = {"day": self.tr("per day"), "week": self.tr("per week"), "month": self.tr("per month")}
            note = units.get(self._data.unit, self._data.unit)
            if self._data.captured:
                note += " · " + self.tr("%n by captured date", "", self._data.captured)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, note)
        else:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No dated documents"))
        painter.end()

    def _paint_selection(self, painter: QPainter, plot_h: int) -> None:
        highlight = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        highlight.setAlpha(70)
        if self._drag is not None:
            a, b = sorted(self._drag)
            painter.fillRect(QRectF(QPointF(a, 0), QPointF(b, plot_h)), highlight)
        elif self._range is not None and self._first is not None:
            a = self.x_of(self._range[0]) if self._range[0] else 0.0
            b = self.x_of(self._range[1]) + self.width() / self._days if self._range[1] else float(self.width())
            painter.fillRect(QRectF(QPointF(a, 0), QPointF(b, plot_h)), highlight)

    # -- brushing -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            x = event.position().x()
            self._drag = (x, x)
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        if self._drag is not None:
            self._drag = (self._drag[0], x)
            self.update()
        day = self.day_at(x)
        if day is not None:
            self.setToolTip(day + " · " + self.tr("drag to show only documents of a date range"))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        a, b = sorted((self._drag[0], event.position().x()))
        self._drag = None
        if b - a < 3:
            self.range_selected.emit(None, None)
        else:
            self.range_selected.emit(self.day_at(a), self.day_at(b))
        self.update()
