"""A long document is opened off the window's thread, and the view it gets is the one `setHtml` would make.

Before, a dump of 600,000 words kept the window's thread for about 1.5 s: its rows read, its HTML written
and imported by Qt, all on that thread (and PySide6 keeps the interpreter lock through one `setHtml`, so a
worker had to import it in pieces: `background_open.import_in_pieces`)."""

from __future__ import annotations

import time
from typing import Any

import pytest
import reader_support
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument
from reader_support import add_annotations, highlighted_fragments, show

from triage_app.core.library import Library
from triage_app.core.records import Block
from triage_app.gui.reader import long_documents
from triage_app.gui.reader.background_open import import_in_pieces
from triage_app.gui.reader.cleaned_html import build_cleaned_html, cleaned_html_parts
from triage_app.gui.reader.reader_data import ReaderData, split_paragraphs

pytestmark = reader_support.QT_LOG_IGNORE

make_pane = reader_support.make_pane  # pytest fixtures, found by name
seed_id = reader_support.seed_id


def _data(blocks: list[Block]) -> ReaderData:
    return ReaderData({"id": 1, "title": "Harbour log"}, blocks, split_paragraphs("\n\n".join(b.text for b in blocks), blocks))


def _mixed_blocks() -> list[Block]:
    """Every kind the cleaned view draws, tables among them, in an order that puts each kind at a piece's edge."""
    blocks = [Block(0, "paragraph", "Harbour log", True)]
    kinds = [("heading", "Arrivals"), ("paragraph", "The vessel from the north was logged at dawn."),
             ("table", "Harbour Party\t12,034"), ("table", "Quay Alliance\t9,877"), ("list-item", "Cargo: grain"),
             ("blockquote", "\u201cWe saw it first,\u201d the pilot said."), ("caption", "The quay at dawn"),
             ("preformatted", "if x:\n    y()"), ("paragraph", "A line\nbroken in two.")]
    for round_ in range(6):
        for kind, text in kinds:
            blocks.append(Block(len(blocks), kind, f"{text} ({round_})" if kind != "preformatted" else text, True))
    return blocks


@pytest.mark.parametrize("size", [1, 2, 3, 7, 500])
def test_a_document_imported_in_pieces_is_the_one_set_html_makes(qtbot: Any, size: int) -> None:
    parts = cleaned_html_parts(_data(_mixed_blocks()), set())
    whole = QTextDocument()
    whole.setHtml("\n".join(parts))
    pieces = QTextDocument()
    done = list(import_in_pieces(pieces, parts, size))
    assert done[-1] == len(parts) and (size >= len(parts) or len(done) > 1)
    assert pieces.toHtml() == whole.toHtml()
    assert pieces.blockCount() == whole.blockCount()


def test_no_piece_starts_with_a_table(qtbot: Any) -> None:
    parts = cleaned_html_parts(_data(_mixed_blocks()), set())
    starts = [0]
    for end in import_in_pieces(QTextDocument(), parts, 3):
        starts.append(end)
    assert all(not parts[start].startswith("<table") for start in starts[:-1])


def test_the_cleaned_html_is_its_parts_joined() -> None:
    data = _data(_mixed_blocks())
    assert build_cleaned_html(data, set()) == "\n".join(cleaned_html_parts(data, set()))


def _wait_opened(qtbot: Any, pane: Any) -> None:
    qtbot.waitUntil(lambda: not pane.opening, timeout=30000)
    qtbot.waitUntil(lambda: not pane.original_pending, timeout=30000)


def test_a_long_document_is_opened_off_the_window_thread(qtbot: Any, make_pane: Any, seed_id: int, monkeypatch: Any) -> None:
    pane = make_pane()
    show(qtbot, pane, seed_id)  # at once: the seed is short
    at_once = pane.cleaned.document().toHtml()
    paragraphs = len(pane.data.paragraphs)
    original_text, removed = pane.original.text_view.toPlainText(), pane.original.text_view.removed_lines()
    assert removed
    show(qtbot, pane, None)
    monkeypatch.setattr(long_documents, "LONG_DOCUMENT_WORDS", 10)
    pane.show_document(seed_id)
    assert pane.opening and pane.data is None  # the call returned before the document was read
    assert "Opening document #" in pane.cleaned.toPlainText()
    _wait_opened(qtbot, pane)
    assert pane.data is not None and pane.data.doc_id == seed_id
    document = pane.cleaned.document()
    assert document.thread() is QCoreApplication.instance().thread()
    assert document.toHtml() == at_once
    last = paragraphs - 1
    assert pane.cleaned.paragraph_position(last) >= 0  # the paragraph numbers came with it (click-to-source)
    assert document.findBlock(pane.cleaned.paragraph_position(last)).text() == pane.data.paragraphs[last].text.split("\n")[0]
    assert pane.original.doc_id == seed_id
    text_view = pane.original.text_view  # the dump's original was made on the worker too
    assert text_view.document().thread() is QCoreApplication.instance().thread()
    assert text_view.document().parent() is text_view
    assert text_view.toPlainText() == original_text and text_view.removed_lines() == removed


