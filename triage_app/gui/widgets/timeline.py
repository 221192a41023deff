"""The timeline strip over the list: documents per day/week/month stacked by decision; drag to pick dates.

Counting is done in SQL (`core/library/timeline.py`); this widget only paints the buckets with
QPainter. Dragging across the strip emits `range_selected(first_day, last_day)`, which the window
turns into the same date filter as the date fields (published, else captured); a click clears it.
Bars are scaled to the tallest bucket, with a count axis, date ticks, a legend and a tooltip per bucket.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget
from sqlite_utils import Database

from triage_app.core.library import document_filter
from triage_app.core.library import timeline as core_timeline
from triage_app.core.records import RELEVANCE_VALUES
from triage_app.gui import theme

STRIP_HEIGHT = 120
MIN_HEIGHT = 48  # a small (or 200%-scaled) screen may need the room; the splitter gives it back
_STACK = ("relevant", "maybe", "not-relevant", "unreviewed")  # bottom to top
_GAP = 6


class TimelineStrip(QWidget):
    """Stacked bars of the listed documents over time, following the list's filter."""

    range_selected = Signal(object, object)  # first day, last day (ISO str), or None, None to clear

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._data = core_timeline.Timeline("day")
        self._peak = 0  # the tallest bucket, once per filter (every bar's position needs it)
        self._first: date | None = None
        self._days = 1
        self._range: tuple[str, str] | None = None  # the date filter now in force
        self._drag: tuple[float, float] | None = None
        self.setMinimumHeight(MIN_HEIGHT)  # may give way on a small (or highly scaled) screen
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Timeline"))
        self.setAccessibleDescription(
            self.tr("Documents by published date (captured date when none), by decision. Drag to filter by date.")
        )

    def sizeHint(self) -> QSize:
        return QSize(400, STRIP_HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(100, MIN_HEIGHT)

    # -- geometry -----------------------------------------------------------------------------
    def _label_h(self) -> int:
        return self.fontMetrics().height() + 2

    def _left(self) -> int:
        """Width of the count axis on the left."""
        return self.fontMetrics().horizontalAdvance(str(max(1, self._peak))) + _GAP + 2

    def _plot_w(self) -> float:
        return max(1.0, float(self.width() - self._left() - _GAP))

    def _plot_top(self) -> int:
        return self._label_h()  # the first line holds the unit and the captured-date note

    # -- data ---------------------------------------------------------------------------------
    def set_filter(self, flt: document_filter.DocumentFilter) -> None:
        """Count the documents of this filter (its own date range is shown as the selection)."""
        self._data = core_timeline.timeline(self._db, flt)
        self._peak = self._data.peak()
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
        inside = max(0.0, min(x - self._left(), self._plot_w() - 1))
        offset = min(self._days - 1, int(inside / self._plot_w() * self._days))
        return (self._first + timedelta(days=offset)).isoformat()

    def x_of(self, day: str) -> float:
        """Horizontal position of the start of `day`."""
        if self._first is None:
            return float(self._left())
        return self._left() + (date.fromisoformat(day) - self._first).days / self._days * self._plot_w()

    def bucket_at(self, x: float) -> tuple[str, dict[str, int]] | None:
        """The bucket (first day, counts) under horizontal position `x`, if any."""
        day = self.day_at(x)
        if day is None or x < self._left():
            return None
        for start, counts in self._data.buckets:
            if start <= day <= core_timeline.bucket_end(start, self._data.unit):
                return start, counts
        return None

    def bucket_text(self, start: str, counts: dict[str, int]) -> str:
        """Tooltip of a bucket: its dates, its total and the count of each decision."""
        end = core_timeline.bucket_end(start, self._data.unit)
        span = start if end == start else f"{start} – {end}"
        total = sum(counts.values())
        lines = [span, self.tr("%n document(s)", "", total)]
        for relevance in reversed(_STACK):
            if counts.get(relevance):
                label = QCoreApplication.translate("Relevance", theme.RELEVANCE_LABELS.get(relevance, relevance))
                lines.append(f"{label}: {counts[relevance]}")
        return "\n".join(lines)

    # -- painting -----------------------------------------------------------------------------
    def _colours(self, palette: QPalette) -> dict[str, QColor]:
        """The list's relevance colours; unreviewed in a neutral tone of the palette."""
        neutral = QColor(palette.color(QPalette.ColorRole.Text))
        neutral.setAlpha(90)
        return {r: theme.relevance_colour(r, palette) or neutral for r in RELEVANCE_VALUES}

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        if not self._data.buckets:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No dated documents"))
            painter.end()
            return
        label_h, left, top = self._label_h(), self._left(), self._plot_top()
        bottom = self.height() - label_h
        plot_h = max(4, bottom - top)
        peak = max(1, self._peak)
        self._paint_axes(painter, left, top, bottom, peak)
        self._paint_selection(painter, top, bottom)  # under the bars, so they stay crisp
        colours = self._colours(palette)
        painter.setPen(Qt.PenStyle.NoPen)
        day_w = self._plot_w() / self._days
        for start, counts in self._data.buckets:
            x0 = self.x_of(start)
            x1 = self.x_of(core_timeline.bucket_end(start, self._data.unit)) + day_w
            width = max(2.0, x1 - x0 - (1 if x1 - x0 > 3 else 0))
            y = float(bottom)
            for relevance in _STACK:
                n = counts.get(relevance, 0)
                if n:
                    h = max(3.0, n / peak * plot_h)  # scaled to the tallest bucket; one document stays visible
                    y -= h
                    painter.fillRect(QRectF(x0, y, width, h), colours[relevance])
        self._paint_notes(painter, left)
        painter.end()

    def _paint_axes(self, painter: QPainter, left: int, top: int, bottom: int, peak: int) -> None:
        """Count axis (0, half, peak) with faint grid lines, and date ticks along the bottom."""
        palette = self.palette()
        text = QColor(palette.color(QPalette.ColorRole.Text))
        grid = QColor(text)
        grid.setAlpha(40)
        fm = self.fontMetrics()
        right = self.width() - _GAP
        marks = [(0, bottom), (peak, top)] + ([(peak // 2, bottom - (peak // 2) / peak * (bottom - top))] if peak >= 4 else [])
        for value, y in marks:
            painter.setPen(grid)
            painter.drawLine(QPointF(left, y), QPointF(right, y))
            painter.setPen(text)
            box = QRectF(0, y - fm.height() / 2, left - 4, fm.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))
        label_y = bottom + 1
        last_end = -1e9
        for tick, label in self._ticks():
            x = self.x_of(tick)
            w = fm.horizontalAdvance(label)
            start = max(float(left), x - w / 2)  # never over the count axis
            if start < last_end + 8 or start + w > self.width():
                continue
            painter.setPen(grid)
            painter.drawLine(QPointF(x, top), QPointF(x, bottom + 3))
            painter.setPen(text)
            painter.drawText(QRectF(start, label_y, w + 2, fm.height()), Qt.AlignmentFlag.AlignLeft, label)
            last_end = start + w

    def _ticks(self) -> list[tuple[str, str]]:
        """Candidate date ticks (ISO day, label): days, Mondays, months or years depending on the span."""
        if self._first is None:
            return []
        last = self._first + timedelta(days=self._days - 1)
        ticks: list[tuple[str, str]] = []
        if self._days <= 21:
            step = [self._first + timedelta(days=i) for i in range(self._days)]
            ticks = [(d.isoformat(), d.strftime("%m-%d")) for d in step]
        elif self._days <= 120:
            d = self._first + timedelta(days=(7 - self._first.weekday()) % 7)
            while d <= last:
                ticks.append((d.isoformat(), d.strftime("%m-%d")))
                d += timedelta(days=7)
        elif self._days <= 3 * 366:
            d = self._first.replace(day=1)
            while d <= last:
                if d >= self._first:
                    ticks.append((d.isoformat(), d.strftime("%Y-%m")))
                d = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
        else:
            for year in range(self._first.year + (self._first > date(self._first.year, 1, 1)), last.year + 1):
                ticks.append((date(year, 1, 1).isoformat(), str(year)))
        if self._days > 21 and (not ticks or ticks[0][0] != self._first.isoformat()):
            ticks.insert(0, (self._first.isoformat(), self._first.isoformat()))
        return ticks

    def _paint_notes(self, painter: QPainter, left: int) -> None:
        """First line: the bucket unit, how many were placed by captured date, and a legend."""
        palette = self.palette()
        fm = self.fontMetrics()
        units = {"day": self.tr("per day"), "week": self.tr("per week"), "month": self.tr("per month")}
        note = units.get(self._data.unit, self._data.unit)
        if self._data.captured:
            note += " · " + self.tr("%n by captured date", "", self._data.captured)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(QRectF(left, 0, self.width() - left, fm.height() + 2), Qt.AlignmentFlag.AlignLeft, note)
        colours = self._colours(palette)
        x = float(self.width() - _GAP)
        for relevance in _STACK:  # right to left, so the legend reads in the list's order
            label = QCoreApplication.translate("Relevance", theme.RELEVANCE_LABELS.get(relevance, relevance))
            w = fm.horizontalAdvance(label)
            x -= w
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(QRectF(x, 0, w + 2, fm.height() + 2), Qt.AlignmentFlag.AlignLeft, label)
            x -= fm.height() * 0.7 + 3
            painter.fillRect(QRectF(x, fm.height() * 0.2 + 1, fm.height() * 0.7, fm.height() * 0.6), colours[relevance])
            x -= 10

    def _paint_selection(self, painter: QPainter, top: int, bottom: int) -> None:
        highlight = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        highlight.setAlpha(60)
        day_w = self._plot_w() / self._days
        if self._drag is not None:
            a, b = sorted(self._drag)
            painter.fillRect(QRectF(QPointF(a, top), QPointF(b, bottom)), highlight)
        elif self._range is not None and self._first is not None:
            a = self.x_of(self._range[0]) if self._range[0] else float(self._left())
            b = self.x_of(self._range[1]) + day_w if self._range[1] else float(self.width() - _GAP)
            painter.fillRect(QRectF(QPointF(a, top), QPointF(b, bottom)), highlight)

    # -- tooltips and brushing ----------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bucket = self.bucket_at(event.pos().x())
            hint = self.tr("Drag to show only the documents of a date range; click to clear it.")
            if bucket is not None:
                QToolTip.showText(event.globalPos(), self.bucket_text(*bucket) + "\n" + hint, self)
            else:
                QToolTip.showText(event.globalPos(), self.accessibleDescription(), self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            x = event.position().x()
            self._drag = (x, x)
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None:
            self._drag = (self._drag[0], event.position().x())
            self.update()

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
