"""The "Text" of a document in the HTML (and PDF) briefing: its paragraphs, each in its own direction, shown by the kind
of the block it comes from (`highlight.paragraph_kinds`): a subheading, a bulleted list item, a block quote, a caption,
a `<pre>` listing, and a data table's rows as one table. Only markup is added to the escaped, highlighted text."""

from __future__ import annotations

import re
import unicodedata

from triage_app.core.export.data import PacketDocument
from triage_app.core.export.highlight import (
    drawn_as_tables,
    highlight_paragraphs,
    marked_list_item,
    opens_with_title,
    paragraph_kinds,
)
from triage_app.core.records import PREFORMATTED

KIND_CLASS = {"heading": ' class="sub"', "list-item": ' class="li"', "blockquote": ' class="bq"', "caption": ' class="cap"',
              PREFORMATTED: ' class="listing"'}
"""A paragraph's class by the kind of its block; plain paragraphs have none."""
TABLE = "table"
"""The kind of a data table's row (its cells joined by tabs: `core.clean.html_tables`)."""

_TAG_RE = re.compile(r"<[^>]*>|&[^;\s]*;")


def paragraph_direction(fragment: str) -> str:
    """"rtl" or "ltr" from the first letter with a strong direction in an HTML fragment's text (Unicode's rule for a
    paragraph, which browsers apply for dir="auto"), "auto" when it has none. Written out, not left to dir="auto",
    because the PDF's renderer (Qt's QTextDocument) knows only "ltr" and "rtl": a Persian paragraph was laid out
    left to right there, its full stop at the wrong end."""
    for ch in _TAG_RE.sub("", fragment):
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "auto"


def _prefix(kind: str, paragraph: str) -> str:
    """A bullet before a list item's text (the PDF's renderer knows no `::before`), unless it has its own."""
    return "\u2022\u00a0" if kind == "list-item" and not marked_list_item(_TAG_RE.sub("", paragraph)) else ""


def _row(paragraph: str) -> str | None:
    """A table row's cells (split at the tabs between them), or None when a tab sits inside markup (a highlighted
    mention running across two cells): then the row is shown as a paragraph."""
    cells = paragraph.split("\t")
    if any(cell.count("<") != cell.count(">") or cell.count("<span") != cell.count("</span>") for cell in cells):
        return None
    return "<tr>" + "".join(f'<td dir="{paragraph_direction(cell)}">{cell}</td>' for cell in cells) + "</tr>"


def text_html(d: PacketDocument) -> str:
    """The document's cleaned text as the briefing shows it (the headline, shown as the document's heading, left out)."""
    text = d.doc.get("text") or ""
    paragraphs = highlight_paragraphs(text, d.shown_entities(), d.quotes)
    kinds = paragraph_kinds(text, d.blocks)
    first = 1 if opens_with_title(text, d.doc.get("title")) else 0
    out: list[str] = []
    rows: list[str] = []
    cells = [_row(p) if n >= first and kinds.get(n) == TABLE and "\t" in p else None for n, p in enumerate(paragraphs)]
    tables = drawn_as_tables([row is not None for row in cells])
    for n, paragraph in enumerate(paragraphs):
        if n < first:
            continue
        kind = kinds.get(n, "")
        row = cells[n] if n in tables else None
        if row is not None:
            rows.append(row)
            continue
        if rows:
            out.append(f'<table class="data">{"".join(rows)}</table>')
            rows = []
        shown = paragraph.replace("\t", " \u2502 ") if kind == TABLE else paragraph  # a row not drawn in a table
        out.append(f'<p{KIND_CLASS.get(kind, "")} dir="{paragraph_direction(paragraph)}">{_prefix(kind, paragraph)}{shown}</p>')
    if rows:
        out.append(f'<table class="data">{"".join(rows)}</table>')
    return "".join(out) or "<p><em>(no cleaned text)</em></p>"
