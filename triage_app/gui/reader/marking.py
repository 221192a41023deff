"""Rewriting a stored page for the original pane: block anchors, removed-block shading, local resources.

lxml (Qt only for translations): the result is served by the scheme handler (WebEngine) or sanitised for the
QTextBrowser fallback. Page scripts are left in place: JavaScript is switched off in the view and a
Content-Security-Policy forbids them as well.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin

import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]
from PySide6.QtCore import QCoreApplication

from triage_app.core.clean.html_blocks import SHADOW_ROOT_ATTRIBUTES, is_shadow_root
from triage_app.core.clean.html_parse import markup_to_parse
from triage_app.core.records import Block
from triage_app.gui.i18n import removal_reason
from triage_app.gui.reader.colours import LIGHT, ReaderColours
from triage_app.gui.reader.scheme import resource_url

REMOVED_CLASS = "triage-removed"
SAME_REASON_CLASS = "triage-removed-same"
"""A removed block right after one removed for the same reason: shaded, its reason in its tooltip, no label of
its own (a menu's twenty items under twenty overlapping "removed: navigation" labels hid the menu itself)."""
ANCHOR_PREFIX = "blk-"
CSP = (
    "default-src 'none'; script-src 'none'; object-src 'none'; "
    "img-src triage-doc: data:; style-src triage-doc: 'unsafe-inline'; font-src triage-doc: data:; media-src triage-doc:"
)


def stylesheet(colours: ReaderColours = LIGHT) -> str:
    """The CSS added to the served page: removed blocks shaded in the palette's colours, with their reason."""
    label = QCoreApplication.translate("OriginalPane", "removed: ")
    return f"""
.{REMOVED_CLASS} {{
  background-color: {colours.removed_background} !important;
  outline: 2px dashed {colours.removed_outline} !important;
  opacity: 0.72;
}}
.{REMOVED_CLASS}:hover {{ opacity: 1; }}
.{SAME_REASON_CLASS}::before {{ content: none !important; }}
.{REMOVED_CLASS} {{ position: relative; }}
.{REMOVED_CLASS}::before {{
  content: {json.dumps(label)} attr(data-triage-reason);
  position: absolute; top: 0; right: 0; z-index: 2147483647;
  font: bold 10px/1.2 sans-serif; color: #fff; background: rgba(214, 48, 49, 0.85);
  padding: 0 3px; border-radius: 2px; pointer-events: none; white-space: nowrap; text-decoration: none;
}}
:target {{ outline: 3px solid rgba(255, 170, 0, 0.9) !important; }}
"""


_URL_ATTRS = ("src", "href", "poster", "data", "background")
_CSS_URL_RE = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


@dataclass
class MarkedPage:
    """The rewritten page and where each block ended up."""

    html: str
    anchors: dict[int, str] = field(default_factory=dict)  # block index -> element id
    unmatched: list[int] = field(default_factory=list)  # blocks whose element was not found


def block_anchor(index: int) -> str:
    """The element id given to block `index` in the served page."""
    return f"{ANCHOR_PREFIX}{index}"


def dom_path(block: Block) -> str | None:
    """The XPath of a `dom:` block source, else None."""
    return block.source[4:] if block.source.startswith("dom:/") else None


def _resource_mapper(doc_id: int, names: Iterable[str]) -> dict[str, str]:
    """Stored resource name -> the `triage-doc:` URL that serves it."""
    return {name: resource_url(doc_id, name) for name in set(names)}


def _rewrite_url(value: str, mapping: dict[str, str], base_url: str | None) -> str:
    stripped = value.strip()
    if stripped in mapping:
        return mapping[stripped]
    if base_url:
        joined = urljoin(base_url, stripped)
        if joined in mapping:
            return mapping[joined]
    return value


def rewrite_stylesheet(css: str, doc_id: int, names: Iterable[str], css_url: str) -> str:
    """A stored stylesheet with its `url()`s (fonts, images) pointing at the document's stored resources.

    Archived resources are stored under their absolute URL, so a reference relative to the stylesheet's
    own URL is resolved against it (the served stylesheet's `triage-doc:` URL cannot do that)."""
    return _rewrite_css(css, _resource_mapper(doc_id, names), css_url)


def _rewrite_css(text: str, mapping: dict[str, str], base_url: str | None) -> str:
    return _CSS_URL_RE.sub(lambda m: f"url({m.group(1)}{_rewrite_url(m.group(2), mapping, base_url)}{m.group(1)})", text)


def _parse(page_html: str) -> lxml.html.HtmlElement:
    """The page as the cleaner parsed it (`markup_to_parse`), so the blocks' paths lead somewhere."""
    try:
        return lxml.html.document_fromstring(markup_to_parse(page_html) or "<html><body></body></html>")
    except (lxml.etree.ParserError, ValueError):
        return lxml.html.document_fromstring(f"<html><body><pre>{html_lib.escape(page_html)}</pre></body></html>")


def _shade(element: lxml.html.HtmlElement, reason: str, *, contains_kept: bool, labelled: bool = True) -> bool:
    """Mark a removed element (False when nothing of it could be); when it holds kept blocks, only its own
    leading text is marked. Unless `labelled`, it carries no label of its own (`SAME_REASON_CLASS`)."""
    target = element
    if contains_kept:
        if not (element.text or "").strip():
            return False
        target = lxml.html.Element("span")
        target.text, element.text = element.text, None
        element.insert(0, target)
    classes = REMOVED_CLASS if labelled else f"{REMOVED_CLASS} {SAME_REASON_CLASS}"
    target.set("class", f"{target.get('class', '')} {classes}".strip())
    shown = removal_reason(reason)
    target.set("title", QCoreApplication.translate("OriginalPane", "Removed: {reason}").format(reason=shown))
    target.set("data-triage-reason", shown)
    return True


def _open_shadow_roots(root: lxml.html.HtmlElement, css: str) -> None:
    """Let the web view draw the page's declarative shadow roots and shade removed blocks inside them: each
    becomes an open `shadowrootmode` root (the names Chrome's MHTML and older SingleFile used are not read
    from HTML any more; an open root lets the pane find a block by its id) with the shading style in it (a
    page's style sheet does not reach into a shadow root)."""
    for template in root.iter("template"):
        if not is_shadow_root(template):
            continue
        for name in SHADOW_ROOT_ATTRIBUTES:
            template.attrib.pop(name, None)
        template.set("shadowrootmode", "open")
        style = lxml.html.Element("style")
        style.text = css
        template.insert(0, style)


def mark_page(
    page_html: str,
    blocks: list[Block],
    *,
    doc_id: int,
    resource_names: Iterable[str] = (),
    base_url: str | None = None,
    csp: bool = True,
    colours: ReaderColours = LIGHT,
) -> MarkedPage:
    """Give each block's element an id, shade the removed ones, point resources at the library."""
    root = _parse(page_html)
    tree = root.getroottree()
    result = MarkedPage("")
    located: list[tuple[Block, lxml.html.HtmlElement]] = []
    for block in blocks:
        path = dom_path(block)
        if path is None:
            continue
        try:
            found = tree.xpath(path)
        except lxml.etree.XPathError:
            found = []
        element = found[0] if found and isinstance(found[0], lxml.html.HtmlElement) else None
        if element is None:
            result.unmatched.append(block.index)
            continue
        anchor = element.get("id") or block_anchor(block.index)
        element.set("id", anchor)
        result.anchors[block.index] = anchor
        located.append((block, element))
    holds_kept = {id(a) for block, e in located if block.kept for a in e.iterancestors()}
    # The label is shown once for a run of blocks shaded one after another for the same reason.
    previous, previous_shaded = -2, False
    previous_reason: str | None = None
    for block, element in located:
        shaded = False
        if not block.kept:
            run = previous_shaded and previous == block.index - 1 and previous_reason == block.reason
            shaded = _shade(element, block.reason or "removed by the cleaner", contains_kept=id(element) in holds_kept, labelled=not run)
        previous, previous_shaded, previous_reason = block.index, shaded, block.reason
    for base in root.iter("base"):
        base_url = base.get("href") or base_url
        base.drop_tree()
    for meta in root.xpath("//meta[@http-equiv]"):
        if meta.get("http-equiv", "").lower() in ("refresh", "content-security-policy"):
            meta.drop_tree()
    mapping = _resource_mapper(doc_id, resource_names)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attr in _URL_ATTRS:
            value = element.get(attr)
            if value:
                element.set(attr, _rewrite_url(value, mapping, base_url))
        style = element.get("style")
        if style and "url(" in style:
            element.set("style", _rewrite_css(style, mapping, base_url))
        if element.tag == "style" and element.text and "url(" in element.text:
            element.text = _rewrite_css(element.text, mapping, base_url)
    head = root.find("head")
    if head is None:
        head = lxml.html.Element("head")
        root.insert(0, head)
    style_el = lxml.html.Element("style")
    style_el.text = stylesheet(colours)
    head.append(style_el)
    _open_shadow_roots(root, style_el.text)
    if csp:
        meta = lxml.html.Element("meta")
        meta.set("http-equiv", "Content-Security-Policy")
        meta.set("content", CSP)
        head.insert(0, meta)
    charset_meta = lxml.html.Element("meta")
    charset_meta.set("charset", "utf-8")
    head.insert(0, charset_meta)
    for old in root.xpath("//meta[@charset] | //meta[translate(@http-equiv,'CONTENTYP','contentyp')='content-type']"):
        if old is not charset_meta:
            old.drop_tree()
    result.html = "<!DOCTYPE html>\n" + lxml.html.tostring(root, encoding="unicode")
    return result
