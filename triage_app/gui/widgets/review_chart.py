"""A small chart of prioritised review: relevant found against documents reviewed, with the estimate.

Drawn with QPainter (a few dozen lines; Qt Charts would add a module for one line chart). The curve is
the analyst's own progress; when there is an estimate, a dashed line marks the estimated total
(found + left) and a shaded band its 95% interval.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from triage_app.core.review.estimate import Estimate


class ReviewChart(QWidget):
    """Relevant found (y) against documents reviewed (x)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[tuple[int, int]] = [(0, 0)]
        self.estimate: Estimate | None = None
        self.setMinimumHeight(90)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Relevant found against documents reviewed"))

    def sizeHint(self) -> QSize:
        return QSize(260, 120)

    def set_data(self, points: list[tuple[int, int]], estimate: Estimate | None, words: str = "") -> None:
        """New curve and estimate (with the estimate in words, for the tooltip); repaints."""
        self.points = points or [(0, 0)]
        self.estimate = estimate
        found = self.points[-1][1]
        text = self.tr("%n relevant found", "", found) + " · " + self.tr("%n reviewed", "", self.points[-1][0])
        if words:
            text += " · " + words
        self.setToolTip(text)
        self.update()

    def top(self) -> float:
        """The y-axis maximum: the estimated total's upper bound, or what was found."""
        found = self.points[-1][1]
        if self.estimate is not None:
            return float(max(1, found + self.estimate.high))
        return float(max(1, found))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.windowText().color()
        area = QRectF(self.rect()).adjusted(34, 8, -8, -18)
        x_max = float(max(1, self.points[-1][0]))
        y_max = self.top()

        def at(x: float, y: float) -> QPointF:
            return QPointF(area.left() + area.width() * x / x_max, area.bottom() - area.height() * y / y_max)

        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        painter.drawText(QRectF(0, area.top() - 6, 30, 14), Qt.AlignmentFlag.AlignRight, f"{int(y_max):,}")
        painter.drawText(QRectF(area.right() - 80, area.bottom() + 2, 80, 14), Qt.AlignmentFlag.AlignRight, f"{int(x_max):,}")
        if self.estimate is not None:
            found = self.points[-1][1]
            band = QRectF(at(0, found + self.estimate.high), at(x_max, found + self.estimate.low))
            shade = QColor(palette.highlight().color())
            shade.setAlpha(40)
            painter.fillRect(band.normalized(), shade)
            dashed = QPen(palette.highlight().color(), 1, Qt.PenStyle.DashLine)
            painter.setPen(dashed)
            y = found + self.estimate.left
            painter.drawLine(at(0, y), at(x_max, y))
        painter.setPen(QPen(palette.highlight().color(), 2))
        step = max(1, len(self.points) // 400)
        shown = self.points[::step] + ([self.points[-1]] if len(self.points) % step else [])
        painter.drawPolyline(QPolygonF([at(x, y) for x, y in shown]))
        painter.end()
