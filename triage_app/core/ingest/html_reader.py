"""Web pages saved as `.html/.htm/.xhtml`: decoding and a first guess at title and URL.

Nothing here builds a DOM: metadata comes from bounded regular expressions over the start
of the page, so a page nested 100,000 levels deep or 20 MB long is read in linear time. (A `<frameset>` page
saved with its frames is parsed once to put its frames' bodies together: `framesets.compose_frames`.)
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from triage_app.core.ingest import singlefile
from triage_app.core.ingest.charset import decode_bytes
from triage_app.core.ingest.framesets import compose_frames
from triage_app.core.records import ParsedDocument, Resource

HEAD_SCAN_CHARS = 2_000_000
"""How much of a page is searched for `<title>`, canonical link and `og:url`."""

MAX_TITLE_CHARS = 500
MAX_TITLE_SOURCE_CHARS = 5_000
MAX_TAG_CHARS = 4_000

MAX_TAGS_EXAMINED = 2_000
"""At most this many `<meta>` / `<link>` / `<title>` tags are looked at (hostile pages repeat them)."""

_ATTR_RE = re.compile(r"([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))")
_TAG_RE = re.compile(r"<[^>]{0,1000}>")
_SPACE_RE = re.compile(r"\s+")
_ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}


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


def _tags(text: str, lowered: str, name: str, *, limit: int = MAX_TAGS_EXAMINED) -> Iterator[tuple[int, int, str]]:
    """(start, end, attribute text) of the first `limit` `<name ...>` tags; linear in the text's length."""
    opener = f"<{name}"
    pos = 0
    for _ in range(limit):
        start = lowered.find(opener, pos)
        if start < 0:
            return
        pos = start + len(opener)
        if pos < len(lowered) and (lowered[pos].isalnum() or lowered[pos] in "-_:"):
            continue  # <titlebar>, <linked-thing>: another element
        end = lowered.find(">", pos, pos + MAX_TAG_CHARS)
        if end < 0:
            continue
        yield start, end + 1, text[pos:end]
        pos = end + 1


def _first_title(text: str, lowered: str) -> str | None:
    """The first `<title>` that is not inside an inline `<svg>` (whose titles name icons)."""
    for number, (_start, end, _attrs) in enumerate(_tags(text, lowered, "title")):
        if number >= 20:
            break
        close = lowered.find("</title", end, end + MAX_TITLE_SOURCE_CHARS)
        if close < 0:
            continue
        if lowered.rfind("<svg", 0, end) > lowered.rfind("</svg", 0, end):
            continue
        title = clean_title(text[end:close])
        if title:
            return title
    return None


def page_metadata(text: str, *, base_url: str | None = None) -> PageMeta:
    """Title from `<title>` (or `og:title`) and URL from the canonical link or `og:url` near the page's start."""
    head = text[:HEAD_SCAN_CHARS]
    lowered = head.lower()
    if len(lowered) != len(head):  # "İ" lowercases to two characters: keep every index in place
        lowered = head.translate(_ASCII_LOWER)
    title = _first_title(head, lowered)
    og_url: str | None = None
    metas = [_attributes(raw) for _s, _e, raw in _tags(head, lowered, "meta")]
    for attrs in metas:
        if (attrs.get("property") or attrs.get("name", "")).lower() == "og:url":
            og_url = _absolute(attrs.get("content"), base_url)
            if og_url:
                break
    if title is None:
        for attrs in metas:
            if (attrs.get("property") or attrs.get("name", "")).lower() == "og:title":
                title = clean_title(attrs.get("content", ""))
                break
    canonical: str | None = None
    for _s, _e, raw in _tags(head, lowered, "link"):
        attrs = _attributes(raw)
        if "canonical" in attrs.get("rel", "").lower().split():
            canonical = _absolute(attrs.get("href"), og_url or base_url)
            if canonical:
                break
    return PageMeta(title, canonical or og_url)


_SAVED_FROM_RE = re.compile(r"<!--\s*saved from url=\(\d{1,5}\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)


def saved_from_url(text: str) -> str | None:
    """The address in the `<!-- saved from url=(0043)https://... -->` mark that browsers write on "Save as"."""
    match = _SAVED_FROM_RE.search(text[:HEAD_SCAN_CHARS])
    return match.group(1) if match else None


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
    framed = compose_frames(decoded.text, resources) if resources else None  # a frameset's text is in its frames
    return ParsedDocument(
        source_path=source_path,
        original=original,
        format="singlefile" if header else "html",
        charset=decoded.charset,
        html=framed or decoded.text,
        resources=list(resources or []),
        url=meta.url or (header.url if header else None) or saved_from_url(decoded.text),
        captured_at=header.saved_at if header else None,
        title=meta.title,
        original_name=original_name,
    )
