"""The reader's models (qtmodeltester and data()), and its pure helpers: page marking, cleaned HTML, URLs."""

from __future__ import annotations

from typing import Any

import lxml.html
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument

from triage_app.core.records import SHOWN_ENTITY_LABELS, Block
from triage_app.gui.reader.cleaned_html import build_cleaned_html, entity_href, paragraph_state, parse_entity_href
from triage_app.gui.reader.fallback_original import sanitise
from triage_app.gui.reader.marking import REMOVED_CLASS, SAME_REASON_CLASS, MarkedPage, mark_page
from triage_app.gui.reader.models import (
    CanonicalRole,
    EntityIdRole,
    EntitySummaryModel,
    QuoteStartRole,
    QuoteTableModel,
)
from triage_app.gui.reader.reader_data import ReaderData, split_paragraphs
from triage_app.gui.reader.scheme import index_url, parse_url, resource_url

SUMMARY = [
    {"entity_id": 1, "canonical": "NATO", "label": "ORG", "count": 3, "hidden": 0},
    {"entity_id": 2, "canonical": "Steve Witkoff", "label": "PERSON", "count": 2, "hidden": 0},
    {"entity_id": 3, "canonical": "Kyiv", "label": "PLACE", "count": 1, "hidden": 0},
    {"entity_id": 4, "canonical": "Hidden Corp", "label": "ORG", "count": 9, "hidden": 1},
    {"entity_id": 5, "canonical": "three", "label": "CARDINAL", "count": 4, "hidden": 0},
    {"entity_id": 6, "canonical": "EU", "label": "ORG", "count": 1, "hidden": 0},
]
QUOTES = [
    {"id": 1, "start": 10, "end": 20, "text": "We will see", "kind": "direct", "speaker": "he",
     "speaker_canonical": "Steve Witkoff"},
    {"id": 2, "start": 40, "end": 60, "text": "Not now", "kind": "partial", "speaker": None, "speaker_canonical": None},
]


def test_entity_summary_model(qtmodeltester: Any) -> None:
    model = EntitySummaryModel()
    model.set_summary(SUMMARY, SHOWN_ENTITY_LABELS)
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["PERSON", "ORG", "PLACE"]
    org = model.index(1, 0)
    assert model.index(1, 1).data() == "4"  # NATO 3 + EU 1; the hidden entity is left out
    assert [model.index(r, 0, org).data() for r in range(model.rowCount(org))] == ["NATO", "EU"]
    nato = model.index(0, 0, org)
    assert nato.data(EntityIdRole) == 1 and nato.data(CanonicalRole) == "NATO"
    assert model.index(0, 1, org).data() == "3"
    assert model.parent(nato) == org.siblingAtColumn(0)
    assert model.rowCount(nato) == 0
    assert org.data(EntityIdRole) is None
    model.set_summary([], SHOWN_ENTITY_LABELS)
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_quote_table_model(qtmodeltester: Any) -> None:
    model = QuoteTableModel()
    model.set_quotes(QUOTES)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 2
    assert model.index(0, 0).data() == "Steve Witkoff"
    assert model.index(1, 0).data() == "unknown"
    assert model.index(1, 1).data() == "Not now"
    assert model.index(0, 1).data(QuoteStartRole) == 10
    assert "partial" in model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Speaker"
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_scheme_urls_round_trip() -> None:
    assert index_url(7) == "triage-doc://doc/7/index.html"
    name = "https://example.org/img/a b.png?x=1"
    url = resource_url(7, name)
    assert url.startswith("triage-doc://doc/7/_r/") and " " not in url
    assert parse_url(url.split("triage-doc://doc", 1)[1]) == (7, name)
    assert parse_url("/7/page_files/a.png") == (7, "page_files/a.png")
    assert parse_url("/x/index.html") is None
    # a page saved on a Latin-1 disk names its folder's files in those bytes; they are stored written \xNN
    assert parse_url("/7/caf%C3%A9_files/a.png") == (7, "café_files/a.png")
    assert parse_url("/7/caf%E9_files/a.png") == (7, "caf\\xe9_files/a.png")
    assert parse_url(resource_url(7, "caf\\xe9_files/a.png").split("triage-doc://doc", 1)[1]) == (7, "caf\\xe9_files/a.png")


