"""Numbered link references of dumps made by text browsers and mail programs.

`lynx -dump` writes every link as a numbered marker before its text ("[12]Barron's") and lists the
targets at the end under "References" ("  12. https://www.barrons.com/"); plain-text newsletters do
the same with "[1]" notes and a "Links:" list. The list is the page's link targets, not its text: a
run of hundreds of numbered lines outweighed the article in the dump scorer, which then kept the list.
When a dump has such a list, its lines are set apart (removed as "link references"), and the markers
are taken out of the other lines, so that "[207]Subscribe" reads as "Subscribe" and the article's
words are not interleaved with numbers. The dump's own text is kept verbatim as the original.

Without a list of targets nothing is changed: a bracketed number alone is also a footnote or a
citation ("capital.[12]" in a copied encyclopedia article), whose list holds text, not bare addresses.
"""

from __future__ import annotations

import re
from itertools import chain

from triage_app.core.clean.text_lines import Line

MIN_REFERENCES = 3
"""Consecutive numbered address lines that make a list of link targets."""

# "12. https://..." (lynx) or "[12] https://..." / "[12]: https://..." (mail); the address may hold spaces
# (lynx writes them as the page had them), so any text may follow a scheme with "//" or a scheme that has none.
_REFERENCE_RE = re.compile(
    r"^(?:(\d+)\.|\[(\d+)\]:?)\s*(?:[a-z][a-z0-9+.-]*://\S.*|(?:mailto|javascript|tel|data|news|urn):\S*)$", re.IGNORECASE
)
_HEADING_RE = re.compile(r"^(references|visible links|hidden links|links|link references)\s*:?\s*-*$", re.IGNORECASE)
_RULE_RE = re.compile(r"^[-=_*]{3,}$")
_MARKER_RE = re.compile(r"\[(\d+)\]")
# What lynx shows for an image without a text alternative (its address, cut by the wrap at times), or a control
_PLACEHOLDER_RE = re.compile(r"\[(?:IMG|INLINE|LINK|BUTTON|ISMAP|USEMAP|EMBED|OBJECT)\]|\[[a-z][a-z0-9+.-]*://[^\]\s]*(?: [^\]\s]*)?\]", re.IGNORECASE)


def _reference_number(text: str) -> int | None:
    match = _REFERENCE_RE.match(text)
    if match is None:
        return None
    return int(match.group(1) or match.group(2))


def reference_lines(lines: list[Line]) -> set[int]:
    """Indexes of the lines of link-target lists: runs of `MIN_REFERENCES` or more numbered address lines
    with rising numbers, with the headings (and rules) just above them."""
    found: set[int] = set()
    run: list[int] = []
    previous = 0
    for i, line in enumerate(chain(lines, [None])):
        number = _reference_number(line.text) if line is not None else None
        if number is not None and (not run or number > previous):
            run.append(i)
            previous = number
            continue
        if len(run) >= MIN_REFERENCES:
            found.update(run)
            above = run[0] - 1  # headings and rules just above ("References", "Visible links:"; "Links:", "------")
            while above >= 0 and (_RULE_RE.match(lines[above].text) or _HEADING_RE.match(lines[above].text)):
                found.add(above)
                above -= 1
        run = [i] if number is not None else []
        previous = number or 0
    return found


def split_references(lines: list[Line]) -> tuple[list[Line], list[Line], frozenset[int]]:
    """(the other lines, the lines of link-target lists, the numbers those lists hold); the first is
    `lines` itself when there are no lists. The lists are taken out before the text is judged, and before
    wrapped lines are re-joined: their long addresses would hide the width the text is wrapped at."""
    found = reference_lines(lines)
    if not found:
        return lines, [], frozenset()
    numbers = frozenset(n for i in found if (n := _reference_number(lines[i].text)) is not None)
    return [line for i, line in enumerate(lines) if i not in found], [lines[i] for i in sorted(found)], numbers


def without_markers(lines: list[Line], numbers: frozenset[int]) -> tuple[list[Line], set[int]]:
    """Take the markers of `numbers` and lynx's placeholders for images and controls out of `lines`.

    Returns the new lines and the indexes of those that held nothing else (links, removed with the lists).
    Group statistics are left to the caller, which annotates the lines it goes on to judge."""
    if not numbers:
        return lines, set()

    def strip(match: re.Match[str]) -> str:
        return "" if int(match.group(1)) in numbers else match.group(0)

    cleaned: list[Line] = []
    bare: set[int] = set()
    for i, line in enumerate(lines):
        text = line.text
        if "[" in text:
            text = " ".join(_PLACEHOLDER_RE.sub(" ", _MARKER_RE.sub(strip, text)).split())
        if text == line.text:
            cleaned.append(line)
        elif text:
            cleaned.append(Line(line.number, text, line.group, cells=line.cells, last=line.last, indent=line.indent, aligned=line.aligned))
        else:  # nothing but markers: the line stays as it was, to be removed with the lists
            cleaned.append(line)
            bare.add(i)
    return cleaned, bare
