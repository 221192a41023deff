"""Cleaning a plain-text dump (what a browser gives on select-all/copy or "save as text").

The article is the densest run of prose lines: each line gets a weight (prose positive; menus,
boilerplate patterns, dates negative) and the best-scoring contiguous run is the article region
(maximum-sum segment). Inside the region only lines with a clear reason are removed (bylines, dates,
author bios, captions, boilerplate patterns, repeats); outside it everything is removed, each with the
most specific reason found (title, byline, metadata repeat, newsletter, comments, footer ...).
Cleaning is repeated on the kept lines until nothing more goes, so cleaning the output changes nothing.
"""

from __future__ import annotations

from triage_app.core.clean.dump_classifier import DumpClassifier, DumpResult
from triage_app.core.clean.text_lines import Line, annotate_groups, split_lines


def clean_lines(lines: list[Line], *, title_hint: str | None = None, unsure: bool = False, anchor: int | None = None) -> DumpResult:
    """Decide every line; repeat on the kept lines (as separate paragraphs) until nothing more goes.

    With `unsure` (text dumps), a light region that is a small share of the page's own text is no
    article (`unsure_region`). The later passes see the kept lines as cleaning the output would (each
    its own paragraph, nothing carried over), so cleaning the output changes nothing. `anchor`: the index of
    the first line after the document's headline, when a line shows it (`regions.anchored_region`)."""
    if not lines:
        return DumpResult([])
    result = DumpClassifier(lines, title_hint, unsure=unsure, anchor=anchor).run()
    reasons = result.reasons
    for _ in range(6):
        kept = [i for i, r in enumerate(reasons) if r is None]
        if not kept:
            break
        subset = [Line(lines[i].number, lines[i].text, n, cells=lines[i].cells, aligned=lines[i].aligned) for n, i in enumerate(kept)]
        annotate_groups(subset)
        # Threads are judged on the whole dump only: the kept lines lack the stamps and menus around them.
        again = DumpClassifier(subset, None, threads=False, unsure=unsure, byline=result.byline).run().reasons
        removed = [(i, r) for i, r in zip(kept, again) if r is not None]
        if not removed:
            break
        for i, r in removed:
            reasons[i] = r
    return result


def settle(texts: list[str], reasons: list[str | None]) -> None:
    """Remove kept blocks until the text cleaner keeps every line of the cleaned text (in place).

    The cleaned text of an HTML page is its kept blocks joined by blank lines; once settled, cleaning
    that text as a dump keeps all of it, so cleaning the cleaner's own output changes nothing.
    """
    for _ in range(8):
        lines: list[Line] = []
        owners: list[int] = []
        group = 0
        for i, reason in enumerate(reasons):
            if reason is not None:
                continue
            block_lines = split_lines(texts[i])
            for line in block_lines:
                lines.append(Line(line.number, line.text, group + line.group, cells=line.cells))
                owners.append(i)
            group += (block_lines[-1].group + 1) if block_lines else 0
        if not lines:
            return
        annotate_groups(lines)
        verdict = DumpClassifier(lines, None, threads=False).run().reasons  # as before issue 11: the HTML path's choice
        removed: dict[int, str] = {}
        for owner, why in zip(owners, verdict):
            if why is not None:
                removed.setdefault(owner, why)
        if not removed:
            return
        for owner, why in removed.items():
            reasons[owner] = why