def test_entity_href_round_trip() -> None:
    assert parse_entity_href(entity_href(12, "Zelenskyy / Volodymyr")) == (12, "Zelenskyy / Volodymyr")
    assert parse_entity_href("http://example.org") is None


def test_mark_page_shades_removed_blocks_and_maps_resources() -> None:
    page = ('<html><head><base href="https://news.example/a/"><meta http-equiv="refresh" content="0;url=http://x">'
            '</head><body><nav><a href="/">Home</a></nav><article><p>Kept text</p>'
            '<img src="https://news.example/a/pic.jpg"><img src="page_files/b.png"></article></body></html>')
    tree = lxml.html.document_fromstring(page).getroottree()
    nav, para = tree.xpath("//nav")[0], tree.xpath("//p")[0]
    blocks = [
        Block(0, "paragraph", "Home", False, "navigation", "dom:" + tree.getpath(nav)),
        Block(1, "paragraph", "Kept text", True, None, "dom:" + tree.getpath(para)),
        Block(2, "paragraph", "Gone", False, "footer", "dom:/html/body/footer[3]"),
        Block(3, "line", "x", True, None, "lines:1-1"),
    ]
    marked = mark_page(page, blocks, doc_id=5, resource_names=["https://news.example/a/pic.jpg"])
    out = lxml.html.document_fromstring(marked.html)
    shaded = out.xpath(f"//*[contains(@class, '{REMOVED_CLASS}')]")
    assert [e.tag for e in shaded] == ["nav"]
    assert shaded[0].get("title") == "Removed: navigation" and shaded[0].get("id") == "blk-0"
    assert marked.anchors == {0: "blk-0", 1: "blk-1"}
    assert marked.unmatched == [2]
    assert out.xpath("//img/@src") == [resource_url(5, "https://news.example/a/pic.jpg"), "page_files/b.png"]
    assert not out.xpath("//base") and not out.xpath("//meta[@http-equiv='refresh']")
    csp = out.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "script-src 'none'" in csp and "default-src 'none'" in csp


def test_a_run_of_blocks_removed_for_one_reason_is_labelled_once() -> None:
    """A menu's items, removed one after another as navigation, carry one label (the first item's); each keeps its
    shading and its tooltip. Another reason, or a kept block between, starts a new label."""
    items = "".join(f"<li><a href='/{n}'>Section {n}</a></li>" for n in range(4))
    page = f"<html><body><ul>{items}</ul><p>Kept story</p><p>Share this</p><div>Footer line</div><p>More share</p></body></html>"
    tree = lxml.html.document_fromstring(page).getroottree()
    lis = tree.xpath("//li")
    paragraphs = tree.xpath("//p")
    blocks = [Block(n, "list-item", f"Section {n}", False, "navigation", "dom:" + tree.getpath(li)) for n, li in enumerate(lis)]
    blocks += [
        Block(4, "paragraph", "Kept story", True, None, "dom:" + tree.getpath(paragraphs[0])),
        Block(5, "paragraph", "Share this", False, "share", "dom:" + tree.getpath(paragraphs[1])),
        Block(6, "paragraph", "Footer line", False, "footer", "dom:" + tree.getpath(tree.xpath("//div")[0])),
        Block(7, "paragraph", "More share", False, "share", "dom:" + tree.getpath(paragraphs[2])),
    ]
    out = lxml.html.document_fromstring(mark_page(page, blocks, doc_id=1).html)
    shaded = out.xpath(f"//*[contains(@class, '{REMOVED_CLASS}')]")
    labelled = [e.text_content() for e in shaded if SAME_REASON_CLASS not in e.get("class", "")]
    assert len(shaded) == 7 and all(e.get("title", "").startswith("Removed: ") for e in shaded)
    assert labelled == ["Section 0", "Share this", "Footer line", "More share"]
    assert f".{SAME_REASON_CLASS}::before" in out.xpath("//style")[-1].text


