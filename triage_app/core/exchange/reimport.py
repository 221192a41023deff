"""Merging a packet document's decisions into a library without losing either side's.

Called by `core/jobs` for every document read from a briefing packet. A new document takes the
sender's relevance, star, tags, note and (corrected) entities. A document the library already has
keeps the local decisions where both sides decided: tags are united, a star on either side stars
it, an undecided relevance takes the sender's, two different notes are both kept. The sender's
audit rows are copied in with origin "packet", and every difference gets an audit row of its own
(field "packet-differs:FIELD", old = here, new = packet).
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from triage_app.core.exchange.reimport_entities import merge_entities
from triage_app.core.exchange.report import ORIGIN, MergeReport, as_text, record_difference
from triage_app.core.library import triage
from triage_app.core.library.db import Library


def _copy_audit(db: Database, doc_id: int, rows: list[dict[str, Any]]) -> int:
    """Append the sender's audit rows (once: a row already present with the same content is skipped)."""
    copied = 0
    for row in rows:
        key = [doc_id, as_text(row.get("at")), as_text(row.get("user")), as_text(row.get("field")),
               as_text(row.get("old")), as_text(row.get("new"))]
        exists = db.execute(
            "SELECT 1 FROM audit WHERE doc_id = ? AND at IS ? AND user IS ? AND field IS ? AND old IS ? AND new IS ?",
            key,
        ).fetchone()
        if exists:
            continue
        db.table("audit").insert({"at": key[1], "user": key[2], "doc_id": doc_id, "field": key[3], "old": key[4],
                            "new": key[5], "origin": ORIGIN})
        copied += 1
    return copied


def _merge_relevance(library: Library, doc_id: int, here: str, theirs: str | None, fresh: bool, report: MergeReport) -> None:
    if not theirs or theirs == here:
        return
    theirs = triage.normalise_relevance(theirs)
    if fresh or here == "unreviewed":
        triage.set_relevance(library, doc_id, theirs, origin=ORIGIN)
        report.applied.append(f"relevance {theirs}")
    elif theirs != "unreviewed":
        record_difference(library.db, doc_id, "relevance", here, theirs, report)


def _merge_note(library: Library, doc_id: int, here: str, theirs: str, member: dict[str, Any], report: MergeReport) -> None:
    if not theirs.strip() or theirs.strip() in here:
        return
    if not here.strip():
        triage.set_note(library, doc_id, theirs, origin=ORIGIN)
        report.applied.append("note")
        return
    who = ", ".join(x for x in (member.get("analyst"), member.get("packet_created")) if x)
    source = f"packet “{member.get('packet_title') or ''}”" + (f" ({who})" if who else "")
    record_difference(library.db, doc_id, "note", here, theirs, report)
    triage.set_note(library, doc_id, f"{here.rstrip()}\n\n--- From {source}:\n{theirs.strip()}", origin=ORIGIN)
    report.applied.append("note appended")


def apply_packet_member(library: Library, doc_id: int, member: dict[str, Any], *, duplicate: bool) -> MergeReport:
    """Merge one packet document's decisions into document `doc_id` (see the module docstring)."""
    report = MergeReport()
    fresh = not duplicate
    with library.transaction() as db:
        row = db.execute("SELECT relevance, starred, note FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise KeyError(f"no document #{doc_id}")
        here_relevance, here_starred, here_note = row[0], bool(row[1]), row[2] or ""
        copied = _copy_audit(db, doc_id, list(member.get("audit") or []))
        if copied:
            report.applied.append(f"{copied} audit rows")
        _merge_relevance(library, doc_id, here_relevance, member.get("relevance"), fresh, report)
        theirs_starred = bool(member.get("starred"))
        if theirs_starred and not here_starred:
            triage.set_starred(library, doc_id, True, origin=ORIGIN)
            report.applied.append("starred")
        elif here_starred and not theirs_starred and duplicate:
            record_difference(db, doc_id, "starred", 1, 0, report)
        here_tags = triage.get_tags(db, doc_id)
        theirs_tags = [t for t in member.get("tags") or [] if str(t).strip()]
        added = sorted(set(theirs_tags) - set(here_tags))
        if added:
            triage.set_tags(library, doc_id, here_tags + added, origin=ORIGIN)
            report.applied.append("tags " + ", ".join(added))
        only_here = sorted(set(here_tags) - set(theirs_tags))
        if duplicate and only_here:
            record_difference(db, doc_id, "tags", ", ".join(only_here), "(not tagged so in the packet)", report)
        _merge_note(library, doc_id, here_note, str(member.get("note") or ""), member, report)
        merge_entities(library, doc_id, member, report)
    return report
