"""Annotating documents: finding their entities, mentions and quotes and storing them in the library (reading them:
`annotation_queries`; the analyst's corrections: `entity_corrections`)."""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING

from sqlite_utils import Database

from triage_app.core.library.db import Library
from triage_app.core.library.entity_corrections import entity_id_for, stored_corrections
from triage_app.core.library.entity_matching import library_key
from triage_app.core.nlp.corrections import Corrections, Key
from triage_app.core.nlp.gating import (
    ENGLISH,
    annotate_gated,
    annotate_many,
    engine_names,
    runs_on,
    skipped_name,
    without_model,
)
from triage_app.core.nlp.ledger import quote_words
from triage_app.core.nlp.process import ModelRunner, model_runner
from triage_app.core.records import Annotation, Progress

if TYPE_CHECKING:
    from triage_app.core.nlp.engine import NlpEngine

BATCH_SIZE = 16
POLL_S = 0.05


def _never() -> bool:
    return False


def _engine(engine: NlpEngine | None) -> NlpEngine:
    if engine is not None:
        return engine
    from triage_app.core.nlp import get_engine

    return get_engine()


def store_annotation(library: Library, doc_id: int, annotation: Annotation, *, corrections: Corrections | None = None) -> None:
    """Replace the document's mentions and quotes with `annotation`, applying the analyst's corrections."""
    with library.transaction() as db:
        if db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is None:
            return  # removed while it was being annotated
        fixes = (corrections or stored_corrections(db)).for_document(doc_id)
        cache: dict[Key, int] = {}
        db.execute("DELETE FROM mentions WHERE doc_id = ?", [doc_id])
        db.execute("DELETE FROM quotes WHERE doc_id = ?", [doc_id])
        by_canonical: dict[str, int] = {}
        mention_rows = []
        split_at = fixes.split_places(doc_id, lambda: _text(db, doc_id), ((m.start, m.end, m.text) for m in annotation.entities))
        for m in annotation.entities:
            key = library_key(db, split_at.get((m.start, m.end, m.text)) or fixes.resolve((m.canonical, m.label)), m)
            entity_id = entity_id_for(db, key, fixes, cache)
            if m.label in {"PERSON", "ORG", "NORP", "PLACE"}:
                by_canonical.setdefault(m.canonical, entity_id)
            mention_rows.append({"doc_id": doc_id, "entity_id": entity_id, "start": m.start, "end": m.end, "text": m.text, "label": m.label})
        db.table("mentions").insert_all(mention_rows)
        quote_rows = []
        for q in annotation.quotes:
            speaker_id = by_canonical.get(q.speaker_canonical) if q.speaker_canonical else None
            quote_rows.append(
                {
                    "doc_id": doc_id, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind, "cue": q.cue,
                    "speaker": q.speaker, "speaker_start": q.speaker_start, "speaker_end": q.speaker_end,
                    "speaker_entity_id": speaker_id, "words": quote_words(q.text),
                }
            )
        db.table("quotes").insert_all(quote_rows)
        db.execute("UPDATE documents SET annotated_engine = ? WHERE id = ?", [annotation.engine, doc_id])


def pending_ids(db: Database, engine: NlpEngine | str, doc_ids: Sequence[int] | None = None) -> list[int]:
    """Documents not yet annotated as their language asks (optionally among `doc_ids`).

    A document of a language the engine has a model for must carry the engine's name; any other one the
    `no-model/LANG` name (see `nlp.gating`). So a document is pending again when its language changes or
    when a model of its language is added. A bare engine name (str) is taken as an English engine.
    """
    names = {ENGLISH: engine} if isinstance(engine, str) else engine_names(engine)
    english = names.get(ENGLISH, engine if isinstance(engine, str) else engine.name)
    cases = " ".join("WHEN language = ? THEN ?" for _ in names)
    expected = f"CASE WHEN language IS NULL THEN ? {cases} ELSE ? || language END"
    params: list[str] = [english]
    for language, name in names.items():
        params += [language, name]
    rows = db.execute(
        f"SELECT id FROM documents WHERE annotated_engine IS NULL OR annotated_engine != {expected} ORDER BY id",
        [*params, skipped_name("")],
    ).fetchall()
    ids = [int(r[0]) for r in rows]
    if doc_ids is not None:
        wanted = set(doc_ids)
        ids = [i for i in ids if i in wanted]
    return ids


def _languages(db: Database, doc_ids: Sequence[int]) -> list[str | None]:
    marks = ",".join("?" for _ in doc_ids)
    found = {int(r[0]): r[1] for r in db.execute(f"SELECT id, language FROM documents WHERE id IN ({marks})", list(doc_ids))}
    return [found.get(doc_id) for doc_id in doc_ids]


