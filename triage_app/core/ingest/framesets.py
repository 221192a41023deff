"""Frameset pages: a page whose text lives in its frames, read from the frames its capture saved.

A page saved from a `<frameset>` site holds no text of its own, only a `<noframes>` apology. The browser
saves each frame's page with it: as a file of the `NAME_files/` folder (Chrome, Firefox), as a part of the
MHTML (Chrome names it `cid:frame-...`, Internet Explorer by its URL), or as a sub-frame archive (Safari).
`compose_frames` builds one page of the frames' bodies in their order, which the cleaner reads and the
reader's original pane shows (each frame a `<div data-triage-frame="NAME">`, with its links rewritten to
where the frame's own links pointed, so its images and styles are still found among the stored resources).

Only `<frame>` is read, not `<iframe>`: an inline frame holds an embed (a player, an advert, a comment
widget) far more often than the article. The page's own URL is not used to find a frame, so the page
composed at import and the one composed again for the reader or a re-clean are the same page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from functools import partial
from urllib.parse import unquote, urljoin, urlsplit

import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]

from triage_app.core.clean.html_parse import markup_to_parse
from triage_app.core.ingest import frameset_styles
from triage_app.core.ingest.charset import decode_bytes
from triage_app.core.records import Resource

MAX_FRAME_DEPTH = 4
"""Framesets inside frames are followed this deep (a frame pointing at its own page stops at once)."""

MAX_FRAMES = 32
"""Frames read from one page at most."""

FRAME_ATTRIBUTE = "data-triage-frame"
_FRAMESET_RE = re.compile(r"<frameset[\s>/]", re.IGNORECASE)
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_PAGE_START_RE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|frameset)[\s>]", re.IGNORECASE | re.DOTALL)


def has_frameset(html: str) -> bool:
    """Whether the page declares a `<frameset>` (a cheap test before any parse)."""
    return _FRAMESET_RE.search(html) is not None


FRAMES_MISSING = "a frameset page saved without its frames: only its <noframes> text is read"
"""The import's note on a frameset page none of whose frames came with it (saved as "HTML only")."""


def missing_frames_note(html: str | None) -> str | None:
    """`FRAMES_MISSING` when the page read for cleaning is still a frameset (its frames were not found); a page
    that only mentions `<frameset` (in a script's string) is parsed to be sure."""
    if html is None or not has_frameset(html):
        return None
    root = _parse(html)
    return FRAMES_MISSING if root is not None and root.find("frameset") is not None else None


def _is_page(resource: Resource) -> bool:
    content_type = (resource.content_type or "").split(";")[0].strip().lower()
    if content_type in _PAGE_TYPES:
        return True
    path = urlsplit(resource.name).path if "://" in resource.name else resource.name
    return path.lower().endswith(_PAGE_SUFFIXES) or _PAGE_START_RE.match(resource.data[:2048]) is not None


def _is_url(name: str) -> bool:
    return urlsplit(name).scheme in ("http", "https", "file")


class _Pages:
    """The stored pages of a capture, found by the names a frame's `src` may give them."""

    def __init__(self, resources: Sequence[Resource]) -> None:
        self.files = {r.name: r for r in resources}
        self.by_name = {name: r for name, r in self.files.items() if _is_page(r)}

    def file_of(self, link: str, frame_name: str) -> Resource | None:
        """A stored file (a style sheet) that a link of frame `frame_name` points at."""
        target = _rebased(link.strip(), frame_name)
        return self.files.get(target) or self.files.get(unquote(target))

    def find(self, src: str, parent: str) -> Resource | None:
        """The page a frame of `parent` (a resource name, "" for the top page) points at with `src`."""
        src = src.strip()
        if not src or src.startswith(("#", "javascript:", "data:", "about:")):
            return None
        plain = unquote(src)
        for name in (src, plain):
            if name in self.by_name:
                return self.by_name[name]
        if urlsplit(src).scheme:
            return None
        if _is_url(parent):  # a frame of a frame stored under its URL (MHTML, Safari)
            joined = urljoin(parent, src)
            return self.by_name.get(joined) or self.by_name.get(unquote(joined))
        relative = posixpath.normpath(posixpath.join(posixpath.dirname(parent), plain.split("#")[0]))
        if relative in self.by_name:
            return self.by_name[relative]
        # The top page's frames stored under their URLs: the one URL whose path ends with the frame's path.
        suffix = "/" + relative.lstrip("./")
        matches = [r for name, r in self.by_name.items() if _is_url(name) and unquote(urlsplit(name).path).endswith(suffix)]
        return matches[0] if len(matches) == 1 else None


