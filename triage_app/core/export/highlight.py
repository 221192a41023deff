"""Cleaned text split into paragraphs of pieces marked with their entity and quote, and as escaped HTML."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from typing import Any

from triage_app.core.clean.line_features import LIST_ITEM_RE
from triage_app.core.records import PREFORMATTED, Block

_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Control characters (invalid in HTML, invisible anyway) shown as U+FFFD; the length is kept."""
    return _CONTROLS.sub("\ufffd", text)


@dataclass
class Piece:
    """A run of text inside one paragraph, with the entity (if any) and whether it is quoted."""

    text: str
    entity: dict[str, Any] | None
    quoted: bool


def _valid_spans(spans: list[dict[str, Any]], length: int) -> list[dict[str, Any]]:
    good = []
    for s in spans:
        start, end = s.get("start"), s.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length:
            good.append(s)
    return good


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: the text split on blank lines, offsets kept."""
    ranges = []
    pos = 0
    for part in text.split("\n\n"):
        stripped = part.strip()
        if stripped:
            lead = len(part) - len(part.lstrip())
            ranges.append((pos + lead, pos + lead + len(stripped)))
        pos += len(part) + 2
    return ranges


def paragraph_pieces(text: str, entities: list[dict[str, Any]], quotes: list[dict[str, Any]]) -> list[list[Piece]]:
    """Paragraphs of `text`, each a list of pieces cut at every entity and quote edge."""
    entities = _valid_spans(entities, len(text))
    quotes = _valid_spans(quotes, len(text))
    paragraphs = []
    for p_start, p_end in paragraph_ranges(text):
        cuts = {p_start, p_end}
        for span in (*entities, *quotes):
            for edge in (span["start"], span["end"]):
                if p_start < edge < p_end:
                    cuts.add(edge)
        edges = sorted(cuts)
        pieces = []
        for a, b in pairwise(edges):
            entity = next((e for e in entities if e["start"] <= a and e["end"] >= b), None)
            quoted = any(q["start"] <= a and q["end"] >= b for q in quotes)
            pieces.append(Piece(text[a:b], entity, quoted))
        paragraphs.append(pieces)
    return paragraphs


def label_class(label: object) -> str:
    """A CSS-safe class suffix for an entity label."""
    return "".join(ch for ch in str(label or "OTHER") if ch.isalnum()) or "OTHER"


def highlight_paragraphs(text: str, entities: list[dict[str, Any]], quotes: list[dict[str, Any]]) -> list[str]:
    """One HTML string per paragraph; every character of `text` is escaped, marks come only from offsets."""
    out = []
    for pieces in paragraph_pieces(text, entities, quotes):
        parts = []
        for p in pieces:
            html = escape(visible(p.text), quote=True).replace("\n", "<br>")
            if p.entity is not None:
                label = str(p.entity.get("label") or "OTHER")
                tip = escape(f"{label}: {p.entity.get('canonical') or p.entity.get('text') or ''}", quote=True)
                html = f'<span class="ent ent-{label_class(label)}" title="{tip}">{html}</span>'
            if p.quoted:
                html = f'<span class="q">{html}</span>'
            parts.append(html)
        out.append("".join(parts))
    return out


SHOWN_KINDS = frozenset({"heading", "list-item", "blockquote", "caption", "table", PREFORMATTED})
"""Block kinds a briefing shows apart from plain paragraphs (a subheading, a bullet, an indent, a caption, a table row, a listing)."""


def marked_list_item(text: str) -> bool:
    """A list item whose text starts with its own bullet or number ("- ", "• ", "2. ": a text dump's or a PDF's
    line): shown as it is, without a second bullet."""
    return LIST_ITEM_RE.match(text.lstrip()) is not None


def shown_kind(block: Block) -> bool:
    """The block's kind is one shown apart (`SHOWN_KINDS`) and can be trusted: a subheading only from a page's markup
    (an h1-h6), not a text dump's or a PDF's short line that merely looks like one (a fifth of the kept lines of the
    aeb-dev dumps: prices, names, table rows)."""
    return block.kind in SHOWN_KINDS and (block.kind != "heading" or block.source.startswith("dom:"))


def paragraph_kinds(text: str, blocks: list[Block]) -> dict[int, str]:
    """The kind (`SHOWN_KINDS`) of each of `text`'s paragraphs (`paragraph_ranges`) that lies inside a kept block of
    such a kind (a `<pre>` listing with blank lines is several paragraphs); none when the text is no longer its kept
    blocks joined (edited by hand before this was stored): the paragraphs are then shown plain."""
    kept = [b for b in blocks if b.kept]
    if not any(shown_kind(b) for b in kept) or "\n\n".join(b.text for b in kept) != text:
        return {}
    spans, offset = [], 0
    for block in kept:
        if shown_kind(block):
            spans.append((offset, offset + len(block.text), block.kind))
        offset += len(block.text) + 2
    kinds = {}
    at = 0  # spans and paragraphs both run in text order: one pass over each (a 10,000-item list stays linear)
    for n, (a, b) in enumerate(paragraph_ranges(text)):
        while at < len(spans) and spans[at][1] < b:
            at += 1
        if at < len(spans) and spans[at][0] <= a and b <= spans[at][1]:
            kinds[n] = spans[at][2]
    return kinds


def repeats_title(paragraph: str, title: object) -> bool:
    """True when `paragraph` is the headline already shown as the document's title (the extractor keeps the headline
    as the body's first block): the reader and the briefings show it once, as the title; `cleaned.txt` keeps it."""
    return bool(title) and " ".join(paragraph.split()).casefold() == " ".join(str(title).split()).casefold()


def opens_with_title(text: str, title: object) -> bool:
    """True when the first paragraph of `text` (`paragraph_ranges`) `repeats_title`."""
    first = paragraph_ranges(text)[:1]
    return bool(first) and repeats_title(text[first[0][0] : first[0][1]], title)


MAX_TABLE_ROWS = 200
"""Rows of a document drawn as tables at most; a table that would pass it is shown as paragraphs. Qt lays a table out
about ten times slower than paragraphs (0.4 ms a row): the reader opens a page in under 150 ms, and the PDF briefing
of a page with thousands of rows would take seconds."""


def drawn_as_tables(rows: list[bool], budget: int = MAX_TABLE_ROWS) -> set[int]:
    """Of a document's paragraphs (`rows`: which are a data table's rows), the rows to draw as tables: each run of
    consecutive rows is one table, drawn whole while the runs so far fit in `budget` rows, else left as paragraphs."""
    drawn: set[int] = set()
    n = 0
    while n < len(rows):
        if not rows[n]:
            n += 1
            continue
        end = n
        while end < len(rows) and rows[end]:
            end += 1
        if end - n <= budget:
            drawn.update(range(n, end))
            budget -= end - n
        n = end
    return drawn
