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

Most pages need no parse by trafilatura at all: `html.parse_html` makes the same tree with the same
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
from lxml.html.defs import empty_tags  # type: ignore[import-untyped]

from triage_app.core.clean.html import HTML_CLASSES_IN_C, closes_the_html_tag, self_closed_html_match

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


_WHOLE_DOCUMENT_RE = re.compile(r"^\s*<(?:html|!doctype)", re.IGNORECASE)
"""lxml.html's own test for a whole document: trafilatura parses anything else as a fragment, whose
`<body>` (renamed) or only child becomes the root, so its tree is not ours."""
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
_DEEPER_THAN_TRAFILATURA = etree.XPath("boolean(/" + "*/" * (_PARSER_DEPTH - 1) + "*)")
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
    """True when `parse_html`'s tree of `html` is the tree trafilatura would make of it itself, so
    `extract_from_tree` gives its text: a whole document without the characters trafilatura strips
    first, nor a "/>" near `<html` that it rewrites into another tree (`_rewritten_unlike_ours`), no
    `<noframes>` (whose content `parse_html` parses), not deeper nor with a longer text than trafilatura's
    parser reads, with a child.

    trafilatura's other repair (a doctype on the first line is cut out: an lxml bug on some doctypes)
    leaves libxml2's text the same: trafilatura's text from our tree and from the markup are the same on
    the 3,003 of the 3,246 development pages that pass the other tests (docs/performance.md, "Fifth pass")."""
    return (
        len(html) <= _NO_HUGE_TEXT
        and _WHOLE_DOCUMENT_RE.match(html) is not None
        and len(tree) > 0
        and not _rewritten_unlike_ours(html)
        and not _has_stripped_characters(html)
        and tree.find(".//noframes") is None
        and not _DEEPER_THAN_TRAFILATURA(tree)
    )


def _rewritten_unlike_ours(html: str) -> bool:
    """trafilatura rewrites a "/>" near `<html` before parsing (`html.self_closed_html_match`) and the tree it
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
