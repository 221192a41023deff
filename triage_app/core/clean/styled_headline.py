"""Headlines drawn without heading tags: a line set in large type (`<font size=+2>`, `font-size: 24px`,
`<big>`) or marked by its class as a heading or title (`class="articleheading"`).

Older pages and hand-made ones show their headline this way and have no h1-h3 at all; their `<title>`
is often the site's name or a section ("Natural Health: Your Energy" over "The Art of Work"). Three
uses, all only when no h1-h3 agrees with the page's titles:

- a styled line that agrees closely with a title (the <title> "The Archaeology Channel - Become a Member
  page" over the line "Become a Member of The Archaeology Channel!") is the headline, as an h1 would be;
- a <title> written as a trail ("ANS : Public Information : News and Events : Dr. Marcus's testimony")
  names the page last; a line of the page that is that last part is the headline;
- a page with no title at all (no <title>, no og:title, no JSON-LD headline) and no h1-h3 outside the
  masthead: its first styled line outside the masthead that is not a label ("LATEST:", "Highlights"),
  rather than the file's name.
"""

from __future__ import annotations

import re

from lxml import etree  # type: ignore[import-untyped]

from triage_app.core.clean.headline import Heading, heading_text, label_like, visible_headline

_CLASS_RE = re.compile(r"head|title", re.IGNORECASE)
_FONT_SIZE_RE = re.compile(r"font-size\s*:\s*([\d.]+)\s*(px|pt|em|rem|%)|font-size\s*:\s*(x*-?large)", re.IGNORECASE)
_CANDIDATE_TAGS = {"font", "span", "b", "strong", "big", "p", "div", "td", "th", "center", "em", "i"}
_SKIP = {"script", "style", "noscript", "template", "select", "option", "button", "a", "nav", "form"}
MAX_WORDS = 20
"""A styled line longer than this is a lead paragraph, not a headline."""
MAX_CHARS = 300
"""Cheap first test of the same, before the line's words are read."""
STYLED_AGREEMENT = 0.8
"""A styled line is weaker evidence than a heading tag: its words and a title's must agree this closely
(F1 of the two word sets), so that an organisation's name set large on its front page ("THE ABORIGINAL
LEGAL RIGHTS MOVEMENT" under the <title> "The South Australian Aboriginal Legal Rights Movement Inc.")
is not taken for a headline."""
MAX_ELEMENTS = 20_000


def _size_signal(element: etree._Element) -> bool:
    """Large type set on the element itself: <font size> of 4+ or +1 and up, a CSS font-size of 18px /
    14pt / 1.3em / 130% / large and up, or <big>."""
    tag = str(element.tag).lower()
    if tag == "big":
        return True
    if tag == "font":
        size = (element.get("size") or "").strip()
        if size.startswith("+") and size[1:].isdigit() and int(size[1:]) >= 1:
            return True
        if size.isdigit() and int(size) >= 4:
            return True
    match = _FONT_SIZE_RE.search(element.get("style") or "")
    if match:
        if match.group(3):
            return True
        value, unit = float(match.group(1)), match.group(2).lower()
        return {"px": value >= 18, "pt": value >= 14, "em": value >= 1.3, "rem": value >= 1.3, "%": value >= 130}[unit]
    return False


def _class_signal(element: etree._Element) -> bool:
    """A class or id naming a heading or title ("articleheading", "pagetitle", "header")."""
    return bool(_CLASS_RE.search(f"{element.get('class') or ''} {element.get('id') or ''}"))


def _short(element: etree._Element) -> bool:
    """At most MAX_CHARS of text, found without reading all of a large container's text."""
    size = 0
    for text in element.itertext():
        size += len(text.strip())
        if size > MAX_CHARS:
            return False
    return True


def styled_lines(tree: etree._Element) -> list[Heading]:
    """The page's short lines that carry a heading's style themselves, the outermost element of each, in
    document order (links, forms, navigation and scripts not entered)."""
    body = tree.find(".//body")
    walk = etree.iterwalk(body if body is not None else tree, events=("start",))
    out: list[Heading] = []
    for order, (_, element) in enumerate(walk):
        if order > MAX_ELEMENTS:
            break
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in _SKIP:
            walk.skip_subtree()
            continue
        if tag not in _CANDIDATE_TAGS or not (_size_signal(element) or _class_signal(element)) or not _short(element):
            continue
        if element.find(".//a") is not None:
            continue
        text = heading_text(element)
        if not text or len(text.split()) > MAX_WORDS:
            continue
        walk.skip_subtree()
        # its own class may say "header"; only the containers around it place it in the masthead
        parent = element.getparent()
        out.append(Heading(text, element, order, parent))
    return out


def breadcrumb_page(title: str) -> str | None:
    """The last part of a <title> written as a trail ("ANS : Public Information : News : Dr. Marcus's
    testimony"): three or more parts joined by " : ", " > ", " » " or " :: "."""
    for sep in (" :: ", " : ", " > ", " » "):
        parts = [p.strip() for p in title.split(sep)]
        if len(parts) >= 3 and all(parts):
            return parts[-1]
    return None


def line_showing(tree: etree._Element, text: str) -> Heading | None:
    """The first element of the body, not a link, whose whole text is `text` (case and punctuation aside)."""
    want = _fold(text)
    body = tree.find(".//body")
    if not want or body is None:
        return None
    for order, element in enumerate(body.iter()):
        if order > MAX_ELEMENTS:
            break
        if not isinstance(element.tag, str) or element.tag.lower() in _SKIP:
            continue
        if any(str(a.tag).lower() in _SKIP for a in element.iterancestors()):
            continue
        if _fold(heading_text(element)) == want:
            return Heading(text, element, order, element)
    return None


def styled_headline(tree: etree._Element, titles: list[str], site: str | None) -> Heading | None:
    """The styled line that agrees with a title, else the line that is the last part of a trail title."""
    shown = visible_headline(styled_lines(tree), titles, site, min_score=STYLED_AGREEMENT)
    if shown is not None:
        return shown
    for title in titles:
        if (page := breadcrumb_page(title)) and (line := line_showing(tree, page)) is not None:
            return line
    return None


def untitled_headline(tree: etree._Element, headings: list[Heading]) -> Heading | None:
    """On a page without any title and without h1-h3 outside the masthead: its first styled line
    outside the masthead."""
    if not all(h.in_masthead for h in headings):
        return None
    return next((line for line in styled_lines(tree) if not line.in_masthead and not label_like(line.text)), None)


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))