def _cleaned_and_marked(start: str) -> tuple[list[Block], MarkedPage]:
    """A ferry page that begins with `start` (up to its `<head>`), cleaned, then marked by the reader: (blocks, marked)."""
    from triage_app.core.clean.engine import clean_html_document

    story = " ".join(f"Paragraph {n} says the ferry ran on time all winter while the old pier was rebuilt." for n in range(5))
    page = (
        f'{start}<head><title>Ferry</title></head><body><nav><a href="/">Home</a> '
        f'<a href="/n">News</a></nav><div><h1>Ferry</h1><p>{story}</p><p>{story} Again.</p></div></body></html>'
    )
    blocks = clean_html_document(page).blocks
    return blocks, mark_page(page, blocks, doc_id=1)


def test_a_page_with_a_self_closed_html_tag_is_marked_where_the_cleaner_found_its_blocks() -> None:
    blocks, marked = _cleaned_and_marked('<!DOCTYPE html>\n<html lang="en"/>\n')
    assert marked.unmatched == [] and len(marked.anchors) == len(blocks) >= 3


def test_a_page_with_an_xml_declaration_is_rendered_and_marked_not_shown_as_its_source() -> None:
    """An XHTML page starting `<?xml version="1.0" encoding="utf-8"?>`: lxml refuses such a str, and the reader showed
    the page's source in a <pre> with no block found; the cleaner had already taken the declaration off."""
    blocks, marked = _cleaned_and_marked('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html>')
    assert marked.unmatched == [] and len(marked.anchors) == len(blocks) >= 3
    assert "<pre>" not in marked.html and "&lt;?xml" not in marked.html


def test_sanitise_drops_scripts_handlers_and_remote_images() -> None:
    html = sanitise('<p onclick="x()">Hi<script>alert(1)</script><img src="http://h/x.png">'
                    f'<img src="{resource_url(1, "a.png")}"></p>')
    assert "script" not in html and "onclick" not in html and "http://h" not in html
    assert "[remote image not loaded]" in html and resource_url(1, "a.png") in html


def test_sanitise_shows_a_shadow_root_s_content_but_no_inert_template() -> None:
    page = ('<x-story><template shadowmode="open"><p id="blk-0">Story <b>text</b></p><template><p>row</p></template>'
            '</template></x-story><template><p>inert</p></template>')
    marked = mark_page(page, [Block(0, "paragraph", "Story text", False, "navigation", "dom:/html/body/x-story/template/p")],
                       doc_id=1)
    assert 'shadowrootmode="open"' in marked.html and marked.anchors == {0: "blk-0"}
    html = sanitise(marked.html)
    assert "Story <b>text</b>" in html and 'class="triage-removed"' in html
    assert "row" not in html and "inert" not in html and "<style" not in html


def test_split_paragraphs_follows_kept_blocks() -> None:
    blocks = [Block(0, "p", "Nav", False, "navigation"), Block(1, "p", "One", True), Block(2, "p", "Two", True)]
    paragraphs = split_paragraphs("One\n\nTwo", blocks)
    assert [(p.start, p.end, p.block.index if p.block else None) for p in paragraphs] == [(0, 3, 1), (5, 8, 2)]
    drifted = split_paragraphs("One\n\nTwo changed", blocks)
    assert [(p.text, p.block) for p in drifted] == [("One", None), ("Two changed", None)]


def test_cleaned_html_escapes_text_and_nests_entities_in_quotes() -> None:
    text = 'Bob said "<b>NATO</b> rules" today.'
    block = Block(0, "p", text, True)
    start = text.index("NATO")
    data = ReaderData(
        {"id": 1, "title": "A <title>", "site": "s.example", "url": "https://s.example/x?a=1&b=2"},
        [block],
        split_paragraphs(text, [block]),
        entities=[{"entity_id": 9, "canonical": "NATO", "label": "ORG", "start": start, "end": start + 4, "hidden": 0}],
        quotes=[{"start": text.index('"'), "end": text.rindex('"') + 1, "text": "x", "kind": "direct",
                 "speaker": "Bob", "speaker_canonical": "Bob Smith"}],
    )
    html = build_cleaned_html(data, set())
    assert "<b>" not in html and "&lt;b&gt;" in html and "A &lt;title&gt;" in html
    assert "a=1&amp;b=2" in html
    assert html.index("font-style:italic") < html.index('href="entity:9/NATO"')
    assert "\u2014 Bob Smith" in html
    assert 'href="entity:9' not in build_cleaned_html(data, {"ORG"})


