"""Building the cleaned view's rich text: title, metadata line, paragraphs with entity and quote marks.

Every piece of document text goes through `html.escape`; the markup is limited to what QTextBrowser
understands (inline `style`, `<a href/name>`, `title` for tooltips).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication

from triage_app.core.export.highlight import drawn_as_tables, marked_list_item, repeats_title, shown_kind
from triage_app.core.language import language_name
from triage_app.core.records import PREFORMATTED, SHOWN_ENTITY_LABELS
from triage_app.gui.i18n import QT_TRANSLATE_NOOP, entity_type
from triage_app.gui.reader.colours import LIGHT, ReaderColours
from triage_app.gui.reader.reader_data import Paragraph, ReaderData

ENTITY_COLOURS: dict[str, str] = {
    "PERSON": "#ffd0a8",
    "ORG": "#b9dcff",
    "PLACE": "#c4ecc0",
    "DATE": "#e4d2f7",
    "NORP": "#ffe58a",
    "MONEY": "#ffc4d6",
}
"""Background colour per shown entity type; the text on them is always black, so both palettes read."""
QUOTE_KINDS = {
    "direct": QT_TRANSLATE_NOOP("CleanedView", "direct"),
    "partial": QT_TRANSLATE_NOOP("CleanedView", "partial"),
    "indirect": QT_TRANSLATE_NOOP("CleanedView", "indirect"),
}

ENTITY_SCHEME = "entity"
MENTION_QUERY = "mention="
CLOSING_QUOTES = "\"'\u201d\u2019\u00bb\u203a"


def paragraph_state(number: int) -> str:
    """The CSS that numbers a paragraph's Qt block (its `userState`): what click-to-source and the block menu read.
    Not a named anchor (`<a name>`): Qt's HTML import takes time quadratic in their number (20,000 paragraphs 4.8 s,
    100,000 over two minutes with the window frozen); a block's user state costs nothing (100,000 in 0.8 s)."""
    return f"-qt-user-state:{number};"


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str  # "entity" | "quote"
    data: dict[str, Any]


def entity_href(entity_id: int, canonical: str, mention_id: int | None = None) -> str:
    """The link target of a highlighted mention (`?mention=N`: which mention of the entity it is)."""
    from urllib.parse import quote

    href = f"{ENTITY_SCHEME}:{entity_id}/{quote(canonical, safe='')}"
    return href if mention_id is None else f"{href}?{MENTION_QUERY}{mention_id}"


def parse_entity_href(href: str) -> tuple[int, str] | None:
    """(entity id, canonical name) from an `entity_href`, else None."""
    from urllib.parse import unquote

    if not href.startswith(f"{ENTITY_SCHEME}:"):
        return None
    ident, _, name = href[len(ENTITY_SCHEME) + 1 :].partition("/")
    name = name.partition("?")[0]  # the name is quoted whole, so a "?" in it is "%3F"
    return (int(ident), unquote(name)) if ident.isdigit() else None


def parse_mention_id(href: str) -> int | None:
    """The mention's id from an `entity_href` that names one, else None."""
    if not href.startswith(f"{ENTITY_SCHEME}:"):
        return None
    query = href.partition("?")[2]
    value = query[len(MENTION_QUERY) :] if query.startswith(MENTION_QUERY) else ""
    return int(value) if value.isdigit() else None


def _visible_entities(entities: Iterable[dict[str, Any]], hidden_labels: set[str]) -> list[dict[str, Any]]:
    return [
        e
        for e in entities
        if e["label"] in SHOWN_ENTITY_LABELS and e["label"] not in hidden_labels and not e.get("hidden")
    ]


def _entity_open_tags(entities: Iterable[dict[str, Any]]) -> dict[tuple[int, str, str], str]:
    """The attributes of each distinct entity's `<a>` tag after its href, built once per document rather than
    per mention (each mention's href names the mention too: `entity_href`)."""
    tags: dict[tuple[int, str, str], str] = {}
    for ent in entities:
        key = _entity_key(ent)
        if key not in tags:
            _, canonical, label = key
            colour = ENTITY_COLOURS.get(label, "#dddddd")
            tags[key] = (
                f'title="{escape(entity_type(label))}: {escape(canonical)}" '
                f'style="background-color:{colour}; color:#000000; text-decoration:none;">'
            )
    return tags


def _entity_link(ent: dict[str, Any], attributes: str) -> str:
    """One mention's opening `<a>` tag: its href, then its entity's `attributes` (`_entity_open_tags`)."""
    mention = ent.get("mention_id")
    href = entity_href(int(ent["entity_id"]), str(ent["canonical"]), int(mention) if mention is not None else None)
    return f'<a href="{escape(href)}" {attributes}'


