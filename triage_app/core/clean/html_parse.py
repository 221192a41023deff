"""Parsing a page's markup into lxml's tree: the repairs made before parsing, and tests of the tree's depth.

The cleaner, the extractor call and the reader parse the same markup the same way (`markup_to_parse`).
When libxml2 gives up on a page (nesting past its depth limit drops text, `tree_depth_exceeded`),
`fallback.py` segments the markup with a streaming tokenizer instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree  # type: ignore[import-untyped]
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction  # type: ignore[import-untyped]

# lxml.html's element class for every element, chosen in C: lxml.html's own parser asks a Python method
# which class each element gets (forms and inputs get their own), which doubled the time of the walk;
# plain lxml.etree elements would not do for trafilatura, which runs on this tree (`extractor_call`).
HTML_CLASSES_IN_C = etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
)
_PARSER = etree.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True, collect_ids=False)
_PARSER.set_element_class_lookup(HTML_CLASSES_IN_C)


_TRAFILATURA_FAULTY_HTML_RE = re.compile(r"(<html.*?)\s*/>", re.IGNORECASE)
"""trafilatura's own pattern for a self-closed `<html .../>` (`utils.FAULTY_HTML`): from the first `<html` to the
first "/>" after it on its line."""
_HTML_TAG_ALONE_RE = re.compile(r"<html\b[^<>]*", re.IGNORECASE)


def self_closed_html_match(html: str) -> re.Match[str] | None:
    """What trafilatura rewrites before parsing (`utils.repair_faulty_html`): when one of the first four lines
    holds "<html" and ends with "/>", the first `_TRAFILATURA_FAULTY_HTML_RE` match loses its "/"."""
    if "/>" not in html[:4096] or not any("<html" in line and line.endswith("/>") for line in html[:4096].splitlines()[:4]):
        return None
    return _TRAFILATURA_FAULTY_HTML_RE.search(html)


def closes_the_html_tag(match: re.Match[str]) -> bool:
    """The "/>" of a `self_closed_html_match` closes the `<html>` tag itself (nothing else between)."""
    return _HTML_TAG_ALONE_RE.fullmatch(match.group(1)) is not None


def open_self_closed_html(html: str) -> str:
    """`<html lang="en"/>` opened as `<html lang="en">`, as trafilatura and browsers read it: libxml2 takes a
    self-closed root for the whole page and drops everything after it (an empty tree, so the page was cleaned
    without its DOM). Only where trafilatura makes the same change (`self_closed_html_match`) and only the
    `<html>` tag itself."""
    match = self_closed_html_match(html)
    if match is None or not closes_the_html_tag(match):
        return html
    return html[: match.start()] + match.group(1) + ">" + html[match.end() :]


_XML_DECLARATION_RE = re.compile(r"\s*<\?xml", re.IGNORECASE)


def has_xml_declaration(html: str) -> bool:
    """The markup starts with an XML declaration (white space before it allowed; the page is not copied to look)."""
    return _XML_DECLARATION_RE.match(html) is not None


def markup_to_parse(html: str) -> str:
    """The page's markup as the cleaner and the reader give it to lxml: a self-closed `<html/>` opened, and an XML
    declaration taken off (lxml refuses a str that carries an encoding declaration)."""
    html = open_self_closed_html(html)
    if has_xml_declaration(html):
        html = html[html.find("?>") + 2 :]
    return html


def parse_html(html: str) -> etree._Element | None:
    """The document tree (of `markup_to_parse(html)`), or None when lxml cannot make one."""
    if not html or not html.strip():
        return None
    html = markup_to_parse(html)
    try:
        root = etree.fromstring(html, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError, TypeError):
        return None
    if root is None or not isinstance(root.tag, str):
        return None
    _parse_noframes(root)
    return root


def _parse_noframes(root: etree._Element) -> None:
    """libxml2 keeps a `<noframes>` element's content as raw text, markup and all ("<body><p>..."): parse it, so
    a frameset page's fallback text is read as paragraphs, not as tags shown in the cleaned text. The parsed
    tree is asked, not the markup: libxml2 names the element in lower case however the page spells it, and
    its scan for the tag costs a microsecond where three searches of the markup cost 0.04-0.1 ms."""
    for element in root.iter("noframes"):
        raw = element.text or ""
        if "<" not in raw:
            continue
        fragment = etree.fromstring(f"<html><body><div>{raw}</div></body></html>", parser=_PARSER)
        holder = fragment.find(".//div") if fragment is not None else None
        if holder is None:
            continue
        element.text = holder.text
        for child in list(holder):
            element.append(child)


def _xpath_depth_test(levels: int) -> Callable[[etree._Element], bool]:
    """An element at depth `levels` exists: one XPath child step per level, evaluated by libxml2 in linear
    time (a Python walk over every element cost as much as parsing the page). Each step costs a little even
    once no element is left, so a long chain is slower than a short one on every tree."""
    test = etree.XPath("boolean(/" + "*/" * (levels - 1) + "*)")
    return lambda tree: bool(test(tree))


QUICK_DEPTH = 64
"""Few pages reach this depth: a tree that does not cannot reach a deeper limit either, and the test for it
is short (0.005 ms where the one for 2,000 levels costs 0.045 on a median page)."""
_REACHES_QUICK_DEPTH = _xpath_depth_test(QUICK_DEPTH)


def reaches_depth(levels: int) -> Callable[[etree._Element], bool]:
    """A test for an element at depth `levels` (more than `QUICK_DEPTH`): the short test first, the long one only
    on the few trees that pass it."""
    deep = _xpath_depth_test(levels)
    return lambda tree: _REACHES_QUICK_DEPTH(tree) and deep(tree)


_DEPTH_LIMIT = 2000
_TOO_DEEP = reaches_depth(_DEPTH_LIMIT)


def tree_depth_exceeded(tree: etree._Element) -> bool:
    """True when the tree reaches libxml2's depth limit (its content past that depth is lost)."""
    return _TOO_DEEP(tree)
