"""The cleaned view: a read-only QTextBrowser showing the rich text of `cleaned_html`."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser, QTextEdit, QWidget

from triage_app.gui.reader.cleaned_html import parse_entity_href, parse_mention_id
from triage_app.gui.reader.reader_data import Paragraph

ParagraphBlocks = tuple[dict[int, int], dict[int, int]]
"""QTextBlock number -> paragraph number, and paragraph number -> its first QTextBlock's number."""


def paragraph_blocks(document: QTextDocument) -> ParagraphBlocks:
    """Which QTextBlocks of `document` hold each paragraph, from the numbers on the blocks
    (`cleaned_html.paragraph_state`). Reads the document only, so a worker may call it on its own."""
    to_paragraph: dict[int, int] = {}
    first: dict[int, int] = {}
    block = document.begin()
    while block.isValid():
        number = block.userState()
        if number >= 0:
            to_paragraph[block.blockNumber()] = number
            first.setdefault(number, block.blockNumber())
        block = block.next()
    return to_paragraph, first


def replace_document(view: QTextEdit | QPlainTextEdit, document: QTextDocument) -> None:
    """Make `view` show and own `document` (built off the window's thread and moved to this one). The document it
    showed before is deleted: by its text control when it was the control's (the view's first), else here."""
    before = view.document()
    ours = before is not document and before.parent() is view
    document.setParent(view)
    view.setDocument(document)
    if ours:
        before.deleteLater()


class CleanedView(QTextBrowser):
    """Shows one document's cleaned text; reports clicks on paragraphs and entities."""

    paragraph_clicked = Signal(int)  # paragraph number
    entity_clicked = Signal(int, str, int, QPoint)  # entity id, canonical name, mention id (-1), global position
    context_menu_requested = Signal(int, int, str, int, QPoint)  # paragraph (-1), entity id (-1), name, mention id (-1), global pos

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setObjectName("cleanedView")
        self.setAccessibleName(self.tr("Cleaned text"))
        self.setAccessibleDescription(
            self.tr("The article as the cleaner kept it, entities highlighted and quotes in italics; Tab moves between entities")
        )
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self._block_to_paragraph: dict[int, int] = {}
        self._first_block: dict[int, int] = {}  # paragraph number -> its first block's number
        self._press: QPoint | None = None
        self.anchorClicked.connect(self._on_anchor)

    def set_cleaned_html(self, html: str) -> None:
        """Replace the shown text, keeping the scroll position when the same document is repainted."""
        scroll = self.verticalScrollBar().value()
        self.setHtml(html)
        self.verticalScrollBar().setValue(scroll)
        self._block_to_paragraph, self._first_block = paragraph_blocks(self.document())

    def set_built_document(self, document: QTextDocument, blocks: ParagraphBlocks) -> None:
        """Show `document` (made off this thread and moved to it: `background_open`), whose paragraphs are
        `blocks`; the view owns it from now on, and the document it showed before is deleted if it was its own."""
        scroll = self.verticalScrollBar().value()
        replace_document(self, document)
        self.verticalScrollBar().setValue(scroll)
        self._block_to_paragraph, self._first_block = blocks

    def reset_scroll(self) -> None:
        self.verticalScrollBar().setValue(0)

    def paragraph_at(self, pos: QPoint) -> int:
        """The paragraph under the viewport position `pos`, or -1."""
        cursor = self.cursorForPosition(pos)
        return self._block_to_paragraph.get(cursor.block().blockNumber(), -1)

    def show_offset(self, paragraphs: Sequence[Paragraph], start: int) -> None:
        """Put the text cursor on the paragraph holding offset `start` of the cleaned text (of `paragraphs`) and show it."""
        for number, para in enumerate(paragraphs):
            if para.start <= start < para.end + 2:
                position = self.paragraph_position(number)
                if position >= 0:
                    cursor = QTextCursor(self.document())
                    cursor.setPosition(position)
                    self.setTextCursor(cursor)
                    self.ensureCursorVisible()
                return

    def paragraph_position(self, number: int) -> int:
        """The document position where paragraph `number` starts, or -1."""
        block_number = self._first_block.get(number)
        return -1 if block_number is None else self.document().findBlockByNumber(block_number).position()

    # -- events ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        if self._press is None or (pos - self._press).manhattanLength() > 4:
            return
        self._press = None
        if self.anchorAt(pos) or self.textCursor().hasSelection():
            return
        paragraph = self.paragraph_at(pos)
        if paragraph >= 0:
            self.paragraph_clicked.emit(paragraph)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        pos, global_pos = event.pos(), event.globalPos()
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # the menu key: where the text cursor is
            pos = self.cursorRect().center()
            global_pos = self.viewport().mapToGlobal(pos)
        href = self.anchorAt(pos)
        entity = parse_entity_href(href)
        mention = parse_mention_id(href)
        self.context_menu_requested.emit(
            self.paragraph_at(pos),
            entity[0] if entity else -1,
            entity[1] if entity else "",
            mention if mention is not None else -1,
            global_pos,
        )

    def _on_anchor(self, url: QUrl) -> None:
        href = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        entity = parse_entity_href(href)
        if entity is not None:
            mention = parse_mention_id(href)
            pos = self.cursor().pos()
            if not self.viewport().rect().contains(self.viewport().mapFromGlobal(pos)):  # Enter on a link (Tab)
                pos = self.viewport().mapToGlobal(self.cursorRect().center())
            self.entity_clicked.emit(entity[0], entity[1], mention if mention is not None else -1, pos)
