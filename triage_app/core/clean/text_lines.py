"""The lines of a text dump: the `Line` record, splitting a dump into lines, and the statistics of their groups."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from triage_app.core.clean import patterns as P
from triage_app.core.clean.line_features import LIST_ITEM_RE, is_prose, listing_line
from triage_app.core.script_marks import HAN_KANA

_HAN_KANA_RE = re.compile(f"[{HAN_KANA}]")  # Chinese characters and kana
_VERSE_END = re.compile(r"[,;:.!?…]$")  # a line of verse or lyrics ends in punctuation (`group_verse_share`)
CODE_GROUP_MIN = 3  # a smaller group has no code share (`group_code_share`)


@dataclass(slots=True)
class Line:
    """One non-blank line of a dump (or one block of a page segmented without a DOM).

    Slotted, with `length` and `words` cached in private slots: a 16 MB dump has ~130,000 lines,
    and a per-line `__dict__` was a large share of the import's memory."""

    number: int  # 1-based line number in the source (or block number)
    text: str
    group: int  # lines not separated by a blank line share a group
    group_size: int = 1
    group_short_share: float = 0.0  # share of short lines in the group
    group_prose_share: float = 0.0  # share of prose lines (`is_prose`) in the group
    group_verse_share: float = 0.0  # share of lines of three or more words ending in punctuation (verse, lyrics)
    group_code_share: float = 0.0  # share of lines of a code or markup listing (`listing_line`) in the group
    cells: int = 1  # tab-separated cells (table rows in a browser's text)
    repeats: int = 1  # how many lines of the document have the same normalised text
    listed: bool = False  # one of a run of lines that share a shape (dates, numbers, separators): a content list
    last: int = 0  # last source line when hard-wrapped lines were joined into this one (0: the same as `number`)
    indent: int = 0  # leading white space in the source (a wrapped paragraph's lines are indented in `lynx -dump`)
    aligned: bool = False  # three or more spaces inside the line in the source: columns of preformatted text
    _length: int = field(default=-1, init=False, repr=False, compare=False)
    _words: int = field(default=-1, init=False, repr=False, compare=False)

    @property
    def length(self) -> int:
        """Length in characters, counting wide (CJK) characters twice so all scripts compare."""
        if self._length < 0:
            self._length = display_width(self.text)
        return self._length

    @property
    def words(self) -> int:
        """Words: those between spaces, or half the Chinese characters and kana, when more. Chinese and Japanese put
        no space between words, so a 200-character Japanese paragraph was one "word" and every rule for short lines
        (a credit line of 12 words or fewer, a pattern line of 25) read it as short. (Korean spaces its words; Thai and
        the other alphabets written without spaces keep their runs: `line_features` reads those letters itself.)"""
        if self._words < 0:
            self._words = words_in(self.text)
        return self._words


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: two for a wide (East Asian) character, one for any other (`Line.length`)."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for c in text if c >= "\u1100" and unicodedata.east_asian_width(c) in "WF")


