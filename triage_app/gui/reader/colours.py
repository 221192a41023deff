"""The reader's colours, derived from the palette so that quotes, shading and notes read on light and dark.

Entity highlights keep their fixed pastel backgrounds with black text (a pair that reads on any page);
everything that sits on the page background itself (quotes, speakers, grey notes, removed-block shading)
is mixed from the palette here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from triage_app.gui.theme import is_dark


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`a` moved `amount` (0..1) of the way toward `b`."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


def css(colour: QColor) -> str:
    """#rrggbb, or rgba(...) when the colour is translucent."""
    if colour.alpha() == 255:
        return colour.name()
    return f"rgba({colour.red()}, {colour.green()}, {colour.blue()}, {colour.alphaF():.2f})"


def qcolor(text: str) -> QColor:
    """The QColor of a `css()` value (`#rrggbb` or `rgba(r, g, b, a)`)."""
    match = re.fullmatch(r"rgba\((\d+), (\d+), (\d+), ([\d.]+)\)", text)
    if match is None:
        return QColor(text)
    red, green, blue = (int(match.group(i)) for i in (1, 2, 3))
    return QColor(red, green, blue, round(float(match.group(4)) * 255))


@dataclass(frozen=True)
class ReaderColours:
    """CSS colours of the cleaned view and the original's marks, for one palette."""

    page: str  # the page background (the palette's Base)
    ink: str  # body text
    dim: str  # metadata lines and notes
    quote_background: str
    quote_ink: str
    speaker_ink: str
    removed_background: str  # removed blocks of the original
    removed_outline: str
    removed_ink: str  # removed lines of a text dump
    notice_background: str  # the fallback renderer's notice
    notice_ink: str


LIGHT = ReaderColours(
    page="#ffffff", ink="#000000", dim="#808080", quote_background="#f1f1f1", quote_ink="#5a3d00",
    speaker_ink="#8a5a00", removed_background="rgba(214, 48, 49, 0.10)", removed_outline="rgba(214, 48, 49, 0.55)",
    removed_ink="#8a8a8a", notice_background="#fff3cd", notice_ink="#4d3800",
)  # fmt: skip
"""The colours used when no palette is given (a light page: the colours of a light palette)."""


def reader_colours(palette: QPalette) -> ReaderColours:
    """The reader's colours for `palette` (light or dark)."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    dark = is_dark(palette)
    amber = QColor.fromHsl(38, 200, 175 if dark else 60)  # readable on the quote background in both palettes
    speaker = QColor.fromHsl(38, 200, 190 if dark else 45)
    red = QColor.fromHsl(0, 170, 150 if dark else 110)
    shade = QColor(red)
    shade.setAlpha(60 if dark else 28)
    outline = QColor(red)
    outline.setAlpha(170 if dark else 140)
    notice = mix(base, QColor.fromHsl(45, 230, 128), 0.22 if dark else 0.25)
    return ReaderColours(
        page=base.name(),
        ink=text.name(),
        dim=mix(text, base, 0.45).name(),
        quote_background=mix(base, text, 0.10 if dark else 0.055).name(),
        quote_ink=mix(text, amber, 0.55).name(),
        speaker_ink=speaker.name(),
        removed_background=css(shade),
        removed_outline=css(outline),
        removed_ink=mix(text, base, 0.5).name(),
        notice_background=notice.name(),
        notice_ink=text.name(),
    )


def dim_ink(palette: QPalette) -> str:
    """The grey of notes and metadata lines on this palette."""
    return reader_colours(palette).dim
