"""What a block of an HTML page is: the elements that make blocks, and the `RawBlock` record each becomes.

The tag sets are shared by the walk over the tree (`html_walk.py`) and the streaming tokenizer for pages
lxml cannot handle (`fallback.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree  # type: ignore[import-untyped]

from triage_app.core.clean.patterns import normalise

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
SHADOW_ROOT_ATTRIBUTES = ("shadowrootmode", "shadowroot", "shadowmode")
"""Attributes that make a `<template>` a declarative shadow root: its content is shown, not inert. A browser
that saves a page (SingleFile, Chrome's MHTML) writes each open shadow root of a web component this way
(`shadowrootmode`, its earlier name `shadowroot`, and `shadowmode` in Chrome's MHTML), and a page rendered on
the server ships its components so."""


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
    shown: tuple[str, str] | None = None  # (text, kind) the cleaned text shows instead of `text` (`preformatted`: a <pre>)

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    def with_context(self, context: tuple[str, ...], context_paths: tuple[str, ...]) -> RawBlock:
        """A copy with other context reasons and ids (made field by field: `dataclasses.replace` costs 4x as much,
        and the `frames` rule copies every block under a page's frame)."""
        return RawBlock(
            self.text, self.kind, self.path, self.tag, self.link_chars, context, context_paths, self.in_article, self.own_attrs, self.tokens,
            self.shown,
        )

    @property
    def norm(self) -> str:
        """`patterns.normalise(self.text)`: the block's tokens joined, once they are made (no second tokenising)."""
        return " ".join(self.tokens) if self.tokens is not None else normalise(self.text)


def is_shadow_root(el: etree._Element) -> bool:
    """A declarative shadow root (`SHADOW_ROOT_ATTRIBUTES`): a `<template>` whose content the page shows."""
    return el.tag == "template" and any(el.get(name) is not None for name in SHADOW_ROOT_ATTRIBUTES)
