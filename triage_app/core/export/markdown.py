"""briefing.md: the briefing as plain Markdown, with library text escaped so it cannot become markup."""

from __future__ import annotations

import re

from triage_app.core.export.data import ORIGINALS_NOTE, PacketDocument, entity_index, speaker_index
from triage_app.core.export.highlight import marked_list_item, paragraph_kinds, paragraph_ranges, repeats_title, visible
from triage_app.core.export.html import LABEL_NAMES, BriefingInfo
from triage_app.core.records import PREFORMATTED

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~])")


def md_escape(text: object) -> str:
    """Escape Markdown (and raw-HTML) syntax in library text; newlines become spaces."""
    value = visible("" if text is None else str(text))
    value = " ".join(value.split())
    return _MD_SPECIAL.sub(r"\\\1", value)


def _block(text: str) -> str:
    """Multi-line text as escaped paragraphs."""
    paragraphs = [md_escape(p) for p in (text or "").split("\n\n") if p.strip()]
    return "\n\n".join(paragraphs)


def _fenced(text: str) -> str:
    """A listing's lines as a fenced code block: nothing inside is markup, and the fence is longer than any run
    of backticks in the text, so the text cannot close it."""
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * max(3, max(runs, default=0) + 1)
    return f"{fence}text\n{visible(text)}\n{fence}"


def _document_text(d: PacketDocument) -> str:
    """The cleaned text as escaped paragraphs; a `<pre>` listing's paragraphs as fenced code, line breaks of
    other paragraphs kept as hard breaks."""
    text = d.doc.get("text") or ""
    kinds = paragraph_kinds(text, d.blocks)
    out: list[str] = []
    rows: list[list[str]] = []
    for n, (start, end) in enumerate(paragraph_ranges(text)):
        paragraph = text[start:end]
        if n == 0 and repeats_title(paragraph, d.doc.get("title")):
            continue  # the headline is the document's heading above
        kind = kinds.get(n, "")
        if kind == "table" and "\t" in paragraph:
            rows.append([md_escape(cell) for cell in paragraph.split("\t")])
            continue
        if rows:
            out.append(_pipe_table(rows))
            rows = []
        if kind == "list-item" and marked_list_item(paragraph):
            kind = ""  # its own bullet or number, escaped, shows as it is
        if kind == PREFORMATTED:
            out.append(_fenced(paragraph))
            continue
        escaped = "\\\n".join(md_escape(line) for line in paragraph.split("\n") if line.strip())
        out.append(f"{_KIND_MARK.get(kind, '')}{escaped}" if kind != "caption" else f"_{escaped}_")
    if rows:
        out.append(_pipe_table(rows))
    return "\n\n".join(out)


def _pipe_table(rows: list[list[str]]) -> str:
    """A data table's rows (cells escaped, so no cell can end one) as a pipe table, the first row as its header."""
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in rows]
    return "\n".join([lines[0], "|" + " --- |" * width, *lines[1:]])


_KIND_MARK = {"heading": "#### ", "list-item": "- ", "blockquote": "> "}
"""Markdown before a paragraph of a subheading, list item or block quote (`highlight.paragraph_kinds`)."""


def render_markdown(info: BriefingInfo, docs: list[PacketDocument]) -> str:
    """The whole briefing in Markdown."""
    out = [f"# {md_escape(info.title)}", ""]
    if info.caveat.strip():
        out += [f"**{md_escape(info.caveat)}**", ""]
    out += [
        f"- Analyst: {md_escape(info.analyst or '—')}",
        f"- Date: {md_escape(info.created)}",
        f"- Documents: {len(docs)}",
        f"- Selection: {md_escape(info.criteria)}",
        "",
        md_escape(ORIGINALS_NOTE),
        "",
        "## Contents",
        "",
    ]
    out += [f"{d.number}. {md_escape(d.title)}" for d in docs]
    for d in docs:
        doc = d.doc
        out += ["", f"## {d.number}. {md_escape(d.title)}", ""]
        for label, value in (
            ("Site", doc.get("site")), ("Author", doc.get("author")), ("Published", doc.get("published")),
            ("Captured", doc.get("captured_at")), ("Imported", doc.get("imported_at")), ("URL", doc.get("url")),
        ):
            if value:
                out.append(f"- {label}: {md_escape(value)}")
        out.append(f"- SHA-256 of original: `{doc.get('sha256')}`")
        if d.original_path:
            out.append(f"- Original in packet: `{d.original_path}`")
        out.append(f"- Relevance: **{md_escape(doc.get('relevance'))}**" + (" ★ starred" if doc.get("starred") else ""))
        if doc.get("tags"):
            out.append("- Tags: " + ", ".join(md_escape(t) for t in doc["tags"]))
        if (doc.get("note") or "").strip():
            out += ["", "**Note:** " + _block(doc["note"])]
        if d.quotes:
            out += ["", "### Key quotes", ""]
            for q in d.quotes:
                who = q.get("speaker_canonical") or q.get("speaker") or "unattributed"
                out += [f"> “{md_escape(q.get('text'))}”", f"> — {md_escape(who)} ({md_escape(q.get('kind'))})", ""]
        out += ["", "### Text", "", _document_text(d) or "_(no cleaned text)_"]
    out += ["", "## Index of entities", "", "| Entity | Type | Documents |", "| --- | --- | --- |"]
    for r in entity_index(docs):
        nums = ", ".join(str(n) for n in sorted(r["docs"]))
        out.append(f"| {md_escape(r['canonical'])} | {LABEL_NAMES.get(r['label'], md_escape(r['label']))} | {nums} |")
    out += ["", "## Index of speakers", "", "| Speaker | Documents |", "| --- | --- |"]
    for r in speaker_index(docs):
        out.append(f"| {md_escape(r['speaker'])} | {', '.join(str(n) for n in sorted(r['docs']))} |")
    out += ["", f"_Generated by {md_escape(info.generator)} on {md_escape(info.created)}._", ""]
    return "\n".join(out)