def test_cleaned_html_links_every_mention_and_spans_across_paragraphs() -> None:
    """Repeated mentions share one link; a quote spanning two paragraphs is shaded in both."""
    text = 'A&B met "Zoë / A&B.\n\nThen A&B left." Later A&B.'
    blocks = [Block(0, "p", text.split("\n\n")[0], True), Block(1, "p", text.split("\n\n")[1], True)]
    starts = [i for i in range(len(text)) if text.startswith("A&B", i)]
    entities = [{"entity_id": 3, "canonical": "A&B / Co", "label": "ORG", "start": s, "end": s + 3, "hidden": 0}
                for s in starts]
    entities.append({"entity_id": 4, "canonical": "Zoë", "label": "PERSON", "start": text.index("Zoë"),
                     "end": text.index("Zoë") + 3, "hidden": 0})
    quote = {"start": text.index('"'), "end": text.rindex('"') + 1, "kind": "direct", "speaker": "A&B"}
    data = ReaderData({"id": 1, "title": "t"}, blocks, split_paragraphs(text, blocks), entities=entities,
                      quotes=[quote])
    html = build_cleaned_html(data, set())
    link = f'<a href="{entity_href(3, "A&B / Co").replace("&", "&amp;")}" title="ORG: A&amp;B / Co"'
    assert html.count(link) == len(starts) == 4
    assert html.count(f'href="{entity_href(4, "Zoë")}"') == 1
    first, second = html.split("\n")[2:4]
    assert "font-style:italic" in first and "font-style:italic" in second
    assert second.index("Later") > second.rindex("font-style:italic")
    assert 'href="entity:4' not in build_cleaned_html(data, {"PERSON"})


def test_cleaned_view_shows_a_headline_that_opens_the_body_once() -> None:
    """The extractor keeps the headline as the body's first block; the view's title already shows it."""
    headline, body = "Harbour  Bridge reopens", "The bridge reopened on Monday."
    text = f"{headline}\n\n{body}"
    blocks = [Block(0, "h1", headline, True), Block(1, "p", body, True)]
    data = ReaderData({"id": 1, "title": "Harbour Bridge Reopens"}, blocks, split_paragraphs(text, blocks))
    html = build_cleaned_html(data, set())
    assert html.count("Harbour") == 1 and body in html
    assert paragraph_state(1) in html  # later paragraphs keep their numbers (click-to-source)
    assert html.index(paragraph_state(0)) < html.index("</h2>")  # the title stands for block 0
    other = ReaderData({"id": 2, "title": "Another title"}, blocks, split_paragraphs(text, blocks))
    assert "Harbour" in build_cleaned_html(other, set())  # a first block that is not the title stays


def test_cleaned_view_shows_a_listing_s_lines_in_a_fixed_width_font() -> None:
    """A `<pre>` listing keeps its lines and indentation (white-space:pre-wrap, a monospace font); re-joined prose
    from a `<pre>` keeps its line breaks in the body font; other paragraphs get only their number."""
    code, prose, plain = "if x:\n    y()", "Date: today\nFrom: desk", "A plain paragraph."
    blocks = [Block(0, "paragraph", plain, True), Block(1, "preformatted", code, True), Block(2, "paragraph", prose, True)]
    text = "\n\n".join(b.text for b in blocks)
    html = build_cleaned_html(ReaderData({"id": 1, "title": "t"}, blocks, split_paragraphs(text, blocks)), set())
    lines = html.split("\n")
    assert f'<p style="{paragraph_state(1)} white-space:pre-wrap; font-family:monospace;">if x:<br>    y()</p>' in lines
    assert f'<p style="{paragraph_state(2)} white-space:pre-wrap;">Date: today<br>From: desk</p>' in lines
    assert f'<p style="{paragraph_state(0)}">{plain}</p>' in lines
    document = QTextDocument()
    document.setHtml(html)  # each paragraph one text block, numbered: all its lines reach its source (click-to-source, menus)
    assert document.blockCount() == 2 + len(blocks)
    assert [document.findBlockByNumber(n).userState() for n in range(5)] == [-1, -1, 0, 1, 2]  # title, metadata, paragraphs
    assert "if x:\n    y()" in document.toPlainText()