def words_in(text: str) -> int:
    """Words of a line or block as the rules for short lines count them (`Line.words`)."""
    spaced = len(text.split())
    return spaced if text.isascii() else max(spaced, len(_HAN_KANA_RE.findall(text)) // 2)


_UNTIDY_SPACE = re.compile(r"[^\S ]| {2}")  # whitespace that `split_lines` tidies (re's \s is str.isspace)
_CHUNK_CHARS = 1 << 20


def _raw_lines(text: str) -> Iterator[str]:
    """`text.splitlines()` one chunk at a time: chunks end just after a "\n", so no line and no
    "\r\n" is cut, and a large dump never holds a list of all its lines next to their Line objects."""
    start = 0
    while start < len(text):
        cut = text.find("\n", start + _CHUNK_CHARS)
        end = len(text) if cut < 0 else cut + 1
        yield from text[start:end].splitlines() if start or end < len(text) else text.splitlines()
        start = end


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their group (runs between blank lines) and group statistics."""
    lines: list[Line] = []
    group = 0
    previous_blank = True
    for number, raw in enumerate(_raw_lines(text), start=1):
        stripped = raw.strip()
        if not stripped:
            if not previous_blank:
                group += 1
            previous_blank = True
            continue
        previous_blank = False
        aligned = False
        if _UNTIDY_SPACE.search(stripped):
            aligned = "   " in stripped
            cells = [" ".join(cell.split()) for cell in stripped.split("\t")]
            stripped = "\t".join(cell for cell in cells if cell)
        indent = len(raw) - len(raw.lstrip())
        lines.append(Line(number, stripped, group, cells=stripped.count("\t") + 1, indent=min(indent, 40), aligned=aligned))
    annotate_groups(lines)
    return lines


def annotate_groups(lines: list[Line]) -> None:
    """Fill `repeats` and the group statistics (`group_size`, the shares, `listed`) of every line."""
    _count_repeats(lines)
    shares: dict[float, float] = {}  # one float object per distinct share, not three per line
    for members in _groups(lines):
        size = len(members)
        short = sum(1 for m in members if m.length < 40) / size
        prose = sum(1 for m in members if is_prose(m)) / size
        verse = sum(1 for m in members if m.words >= 3 and _VERSE_END.search(m.text)) / size
        code = sum(1 for m in members if listing_line(m)) / size if size >= CODE_GROUP_MIN else 0.0
        short, prose, verse, code = (shares.setdefault(share, share) for share in (short, prose, verse, code))
        listed = size >= 4 and _patterned(members)
        for m in members:
            m.group_size = size
            m.group_short_share = short
            m.group_prose_share = prose
            m.group_verse_share = verse
            m.group_code_share = code
            m.listed = listed


def _count_repeats(lines: list[Line]) -> None:
    """Each line's `repeats`: how many lines have its normalised text.

    Counted on the texts' hashes first, then exactly (on the texts) for the lines whose hash repeats:
    a large dump of distinct lines holds no second copy of its text while counting (a list of 61,000
    normalised lines and their counts were the largest share of an 8 MB dump's import peak)."""
    norm = P.normalise
    by_hash: dict[int, int] = {}
    for line in lines:
        key = hash(norm(line.text))
        by_hash[key] = by_hash.get(key, 0) + 1
    exact: dict[str, int] = {}  # only the texts whose hash repeats: every other text is there once
    for line in lines:
        text = norm(line.text)
        if by_hash[hash(text)] > 1:
            exact[text] = exact.get(text, 0) + 1
    for line in lines:
        line.repeats = exact.get(norm(line.text), 1) if exact else 1


def _groups(lines: list[Line]) -> Iterator[list[Line]]:
    """The members of each group, in order of first appearance.

    Every caller numbers groups in reading order, so a group is a run of consecutive lines and is made
    one at a time; lines whose group numbers go back are grouped through a dict (the same groups)."""
    if all(a.group <= b.group for a, b in pairwise(lines)):
        run: list[Line] = []
        for line in lines:
            if run and line.group != run[0].group:
                yield run
                run = []
            run.append(line)
        if run:
            yield run
        return
    by_group: dict[int, list[Line]] = {}
    for line in lines:
        by_group.setdefault(line.group, []).append(line)
    yield from by_group.values()


_MONTH_START = re.compile(
    r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.IGNORECASE
)
_SEPARATOR = re.compile(r"\s(--|–|—|-|@|\|)\s|:\s")


def _shape(line: Line) -> str:
    text = line.text
    if _MONTH_START.match(text):
        start = "month"
    elif text[:1].isdigit():
        start = "digit"
    elif LIST_ITEM_RE.match(text):
        start = "bullet"
    else:
        start = "word"
    sep = _SEPARATOR.search(text)
    return f"{start}/{sep.group(1) if sep else ''}"


def _patterned(members: list[Line]) -> bool:
    """Most lines of the group have one shape that starts with a date, number or bullet, or has a separator."""
    shapes: dict[str, int] = {}
    for m in members:
        key = _shape(m)
        shapes[key] = shapes.get(key, 0) + 1
    best, count = max(shapes.items(), key=lambda kv: kv[1])
    start, sep = best.split("/", 1)
    return count >= 0.7 * len(members) and (start != "word" or bool(sep))
