"""What merging a packet document changed, and the audit rows that record where the two sides differ."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from triage_app.core.library import triage
from triage_app.core.library.db import now_iso

ORIGIN = "packet"
"""The `origin` of every audit row a packet merge writes."""


@dataclass
class MergeReport:
    """What the merge changed here and where the two sides differ."""

    applied: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # malformed packet entries, one line each

    def describe(self) -> str:
        parts = self.applied + [f"differs: {d}" for d in self.differences] + [f"left out: {p}" for p in self.left_out]
        return "; ".join(parts) or "nothing to merge"


def as_text(value: Any) -> str | None:
    """An audit value: None stays None, anything else its str()."""
    return None if value is None else str(value)


def record_difference(db: Database, doc_id: int, name: str, here: Any, packet: Any, report: MergeReport) -> None:
    """Note a disagreement in the report and as an audit row (field "packet-differs:NAME", old = here, new = packet)."""
    report.differences.append(f"{name}: here {here!r}, packet {packet!r}")
    db.table("audit").insert({"at": now_iso(), "user": triage.os_user(), "doc_id": doc_id, "field": f"packet-differs:{name}",
                              "old": as_text(here), "new": as_text(packet), "origin": ORIGIN})
