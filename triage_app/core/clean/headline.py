"""The headline a reader sees: the page's visible heading that agrees with its metadata titles.

Metadata titles carry what the reader does not see: a site name before or after the headline
("The Science of Sport: ...", "... - The BLT: The Blog of Legal Times"), an SEO variant of the
headline (og:title "Spiced Honey Pear Jam Recipe" over the h1 "Homemade Spiced Honey Pear Jam for the
Holidays"). A heading (h1-h3) whose words mostly are the title's words, and most of whose title's
words it holds, is the headline as shown; a heading inside the site's masthead (the blog's name) is
taken only when no other heading agrees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from lxml import etree  # type: ignore[import-untyped]

from triage_app.core.clean.dates import is_date_line
from triage_app.core.clean.dom_names import HIDDEN_CLASSES, HIDDEN_STYLE_RE

_WORD_RE = re.compile(r"\w+")
_WS_RE = re.compile(r"\s+")
_SKIP = {"script", "style", "noscript", "template"}
_UNSEEN_TEXT = {"svg", "math"}  # a logo's <svg><title>News</title>: not text the reader reads
_BLOCKS = {"div", "p", "li", "ul", "ol", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "tr", "td"}
# Whole class/id tokens of the containers that hold a site's name, not a page's headline.
_SITE_TOKENS = {
    "header", "masthead", "logo", "branding", "site-branding", "site-title", "sitetitle", "site-name", "sitename",
    "blog-title", "blogtitle", "site-header", "blog-header", "blog-name", "top-header",
}
_SUBTITLE_RE = re.compile(r"sub-?title|sub-?heading|subhead", re.IGNORECASE)
MIN_AGREEMENT = 0.5
"""Share of the heading's words in the title, and of the title's words in the heading, both needed."""
MAX_HEADINGS = 80
MAX_WORDS = 40


@dataclass
class Heading:
    """A visible h1-h3 of the page, in document order.

    Whether it sits in the masthead is looked up when first asked (`in_masthead` of `masthead_from`, None: never):
    most headings are passed over before anyone asks, and the lookup walks the links and ancestors of each
    (0.16 ms of a median cleanportaleval page's 0.7 ms of metadata)."""

    text: str
    element: etree._Element
    order: int
    masthead_from: etree._Element | None
    _in_masthead: bool | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def in_masthead(self) -> bool:
        if self._in_masthead is None:
            self._in_masthead = self.masthead_from is not None and in_masthead(self.masthead_from)
        return self._in_masthead


def unseen(element: etree._Element) -> bool:
    """Not shown to a reader: the `hidden` attribute (not "until-found"), an inline display:none, or a
    screen-reader-only class ("sr-only", "visually-hidden": the h1 "Ars Technica homepage" of a front page)."""
    hidden = element.get("hidden")
    if hidden is not None and hidden != "until-found":
        return True
    if HIDDEN_STYLE_RE.search(element.get("style") or ""):
        return True
    return bool(set((element.get("class") or "").lower().split()) & HIDDEN_CLASSES)


def heading_text(element: etree._Element) -> str:
    """The heading's text with a line break read as a space ("Cosmetic Packaging<br>Design"), without a part
    classed as its subtitle (`<span class="header__subtitle">`)."""
    return _tidy(_WS_RE.sub(" ", _text_with_breaks(element).replace(_BREAK, " ")))


def heading_lines(element: etree._Element) -> list[str]:
    """The heading's text line by line, as it is shown: parted where it breaks (a `<br>`, a block, a part left out)."""
    lines = [line for piece in _text_with_breaks(element).split(_BREAK) if (line := _WS_RE.sub(" ", piece).strip())]
    if lines:
        lines[-1] = _tidy(lines[-1])  # a permalink mark at the end (a line of only a mark goes)
    return [line for line in lines if line]


def _tidy(text: str) -> str:
    return text.strip().rstrip("¶§#").rstrip()  # a permalink mark ("Title¶")


_BREAK = "\x00"  # never in a parsed page's text (XML has no NUL character)


def _text_with_breaks(element: etree._Element) -> str:
    parts: list[str] = []
    walk = etree.iterwalk(element, events=("start", "end"))
    for event, node in walk:
        if not isinstance(node.tag, str):
            continue
        tag = node.tag.lower()
        if event == "start":
            if tag == "br" or _breaks_line(node):
                parts.append(_BREAK)
            if node is not element and (tag in _UNSEEN_TEXT or _SUBTITLE_RE.search(node.get("class") or "") or unseen(node)):
                walk.skip_subtree()
                parts.append(_BREAK)
                continue
            if tag not in _SKIP and node.text:
                parts.append(node.text)
        elif node is not element:
            if _breaks_line(node):
                parts.append(_BREAK)
            if node.tail:
                parts.append(node.tail)
    return "".join(parts)


def _breaks_line(node: etree._Element) -> bool:
    """A block element, or one classed `block` (Tailwind's display:block): its text is not run into the
    words around it ("The Best Notion Alternatives<span class="block">Top Note-taking Tools")."""
    return str(node.tag).lower() in _BLOCKS or "block" in (node.get("class") or "").split()


def in_masthead(element: etree._Element) -> bool:
    """Inside a site-name container, or a link to the site's home page."""
    for link in element.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        try:
            parts = urlparse(href)
        except ValueError:
            continue
        if parts.path in ("", "/", "/index.html", "/index.php") and not parts.query:
            return True
    node, depth = element, 0
    while node is not None and depth < 8:
        tokens = set(f"{node.get('class') or ''} {node.get('id') or ''}".lower().split())
        if tokens & _SITE_TOKENS:
            return True
        node, depth = node.getparent(), depth + 1
    return False


def page_headings(tree: etree._Element) -> list[Heading]:
    """The page's h1-h3 headings with text, in document order (at most MAX_HEADINGS)."""
    out: list[Heading] = []
    for order, element in enumerate(tree.iter("h1", "h2", "h3")):
        if len(out) >= MAX_HEADINGS:
            break
        if unseen(element):
            continue
        text = heading_text(element)
        if text and len(text.split()) <= MAX_WORDS:
            out.append(Heading(text, element, order, element))
    return out


def _words(text: str) -> set[str]:
    return set(_WORD_RE.findall(text.casefold()))


def agreement(heading: str, title: str, ignore: frozenset[str] = frozenset()) -> float:
    """F1 of the two word sets (without the site name's words, `ignore`) when each holds at least
    MIN_AGREEMENT of the other's words, else 0."""
    h, t = _words(heading) - ignore, _words(title) - ignore
    if not h or not t:
        return 0.0
    common = len(h & t)
    precision, recall = common / len(h), common / len(t)
    if precision < MIN_AGREEMENT or recall < MIN_AGREEMENT:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def _fold(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.casefold()))


