"""Pairing quotation marks in any style, paragraph by paragraph, robust to unmatched marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

# opener -> the closers that end it
CLOSERS: dict[str, str] = {
    '"': '"',
    "“": "”“\"",  # "“...“" and "“...\"" happen in careless text
    "„": "“”",
    "«": "»",
    "»": "«",  # German books: »...«
    "「": "」",
    "『": "』",
    "‘": "’",
    "‚": "‘’",
    "'": "'",
    "”": "”",  # Swedish/Finnish style ”...”
}
_SINGLE = {"‘", "‚", "'"}
_MARKS = re.compile("[\"“”„«»‘’‚'「」『』]")
TRANSCRIPT_TURN = re.compile(r"\s*((?:[A-Z][A-Z'’.-]+ ){0,2}[A-Z][A-Z'’-]+):\s+\S")
"""A speaker's name in capitals opening a transcript turn: "WALLACE: Let's start ..." (a new quotation)."""
_OPEN_BEFORE = set(" \t\n([{—–-/:")
_CLOSE_AFTER = set(" \t\n.,;:!?)]}—–-/…")


@dataclass
class QuotedSpan:
    """Text between a pair of quotation marks (offsets into the whole text)."""

    open_pos: int  # offset of the opening mark
    close_pos: int | None  # offset of the closing mark, None when the quote runs to the paragraph's end
    start: int  # content start
    end: int  # content end
    paragraph: int  # index of the paragraph where the quote opens

    @property
    def outer_end(self) -> int:
        return self.close_pos + 1 if self.close_pos is not None else self.end


_WRAP_WIDTH = 100
"""Lines no longer than this, blank-line separated, are taken as one hard-wrapped paragraph."""


def paragraphs(text: str) -> list[tuple[int, int]]:
    """`(start, end)` of each paragraph: lines when the text has no blank line; else blank-line separated
    blocks, each split at its line breaks unless it looks hard-wrapped (every line but the last at most
    `_WRAP_WIDTH` characters): cleaned pages often mix both separators ("para\n\npara\npara").
    """
    if not re.search(r"\n[ \t]*\n", text):
        return [(a, b) for a, b in _lines(text, 0, len(text))]
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in [*re.finditer(r"\n[ \t]*\n", text), None]:
        end = match.start() if match else len(text)
        if text[pos:end].strip():
            spans.extend(_block_lines(text, pos, end))
        if match is None:
            break
        pos = match.end()
    return spans


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    pos = start
    for match in re.finditer(r"\n", text[start:end]):
        lines.append((pos, start + match.start()))
        pos = start + match.end()
    lines.append((pos, end))
    return [(a, b) for a, b in lines if text[a:b].strip()]


def _block_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lines = _lines(text, start, end)
    if all(b - a <= _WRAP_WIDTH for a, b in lines[:-1]):
        return [(lines[0][0], lines[-1][1])] if lines else []
    return lines


def _role(text: str, i: int) -> str | None:
    """How the mark at `i` can act: "open", "close", "both" or None (an apostrophe, an inch mark)."""
    c = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    opens = prev in _OPEN_BEFORE or not prev.strip() or prev in CLOSERS
    closes = nxt in _CLOSE_AFTER or not nxt.strip() or nxt in "\"”’»“"
    if c in {"„", "‚", "「", "『"}:
        return "open"
    if c in {"」", "』"}:
        return "close"
    if c == "«":  # French « ... », or the closer of German »...«
        return "close" if (prev.isalnum() or prev in ".,!?…") and (nxt.isspace() or nxt in _CLOSE_AFTER) else "open"
    if c == "»":
        return "open" if prev.isspace() and nxt.isalnum() and text.find("«", i) > i else "close"
    if c == "‘":  # an opener, or the closer of German ‚...‘
        if prev in _OPEN_BEFORE or not prev.strip() or prev in CLOSERS:
            return "open"
        return "close" if nxt in _CLOSE_AFTER or not nxt.strip() else None
    if c == "’":
        if nxt.isalpha() or prev.isspace():  # don’t, Trump’s, ’90s
            return None
        return "close"
    if c == "'":
        if (prev.isalnum() and nxt.isalpha()) or prev.isdigit():
            return None
        if opens and not nxt.isspace():
            return "open"
        return "close" if closes and not prev.isspace() else None
    if c == "“":
        return "close" if closes and not opens else "open"
    if c == "”":
        return "open" if opens and not closes else "close"
    # straight double quote
    if prev.isspace() and nxt.isspace():
        return None  # a stray mark
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "both"


