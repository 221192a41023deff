"""The briefing's second line of defence: nh3 (ammonia) with a small allow-list, after escaping.

Every string from the library is already escaped where the briefing writes it; this pass keeps only the
tags and attributes the briefing uses, no script and no URL that leaves the page (only "#anchor" links).
"""

from __future__ import annotations

import nh3

_ALLOWED_TAGS = {
    "a", "b", "blockquote", "br", "div", "dl", "dd", "dt", "em", "h1", "h2", "h3", "h4", "header", "footer",
    "li", "nav", "ol", "p", "section", "small", "span", "strong", "table", "tbody", "td", "th", "thead", "tr",
    "ul", "code", "hr", "bdi",
}
_ALLOWED_ATTRS = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href"},
    "table": {"border", "cellpadding", "cellspacing", "width"},
    "td": {"colspan", "width", "valign"},
    "th": {"colspan", "width", "align"},
}


def sanitise(fragment: str) -> str:
    """Pass an HTML fragment through nh3 with the briefing's allow-list (no script, no remote URL)."""
    return nh3.clean(
        fragment,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRS,
        url_schemes={"https"},  # and then only in-page "#anchor" links survive the filter below
        attribute_filter=_only_local_links,
        link_rel=None,
        strip_comments=True,
    )


def _only_local_links(tag: str, attribute: str, value: str) -> str | None:
    """Keep `href` only when it points inside the page; nothing else in the briefing is a URL."""
    if attribute == "href" and not value.startswith("#"):
        return None
    return value
