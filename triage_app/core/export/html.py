"""briefing.html: one self-contained page (inline CSS, no script, no remote reference, strict CSP).

Every string that comes from the library is escaped where it is written, and the assembled body is
passed through nh3 (ammonia) with a small allow-list as a second line of defence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Any

from triage_app.core.export.briefing_sanitiser import sanitise
from triage_app.core.export.briefing_text import paragraph_direction, text_html
from triage_app.core.export.data import ORIGINALS_NOTE, PacketDocument, entity_index, speaker_index
from triage_app.core.export.highlight import label_class, visible
from triage_app.core.library import timeline

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)

LABEL_NAMES = {
    "PERSON": "Person", "ORG": "Organisation", "PLACE": "Place", "DATE": "Date", "NORP": "Group", "MONEY": "Money",
}

_SCREEN_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.55 "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: #1d232a; background: #eef1f4;
  margin: 0; }
main { max-width: 52rem; margin: 0 auto; background: #fff; padding: 2.5rem 3rem; }
h1 { font-size: 1.9rem; margin: 0 0 .4rem; line-height: 1.2; }
h2 { font-size: 1.35rem; margin: 0 0 .6rem; border-bottom: 2px solid #2c5d8f; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; color: #2c5d8f; }
.title-page { border-bottom: 3px double #2c5d8f; padding-bottom: 1rem; margin-bottom: 1.5rem; }
table.caveat { background: #8b1e1e; color: #fff; font-weight: bold; letter-spacing: .03em; margin: .6rem 0;
  border-collapse: collapse; } table.caveat td { padding: .35rem .7rem; }
table.meta { border-collapse: collapse; margin: .5rem 0; }
table.meta th { text-align: left; font-weight: 600; color: #55606b; padding: .1rem 1rem .1rem 0; vertical-align: top; }
table.meta td { padding: .1rem 0; overflow-wrap: anywhere; }
nav.toc ol { padding-left: 1.6rem; } nav.toc li { margin: .15rem 0; }
a { color: #2c5d8f; }
section.document { border-top: 1px solid #c9d1d9; padding-top: 1.6rem; margin-top: 2rem; }
table.card { border-collapse: collapse; width: 100%; font-size: .9rem; background: #f6f8fa; }
table.card th { text-align: left; width: 9rem; color: #55606b; font-weight: 600; vertical-align: top; }
table.card th, table.card td { padding: .2rem .6rem; border-bottom: 1px solid #e1e6eb; overflow-wrap: anywhere; }
code { font-family: "Cascadia Mono", Consolas, monospace; font-size: .82rem; }
.decision { margin: .8rem 0; } .badge { display: inline-block; border-radius: .8rem; padding: 0 .6rem;
  font-size: .85rem; font-weight: 600; background: #e1e6eb; }
.rel-relevant { background: #cfe8d4; color: #155d27; } .rel-maybe { background: #fbe7b5; color: #6b4b00; }
.rel-not-relevant { background: #f3d0d0; color: #7a1d1d; }
.tag { display: inline-block; background: #e6eef7; color: #2c5d8f; border-radius: .3rem; padding: 0 .4rem;
  margin-right: .25rem; font-size: .85rem; }
.note { border-left: 4px solid #d4a72c; background: #fff8e6; padding: .4rem .8rem; white-space: pre-wrap; }
blockquote.kq { margin: .5rem 0; padding: .3rem .9rem; border-left: 4px solid #7a5ea8; background: #f5f2fa; }
blockquote.kq p { margin: 0; } blockquote.kq-indirect { border-left-color: #b9a9d6; background: #faf8fd; }
.who { color: #55606b; font-size: .88rem; }
.text p { margin: 0 0 .8rem; unicode-bidi: isolate; }
.text p.listing { white-space: pre-wrap; font-family: "Cascadia Mono", Consolas, monospace; font-size: .82rem; }
.text p.sub { font-weight: 600; font-size: 1.05rem; margin-top: 1.1rem; } .text p.li { margin-left: 1.2rem; }
table.data { border-collapse: collapse; margin: 0 0 .8rem; font-size: .9rem; }
table.data td { border: 1px solid #c9d1d9; padding: .15rem .45rem; vertical-align: top; }
.text p.bq { margin-left: 1.6rem; margin-right: 1rem; color: #3b4450; } .text p.cap { font-size: .85rem; color: #55606b; }
.q { background: #ece5f7; }
.ent { border-bottom: 2px solid; padding: 0 1px; }
.ent-PERSON { background: #dcecff; border-color: #3b7dd8; } .ent-ORG { background: #ffe7d1; border-color: #d9822b; }
.ent-PLACE { background: #d9f2e0; border-color: #2f9e5a; } .ent-DATE { background: #eeeeee; border-color: #888; }
.ent-NORP { background: #fde2ef; border-color: #c2417f; } .ent-MONEY { background: #fff3bf; border-color: #b59f00; }
.legend span { margin-right: .6rem; }
table.index { border-collapse: collapse; width: 100%; font-size: .9rem; }
table.index th, table.index td { border-bottom: 1px solid #e1e6eb; padding: .2rem .5rem; text-align: left; }
footer { margin-top: 2.5rem; color: #55606b; font-size: .8rem; border-top: 1px solid #c9d1d9; padding-top: .6rem; }
@media print { body { background: #fff; } main { padding: 0; max-width: none; }
  section.document { page-break-before: always; border-top: 0; } }
"""