def annotate_documents(
    library: Library,
    doc_ids: Sequence[int] | None = None,
    *,
    is_cancelled: Callable[[], bool] = _never,
    engine: NlpEngine | None = None,
    batch_size: int = BATCH_SIZE,
    off_thread: bool = False,
    off_process: bool = False,
) -> Iterator[Progress]:
    """Annotate the documents whose `annotated_engine` differs from the engine's; one transaction per batch.

    With `off_thread`, the language model runs in a helper thread and this generator yields a
    Progress every `POLL_S` while it waits, so the writer thread that steps it stays free for short
    writes (an analyst's key presses) during background annotation. With `off_process`, the model
    runs in one spawned child process instead (loaded once for the whole run), so its parses do not
    hold this process's GIL and the GUI keeps turning; an engine passed in that is not the default
    spaCy engine (a test's fake) cannot go to a child and runs off the thread instead.
    """
    nlp = _engine(engine)
    ids = pending_ids(library.db, nlp, doc_ids)
    total = len(ids)
    yield Progress(0, total, "Loading the language model…" if total else "Nothing to annotate")
    if not total:
        return
    done = 0
    runner = model_runner(nlp, batch_size, off_thread=off_thread, off_process=off_process)
    cancelled = False
    try:
        for first in range(0, total, batch_size):
            if is_cancelled():
                cancelled = True
                yield Progress(done, total, "Cancelled")
                return
            batch = ids[first : first + batch_size]
            languages = _languages(library.db, batch)
            ran = [i for i, lang in enumerate(languages) if runs_on(nlp, lang)]
            annotations = [
                Annotation([], [], "") if i in ran else without_model(_text(library.db, doc_id), languages[i])
                for i, doc_id in enumerate(batch)
            ]
            texts = [_text(library.db, batch[i]) for i in ran]
            ran_languages = [languages[i] for i in ran]
            found: list[Annotation] = []
            if texts and runner is None:
                found = annotate_many(nlp, texts, ran_languages, batch_size)
            elif texts and runner is not None:
                waiting = Progress(done, total, f"Annotating {done + 1}–{done + len(batch)} of {total}…")
                ready = yield from _await_batch(runner, texts, is_cancelled, waiting, ran_languages)
                if ready is None:
                    cancelled = True
                    yield Progress(done, total, "Cancelled")
                    return
                found = ready
            for i, annotation in zip(ran, found):
                annotations[i] = annotation
            with library.transaction() as db:
                fixes = stored_corrections(db)
                for doc_id, annotation in zip(batch, annotations):
                    store_annotation(library, doc_id, annotation, corrections=fixes)
            done += len(batch)
            yield Progress(done, total, f"Annotated {done} of {total}", result=batch)
    except BaseException:
        cancelled = True  # an error or a closed generator: do not wait for the model
        raise
    finally:
        if runner is not None:
            runner.close(cancel=cancelled)


def _await_batch(
    runner: ModelRunner, texts: Sequence[str], is_cancelled: Callable[[], bool], waiting: Progress,
    languages: Sequence[str | None] | None = None,
) -> Generator[Progress, None, list[Annotation] | None]:
    """The runner's annotations of `texts`, yielding `waiting` every POLL_S meanwhile; None when cancelled.

    Only a runner that can abandon its batch (the child process) stops waiting on cancel.
    """
    future = runner.annotate(texts, languages)
    while True:
        try:
            return future.result(timeout=POLL_S)
        except FutureTimeout:
            if runner.stops_at_once and is_cancelled():
                return None
            yield waiting


def annotate_texts(
    texts: Sequence[str],
    *,
    languages: Sequence[str | None] | None = None,
    is_cancelled: Callable[[], bool] = _never,
    engine: NlpEngine | None = None,
) -> Iterator[Progress]:
    """Annotate `texts` away from the calling thread; the last Progress carries `list[Annotation]` as result.

    Gated like every other path: only the texts whose language (`languages`, None: unknown) the engine's
    model is of go to the model; the others get no entities (`without_model`). The default spaCy engine
    runs in a spawned child process (its parses do not hold this process's GIL); another engine (a test's
    fake) runs in a helper thread. Nothing is stored: the caller writes the annotations with
    `store_annotation` through the writer, so a reader can annotate the document it opens without waiting
    behind a long writer job and without stalling the window.
    """
    nlp = _engine(engine)
    items = list(texts)
    langs = list(languages) if languages is not None else [None] * len(items)
    if len(langs) != len(items):
        raise ValueError("annotate_texts: one language per text")
    results = [without_model(text, lang) for text, lang in zip(items, langs)]
    ran = [i for i, lang in enumerate(langs) if runs_on(nlp, lang)]
    if not ran:
        yield Progress(len(items), len(items), "Annotated", result=results)
        return
    runner = model_runner(nlp, BATCH_SIZE, off_thread=True, off_process=True)
    assert runner is not None  # off_thread: always a thread or a process
    cancelled = False
    try:
        waiting = Progress(0, len(items), "Finding entities and quotes…")
        annotations = yield from _await_batch(runner, [items[i] for i in ran], is_cancelled, waiting, [langs[i] for i in ran])
        if annotations is None:
            cancelled = True
            yield Progress(0, len(items), "Cancelled")
            return
        for i, annotation in zip(ran, annotations):
            results[i] = annotation
        yield Progress(len(items), len(items), "Annotated", result=results)
    except BaseException:
        cancelled = True
        raise
    finally:
        runner.close(cancel=cancelled)


def _text(db: Database, doc_id: int) -> str:
    row = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        raise KeyError(f"no document #{doc_id}")
    return str(row[0] or "")


def ensure_annotated(library: Library, doc_id: int, *, engine: NlpEngine | None = None) -> bool:
    """Annotate one document now unless the engine already did; True when it annotated."""
    nlp = _engine(engine)
    if not pending_ids(library.db, nlp, [doc_id]):
        _text(library.db, doc_id)  # raises KeyError for an unknown id
        return False
    text = _text(library.db, doc_id)
    store_annotation(library, doc_id, annotate_gated(nlp, [text], _languages(library.db, [doc_id]))[0])
    return True
