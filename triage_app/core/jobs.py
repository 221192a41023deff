"""Long work as plain generators: each yields Progress and stops early when `is_cancelled()` says so."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from triage_app.core.errors import IngestError
from triage_app.core.exchange.packet_reader import iter_inputs
from triage_app.core.exchange.reimport import apply_packet_member
from triage_app.core.ingest import InputItem
from triage_app.core.ingest.framesets import missing_frames_note
from triage_app.core.library import documents
from triage_app.core.library.db import Library
from triage_app.core.records import CleanResult, ImportOutcome, ParsedDocument, Progress
from triage_app.core.spawn import in_order_with_pool

log = logging.getLogger(__name__)

Cleaner = Callable[[Library, ParsedDocument], CleanResult]
"""Cleans a parsed document in the context of a library (which knows the site's other pages)."""


def never_cancelled() -> bool:
    """The default cancel flag."""
    return False


def default_cleaner(library: Library, parsed: ParsedDocument) -> CleanResult:
    """Clean with the library's site templates and site-wide overrides."""
    from triage_app.core.library.cleaning import clean_for_library

    return clean_for_library(library, parsed)


def clean_engine_name() -> str:
    """Name and version of the cleaning engine, stored with each document."""
    from triage_app.core.clean import CLEAN_ENGINE

    return CLEAN_ENGINE


def load_item(item: InputItem) -> ParsedDocument | ImportOutcome:
    """Read one input; a failure becomes an ImportOutcome with a reason a person understands (a walk's notice of
    what it passed over, a "skipped" one)."""
    if item.notice:
        return ImportOutcome(item.label, "skipped", reason=item.notice)
    if item.error or item.load is None:
        return ImportOutcome(item.label, "failed", reason=item.error or "cannot be read")
    try:
        return item.load()
    except IngestError as exc:
        return ImportOutcome(item.label, "failed", reason=str(exc))
    except MemoryError:
        return ImportOutcome(item.label, "failed", reason="the file is too large to read")
    except Exception as exc:  # a reader bug must not stop the rest of the import
        log.exception("reader failed on %s", item.label)
        return ImportOutcome(item.label, "failed", reason=f"unexpected error while reading ({exc.__class__.__name__})")


def find_duplicate(library: Library, parsed: ParsedDocument) -> int | None:
    """The library's document with the same original bytes, if any."""
    return documents.find_by_sha256(library.db, documents.sha256_hex(parsed.original))


def clean_parsed(
    library: Library, label: str, parsed: ParsedDocument, cleaned: CleanResult | BaseException | None,
    cleaner: Cleaner,
) -> CleanResult | ImportOutcome:
    """The cleaned page (cleaned here unless a pool process already did), or the failure to report."""
    if cleaned is None:
        try:
            cleaned = cleaner(library, parsed)
        except Exception as exc:
            log.exception("cleaner failed on %s", label)
            cleaned = exc
    if isinstance(cleaned, BaseException):
        return ImportOutcome(label, "failed", reason=f"could not be cleaned ({cleaned.__class__.__name__}: {cleaned})")
    return cleaned


def insert_new(library: Library, label: str, parsed: ParsedDocument, cleaned: CleanResult) -> ImportOutcome:
    """Store a new document; a packet's decisions land in the same transaction, or nothing does."""
    try:
        with library.transaction():
            # Looked up again under the write lock: another import of the same file may have stored it meanwhile.
            existing = find_duplicate(library, parsed)
            if existing is None:
                doc_id = documents.insert_document(library, parsed, cleaned, engine=clean_engine_name())
                merged = apply_packet_state(library, doc_id, parsed, duplicate=False)
    except (TypeError, ValueError, AttributeError, RecursionError, sqlite3.InterfaceError) as exc:
        if parsed.packet_member is None:
            raise
        log.exception("packet state of %s could not be merged", label)  # packet_schema should have caught it
        return ImportOutcome(label, "failed", reason=f"the packet's record of it is malformed ({exc.__class__.__name__})")
    if existing is not None:
        return merge_duplicate(library, label, parsed, existing)
    note = merged or missing_frames_note(parsed.html)
    return ImportOutcome(label, "imported", doc_id=doc_id, title=cleaned.title or parsed.title, reason=note)


def merge_duplicate(library: Library, label: str, parsed: ParsedDocument, doc_id: int) -> ImportOutcome:
    """A file the library already has: nothing is stored again, a packet's decisions are merged in."""
    merged = apply_packet_state(library, doc_id, parsed, duplicate=True)
    return ImportOutcome(label, "duplicate", doc_id=doc_id, title=parsed.title, reason=merged)


def apply_packet_state(library: Library, doc_id: int, parsed: ParsedDocument, *, duplicate: bool) -> str | None:
    """A document from a briefing packet brings the sender's decisions, tags, notes and corrections.

    Returns what the merge did and what differed, for the import report (None for ordinary files).
    """
    if parsed.packet_member is None:
        return None
    return apply_packet_member(library, doc_id, parsed.packet_member, duplicate=duplicate).describe()


def store_parsed(
    library: Library, label: str, parsed: ParsedDocument, cleaned: CleanResult | BaseException | None,
    *, cleaner: Cleaner = default_cleaner,
) -> ImportOutcome:
    """Store one read document: a duplicate is merged, a new one cleaned (unless it was) and inserted."""
    existing = find_duplicate(library, parsed)
    if existing is not None:
        return merge_duplicate(library, label, parsed, existing)
    result = clean_parsed(library, label, parsed, cleaned, cleaner)
    if isinstance(result, ImportOutcome):
        return result
    return insert_new(library, label, parsed, result)


def import_item(library: Library, item: InputItem, *, cleaner: Cleaner = default_cleaner) -> ImportOutcome:
    """Import one input: read it, then store it (each step its own function above).

    A failure leaves nothing behind and is reported, not raised; a KnownError (library locked, disk
    full) is raised: the whole import must stop.
    """
    loaded = load_item(item)
    if isinstance(loaded, ImportOutcome):
        return loaded
    return store_parsed(library, item.label, loaded, None, cleaner=cleaner)


LISTING_PROGRESS_EVERY = 100
"""While listing inputs, report how many were found every this many."""

POOL_MIN_ITEMS = 8
"""Below this many inputs the process pool's start-up costs more than it saves."""


def default_workers() -> int:
    """Processes used for cleaning: every core, at most four."""
    return max(1, min(4, os.cpu_count() or 1))


def _clean_in_child(parsed: ParsedDocument) -> CleanResult | Exception:
    """Run in a pool process: clean without library context; errors come back as values."""
    from triage_app.core.clean import clean_document

    try:
        return clean_document(parsed)
    except Exception as exc:  # returned, not raised, so the parent can report it per file
        return RuntimeError(f"{exc.__class__.__name__}: {exc}")


def import_documents(
    library: Library,
    paths: Iterable[Path | str],
    *,
    is_cancelled: Callable[[], bool] = never_cancelled,
    cleaner: Cleaner = default_cleaner,
    workers: int = 1,
) -> Iterator[Progress]:
    """Import files, folders and archives; yields one Progress per input with its ImportOutcome as result.

    With `workers` > 1 (and enough inputs) pages are cleaned in a pool of processes while this
    thread, the one writer, reads files and stores results in input order.
    """
    yield Progress(0, None, "Looking for files…")
    items: list[InputItem] = []
    for item in iter_inputs([Path(p) for p in paths]):
        items.append(item)
        if is_cancelled():
            yield Progress(0, len(items), "Cancelled")
            return
        if len(items) % LISTING_PROGRESS_EVERY == 0:  # a big web archive or mailbox lists for a while
            yield Progress(0, None, f"Looking for files… {len(items)} found")
    total = len(items)
    yield Progress(0, total, f"Found {total} file{'s' if total != 1 else ''}")
    if workers > 1 and total >= POOL_MIN_ITEMS:
        yield from _import_with_pool(library, items, workers, is_cancelled, cleaner)
        return
    for number, item in enumerate(items, start=1):
        if is_cancelled():
            yield Progress(number - 1, total, "Cancelled")
            return
        outcome = import_item(library, item, cleaner=cleaner)
        yield Progress(number, total, outcome.describe(), result=outcome)


def _import_with_pool(
    library: Library, items: list[InputItem], workers: int, is_cancelled: Callable[[], bool], cleaner: Cleaner
) -> Iterator[Progress]:
    total = len(items)
    Started = tuple[str, ParsedDocument | ImportOutcome, Future[CleanResult | Exception] | None]

    def start(pool: ProcessPoolExecutor, item: InputItem) -> Started:
        loaded = load_item(item)
        future = None
        if isinstance(loaded, ParsedDocument) and find_duplicate(library, loaded) is None:
            future = pool.submit(_clean_in_child, loaded)
        return item.label, loaded, future

    def finish(started: Started) -> ImportOutcome:
        label, loaded, future = started
        if isinstance(loaded, ImportOutcome):
            return loaded
        cleaned: CleanResult | BaseException | None = None
        if future is not None:
            try:
                cleaned = future.result()
            except Exception as exc:  # a crashed worker process
                cleaned = exc
        return store_parsed(library, label, loaded, cleaned, cleaner=cleaner)

    done = 0
    for outcome in in_order_with_pool(items, start, finish, workers=workers, is_cancelled=is_cancelled):
        done += 1
        yield Progress(done, total, outcome.describe(), result=outcome)
    if done < total:
        yield Progress(done, total, "Cancelled")


def summarise(outcomes: Iterable[ImportOutcome]) -> dict[str, int]:
    """Counts per status: imported, duplicate, failed."""
    counts = {"imported": 0, "duplicate": 0, "failed": 0}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    return counts