def _entity_key(ent: dict[str, Any]) -> tuple[int, str, str]:
    return int(ent["entity_id"]), str(ent["canonical"]), str(ent["label"])


def _paragraph_html(
    para: Paragraph, spans: list[_Span], tags: dict[tuple[int, str, str], str], colours: ReaderColours = LIGHT
) -> str:
    """One paragraph's text with entity links nested inside quote spans (`tags`: `_entity_open_tags`)."""
    local = [s for s in spans if s.start < para.end and s.end > para.start]  # spans are pre-bucketed
    cuts = {para.start, para.end}
    for span in local:
        cuts.update((max(span.start, para.start), min(span.end, para.end)))
    badges: dict[int, str] = {}
    for span in local:
        if span.kind == "quote" and span.end <= para.end:
            end = span.end
            while end < para.end and para.text[end - para.start] in CLOSING_QUOTES:
                end += 1
            cuts.add(end)
            badges[end] = badges.get(end, "") + (
                f'<span style="color:{colours.speaker_ink}; background-color:{colours.quote_background}; font-weight:600; font-size:small;">'
                f" \u2014 {escape(_speaker(span.data))}</span>"
            )
    points = sorted(cuts)
    out: list[str] = []
    for a, b in pairwise(points):
        piece = escape(para.text[a - para.start : b - para.start])
        quote = next((s for s in local if s.kind == "quote" and s.start <= a and s.end >= b), None)
        entity = next((s for s in local if s.kind == "entity" and s.start <= a and s.end >= b), None)
        if entity is not None:
            piece = f"{_entity_link(entity.data, tags[_entity_key(entity.data)])}{piece}</a>"
        if quote is not None:
            kind = str(quote.data.get("kind") or "direct")
            kind = QCoreApplication.translate("CleanedView", QUOTE_KINDS.get(kind, kind))
            title = QCoreApplication.translate("CleanedView", "Quote ({kind}), speaker: {speaker}")
            title = title.format(kind=kind, speaker=_speaker(quote.data))
            piece = (
                f'<span style="background-color:{colours.quote_background}; color:{colours.quote_ink}; font-style:italic;" '
                f'title="{escape(title)}">{piece}</span>'
            )
        out.append(piece + badges.get(b, ""))
    return "".join(out)


def _speaker(quote: dict[str, Any]) -> str:
    unknown = QCoreApplication.translate("CleanedView", "unknown speaker")
    return str(quote.get("speaker_canonical") or quote.get("speaker") or unknown)


def _spans_by_paragraph(paragraphs: list[Paragraph], spans: list[_Span]) -> list[list[_Span]]:
    """The spans overlapping each paragraph, in their original order (paragraphs are sorted by start)."""
    starts = [p.start for p in paragraphs]
    buckets: list[list[_Span]] = [[] for _ in paragraphs]
    for span in spans:
        first = max(bisect_right(starts, span.start) - 1, 0)
        for number in range(first, len(paragraphs)):
            para = paragraphs[number]
            if para.start >= span.end:
                break
            if span.start < para.end and span.end > para.start:
                buckets[number].append(span)
    return buckets


def metadata_line(doc: dict[str, Any]) -> str:
    """"site · author · published · language · URL" with the parts that are known, and a text file's encoding."""
    parts = [str(doc[k]) for k in ("site", "author", "published") if doc.get(k)]
    if doc.get("language"):
        parts.append(language_name(str(doc["language"])))
    if doc.get("url"):
        parts.append(str(doc["url"]))
    if doc.get("format") == "text" and doc.get("charset"):
        parts.append(QCoreApplication.translate("CleanedView", "encoding {charset}").format(charset=doc["charset"]))
    return " \u00b7 ".join(parts)


def _paragraph_open(para: Paragraph, colours: ReaderColours, number: int) -> tuple[str, str]:
    """The paragraph's opening tag and what goes before its text, by the kind of its block: a subheading in bold, a
    list item with a bullet, a block quote indented, a caption small and dim, a `<pre>` with its line breaks (a
    listing's lines in a fixed-width font: `core.clean.preformatted`), and the paragraph's `number` on its Qt block.
    Only markup is added: the text and its offsets stay the block's."""
    kind = para.block.kind if para.block is not None and shown_kind(para.block) else ""
    styles = [paragraph_state(number)]
    prefix = ""
    if kind == "heading":
        styles.append("font-weight:600; font-size:large; margin-top:10px;")
    elif kind == "list-item":
        styles.append("margin-left:16px;")
        prefix = "" if marked_list_item(para.text) else "\u2022\u00a0"  # a dump's line keeps its own bullet
    elif kind == "blockquote":
        styles.append("margin-left:24px; margin-right:12px;")
    elif kind == "caption":
        styles.append(f"font-size:small; color:{colours.dim};")
    if "\n" in para.text:
        styles.append("white-space:pre-wrap;" + (" font-family:monospace;" if kind == PREFORMATTED else ""))
    return f'<p style="{" ".join(styles)}">', prefix


