"""What an element's tag and class/id/role names say about its content: the context words, the names that hide an
element, and the page builders' names that say nothing (split from `patterns`, which holds the reasons and the text
patterns)."""

from __future__ import annotations

import re

from triage_app.core.clean.patterns import (
    ADVERT,
    AUTHOR_BIO,
    BYLINE,
    COMMENTS,
    FOOTER,
    HIDDEN,
    NAVIGATION,
    NEWSLETTER,
    RELATED,
    SHARE,
    TAGS,
)

# Class/id/role tokens of an element and what they mean. Tokens are whole words of the attribute
# split on non-letters, so "header" never matches "ad".
_CONTEXT_TOKENS: dict[str, str] = {}
for _reason, _words in (
    (COMMENTS, "comment comments commentlist disqus respond replies discussion"),
    (SHARE, "share sharing social sharebar socialbar addthis sharethis"),
    (NEWSLETTER, "newsletter subscribe subscription signup optin paywall regwall"),
    (RELATED, "related recommended recommendations outbrain taboola trending popular readmore morestories"),
    (AUTHOR_BIO, "bio authorbio author-bio about-author authorinfo"),
    (ADVERT, "ad ads advert advertisement adsense dfp sponsor sponsored promo gpt adslot adunit disclosure"),
    (NAVIGATION, "nav navbar navigation menu breadcrumb breadcrumbs masthead topbar sidebar widget sidebox"),
    (FOOTER, "footer colophon copyright"),
    (BYLINE, "byline dateline author-name timestamp"),
    (TAGS, "tags tag-list taglist keywords categories"),
):
    for _word in _words.split():
        _CONTEXT_TOKENS[_word] = _reason

_CLASS_TOKEN_RE = re.compile(r"(?<![a-z0-9])[a-z]+(?![a-z0-9])|[a-z]{3,}")
"""A chunk of letters alone between non-alphanumerics, else a run of three or more letters (inside a chunk that
mixes letters and digits: a chunk of letters alone matches the first alternative wherever it starts)."""


def class_tokens(lowered: str) -> list[str]:
    """The words of lower-cased class/id/role values: split on non-alphanumerics; in a chunk that
    mixes letters and digits only letter runs of 3+ count, so generated names ("kt-adv-heading2365_8440ad",
    "css-1ad3f9") do not give "ad" out of a hash while "heading2365" still gives "heading". One scan of the
    string (`_CLASS_TOKEN_RE`): a split and a test per chunk cost 40-100% more, with the same tokens on every one of
    the 113,587 distinct class/id strings of four development sets."""
    if "[" in lowered:  # a utility class with an arbitrary CSS value ("top-[var(--nav-height)]") names no part of the page
        lowered = " ".join(name for name in lowered.split() if "[" not in name)
    return _CLASS_TOKEN_RE.findall(lowered)


HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
"""An inline style that hides an element."""
# Whole class names that hide an element (a token of a longer name, as in "snippet-hidden", does not).
HIDDEN_CLASSES = frozenset(
    {
        "hidden", "hide", "is-hidden", "u-hidden", "d-none", "invisible", "sr-only",
        "visually-hidden", "visuallyhidden", "screen-reader-text", "screen-reader-only", "screenreader-only", "element-invisible", "offscreen",
    }
)
_TAG_REASONS = {"nav": NAVIGATION, "footer": FOOTER, "aside": RELATED, "form": NEWSLETTER}


# Page builders wrap every content module in a "widget" of their own namespace (Elementor's
# `elementor-widget-container`, SiteOrigin's `siteorigin-widget-tinymce`, `so-widget-sow-editor` and
# `so-panel widget widget_sow-editor`, HubSpot CMS's `hs_cos_wrapper_widget` and its modules' ids `widget_193128255529`):
# there "widget" names the builder's unit of layout, not a sidebar, so an element named by a builder loses every
# "widget" of its names (the rest, as in `elementor-widget-nav-menu`, still speaks). Blogger does the same with two names: every gadget is a `widget`
# followed by its kind, and `<div class="widget Blog" id="Blog1">` holds the posts (its sidebar gadgets, "widget
# LinkList", "widget BlogArchive", stay navigation).
_BUILDER_WIDGET_RE = re.compile(
    r"(?<![\w-])(?:(?:elementor|siteorigin|so|panel|hs_cos_wrapper)[-_]widget|so-panel(?![\w-])|widget blog(?![\w-])"
    r"|widget_\d{4,}(?![\w-]))"
)


_RECENT_LIST_RE = re.compile(r"(?:latest|recent)-(?:news|posts|articles|stories)")
"""A list of the site's newest pieces ("latest-news-box", WordPress's "recent-posts"): its words alone ("latest",
"news", "posts") name nothing, together they name the teasers beside or below an article."""

PAGE_ROOTS = frozenset(("html", "body"))
"""Elements that hold the whole page: their class names describe the page's layout ("has-sidebar",
"sidebar-right", "menu-open", "single-post"), not a part of it, so they name no context."""


def context_reason(tag: str, attrs: str) -> str | None:
    """What an element's tag and class/id/role words say about its content, or None (always for the page's
    roots, `PAGE_ROOTS`)."""
    if tag in PAGE_ROOTS:
        return None
    reason = _TAG_REASONS.get(tag)
    if reason:
        return reason
    if not attrs:
        return None
    lowered = attrs.lower()
    if not HIDDEN_CLASSES.isdisjoint(lowered.split()):
        return HIDDEN
    if "widget" in lowered and _BUILDER_WIDGET_RE.search(lowered):
        lowered = lowered.replace("widget", " ")
    for token in class_tokens(lowered):
        if token in _CONTEXT_TOKENS:
            return _CONTEXT_TOKENS[token]
    for compound in ("author-bio", "about-author", "author-name", "read-more", "more-stories"):
        if compound in lowered:
            return _CONTEXT_TOKENS.get(compound, RELATED)
    if _RECENT_LIST_RE.search(lowered):
        return RELATED
    return None
