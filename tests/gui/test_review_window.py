"""Prioritised review in the window: U follows the ranking, the toggle, reasons, chart, estimate, responsiveness."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt, QTimer

from tests.gui.event_loop_gaps import assert_keeps_turning, gaps_ms
from tests.review_data import BOATS, collection
from triage_app.bench.review import fill_library
from triage_app.core.library import Library
from triage_app.core.review.session import labels
from triage_app.gui import window_state
from triage_app.gui.models.document_columns import COL_LIKELY, HEADERS

RETRAIN_WORST_GAP_MS = 250.0
"""Generous for a loaded 2-core machine (one gap per run may exceed it: `event_loop_gaps`); the real figures are
printed (`pytest -s`), the goal is < 50 ms."""


def filled(make_window: Any, n: int = 120) -> set[int]:
    library = Library.open(make_window.path)
    fill_library(library, collection(n))
    relevant = {int(r[0]) for r in library.db.execute("SELECT id FROM documents WHERE (id - 1) % 5 = 0")}
    library.close()
    return relevant


def ranked_window(qtbot: Any, make_window: Any, query: str = "yacht regatta harbour") -> Any:
    window = make_window()
    panel = window.review_panel
    panel.query.setText(query)
    panel.query.editingFinished.emit()
    qtbot.waitUntil(lambda: window.review.has_ranking() and not window.review.running, timeout=20000)
    return window


def test_u_follows_the_ranking_when_on_and_list_order_when_off(qtbot: Any, make_window: Any) -> None:
    relevant = filled(make_window)
    window = ranked_window(qtbot, make_window)
    panel = window.review_panel
    assert not panel.ranked.isChecked()
    panel.ranked.setChecked(True)
    window.select_row(0)
    window.go_next_unreviewed()
    first = window.current_id()
    assert first == window.review.state.ranked_ids[0] and first in relevant
    with qtbot.waitSignal(window.review.updated, timeout=20000):
        window.mark("relevant")
    window.go_next_unreviewed()
    second = window.current_id()
    unreviewed = {d for d, v in labels(window.library.db).items() if v == "unreviewed"}
    assert second != first and second == next(d for d in window.review.state.ranked_ids if d in unreviewed)
    assert second in relevant
    panel.ranked.setChecked(False)  # off: today's order, the next unreviewed row after the current one
    row = window.documents.row_of(second)
    window.go_next_unreviewed()
    assert window.documents.row_of(window.current_id()) == row + 1
    assert window.state.values[window_state.REVIEW_RANKED] is False
    panel.ranked.setChecked(True)
    window.close()
    again = make_window()
    assert again.review_panel.ranked.isChecked() and again.review_panel.query.text() == "yacht regatta harbour"


def test_u_stays_within_the_search(qtbot: Any, make_window: Any) -> None:
    filled(make_window)
    window = ranked_window(qtbot, make_window)
    window.review_panel.ranked.setChecked(True)
    window.filter_bar.set_query("budget")
    qtbot.waitUntil(lambda: window.documents.filter.query == "budget", timeout=5000)
    listed = set(window.documents.ids)
    window.go_next_unreviewed()
    best = next(d for d in window.review.state.ranked_ids if d in listed)
    assert window.current_id() == best


def test_likely_column_sorts_and_the_reader_says_why(qtbot: Any, make_window: Any) -> None:
    relevant = filled(make_window)
    window = ranked_window(qtbot, make_window)
    model = window.documents
    assert model.headerData(COL_LIKELY, Qt.Orientation.Horizontal) == HEADERS[COL_LIKELY]
    window.table.sortByColumn(COL_LIKELY, Qt.SortOrder.DescendingOrder)
    top = model.id_at(0)
    assert top == window.review.state.ranked_ids[0] and model.data(model.index(0, COL_LIKELY)) == "100"
    window.table.sortByColumn(COL_LIKELY, Qt.SortOrder.AscendingOrder)
    assert model.id_at(0) == window.review.state.ranked_ids[-1] and model.data(model.index(0, COL_LIKELY)) == "0"
    window.select_document(top)
    text = window.reader_pane.reason.text()
    assert "because of" in text and any(f"“{w}”" in text for w in BOATS)
    assert top in relevant


def test_chart_and_estimate_update_after_decisions(qtbot: Any, make_window: Any) -> None:
    relevant = filled(make_window)
    window = ranked_window(qtbot, make_window)
    panel = window.review_panel
    with qtbot.waitSignal(window.review.updated, timeout=20000):
        window.select_document(window.review.state.ranked_ids[0])
        window.mark("relevant")
    assert panel.chart.points[-1] == (1, 1) and "No estimate yet" in panel.estimate.text()
    window.review.sample_size = 30
    with qtbot.waitSignal(window.review.sample_drawn, timeout=20000) as drawn:
        panel.check.click()
    sample = drawn.args[0]
    assert sorted(window.documents.ids) == sorted(sample) and 25 <= len(sample) <= 35
    qtbot.waitUntil(lambda: not window.review.running and "sampled documents" in panel.estimate.text(), timeout=20000)
    for doc_id in sample:
        window.select_document(doc_id)
        window.mark("relevant" if doc_id in relevant else "not-relevant")
    qtbot.waitUntil(lambda: window.review.state.estimate is not None and not window.review.running, timeout=30000)
    estimate = window.review.state.estimate
    assert panel.chart.estimate == estimate and panel.chart.points[-1][0] == len(sample) + 1
    assert "relevant left among" in window.status_line.text() and estimate.describe() in window.status_line.text()
    assert "relevant left among" in panel.estimate.text()
    make_window.wait_idle(window)


def test_event_loop_keeps_turning_while_the_model_retrains(qtbot: Any, make_window: Any) -> None:
    filled(make_window, 3000)
    window = make_window()
    stamps: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: stamps.append(time.perf_counter()))
    timer.start()
    try:
        window.review_panel.query.setText("yacht harbour")
        window.review_panel.query.editingFinished.emit()  # features for 3,000 documents, then a round
        qtbot.waitUntil(lambda: window.review.has_ranking() and not window.review.running, timeout=60000)
        for doc_id in window.review.state.ranked_ids[:3]:
            with qtbot.waitSignal(window.review.updated, timeout=20000):
                window.select_document(doc_id)
                window.mark("relevant")
    finally:
        timer.stop()
    gaps = gaps_ms(stamps)
    print(f"\nretrain: worst event-loop gaps {[round(g) for g in sorted(gaps)[-2:]]} ms over {len(gaps)} ticks")
    assert_keeps_turning(gaps, RETRAIN_WORST_GAP_MS, "retrain")
    make_window.wait_idle(window)


def test_a_remembered_likely_sort_before_any_ranking(qtbot: Any, make_window: Any) -> None:
    filled(make_window, 30)
    first = make_window()
    first.table.sortByColumn(COL_LIKELY, Qt.SortOrder.DescendingOrder)  # no ranking: id order, no error
    assert first.documents.rowCount() == 30
    first.close()
    window = make_window()  # the remembered sort is restored before the first round
    assert window.documents.sort_key == ("likely", True) and window.documents.rowCount() == 30
    window.review_panel.query.setText("yacht")
    window.review_panel.query.editingFinished.emit()
    qtbot.waitUntil(lambda: window.review.has_ranking() and not window.review.running, timeout=20000)
    assert window.documents.id_at(0) == window.review.state.ranked_ids[0]


def test_cold_start_from_the_search_until_something_is_marked_relevant(qtbot: Any, make_window: Any) -> None:
    relevant = filled(make_window)
    window = make_window()
    assert window.review.query == "" and not window.review.has_ranking()
    window.filter_bar.set_query("regatta -budget star:no")
    qtbot.waitUntil(lambda: window.review.has_ranking() and not window.review.running, timeout=20000)
    assert window.review.query == "regatta"
    assert sum(d in relevant for d in window.review.state.ranked_ids[:10]) >= 9
    with qtbot.waitSignal(window.review.updated, timeout=20000):
        assert window.select_document(next(d for d in window.review.state.ranked_ids if window.documents.row_of(d) is not None))
        window.mark("relevant")
    assert window.review.query == ""  # learning from decisions now; the search only filters



def test_the_likely_column_shows_each_rows_latest_percentile(qtbot: Any, make_window: Any) -> None:
    """Issue 21: after a decision re-ranks, every row shows its own document's new percentile (by id, not
    by row, not the first ranking's), 100 for the best; a list re-sorted by the column is non-increasing."""
    filled(make_window)
    window = ranked_window(qtbot, make_window)
    model = window.documents
    window.table.sortByColumn(COL_LIKELY, Qt.SortOrder.DescendingOrder)
    window.select_document(window.review.state.ranked_ids[-1])  # the worst: its decision moves the ranking
    with qtbot.waitSignal(window.review.updated, timeout=20000):
        window.mark("relevant")
    state = window.review.state

    def column() -> list[int]:
        return [int(model.data(model.index(row, COL_LIKELY))) for row in range(model.rowCount())]

    assert column() == [int(state.percentiles[model.id_at(row)]) for row in range(model.rowCount())]
    window.table.sortByColumn(COL_LIKELY, Qt.SortOrder.DescendingOrder)
    values = column()
    assert values[0] == 100 and values[-1] == 0 and values == sorted(values, reverse=True)
    assert [model.id_at(row) for row in range(model.rowCount())] == state.ranked_ids
    window.close()


def test_nothing_left_to_check_when_every_document_has_a_decision(qtbot: Any, make_window: Any) -> None:
    """"Check what is left…" with no unreviewed document drew an empty sample and listed nothing ("Review these 0
    randomly drawn documents"): it is off and says why."""
    filled(make_window, n=12)
    window = make_window()
    panel = window.review_panel
    qtbot.waitUntil(lambda: window.review.state is not None and not window.review.running, timeout=20000)
    assert panel.check.isEnabled()
    window.table.selectAll()
    with qtbot.waitSignal(window.review.updated, timeout=20000):
        window.mark("not-relevant")
    qtbot.waitUntil(lambda: not window.review.running and window.review.state.unreviewed == 0, timeout=20000)
    assert not panel.check.isEnabled()
    assert panel.estimate.text() == "Every document has a decision: nothing is left to check"
