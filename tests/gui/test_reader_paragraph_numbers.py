"""The cleaned view finds each paragraph's Qt blocks from numbers on the blocks, not from named anchors.

Qt's HTML import takes time quadratic in the number of `<a name>` anchors (20,000 paragraphs 4.8 s, a 100,000-line
dump over two minutes, the window frozen); a block's user state (`-qt-user-state`) costs nothing."""

from __future__ import annotations

from typing import Any

from triage_app.core.records import Block
from triage_app.gui.reader.cleaned_html import build_cleaned_html
from triage_app.gui.reader.cleaned_view import CleanedView
from triage_app.gui.reader.reader_data import ReaderData, split_paragraphs


def _data(blocks: list[Block]) -> ReaderData:
    return ReaderData({"id": 1, "title": "Harbour log"}, blocks, split_paragraphs("\n\n".join(b.text for b in blocks), blocks))


def test_every_paragraph_of_a_long_document_is_found_without_anchors(qtbot: Any) -> None:
    lines = [Block(n, "list-item", f"- Entry {n}: the vessel from the north was logged at dawn", True) for n in range(3000)]
    html = build_cleaned_html(_data(lines), set())
    assert "<a name=" not in html
    view = CleanedView()
    qtbot.addWidget(view)
    view.set_cleaned_html(html)
    assert all(view.paragraph_position(n) >= 0 for n in range(0, 3000, 7))
    block = view.document().findBlock(view.paragraph_position(2999))
    assert block.text().endswith("Entry 2999: the vessel from the north was logged at dawn")
    assert view.paragraph_position(3000) == -1


def test_a_table_row_and_a_listing_keep_their_numbers(qtbot: Any) -> None:
    blocks = [Block(0, "paragraph", "The results were announced.", True),
              Block(1, "table", "Harbour Party\t12,034", True), Block(2, "table", "Quay Alliance\t9,877", True),
              Block(3, "preformatted", "if x:\n    y()", True), Block(4, "paragraph", "The end.", True)]
    view = CleanedView()
    qtbot.addWidget(view)
    view.set_cleaned_html(build_cleaned_html(_data(blocks), set()))
    document = view.document()
    numbers = {document.findBlockByNumber(n).text(): document.findBlockByNumber(n).userState() for n in range(document.blockCount())}
    assert numbers["Harbour Party"] == numbers["12,034"] == 1 and numbers["Quay Alliance"] == numbers["9,877"] == 2
    assert numbers["if x:\u2028    y()"] == 3 and numbers["The end."] == 4  # one block for the listing's lines
    assert document.findBlock(view.paragraph_position(1)).text() == "Harbour Party"  # the row's first cell
