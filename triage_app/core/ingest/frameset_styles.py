"""The style sheets of a frame, kept to its own part of a composed frameset page (`framesets.compose_frames`).

In a frameset each frame is a document of its own: the banner frame's `body { background: navy; color: white }`
colours only the banner. Put together in one page, the same rule would paint every frame, white text on the
story's white page. Each frame's sheets (its `<style>`s and the stored files of its `<link rel=stylesheet>`s)
are wrapped in CSS `@scope` on the frame's holder, with `html` and `body` selectors read as the holder itself.
Qt WebEngine (Chromium 122 and later) applies `@scope`; a view without it drops the rules and shows the
frames unstyled, never one frame's colours on another.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]

from triage_app.core.records import Resource

_SELECTOR_RE = re.compile(r"([^{}]*)\{")
# `html` or `body` with its qualifiers (`body.home`, `html[lang]`): the frame's root, which is the holder here
_ROOT_RE = re.compile(r"(?<![\w\-.#:\[])(?:html|body)(?![\w-])(?:[.#][\w-]+|\[[^\]]*\]|:[\w-]+(?:\([^)]*\))?)*", re.IGNORECASE)
_REPEATED_SCOPE_RE = re.compile(r":scope(?:\s*>?\s*:scope)+")
_URL_RE = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
MAX_SHEET_BYTES = 2_000_000
"""A linked sheet larger than this is left out (the frame's text is not affected)."""


def _attribute_selector(attribute: str, value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'[{attribute}="{escaped}"]'


def scoped_css(css: str, attribute: str, value: str) -> str:
    """`css` applied only inside the element whose `attribute` is `value`; `html`/`body` selectors name it."""

    def selectors(match: re.Match[str]) -> str:
        text = match.group(1)
        if text.lstrip().startswith("@"):  # @media, @supports: their rules are rewritten one by one
            return match.group(0)
        return _REPEATED_SCOPE_RE.sub(":scope", _ROOT_RE.sub(":scope", text)) + "{"

    return f"@scope ({_attribute_selector(attribute, value)}) {{\n{_SELECTOR_RE.sub(selectors, css)}\n}}"


def _rebased_url(match: re.Match[str], *, rebase: Callable[[str, str], str], sheet_name: str) -> str:
    quote = match.group(1)
    return f"url({quote}{rebase(match.group(2), sheet_name)}{quote})"


def _style(css: str) -> lxml.html.HtmlElement:
    """A `<style>` holding `css`; a stored sheet is any file, and "</style><script>" in it would close the element
    when the page is parsed again, so "</" is written as "<\\/" (a stray token to CSS, nothing to HTML)."""
    element = lxml.html.Element("style")
    element.text = css.replace("</", "<\\/")
    return element


def _is_sheet(element: lxml.html.HtmlElement) -> bool:
    rel = (element.get("rel") or "").lower().split()
    return element.tag == "link" and "stylesheet" in rel and "alternate" not in rel


def inline_styles(frame_head: lxml.html.HtmlElement | None, attribute: str, value: str) -> list[lxml.html.HtmlElement]:
    """The frame's own `<style>` elements, scoped (their `url()`s are still relative to the frame)."""
    if frame_head is None:
        return []
    return [_style(scoped_css(el.text or "", attribute, value)) for el in frame_head.iter("style")]


def linked_styles(
    frame_head: lxml.html.HtmlElement | None,
    attribute: str,
    value: str,
    find: Callable[[str], Resource | None],
    rebase: Callable[[str, str], str],
) -> list[lxml.html.HtmlElement]:
    """The frame's linked sheets found among the stored files (`find` by the link as the frame wrote it),
    scoped, with their `url()`s rebased from the sheet's own location (`rebase(link, sheet name)`)."""
    if frame_head is None:
        return []
    styles: list[lxml.html.HtmlElement] = []
    for link in frame_head.iter("link"):
        if not _is_sheet(link) or (link.get("media") or "").strip().lower() == "print":
            continue
        sheet = find(link.get("href") or "")
        if sheet is None or len(sheet.data) > MAX_SHEET_BYTES:
            continue
        css = sheet.data.decode("utf-8", errors="replace").lstrip("\ufeff")
        css = _URL_RE.sub(partial(_rebased_url, rebase=rebase, sheet_name=sheet.name), css)
        styles.append(_style(scoped_css(css, attribute, value)))
    return styles
