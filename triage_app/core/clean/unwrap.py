"""Re-joining hard-wrapped text ("save as text", `lynx -dump`, mail at 72-80 columns) into paragraphs.

A dump wrapped at a fixed width breaks every paragraph into lines that are judged alone, so a
paragraph loses lines as "navigation". A line was wrapped when the next line's first word would
not have fitted on it; such lines are joined with the next one of the same paragraph (no blank line
between). The joined line keeps the range of source lines it came from.
"""

from __future__ import annotations

import re
from itertools import pairwise

from triage_app.core.clean.line_features import is_list_item
from triage_app.core.clean.text_lines import Line, annotate_groups, display_width
from triage_app.core.script_marks import HAN_KANA

MAX_WIDTH = 100
"""Wider lines are not a hard wrap (browser dumps put a whole paragraph on one line)."""
MIN_WRAPPED = 5
MIN_SHARE = 0.4
LONG_SHARE = 0.8
"""Lines this close to the width count as the long lines a wrap must account for (`MIN_SHARE` of them):
menu and headline lines of 36-57 characters are not wrapped and are no evidence against a wrap."""


_UNSPACED = re.compile(f"[\u3000-\u303f{HAN_KANA}\uff01-\uff60]")
"""Chinese and Japanese characters and their punctuation (ideographs, kana, CJK and fullwidth marks): those languages
put no space between words, so a line wrapped between two of them is re-joined with none. Korean spaces its words,
and Thai its phrases (a wrap falls on that space), so both are joined with a space like other scripts."""


def joint(before: str, after: str) -> str:
    """What goes between a wrapped line and the line it was wrapped onto: a space, or nothing between Chinese or
    Japanese characters ("...贸易运输" + "上相互依存..." is one sentence, not two words)."""
    return "" if before and after and _UNSPACED.match(before[-1]) and _UNSPACED.match(after[0]) else " "


def wrap_width(lines: list[Line], *, columns: bool = False) -> int | None:
    """The column the text is wrapped at, or None when it is not hard-wrapped. With `columns`, widths are counted
    as a terminal shows them, a Chinese, Japanese or Korean character taking two columns (`lynx -dump` and mail
    clients wrap so: a Japanese line of 36 characters fills 72 columns); else in characters."""
    lengths = sorted(n for line in lines if (n := line.indent + _size(line, columns)) - line.indent >= 40)
    if len(lengths) < MIN_WRAPPED:
        return None
    width = lengths[int(0.95 * (len(lengths) - 1))]
    if width > MAX_WIDTH:
        return None
    wrapped = sum(1 for a, b in pairwise(lines) if _wrapped_before(a, b, width, columns))
    long_lines = sum(1 for n in lengths if n >= LONG_SHARE * width)
    return width if wrapped >= MIN_WRAPPED and wrapped >= MIN_SHARE * long_lines else None


MIN_UNSPACED_WIDTH = 20
"""The narrowest wrap `unspaced_wrap` believes: equal short lines are a menu's items, not a wrap."""


def unspaced_wrap(lines: list[Line]) -> tuple[int, bool] | None:
    """The wrap of a short Chinese or Japanese text: too few lines for `wrap_width`'s five, but a wrap there leaves its
    own mark. Two or more lines, each going on in the next line of its paragraph from one Chinese or Japanese character
    to another, end at the text's widest column (in characters or in columns, one less where a wide character did
    not fit): a writer's own lines do not end at one width mid-sentence. The width and whether it is in columns, or
    None."""
    for columns in (False, True):
        widest = max(line.indent + _size(line, columns) for line in lines)
        if not MIN_UNSPACED_WIDTH <= widest <= 2 * MAX_WIDTH:
            continue
        at_width = sum(
            1 for a, b in pairwise(lines)
            if a.group == b.group and a.indent + _size(a, columns) >= widest - 1 and a.text[-1:] not in _SENTENCE_ENDS
            and _UNSPACED.match(a.text[-1:]) and _UNSPACED.match(b.text[:1])
        )
        if at_width >= 2:
            return widest, columns
    return None


_SENTENCE_ENDS = frozenset("。！？」』）")


def _size(line: Line, columns: bool) -> int:
    """The line's width in columns (`Line.length`, cached) or in characters."""
    return line.length if columns else len(line.text)


def _wrapped_before(line: Line, following: Line, width: int, columns: bool = False) -> bool:
    """`line` ended where it did because `following`'s first word did not fit within `width` (in columns or in
    characters)."""
    if line.group != following.group or is_list_item(following.text) or "\t" in line.text:
        return False
    first = following.text.split(" ", 1)[0]
    if not columns:
        first_width = len(first)
    else:  # a Chinese or Japanese line is one "word": its cached width
        first_width = following.length if len(first) == len(following.text) else display_width(first)
    end = line.indent + _size(line, columns)  # the column the line ends at: the wrap counts its indentation
    return end + 1 + first_width > width - 2 and end >= 0.5 * width


def rejoin_wrapped(lines: list[Line]) -> list[Line]:
    """The lines with wrapped paragraphs joined (the same list when the text is not hard-wrapped)."""
    columns = False
    width = wrap_width(lines)
    if width is None and any(line.length != len(line.text) for line in lines):  # wide characters: try their columns
        columns = True
        width = wrap_width(lines, columns=True)
        if width is None and (found := unspaced_wrap(lines)) is not None:
            width, columns = found
    if width is None:
        return lines
    joined: list[Line] = []
    glue = False  # the previous source line was wrapped into this one
    for i, line in enumerate(lines):
        if glue:
            previous = joined[-1]
            hyphen = previous.text.endswith("-") and previous.text[-2:-1].isalpha() and line.text[:1].islower()
            text = previous.text[:-1] + line.text if hyphen else previous.text + joint(previous.text, line.text) + line.text
            joined[-1] = Line(previous.number, text, previous.group, last=line.number)
        else:
            joined.append(Line(line.number, line.text, line.group, cells=line.cells, last=line.number, indent=line.indent, aligned=line.aligned))
        glue = i + 1 < len(lines) and _wrapped_before(line, lines[i + 1], width, columns)
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
            joined[-1] = Line(previous.number, previous.text + joint(previous.text, line.text) + line.text, previous.group, last=line.number)
            continue
        end = paragraphs.get(line.number, 0)
        joined.append(Line(line.number, line.text, line.group, cells=line.cells, last=line.number, indent=line.indent, aligned=line.aligned))
    annotate_groups(joined)
    return joined