def _parse(text: str) -> lxml.html.HtmlElement | None:
    """The page's tree, parsed from the markup the cleaner parses (`html_parse.markup_to_parse`): a frame page written
    as XHTML, with an XML declaration or a self-closed `<html/>`, is not lost from the composed page."""
    try:
        return lxml.html.document_fromstring(markup_to_parse(text))
    except (lxml.etree.ParserError, ValueError):
        return None


def _rebased(link: str, frame_name: str) -> str:
    """A link of the frame's page, rewritten to point where it pointed from the frame's own location."""
    if not link or link.startswith(("#", "data:", "javascript:", "mailto:")) or urlsplit(link).scheme:
        return link
    if _is_url(frame_name):
        return urljoin(frame_name, link)
    if link.startswith("/"):
        return link
    return posixpath.normpath(posixpath.join(posixpath.dirname(frame_name), link))


def _collect(root: lxml.html.HtmlElement, parent: str, pages: _Pages, seen: set[str], depth: int) -> list[tuple[str, lxml.html.HtmlElement]]:
    """(name, parsed page) of every frame below `root`'s framesets, in document order, nested framesets opened."""
    found: list[tuple[str, lxml.html.HtmlElement]] = []
    for frame in root.iter("frame"):
        if len(seen) >= MAX_FRAMES:
            break
        resource = pages.find(frame.get("src") or "", parent)
        if resource is None or resource.name in seen:
            continue
        seen.add(resource.name)
        page = _parse(decode_bytes(resource.data, html=True).text)
        if page is None:
            continue
        if page.find("frameset") is not None and depth < MAX_FRAME_DEPTH:
            found.extend(_collect(page, resource.name, pages, seen, depth + 1))
        else:
            found.append((resource.name, page))
    return found


def _described(frame_head: lxml.html.HtmlElement | None) -> list[lxml.html.HtmlElement]:
    """What a frame's head says about its page (named `<meta>`s, canonical and author links, JSON-LD): the
    story frame's og:title, author and URL, put after the frameset's own head (whose `<title>` comes first)."""
    if frame_head is None:
        return []
    return [element for element in frame_head if _describes_page(element)]


def _describes_page(element: lxml.html.HtmlElement) -> bool:
    tag = element.tag
    if tag == "meta":
        return element.get("http-equiv") is None and element.get("charset") is None
    if tag == "link":
        return bool({"canonical", "author"} & set((element.get("rel") or "").lower().split()))
    return tag == "script" and (element.get("type") or "").strip().lower() == "application/ld+json"


def compose_frames(html: str, resources: Sequence[Resource]) -> str | None:
    """One page holding the bodies of the frameset page's frames in order; None when it has no frameset or
    none of its frames was saved with it (the page is then read as it is, `<noframes>` text and all)."""
    if not has_frameset(html):
        return None
    pages = _Pages(resources)
    root = _parse(html)
    if root is None or root.find("frameset") is None or not pages.by_name:
        return None
    frames = _collect(root, "", pages, set(), 1)
    if not frames:
        return None
    composed = lxml.html.Element("html")
    for name, value in root.items():
        composed.set(name, value)
    head = root.find("head")
    head = head if head is not None else lxml.html.Element("head")
    composed.append(head)
    body = lxml.etree.SubElement(composed, "body")
    for name, page in frames:
        holder = lxml.etree.SubElement(body, "div")
        holder.set(FRAME_ATTRIBUTE, name)
        frame_head = page.find("head")  # the frame's own styles, kept to its part: the reader shows it as it looked
        head.extend(_described(frame_head))
        holder.extend(frameset_styles.inline_styles(frame_head, FRAME_ATTRIBUTE, name))
        frame_body = page.find("body")
        if frame_body is not None:
            lead = frame_body.text or ""
            if len(holder):
                holder[-1].tail = (holder[-1].tail or "") + lead
            else:
                holder.text = lead
            holder.extend(list(frame_body))
        holder.rewrite_links(lambda link, frame=name: _rebased(link, frame), resolve_base_href=False)
        linked = frameset_styles.linked_styles(frame_head, FRAME_ATTRIBUTE, name, partial(pages.file_of, frame_name=name), _rebased)
        for position, style in enumerate(linked):  # after the rewrite: their links are already the sheets' own
            holder.insert(position, style)
    return "<!DOCTYPE html>\n" + str(lxml.html.tostring(composed, encoding="unicode"))
