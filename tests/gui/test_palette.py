"""Dark palette: the reader's quotes, notes and removed-block shading follow the palette, light or dark."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from reader_support import add_annotations, highlighted_fragments, make_pane, seed_id, show  # noqa: F401

from triage_app.core.library import Library
from triage_app.core.records import Block
from triage_app.gui import theme
from triage_app.gui.reader.colours import qcolor, reader_colours
from triage_app.gui.reader.marking import mark_page

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
)


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two opaque colours."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def light_palette() -> QPalette:
    palette = QPalette()
    for role, value in ((QPalette.ColorRole.Base, "#ffffff"), (QPalette.ColorRole.Text, "#000000"),
                        (QPalette.ColorRole.Window, "#efefef"), (QPalette.ColorRole.WindowText, "#000000")):
        palette.setColor(role, QColor(value))
    return palette


def test_colours_follow_the_palette_and_stay_readable(qapp: QApplication) -> None:
    light, dark = reader_colours(light_palette()), reader_colours(theme.dark_palette())
    assert theme.is_dark(theme.dark_palette()) and not theme.is_dark(light_palette())
    assert QColor(light.quote_background).lightness() > 230  # the familiar light grey on white
    assert QColor(dark.quote_background).lightness() < 70  # no light patch glaring on a dark page
    for colours in (light, dark):
        page, quote_bg = QColor(colours.page), QColor(colours.quote_background)
        assert contrast(QColor(colours.quote_ink), quote_bg) >= 4.5
        assert contrast(QColor(colours.speaker_ink), quote_bg) >= 4.5
        assert contrast(QColor(colours.dim), page) >= 3.0
        assert contrast(QColor(colours.removed_ink), page) >= 2.0  # greyed on purpose, still legible
    assert light.quote_background != dark.quote_background and light.removed_background != dark.removed_background


def test_marked_original_uses_the_palette_shading(qapp: QApplication) -> None:
    dark = reader_colours(theme.dark_palette())
    page = "<html><body><nav id='n'>Home</nav><p>Body text</p></body></html>"
    blocks = [Block(0, "paragraph", "Home", False, "navigation", "dom:/html/body/nav"),
              Block(1, "paragraph", "Body text", True, None, "dom:/html/body/p")]
    marked = mark_page(page, blocks, doc_id=1, colours=dark).html
    assert dark.removed_background in marked and dark.removed_outline in marked
    assert "rgba(214, 48, 49, 0.10)" not in marked  # the light palette's shade


def test_reader_repaints_in_a_dark_palette(qtbot: Any, make_pane: Any, library: Library, seed_id: int) -> None:  # noqa: F811
    add_annotations(library, seed_id)
    pane = make_pane()
    pane.show()
    show(qtbot, pane, seed_id)
    light = reader_colours(pane.cleaned.palette())
    pane.setPalette(theme.dark_palette())  # what a switch of the desktop's colour scheme does
    qtbot.waitUntil(lambda: not pane.original_pending, timeout=30000)
    dark = reader_colours(pane.cleaned.palette())
    assert QColor(dark.quote_background).lightness() < 70
    backgrounds = {QColor(bg).name() for _text, _href, bg in highlighted_fragments(pane) if bg}
    assert QColor(dark.quote_background).name() in backgrounds
    assert QColor(light.quote_background).name() not in backgrounds
    removed = pane.original.text_view.extraSelections()
    assert removed and all(s.format.background().color() == qcolor(dark.removed_background) for s in removed)


def test_triage_palette_forces_dark_or_light(qapp: QApplication) -> None:
    style, palette = qapp.style().name(), qapp.palette()
    try:
        assert not theme.apply_palette_choice(qapp, "")  # unset: the desktop's palette stays
        assert theme.apply_palette_choice(qapp, "dark") and theme.is_dark(qapp.palette())
        assert theme.apply_palette_choice(qapp, "Light") and not theme.is_dark(qapp.palette())
    finally:
        qapp.setStyle(style)
        qapp.setPalette(palette)
