"""Printing briefing HTML to a paginated PDF with Qt (QTextDocument on a QPdfWriter), no extra service.

Qt GUI, not widgets, and not part of the window: the export dialog and the command line both call it.
Text layout needs a `QGuiApplication`; the caller owns it (`offscreen_application()` makes one for the
command line without touching the environment).
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)
from PySide6.QtSvg import QSvgRenderer

_HTML5_BLOCKS = re.compile(r"<(/?)(section|header|nav|main|footer|article)\b", re.IGNORECASE)
RESOLUTION = 300
MARGINS_MM = QMarginsF(18, 14, 18, 14)


def offscreen_application() -> QGuiApplication:
    """The running Qt GUI application, or a new offscreen one (`-platform offscreen`) the caller keeps alive."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    return QGuiApplication(["triage-app", "-platform", "offscreen"])


def qt_rich_text(html: str) -> str:
    """HTML5 sectioning tags as divs: Qt's rich-text engine knows only HTML 4 blocks."""
    return _HTML5_BLOCKS.sub(lambda m: f"<{m.group(1)}div", html)


class _PrintDocument(QTextDocument):
    """A text document that draws the briefing's own SVG images (`data:image/svg+xml` URLs, e.g. the
    timeline); Qt's rich text has no inline SVG. Any other resource goes the default way."""

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        text = url.toString() if isinstance(url, QUrl) else str(url)
        if kind == QTextDocument.ResourceType.ImageResource.value and text.startswith(_SVG_DATA):
            try:
                data = base64.b64decode(text[len(_SVG_DATA):], validate=True)
            except ValueError:
                return None
            renderer = QSvgRenderer(QByteArray(data))
            if not renderer.isValid():
                return None
            size = renderer.defaultSize()
            image = QImage(size.width() * 4, size.height() * 4, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            renderer.render(painter)
            painter.end()
            return image
        return super().loadResource(kind, url)


_SVG_DATA = "data:image/svg+xml;base64,"


def render_pdf(html: str, path: Path | str, *, title: str | None = None) -> None:
    """Print `html` to `path`: A4, each page with the title in the header and "Page N of M" below.

    Needs a running QGuiApplication (see `offscreen_application`); RuntimeError without one.
    """
    if not isinstance(QGuiApplication.instance(), QGuiApplication):
        raise RuntimeError("printing a PDF needs a QGuiApplication (text layout uses Qt's fonts)")
    document = _PrintDocument()
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     MARGINS_MM, QPageLayout.Unit.Millimeter))
    writer.setCreator("triage-app")
    document.documentLayout().setPaintDevice(writer)
    document.setHtml(qt_rich_text(html))
    title = title or document.metaInformation(QTextDocument.MetaInformation.DocumentTitle) or "Briefing"
    writer.setTitle(title)

    page = QRectF(writer.pageLayout().paintRectPixels(RESOLUTION))
    band_font = QFont("Arial")
    band_font.setPointSizeF(8)
    metrics = QFontMetricsF(band_font, writer)
    band = metrics.height() * 2.2
    body_height = page.height() - 2 * band
    document.setPageSize(QSizeF(page.width(), body_height))
    pages = document.pageCount()

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write the PDF {path}")
    try:
        for number in range(pages):
            if number:
                writer.newPage()
            _draw_bands(painter, band_font, metrics, page.width(), page.height(), band, title, number + 1, pages)
            painter.save()
            painter.translate(QPointF(0, band - number * body_height))
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, number * body_height, page.width(), body_height)
            painter.setClipRect(context.clip)
            document.documentLayout().draw(painter, context)
            painter.restore()
    finally:
        painter.end()


def _draw_bands(painter: QPainter, font: QFont, metrics: QFontMetricsF, width: float, height: float,
                band: float, title: str, number: int, pages: int) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(QPen(QColor("#55606b")))
    line_y = metrics.height() * 1.3
    shown = metrics.elidedText(title, Qt.TextElideMode.ElideRight, width * 0.75)
    painter.drawText(QRectF(0, 0, width, line_y), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
    painter.drawText(QRectF(0, 0, width, line_y), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     "Briefing packet")
    painter.drawLine(QPointF(0, line_y), QPointF(width, line_y))
    foot = QRectF(0, height - metrics.height() * 1.3, width, metrics.height() * 1.3)
    painter.drawText(foot, Qt.AlignmentFlag.AlignCenter, f"Page {number} of {pages}")
    painter.restore()
