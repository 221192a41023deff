"""Calling trafilatura: its own `extract`, with lxml.html's element classes chosen in C.

trafilatura parses a page with a module-level `lxml.html.HTMLParser`. That parser asks a Python method
(`HtmlElementClassLookup.lookup`) which class every element proxy gets, so that forms and inputs get
their own classes; trafilatura creates a proxy for most elements of the page, several times over (its
copies, its fallbacks), and never uses what those classes add. The same parser with lxml's C-level
default lookup (every element an `HtmlElement`) builds the same tree, and trafilatura's text is the
same (checked on every development page: `tests/core/test_extractor_call.py`, `bench clean-same`), in
about 6% less time (docs/performance.md, "Fourth pass").

The parser is swapped in only for the length of the call, under a lock, and put back: trafilatura
called by anything else keeps its own.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_SWAP = threading.Lock()


def c_lookup_parser() -> Any:
    """A parser with the options of trafilatura's own (`trafilatura.utils.HTML_PARSER`) whose element
    classes are looked up in C (about 2 us to make, so one is made per call)."""
    from lxml import etree  # type: ignore[import-untyped]
    from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction  # type: ignore[import-untyped]

    parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity)
    )
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
