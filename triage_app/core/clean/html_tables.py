"""A data table read by the walk (`html_walk._walk`): one block per row, its cells joined by tabs, each row with the
path segments below the table (counted as lxml's `getpath` counts them).
"""

from __future__ import annotations

import re

from lxml import etree  # type: ignore[import-untyped]

from triage_app.core.clean.invisible import without_invisible

_WS_RE = re.compile(r"\s+")

Segment = tuple[dict[str, int], str, int]  # (the parent's tag counts, tag, 1-based index among same-tag siblings)


def child_counts(el: etree._Element) -> dict[str, int]:
    """How many children of each tag the element has."""
    counts: dict[str, int] = {}
    for child in el:
        if isinstance(child.tag, str):
            counts[child.tag] = counts.get(child.tag, 0) + 1
    return counts


def table_rows(table: etree._Element) -> list[tuple[list[Segment], str]]:
    """Each row of a data table as (path segments below the table, cells joined by tabs).

    Tabs are what a browser puts between cells when it copies a table, so a row reads the same
    in a text dump and cleaning the cleaned text again keeps it whole.
    """
    rows: list[tuple[list[Segment], str]] = []
    counts: dict[int, dict[str, int]] = {}
    seen: dict[int, dict[str, int]] = {}

    def segment(el: etree._Element) -> Segment:
        parent = el.getparent()
        key = id(parent)
        if key not in counts:
            counts[key], seen[key] = child_counts(parent), {}
        seen[key][el.tag] = seen[key].get(el.tag, 0) + 1
        return counts[key], el.tag, seen[key][el.tag]

    sections: dict[int, Segment] = {}
    for tr in table.iter("tr"):
        parent = tr.getparent()
        path: list[Segment] = []
        if parent is not table and parent is not None:
            if id(parent) not in sections:
                sections[id(parent)] = segment(parent)
            path.append(sections[id(parent)])
        path.append(segment(tr))
        cells = [_WS_RE.sub(" ", "".join(cell_text(c))).strip() for c in tr if c.tag in ("td", "th")]
        text = without_invisible("\t".join(c for c in cells if c))
        if text:
            rows.append((path, text))
    return rows


def cell_text(cell: etree._Element) -> list[str]:
    """A table cell's text with a space for each `<br>`, as the walk reads it elsewhere ("Horrid<br>ragged"
    is two words, not "Horridragged")."""
    parts: list[str] = []
    for event, el in etree.iterwalk(cell, events=("start", "end")):
        if event == "start":
            if el.tag == "br":
                parts.append(" ")
            elif el.text:
                parts.append(el.text)
        elif el is not cell and el.tail:
            parts.append(el.tail)
    return parts


def is_data_table(table: etree._Element) -> bool:
    """A table of cells, not a layout table holding the page's blocks (no nested table, paragraph, list, ...)."""
    for tag in ("table", "p", "div", "ul", "ol", "h1", "h2", "h3", "article", "section"):
        if table.find(f".//{tag}") is not None:
            return False
    return True
