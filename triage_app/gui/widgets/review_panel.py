"""The prioritised-review panel under the library list: the toggle, the looking-for text, the chart,
the estimate in words and the elusion-sample buttons."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from triage_app.core.review.estimate import Estimate
from triage_app.core.review.session import ReviewState
from triage_app.gui.widgets.review_chart import ReviewChart


class ReviewPanel(QWidget):
    """Controls and read-outs of prioritised review; it holds no state beyond what it shows."""

    ranked_toggled = Signal(bool)
    query_changed = Signal(str)
    draw_requested = Signal()
    show_sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ranked = QCheckBox(self.tr("Likely relevant first"))
        self.ranked.setToolTip(self.tr("U goes to the highest-ranked unreviewed document (off: the list's order)"))
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("What am I looking for? (used until you mark something relevant)"))
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName(self.tr("What am I looking for"))
        self.chart = ReviewChart()
        self.estimate = QLabel(self.tr("Learning from your decisions…"))
        self.estimate.setWordWrap(True)
        self.estimate.setAccessibleName(self.tr("Estimate of relevant documents left"))
        self.check = QPushButton(self.tr("Check what is left…"))
        self.check.setToolTip(self.tr("Draw a random sample of unreviewed documents to review; it estimates how many relevant ones are left"))
        self.show_sample = QPushButton(self.tr("Show sample"))
        self.show_sample.setToolTip(self.tr("List the sampled documents still to review"))
        self.show_sample.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.ranked)
        top.addWidget(self.query, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.estimate, 1)
        buttons.addWidget(self.show_sample)
        buttons.addWidget(self.check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.chart)
        layout.addLayout(buttons)
        self.ranked.toggled.connect(self.ranked_toggled)
        self.query.editingFinished.connect(lambda: self.query_changed.emit(self.query.text().strip()))
        self.check.clicked.connect(self.draw_requested)
        self.show_sample.clicked.connect(self.show_sample_requested)

    def estimate_words(self, estimate: Estimate) -> str:
        """'about 40 relevant left among 3,200 unreviewed (95% interval 25-60)', translated."""
        return (
            self.tr("about %1 relevant left among %2 unreviewed (95% interval %3-%4)")
            .replace("%1", f"{round(estimate.left):,}")
            .replace("%2", f"{estimate.unreviewed:,}")
            .replace("%3", f"{estimate.low:,}")
            .replace("%4", f"{estimate.high:,}")
        )

    def estimate_text(self, state: ReviewState | None) -> str:
        """The estimate in words, or what is needed for one."""
        if state is None:
            return self.tr("Learning from your decisions…")
        if state.unreviewed == 0:  # a sample would be empty: there is nothing to estimate
            return self.tr("Every document has a decision: nothing is left to check")
        if state.estimate is not None:
            text = self.estimate_words(state.estimate)
            text = text[:1].upper() + text[1:]
            return text + (self.tr(" — the sample is old; check again") if state.sample_needed else "")
        if state.sample_left:
            return self.tr("Review the %n sampled document(s) still unreviewed for an estimate of what is left", "", state.sample_left)
        return self.tr("No estimate yet: check what is left with a random sample")

    def show_state(self, state: ReviewState) -> None:
        """Chart, estimate and sample buttons from a finished round."""
        self.chart.set_data(state.curve, state.estimate, self.estimate_words(state.estimate) if state.estimate else "")
        self.estimate.setText(self.estimate_text(state))
        self.show_sample.setVisible(state.sample_left > 0)
        self.check.setEnabled(state.sample_left == 0 and state.unreviewed > 0)

    def reason_text(self, score: int | None, terms: list[tuple[str, float]]) -> str:
        """Why a document ranks where it does, in words (for the reader)."""
        if score is None:
            return ""
        text = self.tr("Likely relevant: %1 of 100").replace("%1", str(score))
        if terms:
            text += " — " + self.tr("because of") + " " + ", ".join(f"“{t}” {share:.0%}" for t, share in terms)
        return text
