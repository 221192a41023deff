"""Parsing HTML and cutting it into blocks in reading order, each with its DOM path and context.

The walk uses lxml's event iterator, so no Python recursion is involved however deep the page is.
When libxml2 gives up on a page (nesting past its depth limit drops text), `fallback.py` segments
the markup with a streaming tokenizer instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree  # type: ignore[import-untyped]

from triage_app.core.clean.patterns import HIDDEN, context_reason

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
# parser makes the parent of the rest of the page. (Reading <noscript> posts too made forum threads
# worse: the extractor then takes them and keeps only the first post, where the line scorer kept all.)
_OPENED_WITH_PARAGRAPHS = ("button",)
_WS_RE = re.compile(r"\s+")
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# A plain lxml.etree parser: lxml.html's element classes cost a class lookup on every element access,
# which doubled the time of the walk and of the extractor running on the same tree.
_PARSER = etree.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True, collect_ids=False)


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

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def parse_html(html: str) -> etree._Element | None:
    """The document tree, or None when lxml cannot make one."""
    if not html or not html.strip():
        return None
    try:
        # lxml refuses str input that carries an XML encoding declaration.
        if html.lstrip()[:5].lower() == "<?xml":
            html = html[html.find("?>") + 2 :]
        root = etree.fromstring(html, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError, TypeError):
        return None
    if root is None or not isinstance(root.tag, str):
        return None
    return root


_DEPTH_LIMIT = 2000
# An element at depth `_DEPTH_LIMIT` exists: one XPath child step per level, evaluated by libxml2 in
# linear time (a Python walk over every element cost as much as parsing the page).
_TOO_DEEP = etree.XPath("boolean(/" + "*/" * (_DEPTH_LIMIT - 1) + "*)")


def tree_depth_exceeded(tree: etree._Element) -> bool:
    """True when the tree reaches libxml2's depth limit (its content past that depth is lost)."""
    return bool(_TOO_DEEP(tree))


def _own_attrs(el: etree._Element) -> str:
    get = el.get
    return " ".join(v for v in (get("class"), get("id"), get("role"), get("itemprop")) if v)


def _is_hidden(el: etree._Element) -> bool:
    """Real hiding only: the `hidden` attribute, an inline display:none / visibility:hidden, or
    `aria-hidden` on an element that holds no paragraphs (icons and decorations, not an article
    that a script marks hidden behind a dialog)."""
    get = el.get
    if get("hidden") is not None:
        return not _is_collapsed(el)
    if get("aria-hidden") == "true":
        return el.tag not in ("article", "main", "body") and el.find(".//p") is None
    style = get("style")
    return bool(style and _HIDDEN_STYLE_RE.search(style)) and not _is_collapsed(el)


_COLLAPSED_RE = re.compile(r"accordion|collaps|answer|tab-?pane|tabpanel|read-?more|show-?more|expand", re.IGNORECASE)
_STREAMED_ID_RE = re.compile(r"S:\d+")


def _is_collapsed(el: etree._Element) -> bool:
    """Content the reader opens with a click, or that a script moves into place: a tab panel, an
    accordion or "read more" part, `hidden="until-found"`, a streamed server-rendered part (`<div hidden
    id="S:0">`). It is hidden now but it is the page's text, not a dialog or a decoration."""
    get = el.get
    if get("role") == "tabpanel" or get("hidden") == "until-found" or _STREAMED_ID_RE.fullmatch(get("id") or ""):
        return True
    return bool(_COLLAPSED_RE.search(f"{get('class') or ''} {get('id') or ''}"))


_Segment = tuple[dict[str, int], str, int]  # (the parent's tag counts, tag, 1-based index among same-tag siblings)


def _child_counts(el: etree._Element) -> dict[str, int]:
    counts: dict[str, int] = {}
    for child in el:
        if isinstance(child.tag, str):
            counts[child.tag] = counts.get(child.tag, 0) + 1
    return counts


def _table_rows(table: etree._Element) -> list[tuple[list[_Segment], str]]:
    """Each row of a data table as (path segments below the table, cells joined by tabs).

    Tabs are what a browser puts between cells when it copies a table, so a row reads the same
    in a text dump and cleaning the cleaned text again keeps it whole.
    """
    rows: list[tuple[list[_Segment], str]] = []
    counts: dict[int, dict[str, int]] = {}
    seen: dict[int, dict[str, int]] = {}

    def segment(el: etree._Element) -> _Segment:
        parent = el.getparent()
        key = id(parent)
        if key not in counts:
            counts[key], seen[key] = _child_counts(parent), {}
        seen[key][el.tag] = seen[key].get(el.tag, 0) + 1
        return counts[key], el.tag, seen[key][el.tag]

    sections: dict[int, _Segment] = {}
    for tr in table.iter("tr"):
        parent = tr.getparent()
        path: list[_Segment] = []
        if parent is not table and parent is not None:
            if id(parent) not in sections:
                sections[id(parent)] = segment(parent)
            path.append(sections[id(parent)])
        path.append(segment(tr))
        cells = [_WS_RE.sub(" ", "".join(c.itertext())).strip() for c in tr if c.tag in ("td", "th")]
        text = "\t".join(c for c in cells if c)
        if text:
            rows.append((path, text))
    return rows


