"""The reader pane on the seed text dump: highlights, the legend, hidden panes, remembered layout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import reader_support
from reader_support import add_annotations, highlighted_fragments, show

from triage_app.core.library import Library
from triage_app.core.settings import StateStore
from triage_app.gui.reader.cleaned_html import ENTITY_COLOURS, parse_entity_href
from triage_app.gui.reader.saved_layout import STATE_HIDDEN_LABELS, STATE_HIDDEN_PANES

pytestmark = reader_support.QT_LOG_IGNORE

make_pane = reader_support.make_pane  # pytest fixtures, found by name
seed_id = reader_support.seed_id


def test_seed_shows_entity_and_quote_highlights(make_pane: Any, qtbot: Any, library: Library, seed_id: int) -> None:
    ids = add_annotations(library, seed_id)
    pane = make_pane()
    show(qtbot, pane, seed_id)
    fragments = highlighted_fragments(pane)
    witkoff = [f for f in fragments if f[0] == "Steve Witkoff"]
    assert witkoff and witkoff[0][2] == ENTITY_COLOURS["PERSON"]
    assert parse_entity_href(witkoff[0][1]) == (ids["Steve Witkoff"], "Steve Witkoff")
    assert any(f[0] == "NATO" and f[2] == ENTITY_COLOURS["ORG"] for f in fragments)
    quoted = [f for f in fragments if "not be on the table forever" in f[0]]
    assert quoted and quoted[0][2] == "#f1f1f1"
    plain = pane.cleaned.toPlainText()
    assert "\u2014 a senior U.S. official" in plain
    assert plain.startswith("Conditional US Offer")
    assert "newsmax.com \u00b7 2025-12-15T16:46:00-05:00 \u00b7 https://www.newsmax.com/world/globaltalk/x/" in plain
    assert "Skip to main content" not in plain  # removed blocks stay out of the cleaned view
    model = pane.side_panel.entity_model
    labels = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert labels == ["PERSON", "ORG", "PLACE", "DATE"]
    assert pane.side_panel.quote_model.index(0, 0).data() == "a senior U.S. official"


def test_legend_toggle_hides_a_type_and_is_remembered(make_pane: Any, qtbot: Any, library: Library, seed_id: int,
                                                      tmp_path: Path) -> None:
    add_annotations(library, seed_id)
    pane = make_pane()
    show(qtbot, pane, seed_id)
    pane.legend.buttons["PERSON"].click()
    fragments = highlighted_fragments(pane)
    assert not any(f[0] == "Steve Witkoff" for f in fragments)
    assert any(f[0] == "NATO" for f in fragments)
    assert StateStore(tmp_path / "state.json").values[STATE_HIDDEN_LABELS] == ["PERSON"]
    again = make_pane(StateStore(tmp_path / "state.json"))
    assert not again.legend.buttons["PERSON"].isChecked()


def test_panes_can_be_hidden_and_stay_hidden(make_pane: Any, tmp_path: Path) -> None:
    pane = make_pane()
    pane.show()
    pane.toggle_original_action.setChecked(False)
    assert not pane.original.isVisible() and pane.cleaned.isVisible()
    pane.toggle_side_panel_action.trigger()
    assert StateStore(tmp_path / "state.json").values[STATE_HIDDEN_PANES] == ["original", "side"]
    again = make_pane(StateStore(tmp_path / "state.json"))
    again.show()
    assert not again.toggle_original_action.isChecked() and not again.original.isVisible()
    assert again.toggle_cleaned_action.isChecked() and again.cleaned.isVisible()


def test_splitter_sizes_are_remembered(make_pane: Any, tmp_path: Path) -> None:
    state = StateStore(tmp_path / "state.json")
    pane = make_pane(state)
    pane.show()
    pane.splitter.setSizes([300, 800, 200])
    pane.splitter.splitterMoved.emit(300, 1)
    sizes = state.values["reader.splitter"]
    again = make_pane(state)
    again.show()
    assert again.splitter.sizes() == sizes


def test_no_document_and_missing_document(make_pane: Any, qtbot: Any) -> None:
    pane = make_pane()
    show(qtbot, pane, None)
    assert "Select a document" in pane.cleaned.toPlainText()
    show(qtbot, pane, 4242)
    assert "no longer in the library" in pane.cleaned.toPlainText()
    assert pane.doc_id is None


def test_entity_count_column_has_a_fixed_width_that_fits_its_header(make_pane: Any, qtbot: Any, seed_id: int) -> None:
    from PySide6.QtWidgets import QHeaderView

    pane = make_pane()
    show(qtbot, pane, seed_id)
    header = pane.side_panel.entity_view.header()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Fixed
    assert header.sectionSize(1) > header.fontMetrics().horizontalAdvance("Mentions")
    assert header.sectionSize(1) == pane.side_panel.count_column_width()
