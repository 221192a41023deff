"""The original of a web page in Qt WebEngine, locked down: no JavaScript, no plugins, no network.

Only the `triage-doc:` scheme is served (from the library, through `ServeFn`); the request
interceptor blocks every other URL and keeps a log of what it saw. Scrolling and hit-testing use
`runJavaScript` in the ApplicationWorld, which Qt runs even with page JavaScript disabled; the page's
own scripts never run.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject, QPoint, Qt, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from triage_app.gui.reader.scheme import SCHEME, index_url, parse_url

log = logging.getLogger(__name__)

ServeFn = Callable[[int, str], tuple[bytes, str] | None]
"""(doc id, name) -> (bytes, content type) or None; name is `index.html` for the page itself."""

ALLOWED_SCHEMES = frozenset({SCHEME, "data"})
_OFF = (
    QWebEngineSettings.WebAttribute.JavascriptEnabled,
    QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows,
    QWebEngineSettings.WebAttribute.JavascriptCanAccessClipboard,
    QWebEngineSettings.WebAttribute.PluginsEnabled,
    QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls,
    QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls,
    QWebEngineSettings.WebAttribute.LocalStorageEnabled,
    QWebEngineSettings.WebAttribute.AutoLoadIconsForPage,
    QWebEngineSettings.WebAttribute.HyperlinkAuditingEnabled,
    QWebEngineSettings.WebAttribute.DnsPrefetchEnabled,
    QWebEngineSettings.WebAttribute.PdfViewerEnabled,
    QWebEngineSettings.WebAttribute.NavigateOnDropEnabled,
    QWebEngineSettings.WebAttribute.WebGLEnabled,
    QWebEngineSettings.WebAttribute.Accelerated2dCanvasEnabled,
    QWebEngineSettings.WebAttribute.FocusOnNavigationEnabled,
)


def web_engine_available() -> tuple[bool, str]:
    """Whether the WebEngine original can be used, with the reason when it cannot."""
    if os.environ.get("TRIAGE_NO_WEBENGINE") == "1":
        return False, QCoreApplication.translate("OriginalPane", "TRIAGE_NO_WEBENGINE=1 is set")
    if not QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name():
        return False, QCoreApplication.translate(
            "OriginalPane", "the triage-doc: scheme was not registered before the application started"
        )
    return True, ""


@dataclass
class LoggedRequest:
    """One request the interceptor saw."""

    url: str
    blocked: bool


class RequestGuard(QWebEngineUrlRequestInterceptor):
    """Blocks every request whose scheme is not ours, and remembers each decision."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log: list[LoggedRequest] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        blocked = url.scheme() not in ALLOWED_SCHEMES
        if blocked:
            info.block(True)
        self.log.append(LoggedRequest(url.toString(), blocked))


class DocumentSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers `triage-doc:` requests from the library through `serve`."""

    def __init__(self, serve: ServeFn, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._serve = serve
        self.served: list[str] = []

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        parsed = parse_url(url.path(QUrl.ComponentFormattingOption.FullyEncoded))  # the name's bytes as sent: see `scheme.stored_name`
        found = self._serve(*parsed) if parsed is not None else None
        if found is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        data, content_type = found
        self.served.append(url.toString())
        buffer = QBuffer(job)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply((content_type or "application/octet-stream").encode("latin-1", "replace"), buffer)


def _without_fragment(url: QUrl) -> str:
    return url.toString(QUrl.ComponentFormattingOption.FullyEncoded).split("#", 1)[0]


class LockedPage(QWebEnginePage):
    """A page that loads only `triage-doc:` URLs and follows no link off the page it shows."""

    navigation_blocked = Signal(str)

    def __init__(self, profile: QWebEngineProfile, parent: QObject | None = None) -> None:
        super().__init__(profile, parent)
        self.console: list[str] = []

    def javaScriptConsoleMessage(
        self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str, line: int, source: str
    ) -> None:
        """Keep the page's console (mostly blocked-content reports) out of the application log."""
        self.console.append(message)
        log.debug("page console: %s (%s:%d)", message, source, line)

    def acceptNavigationRequest(self, url: QUrl | str, type_: QWebEnginePage.NavigationType, isMainFrame: bool) -> bool:
        qurl = QUrl(url) if isinstance(url, str) else url
        followed = type_ in (
            QWebEnginePage.NavigationType.NavigationTypeLinkClicked,
            QWebEnginePage.NavigationType.NavigationTypeFormSubmitted,
        )
        same_page = _without_fragment(qurl) == _without_fragment(self.url())
        if qurl.scheme() == SCHEME and (same_page or not followed):
            return True
        self.navigation_blocked.emit(qurl.toString())
        return False


