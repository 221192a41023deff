"""Colours and icons that follow the system palette (light or dark), never hard-coded light colours."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QSize
from PySide6.QtGui import QColor, QIcon, QImageReader, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from triage_app.core.assets import resource_bytes
from triage_app.gui.i18n import QT_TRANSLATE_NOOP

RELEVANCE_HUES: dict[str, int] = {"relevant": 130, "maybe": 45, "not-relevant": 0}
"""Hue (HSL degrees) of each decided relevance; 'unreviewed' has no colour of its own."""

RELEVANCE_LABELS: dict[str, str] = {
    "unreviewed": QT_TRANSLATE_NOOP("Relevance", "Unreviewed"),
    "relevant": QT_TRANSLATE_NOOP("Relevance", "Relevant"),
    "maybe": QT_TRANSLATE_NOOP("Relevance", "Maybe"),
    "not-relevant": QT_TRANSLATE_NOOP("Relevance", "Not relevant"),
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


PALETTE_ENV = "TRIAGE_PALETTE"
"""`dark` or `light` forces that palette (with the Fusion style); unset follows the desktop."""


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (what `TRIAGE_PALETTE=dark` applies)."""
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#2b2d30", role.WindowText: "#e6e6e6", role.Base: "#1e1f22", role.AlternateBase: "#26282b",
        role.ToolTipBase: "#3c3f41", role.ToolTipText: "#e6e6e6", role.PlaceholderText: "#8c8f94",
        role.Text: "#e6e6e6", role.Button: "#33363a", role.ButtonText: "#e6e6e6", role.BrightText: "#ff6b6b",
        role.Light: "#4a4d52", role.Midlight: "#3c3f44", role.Mid: "#2f3236", role.Dark: "#191a1c",
        role.Shadow: "#000000", role.Highlight: "#3d6fb4", role.HighlightedText: "#ffffff",
        role.Link: "#7aa7ff", role.LinkVisited: "#b48cff",
    }  # fmt: skip
    for colour_role, value in colours.items():
        palette.setColor(colour_role, QColor(value))
    for colour_role in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, colour_role, QColor("#7a7d82"))
    return palette


def apply_palette_choice(app: QApplication, choice: str) -> bool:
    """Force the `dark` or `light` palette (Fusion style); False (nothing changed) for any other value."""
    choice = choice.strip().lower()
    if choice not in ("dark", "light"):
        return False
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if choice == "dark" else app.style().standardPalette())
    return True
