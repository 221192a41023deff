"""Cutting a parsed page into blocks in reading order, each with its DOM path and context.

The walk uses lxml's event iterator, so no Python recursion is involved however deep the page is.
What an element's attributes say (hidden, collapsed, its names' context) is in `html_attributes.py`,
a data table's rows in `html_tables.py`; which elements make blocks in `html_blocks.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from triage_app.core.clean.dom_names import PAGE_ROOTS, context_reason
from triage_app.core.clean.html_attributes import SUBTREE, attribute_verdict, is_collapsed, is_hidden, own_attrs
from triage_app.core.clean.html_blocks import BREAKING, LEAF_KINDS, SKIPPED, RawBlock, is_shadow_root
from triage_app.core.clean.html_tables import Segment, is_data_table, table_rows
from triage_app.core.clean.invisible import without_invisible
from triage_app.core.clean.patterns import HIDDEN
from triage_app.core.clean.preformatted import preformatted

# Skipped unless they hold paragraphs: a <button> with paragraphs is a button left unclosed, which the
# parser makes the parent of the rest of the page; an <object>'s paragraphs are its fallback content (an
# embedded player's caption), shown without the plugin and read by the extractor. (Reading <noscript> posts too made forum threads
# worse: the extractor then takes them and keeps only the first post, where the line scorer kept all.)
_OPENED_WITH_PARAGRAPHS = ("button", "object")


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
        raw = "".join(parts)
        text = " ".join(raw.split())
        if not text.isascii():  # the common case costs one flag read
            text = without_invisible(text)
        parts.clear()
        if not text or owner is None:
            return
        block = RawBlock(text, LEAF_KINDS.get(tag, "paragraph"), "", tag, min(links, len(text)), context, ids, in_article, attrs)
        if tag == "pre":
            block.shown = preformatted(raw)
        blocks.append(block)
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
                if parts:  # leading white space is stripped anyway; a line break in a <pre>'s shown text
                    parts.append("\n" if stack and stack[-1][5] == "pre" else " ")
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
