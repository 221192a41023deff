"""Documents over time, for the timeline strip and the briefing: counts per day, week or month and decision.

The date of a document is its published date, or its captured date when it has none (`published` and
`captured` say how many of each). Without a filter the counts come from `timeline_days`, which triggers
keep per day, decision and date kind; with one, a GROUP BY by day over the filtered documents. Days are
then gathered into weeks or months in Python.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from triage_app.core.library import document_filter
from triage_app.core.records import RELEVANCE_VALUES

DATE_SQL = document_filter.DATE_SQL
"""A document's day on the timeline: published, else captured (the same day the date filter tests)."""


@dataclass
class Timeline:
    """Counts per bucket (its first day, ISO) and relevance, in date order."""

    unit: str  # "day" | "week" | "month"
    buckets: list[tuple[str, dict[str, int]]] = field(default_factory=list)
    published: int = 0  # documents placed by their published date
    captured: int = 0  # documents placed by their captured date (no published date)
    undated: int = 0

    @property
    def first(self) -> str | None:
        return self.buckets[0][0] if self.buckets else None

    @property
    def last_day(self) -> str | None:
        """The last day covered by the last bucket."""
        return bucket_end(self.buckets[-1][0], self.unit) if self.buckets else None

    def peak(self) -> int:
        return max((sum(c.values()) for _d, c in self.buckets), default=0)


def choose_unit(first: date, last: date) -> str:
    """Days for up to four months, weeks for up to three years, months beyond."""
    span = (last - first).days
    return "day" if span <= 120 else "week" if span <= 3 * 366 else "month"


def bucket_start(day: date, unit: str) -> date:
    """The first day of the bucket holding `day`."""
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def bucket_end(start: str, unit: str) -> str:
    """The last day (ISO) of the bucket starting on `start`."""
    first = date.fromisoformat(start)
    if unit == "week":
        return (first + timedelta(days=6)).isoformat()
    if unit == "month":
        following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        return (following - timedelta(days=1)).isoformat()
    return start


def _parse(day: str) -> date | None:
    try:
        return date.fromisoformat(day)
    except (TypeError, ValueError):
        return None


def timeline(db: Database, flt: document_filter.DocumentFilter | None = None, *, unit: str | None = None,
             ignore_dates: bool = True) -> Timeline:
    """Counts of the documents matching `flt` (its date range left out with `ignore_dates`, so the strip
    shows the whole span and the chosen range over it)."""
    flt = flt or document_filter.DocumentFilter()
    if ignore_dates:
        flt = replace(flt, date_from=None, date_to=None)
    if flt.is_empty():  # the counts kept by triggers: no pass over the documents
        first, last = db.execute("SELECT min(day), max(day) FROM timeline_days WHERE n > 0 AND day != ''").fetchone()
        span = choose_unit(date.fromisoformat(first), date.fromisoformat(last)) if first and last else "day"
        # months are gathered in SQL (a long span has thousands of days); days and weeks in Python
        bucket = "substr(day, 1, 7) || '-01'" if (unit or span) == "month" else "day"
        sql = (
            f"SELECT NULLIF({bucket}, '-01'), relevance, sum(n), sum(n * published) FROM timeline_days "
            "GROUP BY 1, relevance HAVING sum(n) > 0"
        )
        return _gather(db.execute(sql), unit or span)
    where, params, match = document_filter._where(db, flt)
    # A search's hits are looked up in the covering index (m036), not in the table (see the migration).
    fts_first = document_filter._FTS_FIRST.replace("CROSS JOIN documents", "CROSS JOIN documents INDEXED BY documents_timeline")
    source = f"{fts_first} WHERE documents_fts MATCH ? AND {where}" if match else f"documents WHERE {where}"
    if match:
        params = [match, *params]
    sql = (
        f"SELECT {DATE_SQL} AS day, documents.relevance, count(*), "
        "sum(documents.published IS NOT NULL AND documents.published != '') "
        f"FROM {source} GROUP BY day, documents.relevance"
    )
    return _gather(db.execute(sql, params), unit)


def from_documents(docs: Iterable[dict[str, Any]], *, unit: str | None = None) -> Timeline:
    """The same counts for documents already loaded (a packet's), from their published/captured dates."""
    rows = []
    for doc in docs:
        published = str(doc.get("published") or "")[:10]
        day = published or str(doc.get("captured_at") or "")[:10]
        rows.append((day or None, doc.get("relevance") or "unreviewed", 1, 1 if published else 0))
    return _gather(rows, unit)


def _gather(rows: Iterable[tuple[Any, ...]], unit: str | None) -> Timeline:
    per_day: dict[date, dict[str, int]] = {}
    result = Timeline(unit or "day")
    for day, relevance, count, published in rows:
        parsed = _parse(day) if day else None
        if parsed is None:
            result.undated += int(count)
            continue
        result.published += int(published or 0)
        result.captured += int(count) - int(published or 0)
        bucket = per_day.setdefault(parsed, {})
        bucket[str(relevance)] = bucket.get(str(relevance), 0) + int(count)
    if not per_day:
        return result
    days = sorted(per_day)
    result.unit = unit or choose_unit(days[0], days[-1])
    merged: dict[date, dict[str, int]] = {}
    for day in days:
        bucket = merged.setdefault(bucket_start(day, result.unit), {})
        for relevance, count in per_day[day].items():
            bucket[relevance] = bucket.get(relevance, 0) + count
    result.buckets = [(d.isoformat(), {r: merged[d].get(r, 0) for r in RELEVANCE_VALUES}) for d in sorted(merged)]
    return result


def svg(data: Timeline, *, width: int = 480, height: int = 90, colours: dict[str, str] | None = None) -> str:
    """A small stacked bar chart as inline SVG (no script, no external reference) for briefings."""
    colours = colours or {"relevant": "#2e7d32", "maybe": "#f9a825", "not-relevant": "#9e9e9e", "unreviewed": "#90caf9"}
    if not data.buckets:
        return ""
    first, last = date.fromisoformat(data.buckets[0][0]), date.fromisoformat(data.last_day or data.buckets[0][0])
    span = max(1, (last - first).days + 1)
    plot_h = height - 18
    peak = max(1, data.peak())
    parts = [
        (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'role="img" aria-label="Documents over time">')
    ]
    for start, counts in data.buckets:
        x0 = (date.fromisoformat(start) - first).days / span * width
        x1 = ((date.fromisoformat(bucket_end(start, data.unit)) - first).days + 1) / span * width
        y = float(plot_h)
        for relevance in RELEVANCE_VALUES:
            n = counts.get(relevance, 0)
            if not n:
                continue
            h = n / peak * (plot_h - 4)
            y -= h
            parts.append(
                f'<rect x="{x0:.1f}" y="{y:.1f}" width="{max(1.0, x1 - x0 - 0.5):.1f}" height="{h:.1f}" '
                f'fill="{colours.get(relevance, "#777")}"><title>{start}: {n} {relevance}</title></rect>'
            )
    parts.append(f'<line x1="0" y1="{plot_h}" x2="{width}" y2="{plot_h}" stroke="#444" stroke-width="0.5"/>')
    parts.append(f'<text x="0" y="{height - 4}" font-size="10" fill="#333">{first.isoformat()}</text>')
    parts.append(
        f'<text x="{width}" y="{height - 4}" font-size="10" fill="#333" text-anchor="end">{last.isoformat()}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def svg_data_url(markup: str) -> str:
    """The SVG as a `data:` URL (for renderers that take images but not inline SVG, e.g. Qt's printer)."""
    return "data:image/svg+xml;base64," + base64.b64encode(markup.encode("utf-8")).decode("ascii")
