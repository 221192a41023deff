"""Rule `frames`: an ancestor that holds most of the kept text is the page's frame, not one of its parts.

A block's context is the reasons its ancestors' tags and class/id words give ("navigation" for a `<nav>` or a
`sidebar` class). A wrapper around the whole article whose class describes the layout (`<div class="site
has-sidebar">`) or ASP.NET's `<form>` around the whole page gave every block that context: every block the extractor
left out was labelled by it, and the rules that trust a context (`repeats`, `gaps`) never looked at the page. The
page's `<html>` and `<body>` name no context at all (`dom_names.PAGE_ROOTS`, in the walk).
"""

from __future__ import annotations

from triage_app.core.clean import patterns as P
from triage_app.core.clean.html_blocks import RawBlock

FRAME_SHARE = 0.5
"""An ancestor whose names say "sidebar", "menu", "footer" ... but which holds at least this share of the text
the extractor kept is the page's frame, not one of its parts (`<div class="wrapper has-sidebar">`)."""


def without_frames(blocks: list[RawBlock], kept: list[bool]) -> list[RawBlock]:
    """The blocks with the ancestors that hold `FRAME_SHARE` of the kept text or more taken out of their
    contexts (a copy of each block that changes; `blocks` itself is left as it is).

    Their names describe the page's layout, not the block: left in, every block the extractor leaves out is
    labelled by the frame ("navigation" for a whole page whose wrapper says `sidebar-right`), and the rules
    that trust a context (repeated paragraphs, paragraphs between kept blocks) never look at such a page.
    Hidden ancestors stay: hiding is a fact about the block whatever else it holds."""
    total = sum(len(b.text) for b, k in zip(blocks, kept) if k)
    under: dict[str, int] = {}
    for block, keep in zip(blocks, kept):
        if keep:
            for reason, path in zip(block.context, block.context_paths):
                if reason != P.HIDDEN:
                    under[path] = under.get(path, 0) + len(block.text)
    frames = {path for path, chars in under.items() if chars >= FRAME_SHARE * total} if total else set()
    if not frames:
        return blocks
    return [_outside(block, frames) if frames.intersection(block.context_paths) else block for block in blocks]


def _outside(block: RawBlock, frames: set[str]) -> RawBlock:
    pairs = [(c, p) for c, p in zip(block.context, block.context_paths) if p not in frames]
    return block.with_context(tuple(c for c, _p in pairs), tuple(p for _c, p in pairs))
