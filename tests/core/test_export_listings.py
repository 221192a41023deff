"""A `<pre>` listing in a briefing: its lines and indentation kept in the HTML, Markdown and Word briefings, in a
fixed-width font; other paragraphs as before."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from test_export_support import export, members

from triage_app.core import jobs
from triage_app.core.export.highlight import paragraph_kinds
from triage_app.core.library import Library
from triage_app.core.records import PREFORMATTED, Block

PROSE = ("Most of the time a one-line awk program is all you need to pull a column out of a log file, and it runs "
         "faster than any script you could write for the same job.")
CODE = "for host in hosts:\n    if host.down:\n        page(host.owner)\n\nprint(\"done\")"


def test_paragraph_kinds_are_those_of_kept_blocks_shown_apart() -> None:
    blocks = [Block(0, "paragraph", PROSE, True), Block(1, PREFORMATTED, CODE, True), Block(2, PREFORMATTED, "x\ny", False),
              Block(3, "list-item", "A point", True)]
    text = f"{PROSE}\n\n{CODE}\n\nA point"
    # the listing's blank line makes two paragraphs of the text; the removed block is not in it
    assert paragraph_kinds(text, blocks) == {1: PREFORMATTED, 2: PREFORMATTED, 3: "list-item"}
    assert paragraph_kinds(text + " edited", blocks) == {}  # a text that is no longer its blocks: nothing assumed


def test_a_listing_reads_as_the_page_set_it_in_every_briefing(tmp_path: Path) -> None:
    page = tmp_path / "hosts.html"
    page.write_text(f"<html><head><title>Paging on-call</title></head><body><article><h1>Paging on-call</h1><p>{PROSE}</p>"
                    f"<pre><code>{CODE}</code></pre><p>{PROSE}</p></article></body></html>", encoding="utf-8")
    library = Library.open(tmp_path / "l.sqlite")
    list(jobs.import_documents(library, [page]))
    result, _ = export(library, tmp_path / "p.zip")
    library.close()
    files = members(result.path)
    html = files["briefing.html"].decode("utf-8")
    assert '<p class="listing" dir="ltr">for host in hosts:<br>    if host.down:<br>        page(host.owner)</p>' in html
    assert f'<p dir="ltr">{PROSE}</p>' in html
    markdown = files["briefing.md"].decode("utf-8")
    assert "```text\nfor host in hosts:\n    if host.down:\n        page(host.owner)\n```" in markdown
    word = docx.Document(io.BytesIO(files["briefing.docx"]))
    listing = next(p for p in word.paragraphs if p.text.startswith("for host"))
    assert listing.text == "for host in hosts:\n    if host.down:\n        page(host.owner)"
    assert {run.font.name for run in listing.runs} == {"Consolas"}
    assert all(run.font.name is None for p in word.paragraphs if p.text == PROSE for run in p.runs)


def test_the_headline_opening_the_text_is_shown_once_in_every_briefing(tmp_path: Path) -> None:
    """The extractor keeps the headline as the text's first paragraph; each briefing shows it once, as the document's
    heading (as the reader does), and `cleaned.txt` keeps the text as stored."""
    page = tmp_path / "ferry.html"
    page.write_text(f"<html><head><title>Ferry  service resumes</title></head><body><article><h1>Ferry service resumes</h1>"
                    f"<p>{PROSE}</p><p>Ferry service resumes on Friday, the operator said.</p></article></body></html>", encoding="utf-8")
    library = Library.open(tmp_path / "l.sqlite")
    list(jobs.import_documents(library, [page]))
    result, _ = export(library, tmp_path / "p.zip")
    library.close()
    files = members(result.path)
    cleaned = next(v for k, v in files.items() if k.endswith("cleaned.txt")).decode("utf-8")
    assert cleaned.startswith("Ferry service resumes\n\n")
    html = files["briefing.html"].decode("utf-8")
    assert '<p dir="ltr">Ferry service resumes</p>' not in html and f'<p dir="ltr">{PROSE}</p>' in html
    assert "Ferry service resumes on Friday" in html  # a later paragraph that starts like the title stays
    markdown = files["briefing.md"].decode("utf-8")
    text_section = markdown.split("### Text", 1)[1]
    assert text_section.lstrip().startswith("Most of the time")
    word = docx.Document(io.BytesIO(files["briefing.docx"]))
    assert [p.text for p in word.paragraphs].count("Ferry service resumes") == 0
    assert any(p.text.endswith("Ferry service resumes") for p in word.paragraphs if p.style.name.startswith("Heading"))


def test_subheadings_list_items_and_quotes_read_as_such_in_every_briefing(tmp_path: Path) -> None:
    page = tmp_path / "port.html"
    page.write_text(f"<html><head><title>Port report</title></head><body><article><h1>Port report</h1><p>{PROSE}</p>"
                    "<h2>What the council decided</h2><ul><li>The quay reopens on Monday.</li><li>Fees stay as they are.</li></ul>"
                    "<blockquote>We will keep the harbour open whatever the weather brings this winter.</blockquote>"
                    f"<p>{PROSE.replace('awk', 'sed')}</p></article></body></html>", encoding="utf-8")
    library = Library.open(tmp_path / "l.sqlite")
    list(jobs.import_documents(library, [page]))
    kinds = {b.text: b.kind for b in library_blocks(library)}
    result, _ = export(library, tmp_path / "p.zip")
    library.close()
    files = members(result.path)
    html = files["briefing.html"].decode("utf-8")
    markdown = files["briefing.md"].decode("utf-8")
    word = {p.text: p.style.name for p in docx.Document(io.BytesIO(files["briefing.docx"])).paragraphs}
    expected = {"What the council decided": ("sub", "#### ", "Heading 3"),
                "The quay reopens on Monday.": ("li", "- ", "List Bullet"),
                "We will keep the harbour open whatever the weather brings this winter.": ("bq", "> ", "Quote")}
    for text, (css, mark, style) in expected.items():
        assert kinds[text] != "paragraph"
        bullet = "\u2022&nbsp;" if css == "li" else ""
        assert f'<p class="{css}" dir="ltr">{bullet}{text}</p>' in html
        assert f"\n{mark}{text.replace('.', chr(92) + '.')}" in markdown
        assert word[text] == style
    assert f'<p dir="ltr">{PROSE}</p>' in html and word[PROSE] == "Normal"


def library_blocks(library: Library) -> list[Block]:
    from triage_app.core.library import documents

    return documents.get_blocks(library.db, 1)


def test_a_list_line_with_its_own_bullet_gets_no_second_one(tmp_path: Path) -> None:
    """A text dump's list lines keep their "- " or "1." (its blocks are lines): no bullet is added in the HTML or
    Word briefing, and Markdown shows the marker escaped as text."""
    dump = tmp_path / "notes.txt"
    dump.write_text("Harbour notes\n\nThe council met on Monday and agreed on the following points after a long debate "
                    "about the fees.\n\n- The quay reopens on Monday.\n- Fees stay as they are.\n", encoding="utf-8")
    library = Library.open(tmp_path / "l.sqlite")
    list(jobs.import_documents(library, [dump]))
    assert "list-item" in {b.kind for b in library_blocks(library)}
    result, _ = export(library, tmp_path / "p.zip")
    library.close()
    files = members(result.path)
    html = files["briefing.html"].decode("utf-8")
    assert '<p class="li" dir="ltr">- The quay reopens on Monday.</p>' in html and "\u2022" not in html
    assert "\n\\- The quay reopens on Monday\\.\n" in files["briefing.md"].decode("utf-8")
    word = {p.text: p.style.name for p in docx.Document(io.BytesIO(files["briefing.docx"])).paragraphs}
    assert word["- The quay reopens on Monday."] == "Normal"


def test_a_data_table_reads_as_a_table_in_every_briefing(tmp_path: Path) -> None:
    page = tmp_path / "results.html"
    rows = "".join(f"<tr><td>{name}</td><td>{votes}</td><td>{share}</td></tr>"
                   for name, votes, share in (("Harbour Party", "12,034", "41.2%"), ("Quay Alliance", "9,877", "33.8%")))
    page.write_text(f"<html><head><title>Council vote</title></head><body><article><h1>Council vote</h1><p>{PROSE}</p>"
                    f"<table><tr><th>Party</th><th>Votes</th><th>Share</th></tr>{rows}</table>"
                    f"<p>{PROSE.replace('awk', 'sed')}</p></article></body></html>", encoding="utf-8")
    library = Library.open(tmp_path / "l.sqlite")
    list(jobs.import_documents(library, [page]))
    assert next(b.text for b in library_blocks(library) if b.kind == "table") == "Party\tVotes\tShare"
    result, _ = export(library, tmp_path / "p.zip")
    library.close()
    files = members(result.path)
    html = files["briefing.html"].decode("utf-8")
    assert ('<table class="data"><tbody><tr><td dir="ltr">Party</td><td dir="ltr">Votes</td><td dir="ltr">Share</td></tr>'
            '<tr><td dir="ltr">Harbour Party</td>') in html
    markdown = files["briefing.md"].decode("utf-8")
    assert "| Party | Votes | Share |\n| --- | --- | --- |\n| Harbour Party | 12,034 | 41\\.2% |\n" in markdown
    word = docx.Document(io.BytesIO(files["briefing.docx"]))
    table = next(t for t in word.tables if t.rows[0].cells[0].text == "Party")  # the briefing has tables of its own
    assert [[c.text for c in row.cells] for row in table.rows][:2] == [["Party", "Votes", "Share"], ["Harbour Party", "12,034", "41.2%"]]
    body = list(word.element.body)  # the table sits between the two paragraphs around it in the text
    at = body.index(table._tbl)
    before, after = (docx.text.paragraph.Paragraph(body[i], None).text for i in (at - 1, at + 1))
    assert before == PROSE and after == PROSE.replace("awk", "sed")


def test_tables_are_drawn_within_a_budget_of_rows() -> None:
    """Qt lays out a table row ten times slower than a paragraph: a document draws at most `MAX_TABLE_ROWS` rows as
    tables, each run of rows whole or not at all (a longer one stays paragraphs, its cells set apart)."""
    from triage_app.core.export.highlight import drawn_as_tables

    rows = [False, True, True, False, True, True, True, False, True]
    assert drawn_as_tables(rows) == {1, 2, 4, 5, 6, 8}
    assert drawn_as_tables(rows, budget=4) == {1, 2, 8}  # the run of three would pass the budget; the last one fits
    assert drawn_as_tables([True] * 5, budget=4) == set()
