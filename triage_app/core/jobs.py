"""Long work as plain generators: each yields Progress and stops early when `is_cancelled()` says so."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from triage_app.core.errors import IngestError, KnownError
from triage_app.core.ingest import InputItem, iter_inputs
from triage_app.core.library import documents
from triage_app.core.library.db import Library
from triage_app.core.records import CleanResult, ImportOutcome, ParsedDocument, Progress

log = logging.getLogger(__name__)

Cleaner = Callable[[Library, ParsedDocument], CleanResult]
"""Cleans a parsed document in the context of a library (which knows the site's other pages)."""


def never_cancelled() -> bool:
    """The default cancel flag."""
    return False


def default_cleaner(library: Library, parsed: ParsedDocument) -> CleanResult:
    """Clean with the library's site templates when the cleaning engine offers them."""
    from triage_app.core.clean import clean_document

    try:
        from triage_app.core.library.cleaning import clean_for_library  # type: ignore[attr-defined]
    except ImportError:
        return clean_document(parsed)
    return clean_for_library(library, parsed)  # type: ignore[no-any-return]


def clean_engine_name() -> str:
    """Name and version of the cleaning engine, stored with each document."""
    from triage_app.core.clean import CLEAN_ENGINE

    return CLEAN_ENGINE


def import_item(library: Library, item: InputItem, *, cleaner: Cleaner = default_cleaner) -> ImportOutcome:
    """Import one input in its own transaction; a failure leaves nothing behind and is reported, not raised."""
    if item.error or item.load is None:
        return ImportOutcome(item.label, "failed", reason=item.error or "cannot be read")
    try:
        parsed = item.load()
    except IngestError as exc:
        return ImportOutcome(item.label, "failed", reason=str(exc))
    except MemoryError:
        return ImportOutcome(item.label, "failed", reason="the file is too large to read")
    except Exception as exc:  # a reader bug must not stop the rest of the import
        log.exception("reader failed on %s", item.label)
        return ImportOutcome(item.label, "failed", reason=f"unexpected error while reading ({exc.__class__.__name__})")
    digest = documents.sha256_hex(parsed.original)
    existing = documents.find_by_sha256(library.db, digest)
    if existing is not None:
        _apply_packet_state(library, existing, parsed, duplicate=True)
        return ImportOutcome(item.label, "duplicate", doc_id=existing, title=parsed.title)
    try:
        cleaned = cleaner(library, parsed)
    except Exception as exc:
        log.exception("cleaner failed on %s", item.label)
        return ImportOutcome(item.label, "failed", reason=f"could not be cleaned ({exc.__class__.__name__}: {exc})")
    try:
        doc_id = documents.insert_document(library, parsed, cleaned, engine=clean_engine_name())
    except KnownError:
        raise  # the library itself is unusable (locked, disk full): stop the whole import
    _apply_packet_state(library, doc_id, parsed, duplicate=False)
    return ImportOutcome(item.label, "imported", doc_id=doc_id, title=cleaned.title or parsed.title)


def _apply_packet_state(library: Library, doc_id: int, parsed: ParsedDocument, *, duplicate: bool) -> None:
    """A document from a briefing packet brings the sender's decisions, tags, notes and corrections."""
    if parsed.packet_member is None:
        return
    from triage_app.core.export.reimport import apply_packet_member  # type: ignore[import-not-found]

    apply_packet_member(library, doc_id, parsed.packet_member, duplicate=duplicate)


def import_documents(
    library: Library,
    paths: Iterable[Path | str],
    *,
    is_cancelled: Callable[[], bool] = never_cancelled,
    cleaner: Cleaner = default_cleaner,
) -> Iterator[Progress]:
    """Import files, folders and archives; yields one Progress per input with its ImportOutcome as result."""
    yield Progress(0, None, "Looking for files…")
    items: list[InputItem] = []
    for item in iter_inputs([Path(p) for p in paths]):
        items.append(item)
        if is_cancelled():
            yield Progress(0, len(items), "Cancelled")
            return
    total = len(items)
    yield Progress(0, total, f"Found {total} file{'s' if total != 1 else ''}")
    for number, item in enumerate(items, start=1):
        if is_cancelled():
            yield Progress(number - 1, total, "Cancelled")
            return
        outcome = import_item(library, item, cleaner=cleaner)
        yield Progress(number, total, outcome.describe(), result=outcome)


def summarise(outcomes: Iterable[ImportOutcome]) -> dict[str, int]:
    """Counts per status: imported, duplicate, failed."""
    counts = {"imported": 0, "duplicate": 0, "failed": 0}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    return counts