def test_a_newer_document_wins_over_one_still_opening(qtbot: Any, make_pane: Any, seed_id: int, monkeypatch: Any) -> None:
    pane = make_pane()
    monkeypatch.setattr(long_documents, "LONG_DOCUMENT_WORDS", 10)
    pane.show_document(seed_id)
    assert pane.opening
    qtbot.wait(5)  # the build starts on the pool
    pane.show_document(None)  # moved on before it was ready
    assert not pane.opening
    qtbot.waitUntil(lambda: pane._runner.active_count() == 0, timeout=30000)  # the cancelled build has ended
    QCoreApplication.processEvents()
    assert pane.data is None and "Select a document" in pane.cleaned.toPlainText()


def test_the_same_long_document_again_stays_on_show_until_its_new_view(qtbot: Any, make_pane: Any, seed_id: int,
                                                                       monkeypatch: Any) -> None:
    pane = make_pane()
    monkeypatch.setattr(long_documents, "LONG_DOCUMENT_WORDS", 10)
    pane.show_document(seed_id)
    _wait_opened(qtbot, pane)
    before = pane.cleaned.toPlainText()
    pane.reload()  # after a change made elsewhere
    assert pane.opening and pane.cleaned.toPlainText() == before  # no "Opening document" over the text being read
    assert pane.doc_id == seed_id
    pane.reload()  # again before the first is ready (annotations stored meanwhile): the same document, opened again
    assert pane.opening and pane.doc_id == seed_id and pane.cleaned.toPlainText() == before
    _wait_opened(qtbot, pane)
    assert pane.cleaned.toPlainText() == before and pane.data is not None


def test_hiding_an_entity_label_repaints_a_long_document_off_the_window_thread(qtbot: Any, make_pane: Any, seed_id: int,
                                                                               library: Library, monkeypatch: Any) -> None:
    pane = make_pane()
    add_annotations(library, seed_id)
    monkeypatch.setattr(long_documents, "LONG_DOCUMENT_WORDS", 10)
    pane.show_document(seed_id)
    _wait_opened(qtbot, pane)
    assert any(text == "NATO" for text, _href, _bg in highlighted_fragments(pane))
    pane.legend.buttons["ORG"].click()  # hide organisations
    assert pane.opening  # the repaint is built off the window's thread too
    _wait_opened(qtbot, pane)
    assert not any(text == "NATO" for text, _href, _bg in highlighted_fragments(pane))
    assert any(text == "Berlin" for text, _href, _bg in highlighted_fragments(pane))


def test_a_dumps_original_made_in_pieces_is_the_one_set_plain_text_makes(qtbot: Any) -> None:
    from PySide6.QtCore import QThread

    from triage_app.gui.reader.text_original import TextOriginalView, prepare_text

    text = "\n".join(f"Line {n}: the vessel from the north" if n % 9 else "Menu | Home | News" for n in range(12_345)) + "\n"
    blocks = [Block(n, "paragraph", line, n % 9 != 0, None if n % 9 else "navigation", f"lines:{n + 1}-{n + 1}")
              for n, line in enumerate(text.splitlines())]
    direct, built = TextOriginalView(), TextOriginalView()
    qtbot.addWidget(direct)
    qtbot.addWidget(built)
    direct.set_text(text, blocks)
    prepared = prepare_text(7, text, blocks, built.font().toString(), QThread.currentThread(), lambda: False)
    assert prepared is not None
    built.set_text("Menu\nOld text\n", [Block(0, "paragraph", "Menu", False, "navigation", "lines:1-1")])
    assert built.removed_lines()  # marks into the document set_prepared replaces (they crashed the view once)
    built.set_prepared(prepared)
    assert built.document().blockCount() == direct.document().blockCount() == 12_345
    assert built.toPlainText() == direct.toPlainText()
    assert built.removed_lines() == direct.removed_lines() and len(built.removed_lines()) == 1372
    assert built.scroll_to_block(9_000) and built.textCursor().blockNumber() == 9_000
    assert prepare_text(7, text, blocks, built.font().toString(), QThread.currentThread(), lambda: True) is None


