"""The original of a text dump: its raw lines, read-only, removed lines greyed with the reason on hover."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QThread, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from triage_app.core.records import Block
from triage_app.gui.i18n import removal_reason
from triage_app.gui.reader.cleaned_view import replace_document
from triage_app.gui.reader.colours import qcolor, reader_colours

_LINES_RE = re.compile(r"^lines:(\d+)-(\d+)$")


def line_span(block: Block) -> tuple[int, int] | None:
    """First and last line (1-based) of a `lines:A-B` block source, else None."""
    match = _LINES_RE.match(block.source)
    return (int(match.group(1)), int(match.group(2))) if match else None


LinesOfBlocks = tuple[dict[int, Block], dict[int, int]]
"""0-based line -> its block, and block index -> its first line (0-based)."""

PIECE_LINES = 5_000
"""Lines inserted per call when a document is built off the window's thread (about 10 ms of Qt each)."""


def lines_of_blocks(line_count: int, blocks: list[Block]) -> LinesOfBlocks:
    """Which block each of `line_count` lines belongs to, from the blocks' `lines:A-B` sources."""
    line_block: dict[int, Block] = {}
    block_line: dict[int, int] = {}
    for block in blocks:
        span = line_span(block)
        if span is None:
            continue
        block_line[block.index] = span[0] - 1
        for line in range(span[0] - 1, min(span[1], line_count)):
            line_block[line] = block
    return line_block, block_line


@dataclass
class PreparedText:
    """A dump's original made off the window's thread (`prepare_text`), ready for `TextOriginalView.set_prepared`."""

    doc_id: int
    document: QTextDocument
    lines: LinesOfBlocks


def detached_document(font: str) -> QTextDocument:
    """An empty document for a view, made off the window's thread: in `font` (`QFont.toString()`), no undo history."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    default_font = QFont()
    default_font.fromString(font)
    document.setDefaultFont(default_font)
    return document


def prepare_text(doc_id: int, text: str, blocks: list[Block], font: str, to_thread: QThread,
                 is_cancelled: Callable[[], bool]) -> PreparedText | None:
    """The original `text` of a dump as a plain-text document in `font` (`QFont.toString()`), its lines inserted
    `PIECE_LINES` at a time (PySide6 keeps the interpreter lock through a Qt call: the window waits for one piece at
    most), with its lines' blocks; the document belongs to `to_thread`. None when cancelled."""
    lines = text.splitlines()
    document = detached_document(font)
    cursor = QTextCursor(document)
    for start in range(0, len(lines), PIECE_LINES):
        if is_cancelled():
            return None
        cursor.insertText(("\n" if start else "") + "\n".join(lines[start : start + PIECE_LINES]))
    document.setDocumentLayout(QPlainTextDocumentLayout(document))  # a QPlainTextEdit shows no other
    marks = lines_of_blocks(len(lines), blocks)
    document.moveToThread(to_thread)
    return PreparedText(doc_id, document, marks)


class TextOriginalView(QPlainTextEdit):
    """Raw text of a dump with the cleaner's removed lines marked."""

    context_menu_requested = Signal(int, QPoint)  # block index (-1 when none), global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setObjectName("textOriginal")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._line_block: dict[int, Block] = {}  # 0-based line -> block
        self._block_line: dict[int, int] = {}  # block index -> 0-based first line
        self.viewport().installEventFilter(self)

    def set_text(self, text: str, blocks: list[Block]) -> None:
        """Show `text` and mark the lines of removed `blocks`."""
        lines = text.splitlines()
        self.setPlainText("\n".join(lines))
        self._line_block, self._block_line = lines_of_blocks(len(lines), blocks)
        self._mark_removed()

    def set_prepared(self, prepared: PreparedText) -> None:
        """Show a document made by `prepare_text` (the view owns it from now on) and mark its removed lines."""
        self.setExtraSelections([])  # their cursors point into the document about to go (a crash once it has)
        replace_document(self, prepared.document)
        self._line_block, self._block_line = prepared.lines
        self._mark_removed()

    def _mark_removed(self) -> None:
        """Grey the removed lines, the reason on hover, in the palette's colours."""
        colours = reader_colours(self.palette())
        ink, background = QColor(colours.removed_ink), qcolor(colours.removed_background)
        selections = []
        formats: dict[str | None, QTextCharFormat] = {}  # one per reason: made once, not once per removed line
        for line, block in self._line_block.items():  # in the order of the blocks; selections need none
            if block.kept:
                continue
            selection = QTextEdit.ExtraSelection()
            fmt = formats.get(block.reason)
            if fmt is None:
                fmt = formats[block.reason] = QTextCharFormat()
                fmt.setForeground(QBrush(ink))
                fmt.setBackground(QBrush(background))
                fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
                fmt.setToolTip(self.tr("Removed: {reason}").format(reason=removal_reason(block.reason)))
            cursor = QTextCursor(self.document().findBlockByNumber(line))
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def removed_lines(self) -> dict[int, str]:
        """0-based line numbers shown as removed, with their reason (what the analyst sees greyed)."""
        out: dict[int, str] = {}
        for selection in self.extraSelections():
            out[selection.cursor.blockNumber()] = selection.format.toolTip()
        return out

    def block_at(self, pos: QPoint) -> Block | None:
        """The cleaner block on the line under viewport position `pos`."""
        return self._line_block.get(self.cursorForPosition(pos).blockNumber())

    def scroll_to_block(self, index: int) -> bool:
        """Bring the first line of block `index` to the top and select it; False when unknown."""
        line = self._block_line.get(index)
        if line is None:
            return False
        cursor = QTextCursor(self.document().findBlockByNumber(line))
        self.setTextCursor(cursor)
        bar = self.verticalScrollBar()
        bar.setValue(min(bar.maximum(), max(0, line - 3)))  # a few lines of context above
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
            block = self.block_at(event.pos())
            if block is not None and not block.kept:
                QToolTip.showText(event.globalPos(), self.tr("Removed: {reason}").format(reason=removal_reason(block.reason)), self)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        """Re-mark the removed lines in the new palette's colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._line_block:
            self._mark_removed()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        pos, global_pos = event.pos(), event.globalPos()
        if event.reason() == QContextMenuEvent.Reason.Keyboard:  # the menu key: the line of the text cursor
            pos = self.cursorRect().center()
            global_pos = self.viewport().mapToGlobal(pos)
        block = self.block_at(pos)
        self.context_menu_requested.emit(block.index if block else -1, global_pos)
