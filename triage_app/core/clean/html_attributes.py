"""What a breaking element's attributes say to the walk (`html_walk._walk`): its class/id words, whether it is really
hidden (the `hidden` attribute, an inline display:none, `aria-hidden` on a decoration) or only collapsed (a tab
panel, an accordion, a streamed part a script moves into place), and the context reason its names give.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from triage_app.core.clean.dom_names import HIDDEN_STYLE_RE, context_reason
from triage_app.core.clean.patterns import HIDDEN

Get = Callable[[str], Any]  # an element's (or its attribute dict's) `get`


def own_attrs(el: etree._Element) -> str:
    """The element's class, id, role and itemprop values, as one string of words (`attrs_words`)."""
    return attrs_words(el.get)


def attrs_words(get: Get) -> str:
    """The class value alone when there is no id, role or itemprop (most elements), else all four joined."""
    klass, ident, role, itemprop = get("class"), get("id"), get("role"), get("itemprop")
    if not (ident or role or itemprop):
        return klass or ""
    return " ".join([v for v in (klass, ident, role, itemprop) if v])


def is_hidden(el: etree._Element) -> bool:
    """Real hiding only: the `hidden` attribute, an inline display:none / visibility:hidden, or
    `aria-hidden` on an element that holds no paragraphs (icons and decorations, not an article
    that a script marks hidden behind a dialog)."""
    hidden = hidden_by_attributes(el.get)
    if hidden is None:
        return el.tag not in ("article", "main", "body") and el.find(".//p") is None
    return hidden


def hidden_by_attributes(get: Get) -> bool | None:
    """`is_hidden` as far as the attributes say; None for `aria-hidden`, which needs the subtree."""
    if get("hidden") is not None:
        return not collapsed_by_attributes(get)
    if get("aria-hidden") == "true":
        return None
    style = get("style")
    return bool(style and HIDDEN_STYLE_RE.search(style)) and not collapsed_by_attributes(get)


COLLAPSED_RE = re.compile(r"accordion|collaps|answer|tab-?pane|tabpanel|read-?more|show-?more|expand", re.IGNORECASE)
STREAMED_ID_RE = re.compile(r"S:[0-9a-f]+")  # React numbers its streamed segments in hex ("S:c", "S:1a")


def is_collapsed(el: etree._Element) -> bool:
    """Content the reader opens with a click, or that a script moves into place: a tab panel, an
    accordion or "read more" part, `hidden="until-found"`, a streamed server-rendered part (`<div hidden
    id="S:0">`). It is hidden now but it is the page's text, not a dialog or a decoration."""
    return collapsed_by_attributes(el.get)


def collapsed_by_attributes(get: Get) -> bool:
    """`is_collapsed` from the attributes' `get`."""
    if get("role") == "tabpanel" or get("hidden") == "until-found" or STREAMED_ID_RE.fullmatch(get("id") or ""):
        return True
    return bool(COLLAPSED_RE.search(f"{get('class') or ''} {get('id') or ''}"))


SUBTREE = ("", None, False)  # the attributes' verdict needs the element's subtree (`aria-hidden`)


def attribute_verdict(tag: str, items: tuple[tuple[str, str], ...]) -> tuple[str, str | None, bool]:
    """(class/id words, context reason, itemprop is articleBody) of a breaking element from its tag and
    attributes alone, as the walk decides them; `SUBTREE` when that needs the element's subtree."""
    get = dict(items).get
    hidden = hidden_by_attributes(get)
    if hidden is None:
        return SUBTREE
    attrs = attrs_words(get)
    reason = HIDDEN if hidden else context_reason(tag, attrs)
    if reason == HIDDEN and collapsed_by_attributes(get):
        reason = None
    return attrs, reason, get("itemprop") == "articleBody"
