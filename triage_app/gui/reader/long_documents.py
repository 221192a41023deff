"""Which documents the reader opens off the window's thread, and what it shows while it does.

A document of `LONG_DOCUMENT_WORDS` or `LONG_DOCUMENT_CHARS` or more is built by `background_open` (its data read, its cleaned
view written and imported, a dump's original text laid into its view, all on a pool thread); the reader
says it is opening it meanwhile, and says why when that fails. Shorter documents are shown at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QFont

from triage_app.core.library.db import Library
from triage_app.core.library.search import database_path
from triage_app.gui.reader.background_open import BackgroundOpen
from triage_app.gui.reader.colours import ReaderColours
from triage_app.gui.reader.reader_data import ReaderData
from triage_app.gui.workers import TaskRunner

log = logging.getLogger(__name__)

LONG_DOCUMENT_WORDS = 40_000
"""Documents with at least this many words are opened off the window's thread. Shorter ones are shown at
once: the scale suite's largest page (29,166 words) opens in about 55 ms on the window's thread."""
LONG_DOCUMENT_CHARS = 250_000
"""Or this many characters (about 40,000 English words): the time goes with the text's length, whatever its words
(a Thai text's count, for one, rests on runs of letters between its vowel marks, not on words)."""


def is_long(words: int, chars: int) -> bool:
    """A document of `words` words and `chars` characters is opened off the window's thread."""
    return words >= LONG_DOCUMENT_WORDS or chars >= LONG_DOCUMENT_CHARS

Look = Callable[[], tuple[set[str], ReaderColours, QFont]]
"""The reader's hidden entity labels, colours and font, read when a build starts."""


@dataclass(frozen=True)
class Opening:
    """What a document built in the background is for: showing it, or repainting the one on show."""

    doc_id: int
    keep_scroll: bool
    annotate: bool
    repaint: bool = False


class LongDocuments(QObject):
    """Starts the background build of long documents; `built(opening, view)` when one is ready.

    Args:
        library: The library on show (a library in memory has no file to read from elsewhere: its
            documents are all shown at once).
        runner: Runs the builds.
        look: What the view looks like now (`Look`).
        show_message: Shows a message in place of the document.
        parent: The reader pane.
    """

    built = Signal(object, object)  # Opening, BuiltView

    def __init__(self, library: Library, runner: TaskRunner, look: Look, show_message: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._path = database_path(library.db)
        self._look = look
        self._show_message = show_message
        self._builder = BackgroundOpen(runner, self)
        self._builder.built.connect(self.built)
        self._builder.failed.connect(self._on_failed)

    @property
    def pending(self) -> Opening | None:
        """The opening under way, if any."""
        opening = self._builder.token
        return opening if isinstance(opening, Opening) else None

    def stop(self) -> None:
        """Drop the opening under way, if any."""
        self._builder.stop()

    def open(self, doc_id: int, *, keep_scroll: bool, annotate: bool) -> bool:
        """Start opening document `doc_id` when it is long (False: show it at once). Unless `keep_scroll` (the same
        document again, which stays on show meanwhile), a message says it is being opened."""
        if not self._path:
            return False
        row = self._library.db.execute("SELECT word_count, length(text) FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None or not is_long(int(row[0] or 0), int(row[1] or 0)):
            return False
        if not keep_scroll:
            words = f"{int(row[0]):,}"  # as the list's Words column writes it
            self._show_message(QCoreApplication.translate("ReaderPane", "Opening document #{id} ({words} words)…").format(id=doc_id, words=words))
        self._start(Opening(doc_id, keep_scroll, annotate), None)
        return True

    def repaint(self, data: ReaderData) -> bool:
        """Start a new rendering of the long document on show (new colours or entity labels); False when it is not long."""
        if not self._path or not is_long(int(data.doc.get("word_count") or 0), len(data.doc.get("text") or "")):
            return False
        self._start(Opening(data.doc_id, True, annotate=False, repaint=True), data)
        return True

    def _start(self, opening: Opening, data: ReaderData | None) -> None:
        hidden, colours, font = self._look()
        assert self._path is not None
        self._builder.start(opening, self._path, opening.doc_id, data, hidden, colours, font)

    def _on_failed(self, opening: Opening, exc: BaseException) -> None:
        if opening.repaint:  # the document on show stays as it was painted
            log.error("could not repaint document %s", opening.doc_id, exc_info=exc)
        elif isinstance(exc, KeyError):
            self._show_message(QCoreApplication.translate("ReaderPane", "Document #{id} is no longer in the library.").format(id=opening.doc_id))
        else:
            log.error("could not open document %s", opening.doc_id, exc_info=exc)
            message = QCoreApplication.translate("ReaderPane", "Document #{id} could not be opened: {reason}")
            self._show_message(message.format(id=opening.doc_id, reason=exc))