_PRINT_CSS = """
body { font-family: Arial, sans-serif; font-size: 10pt; color: #1d232a; }
h1 { font-size: 20pt; } h2 { font-size: 14pt; color: #2c5d8f; } h3 { font-size: 11pt; color: #2c5d8f; }
table.caveat { background-color: #8b1e1e; color: #ffffff; font-weight: bold; margin-top: 6pt; margin-bottom: 6pt; }
.document, .newpage { page-break-before: always; }
table.card { background-color: #f6f8fa; } table.card th, table.meta th { color: #55606b; text-align: left; }
table.index th { text-align: left; }
.badge { font-weight: bold; } .tag { color: #2c5d8f; }
.note { background-color: #fff8e6; } blockquote.kq { background-color: #f5f2fa; }
.who { color: #55606b; } .q { background-color: #ece5f7; }
.ent-PERSON { background-color: #dcecff; } .ent-ORG { background-color: #ffe7d1; }
.ent-PLACE { background-color: #d9f2e0; } .ent-DATE { background-color: #eeeeee; }
.ent-NORP { background-color: #fde2ef; } .ent-MONEY { background-color: #fff3bf; }
.colophon { color: #55606b; font-size: 8pt; margin-top: 12pt; }
p.listing { white-space: pre-wrap; font-family: monospace; font-size: 8pt; }
p.sub { font-weight: bold; font-size: 11pt; } p.li { margin-left: 12pt; } p.bq { margin-left: 16pt; }
p.cap { font-size: 8pt; color: #55606b; } table.data td { border: 1px solid #c9d1d9; padding: 3pt; font-size: 9pt; }
"""


@dataclass
class BriefingInfo:
    """The title page of a packet."""

    title: str
    analyst: str
    created: str
    caveat: str
    criteria: str
    generator: str


def _e(value: Any) -> str:
    return escape(visible("" if value is None else str(value)), quote=True)


def _title_page(info: BriefingInfo, count: int) -> str:
    rows = [("Analyst", info.analyst or "—"), ("Date", info.created), ("Documents", str(count)),
            ("Selection", info.criteria)]
    caveat = (
        f'<table class="caveat" width="100%" cellpadding="6" cellspacing="0"><tr><td>{_e(info.caveat.upper())}</td></tr></table>'
        if info.caveat.strip() else ""
    )
    meta = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
    return (f'<header class="title-page"><h1>{_e(info.title)}</h1>{caveat}'
            f'<table class="meta" cellpadding="2" cellspacing="0">{meta}</table>'
            f'<p class="originals-note">{_e(ORIGINALS_NOTE)}</p></header>')