def visible_headline(headings: list[Heading], titles: list[str], site: str | None = None, min_score: float = 0.0) -> Heading | None:
    """The heading that best agrees (above `min_score`) with one of the metadata titles, or None.

    A heading that is the site's name is never the headline; one in the masthead only when no other
    heading agrees."""
    titles = [t for t in titles if t]
    site_folded = _fold(site or "")
    # A site name's words ("REI Co-op") do not make a heading agree; a "site name" as long as a title is none.
    ignore = frozenset(_words(site or "")) if site and "." not in site and len(site.split()) <= 4 else frozenset()
    best: tuple[tuple[bool, float, int], Heading] | None = None
    for heading in headings:
        if site_folded and _fold(heading.text) == site_folded:
            continue
        score = max((agreement(heading.text, t, ignore) for t in titles), default=0.0)
        if score <= min_score:
            continue
        key = (not heading.in_masthead, score, -heading.order)
        if best is None or key > best[0]:
            best = (key, heading)
    return best[1] if best else None


def only_h1(headings: list[Heading], site: str | None = None) -> Heading | None:
    """The page's one h1 outside the masthead: the headline the page shows, even when its words are not
    the metadata title's (an SEO <title> "Самые популярные кулинарные блоги ... : список" over the h1
    "Мастера вкуса: ...", a category page's h1 "Headlamps" under the <title> "Headlamps for Camping,
    Hiking & Running"). Not when the page has several h1, or the h1 is a section label or the site's name."""
    h1s = [h for h in headings if str(h.element.tag).lower() == "h1" and not h.in_masthead]
    if len(h1s) != 1:
        return None
    if label_like(h1s[0].text) or (site and _fold(h1s[0].text) == _fold(site)):
        return None
    return h1s[0]