def _has_closer(text: str, start: int, end: int, opener: str) -> bool:
    return any(text[j] in CLOSERS[opener] and _role(text, j) in {"close", "both"} for j in range(start, end))


def find_quoted(text: str) -> list[QuotedSpan]:
    """Every quoted span of `text`, including quotes that run over several paragraphs.

    A quote left open at the end of a paragraph continues when the next paragraph opens with
    a quotation mark (the news convention); otherwise it ends there if it began the paragraph
    or followed a colon or comma, and is dropped if not. Unmatched marks never shift the
    pairing of later paragraphs.
    """
    paras = paragraphs(text)
    spans: list[QuotedSpan] = []
    opener: tuple[int, str, int] | None = None  # (position, mark, paragraph)
    for p_index, (p_start, p_end) in enumerate(paras):
        positions = [m.start() for m in _MARKS.finditer(text, p_start, p_end)]
        skip_first = False
        if opener is not None:
            first = len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip()) + p_start
            if (
                positions and positions[0] == first and text[first] in (opener[1], "“", '"', "«", "„", "「")
                and not TRANSCRIPT_TURN.match(text, first + 1)
            ):
                skip_first = True  # the quote continues into this paragraph
            else:
                _finish_unmatched(text, spans, opener, paras[p_index - 1][1], paras)
                opener = None
        for n, i in enumerate(positions):
            if skip_first and n == 0:
                continue
            role = _role(text, i)
            if role is None:
                continue
            c = text[i]
            if opener is None:
                if role in {"open", "both"} and c in CLOSERS:
                    if c in _SINGLE and not _has_closer(text, i + 1, p_end, c):
                        continue
                    opener = (i, c, p_index)
                continue
            o_pos, o_char, o_par = opener
            if c in CLOSERS[o_char] and role in {"close", "both"}:
                spans.append(QuotedSpan(o_pos, i, o_pos + 1, i, o_par))
                opener = None
            elif c == o_char and role == "open" and o_char not in _SINGLE:
                # a second opener of the same kind: the first one was never closed
                _finish_unmatched(text, spans, opener, i, paras)
                opener = (i, c, p_index)
        if opener is not None and not (_starts_quotation(text, opener, paras) and _continues(text, paras, p_index)):
            _finish_unmatched(text, spans, opener, p_end, paras)
            opener = None
    if opener is not None:
        _finish_unmatched(text, spans, opener, paras[-1][1], paras)
    return [s for s in spans if len(text[s.start : s.end].strip()) > (1 if text[s.open_pos] in _SINGLE else 0)]


def _starts_quotation(text: str, opener: tuple[int, str, int], paras: list[tuple[int, int]]) -> bool:
    """True when the mark opens its paragraph or follows a colon or comma."""
    before = text[paras[opener[2]][0] : opener[0]].rstrip()
    return not before or before[-1] in ":,"


def _continues(text: str, paras: list[tuple[int, int]], p_index: int) -> bool:
    if p_index + 1 >= len(paras):
        return False
    nxt = text[paras[p_index + 1][0] : paras[p_index + 1][1]].lstrip()
    return bool(nxt) and nxt[0] in "\"“«„”「" and not TRANSCRIPT_TURN.match(nxt, 1)


def _finish_unmatched(
    text: str, spans: list[QuotedSpan], opener: tuple[int, str, int], end: int, paras: list[tuple[int, int]]
) -> None:
    """Keep an unclosed quote up to `end` only where it plainly starts a quotation."""
    pos, char, p_index = opener
    if char in _SINGLE or not _starts_quotation(text, opener, paras):
        return
    while end > pos + 1 and text[end - 1].isspace():
        end -= 1
    spans.append(QuotedSpan(pos, None, pos + 1, end, p_index))
