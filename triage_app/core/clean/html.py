"""Parsing HTML and cutting it into blocks in reading order, each with its DOM path and context.

The walk uses lxml's event iterator, so no Python recursion is involved however deep the page is.
When libxml2 gives up on a page (nesting past its depth limit drops text), `fallback.py` segments
the markup with a streaming tokenizer instead. What an element's attributes say (hidden, collapsed,
its names' context) is in `html_attributes.py`, a data table's rows in `html_tables.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree  # type: ignore[import-untyped]
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction  # type: ignore[import-untyped]

from triage_app.core.clean.dom_names import PAGE_ROOTS, context_reason
from triage_app.core.clean.html_attributes import SUBTREE, attribute_verdict, is_collapsed, is_hidden, own_attrs
from triage_app.core.clean.html_tables import Segment, is_data_table, table_rows
from triage_app.core.clean.invisible import without_invisible
from triage_app.core.clean.patterns import HIDDEN, normalise

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
LEAF_KINDS = {
    "p": "paragraph",
    "li": "list-item",
    "dt": "list-item",
    "dd": "list-item",
    "blockquote": "blockquote",
    "figcaption": "caption",
    "caption": "caption",
    "pre": "paragraph",
    "address": "paragraph",
    "summary": "paragraph",
    **{h: "heading" for h in HEADINGS},
}
BREAKING = {
    "div", "section", "article", "main", "header", "footer", "nav", "aside", "ul", "ol", "dl", "form",
    "figure", "body", "html", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "hr", "fieldset",
    "details", "center", "menu", "hgroup", "legend", "label", *LEAF_KINDS,
}
SKIPPED = {
    "script", "style", "noscript", "template", "head", "svg", "math", "select", "option", "textarea",
    "iframe", "button", "canvas", "video", "audio", "object", "embed", "input", "title", "meta", "link",
}
# Skipped unless they hold paragraphs: a <button> with paragraphs is a button left unclosed, which the
# parser makes the parent of the rest of the page; an <object>'s paragraphs are its fallback content (an
# embedded player's caption), shown without the plugin and read by the extractor. (Reading <noscript> posts too made forum threads
# worse: the extractor then takes them and keeps only the first post, where the line scorer kept all.)
_OPENED_WITH_PARAGRAPHS = ("button", "object")
SHADOW_ROOT_ATTRIBUTES = ("shadowrootmode", "shadowroot", "shadowmode")
"""Attributes that make a `<template>` a declarative shadow root: its content is shown, not inert. A browser
that saves a page (SingleFile, Chrome's MHTML) writes each open shadow root of a web component this way
(`shadowrootmode`, its earlier name `shadowroot`, and `shadowmode` in Chrome's MHTML), and a page rendered on
the server ships its components so."""
# lxml.html's element class for every element, chosen in C: lxml.html's own parser asks a Python method
# which class each element gets (forms and inputs get their own), which doubled the time of the walk;
# plain lxml.etree elements would not do for trafilatura, which runs on this tree (`extractor_call`).
HTML_CLASSES_IN_C = etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
)
_PARSER = etree.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True, collect_ids=False)
_PARSER.set_element_class_lookup(HTML_CLASSES_IN_C)


@dataclass
class RawBlock:
    """A block of the page before the keep/remove decision."""

    text: str
    kind: str
    path: str
    tag: str
    link_chars: int = 0
    context: tuple[str, ...] = ()  # reasons named by ancestors' tags/classes, innermost first
    context_paths: tuple[str, ...] = ()  # ids of those ancestors (the same id for the same element)
    in_article: bool = False
    own_attrs: str = ""  # class/id of the element the block comes from
    tokens: list[str] | None = field(default=None, repr=False, compare=False)  # lower-cased words, made once when needed

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    def with_context(self, context: tuple[str, ...], context_paths: tuple[str, ...]) -> RawBlock:
        """A copy with other context reasons and ids (made field by field: `dataclasses.replace` costs 4x as much,
        and the `frames` rule copies every block under a page's frame)."""
        return RawBlock(
            self.text, self.kind, self.path, self.tag, self.link_chars, context, context_paths, self.in_article, self.own_attrs, self.tokens
        )

    @property
    def norm(self) -> str:
        """`patterns.normalise(self.text)`: the block's tokens joined, once they are made (no second tokenising)."""
        return " ".join(self.tokens) if self.tokens is not None else normalise(self.text)


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




def is_shadow_root(el: etree._Element) -> bool:
    """A declarative shadow root (`SHADOW_ROOT_ATTRIBUTES`): a `<template>` whose content the page shows."""
    return el.tag == "template" and any(el.get(name) is not None for name in SHADOW_ROOT_ATTRIBUTES)


# A node of the chain of open elements: (the parent's tag counts, tag, 1-based index among same-tag
# siblings, the parent's node). Every element the walk enters gets one; paths are rendered from them.
_Node = tuple[dict[str, int], str, int, Any]


def _step(counts: dict[str, int], tag: str, idx: int) -> str:
    """One step of an XPath like lxml's getpath: the index is shown only where a parent has several such children."""
    return tag if counts[tag] == 1 else f"{tag}[{idx}]"


def _path_renderer() -> Callable[[_Node | None], str]:
    """A function giving a node's path below "dom:/" (each node's path made once, shared by those below it).

    Called once the walk is over, when every parent's child counts are final.
    """
    memo: dict[int, str] = {}

    def path_of(node: _Node | None) -> str:
        chain: list[_Node] = []
        while node is not None and id(node) not in memo:
            chain.append(node)
            node = node[3]
        path = memo[id(node)] if node is not None else ""
        for link in reversed(chain):
            step = _step(link[0], link[1], link[2])
            path = f"{path}/{step}" if path else step
            memo[id(link)] = path
        return path

    return path_of


def _context_reasons() -> Callable[[str, str], str | None]:
    """`context_reason` remembered per (tag, class/id words) for one page, where the same names repeat."""
    memo: dict[tuple[str, str], str | None] = {}

    def reason(tag: str, attrs: str) -> str | None:
        key = (tag, attrs)
        if key not in memo:
            memo[key] = context_reason(tag, attrs)
        return memo[key]

    return reason


_NO_OWNER: tuple[Any, ...] = (None, (), False, (), None, "", "")


def _walk(tree: etree._Element, read_noscript: bool = False) -> list[RawBlock]:
    """Collect text between breaking elements; owner of a block = innermost open breaking element.

    One loop over lxml's start/end events with its state in local variables (the walk visits every
    element of the page: method calls per event were a fifth of its time); white space before any text
    is not collected, so most breaking elements have nothing to flush; a breaking element without
    attributes is judged by its tag alone.
    DOM paths are counted during the walk (lxml's getpath scans siblings, which is quadratic on wide
    pages) and rendered once the walk is over, when every parent's child counts are final.
    """
    blocks: list[RawBlock] = []
    owners: list[tuple[_Node | None, list[Segment]]] = []  # per block: its owner's node (and a table row's path below it)
    parts: list[str] = []
    # Open breaking elements: (element, context, in_article, context ids, node, tag, class/id words).
    stack: list[tuple[Any, ...]] = []
    node: _Node | None = None
    counts_stack: list[dict[str, int]] = [{}]
    link_depth = link_chars = serial = 0
    reason_of = _context_reasons()
    # Verdicts per (tag, attributes): pages repeat the same elements (a class on every item of a list).
    verdicts: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[str, str | None, bool]] = {}

    def flush(links: int) -> None:
        owner, context, in_article, ids, owner_node, tag, attrs = stack[-1] if stack else _NO_OWNER
        text = " ".join("".join(parts).split())
        if not text.isascii():  # the common case costs one flag read
            text = without_invisible(text)
        parts.clear()
        if not text or owner is None:
            return
        blocks.append(RawBlock(text, LEAF_KINDS.get(tag, "paragraph"), "", tag, min(links, len(text)), context, ids, in_article, attrs))
        owners.append((owner_node, []))

    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):
            if event == "start":
                walker.skip_subtree()
                continue
            tag = ""
        if event == "start":
            counts = counts_stack[-1]
            count = counts[tag] = counts.get(tag, 0) + 1
            node = (counts, tag, count, node)
            counts_stack.append({})
            if (
                tag in SKIPPED
                and not (tag in _OPENED_WITH_PARAGRAPHS and el.find(".//p") is not None)
                and not (read_noscript and tag == "noscript")
                and not (tag == "template" and is_shadow_root(el))
            ):
                walker.skip_subtree()
                continue
            if tag in BREAKING or tag == "template":  # a template read here is a shadow root: a container
                if parts:
                    flush(link_chars)
                    link_chars = 0
                _owner, context, in_article, ids = (stack[-1] if stack else _NO_OWNER)[:4]
                serial += 1
                items = el.items()
                if items:
                    key = (tag, tuple(items))
                    verdict = verdicts.get(key)
                    if verdict is None:
                        verdict = verdicts[key] = attribute_verdict(tag, key[1])
                    if verdict is SUBTREE:
                        attrs = own_attrs(el)
                        reason = HIDDEN if is_hidden(el) else reason_of(tag, attrs)
                        if reason == HIDDEN and is_collapsed(el):
                            reason = None
                        in_article = in_article or tag in ("article", "main") or el.get("itemprop") == "articleBody"
                    else:
                        attrs, reason, article_body = verdict
                        in_article = in_article or tag in ("article", "main") or article_body
                else:  # most elements have no attributes: only the tag can say something
                    attrs, reason = "", reason_of(tag, "")
                    in_article = in_article or tag in ("article", "main")
                if reason and tag not in PAGE_ROOTS:  # `<body hidden>` or `style="visibility:hidden"` until a script ran
                    context = (reason, *context)
                    ids = (f"#{serial}", *ids)
                stack.append((el, context, in_article, ids, node, tag, attrs))
                if tag == "table" and is_data_table(el):
                    for below, row in table_rows(el):
                        blocks.append(RawBlock(row, "table", "", "tr", 0, context, ids, in_article, attrs))
                        owners.append((node, below))
                    walker.skip_subtree()
                    continue
            elif tag == "br":
                if parts:  # leading white space is stripped anyway
                    parts.append(" ")
            elif tag == "a":
                link_depth += 1
            text = el.text
        else:
            if tag in BREAKING or (tag == "template" and is_shadow_root(el)):
                if parts:
                    flush(link_chars)
                    link_chars = 0
                if stack and stack[-1][0] is el:
                    stack.pop()
            elif tag == "a" and link_depth:
                link_depth -= 1
            text = el.tail
            if tag:
                node = node[3] if node is not None else None
                counts_stack.pop()
        # White space before any text is stripped anyway: leaving it out keeps `parts` empty between
        # blocks, so most breaking elements need no flush.
        if text and (parts or not text.isspace()):
            parts.append(text)
            if link_depth:
                link_chars += len(text.strip())
    if parts:
        flush(link_chars)
    path_of = _path_renderer()
    for block, (owner_node, below) in zip(blocks, owners):
        path = path_of(owner_node)
        if below:
            path = "/".join([path, *(_step(c, t, i) for c, t, i in below)] if path else [_step(c, t, i) for c, t, i in below])
        block.path = "dom:/" + path
    return blocks


def segment_tree(tree: etree._Element, *, read_noscript: bool = False) -> list[RawBlock]:
    """The page's blocks in reading order (text inside <br>-separated runs stays one block).

    `<noscript>` is skipped unless `read_noscript` (a page whose text is only there, for a reader
    without scripts, is read again with it: `html_prepare.prepare_html`)."""
    return _walk(tree, read_noscript)
