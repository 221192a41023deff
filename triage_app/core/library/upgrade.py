"""Bringing a library up to the current cleaner: the documents an earlier version of it made (`CLEAN_ENGINE` changes
with every change to what the cleaner makes), re-cleaned and audited, in a pool of processes when there are many.

- `cleaned_by_older_engine(db)`: which documents (by the index `documents_clean_engine`).
- `reclean_older_job(library, *, is_cancelled, workers)`: the job the window queues at start and `triage-app reclean`
  runs; `reclean_pooled(...)` re-cleans given documents the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from sqlite_utils import Database

from triage_app.core.clean import CLEAN_ENGINE
from triage_app.core.library.cleaning import load_parsed, reclean_documents, store_reclean, stored_engine
from triage_app.core.library.db import Library
from triage_app.core.records import CleanResult, ParsedDocument, Progress
from triage_app.core.spawn import in_order_with_pool

ENGINE_FAMILY = CLEAN_ENGINE.split("/", 1)[0] + "/"
"""The part of `CLEAN_ENGINE` every version shares ("triage-clean/")."""
UPGRADE = "upgrade"
"""The audit log's origin of a re-clean by a newer version of the cleaner."""
POOL_MIN_DOCUMENTS = 24
"""Fewer documents are re-cleaned in this process: starting the pool (each process imports the cleaner) costs more."""


def _never() -> bool:
    return False


def engine_version(engine: str) -> tuple[int, ...] | None:
    """(1, 77) for "triage-clean/1.77"; None for a name of another family or without a numeric version."""
    if not engine.startswith(ENGINE_FAMILY):
        return None
    parts = engine[len(ENGINE_FAMILY) :].split(".")
    return tuple(int(p) for p in parts) if all(p.isdigit() for p in parts) else None


def cleaned_by_older_engine(db: Database) -> list[int]:
    """Documents whose text and blocks an earlier version of this cleaner made, by id. Documents stored by anything
    else (an empty engine) or by a later version (a library opened again by an older Triage) are left as they are."""
    # A range over the family's names ("triage-clean/" up to "triage-clean0"): the index `documents_clean_engine` answers
    # it without reading the table, whose rows hold the long text before the engine.
    after_family = ENGINE_FAMILY[:-1] + chr(ord(ENGINE_FAMILY[-1]) + 1)
    rows = db.execute(
        "SELECT id, clean_engine FROM documents WHERE clean_engine >= ? AND clean_engine < ? AND clean_engine != ?",
        [ENGINE_FAMILY, after_family, CLEAN_ENGINE],
    )
    current = engine_version(CLEAN_ENGINE) or ()
    return sorted(int(doc_id) for doc_id, engine in rows if (version := engine_version(engine)) is not None and version < current)


def reclean_older_job(library: Library, *, is_cancelled: Callable[[], bool] = _never, workers: int = 1) -> Iterator[Progress]:
    """Re-clean every document an earlier version of the cleaner made (the site's template and the analyst's block
    overrides applied again, decisions, tags and notes untouched; annotations of a changed text are redone when next
    asked for), each re-clean audited (origin `UPGRADE`). Cancelled, it leaves the rest for the next run."""
    ids = cleaned_by_older_engine(library.db)
    yield from reclean_pooled(library, ids, workers=workers, is_cancelled=is_cancelled, audit_origin=UPGRADE)


def _clean_in_child(parsed: ParsedDocument) -> CleanResult | None:
    """Run in a pool process: the cleaning alone (the template and overrides need the library: the parent applies them)."""
    from triage_app.core.clean import clean_document

    try:
        return clean_document(parsed)
    except Exception:  # noqa: BLE001 - the parent cleans this one itself
        return None


def reclean_pooled(
    library: Library,
    doc_ids: Iterable[int],
    *,
    workers: int = 1,
    is_cancelled: Callable[[], bool] = _never,
    audit_origin: str | None = None,
) -> Iterator[Progress]:
    """`cleaning.reclean_documents`, the cleaning done in `workers` processes while this thread (the writer) reads the
    originals and stores the results in order: the re-clean of a large library after an update takes minutes, and in
    this process it would hold the interpreter the window's thread needs."""
    ids = list(doc_ids)
    if workers <= 1 or len(ids) < POOL_MIN_DOCUMENTS:
        yield from reclean_documents(library, ids, is_cancelled=is_cancelled, audit_origin=audit_origin)
        return
    total = len(ids)
    yield Progress(0, total, f"Re-cleaning {total} documents")
    Started = tuple[int, str | None, ParsedDocument | None, Future[CleanResult | None] | None]

    def start(pool: ProcessPoolExecutor, doc_id: int) -> Started:
        try:
            engine, parsed = stored_engine(library.db, doc_id), load_parsed(library.db, doc_id)
        except KeyError:
            return doc_id, None, None, None
        return doc_id, engine, parsed, pool.submit(_clean_in_child, parsed)

    def finish(started: Started) -> str:
        doc_id, engine, parsed, future = started
        if parsed is None or future is None:
            return f"#{doc_id} no longer exists"
        try:
            result = future.result()
        except Exception:  # noqa: BLE001 - a crashed worker process: clean this one here
            result = None
        if result is None:
            from triage_app.core.clean import clean_document

            result = clean_document(parsed)
        try:
            store_reclean(library, doc_id, result, engine, audit_origin=audit_origin)
        except KeyError:  # removed while it was being cleaned
            return f"#{doc_id} no longer exists"
        return f"#{doc_id} cleaned"

    done = 0
    for doc_id, message in zip(ids, in_order_with_pool(ids, start, finish, workers=workers, is_cancelled=is_cancelled)):
        done += 1
        yield Progress(done, total, message, result=doc_id)
    if done < total:
        yield Progress(done, total, "Cancelled")