def build_cleaned_html(data: ReaderData, hidden_labels: set[str], colours: ReaderColours = LIGHT) -> str:
    """The whole cleaned view of a document, in `colours` (from `reader_colours(palette)`)."""
    return "\n".join(cleaned_html_parts(data, hidden_labels, colours))


def cleaned_html_parts(data: ReaderData, hidden_labels: set[str], colours: ReaderColours = LIGHT) -> list[str]:
    """`build_cleaned_html` in its top-level elements (the title, the metadata line, each paragraph or table)."""
    visible = _visible_entities(data.entities, hidden_labels)
    tags = _entity_open_tags(visible)
    spans = [_Span(int(e["start"]), int(e["end"]), "entity", e) for e in visible]
    spans += [_Span(int(q["start"]), int(q["end"]), "quote", q) for q in data.quotes]
    title = escape(str(data.doc.get("title") or QCoreApplication.translate("CleanedView", "(untitled)")))
    no_meta = QCoreApplication.translate("CleanedView", "no site, author or date recorded")
    meta = escape(metadata_line(data.doc)) or escape(no_meta)
    # The extractor keeps the headline as the body's first block; it is shown once, as the view's title,
    # which then stands for that block (its number: click-to-source and the block menu still reach it).
    headline_block = bool(data.paragraphs) and repeats_title(data.paragraphs[0].text, data.doc.get("title"))
    parts = [
        f'<h2 style="{paragraph_state(0)}">{title}</h2>' if headline_block else f"<h2>{title}</h2>",
        f'<p style="color:{colours.dim}; font-size:small;">{meta}</p>',
    ]
    if not data.paragraphs:
        empty = QCoreApplication.translate("CleanedView", "The cleaner kept no text from this document.")
        parts.append(f"<p><i>{escape(empty)}</i></p>")
    buckets = _spans_by_paragraph(data.paragraphs, spans)
    tables = drawn_as_tables([_table_row(para, buckets[n]) and not (n == 0 and headline_block) for n, para in enumerate(data.paragraphs)])
    rows: list[str] = []
    for number, para in enumerate(data.paragraphs):
        if number == 0 and headline_block:
            continue  # shown as the title above; the block stays in the text (and in packets)
        html = _paragraph_html(para, buckets[number], tags, colours)
        if number in tables:  # each cell carries the row's number: click-to-source from any of them
            rows.append("<tr>" + "".join(f'<td style="{paragraph_state(number)}">{cell}</td>' for cell in html.split("\t")) + "</tr>")
            continue
        if rows:
            parts.append(_table(rows, colours))
            rows = []
        if para.block is not None and para.block.kind == "table":  # a row not drawn in a table (too many, or a mention
            # across its cells): its cells set apart
            html = html.replace("\t", " \u2502 ")
        if "\n" in para.text:  # a line break inside the paragraph's block: Qt makes a new block of a bare "\n"
            html = html.replace("\n", "<br>")  # (its lines would lose the paragraph's number: click-to-source, menus)
        opening, prefix = _paragraph_open(para, colours, number)
        parts.append(f"{opening}{prefix}{html}</p>")
    if rows:
        parts.append(_table(rows, colours))
    return parts


def _table_row(para: Paragraph, spans: list[_Span]) -> bool:
    """A data table's row (cells joined by tabs: `core.clean.html_tables`) to show as a row of a table: not when a
    highlighted mention or quote runs across a tab (its markup would be cut)."""
    if para.block is None or para.block.kind != "table" or "\t" not in para.text:
        return False
    return not any("\t" in para.text[max(s.start, para.start) - para.start : min(s.end, para.end) - para.start] for s in spans)


def _table(rows: list[str], colours: ReaderColours) -> str:
    return (f'<table border="1" cellspacing="0" cellpadding="3" style="border-color:{colours.dim}; border-style:solid; '
            f'margin-top:6px; margin-bottom:8px;">{"".join(rows)}</table>')