class WebOriginalView(QWidget):
    """The WebEngine original. Children are created view first, then profile, so the page dies first."""

    load_finished = Signal(bool)
    context_menu_requested = Signal(int, QPoint)  # block index (-1 when none), global position

    def __init__(self, serve: ServeFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QWebEngineView(self)  # created before the profile: deleted before it
        self.profile = QWebEngineProfile(self)  # no storage name: off the record, memory only
        self.profile.setPersistentCookiesPolicy(QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies)
        self.profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        self.profile.setSpellCheckEnabled(False)
        self.guard = RequestGuard(self.profile)
        self.handler = DocumentSchemeHandler(serve, self.profile)
        self.profile.setUrlRequestInterceptor(self.guard)
        self.profile.installUrlSchemeHandler(SCHEME.encode(), self.handler)
        self.page = LockedPage(self.profile, self.view)
        settings = self.page.settings()
        for attribute in _OFF:
            settings.setAttribute(attribute, False)
        self.view.setPage(self.page)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        self._restore: tuple[float, float] | None = None
        self.page.loadFinished.connect(self._on_loaded)
        self.anchors: dict[int, str] = {}
        self.doc_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def show_page(self, doc_id: int, anchors: dict[int, str]) -> None:
        """Load document `doc_id`'s page; `anchors` maps block indexes to element ids in it.

        Showing the same document again (after an override) keeps the reading position.
        """
        position = self.page.scrollPosition()
        self._restore = (position.x(), position.y()) if doc_id == self.doc_id else None
        self.doc_id = doc_id
        self.anchors = dict(anchors)
        self.page.load(QUrl(index_url(doc_id)))

    def _on_loaded(self, ok: bool) -> None:
        restore, self._restore = self._restore, None
        if ok and restore is not None and restore != (0, 0):
            self.page.runJavaScript(
                "window.scrollTo(%d, %d)" % (int(restore[0]), int(restore[1])),
                QWebEngineScript.ScriptWorldId.ApplicationWorld,
            )
        self.load_finished.emit(ok)

    def clear(self) -> None:
        self.doc_id = None
        self.anchors = {}
        self.page.setHtml("")

    def scroll_to_block(self, index: int) -> bool:
        """Scroll the element of block `index` into view and flash it; False when it has none."""
        anchor = self.anchors.get(index)
        if anchor is None:
            return False
        script = (
            "(function(id){"
            # the element may be inside a shadow root (a page drawn by web components): look in each one
            "function find(root){var e=root.getElementById(id); if(e){return e;}"
            "var all=root.querySelectorAll('*'); for(var i=0;i<all.length;i++){"
            "if(all[i].shadowRoot){var f=find(all[i].shadowRoot); if(f){return f;}}} return null;}"
            "var e=find(document); if(!e){return false;}"
            "e.scrollIntoView({block:'center'});"
            "var old=window.triageFlashed; if(old){old.classList.remove('triage-flash'); old.style.outline='';}"
            "e.classList.add('triage-flash'); e.style.outline='3px solid rgba(255,170,0,0.9)'; window.triageFlashed=e;"
            "return true;})(%s)" % json.dumps(anchor)
        )
        self.page.runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld)
        return True

    def _on_context_menu(self, pos: QPoint) -> None:
        zoom = self.view.zoomFactor() or 1.0
        global_pos = self.view.mapToGlobal(pos)
        by_anchor = {anchor: index for index, anchor in self.anchors.items()}
        script = (
            "(function(x,y){var e=document.elementFromPoint(x,y); var ids=[];"
            # into shadow roots (web components), then out through their hosts
            "while(e&&e.shadowRoot){var inner=e.shadowRoot.elementFromPoint(x,y); if(!inner||inner===e){break;} e=inner;}"
            "while(e){ if(e.id){ids.push(e.id);} e=e.parentElement||(e.getRootNode().host||null);}"
            " return ids.join('\\n');})(%d,%d)"
            % (int(pos.x() / zoom), int(pos.y() / zoom))
        )

        def found(ids: object) -> None:
            chain = ids.split("\n") if isinstance(ids, str) else []
            index = next((by_anchor[i] for i in chain if i in by_anchor), -1)
            self.context_menu_requested.emit(index, global_pos)

        self.page.runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld, found)
