"""Re-opening a stored document with another text encoding (the analyst's choice when detection erred).

The choice is stored with the document (`charset_choice`), so every later re-clean decodes the
original the same way; the document is re-cleaned at once and the change is written to the audit log.
"""

from __future__ import annotations

from triage_app.core.ingest.charset import normalise_label
from triage_app.core.ingest.charset_choice import REOPENABLE_FORMATS
from triage_app.core.library import documents
from triage_app.core.library.cleaning import reclean_document
from triage_app.core.library.db import Library, now_iso
from triage_app.core.library.triage import os_user
from triage_app.core.records import CleanResult

COMMON_ENCODINGS: tuple[str, ...] = (
    "utf-8", "cp1252", "iso8859-15", "cp1250", "iso8859-2", "cp1251", "koi8-r", "cp1253", "cp1254", "cp1257",
    "cp1255", "cp1256", "cp874", "cp1258", "mac-roman", "cp437", "cp850", "shift_jis", "euc_jp", "gb18030",
    "big5", "euc_kr", "utf-16",
)
"""Encodings offered first when the analyst picks one (any name Python knows is accepted)."""


def codec_name(encoding: str) -> str:
    """Python's name for an encoding label; ValueError for a label it does not know."""
    name = normalise_label(encoding)
    if name is None:
        raise ValueError(f"{encoding!r} is not an encoding of text documents (such as cp1252, iso8859-2, cp1251 or utf-8)")
    return name


def reopen_with_encoding(library: Library, doc_id: int, encoding: str, *, origin: str = "user") -> CleanResult:
    """Decode document `doc_id` with `encoding`, re-clean it and audit the change; returns the new result.

    KeyError when there is no such document, ValueError for an unknown encoding or a format
    (MHTML, e-mail) whose parts declare their own encodings.
    """
    choice = codec_name(encoding)
    doc = documents.get_document(library.db, doc_id)
    if doc.get("format") not in REOPENABLE_FORMATS:
        raise ValueError(f"document #{doc_id} is {doc.get('format')}: only text and HTML files can be re-opened with another encoding")
    old = doc.get("charset")
    with library.transaction() as tx:
        tx.table("documents").update(doc_id, {"charset": choice, "charset_choice": choice})
        tx.table("audit").insert(
            {"at": now_iso(), "user": os_user(), "doc_id": doc_id, "field": "encoding", "old": old, "new": choice, "origin": origin}
        )
        result = reclean_document(library, doc_id)
    return result
