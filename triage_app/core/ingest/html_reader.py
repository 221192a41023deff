"""Web pages saved as `.html/.htm/.xhtml`: decoding and a first guess at title and URL.

Nothing here builds a DOM: metadata comes from bounded regular expressions over the start
of the page, so a page nested 100,000 levels deep or 20 MB long is read in linear time.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from triage_app.core.ingest import singlefile
from triage_app.core.ingest.charset import decode_bytes
from triage_app.core.records import ParsedDocument, Resource

HEAD_SCAN_CHARS = 2_000_000
"""How much of a page is searched for `<title>`, canonical link and `og:url`."""

MAX_TITLE_CHARS = 500

_TITLE_RE = re.compile(r"<title\b[^>]{0,500}>(.{0,5000}?)</title\s*>", re.IGNORECASE | re.DOTALL)
_LINK_RE = re.compile(r"<link\b([^>]{0,4000})>", re.IGNORECASE)
_META_RE = re.compile(r"<meta\b([^>]{0,4000})>", re.IGNORECASE)
_ATTR_RE = re.compile(r"([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))")
_TAG_RE = re.compile(r"<[^>]{0,1000}>")
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class PageMeta:
    """What the start of a page says about itself."""

    title: str | None
    url: str | None


def _attributes(raw: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for match in _ATTR_RE.finditer(raw):
        value = next((g for g in match.groups()[1:] if g is not None), "")
        attrs.setdefault(match.group(1).lower(), html_lib.unescape(value).strip())
    return attrs


def _absolute(url: str | None, base: str | None) -> str | None:
    if not url:
        return None
    if base and not urlsplit(url).scheme:
        url = urljoin(base, url)
    return url if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc else None


def clean_title(raw: str) -> str | None:
    """Title text without tags, entities or runs of white space; None when empty."""
    text = _SPACE_RE.sub(" ", html_lib.unescape(_TAG_RE.sub(" ", raw))).strip()
    return text[:MAX_TITLE_CHARS] or None


def _first_title(text: str) -> str | None:
    """The first `<title>` that is not inside an inline `<svg>` (whose titles name icons)."""
    lowered: str | None = None
    for number, match in enumerate(_TITLE_RE.finditer(text)):
        if number >= 20:
            break
        lowered = lowered if lowered is not None else text[: HEAD_SCAN_CHARS].lower()
        if lowered.rfind("<svg", 0, match.start()) > lowered.rfind("</svg", 0, match.start()):
            continue
        title = clean_title(match.group(1))
        if title:
            return title
    return None


def page_metadata(text: str, *, base_url: str | None = None) -> PageMeta:
    """Title from `<title>` (or `og:title`) and URL from the canonical link or `og:url` near the page's start."""
    head = text[:HEAD_SCAN_CHARS]
    title = _first_title(head)
    og_url: str | None = None
    for match in _META_RE.finditer(head):
        attrs = _attributes(match.group(1))
        if (attrs.get("property") or attrs.get("name", "")).lower() == "og:url":
            og_url = _absolute(attrs.get("content"), base_url)
            if og_url:
                break
    if title is None:
        for match in _META_RE.finditer(head):
            attrs = _attributes(match.group(1))
            if (attrs.get("property") or attrs.get("name", "")).lower() == "og:title":
                title = clean_title(attrs.get("content", ""))
                break
    canonical: str | None = None
    for match in _LINK_RE.finditer(head):
        attrs = _attributes(match.group(1))
        if "canonical" in attrs.get("rel", "").lower().split():
            canonical = _absolute(attrs.get("href"), og_url or base_url)
            if canonical:
                break
    return PageMeta(title, canonical or og_url)


def read_html(
    data: bytes,
    *,
    source_path: str,
    original: bytes,
    original_name: str,
    resources: list[Resource] | None = None,
) -> ParsedDocument:
    """A saved web page (plain or SingleFile) as a ParsedDocument."""
    decoded = decode_bytes(data, html=True)
    header = singlefile.read_header(decoded.text)
    meta = page_metadata(decoded.text, base_url=header.url if header else None)
    return ParsedDocument(
        source_path=source_path,
        original=original,
        format="singlefile" if header else "html",
        charset=decoded.charset,
        html=decoded.text,
        resources=list(resources or []),
        url=meta.url or (header.url if header else None),
        captured_at=header.saved_at if header else None,
        title=meta.title,
        original_name=original_name,
    )