def test_a_long_document_gone_before_it_was_read_says_so(qtbot: Any, make_pane: Any, seed_id: int, monkeypatch: Any) -> None:
    from triage_app.gui.reader import background_open

    def gone(_db: Any, doc_id: int) -> Any:
        raise KeyError(doc_id)  # deleted by another window between the click and the worker's read

    pane = make_pane()
    monkeypatch.setattr(long_documents, "LONG_DOCUMENT_WORDS", 10)
    monkeypatch.setattr(background_open, "load_reader_data", gone)
    pane.show_document(seed_id)
    _wait_opened(qtbot, pane)
    assert pane.data is None
    assert f"Document #{seed_id} is no longer in the library." in pane.cleaned.toPlainText()


def test_closing_the_reader_while_a_long_document_opens_is_clean(qtbot: Any, library: Library, writer: Any, tmp_path: Any,
                                                                 seed_id: int, monkeypatch: Any) -> None:
    from triage_app.core.settings import Settings, StateStore
    from triage_app.gui.reader.pane import ReaderPane
    from triage_app.gui.workers import TaskRunner

    monkeypatch.setattr(long_documents, "LONG_DOCUMENT_WORDS", 10)
    runner = TaskRunner(writer)
    pane = ReaderPane(library, runner, Settings(None), StateStore(tmp_path / "state.json"))
    pane.show_document(seed_id)
    assert pane.opening
    qtbot.wait(5)  # the build starts on the pool
    pane.close()
    runner.shutdown()  # as the window does on closing: cancels the build and waits for it
    pane.deleteLater()
    reader_support.delete_closed_widgets()
    QCoreApplication.processEvents()


def test_a_long_document_built_just_before_its_reader_is_deleted_is_dropped(
    qtbot: Any, library: Library, writer: Any, tmp_path: Any, seed_id: int, monkeypatch: Any
) -> None:
    """The build ends (its result queued for the window's thread) before the reader closes and is deleted: the result
    reaches a deleted object. A full CI run on a loaded machine met it: "Signal source has been deleted"."""
    from PySide6.QtCore import QThreadPool

    from triage_app.core.settings import Settings, StateStore
    from triage_app.gui.reader.pane import ReaderPane
    from triage_app.gui.workers import TaskRunner

    monkeypatch.setattr(long_documents, "LONG_DOCUMENT_WORDS", 10)
    runner = TaskRunner(writer)
    pane = ReaderPane(library, runner, Settings(None), StateStore(tmp_path / "state.json"))
    pane.show_document(seed_id)
    assert pane.opening
    QCoreApplication.processEvents()  # one turn: the build starts on the pool (`TaskRunner.run_generator`)
    deadline = time.monotonic() + 20
    while QThreadPool.globalInstance().activeThreadCount() and time.monotonic() < deadline:
        time.sleep(0.01)  # no event processed: the build's result waits in the queue
    pane.close()
    runner.shutdown()
    pane.deleteLater()
    reader_support.delete_closed_widgets()
    QCoreApplication.processEvents()  # the queued result arrives: dropped, no exception


def test_a_palette_switch_while_a_long_document_opens_paints_it_in_the_new_colours(
    qtbot: Any, make_pane: Any, library: Library, seed_id: int, monkeypatch: Any
) -> None:
    from PySide6.QtGui import QColor

    from triage_app.gui import theme
    from triage_app.gui.reader.colours import qcolor, reader_colours

    add_annotations(library, seed_id)
    pane = make_pane()
    pane.show()
    monkeypatch.setattr(long_documents, "LONG_DOCUMENT_WORDS", 10)
    pane.show_document(seed_id)
    assert pane.opening
    pane.setPalette(theme.dark_palette())  # before the build is ready: it is started again in these colours
    _wait_opened(qtbot, pane)
    dark = reader_colours(pane.cleaned.palette())
    backgrounds = {QColor(bg).name() for _text, _href, bg in highlighted_fragments(pane) if bg}
    assert QColor(dark.quote_background).name() in backgrounds
    removed = pane.original.text_view.extraSelections()
    assert removed and all(s.format.background().color() == qcolor(dark.removed_background) for s in removed)


def test_a_text_long_in_characters_but_not_in_words_is_long() -> None:
    assert long_documents.is_long(5_000, 300_000) and long_documents.is_long(40_000, 1)
    assert not long_documents.is_long(5_000, 30_000)


def test_the_length_in_characters_alone_sends_a_document_to_the_worker(qtbot: Any, make_pane: Any, seed_id: int,
                                                                       monkeypatch: Any) -> None:
    pane = make_pane()
    monkeypatch.setattr(long_documents, "LONG_DOCUMENT_WORDS", 10**9)
    monkeypatch.setattr(long_documents, "LONG_DOCUMENT_CHARS", 1_000)
    pane.show_document(seed_id)
    assert pane.opening
    _wait_opened(qtbot, pane)
    assert pane.data is not None and pane.data.doc_id == seed_id
