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
from triage_app.core.library.db import Library, now_iso


def _copy_audit(db: Database, doc_id: int, rows: list[dict[str, Any]]) -> int:
    """Append the sender's audit rows in bulk (once: a row already present with the same content is skipped).

    They keep the sender's time and user, and say "packet" as their origin.
    """
    present = {tuple(r) for r in db.execute("SELECT at, user, field, old, new FROM audit WHERE doc_id = ?", [doc_id])}
    new_rows = []
    for row in rows:
        key = (as_text(row.get("at")), as_text(row.get("user")), as_text(row.get("field")), as_text(row.get("old")),
               as_text(row.get("new")))
        if key in present:
            continue
        present.add(key)
        new_rows.append({"at": key[0], "user": key[1], "doc_id": doc_id, "field": key[2], "old": key[3], "new": key[4],
                         "origin": ORIGIN})
    db.table("audit").insert_all(new_rows, batch_size=500)
    return len(new_rows)


def _has(field: str, value: str | None, tag: str | None) -> bool:
    if field == "starred":
        return value == "1"
    return tag in [t.strip() for t in (value or "").split(",")]


def _removed_here_later(db: Database, doc_id: int, member: dict[str, Any], field: str, tag: str | None) -> bool:
    """True when this library took the star (or `tag`) off after the packet's state set it.

    The packet's state dates from its last audit row that set it (else from the packet's creation);
    the local removal is the last local audit row that took it off.
    """
    set_at = [str(r.get("at")) for r in member.get("audit") or []
              if r.get("field") == field and _has(field, as_text(r.get("new")), tag) and r.get("at")]
    packet_at = max(set_at) if set_at else str(member.get("packet_created") or "")
    removed = [str(r[0]) for r in db.execute(
        "SELECT at, old, new FROM audit WHERE doc_id = ? AND field = ? AND origin IS NOT ? ORDER BY id", [doc_id, field, ORIGIN])
        if _has(field, r[1], tag) and not _has(field, r[2], tag)]
    return bool(removed) and bool(packet_at) and max(removed) >= packet_at  # same second: the removal saw it


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
    report = MergeReport(left_out=[str(p) for p in member.get("problems") or []])
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
        if theirs_starred and not here_starred and _removed_here_later(db, doc_id, member, "starred", None):
            record_difference(db, doc_id, "starred", 0, 1, report)  # unstarred here after the packet's star: kept
        elif theirs_starred and not here_starred:
            triage.set_starred(library, doc_id, True, origin=ORIGIN)
            report.applied.append("starred")
        elif here_starred and not theirs_starred and duplicate:
            record_difference(db, doc_id, "starred", 1, 0, report)
        here_tags = triage.get_tags(db, doc_id)
        theirs_tags = [t for t in member.get("tags") or [] if str(t).strip()]
        kept_off = sorted(t for t in set(theirs_tags) - set(here_tags) if _removed_here_later(db, doc_id, member, "tags", t))
        if kept_off:
            record_difference(db, doc_id, "tags", "(removed here: " + ", ".join(kept_off) + ")", ", ".join(kept_off), report)
        added = sorted(set(theirs_tags) - set(here_tags) - set(kept_off))
        if added:
            triage.set_tags(library, doc_id, here_tags + added, origin=ORIGIN)
            report.applied.append("tags " + ", ".join(added))
        only_here = sorted(set(here_tags) - set(theirs_tags))
        if duplicate and only_here:
            record_difference(db, doc_id, "tags", ", ".join(only_here), "(not tagged so in the packet)", report)
        _merge_note(library, doc_id, here_note, str(member.get("note") or ""), member, report)
        merge_entities(library, doc_id, member, report)
        if report.applied or report.differences:  # when and from which packet, in this library's time and user
            source = f"“{member.get('packet_title') or ''}”" + "".join(
                f", {label} {member.get(key)}" for key, label in (("analyst", "by"), ("packet_created", "made"))
                if member.get(key))
            db.table("audit").insert({"at": now_iso(), "user": triage.os_user(), "doc_id": doc_id,
                                      "field": "packet-import", "old": None, "new": source, "origin": ORIGIN})
    return report
