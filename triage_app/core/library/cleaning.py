"""Cleaning in the context of a library: site templates from sibling pages, the analyst's overrides,
and background re-cleaning.

- `clean_for_library(library, parsed)`: clean a new page using what its site's other pages say.
- The analyst's keep/remove choices for blocks (`overrides`) are applied here at every re-clean; they are made
  and forgotten in `block_overrides`.
- `reclean_documents(...)`, `reclean_site_job(...)`: generators yielding Progress;
  `sites_to_reclean(library, doc_ids)` names the sites to re-clean after an import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from sqlite_utils import Database

from triage_app.core.clean import CLEAN_ENGINE, SiteTemplate, clean_document
from triage_app.core.ingest.charset_choice import apply_charset_choice
from triage_app.core.ingest.framesets import compose_frames, has_frameset
from triage_app.core.library import documents
from triage_app.core.library.db import Library, now_iso
from triage_app.core.library.triage import os_user
from triage_app.core.records import CleanResult, ParsedDocument, Progress


def _never() -> bool:
    return False


def build_template(db: Database, site: str | None, *, doc_id: int | None = None) -> SiteTemplate | None:
    """What the other pages of `site` and the stored overrides say about a page (None without a site, unless it is a
    stored page: its own overrides hold whether or not its site is known)."""
    if not site and doc_id is None:
        return None
    others = [r[0] for r in db.execute("SELECT id FROM documents WHERE site = ? AND id IS NOT ?", [site, doc_id])] if site else []
    template = SiteTemplate(site=site or "", other_pages=len(others))
    if site and len(others) >= template.min_pages:
        rows = db.execute(
            "SELECT b.template_key, COUNT(DISTINCT b.doc_id) FROM blocks b JOIN documents d ON d.id = b.doc_id "
            "WHERE d.site = ? AND d.id IS NOT ? AND b.template_key != '' GROUP BY b.template_key HAVING COUNT(DISTINCT b.doc_id) >= ?",
            [site, doc_id, template.min_pages],
        )
        template.key_pages = {key: int(count) for key, count in rows}
    for key, kept in db.execute("SELECT template_key, kept FROM overrides WHERE site = ? AND doc_id IS NULL ORDER BY id", [site]):
        template.site_overrides[key] = bool(kept)
    if doc_id is not None:
        for key, kept in db.execute("SELECT template_key, kept FROM overrides WHERE doc_id = ? ORDER BY id", [doc_id]):
            template.doc_overrides[key] = bool(kept)
    return template


def clean_for_library(library: Library, parsed: ParsedDocument) -> CleanResult:
    """Clean a page that is about to be imported, with its site's template and site-wide overrides."""
    result = clean_document(parsed)
    template = build_template(library.db, result.site)
    if template is not None:
        template.apply(result)
    return result


def load_parsed(db: Database, doc_id: int) -> ParsedDocument:
    """Rebuild the ParsedDocument of a stored document from its verbatim original."""
    doc = documents.get_document(db, doc_id)
    data = documents.get_original(db, doc_id)
    name = doc.get("original_name") or doc.get("source_path") or f"document-{doc_id}"
    try:
        from triage_app.core.ingest.readers import parse_bytes

        parsed = parse_bytes(data, name=name, source_path=doc.get("source_path") or name)
    except Exception:  # an older reader or an odd file: decode it the simple way
        text = data.decode(doc.get("charset") or "utf-8", errors="replace")
        is_html = doc.get("format") in ("html", "mhtml", "singlefile", "webarchive")
        parsed = ParsedDocument(
            doc.get("source_path") or name, data, doc.get("format") or "text", doc.get("charset") or "utf-8",
            html=text if is_html else None, text=None if is_html else text, original_name=name,
        )
    if doc.get("charset_choice"):
        apply_charset_choice(parsed, data, name, doc["charset_choice"])
    if parsed.format == "html" and parsed.html is not None:  # a frameset's `_files/` frames are stored resources
        parsed.html = with_stored_frames(db, doc_id, parsed.html)
    parsed.url = parsed.url or doc.get("url")
    return parsed