def _toc(docs: list[PacketDocument]) -> str:
    def detail(d: PacketDocument) -> str:
        parts = [str(d.doc.get("site") or ""), str(d.doc.get("relevance") or "")]
        return " · ".join(p for p in parts if p) + (" ★" if d.doc.get("starred") else "")

    items = "".join(
        f'<li><a href="#{d.anchor}"><bdi>{_e(d.title)}</bdi></a> <small class="who">{_e(detail(d))}</small></li>'
        for d in docs
    )
    return f'<nav class="toc"><h2>Contents</h2><ol>{items}</ol><p><a href="#entity-index">Index of entities</a> · ' \
           f'<a href="#speaker-index">Index of speakers</a></p></nav>'


def _card(d: PacketDocument) -> str:
    doc = d.doc
    rows = [
        ("Title", f"<bdi>{_e(d.title)}</bdi>"), ("Site", _e(doc.get("site"))), ("Author", _e(doc.get("author"))),
        ("Published", _e(doc.get("published"))), ("Captured", _e(doc.get("captured_at"))),
        ("Imported", _e(doc.get("imported_at"))), ("URL", _e(doc.get("url"))),
        ("SHA-256 of original", f"<code>{_e(doc.get('sha256'))}</code>"),
        ("Original in packet", f"<code>{_e(d.original_path)}</code>" if d.original_path else "not included"),
    ]
    body = "".join(f'<tr><th width="25%">{k}</th><td>{v or "—"}</td></tr>' for k, v in rows)
    return f'<table class="card" cellpadding="3" cellspacing="0" width="100%">{body}</table>'


def _decision(d: PacketDocument) -> str:
    rel = str(d.doc.get("relevance") or "unreviewed")
    css = "".join(ch for ch in rel if ch.isalnum() or ch == "-")
    parts = [f'<span class="badge rel-{css}">{_e(rel)}</span>']
    if d.doc.get("starred"):
        parts.append('<span class="badge">★ starred</span>')
    parts.extend(f'<span class="tag">{_e(t)}</span>' for t in d.doc.get("tags") or [])
    note = f'<div class="note">{_e(d.doc.get("note"))}</div>' if (d.doc.get("note") or "").strip() else ""
    return f'<div class="decision"><p><b>Assessment:</b> {" ".join(parts)}</p>{note}</div>'


def _quotes(d: PacketDocument) -> str:
    """Key quotes: verbatim ones in quotation marks, reported speech as such, each with its speaker."""
    if not d.quotes:
        return ""
    items = []
    for q in d.quotes:
        who = q.get("speaker_canonical") or q.get("speaker") or "unattributed"
        detail = ", ".join(_e(x) for x in (q.get("kind"), q.get("cue")) if x)
        text = _e(q.get("text"))
        said = f"<em>(reported)</em> {text}" if q.get("kind") == "indirect" else f"“{text}”"
        direction = paragraph_direction(text)
        items.append(
            f'<blockquote class="kq kq-{label_class(q.get("kind") or "direct")}"><p dir="{direction}">{said}<br>'
            f'<span class="who">— <b>{_e(who)}</b>{" (" + detail + ")" if detail else ""}</span></p></blockquote>'
        )
    return "<h3>Key quotes</h3>" + "".join(items)


def _document(d: PacketDocument, total: int) -> str:
    # Each paragraph takes its direction from its own first letters (an Arabic or Hebrew paragraph reads right to
    # left, its full stop at its left end), and the text says its language (fonts, hyphenation, screen readers).
    text = text_html(d)
    language = d.doc.get("language")
    lang = f' lang="{_e(language)}"' if isinstance(language, str) and _LANGUAGE_CODE_RE.fullmatch(language) else ""
    return (
        f'<section class="document" id="{d.anchor}"><h2>{d.number}. <bdi>{_e(d.title)}</bdi></h2>'
        f'<p class="who">Document {d.number} of {total}</p>'
        f"{_card(d)}{_decision(d)}{_quotes(d)}<h3>Text</h3><div class=\"text\"{lang}>{text}</div></section>"
    )


