"""briefing.docx: the briefing as a Word document (python-docx), for analysts who edit it."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from triage_app.core.export.briefing_text import paragraph_direction
from triage_app.core.export.data import PacketDocument, entity_index, speaker_index
from triage_app.core.export.highlight import marked_list_item, opens_with_title, paragraph_kinds, paragraph_pieces
from triage_app.core.export.html import LABEL_NAMES, BriefingInfo
from triage_app.core.records import PREFORMATTED

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_HIGHLIGHT = {
    "PERSON": WD_COLOR_INDEX.TURQUOISE, "ORG": WD_COLOR_INDEX.YELLOW, "PLACE": WD_COLOR_INDEX.BRIGHT_GREEN,
    "DATE": WD_COLOR_INDEX.GRAY_25, "NORP": WD_COLOR_INDEX.PINK, "MONEY": WD_COLOR_INDEX.YELLOW,
}


def x(text: object) -> str:
    """Text Word's XML can hold: characters XML forbids are dropped."""
    return _XML_INVALID.sub("", "" if text is None else str(text))


_TAB_OR_BREAK = re.compile(r"[\t\r\n]")


def add_text_run(para: Paragraph, text: str) -> Run:
    """`para.add_run(text)`, the text written as one `<w:t>` when it holds no tab or line break (the same XML): python-docx
    turns text into run content a character at a time (17.7 million calls for two documents of 150,000 paragraphs)."""
    if not text or _TAB_OR_BREAK.search(text):
        return para.add_run(text)
    run = para.add_run()
    run._r.add_t(text)
    return run


class _Body:
    """Appends paragraphs in constant time.

    python-docx's `add_paragraph` searches the whole body for the section properties on every
    call, which makes a 500-document briefing take minutes; here that element is found once.
    """

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self._end = document.element.body.sectPr  # stays the body's last child
        self._style_ids: dict[str, str] = {}

    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        element = OxmlElement("w:p")
        if self._end is not None:
            self._end.addprevious(element)
        else:
            self.document.element.body.append(element)
        para = Paragraph(element, self.document._body)
        if style:
            if style not in self._style_ids:
                self._style_ids[style] = str(self.document.styles[style].style_id)
            element.style = self._style_ids[style]  # the style lookup python-docx repeats per paragraph
        if text:
            para.add_run(text)
        return para

    def heading(self, text: str, level: int) -> Paragraph:
        return self.paragraph(text, "Title" if level == 0 else f"Heading {level}")

    def table(self, rows: list[list[str]]) -> None:
        """A data table's rows (cells as plain text) as a Word table in the "Table Grid" style, after the last paragraph."""
        width = max(len(row) for row in rows)
        table = self.document.add_table(rows=len(rows), cols=width)  # placed before the section properties, as paragraphs are
        table.style = self.document.styles["Table Grid"]
        for cells, row in zip((r.cells for r in table.rows), rows):
            for cell, text in zip(cells, row):
                cell.text = text

    def page_break(self) -> None:
        self.paragraph().add_run().add_break(WD_BREAK.PAGE)


def render_docx(info: BriefingInfo, docs: list[PacketDocument]) -> bytes:
    """The whole briefing as .docx bytes."""
    document = _Body(Document())
    document.document.core_properties.title = x(info.title)[:250]
    document.document.core_properties.author = x(info.analyst)[:250]
    document.heading(x(info.title), level=0)
    if info.caveat.strip():
        run = document.paragraph().add_run(x(info.caveat).upper())
        run.bold = True
        run.font.color.rgb = RGBColor(0x8B, 0x1E, 0x1E)
    for label, value in (("Analyst", info.analyst or "—"), ("Date", info.created), ("Documents", str(len(docs))),
                         ("Selection", info.criteria)):
        p = document.paragraph()
        p.add_run(f"{label}: ").bold = True
        p.add_run(x(value))
    document.heading("Contents", level=1)
    for d in docs:
        document.paragraph(f"{d.number}. {x(d.title)}", style="List Number")
    for d in docs:
        _document(document, d)
    _indexes(document, docs)
    buffer = io.BytesIO()
    document.document.save(buffer)
    return buffer.getvalue()


