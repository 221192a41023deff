"""Prioritised review in the window: the panel's toggle and "looking for" text, the ranking shown in the
list and the reader, the elusion sample, next-unreviewed, and the status line's counts and estimate."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from triage_app.core.review.session import ReviewState, sample_ids
from triage_app.gui import window_state

if TYPE_CHECKING:
    from triage_app.gui.main_window import MainWindow


class ReviewUi(QObject):
    """Wires the review panel and the review controller into the window; every round updates the view.

    Its texts keep the window's translation context ("MainWindow"), where the catalogue has them.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.actions_by_name["next_unreviewed"].triggered.connect(lambda _checked=False: self.go_next_unreviewed())
        window.documents.counts_changed.connect(self.update_status)
        panel, review, state = window.review_panel, window.review, window.state
        panel.ranked.setChecked(bool(state.values.get(window_state.REVIEW_RANKED, False)))
        panel.query.setText(str(state.values.get(window_state.REVIEW_QUERY, "")))
        review.query = self.cold_start_text()
        panel.ranked_toggled.connect(lambda on: state.values.__setitem__(window_state.REVIEW_RANKED, bool(on)))
        panel.query_changed.connect(self._query_changed)
        window.filter_bar.filter_changed.connect(lambda _flt: self._query_changed(panel.query.text().strip()))
        panel.draw_requested.connect(lambda: review.draw_sample())
        panel.show_sample_requested.connect(self.show_sample)
        review.sample_drawn.connect(self.show_sample)
        review.updated.connect(self._updated)
        review.failed.connect(window.show_error)
        window.library_view.current_document_changed.connect(self._show_reason)
        review.request()

    def go_next_unreviewed(self) -> None:
        """U: the highest-ranked unreviewed document of the list when "likely relevant first" is on."""
        window = self._window
        if window.review_panel.ranked.isChecked() and window.review.has_ranking():
            doc_id = window.review.next_unreviewed(set(window.documents.ids))
            if doc_id is not None and window.select_document(doc_id):
                return
        if not window.library_view.go_next_unreviewed():
            window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "No unreviewed document in this list."), 4000
            )

    def update_status(self) -> None:
        """The status line: the list's counts and filter, and the review's estimate once there is one."""
        window = self._window
        counts = window.documents.counts()
        state = window.review.state
        extra = window.review_panel.estimate_words(state.estimate) if state is not None and state.estimate is not None else ""
        window.status_line.show_counts(
            counts["matching"], counts["total"], counts["unreviewed"], window.filter_bar.describe(), extra=extra
        )

    def cold_start_text(self) -> str:
        """What the model starts from: the "looking for" text, else, until something is marked relevant or
        maybe, the words of the current search."""
        window = self._window
        typed = window.review_panel.query.text().strip()
        if typed:
            return typed
        decided = window.library.db.execute("SELECT 1 FROM documents WHERE relevance IN ('relevant', 'maybe') LIMIT 1")
        if decided.fetchone() is not None:
            return ""
        words = (window.filter_bar.current_filter().query or "").split()
        return " ".join(w for w in words if ":" not in w and not w.startswith("-") and w != "OR").replace('"', " ").strip()

    def retrain(self) -> None:
        """Decisions changed: rank again, starting from the current cold-start text."""
        self._window.review.query = self.cold_start_text()
        self._window.review.request()

    def show_sample(self, ids: list[int] | None = None) -> None:
        """List the elusion sample's documents still to review."""
        window = self._window
        if not ids:
            ids = sample_ids(window.library.db)
        window.documents.set_filter(replace(window.filter_bar.current_filter(), ids=list(ids)))
        if window.documents.rowCount():
            window.select_row(0)
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow", "Review these %n randomly drawn document(s); the estimate of what is left follows.", "", len(ids)
            ),
            8000,
        )

    def _updated(self, state: ReviewState) -> None:
        window = self._window
        window.documents.set_likely(state.percentiles, state.positions)
        window.review_panel.show_state(state)
        self.update_status()
        self._show_reason(window.current_id())

    def _query_changed(self, text: str) -> None:
        self._window.state.values[window_state.REVIEW_QUERY] = text
        query = self.cold_start_text()
        if query != self._window.review.query:
            self._window.review.query = query
            self._window.review.request()

    def _show_reason(self, doc_id: int | None) -> None:
        """The reader's line saying why the current document ranks where it does."""
        window = self._window
        score = window.documents.likely(doc_id) if doc_id is not None else None
        terms = window.review.explain(doc_id) if score is not None and doc_id is not None else []
        text = window.review_panel.reason_text(score, terms)
        window.reader_pane.reason.setText(text)
        window.reader_pane.reason.setToolTip(text)