def test_cleaned_view_marks_subheadings_list_items_quotes_and_captions() -> None:
    """Only markup is added by a block's kind: the text (and the offsets of entities and quotes in it) stays the block's."""
    kinds = [("heading", "What happened"), ("list-item", "First point"), ("blockquote", "A quoted passage."),
             ("caption", "A harbour photo."), ("paragraph", "A plain paragraph.")]
    blocks = [Block(n, kind, text, True, None, f"dom:/html/body/div/p[{n + 1}]") for n, (kind, text) in enumerate(kinds)]
    text = "\n\n".join(b.text for b in blocks)
    html = build_cleaned_html(ReaderData({"id": 1, "title": "t"}, blocks, split_paragraphs(text, blocks)), set())
    line = {k: next(x for x in html.split("\n") if t in x) for k, t in kinds}
    assert "font-weight:600" in line["heading"]
    assert "\u2022\u00a0First point" in line["list-item"] and "margin-left" in line["list-item"]
    assert "margin-left" in line["blockquote"] and "font-size:small" in line["caption"]
    assert line["paragraph"] == f'<p style="{paragraph_state(4)}">A plain paragraph.</p>'
    own = [Block(0, "list-item", "- A dump's own bullet", True), Block(1, "list-item", "2. A numbered line", True),
           Block(2, "heading", "See it now: Amazon", True, None, "lines:7-7")]  # a dump's short line is no subheading
    html = build_cleaned_html(ReaderData({"id": 1, "title": "t"}, own, split_paragraphs("\n\n".join(b.text for b in own), own)), set())
    assert "\u2022" not in html  # a text dump's or a PDF's list line keeps its own marker, not a second one
    assert "font-weight" not in html


def test_cleaned_view_shows_a_data_table_s_rows_as_a_table_with_each_cell_anchored() -> None:
    """Rows of a data table (cells joined by tabs) become one table; every cell carries its row's anchor, so a click
    in any cell reaches the row's source. A row where a highlighted mention runs across a tab stays a paragraph."""
    rows = ["Party\tVotes", "Harbour Party\t12,034", "Quay Alliance\t9,877"]
    blocks = [Block(0, "paragraph", "The results were announced.", True)]
    blocks += [Block(n + 1, "table", row, True, None, f"dom:/html/body/table/tr[{n + 1}]") for n, row in enumerate(rows)]
    text = "\n\n".join(b.text for b in blocks)
    data = ReaderData({"id": 1, "title": "t"}, blocks, split_paragraphs(text, blocks))
    html = build_cleaned_html(data, set())
    assert html.count("<table") == 1 and html.count("<tr>") == 3
    assert f'<td style="{paragraph_state(2)}">Harbour Party</td><td style="{paragraph_state(2)}">12,034</td>' in html
    document = QTextDocument()
    document.setHtml(html)
    assert "Quay Alliance" in document.toPlainText() and "\t" not in document.toPlainText()
    start = text.index("Harbour")
    across = ReaderData({"id": 1, "title": "t"}, blocks, split_paragraphs(text, blocks), entities=[
        {"entity_id": 1, "canonical": "Harbour Party 12", "label": "ORG", "start": start, "end": start + 16, "hidden": 0}])
    html = build_cleaned_html(across, set())
    assert html.count("<tr>") == 2 and "Harbour Party \u2502 12" in html  # that row is a paragraph, its cells apart