_LANGUAGE_CODE_RE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*")
"""A language tag as the library stores one (ISO 639-1 from the detector, or a declared BCP 47 tag)."""


def _legend() -> str:
    spans = "".join(f'<span class="ent ent-{k}">{v}</span> ' for k, v in LABEL_NAMES.items())
    return f'<p class="legend who">Highlights: {spans}<span class="q">quotation</span></p>'


def _indexes(docs: list[PacketDocument]) -> str:
    def links(numbers: dict[int, int]) -> str:
        return ", ".join(f'<a href="#doc-{n}">{n}</a>' + (f" ({c}×)" if c > 1 else "") for n, c in sorted(numbers.items()))

    ent_rows = "".join(
        f'<tr><td>{_e(r["canonical"])}</td><td>{_e(LABEL_NAMES.get(r["label"], r["label"]))}</td>'
        f'<td>{links(r["docs"])}</td></tr>' for r in entity_index(docs)
    ) or '<tr><td colspan="3">No entities.</td></tr>'
    spk_rows = "".join(
        f'<tr><td>{_e(r["speaker"])}</td><td>{links(r["docs"])}</td></tr>' for r in speaker_index(docs)
    ) or '<tr><td colspan="2">No quotes.</td></tr>'
    head = '<table class="index" border="0" cellpadding="2" cellspacing="0" width="100%">'
    return (
        f'<section class="indexes newpage" id="entity-index"><h2>Index of entities</h2>{head}'
        f"<thead><tr><th>Entity</th><th>Type</th><th>Documents</th></tr></thead><tbody>{ent_rows}</tbody></table>"
        f'<h2 id="speaker-index">Index of speakers</h2>{head}'
        f"<thead><tr><th>Speaker</th><th>Documents</th></tr></thead><tbody>{spk_rows}</tbody></table></section>"
    )


def _timeline(docs: list[PacketDocument], *, for_print: bool) -> str:
    """The packet's documents on a small timeline: inline SVG (made here from dates and decisions only,
    so it is added after the sanitiser); for Qt's printer, the same SVG as an image."""
    data = timeline.from_documents(d.doc for d in docs)
    markup = timeline.svg(data)
    if not markup:
        return ""
    basis = "published date" + (f", captured date for {data.captured} without one" if data.captured else "")
    caption = f'<p class="timeline-note">Documents per {data.unit} by {_e(basis)}, coloured by decision.</p>'
    if for_print:
        return f'<p><img src="{timeline.svg_data_url(markup)}" width="480" height="90"></p>{caption}'
    return f'<figure class="timeline">{markup}{caption}</figure>'


def _body(info: BriefingInfo, docs: list[PacketDocument], *, for_print: bool = False) -> str:
    parts = [_toc(docs), _legend()]
    parts.extend(_document(d, len(docs)) for d in docs)
    parts.append(_indexes(docs))
    parts.append(f"<footer class=\"colophon\">Generated by {_e(info.generator)} on {_e(info.created)}. "
                 "Check this packet with manifest.json or SHA256SUMS.</footer>")
    return (sanitise(_title_page(info, len(docs))) + _timeline(docs, for_print=for_print)
            + sanitise("".join(parts)))


def render_briefing(info: BriefingInfo, docs: list[PacketDocument], *, for_print: bool = False) -> str:
    """The whole briefing page. `for_print` gives the CSS subset Qt's rich-text printer understands."""
    css = _PRINT_CSS if for_print else _SCREEN_CSS
    main = _body(info, docs, for_print=for_print)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(info.title)}</title><style>{css}</style></head>"
        f"<body><main>{main}</main></body></html>\n"
    )
