"""Calling trafilatura: on the tree the cleaner parsed (`extract_from_tree`), or its own `extract` on the
markup with lxml.html's element classes chosen in C (`extract_text`).

trafilatura parses a page with a module-level `lxml.html.HTMLParser`. That parser asks a Python method
(`HtmlElementClassLookup.lookup`) which class every element proxy gets, so that forms and inputs get
their own classes; trafilatura creates a proxy for most elements of the page, several times over (its
copies, its fallbacks), and never uses what those classes add. The same parser with lxml's C-level
default lookup (every element an `HtmlElement`) builds the same tree, and trafilatura's text is the
same (checked on every development page: `tests/core/test_extractor_call.py`, `bench clean-same`), in
about 6% less time (docs/performance.md, "Fourth pass").

The parser is swapped in only for the length of the call, under a lock, and put back: trafilatura
called by anything else keeps its own.

Most pages need no parse by trafilatura at all: `html_parse.parse_html` makes the same tree with the same
element classes, and trafilatura runs its steps on it (`extract_from_tree`) after the cleaner has read
it, instead of parsing the markup again and copying the tree (docs/performance.md, "Fifth pass").
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from lxml import etree  # type: ignore[import-untyped]
from lxml.html.defs import block_tags, empty_tags  # type: ignore[import-untyped]

from triage_app.core.clean.html_parse import (
    HTML_CLASSES_IN_C,
    closes_the_html_tag,
    has_xml_declaration,
    reaches_depth,
    self_closed_html_match,
)

_SWAP = threading.Lock()


def c_lookup_parser() -> Any:
    """A parser with the options of trafilatura's own (`trafilatura.utils.HTML_PARSER`) whose element
    classes are looked up in C (about 2 us to make, so one is made per call)."""
    from lxml.html import HTMLParser  # type: ignore[import-untyped]

    parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(HTML_CLASSES_IN_C)
    return parser


@contextmanager
def _c_lookup_parser_in_trafilatura() -> Iterator[None]:
    from trafilatura import utils

    with _SWAP:
        own = utils.HTML_PARSER
        utils.HTML_PARSER = c_lookup_parser()
        try:
            yield
        finally:
            utils.HTML_PARSER = own


def extract_text(html: str, options: dict[str, Any]) -> str | None:
    """`trafilatura.extract(html, **options)`, with the C-lookup parser; None when it finds no text."""
    import trafilatura

    with _c_lookup_parser_in_trafilatura():
        return trafilatura.extract(html, **options)


_WHOLE_DOCUMENT_RE = re.compile(r"\s*<(?:html|!doctype)", re.IGNORECASE)
"""lxml.html's own test for a whole document (`lxml.html.fromstring`, which trafilatura parses with): anything else
is a fragment, whose root is chosen in the parsed document (`_fragment_root`)."""
_STRIPPED_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
"""The ASCII control characters trafilatura deletes from the markup before parsing (`utils.INVALID_XML_CHARS`,
with U+FFFE and U+FFFF), which libxml2 keeps. Looked for in the UTF-8 bytes: `bytes.translate` finds them
in a third of the time of that regular expression on the str."""
_PARSER_DEPTH = 255
"""libxml2 cuts a tree at 256 levels unless asked for more (`huge_tree`, which our parser is and
trafilatura's is not): a page this deep is not the same tree for both."""
_NO_HUGE_TEXT = 2_500_000
"""Without `huge_tree` libxml2 also refuses a text node past 10,000,000 bytes (a page's inline data, say): a page
of at most this many characters (4 bytes each at most in UTF-8) cannot hold one, a longer one goes to the markup."""
_DEEPER_THAN_TRAFILATURA = reaches_depth(_PARSER_DEPTH)
_SETTING_OF_OPTION = {
    "include_comments": "comments",
    "fast": "fast",
    "favor_precision": "precision",
    "favor_recall": "recall",
    "include_tables": "tables",
    "include_formatting": "formatting",
    "include_links": "links",
    "include_images": "images",
}
"""`trafilatura.extract`'s options that `extract_from_tree` passes on (as `_internal_extraction` names
them in its `Extractor`); any other option runs `extract_text` on the markup."""


def tree_is_trafilaturas(html: str, tree: etree._Element) -> bool:
    """True when `parse_html`'s tree of `html` holds the tree trafilatura would make of it itself
    (`trafilaturas_root`), so `extract_from_tree` gives its text: without the characters trafilatura strips
    first, nor a "/>" near `<html` that it rewrites into another tree (`_rewritten_unlike_ours`), no
    `<noframes>` (whose content `parse_html` parses), not deeper nor with a longer text than trafilatura's
    parser reads, its root with a child (else trafilatura parses the markup again, as bytes).

    trafilatura's other repair (a doctype on the first line is cut out: an lxml bug on some doctypes)
    leaves libxml2's text the same: trafilatura's text from our tree and from the markup are the same on
    the 3,003 of the 3,246 development pages that pass the other tests (docs/performance.md, "Fifth pass")."""
    if len(html) > _NO_HUGE_TEXT or (root := trafilaturas_root(html, tree)) is None:
        return False
    return (
        len(root[0]) > 0
        and not _rewritten_unlike_ours(html)
        and not _has_stripped_characters(html)
        and tree.find(".//noframes") is None
        and not _DEEPER_THAN_TRAFILATURA(tree)
    )


Root = tuple[etree._Element, str | None]
"""trafilatura's root in our tree, and the tag lxml.html gives it when it is the fragment's renamed `<body>`."""
_XHTML = "{http://www.w3.org/1999/xhtml}"


def trafilaturas_root(html: str, tree: etree._Element) -> Root | None:
    """The element of `parse_html`'s tree of `html` that `lxml.html.fromstring` (trafilatura's parse) returns:
    the document for a whole one, else the root `_fragment_root` chooses; None when the markup carries an
    XML declaration (trafilatura parses it as bytes then: another decoding) or lxml.html would merge
    several `<head>` or `<body>` elements (another tree)."""
    if has_xml_declaration(html):
        return None
    if _whole_document_to_lxml(html):
        return tree, None
    return _fragment_root(tree)


def _whole_document_to_lxml(html: str) -> bool:
    """lxml.html's whole-document test on the markup as trafilatura gives it to lxml: with a doctype in its
    first 50 characters, trafilatura first cuts the doctype out of the first line (`utils.DOCTYPE_TAG`), and
    what follows may not start with `<html`."""
    from trafilatura.utils import DOCTYPE_TAG

    if "doctype" not in html[:50].lower():
        return _WHOLE_DOCUMENT_RE.match(html) is not None
    end = html.find("\n")
    first = DOCTYPE_TAG.sub("", html if end < 0 else html[:end], count=1)
    if first.strip() or end < 0:
        return _WHOLE_DOCUMENT_RE.match(first) is not None
    return _WHOLE_DOCUMENT_RE.match(html, end + 1) is not None


def _fragment_root(doc: etree._Element) -> Root | None:
    """`lxml.html.fromstring`'s root for a fragment, in the document parsed from it: the document when it has a
    `<head>` or no `<body>`, the body's only child when the body holds nothing else, else the body renamed
    `div` (`span` when it holds no block-level element). None when lxml.html would merge heads or bodies."""
    bodies = doc.findall("body") or doc.findall(f"{_XHTML}body")
    heads = doc.findall("head") or doc.findall(f"{_XHTML}head")
    if len(bodies) > 1 or len(heads) > 1:
        return None
    if heads or not bodies:
        return doc, None
    body = bodies[0]
    if len(body) == 1 and not (body.text or "").strip() and not (body[-1].tail or "").strip():
        return body[0], None
    blocks = any(el.tag.rsplit("}", 1)[-1] in block_tags for el in body.iter(etree.Element))
    return body, "div" if blocks else "span"


def _rewritten_unlike_ours(html: str) -> bool:
    """trafilatura rewrites a "/>" near `<html` before parsing (`html_parse.self_closed_html_match`) and the tree it
    parses is not ours: not when that "/>" closes the `<html>` tag itself (`parse_html` opens it the same way)
    nor when it closes a void element (`<meta .../>` and `<meta ...>` are one element to libxml2)."""
    match = self_closed_html_match(html)
    if match is None:
        return False
    last_tag = match.group(1).rsplit("<", 1)[-1]
    return not closes_the_html_tag(match) and last_tag.split(None, 1)[0].lower() not in empty_tags


def _has_stripped_characters(html: str) -> bool:
    """The markup holds a character of `_STRIPPED_BYTES`, U+FFFE or U+FFFF."""
    encoded = html.encode("utf-8", "surrogatepass")
    return len(encoded.translate(None, _STRIPPED_BYTES)) != len(encoded) or "\ufffe" in html or "\uffff" in html


def options_on_a_tree(options: dict[str, Any]) -> bool:
    """True when `extract_from_tree` knows every one of these options."""
    return all(name in _SETTING_OF_OPTION for name in options)


def extract_from_tree(html: str, tree: etree._Element, options: dict[str, Any]) -> str | None:
    """`trafilatura.extract(html, **options)` run on the tree we parsed (`tree_is_trafilaturas`): its
    own steps from the tree on, without its parse of the markup and its copy of the tree (1-1.8 ms of CPU
    per page on four development sets). **The tree is changed**: trafilatura prunes comment sections and endless-scroll
    containers out of it, so whatever reads it must do so first.

    The steps are `bare_extraction`'s and `_internal_extraction`'s for these options (no metadata,
    language or size limits asked for): its rejection of a page without "html" in its first 50 characters
    whose root has one child, its cascade (`trafilatura_sequence`), None where it raises TypeError or
    ValueError (libxml2 keeps a control character written as a character reference, lxml refuses it when
    trafilatura sets a text), its minimum sizes and its text output."""
    from trafilatura.core import determine_returnstring, trafilatura_sequence
    from trafilatura.settings import Document, Extractor
    from trafilatura.utils import is_dubious_html

    found = trafilaturas_root(html, tree)
    if found is None:
        raise ValueError("not a tree trafilatura would parse from this markup")
    tree, renamed = found
    if renamed:
        tree.tag = renamed  # as lxml.html names a fragment's body
    if is_dubious_html(html[:50].lower()) and len(tree) < 2:
        return None
    settings = Extractor(**{_SETTING_OF_OPTION[name]: value for name, value in options.items()})
    try:
        body, text, comments_body, comments = trafilatura_sequence(tree, settings, settings.url)
    except (TypeError, ValueError):  # as `bare_extraction`: "discarding data" (a control character from a reference such as `&#26;`)
        return None
    if len(text) < settings.min_output_size and len(comments) < settings.min_output_comm_size:
        return None
    document = Document()
    document.raw_text, document.body, document.commentsbody = text, body, comments_body
    return determine_returnstring(document, settings)
