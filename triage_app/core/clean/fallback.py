"""Segmenting markup without a tree, for pages lxml cannot handle (nesting past its depth limit).

Python's `html.parser` tokenizes the page as a stream; a bounded stack of open elements gives each
block an approximate DOM path. No recursion, so any depth and any size works.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from triage_app.core.clean.dom_names import context_reason
from triage_app.core.clean.html_blocks import BREAKING, LEAF_KINDS, SHADOW_ROOT_ATTRIBUTES, SKIPPED, RawBlock
from triage_app.core.clean.invisible import without_invisible

_WS_RE = re.compile(r"\s+")
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr", "param"}
_MAX_PATH = 64


class _StreamSegmenter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[RawBlock] = []
        self.parts: list[str] = []
        self.stack: list[tuple[str, str | None]] = []  # (tag, context reason)
        self.counts: list[dict[str, int]] = [{}]
        self.path: list[str] = []
        self.skip_depth = 0

    def _flush(self) -> None:
        if not self.parts:
            return
        text = without_invisible(_WS_RE.sub(" ", "".join(self.parts)).strip())
        self.parts = []
        if not text:
            return
        tag = self.stack[-1][0] if self.stack else "body"
        shown = self.path[:_MAX_PATH]
        path = "dom:/" + "/".join(shown) + ("/…" if len(self.path) > _MAX_PATH else "")
        context = tuple(r for _t, r in reversed(self.stack[-200:]) if r)
        self.blocks.append(RawBlock(text, LEAF_KINDS.get(tag, "paragraph"), path, tag, 0, context[:4], ()))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_depth:
            if tag in SKIPPED and tag not in _VOID:
                self.skip_depth += 1
            return
        shadow_root = tag == "template" and any(name in SHADOW_ROOT_ATTRIBUTES for name, _value in attrs)
        if tag in SKIPPED and not shadow_root:
            if tag not in _VOID:
                self.skip_depth = 1
            return
        if tag == "br":
            self.parts.append(" ")
            return
        if tag in BREAKING or shadow_root:
            self._flush()
        if tag in _VOID:
            return
        counts = self.counts[-1]
        counts[tag] = counts.get(tag, 0) + 1
        self.path.append(f"{tag}[{counts[tag]}]")
        self.counts.append({})
        names = " ".join(v for k, v in attrs if k in ("class", "id", "role") and v)
        self.stack.append((tag, context_reason(tag, names)))

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            if tag in SKIPPED:
                self.skip_depth -= 1
            return
        if tag in _VOID or not any(t == tag for t, _r in self.stack[-50:]):
            return
        if tag in BREAKING or tag == "template":  # an open template is a shadow root (others are skipped)
            self._flush()
        while self.stack:
            open_tag, _reason = self.stack.pop()
            self.path.pop()
            self.counts.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def segment_markup(html: str) -> list[RawBlock]:
    """Blocks of a page read as a token stream (never raises on odd markup)."""
    parser = _StreamSegmenter()
    try:
        # A NUL is U+FFFD to libxml2 and to browsers (the HTML standard): read it so here too, or the page's
        # text would change once it is parsed as a tree.
        parser.feed(html.replace("\x00", "\ufffd"))
        parser.close()
    except (AssertionError, ValueError, IndexError):
        parser._flush()
    return parser.blocks
