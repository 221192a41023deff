"""The rules at the edges of the kept text: link runs beside it and chrome lines at its start and end.

Rules `link-runs` and `edges` run once every block has its reason (`block_reasons.decide`). Neither removes
so much that less than `floor` characters stay kept (the guard's share of what the extractor kept), so
they never make the guard undo the other rules.
"""

from __future__ import annotations

from itertools import accumulate

from triage_app.core.clean import patterns as P
from triage_app.core.clean import text_reasons as TR
from triage_app.core.clean.html_blocks import RawBlock
from triage_app.core.clean.line_features import is_prose
from triage_app.core.clean.text_lines import Line, words_in


def is_short(block: RawBlock, words: int = 25) -> bool:
    """At most `words` words: the rules' test for a short block (here and in `block_reasons`); Chinese and Japanese
    text counts two characters a word, as a dump's lines do (`text_lines.words_in`)."""
    return words_in(block.text) <= words


def _edge_reason(block: RawBlock) -> str | None:
    """A boilerplate pattern an edge block matches: the patterns of any length (`text_reasons.long_reason`), and
    those of short menu-like lines (`text_reason`) only on a short block that does not read as prose (a
    closing paragraph "Also on Tuesday, a judge ..." starts like a "related" label)."""
    if is_short(block) and not is_prose(Line(0, block.text, 0)):
        return TR.text_reason(block.text)
    return TR.long_reason(block.text)


def edge_boilerplate(blocks: list[RawBlock], reasons: list[str | None], titles: set[str], floor: float = 0.0) -> None:
    """The extractor's region often takes in a line of the page's chrome next to the article: "Skip to main
    content", "View in browser", "Subscribe to: Post Comments (Atom)", a copyright line, an unsubscribe
    footer. Kept blocks at the start and at the end of the kept text that match a boilerplate pattern as the
    dump scorer reads lines (`text_reasons.text_reason` when short, else `long_reason`) are removed, edge inwards, up to the first
    that is not; the same line inside the text stays (prose that mentions a newsletter). A page title is
    never one (a headline that starts "Print ..."): at the start it is passed over and kept, so the chrome set
    under it ("5 min read", "Listen to this article") goes too. Nor is a photo credit: that is the article's picture, not the
    page's chrome (and "(photo above)" opens prose paragraphs). No line goes that would leave less than `floor` characters
    kept (the guard's share, as for `link-runs`): this rule never makes the guard undo the others."""
    kept = [i for i, reason in enumerate(reasons) if reason is None]
    left = sum(len(blocks[i].text) for i in kept)
    for order in (kept, kept[::-1]):
        for i in order:
            block = blocks[i]
            if block.norm in titles:
                if order is kept:  # the headline stays and the start's chrome may be under it
                    continue
                break
            reason = _edge_reason(block)
            if reason in (None, P.CAPTION) or reasons[i] is not None or left - len(block.text) < floor:  # reasons[i]: the other pass took it
                break
            reasons[i] = reason
            left -= len(block.text)


LINK_RUN_EDGE = 400
"""A link run is a list beside the article only when at most this many characters of kept text that is
not link text lie before it or after it; with more on both sides it is a list inside the article."""


def link_runs(blocks: list[RawBlock], reasons: list[str | None], floor: float = 0.0) -> None:
    """Runs of two or more kept blocks that are all link text, before or after the page's own text, are
    link lists (related stories, menus).

    A run with the article's text on both sides is one of its lists (items it talks about, patches, deals,
    cards) and stays. Nothing is removed when the runs would leave less than `floor` characters kept (the
    guard's share of what the extractor kept): then the links are the page, and the guard would otherwise
    undo every other rule's removals with this one's."""
    # Characters of kept text that is not link text before each block (and in all, at the end)
    before = list(accumulate((len(b.text) if r is None and not _is_link_text(b) else 0 for b, r in zip(blocks, reasons)), initial=0))
    runs = [run for run in _dense_runs(blocks, reasons) if _beside_the_text(before, run)]
    removed = sum(len(blocks[j].text) for run in runs for j in run)
    if sum(len(b.text) for b, r in zip(blocks, reasons) if r is None) - removed < floor:
        return
    for run in runs:
        for j in run:
            reasons[j] = P.RELATED


def _is_link_text(block: RawBlock) -> bool:
    return block.link_density >= 0.8


def _dense_runs(blocks: list[RawBlock], reasons: list[str | None]) -> list[list[int]]:
    """Runs of two or more adjacent kept blocks that are short (30 words at most) and all link text."""
    runs: list[list[int]] = []
    run: list[int] = []
    for i in [*(i for i, r in enumerate(reasons) if r is None), -1]:
        dense = i >= 0 and _is_link_text(blocks[i]) and is_short(blocks[i], 30)
        if dense and (not run or _adjacent(blocks, reasons, run[-1], i)):
            run.append(i)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [i] if dense else []
    return runs


def _beside_the_text(before: list[int], run: list[int]) -> bool:
    """Whether at most `LINK_RUN_EDGE` characters of the page's own text (kept, not link text; `before[i]`
    of them precede block i) lie before `run` or after it: the run is at the start or the end of the text."""
    return min(before[run[0]], before[-1] - before[run[-1] + 1]) <= LINK_RUN_EDGE


def _adjacent(blocks: list[RawBlock], reasons: list[str | None], a: int, b: int) -> bool:
    """No kept block between a and b."""
    return all(reasons[k] is not None for k in range(a + 1, b))
