"""The reader's entities and quotes: where they stand for the shown document, and finding them off the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from triage_app.core.language import language_name
from triage_app.core.library import annotations as annotation_store
from triage_app.core.nlp.gating import model_of
from triage_app.core.records import Annotation, Progress
from triage_app.gui.i18n import QT_TRANSLATE_NOOP
from triage_app.gui.workers import GeneratorWorker, TaskRunner

if TYPE_CHECKING:
    from triage_app.gui.reader.pane import ReaderPane

NOT_ANNOTATED_YET = QT_TRANSLATE_NOOP("ReaderPane", "Entities and quotes: not looked for yet in this document.")
FINDING = QT_TRANSLATE_NOOP("ReaderPane", "Finding entities and quotes\u2026")


class AnnotationState:
    """Where the shown document's entities and quotes stand (state, never read back from the label)."""

    DEFERRED = "deferred"  # shown without annotating (the start-up document); `annotate_shown` starts it
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class AnnotationUi(QObject):
    """Annotates the reader's document when it is shown and says in the reader's status line where that stands.

    Its texts keep the pane's translation context ("ReaderPane"), where the catalogue has them.
    """

    def __init__(self, pane: ReaderPane, runner: TaskRunner) -> None:
        super().__init__(pane)
        self._pane = pane
        self._runner = runner
        self.state = AnnotationState.DONE
        self._annotating: set[int] = set()
        self._worker: GeneratorWorker | None = None

    @property
    def busy(self) -> bool:
        """True while a document's entities and quotes are being found or stored."""
        return bool(self._annotating)

    def update_status(self, annotate: bool) -> None:
        """Set the state and status line for the shown document, annotating it first unless `annotate` is False."""
        pane = self._pane
        data = pane.data
        assert data is not None
        gated = False
        if data.doc_id in self._annotating:
            self.state, text = AnnotationState.RUNNING, QCoreApplication.translate("ReaderPane", FINDING)
        elif not data.annotated and not annotate:
            self.state, text = AnnotationState.DEFERRED, QCoreApplication.translate("ReaderPane", NOT_ANNOTATED_YET)
        elif not data.annotated:
            self.state, text = AnnotationState.RUNNING, QCoreApplication.translate("ReaderPane", FINDING)
            self._annotate(data.doc_id, str(data.doc.get("text") or ""), data.doc.get("language"))
        elif model_of(data.doc.get("annotated_engine")) is None:
            self.state = AnnotationState.DONE
            language = language_name(data.doc.get("language"))
            text = QCoreApplication.translate("ReaderPane", "Entities are not available for {language} text.").format(
                language=language
            )
            gated = True
        else:
            self.state = AnnotationState.DONE
            mentions = QCoreApplication.translate("ReaderPane", "%n entity mention(s)", "", len(data.entities))
            quotes = QCoreApplication.translate("ReaderPane", "%n quote(s)", "", len(data.quotes))
            text = f"{mentions} \u00b7 {quotes}"
        pane.status.setText(text)
        pane.side_panel.status.setText(text if gated else "")

    def _annotate(self, doc_id: int, text: str, language: str | None) -> None:
        """Annotate in the child process (a pool thread waits for it), then store through the writer.

        Neither the writer thread (the analyst's decisions) nor the GUI thread waits for spaCy; a
        document opened before the previous one was done cancels that one's child process.
        """
        pane = self._pane
        if self._worker is not None:
            self._worker.cancel()
        self._annotating.add(doc_id)

        def finished(last: Progress | None) -> None:
            found = last.result if last is not None else None
            if not found:
                ended()
                return
            annotation: Annotation = found[0]
            self._runner.call(lambda lib: annotation_store.store_annotation(lib, doc_id, annotation), stored, failed)

        def stored(_result: object) -> None:
            ended()
            if pane.doc_id == doc_id:
                pane.show_document(doc_id)

        def failed(exc: object) -> None:
            ended()
            if pane.doc_id == doc_id:
                self.state = AnnotationState.FAILED
                pane.status.setText(
                    QCoreApplication.translate("ReaderPane", "Entities could not be found: {error}").format(error=exc)
                )

        def ended() -> None:
            self._annotating.discard(doc_id)
            if self._worker is worker:
                self._worker = None

        worker = self._runner.run_generator(
            lambda is_cancelled: annotation_store.annotate_texts([text], languages=[language], is_cancelled=is_cancelled),
            finished=finished,
            failed=failed,
            cancelled=ended,
        )
        self._worker = worker
