"""`ReaderPane`: a document's original beside its cleaned view, with the entity/quote side panel."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from triage_app.core.library.db import Library
from triage_app.core.records import Block
from triage_app.core.settings import Settings, StateStore
from triage_app.gui.reader.annotation_ui import AnnotationState, AnnotationUi
from triage_app.gui.reader.background_open import BuiltView
from triage_app.gui.reader.cleaned_html import build_cleaned_html
from triage_app.gui.reader.cleaned_view import CleanedView
from triage_app.gui.reader.colours import ReaderColours, dim_ink, reader_colours
from triage_app.gui.reader.commands import ReaderCommands
from triage_app.gui.reader.context_menus import ReaderMenus
from triage_app.gui.reader.legend import EntityLegend
from triage_app.gui.reader.long_documents import LongDocuments, Opening
from triage_app.gui.reader.original_pane import Deferred, OriginalPane
from triage_app.gui.reader.reader_data import ReaderData, load_reader_data
from triage_app.gui.reader.saved_layout import (
    pane_toggle_action,
    remember_sizes,
    save_hidden_labels,
    saved_hidden_labels,
    saved_sizes,
)
from triage_app.gui.reader.side_panel import SidePanel
from triage_app.gui.reader.text_original import PreparedText
from triage_app.gui.widgets.elided_label import ElidedLabel
from triage_app.gui.widgets.flow_layout import FlowLayout
from triage_app.gui.workers import TaskRunner

log = logging.getLogger(__name__)


class ReaderPane(QWidget):
    """Shows one document: original | cleaned view | side panel, each of which can be hidden."""

    entity_filter_requested = Signal(int, str)  # entity id, canonical name
    document_changed = Signal(int)  # the reader changed this document (overrides, entity corrections)
    original_ready = Signal(int)  # the deferred original of this document has been marked and loaded

    def __init__(
        self,
        library: Library,
        runner: TaskRunner,
        settings: Settings,
        state: StateStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._settings = settings
        self._state = state
        self._runner = runner
        self.data: ReaderData | None = None
        self._prepared_original: PreparedText | None = None  # a long dump's original, made with its cleaned view
        self._long = LongDocuments(library, runner, self._look, self._show_empty, self)  # built off this thread
        self._long.built.connect(self._on_built)
        self.annotation = AnnotationUi(self, runner)
        # The original (lxml parse + marking + loading) waits until the cleaned view has painted.
        self._original_later = Deferred(self.flush_original, "readerOriginalTimer", self)
        self.commands = ReaderCommands(runner, library, self)
        self.commands.entity_filter_requested.connect(self.entity_filter_requested)
        self.commands.changed.connect(self._on_changed)

        self.legend = EntityLegend(saved_hidden_labels(state, settings), self)
        self.legend.hidden_labels_changed.connect(self._on_legend)
        self.status = ElidedLabel(parent=self)  # a long message must not widen the window
        self.commands.failed.connect(self.status.setText)
        self.status.setObjectName("readerStatus")
        self.original = OriginalPane(library, self)
        self.menus = ReaderMenus(self)  # the menus of the entities, the cleaned text and the original
        self.original.block_menu_requested.connect(self.menus.block)
        self.original.link_blocked.connect(
            lambda url: self.status.setText(self.tr("Links are not followed in the original (offline reading): {url}").format(url=url))
        )
        self.cleaned = CleanedView(self)
        self.cleaned.paragraph_clicked.connect(self._on_paragraph_clicked)
        self.cleaned.entity_clicked.connect(self.menus.mention)
        self.cleaned.context_menu_requested.connect(self.menus.cleaned)
        self.side_panel = SidePanel(self)
        self.side_panel.entity_menu_requested.connect(self.menus.entity)
        self.side_panel.quote_activated.connect(self._scroll_cleaned_to_offset)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("readerSplitter")
        self.splitter.setChildrenCollapsible(False)
        for widget in (self.original, self.cleaned, self.side_panel):
            self.splitter.addWidget(widget)
        self.splitter.setSizes(saved_sizes(state))
        self.splitter.splitterMoved.connect(self._remember_sizes)

        self.toggle_original_action = pane_toggle_action(self.tr("Show &Original"), self.original, "original", state, self)
        self.toggle_cleaned_action = pane_toggle_action(self.tr("Show &Cleaned Text"), self.cleaned, "cleaned", state, self)
        self.toggle_side_panel_action = pane_toggle_action(
            self.tr("Show &Entities and Quotes"), self.side_panel, "side", state, self
        )

        top = QWidget(self)  # the legend, then the status; both wrap when the reader is narrow
        top_layout = FlowLayout(top, h_spacing=12, v_spacing=2)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.legend)
        top_layout.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top)
        self.reason = ElidedLabel(parent=self)  # prioritised review: why the model ranks this document here
        self.reason.setObjectName("readerReason")
        self.reason.setAccessibleName(self.tr("Why this document ranks here"))
        layout.addWidget(self.reason)
        layout.addWidget(self.splitter, 1)
        self.show_document(None)

    # -- panes and state -------------------------------------------------------------------
    def tab_chain(self) -> list[QWidget]:
        """The reader's widgets in Tab order: legend toggles, cleaned text, original, entities, quotes."""
        legend = list(self.legend.buttons.values())
        return [*legend, self.cleaned, self.original, self.side_panel.entity_view, self.side_panel.quote_view]

    def _remember_sizes(self, *_args: Any) -> None:
        remember_sizes(self._state, self.splitter.sizes())

    def _on_legend(self, hidden: list[str]) -> None:
        save_hidden_labels(self._state, hidden)
        if not self._reopen_if_opening():
            self._paint_cleaned(keep_scroll=True)

    # -- showing ---------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """True while the reader's annotation or one of its writes has not come back, or a long document is being opened."""
        return self.annotation.busy or self.commands.busy or self.opening

    @property
    def opening(self) -> bool:
        """True while a long document's view is being built off the window's thread (`long_documents`)."""
        return self._long.pending is not None

    @property
    def annotation_state(self) -> str:
        """Where the shown document's entities and quotes stand: an `AnnotationState`."""
        return self.annotation.state

    @property
    def doc_id(self) -> int | None:
        """The document on show, or being opened (`opening`)."""
        opening = self._long.pending
        return self.data.doc_id if self.data else (opening.doc_id if opening is not None else None)

    def show_document(self, doc_id: int | None, *, annotate: bool = True) -> None:
        """Show document `doc_id`, or an empty reader for None.

        An unannotated document is annotated on show (in the child process) unless `annotate` is False
        (the document shown at start-up, annotated once the window is idle); `annotate_shown` does it later.
        """
        same = doc_id is not None and doc_id == self.doc_id
        self._original_later.cancel()
        self._long.stop()
        self._prepared_original = None
        self.data = None
        self.commands.data = None
        if doc_id is None:
            self._show_empty(self.tr("Select a document in the library to read it here."))
            return
        if self._long.open(doc_id, keep_scroll=same, annotate=annotate):
            return
        try:
            self.data = load_reader_data(self._library.db, doc_id)
        except KeyError:
            self._show_empty(self.tr("Document #{id} is no longer in the library.").format(id=doc_id))
            return
        self.commands.data = self.data
        self._paint_cleaned(keep_scroll=same)
        self._show_the_rest(annotate)

    def _show_the_rest(self, annotate: bool) -> None:
        """After the cleaned view: the side panel, the annotation status and (deferred) the original."""
        assert self.data is not None
        self.side_panel.set_content(self.data.summary, self.data.quotes)
        self.annotation.update_status(annotate)
        if self.isVisible():  # paint the cleaned view first; the original follows on the next loop turn
            self._original_later.start()
        else:  # nothing is painted off screen, so nothing to wait for
            self.flush_original()

    @property
    def original_pending(self) -> bool:
        """True while the shown document's original has not been marked and loaded yet."""
        return self._original_later.pending

    def flush_original(self) -> None:
        """Mark and load the deferred original now (the timer does it once the cleaned view has painted)."""
        self._original_later.cancel()
        if self.data is not None:
            prepared, self._prepared_original = self._prepared_original, None
            self.original.show_data(self.data, prepared)
            self.original_ready.emit(self.data.doc_id)

    def annotate_shown(self) -> None:
        """Find the entities and quotes of the document on show if it was shown without doing so."""
        if self.data is not None and self.annotation_state == AnnotationState.DEFERRED:
            self.annotation.update_status(True)

    def reload(self) -> None:
        """Show the current document again (after a change made elsewhere)."""
        self.show_document(self.doc_id)

    def _show_empty(self, message: str) -> None:
        self.original.show_message(message)
        self.cleaned.set_cleaned_html(f"<p style='color:{dim_ink(self.palette())}'>{message}</p>")
        self.side_panel.set_content([], [])
        self.side_panel.status.setText("")
        self.status.setText("")

    def _paint_cleaned(self, *, keep_scroll: bool) -> None:
        if self.data is None:
            return
        if self._long.repaint(self.data):
            return
        colours = reader_colours(self.palette())  # the pane's own: it changes before its children's
        self.cleaned.set_cleaned_html(build_cleaned_html(self.data, self.legend.hidden_labels(), colours))
        if not keep_scroll:
            self.cleaned.reset_scroll()

    def _look(self) -> tuple[set[str], ReaderColours, QFont]:  # the pane's colours: they change before its children's
        return self.legend.hidden_labels(), reader_colours(self.palette()), self.cleaned.font()

    def _reopen_if_opening(self) -> bool:
        """A long document still being opened is opened again (new colours or labels); False when none is."""
        opening = self._long.pending
        if opening is None:
            return False
        if opening.repaint and self.data is not None:
            self._paint_cleaned(keep_scroll=True)
        else:
            self.show_document(opening.doc_id, annotate=opening.annotate)
        return True

    def _on_built(self, opening: Opening, view: BuiltView) -> None:
        if opening.repaint:  # a new rendering of the document on show
            if self.data is not None and self.data.doc_id == opening.doc_id:
                self.cleaned.set_built_document(view.document, view.blocks)
            return
        self.data = view.data
        self.commands.data = view.data
        self._prepared_original = view.original
        self.cleaned.set_built_document(view.document, view.blocks)
        if not opening.keep_scroll:
            self.cleaned.reset_scroll()
        self._show_the_rest(opening.annotate)

    def changeEvent(self, event: QEvent) -> None:
        """A switch between light and dark palettes repaints the reader in the new colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._reopen_if_opening() and self.data is not None:
            self.show_document(self.data.doc_id, annotate=False)

    def hideEvent(self, event: QHideEvent) -> None:
        """A hidden (or closed) pane holds its original back until it is shown again."""
        self._original_later.hold()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.data is not None:
            self._original_later.resume()

    # -- interaction -------------------------------------------------------------------------
    def _on_changed(self, doc_id: int, _what: str) -> None:
        if self.doc_id == doc_id:
            self.show_document(doc_id)
        self.document_changed.emit(doc_id)

    def _on_paragraph_clicked(self, number: int) -> None:
        if self.data is None or not 0 <= number < len(self.data.paragraphs):
            return
        block = self.data.paragraphs[number].block
        if block is not None:
            if self.original_pending:
                self.flush_original()
            self.original.scroll_to_block(block.index)

    def _scroll_cleaned_to_offset(self, start: int) -> None:
        if self.data is not None:
            self.cleaned.show_offset(self.data.paragraphs, start)

    def block(self, index: int) -> Block | None:
        """The shown document's block `index`."""
        if self.data is None:
            return None
        return next((b for b in self.data.blocks if b.index == index), None)
