"""The `triage-doc:` URL scheme through which the reader serves a document's original and its resources.

URLs look like `triage-doc://doc/<doc id>/index.html` for the page itself and
`triage-doc://doc/<doc id>/<relative path>` or `triage-doc://doc/<doc id>/_r/<quoted name>` for
stored resources. The scheme must be registered before the QApplication exists.
"""

from __future__ import annotations

from urllib.parse import quote, unquote_to_bytes

SCHEME = "triage-doc"
HOST = "doc"
INDEX_NAME = "index.html"
RESOURCE_PREFIX = "_r/"


def register_scheme() -> bool:
    """Declare the scheme to Qt WebEngine; safe to call twice; False when WebEngine is unavailable."""
    try:
        from PySide6.QtWebEngineCore import QWebEngineUrlScheme
    except ImportError:
        return False
    if QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name():
        return True
    scheme = QWebEngineUrlScheme(SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme)
    QWebEngineUrlScheme.registerScheme(scheme)
    return True


def index_url(doc_id: int, fragment: str = "") -> str:
    """The URL of a document's page, optionally with a `#fragment`."""
    url = f"{SCHEME}://{HOST}/{doc_id}/{INDEX_NAME}"
    return f"{url}#{fragment}" if fragment else url


def resource_url(doc_id: int, name: str) -> str:
    """The URL that serves the stored resource `name` of a document."""
    return f"{SCHEME}://{HOST}/{doc_id}/{RESOURCE_PREFIX}{quote(name, safe='')}"


def parse_url(path: str) -> tuple[int, str] | None:
    """Split a URL path `/<id>/<rest>` into the document id and the requested name (None if malformed).

    The name is `index.html` for the page, a stored resource's name for `_r/…`, or the relative path.
    """
    parts = path.lstrip("/").split("/", 1)
    if len(parts) != 2 or not parts[0].isdigit():
        return None
    doc_id, rest = int(parts[0]), parts[1]
    if rest.startswith(RESOURCE_PREFIX):
        return doc_id, stored_name(rest[len(RESOURCE_PREFIX) :])
    return doc_id, stored_name(rest)


def stored_name(quoted: str) -> str:
    """A percent-encoded name as the library stores it: its bytes that are not UTF-8 (a page saved on a Latin-1 disk
    refers to "caf%E9_files/a.png") written `\\xNN`, as `textsafe.storable` wrote the saved folder's file names."""
    return unquote_to_bytes(quoted).decode("utf-8", "backslashreplace")
