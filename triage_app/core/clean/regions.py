"""The article region of a text dump or a PDF's lines: the run of lines the cleaner keeps as the article.

Each line has a weight (prose positive; menus, boilerplate patterns, dates negative, `line_features.weight`);
the region is the maximum-weight contiguous run (`heaviest_run`), widened to paragraphs just outside it
(`extend_region`), or none when the best run is too light to be an article (`WEAK_REGION`,
`unsure_region`). When the document names its headline (a PDF's Title, shown as a line), the run that
follows the headline is preferred to a heavier one elsewhere (`anchored_region`).
"""

from __future__ import annotations

from triage_app.core.clean.line_features import is_menu_like, is_prose, weight
from triage_app.core.clean.text_lines import Line

WEAK_REGION = 5.0
"""A best run of lines weighing less than this (under one 100-character paragraph) is no article: the page
is a list, table or catalogue, and its lines are judged one by one as inside an article."""
UNSURE_WEIGHT = 20.0
"""A best run weighing less than this (about one 400-character paragraph) is no article either when the
page around it is mostly text of its own (see `UNSURE_SHARE`): a link directory, catalogue or table of
contents with a blurb above it. Unsure whether there is an article at all, a dump keeps more rather than less."""
UNSURE_SHARE = 10
"""Characters of lines outside the region that are neither menu-like nor repeated, per character of the region."""
GAP = 2
WIDE_GAP = 6


def heaviest_run(lines: list[Line], cut: int | None = None) -> tuple[tuple[int, int], float] | None:
    """(first, last) of the maximum-weight run of lines before `cut` and its weight, or None when nothing is positive."""
    best, best_span = 0.0, None
    running, start = 0.0, 0
    for i, line in enumerate(lines[:cut]):
        if running <= 0:
            running, start = 0.0, i
        running += weight(line)
        if running > best:
            best, best_span = running, (start, i)
    return (best_span, best) if best_span is not None else None


ANCHOR_WINDOW = 15
"""Lines after the headline in which the article must start to count as the one the headline heads (its
byline, date, share buttons, picture and caption come first)."""
ANCHOR_SHARE = 0.5
"""The run after the headline is the article when it weighs at least this share of the heaviest run: a
related-stories list of teasers can outweigh a short article, but not a long one by twice."""


def best_run_starting_within(weights: list[float], window: int) -> tuple[tuple[int, int], float] | None:
    """(first, last) of the maximum-sum run of `weights` that starts at one of the first `window` places, with
    its sum; None when no such run is positive. One pass: the best run from a start is the highest prefix sum
    after it less the prefix sum at it (ties go to the earliest start and the shortest run)."""
    sums = [0.0]
    for w in weights:
        sums.append(sums[-1] + w)
    # highest[k]: the highest prefix sum at k or later, and the first place it is reached
    highest: list[tuple[float, int]] = [(sums[-1], len(sums) - 1)] * len(sums)
    for k in range(len(sums) - 2, -1, -1):
        highest[k] = (sums[k], k) if sums[k] >= highest[k + 1][0] else highest[k + 1]
    best, span = 0.0, None
    for first in range(min(window, len(weights))):
        top, end = highest[first + 1]
        if top - sums[first] > best:
            best, span = top - sums[first], (first, end - 1)
    return (span, best) if span is not None else None


def anchored_region(lines: list[Line], region: tuple[int, int], best: float, anchor: int | None,
                    cut: int | None) -> tuple[tuple[int, int], float]:
    """`region` (weighing `best`), or the run that starts just after the headline when the region lies
    wholly before the headline or starts well after it and that run weighs `ANCHOR_SHARE` of it.
    `anchor` is the index of the first line after the headline (None: no headline is known)."""
    if anchor is None or (region[1] >= anchor and region[0] < anchor + ANCHOR_WINDOW):
        return region, best
    stop = len(lines) if cut is None else min(cut, len(lines))
    after = best_run_starting_within([weight(line) for line in lines[anchor:stop]], ANCHOR_WINDOW)
    if after is not None and after[1] >= ANCHOR_SHARE * best:
        (first, last), weighs = after
        return (anchor + first, anchor + last), weighs
    return region, best


def unsure_region(lines: list[Line], span: tuple[int, int], best: float, thread: int | None = None) -> bool:
    """The best run is too light and too small a share of the page's own text to stand for an article
    (`UNSURE_WEIGHT`, `UNSURE_SHARE`): the lines outside it that are neither menus nor repeats (a
    directory's entries, a catalogue's items) hold ten times its text. A comment thread known to start at
    `thread` is not the page's own text."""
    if best >= UNSURE_WEIGHT:
        return False
    start, end = span
    inside = sum(line.length for line in lines[start : end + 1])
    outside = sum(
        line.length for i, line in enumerate(lines[:thread]) if not start <= i <= end and line.repeats == 1 and not is_menu_like(line)
    )
    return outside > UNSURE_SHARE * inside


def _paragraph(line: Line) -> bool:
    return line.group_size < 5 and is_prose(line) and weight(line) > 0


def extend_region(lines: list[Line], region: tuple[int, int], cut: int, gap: int = GAP) -> tuple[int, int]:
    """Take in paragraphs just outside the region that are parted from it by at most `gap` lines
    (one advert or "Read more" line must not cut the lede off the article), or by at most
    `WIDE_GAP` lines when two paragraphs follow each other there (a teaser box inside the article)."""
    start, end = region
    para = [_paragraph(line) for line in lines]

    def pair(j: int, step: int) -> bool:
        k = j + step
        return 0 <= k < min(cut, len(lines)) and para[k]

    moved = True
    while moved:
        moved = False
        for j in range(start - 1, max(-1, start - WIDE_GAP - 2), -1):
            if para[j] and (start - j <= gap + 1 or pair(j, -1)):
                start, moved = j, True
                break
        for j in range(end + 1, min(cut, end + WIDE_GAP + 2)):
            if para[j] and (j - end <= gap + 1 or pair(j, 1)):
                end, moved = j, True
                break
    return start, end
