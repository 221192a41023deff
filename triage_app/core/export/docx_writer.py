"""briefing.docx: the briefing as a Word document (python-docx), for analysts who edit it."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt, RGBColor

from triage_app.core.export.data import PacketDocument, entity_index, speaker_index
from triage_app.core.export.highlight import paragraph_pieces
from triage_app.core.export.html import LABEL_NAMES, BriefingInfo

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_HIGHLIGHT = {
    "PERSON": WD_COLOR_INDEX.TURQUOISE, "ORG": WD_COLOR_INDEX.YELLOW, "PLACE": WD_COLOR_INDEX.BRIGHT_GREEN,
    "DATE": WD_COLOR_INDEX.GRAY_25, "NORP": WD_COLOR_INDEX.PINK, "MONEY": WD_COLOR_INDEX.YELLOW,
}


def x(text: object) -> str:
    """Text Word's XML can hold: characters XML forbids are dropped."""
    return _XML_INVALID.sub("", "" if text is None else str(text))


def render_docx(info: BriefingInfo, docs: list[PacketDocument]) -> bytes:
    """The whole briefing as .docx bytes."""
    document = Document()
    document.core_properties.title = x(info.title)[:250]
    document.core_properties.author = x(info.analyst)[:250]
    document.add_heading(x(info.title), level=0)
    if info.caveat.strip():
        run = document.add_paragraph().add_run(x(info.caveat).upper())
        run.bold = True
        run.font.color.rgb = RGBColor(0x8B, 0x1E, 0x1E)
    for label, value in (("Analyst", info.analyst or "—"), ("Date", info.created), ("Documents", str(len(docs))),
                         ("Selection", info.criteria)):
        p = document.add_paragraph()
        p.add_run(f"{label}: ").bold = True
        p.add_run(x(value))
    document.add_heading("Contents", level=1)
    for d in docs:
        document.add_paragraph(f"{d.number}. {x(d.title)}", style="List Number")
    for d in docs:
        _document(document, d)
    _indexes(document, docs)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _document(document: DocxDocument, d: PacketDocument) -> None:
    document.add_page_break()  # type: ignore[no-untyped-call]
    document.add_heading(f"{d.number}. {x(d.title)}", level=1)
    doc = d.doc
    rows = [("Site", doc.get("site")), ("Author", doc.get("author")), ("Published", doc.get("published")),
            ("Captured", doc.get("captured_at")), ("Imported", doc.get("imported_at")), ("URL", doc.get("url")),
            ("SHA-256 of original", doc.get("sha256")), ("Original in packet", d.original_path or "not included")]
    table = document.add_table(rows=0, cols=2)
    table.style = "Light Grid Accent 1"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = x(value or "—")
    p = document.add_paragraph()
    p.add_run("Assessment: ").bold = True
    p.add_run(x(doc.get("relevance")) + ("  ★ starred" if doc.get("starred") else ""))
    if doc.get("tags"):
        p.add_run("   Tags: " + x(", ".join(doc["tags"])))
    if (doc.get("note") or "").strip():
        note = document.add_paragraph(style="Intense Quote")
        note.add_run("Note: ").bold = True
        note.add_run(x(doc["note"]))
    if d.quotes:
        document.add_heading("Key quotes", level=2)
        for q in d.quotes:
            who = q.get("speaker_canonical") or q.get("speaker") or "unattributed"
            para = document.add_paragraph(style="Quote")
            para.add_run(f"“{x(q.get('text'))}”")
            meta = para.add_run(f" — {x(who)} ({x(q.get('kind'))})")
            meta.italic = False
            meta.font.size = Pt(9)
    document.add_heading("Text", level=2)
    for pieces in paragraph_pieces(doc.get("text") or "", d.shown_entities(), d.quotes):
        para = document.add_paragraph()
        for piece in pieces:
            run = para.add_run(x(piece.text))
            if piece.entity is not None:
                run.font.highlight_color = _HIGHLIGHT.get(str(piece.entity.get("label")), WD_COLOR_INDEX.GRAY_25)
            if piece.quoted:
                run.italic = True


def _indexes(document: DocxDocument, docs: list[PacketDocument]) -> None:
    document.add_page_break()  # type: ignore[no-untyped-call]
    document.add_heading("Index of entities", level=1)
    for r in entity_index(docs):
        label = LABEL_NAMES.get(r["label"], r["label"])
        document.add_paragraph(f"{x(r['canonical'])} ({x(label)}): " + ", ".join(str(n) for n in sorted(r["docs"])))
    document.add_heading("Index of speakers", level=1)
    for r in speaker_index(docs):
        document.add_paragraph(f"{x(r['speaker'])}: " + ", ".join(str(n) for n in sorted(r["docs"])))