def with_stored_frames(db: Database, doc_id: int, html: str) -> str:
    """A frameset page as the cleaner reads it, its stored frames' bodies in order (`framesets.compose_frames`);
    any other page, or one none of whose frames is stored, as it is. The re-clean and the reader's original use it."""
    if not has_frameset(html):
        return html
    return compose_frames(html, documents.get_resources(db, doc_id)) or html


def stored_site(db: Database, doc_id: int) -> str | None:
    """The site stored for a document (KeyError when there is no such document)."""
    row = db.execute("SELECT site FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        raise KeyError(f"no document #{doc_id}")
    return str(row[0]) if row[0] else None


def reclean_document(library: Library, doc_id: int, *, audit_origin: str | None = None) -> CleanResult:
    """Clean a stored document again (template and overrides included) and store the result; with `audit_origin`,
    a change of the cleaner's version is written to the audit log ("clean_engine": old -> new) in the same transaction."""
    engine = stored_engine(library.db, doc_id)
    result = clean_document(load_parsed(library.db, doc_id))  # the cleaning itself holds no write lock
    return store_reclean(library, doc_id, result, engine, audit_origin=audit_origin)


def stored_engine(db: Database, doc_id: int) -> str | None:
    """The cleaner version that made a stored document (KeyError when there is no such document)."""
    row = db.execute("SELECT clean_engine FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        raise KeyError(f"no document #{doc_id}")
    return str(row[0]) if row[0] is not None else None


def store_reclean(
    library: Library, doc_id: int, result: CleanResult, engine: str | None, *, audit_origin: str | None = None
) -> CleanResult:
    """Store a new cleaning of a stored document (made here or in a pool process, `upgrade.reclean_pooled`): the site's
    template and the analyst's overrides applied first; with `audit_origin`, a change from `engine` (the version that
    made the stored one) to this cleaner's is audited in the same transaction."""
    db = library.db
    site = result.site or stored_site(db, doc_id)
    template = build_template(db, site, doc_id=doc_id)
    if template is not None:
        template.apply(result)
    with library.transaction() as tx:
        if tx.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone() is None:
            raise KeyError(f"no document #{doc_id}")  # removed while it was being cleaned
        documents.replace_clean_result(library, doc_id, result, engine=CLEAN_ENGINE)
        if audit_origin is not None and engine != CLEAN_ENGINE:
            tx.table("audit").insert(
                {"at": now_iso(), "user": os_user(), "doc_id": doc_id, "field": "clean_engine", "old": engine,
                 "new": CLEAN_ENGINE, "origin": audit_origin}
            )
    return result


def reclean_documents(
    library: Library, doc_ids: Iterable[int], *, is_cancelled: Callable[[], bool] = _never, audit_origin: str | None = None
) -> Iterator[Progress]:
    """Re-clean documents one by one; each Progress carries the document id as its result (`audit_origin`:
    `reclean_document`'s)."""
    ids = list(doc_ids)
    total = len(ids)
    yield Progress(0, total, f"Re-cleaning {total} document{'s' if total != 1 else ''}")
    for number, doc_id in enumerate(ids, start=1):
        if is_cancelled():
            yield Progress(number - 1, total, "Cancelled")
            return
        try:
            reclean_document(library, doc_id, audit_origin=audit_origin)
            message = f"#{doc_id} cleaned"
        except KeyError:
            message = f"#{doc_id} no longer exists"
        yield Progress(number, total, message, result=doc_id)


def reclean_site_job(library: Library, site: str, *, is_cancelled: Callable[[], bool] = _never) -> Iterator[Progress]:
    """Re-clean every page of a site (run when a new page of it arrives: the template has changed)."""
    ids = [r[0] for r in library.db.execute("SELECT id FROM documents WHERE site = ? ORDER BY id", [site])]
    yield from reclean_documents(library, ids, is_cancelled=is_cancelled)


def sites_to_reclean(library: Library, doc_ids: Iterable[int]) -> list[str]:
    """Sites of newly imported documents whose template can now change (the site has 3 or more pages).

    Call `reclean_site_job` for each of them in the background after an import.
    """
    ids = list(doc_ids)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = library.db.execute(
        f"SELECT site FROM documents WHERE site IN (SELECT DISTINCT site FROM documents WHERE id IN ({marks})) "
        "GROUP BY site HAVING COUNT(*) >= 3 ORDER BY site",
        ids,
    )
    return [r[0] for r in rows if r[0]]
