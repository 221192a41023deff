"""Colours and icons that follow the system palette (light or dark), never hard-coded light colours."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QSize
from PySide6.QtGui import QColor, QIcon, QImageReader, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from triage_app.core.assets import resource_bytes

RELEVANCE_HUES: dict[str, int] = {"relevant": 130, "maybe": 45, "not-relevant": 0}
"""Hue (HSL degrees) of each decided relevance; 'unreviewed' has no colour of its own."""

RELEVANCE_LABELS: dict[str, str] = {
    "unreviewed": "Unreviewed",
    "relevant": "Relevant",
    "maybe": "Maybe",
    "not-relevant": "Not relevant",
}
RELEVANCE_GLYPHS: dict[str, str] = {"unreviewed": "○", "relevant": "●", "maybe": "◐", "not-relevant": "✕"}
STAR_ON = "★"


def palette_of(widget: QWidget | None = None) -> QPalette:
    """The palette in effect for `widget`, or the application's."""
    if widget is not None:
        return widget.palette()
    return QApplication.palette()


def is_dark(palette: QPalette) -> bool:
    """True when the window background is darker than its text (a dark theme)."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def relevance_colour(relevance: str, palette: QPalette) -> QColor | None:
    """A foreground colour for a relevance mark that stays readable on this palette; None for unreviewed."""
    hue = RELEVANCE_HUES.get(relevance)
    if hue is None:
        return None
    lightness = 170 if is_dark(palette) else 90
    return QColor.fromHsl(hue, 170, lightness)


def banner_colours(palette: QPalette) -> tuple[QColor, QColor]:
    """Background and text colour of an information banner, from the palette's highlight colour."""
    highlight = palette.color(QPalette.ColorRole.Highlight)
    base = palette.color(QPalette.ColorRole.Base)
    strength = 0.22
    background = QColor(
        round(base.red() * (1 - strength) + highlight.red() * strength),
        round(base.green() * (1 - strength) + highlight.green() * strength),
        round(base.blue() * (1 - strength) + highlight.blue() * strength),
    )
    return background, palette.color(QPalette.ColorRole.Text)


def app_icon() -> QIcon:
    """The application icon from resources/triage.svg (an empty icon if the SVG cannot be read)."""
    try:
        data = resource_bytes("triage.svg")
    except KeyError:
        return QIcon()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(QSize(256, 256))
    image = reader.read()
    if image.isNull():
        return QIcon()
    return QIcon(QPixmap.fromImage(image))
