"""Showing a very long document without freezing the window: its views are built on a worker.

Qt's rich-text import runs on the thread that calls it: a dump of 600,000 words (100,000 lines) kept the
window's thread for about 1.5 s (reading its rows, writing its HTML, `setHtml`, numbering its paragraphs)
and its original text view 0.4 s more; Qt lays a document out only as far as the view shows it.
`QTextDocument` is reentrant, so a document of `long_documents.LONG_DOCUMENT_WORDS` or more is read (with
its own read-only connection), written and imported into a `QTextDocument` on a pool thread (a dump's
original into a plain-text one too: `text_original.prepare_text`), which are then moved to the window's
thread and set on the views.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from shiboken6 import isValid
from sqlite_utils import Database

from triage_app.core.library.db import connect_read_only
from triage_app.core.records import Progress
from triage_app.gui.reader.cleaned_html import cleaned_html_parts
from triage_app.gui.reader.cleaned_view import ParagraphBlocks, paragraph_blocks
from triage_app.gui.reader.colours import ReaderColours
from triage_app.gui.reader.original_source import load_original
from triage_app.gui.reader.reader_data import ReaderData, load_reader_data
from triage_app.gui.reader.text_original import PreparedText, detached_document, prepare_text
from triage_app.gui.workers import GeneratorWorker, IsCancelled, TaskRunner

PIECE_PARTS = 500
"""Top-level elements imported per call (`import_in_pieces`): about 10 ms of Qt's HTML import each."""


def _pieces(parts: list[str], size: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each piece of about `size` parts; none starts with a table (Qt leaves an empty block before a
    table that opens an inserted fragment), so a table goes with the piece before it."""
    start = 0
    while start < len(parts):
        end = min(start + size, len(parts))
        while end < len(parts) and parts[end].startswith("<table"):
            end += 1
        yield start, end
        start = end


def import_in_pieces(document: QTextDocument, parts: list[str], size: int = PIECE_PARTS) -> Iterator[int]:
    """Import the HTML elements `parts` into the empty `document` `size` at a time, yielding the count done.

    PySide6 keeps the interpreter lock through a Qt call, so one `setHtml` of a long document on a worker
    would stop the window's Python code (every slot, model and event handler) for all of its second: in
    pieces, the window waits for one piece at most. Each piece after the first goes into a block of its own
    (else its first paragraph is merged into the block before it), which then gets that paragraph's formats
    as `setHtml` gives them; the result is the document one `setHtml` makes (the tests compare `toHtml`)."""
    cursor = QTextCursor(document)
    for start, end in _pieces(parts, size):
        piece = "\n".join(parts[start:end])
        if start == 0:
            document.setHtml(piece)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
            first = cursor.block()
            cursor.insertHtml(piece)
            alone = QTextDocument()
            alone.setHtml(parts[start])
            fix = QTextCursor(first)
            fix.setBlockFormat(alone.begin().blockFormat())
            fix.setBlockCharFormat(alone.begin().charFormat())
        yield end


@dataclass
class BuiltView:
    """A document's reader data and its cleaned view, ready to be set on the view (on the window's thread)."""

    data: ReaderData
    document: QTextDocument
    blocks: ParagraphBlocks
    original: PreparedText | None = None  # a dump's original text view, made on the worker too


def build_view(
    path: str, doc_id: int, data: ReaderData | None, hidden_labels: set[str], colours: ReaderColours,
    font: str, to_thread: QThread, is_cancelled: IsCancelled,
) -> Iterator[Progress]:
    """Read document `doc_id` from the library at `path` (unless `data` is given), write its cleaned view in
    `colours` and `font` (`QFont.toString()`) and import it; the last Progress holds a `BuiltView` whose
    document belongs to `to_thread`. KeyError when the document is gone."""
    yield Progress(0, 3, "Reading")
    text = None
    if data is None:
        conn = connect_read_only(path, timeout=10)
        try:
            data = load_reader_data(Database(conn), doc_id)
            text = _dump_text(Database(conn), data)
        finally:
            conn.close()
    if is_cancelled():
        return
    yield Progress(1, 3, "Writing")
    parts = cleaned_html_parts(data, hidden_labels, colours)
    if is_cancelled():
        return
    yield Progress(2, 3, "Importing")
    document = detached_document(font)
    for _ in import_in_pieces(document, parts):
        if is_cancelled():
            return
    blocks = paragraph_blocks(document)
    original = prepare_text(doc_id, text, data.blocks, font, to_thread, is_cancelled) if text is not None else None
    if is_cancelled():
        return
    document.moveToThread(to_thread)  # only the thread that owns an object may give it away
    yield Progress(3, 3, "Ready", result=BuiltView(data, document, blocks, original))


def _dump_text(db: Database, data: ReaderData) -> str | None:
    """The original text of a text dump (its original view is made on the worker too); None for other formats or
    when the original is not stored (the original pane says so)."""
    if str(data.doc.get("format") or "text") != "text":
        return None
    try:
        return load_original(db, data.doc).text
    except KeyError:
        return None


class BackgroundOpen(QObject):
    """At most one document being built; a newer request (or `stop`) drops the older one's result.

    Args:
        runner: Runs the build on the thread pool (and waits for it at shutdown).
        parent: The reader pane.
    """

    built = Signal(object, object)  # the request's token, the BuiltView
    failed = Signal(object, object)  # the request's token, the exception

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._worker: GeneratorWorker | None = None
        self._token: Any = None

    @property
    def running(self) -> bool:
        """True from `start` until its result (or failure) has been passed on or it was stopped."""
        return self._worker is not None

    @property
    def token(self) -> Any:
        """What the running request was started with (None when none runs)."""
        return self._token if self._worker is not None else None

    def start(self, token: Any, path: str, doc_id: int, data: ReaderData | None, hidden_labels: set[str],
              colours: ReaderColours, font: QFont) -> None:
        """Build document `doc_id` (or `data`) on the pool; `built(token, view)` follows on this thread."""
        self.stop()
        target = self.thread()
        description = font.toString()
        hidden = set(hidden_labels)
        worker = self._runner.run_generator(
            lambda cancelled: build_view(path, doc_id, data, hidden, colours, description, target, cancelled),
        )
        worker.signals.finished.connect(lambda last, w=worker: self._finished(w, last))
        worker.signals.failed.connect(lambda exc, w=worker: self._failed(w, exc))
        self._worker, self._token = worker, token

    def stop(self) -> None:
        """Cancel the running build, if any; its result is dropped."""
        if self._worker is not None:
            self._worker.cancel()
            self._worker = self._token = None

    def _finished(self, worker: GeneratorWorker, last: Progress | None) -> None:
        if not isValid(self):
            return  # the reader was deleted while the result waited in the queue (the connection has no receiver)
        if worker is not self._worker or last is None or not isinstance(last.result, BuiltView):
            return  # an older request that ended before it saw the cancel
        token, self._worker, self._token = self._token, None, None
        self.built.emit(token, last.result)

    def _failed(self, worker: GeneratorWorker, exc: BaseException) -> None:
        if not isValid(self) or worker is not self._worker:
            return
        token, self._worker, self._token = self._token, None, None
        self.failed.emit(token, exc)
