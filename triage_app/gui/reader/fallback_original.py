"""The original of a web page without WebEngine: sanitised HTML in a read-only QTextBrowser.

nh3 removes scripts, event handlers and unknown markup; `loadResource` serves only the document's
stored resources, so nothing remote is ever fetched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import lxml.html  # type: ignore[import-untyped]
import nh3
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QUrl, Signal
from PySide6.QtGui import QContextMenuEvent, QImage, QTextDocument
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from triage_app.core.clean.html_blocks import SHADOW_ROOT_ATTRIBUTES, is_shadow_root
from triage_app.gui.reader.colours import reader_colours
from triage_app.gui.reader.marking import REMOVED_CLASS
from triage_app.gui.reader.scheme import SCHEME, parse_url, stored_name

ResourceFn = Callable[[int, str], tuple[bytes, str] | None]

_ALLOWED_ATTRIBUTES = {"*": {"id", "class", "title", "data-triage-reason"}, "a": {"href", "name"},
                       "img": {"src", "alt", "width", "height"}}


_SOURCELESS_IMG_RE = re.compile(r"<img(?![^>]*\ssrc=\"[^\"]+\")[^>]*>")
REMOTE_IMAGE_NOTE = '<span style="color:gray">[{note}]</span>'


def _unwrap_shadow_roots(page_html: str) -> str:
    """The page with each declarative shadow root's content in its place: a text browser knows no shadow
    DOM, and the sanitiser drops a `<template>` with everything in it."""
    if not any(name in page_html for name in SHADOW_ROOT_ATTRIBUTES):
        return page_html
    root = lxml.html.document_fromstring(page_html)
    for template in [t for t in root.iter("template") if is_shadow_root(t)]:
        template.drop_tag()
    return str(lxml.html.tostring(root, encoding="unicode"))


def sanitise(page_html: str) -> str:
    """Page HTML reduced to safe markup (no script, style, event handlers, embedded objects, remote URLs)."""
    page_html = _unwrap_shadow_roots(page_html)
    attributes = {tag: set(_ALLOWED_ATTRIBUTES["*"]) | _ALLOWED_ATTRIBUTES.get(tag, set()) for tag in nh3.ALLOWED_TAGS}
    cleaned = nh3.clean(
        page_html,
        tags=set(nh3.ALLOWED_TAGS) - {"script", "style"},
        clean_content_tags={"script", "style", "template", "noscript"},
        attributes=attributes,
        link_rel=None,
        url_schemes={SCHEME, "data"},
    )
    note = REMOTE_IMAGE_NOTE.format(note=QCoreApplication.translate("FallbackOriginalView", "remote image not loaded"))
    return _SOURCELESS_IMG_RE.sub(note, cleaned)


class _LocalBrowser(QTextBrowser):
    """A QTextBrowser that loads images only from the library."""

    context_menu_requested = Signal(int, QPoint)

    def __init__(self, resources: ResourceFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._resources = resources
        self.refused: list[str] = []
        self.loaded: list[str] = []
        self.doc_id: int | None = None
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._apply_palette()

    def _apply_palette(self) -> None:
        """Removed blocks shaded in the palette's colours (a fixed pink would glare on a dark page)."""
        colours = reader_colours(self.palette())
        self.document().setDefaultStyleSheet(
            f".{REMOVED_CLASS} {{ background-color: {colours.removed_background}; color: {colours.removed_ink}; }}"
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()

    def loadResource(self, type_: int, name: QUrl | str) -> Any:
        name = QUrl(name) if isinstance(name, str) else name
        parsed: tuple[int, str] | None = None
        if name.scheme() == SCHEME:
            parsed = parse_url(name.path(QUrl.ComponentFormattingOption.FullyEncoded))
        elif not name.scheme() and self.doc_id is not None and not name.toString().startswith("//"):
            parsed = (self.doc_id, stored_name(name.toString(QUrl.ComponentFormattingOption.FullyEncoded)))
        if parsed is not None:
            found = self._resources(*parsed) if parsed else None
            if found is not None and type_ == QTextDocument.ResourceType.ImageResource.value:
                image = QImage()
                if image.loadFromData(found[0]):
                    self.loaded.append(parsed[1])
                    return image
            return None
        self.refused.append(name.toString())
        return None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menu_requested.emit(-1, event.globalPos())


class FallbackOriginalView(QWidget):
    """Banner plus sanitised page, for systems where Qt WebEngine cannot run."""

    def __init__(self, resources: ResourceFn, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = QLabel(
            self.tr(
                "Simplified view: the full page renderer (Qt WebEngine) is not available ({reason}). "
                "Scripts, styles and remote images are not shown."
            ).format(reason=reason),
            self,
        )
        self.banner.setObjectName("fallbackBanner")
        self.banner.setWordWrap(True)
        self._colour_banner()
        self.browser = _LocalBrowser(resources, self)
        self.browser.setAccessibleName(self.tr("Original page (simplified)"))
        self.context_menu_requested = self.browser.context_menu_requested
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.browser)

    def _colour_banner(self) -> None:
        colours = reader_colours(self.palette())
        self.banner.setStyleSheet(f"QLabel {{ background: {colours.notice_background}; color: {colours.notice_ink}; padding: 4px; }}")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_banner()

    def show_html(self, doc_id: int, page_html: str) -> None:
        """Show `page_html` (already marked) of document `doc_id` after sanitising it."""
        self.browser.doc_id = doc_id
        self.browser.setHtml(sanitise(page_html))

    def scroll_to_anchor(self, anchor: str) -> None:
        self.browser.scrollToAnchor(anchor)

    def clear(self) -> None:
        self.browser.clear()
