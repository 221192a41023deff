"""Background annotation leaves the one writer free for short writes while the model works."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from triage_app.core.library import Library, annotations, documents, triage
from triage_app.core.library.writer import LibraryWriter
from triage_app.core.records import Annotation, Block, CleanResult, ParsedDocument


class GatedEngine:
    """An engine whose model work waits until the test opens the gate."""

    name = "gated/1"

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.started = threading.Event()

    def annotate(self, text: str) -> Annotation:
        return next(self.annotate_many([text]))

    def annotate_many(self, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Annotation]:
        items = list(texts)
        self.started.set()
        assert self.gate.wait(30), "the test never opened the gate"
        for _ in items:
            yield Annotation(entities=[], quotes=[], engine=self.name)


def test_a_key_press_is_stored_while_the_model_is_busy(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as library:
        parsed = ParsedDocument("/a.txt", b"Some text", "text", "utf-8", text="Some text")
        doc = documents.insert_document(library, parsed, CleanResult([Block(0, "line", "Some text", True)]))
    engine = GatedEngine()
    writer = LibraryWriter(path)
    try:
        job = writer.run_job(
            lambda lib: annotations.annotate_documents(lib, engine=engine, off_thread=True),  # type: ignore[arg-type]
            lambda progress: None,
        )
        assert engine.started.wait(10)
        mark = writer.submit(lambda lib: triage.set_relevance(lib, doc, "relevant"))
        assert mark.result(10) == "unreviewed"  # served while the model still works
        assert not job.done()
        engine.gate.set()
        job.result(30)
        annotated = writer.submit(lambda lib: documents.get_document(lib.db, doc)["annotated_engine"]).result(10)
        assert annotated == "gated/1"
    finally:
        engine.gate.set()
        writer.shutdown()


class CountingEngine:
    """An English engine that records which texts reached its model."""

    name = "counting/1"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def annotate(self, text: str) -> Annotation:
        return next(self.annotate_many([text]))

    def annotate_many(self, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Annotation]:
        for text in texts:
            self.seen.append(text)
            yield Annotation(entities=[], quotes=[], engine=self.name)


def test_the_readers_path_is_gated_by_language_like_every_other() -> None:
    """A German text opened in the reader never reaches the English model (annotate_texts gates too)."""
    engine = CountingEngine()
    german = "Die Regierung teilte am Donnerstag mit, dass sie das Programm nicht verlängern werde."
    english = "The government said on Thursday that it would not extend the programme."
    steps = list(annotations.annotate_texts([german, english], languages=["de", "en"], engine=engine))  # type: ignore[arg-type]
    found = steps[-1].result
    assert engine.seen == [english]
    assert found[0].entities == [] and "no-model/de" in found[0].engine
    assert found[1].engine == "counting/1"
