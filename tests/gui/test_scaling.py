"""The window fits a 1920-px screen at 200% scaling (960 logical px): nothing forces it wider than 900 px."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from triage_app.gui.widgets.elided_label import ElidedLabel
from triage_app.gui.widgets.flow_layout import FlowLayout

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform

MAX_MIN_WIDTH = 900  # 1920 px at 200% is 960 logical px, less the window frame and some slack
MAX_MIN_HEIGHT = 480  # 1080 px at 200% is 540 logical px, less a panel and the title bar
LONG_URL = "https://example.org/" + "a-very-long-path-segment/" * 8


def rows_of(widgets: list[QWidget]) -> int:
    """How many lines these widgets are laid out on."""
    return len({w.geometry().top() for w in widgets})


def test_main_window_minimum_width_fits_200_percent(qtbot: Any, make_window: Any, pages: list[Path]) -> None:
    make_window.populate(pages)
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    assert window.reader_pane is not None and window.reader_pane.doc_id is not None
    assert window.minimumSizeHint().width() <= MAX_MIN_WIDTH
    # long messages in the reader and the status bar are cut, they do not widen the window
    window.reader_pane.status.setText(f"Links are not followed in the original (offline reading): {LONG_URL}")
    window.status_line.setText(f"3 of 3 · 3 unreviewed · {LONG_URL}")
    QApplication.processEvents()  # let the layouts take the new texts in
    assert window.minimumSizeHint().width() <= MAX_MIN_WIDTH
    assert window.layout().minimumSize().width() <= MAX_MIN_WIDTH
    window.resize(MAX_MIN_WIDTH, 600)
    qtbot.waitUntil(lambda: window.width() == MAX_MIN_WIDTH)
    assert window.minimumSizeHint().height() <= MAX_MIN_HEIGHT  # with the legend wrapped at this width
    assert window.reader_pane.status.toolTip().endswith(LONG_URL)
    assert window.reader_pane.status.elided_text().endswith("\u2026")


def test_first_window_fits_the_screen(qtbot: Any, make_window: Any) -> None:
    window = make_window()  # no remembered geometry: the first run
    room = window.screen().availableGeometry()
    assert window.width() <= max(room.width(), window.minimumSizeHint().width())
    assert window.height() <= max(room.height(), window.minimumSizeHint().height())
    assert window.width() < 1280 or room.width() >= 1280  # the 1280x800 default is cut down to the screen


def test_legend_wraps_when_the_reader_is_narrow(qtbot: Any, make_window: Any, pages: list[Path]) -> None:
    make_window.populate(pages)
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    legend = window.reader_pane.legend
    buttons = list(legend.buttons.values())
    window.resize(1800, 700)
    window.splitter.setSizes([600, 1200])
    qtbot.waitUntil(lambda: legend.width() >= legend.sizeHint().width())
    wide_height = legend.height()
    assert rows_of(buttons) == 1
    window.resize(MAX_MIN_WIDTH, 700)
    window.splitter.setSizes([MAX_MIN_WIDTH, 1])  # the reader as narrow as it goes
    qtbot.waitUntil(lambda: legend.width() < legend.sizeHint().width())
    qtbot.waitUntil(lambda: legend.height() > wide_height)
    assert legend.minimumSizeHint().width() < legend.sizeHint().width()
    assert legend.heightForWidth(legend.width()) == legend.height()
    assert rows_of(buttons) > 1
    for button in buttons:  # every toggle stays whole and inside the legend
        assert legend.rect().contains(button.geometry())
        assert button.width() == button.sizeHint().width()


def test_flow_layout_places_items_in_order_and_skips_hidden_ones(qtbot: Any) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    layout = FlowLayout(host, h_spacing=5, v_spacing=3)
    layout.setContentsMargins(0, 0, 0, 0)
    buttons = []
    for text in ("one", "two", "three", "four"):
        button = QToolButton(host)
        button.setText(text)
        button.setFixedSize(40, 20)
        layout.addWidget(button)
        buttons.append(button)
    buttons[2].hide()
    assert layout.count() == 4
    assert layout.sizeHint().width() == 3 * 40 + 2 * 5  # the hidden one takes no room
    assert layout.minimumSize().width() == 40
    assert layout.heightForWidth(130) == 20
    assert layout.heightForWidth(90) == 20 + 3 + 20
    assert layout.heightForWidth(40) == 3 * 20 + 2 * 3
    host.resize(90, 43)
    layout.setGeometry(host.rect())
    assert [b.pos().toTuple() for b in (buttons[0], buttons[1], buttons[3])] == [(0, 0), (45, 0), (0, 23)]
    item = layout.takeAt(0)
    assert item is not None and item.widget() is buttons[0]
    assert layout.count() == 3 and layout.itemAt(3) is None


def test_elided_label_asks_for_its_text_but_accepts_less(qtbot: Any) -> None:
    label = ElidedLabel("Entities: not available yet (the entity engine is not part of this build).")
    qtbot.addWidget(label)
    assert label.minimumSizeHint().width() < label.sizeHint().width() // 4
    assert label.toolTip() == label.text()
    label.resize(label.sizeHint())
    assert label.elided_text() == label.text()
    label.resize(label.sizeHint().width() // 2, label.sizeHint().height())
    shown = label.elided_text()
    assert shown.endswith("\u2026") and label.text().startswith(shown[:-1])