def _is_data_table(table: etree._Element) -> bool:
    for tag in ("table", "p", "div", "ul", "ol", "h1", "h2", "h3", "article", "section"):
        if table.find(f".//{tag}") is not None:
            return False
    return True


def _render(segments: tuple[_Segment, ...]) -> str:
    """An XPath like lxml's getpath: the index is shown only where a parent has several such children."""
    return "dom:/" + "/".join(tag if counts[tag] == 1 else f"{tag}[{idx}]" for counts, tag, idx in segments)


class _Walker:
    """Collects text between breaking elements; owner of a block = innermost open breaking element.

    DOM paths are counted during the walk (lxml's getpath scans siblings, which is quadratic on wide
    pages) and rendered once the walk is over, when every parent's child counts are final.
    """

    def __init__(self, read_noscript: bool = False) -> None:
        self.read_noscript = read_noscript
        self.blocks: list[RawBlock] = []
        self.block_segments: list[tuple[_Segment, ...]] = []
        self.parts: list[str] = []
        self.link_chars = 0
        # Open breaking elements: (element, context, in_article, context ids, depth in `segments`).
        self.stack: list[tuple[etree._Element | None, tuple[str, ...], bool, tuple[str, ...], int]] = []
        self.segments: list[_Segment] = []
        self.counts: list[dict[str, int]] = [{}]
        self.link_depth = 0
        self.serial = 0

    def flush(self) -> None:
        if not self.parts:
            return
        owner, context, in_article, ids, depth = self.current()
        text = _WS_RE.sub(" ", "".join(self.parts)).strip()
        links = self.link_chars
        self.parts, self.link_chars = [], 0
        if not text or owner is None:
            return
        tag = owner.tag if isinstance(owner.tag, str) else "div"
        self.blocks.append(
            RawBlock(text, LEAF_KINDS.get(tag, "paragraph"), "", tag, min(links, len(text)), context, ids, in_article, _own_attrs(owner))
        )
        self.block_segments.append(tuple(self.segments[:depth]))

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)
            if self.link_depth:
                self.link_chars += len(text.strip())

    def current(self) -> tuple[etree._Element | None, tuple[str, ...], bool, tuple[str, ...], int]:
        return self.stack[-1] if self.stack else (None, (), False, (), 0)

    def run(self, tree: etree._Element) -> list[RawBlock]:
        walker = etree.iterwalk(tree, events=("start", "end"))
        for event, el in walker:
            tag = el.tag if isinstance(el.tag, str) else ""
            if event == "start":
                if tag:
                    counts = self.counts[-1]
                    counts[tag] = counts.get(tag, 0) + 1
                    self.segments.append((counts, tag, counts[tag]))
                    self.counts.append({})
                self._start(walker, el, tag)
            else:
                self._end(el, tag)
                if tag:
                    self.segments.pop()
                    self.counts.pop()
        self.flush()
        for block, segments in zip(self.blocks, self.block_segments):
            block.path = _render(segments)
        return self.blocks

    def _start(self, walker: etree.iterwalk, el: etree._Element, tag: str) -> None:
        if not tag or (
            tag in SKIPPED
            and not (tag in _OPENED_WITH_PARAGRAPHS and el.find(".//p") is not None)
            and not (tag == "noscript" and self.read_noscript)
        ):
            walker.skip_subtree()
            return
        if tag in BREAKING:
            self.flush()
            _owner, context, in_article, ids, _depth = self.current()
            self.serial += 1
            reason = HIDDEN if _is_hidden(el) else context_reason(tag, _own_attrs(el))
            if reason == HIDDEN and _is_collapsed(el):
                reason = None
            if reason:
                context = (reason, *context)
                ids = (f"#{self.serial}", *ids)
            in_article = in_article or tag in ("article", "main") or el.get("itemprop") == "articleBody"
            self.stack.append((el, context, in_article, ids, len(self.segments)))
            if tag == "table" and _is_data_table(el):
                for below, text in _table_rows(el):
                    self.blocks.append(RawBlock(text, "table", "", "tr", 0, context, ids, in_article, _own_attrs(el)))
                    self.block_segments.append((*self.segments, *below))
                walker.skip_subtree()
                return
        elif tag == "br":
            self.parts.append(" ")
        elif tag == "a":
            self.link_depth += 1
        self.add(el.text)

    def _end(self, el: etree._Element, tag: str) -> None:
        if tag in BREAKING:
            self.flush()
            if self.stack and self.stack[-1][0] is el:
                self.stack.pop()
        elif tag == "a" and self.link_depth:
            self.link_depth -= 1
        self.add(el.tail)


def segment_tree(tree: etree._Element, *, read_noscript: bool = False) -> list[RawBlock]:
    """The page's blocks in reading order (text inside <br>-separated runs stays one block).

    `<noscript>` is skipped unless `read_noscript` (a page whose text is only there, for a reader
    without scripts, is read again with it: `html_extract.prepare_html`)."""
    return _Walker(read_noscript).run(tree)