def label_like(text: str) -> bool:
    """A section label ("Comments", "News"), a label that leads into what follows ("LATEST:"), a date, or a
    credit line ("Edited by Frank R. Shaw")."""
    return (
        _fold(text) in _SECTION_LABELS or text.rstrip().endswith(":") or is_date_line(text) or _CREDIT_RE.match(text) is not None
    )


_CREDIT_RE = re.compile(r"\s*(?:(?:edited|written|posted|compiled|photos?)\s+)?by\s", re.IGNORECASE)


def headline_title(heading: Heading, titles: list[str]) -> str:
    """The heading's text, or the metadata title when the heading is that title with a count after it
    ("... Your Business? 153 Comments") or with words before it (a section heading "Choose a Way to
    Get Free Tax Help" on the page "Get Free Tax Help")."""
    folded = _fold(heading.text)
    for title in titles:
        start = _fold(title)
        if not start or folded == start:
            continue
        if folded.startswith(start + " ") and _COUNT_RE.match(folded[len(start) + 1 :]):
            return title
        if folded.endswith(" " + start):
            return title
    return _agreeing_lines(heading, titles) or heading.text


def _agreeing_lines(heading: Heading, titles: list[str]) -> str | None:
    """The first lines of a heading shown on several lines, when they agree with a metadata title better than the
    whole heading does: the headline without the byline, dateline, date or subtitle the page set under it in its
    `<h1>` ("米朝首脳直通電話　習氏に挑むトランプ戦術の成否<br>編集委員　中沢克二", "... Security<br>Posted on July 1,
    2025"). A line above the headline stays: "Masters and Workers:<br>Labour relations in ancient Egypt" is one
    title, whatever the `<title>` keeps of it. None when no first lines do better."""
    lines = heading_lines(heading.element)
    if len(lines) < 2 or " ".join(lines) != heading.text:
        return None
    best, best_score = None, max((agreement(heading.text, t) for t in titles), default=0.0)
    for last in range(min(len(lines) - 1, 6)):
        text = _tidy(" ".join(lines[: last + 1]))
        score = max((agreement(text, t) for t in titles), default=0.0)
        if score > best_score:
            best, best_score = text, score
    return best


_COUNT_RE = re.compile(r"^(?:\d+ \w+|\w+ \d+)$")


_SECTION_LABELS = {
    "news", "latest news", "highlights", "welcome", "comments", "comment", "leave a comment", "leave a reply", "reply", "related", "related posts", "related articles",
    "navigation", "main navigation", "menu", "search", "share", "share this", "archives", "categories", "tags",
    "recent posts", "recent comments", "subscribe", "newsletter", "contact", "contact us", "login", "log in",
    "sign in", "members only", "links", "about", "about us", "home", "footer", "sidebar", "skip to", "advertisement",
}


def first_heading(headings: list[Heading]) -> str | None:
    """The first h1, else the first h2, else the first h3 (a page with no title of its own), passing
    over section labels ("Comments", "Search")."""
    for level in ("h1", "h2", "h3"):
        for heading in headings:
            if (
                str(heading.element.tag).lower() == level
                and not heading.in_masthead
                and _fold(heading.text) not in _SECTION_LABELS
            ):
                return heading.text
    return None
