"""Safari web archives (`.webarchive`): a property list holding the page, its subresources and its frames.

Safari's "Save As… Web Archive" writes a binary property list: `WebMainResource` (the page's bytes, MIME type,
text encoding and URL), `WebSubresources` (images, style sheets, scripts) and `WebSubframeArchives` (each frame as
an archive of its own). The standard library's `plistlib` reads it; any damage in the file is one line of
reason, never a crash.
"""

from __future__ import annotations

import plistlib
from collections import deque
from typing import Any

from triage_app.core.errors import IngestError
from triage_app.core.ingest.charset import decode_bytes
from triage_app.core.ingest.framesets import compose_frames
from triage_app.core.ingest.html_reader import page_metadata
from triage_app.core.ingest.limits import MAX_MHTML_PARTS, MAX_RESOURCE_TOTAL_BYTES
from triage_app.core.records import ParsedDocument, Resource

PAGE_TYPES = ("text/html", "application/xhtml+xml")
MAX_FRAME_DEPTH = 4
_MARKER = b"WebMainResource"


def looks_like_webarchive(head: bytes) -> bool:
    """True for the start of a Safari web archive (a binary or XML property list naming its main resource)."""
    if head.startswith(b"bplist00"):
        return _MARKER in head
    return head.lstrip().startswith(b"<?xml") and b"<plist" in head and _MARKER in head


def _archive(data: bytes) -> dict[str, Any]:
    try:
        archive = plistlib.loads(data)
    except Exception as exc:  # plistlib raises many kinds on damaged input (and RecursionError on hostile nesting)
        raise IngestError(f"the Safari web archive is damaged ({type(exc).__name__})") from None
    if not isinstance(archive, dict) or not isinstance(archive.get("WebMainResource"), dict):
        raise IngestError("not a Safari web archive (no WebMainResource)")
    return archive


def _resource(entry: Any) -> Resource | None:
    """A subresource as a Resource named by its URL, or None when it is not one."""
    if not isinstance(entry, dict):
        return None
    data, url = entry.get("WebResourceData"), entry.get("WebResourceURL")
    if not isinstance(data, bytes) or not isinstance(url, str) or not url:
        return None
    mime = entry.get("WebResourceMIMEType")
    return Resource(url, mime if isinstance(mime, str) and mime else "application/octet-stream", data)


def _resources(archive: dict[str, Any]) -> list[Resource]:
    """The page's subresources, then each frame's page and subresources (frames of frames too, to a depth)."""
    found: list[Resource] = []
    seen: set[str] = set()
    total = 0
    queue: deque[tuple[dict[str, Any], int]] = deque([(archive, 0)])
    while queue:
        current, depth = queue.popleft()
        subresources = current.get("WebSubresources")
        entries = [current.get("WebMainResource")] if depth else []
        entries += subresources if isinstance(subresources, list) else []
        for resource in filter(None, map(_resource, entries)):
            if resource.name in seen:
                continue
            total += len(resource.data)
            if total > MAX_RESOURCE_TOTAL_BYTES or len(found) >= MAX_MHTML_PARTS:
                return found  # keep the page; drop resources beyond the limits
            seen.add(resource.name)
            found.append(resource)
        frames = current.get("WebSubframeArchives")
        if depth < MAX_FRAME_DEPTH and isinstance(frames, list):
            queue.extend((frame, depth + 1) for frame in frames if isinstance(frame, dict))
    return found


def webarchive_page(data: bytes) -> tuple[bytes, str | None, str | None]:
    """(the page's bytes, its declared text encoding, its URL) of a Safari web archive; IngestError when the
    file is damaged or holds no web page."""
    return _page(_archive(data))


def _page(archive: dict[str, Any]) -> tuple[bytes, str | None, str | None]:
    main = archive["WebMainResource"]
    body = main.get("WebResourceData")
    mime = main.get("WebResourceMIMEType")
    if isinstance(mime, str) and mime and mime.lower() not in PAGE_TYPES:
        raise IngestError(f"the Safari web archive holds a {mime} file, not a web page")
    if not isinstance(body, bytes) or not body.strip():
        raise IngestError("the Safari web archive holds no page")
    encoding = main.get("WebResourceTextEncodingName")
    url = main.get("WebResourceURL")
    return body, encoding if isinstance(encoding, str) else None, url if isinstance(url, str) and url else None


def read_webarchive(data: bytes, *, source_path: str, original: bytes, original_name: str) -> ParsedDocument:
    """A Safari web archive as a ParsedDocument whose resources are the page's subresources and frames."""
    archive = _archive(data)
    body, encoding, url = _page(archive)
    decoded = decode_bytes(body, declared=encoding, html=True)
    meta = page_metadata(decoded.text, base_url=url)
    resources = _resources(archive)
    return ParsedDocument(
        source_path=source_path,
        original=original,
        format="webarchive",
        charset=decoded.charset,
        html=compose_frames(decoded.text, resources) or decoded.text,  # a frameset's text is in its frames
        resources=resources,
        url=url or meta.url,
        title=meta.title,
        original_name=original_name,
    )
