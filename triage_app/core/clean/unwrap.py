"""Re-joining hard-wrapped text ("save as text", `lynx -dump`, mail at 72-80 columns) into paragraphs.

A dump wrapped at a fixed width breaks every paragraph into lines that are judged alone, so a
paragraph loses lines as "navigation". A line was wrapped when the next line's first word would
not have fitted on it; such lines are joined with the next one of the same paragraph (no blank line
between). The joined line keeps the range of source lines it came from.
"""

from __future__ import annotations

from itertools import pairwise

from triage_app.core.clean.line_features import is_list_item
from triage_app.core.clean.text_lines import Line, annotate_groups

MAX_WIDTH = 100
"""Wider lines are not a hard wrap (browser dumps put a whole paragraph on one line)."""
MIN_WRAPPED = 5
MIN_SHARE = 0.4
LONG_SHARE = 0.8
"""Lines this close to the width count as the long lines a wrap must account for (`MIN_SHARE` of them):
menu and headline lines of 36-57 characters are not wrapped and are no evidence against a wrap."""


def wrap_width(lines: list[Line]) -> int | None:
    """The column the text is wrapped at, or None when it is not hard-wrapped."""
    lengths = sorted(line.indent + len(line.text) for line in lines if len(line.text) >= 40)
    if len(lengths) < MIN_WRAPPED:
        return None
    width = lengths[int(0.95 * (len(lengths) - 1))]
    if width > MAX_WIDTH:
        return None
    wrapped = sum(1 for a, b in pairwise(lines) if _wrapped_before(a, b, width))
    long_lines = sum(1 for n in lengths if n >= LONG_SHARE * width)
    return width if wrapped >= MIN_WRAPPED and wrapped >= MIN_SHARE * long_lines else None


def _wrapped_before(line: Line, following: Line, width: int) -> bool:
    """`line` ended where it did because `following`'s first word did not fit within `width`."""
    if line.group != following.group or is_list_item(following.text) or "\t" in line.text:
        return False
    first = following.text.split(" ", 1)[0]
    end = line.indent + len(line.text)  # the column the line ends at: the wrap counts its indentation
    return end + 1 + len(first) > width - 2 and end >= 0.5 * width


def rejoin_wrapped(lines: list[Line]) -> list[Line]:
    """The lines with wrapped paragraphs joined (the same list when the text is not hard-wrapped)."""
    width = wrap_width(lines)
    if width is None:
        return lines
    joined: list[Line] = []
    glue = False  # the previous source line was wrapped into this one
    for i, line in enumerate(lines):
        if glue:
            previous = joined[-1]
            hyphen = previous.text.endswith("-") and previous.text[-2:-1].isalpha() and line.text[:1].islower()
            text = previous.text[:-1] + line.text if hyphen else f"{previous.text} {line.text}"
            joined[-1] = Line(previous.number, text, previous.group, last=line.number)
        else:
            joined.append(Line(line.number, line.text, line.group, cells=line.cells, last=line.number, indent=line.indent, aligned=line.aligned))
        glue = i + 1 < len(lines) and _wrapped_before(line, lines[i + 1], width)
    annotate_groups(joined)
    return joined


def join_lines(lines: list[Line], paragraphs: dict[int, int]) -> list[Line]:
    """The lines with each known paragraph (first line -> last line, 1-based) joined into one line."""
    if not paragraphs:
        return lines
    joined: list[Line] = []
    end = 0  # the last line of the paragraph being joined
    for line in lines:
        if joined and line.number <= end:
            previous = joined[-1]
            joined[-1] = Line(previous.number, f"{previous.text} {line.text}", previous.group, last=line.number)
            continue
        end = paragraphs.get(line.number, 0)
        joined.append(Line(line.number, line.text, line.group, cells=line.cells, last=line.number, indent=line.indent, aligned=line.aligned))
    annotate_groups(joined)
    return joined
