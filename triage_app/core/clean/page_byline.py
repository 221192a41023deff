"""The byline the page shows: an author-marked element next to the headline ("by Daniel Scocco",
`<span class="author">`, `rel="author"`, `itemprop="author"`), read as names.

Pages mark their byline in the markup far more often than they state it in metadata. Author-marked
elements also sit in comments, related-story lists and author boxes; the one nearest the headline
wins (one before it counts double the distance), and elements under comment/related/sidebar
containers are not read.
"""

from __future__ import annotations

import re

from lxml import etree  # type: ignore[import-untyped]

from triage_app.core.clean.byline import element_name
from triage_app.core.clean.html_blocks import is_shadow_root

_AUTHOR_RE = re.compile(
    r"author|byline|\bbyl\b|posted-?by|submitted-?by|\bwriter\b|reporter|journalist|contributor", re.IGNORECASE
)
# Class/id tokens of containers whose author names are not the page's byline: a token that starts with
# one of the words (after at most one prefix: "post-comments") or ends with one, or equals one of the
# names (a blog's "post-footer" holds its "Posted by" line; "content-sidebar-wrap" wraps the article).
_WORDS = (
    r"(?:comment|related|sidebar|recommend|popular|trending|most-?read|share|social|newsletter|subscribe"
    r"|testimonial|review|reply|respond|more-?from|avatar)"
)
_NOT_BYLINE_WORDS = re.compile(
    rf"^{_WORDS}|^[a-z]+[-_]{_WORDS}s?(?:[-_]?(?:list|area|section|box|block))?$|{_WORDS}s?$"
)
_NOT_BYLINE_NAMES = {
    "footer", "site-footer", "page-footer", "global-footer", "nav", "navbar", "navigation", "menu", "bio",
    "author-bio", "author-box", "authorbox", "about-author", "about-the-author", "author-info", "author-card",
    "author-description", "next", "prev", "previous",
}
_NOT_BYLINE_TAGS = {"aside", "nav", "form", "script", "style", "noscript", "template", "head", "title"}
_CANDIDATE_TAGS = {"a", "span", "div", "p", "address", "li", "strong", "em", "b", "small", "h3", "h4", "h5", "h6", "font", "cite", "time"}
MAX_TEXT = 200
MAX_DISTANCE = 2000
"""Elements (in document order) between the headline and an author-marked element still read as its byline."""


_MARK_ATTRIBUTES = ("class", "id", "rel", "itemprop", "data-component")
_QUICK_RE = re.compile(r"uthor|UTHOR|yl|yL|YL|osted|OSTED|ubmit|riter|RITER|eport|EPORT|ournal|ontrib")
"""Fragments every match of _AUTHOR_RE holds (in any case the pages write it)."""


def _marks(element: etree._Element) -> str:
    return " ".join(element.get(a) or "" for a in _MARK_ATTRIBUTES)


def _not_byline(element: etree._Element) -> bool:
    tokens = f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()
    return any(t in _NOT_BYLINE_NAMES or _NOT_BYLINE_WORDS.search(t) for t in tokens)


def _excluded(element: etree._Element) -> bool:
    """Under a comments/related/sidebar/author-box container, an aside, a nav, or a page footer."""
    node, depth, in_article = element, 0, False
    while node is not None and depth < 14:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in ("body", "html"):
            break
        in_article = in_article or tag in ("article", "main")
        if (tag in _NOT_BYLINE_TAGS and not is_shadow_root(node)) or _not_byline(node):
            return True
        node, depth = node.getparent(), depth + 1
    if not in_article:
        node = element.getparent()
        while node is not None and isinstance(node.tag, str) and node.tag.lower() not in ("body", "html"):
            if node.tag.lower() == "footer":
                return True
            node = node.getparent()
    return False


def _text(element: etree._Element) -> str:
    """The element's text, its pieces spaced ("Rebecca Norris" and "Published ..." in two spans)."""
    text = " ".join(piece.strip() for piece in element.itertext() if piece.strip())
    return _SPACE_BEFORE_RE.sub(r"\1", text)


_SPACE_BEFORE_RE = re.compile(r"\s+([,.;:!?)])")


def _positions(tree: etree._Element, wanted: list[etree._Element]) -> dict[etree._Element, int]:
    """The document-order index of each of a few elements (one pass, stopped once all are found)."""
    left = set(wanted)
    found: dict[etree._Element, int] = {}
    for index, element in enumerate(tree.iter()):
        if element in left:
            found[element] = index
            left.discard(element)
            if not left:
                break
    return found


def shown_byline(tree: etree._Element, anchor: etree._Element | None) -> str | None:
    """Names from the author-marked element nearest the headline `anchor` (or the first one)."""
    named: list[tuple[etree._Element, str]] = []
    for element in tree.iter(*_CANDIDATE_TAGS):  # libxml2 filters by tag
        # one cheap case-sensitive look at all attribute values first: most elements mark nothing
        if not _QUICK_RE.search(" ".join(element.values())) or not _AUTHOR_RE.search(_marks(element)):
            continue
        text = _text(element)
        if not text or len(text) > MAX_TEXT or _excluded(element):
            continue
        if name := element_name(text):
            named.append((element, name))
    if not named:
        return _text_byline_after(anchor) if anchor is not None else None
    if anchor is None:
        return named[0][1]
    order = _positions(tree, [anchor, *(e for e, _ in named)])
    anchor_at = order.get(anchor)
    scored: list[tuple[int, int, str]] = []
    for element, name in named:
        at = order.get(element, 0)
        distance = at if anchor_at is None else (at - anchor_at if at >= anchor_at else 2 * (anchor_at - at))
        if anchor_at is not None and distance > MAX_DISTANCE:
            continue
        scored.append((distance, at, name))
    if scored:
        return min(scored)[2]
    return _text_byline_after(anchor)


_BY_TEXT_RE = re.compile(
    r"^(?:post\s+|article\s+|story\s+)?(?:(?:written|posted|published|submitted)\s+)?(?:by|von|par|por)\b", re.IGNORECASE
)
TEXT_WINDOW = 25
"""Elements after the headline searched for an unmarked "By ..." / "Posted by ..." line."""


def _text_byline_after(anchor: etree._Element) -> str | None:
    """Names from a short "By ..." line among the elements that follow the headline (unmarked bylines)."""
    seen = 0
    for element in anchor.itersiblings():
        for node in element.iter():
            seen += 1
            if seen > TEXT_WINDOW:
                return None
            if not isinstance(node.tag, str) or (node.tag.lower() in _NOT_BYLINE_TAGS and not is_shadow_root(node)):
                continue
            text = _text(node)
            if text and len(text) <= 120 and _BY_TEXT_RE.match(text) and (name := element_name(text)):
                return name
    return None