def _document(document: _Body, d: PacketDocument) -> None:
    document.page_break()
    document.heading(f"{d.number}. {x(d.title)}", level=1)
    doc = d.doc
    rows = [("Site", doc.get("site")), ("Author", doc.get("author")), ("Published", doc.get("published")),
            ("Captured", doc.get("captured_at")), ("Imported", doc.get("imported_at")), ("URL", doc.get("url")),
            ("SHA-256 of original", doc.get("sha256")), ("Original in packet", d.original_path or "not included")]
    table = document.document.add_table(rows=0, cols=2)
    table.style = "Light Grid Accent 1"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = x(value or "—")
    p = document.paragraph()
    p.add_run("Assessment: ").bold = True
    p.add_run(x(doc.get("relevance")) + ("  ★ starred" if doc.get("starred") else ""))
    if doc.get("tags"):
        p.add_run("   Tags: " + x(", ".join(doc["tags"])))
    if (doc.get("note") or "").strip():
        note = document.paragraph(style="Intense Quote")
        note.add_run("Note: ").bold = True
        note.add_run(x(doc["note"]))
    if d.quotes:
        document.heading("Key quotes", level=2)
        for q in d.quotes:
            who = q.get("speaker_canonical") or q.get("speaker") or "unattributed"
            para = document.paragraph(style="Quote")
            para.add_run(f"“{x(q.get('text'))}”")
            meta = para.add_run(f" — {x(who)} ({x(q.get('kind'))})")
            meta.italic = False
            meta.font.size = Pt(9)
            _set_direction(para, x(q.get("text")))
    document.heading("Text", level=2)
    kinds = paragraph_kinds(doc.get("text") or "", d.blocks)
    first = 1 if opens_with_title(doc.get("text") or "", doc.get("title")) else 0  # the headline is the heading above
    table_rows: list[list[str]] = []
    for number, pieces in enumerate(paragraph_pieces(doc.get("text") or "", d.shown_entities(), d.quotes)):
        if number < first:
            continue
        kind = kinds.get(number, "")
        plain = "".join(piece.text for piece in pieces)
        if kind == "table" and "\t" in plain:
            table_rows.append([x(cell) for cell in plain.split("\t")])
            continue
        if table_rows:
            document.table(table_rows)
            table_rows = []
        if kind == "list-item" and marked_list_item(plain):
            kind = ""  # its own bullet or number: Word's list style would add another
        para = document.paragraph(style=_KIND_STYLE.get(kind))
        for piece in pieces:
            run = add_text_run(para, x(piece.text))  # a line break inside it becomes Word's
            if kinds.get(number) == PREFORMATTED:  # a <pre> listing's lines, in a fixed-width font as the page set them
                run.font.name = "Consolas"
                run.font.size = Pt(9)
            if piece.entity is not None:
                run.font.highlight_color = _HIGHLIGHT.get(str(piece.entity.get("label")), WD_COLOR_INDEX.GRAY_25)
            if piece.quoted:
                run.italic = True
        _set_direction(para, plain)
    if table_rows:
        document.table(table_rows)


_KIND_STYLE = {"heading": "Heading 3", "list-item": "List Bullet", "blockquote": "Quote", "caption": "Caption"}
"""Word's built-in style for a paragraph of a subheading, list item, block quote or caption (`highlight.paragraph_kinds`)."""


def _set_direction(para: Paragraph, text: str) -> None:
    """A paragraph whose first letter with a direction reads right to left (Arabic, Hebrew, Persian) is laid out
    right to left in Word, as in the HTML and PDF briefings: `w:bidi` on the paragraph, `w:rtl` on its runs (last
    in their properties, where the schema puts it after highlight and italics)."""
    if paragraph_direction(text) != "rtl":
        return
    para._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
    for run in para.runs:
        run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))


def _indexes(document: _Body, docs: list[PacketDocument]) -> None:
    document.page_break()
    document.heading("Index of entities", level=1)
    for r in entity_index(docs):
        label = LABEL_NAMES.get(r["label"], r["label"])
        document.paragraph(f"{x(r['canonical'])} ({x(label)}): " + ", ".join(str(n) for n in sorted(r["docs"])))
    document.heading("Index of speakers", level=1)
    for r in speaker_index(docs):
        document.paragraph(f"{x(r['speaker'])}: " + ", ".join(str(n) for n in sorted(r["docs"])))
