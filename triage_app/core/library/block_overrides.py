"""The analyst's own keep/remove choices for blocks, made, looked up and forgotten.

- `set_block_override(library, doc_id, block_index, kept, *, site_wide=False)`: keep or remove a block by hand
  (this page, or the same template block on every page of its site); applied at once and at every later re-clean.
- `block_override(db, doc_id, block_index)`: the choice that decides a block now, if any.
- `clear_block_override(library, doc_id, block_index, *, site_wide=False)`: forget a choice and let the cleaner
  decide again (the page or pages are cleaned again from their originals).

Each change is one transaction with its audit record: the overrides, the blocks and cleaned texts they touch, and
the log change together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from triage_app.core.clean import CLEAN_ENGINE, SiteTemplate
from triage_app.core.library import documents
from triage_app.core.library.cleaning import build_template, reclean_document, stored_site
from triage_app.core.library.db import Library, now_iso
from triage_app.core.library.triage import os_user
from triage_app.core.records import CleanResult


@dataclass(frozen=True)
class BlockOverride:
    """A choice that decides a block: kept or removed, for this page only or site-wide."""

    kept: bool
    site_wide: bool


def _block_key(db: Database, doc_id: int, block_index: int) -> tuple[str, bool]:
    row = db.execute("SELECT template_key, kept FROM blocks WHERE doc_id = ? AND idx = ?", [doc_id, block_index]).fetchone()
    if row is None:
        raise KeyError(f"document #{doc_id} has no block {block_index}")
    return row[0] or "", bool(row[1])


def block_override(db: Database, doc_id: int, block_index: int) -> BlockOverride | None:
    """The choice that decides the block now: the page's own, else its site's (as `SiteTemplate.apply` ranks them)."""
    key, _ = _block_key(db, doc_id, block_index)
    row = db.execute("SELECT kept FROM overrides WHERE doc_id = ? AND template_key = ? ORDER BY id DESC LIMIT 1", [doc_id, key]).fetchone()
    if row is not None:
        return BlockOverride(bool(row[0]), site_wide=False)
    site = stored_site(db, doc_id)
    row = db.execute(
        "SELECT kept FROM overrides WHERE site = ? AND doc_id IS NULL AND template_key = ? ORDER BY id DESC LIMIT 1", [site, key]
    ).fetchone() if site else None
    return BlockOverride(bool(row[0]), site_wide=True) if row is not None else None


def _apply_stored(library: Library, doc_id: int) -> None:
    """Apply the stored overrides to a document's stored blocks and store the new cleaned text."""
    db = library.db
    blocks = documents.get_blocks(db, doc_id)
    template = build_template(db, stored_site(db, doc_id), doc_id=doc_id) or SiteTemplate(site="")
    if template.site == "":
        for key, kept in db.execute("SELECT template_key, kept FROM overrides WHERE doc_id = ? ORDER BY id", [doc_id]):
            template.doc_overrides[key] = bool(kept)
    template.key_pages = {}  # only the overrides: the cleaner's own decisions stay as stored
    engine, language, confidence = db.execute(
        "SELECT clean_engine, language, language_confidence FROM documents WHERE id = ?", [doc_id]
    ).fetchone()
    # The stored metadata stands (a block kept or removed by hand is no new reading of the page); the language is
    # given again because a re-clean result always sets it.
    result = CleanResult(blocks=blocks, language=language, language_confidence=confidence)
    template.apply(result)
    documents.replace_clean_result(library, doc_id, result, engine=engine or CLEAN_ENGINE)


def _pages_with_key(db: Database, site: str, key: str) -> list[int]:
    rows = db.execute(
        "SELECT DISTINCT b.doc_id FROM blocks b JOIN documents d ON d.id = b.doc_id WHERE d.site = ? AND b.template_key = ? ORDER BY b.doc_id",
        [site, key],
    )
    return [int(r[0]) for r in rows]


def _audit(db: Database, doc_id: int, block_index: int, site_wide: bool, old: str, new: str, origin: str) -> None:
    db.table("audit").insert(
        {
            "at": now_iso(),
            "user": os_user(),
            "doc_id": doc_id,
            "field": f"block {block_index}" + (" (site-wide)" if site_wide else ""),
            "old": old,
            "new": new,
            "origin": origin,
        }
    )


def set_block_override(
    library: Library, doc_id: int, block_index: int, kept: bool, *, site_wide: bool = False, origin: str = "app"
) -> bool:
    """Keep or remove a block by hand; returns whether it was kept before (for undo).

    With `site_wide` the choice applies to the same template block on every page of the document's site.
    The documents' blocks and cleaned text change at once, and the audit log records the choice.
    """
    db = library.db
    key, previous = _block_key(db, doc_id, block_index)
    site = stored_site(db, doc_id)
    if site_wide and not site:
        site_wide = False
    with library.transaction() as tx:
        tx.table("overrides").insert(
            {
                "site": site if site_wide else None,
                "doc_id": None if site_wide else doc_id,
                "template_key": key,
                "kept": int(kept),
                "created_at": now_iso(),
            }
        )
        if site_wide:
            # A page's own earlier choice for this block gives way to the newer site-wide one.
            tx.execute(
                "DELETE FROM overrides WHERE template_key = ? AND doc_id IN (SELECT id FROM documents WHERE site = ?)",
                [key, site],
            )
        for target in _pages_with_key(tx, str(site), key) if site_wide else [doc_id]:
            _apply_stored(library, target)
        _audit(tx, doc_id, block_index, site_wide, "kept" if previous else "removed", "kept" if kept else "removed", origin)
    return previous


CLEANERS_CHOICE = "the cleaner's choice"
"""The audit log's new value when the analyst's choice for a block is forgotten."""


def clear_block_override(library: Library, doc_id: int, block_index: int, *, site_wide: bool = False, origin: str = "app") -> bool:
    """Forget the analyst's choice for a block (this page's, or the site's) and let the cleaner decide again: the page,
    or every page of the site with that block, is cleaned again from its original. Returns whether a choice was
    forgotten (False: there was none, nothing changes and nothing is logged)."""
    db = library.db
    key, previous = _block_key(db, doc_id, block_index)
    site = stored_site(db, doc_id)
    with library.transaction() as tx:
        if site_wide and site:
            gone = tx.execute("DELETE FROM overrides WHERE site = ? AND doc_id IS NULL AND template_key = ?", [site, key]).rowcount
            targets = _pages_with_key(tx, site, key)
        else:
            gone = tx.execute("DELETE FROM overrides WHERE doc_id = ? AND template_key = ?", [doc_id, key]).rowcount
            targets = [doc_id]
        if not gone:
            return False
        for target in targets:
            reclean_document(library, target)
        _audit(tx, doc_id, block_index, bool(site_wide and site), "kept" if previous else "removed", CLEANERS_CHOICE, origin)
    return True
