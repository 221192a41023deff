"""The original pane: a page in WebEngine (or the sanitised fallback), or the raw text of a dump."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from triage_app.core.library import documents
from triage_app.core.library.db import Library
from triage_app.gui.reader.colours import dim_ink, reader_colours
from triage_app.gui.reader.fallback_original import FallbackOriginalView
from triage_app.gui.reader.marking import MarkedPage, mark_page, rewrite_stylesheet
from triage_app.gui.reader.original_source import load_original
from triage_app.gui.reader.reader_data import ReaderData
from triage_app.gui.reader.scheme import INDEX_NAME
from triage_app.gui.reader.text_original import PreparedText, TextOriginalView

log = logging.getLogger(__name__)


class Deferred(QObject):
    """A call made on the next turn of the event loop (the original, once the cleaned view has painted), held back
    while the reader is hidden (`hold`, `resume`)."""

    def __init__(self, call: Callable[[], None], name: str, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)  # the parent's grandchild: destroying the reader cancels it
        self._timer.setObjectName(name)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(call)
        self._held = False

    @property
    def pending(self) -> bool:
        """True while the call is due (not while it is held)."""
        return self._timer.isActive()

    def start(self) -> None:
        self._held = False
        self._timer.start()

    def cancel(self) -> None:
        self._held = False
        self._timer.stop()

    def hold(self) -> None:
        """Keep a due call until `resume` (the reader was hidden)."""
        if self._timer.isActive():
            self._timer.stop()
            self._held = True

    def resume(self) -> None:
        """Make a held call due again."""
        if self._held:
            self.start()


def _web_engine_status() -> tuple[bool, str]:
    if os.environ.get("TRIAGE_NO_WEBENGINE") == "1":
        return False, QCoreApplication.translate("OriginalPane", "TRIAGE_NO_WEBENGINE=1 is set")
    try:
        from triage_app.gui.reader.web_original import web_engine_available
    except ImportError as exc:
        return False, QCoreApplication.translate("OriginalPane", "Qt WebEngine cannot be imported: {error}").format(error=exc)
    return web_engine_available()


class OriginalPane(QStackedWidget):
    """Picks the right view for a document's original and serves its page from the library."""

    block_menu_requested = Signal(int, QPoint)  # block index (-1 when none), global position
    page_loaded = Signal(bool)
    link_blocked = Signal(str)  # a link in the original that was not followed

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.message = QLabel(self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Original"))
        self.addWidget(self.message)
        self.text_view = TextOriginalView(self)
        self.text_view.setAccessibleName(self.tr("Original text"))
        self.text_view.setAccessibleDescription(self.tr("The raw text of the dump; lines the cleaner removed are greyed"))
        self.text_view.context_menu_requested.connect(self.block_menu_requested)
        self.addWidget(self.text_view)
        self.web: Any = None  # a WebOriginalView, created for the first page shown
        self.fallback: FallbackOriginalView | None = None
        self.pdf: Any = None  # a PdfOriginalView, created for the first PDF shown
        self._resource_names: list[str] = []  # of the shown page, for rewriting its stored stylesheets
        self.marked: MarkedPage | None = None
        self.doc_id: int | None = None
        self.web_available, self.web_unavailable_reason = _web_engine_status()
        self.currentChanged.connect(self._follow_focus)

    def _follow_focus(self, index: int) -> None:
        """Tab reaches whichever view is shown (the text, the page, or the simplified page)."""
        shown = self.widget(index)
        view = getattr(shown, "view", None) or getattr(shown, "browser", None) or shown
        self.setFocusProxy(None if view is self.message else view)  # type: ignore[arg-type]  # None clears it

    # -- serving -----------------------------------------------------------------------------
    def serve(self, doc_id: int, name: str) -> tuple[bytes, str] | None:
        """The bytes and content type of the shown page or one of its stored resources."""
        if doc_id != self.doc_id:
            return None
        if name == INDEX_NAME and self.marked is not None:
            return self.marked.html.encode("utf-8"), "text/html;charset=utf-8"
        resource = documents.get_resource(self._library.db, doc_id, name)
        if resource is None:
            return None
        content_type = resource.content_type or "application/octet-stream"
        if content_type.startswith("text/css") and name.startswith(("http://", "https://")):
            css = rewrite_stylesheet(resource.data.decode("utf-8", "replace"), doc_id, self._resource_names, name)
            return css.encode("utf-8"), "text/css;charset=utf-8"
        return resource.data, content_type

    # -- showing -----------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.doc_id = None
        self.marked = None
        self.message.setText(f"<span style='color:{dim_ink(self.palette())}'>{text}</span>")
        self.setCurrentWidget(self.message)

    def show_data(self, data: ReaderData, prepared: PreparedText | None = None) -> None:
        """Show the original of the document in `data` (a dump's: `prepared`, when made off the window's thread)."""
        if prepared is not None and prepared.doc_id == data.doc_id:
            self.doc_id, self.marked = data.doc_id, None
            self.text_view.set_prepared(prepared)
            self.setCurrentWidget(self.text_view)
            return
        try:
            source = load_original(self._library.db, data.doc)
        except KeyError:
            self.show_message(self.tr("The original file of this document is not stored."))
            return
        if source.pdf is not None:
            self.doc_id, self.marked = data.doc_id, None
            pdf_view = self._pdf_view()
            if pdf_view.show_pdf(source.pdf, data.blocks):
                self.setCurrentWidget(pdf_view)
            else:
                self.show_message(self.tr("Qt cannot display this PDF; its text is in the cleaned view."))
            return
        if source.text is not None:
            self.doc_id, self.marked = data.doc_id, None
            self.text_view.set_text(source.text, data.blocks)
            self.setCurrentWidget(self.text_view)
            return
        names = [r[0] for r in self._library.db.execute("SELECT name FROM resources WHERE doc_id = ?", [data.doc_id])]
        self._resource_names = names
        self.doc_id = data.doc_id
        self.marked = mark_page(
            source.html or "", data.blocks, doc_id=data.doc_id, resource_names=names, base_url=source.url,
            colours=reader_colours(self.palette()),
        )
        if self.web_available:
            web = self._web_view()
            web.show_page(data.doc_id, self.marked.anchors)
            self.setCurrentWidget(web)
        else:
            fallback = self._fallback_view()
            fallback.show_html(data.doc_id, self.marked.html)
            self.setCurrentWidget(fallback)

    def _web_view(self) -> Any:
        if self.web is None:
            from triage_app.gui.reader.web_original import WebOriginalView

            self.web = WebOriginalView(self.serve, self)
            self.web.view.setAccessibleName(self.tr("Original page"))
            self.web.view.setAccessibleDescription(self.tr("The saved page as it was, with removed blocks shaded"))
            self.web.context_menu_requested.connect(self.block_menu_requested)
            self.web.load_finished.connect(self.page_loaded)
            self.web.page.navigation_blocked.connect(self.link_blocked)
            self.addWidget(self.web)
        return self.web

    def _pdf_view(self) -> Any:
        if self.pdf is None:
            from triage_app.gui.reader.pdf_original import PdfOriginalView

            self.pdf = PdfOriginalView(self)
            self.addWidget(self.pdf)
        return self.pdf

    def _fallback_view(self) -> FallbackOriginalView:
        if self.fallback is None:
            self.fallback = FallbackOriginalView(self.serve, self.web_unavailable_reason, self)
            self.fallback.context_menu_requested.connect(self.block_menu_requested)
            self.addWidget(self.fallback)
        return self.fallback

    def scroll_to_block(self, index: int) -> bool:
        """Bring block `index` into view in whichever original is shown."""
        current = self.currentWidget()
        if current is self.text_view:
            return self.text_view.scroll_to_block(index)
        if self.pdf is not None and current is self.pdf:
            pdf: Any = self.pdf
            return bool(pdf.scroll_to_block(index))
        anchor = self.marked.anchors.get(index) if self.marked else None
        if anchor is None:
            return False
        web: Any = self.web
        if web is not None and self.currentIndex() == self.indexOf(web):
            return bool(web.scroll_to_block(index))
        if current is self.fallback and self.fallback is not None:
            self.fallback.scroll_to_anchor(anchor)
            return True
        return False
