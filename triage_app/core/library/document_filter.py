"""What the library list shows and the SQL behind it: DocumentFilter, sorting, finding and counting documents.

A filter's query is read by query_syntax.py; its field filters narrow the structured ones. Long queries can be
stopped (a newer search, a time limit): SearchStopped.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from sqlite_utils import Database

from triage_app.core.library.query_syntax import UNKNOWN_LANGUAGE, ParsedQuery, language_value, parse_query
from triage_app.core.library.sort_keys import sort_key
from triage_app.core.library.triage import normalise_relevance


class SearchStopped(Exception):
    """A search stopped before its end: cancelled (a newer search) or over its time limit."""


@contextmanager
def _interruptible(db: Database, is_cancelled: Callable[[], bool] | None, time_limit: float | None) -> Iterator[None]:
    """Let a running query be stopped by `is_cancelled()` or after `time_limit` seconds (SQLite progress handler)."""
    if is_cancelled is None and time_limit is None:
        yield
        return
    if is_cancelled is not None and is_cancelled():
        raise SearchStopped("the search was cancelled")
    if time_limit is not None and time_limit <= 0:
        raise SearchStopped("no time to search here")
    deadline = time.monotonic() + time_limit if time_limit is not None else None

    def stop() -> int:
        return int((is_cancelled is not None and is_cancelled()) or (deadline is not None and time.monotonic() > deadline))

    db.conn.set_progress_handler(stop, 10_000)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupt" not in str(exc).lower():
            raise
        if is_cancelled is not None and is_cancelled():
            raise SearchStopped("the search was cancelled") from exc
        raise SearchStopped(f"the search took longer than {time_limit:g} s and was stopped: narrow it") from exc
    finally:
        db.conn.set_progress_handler(None, 10_000)


SORT_COLUMNS: dict[str, str] = {
    "id": "documents.id",
    "relevance": (
        "CASE documents.relevance WHEN 'relevant' THEN 0 WHEN 'maybe' THEN 1 "
        "WHEN 'unreviewed' THEN 2 ELSE 3 END"
    ),
    "starred": "documents.starred",
    "title": "sort_keys.title",  # as readers alphabetise (`sort_keys`; joined by `SORT_JOINS`)
    "site": "sort_keys.site",
    "published": "documents.published",
    "imported_at": "documents.imported_at",
    "word_count": "documents.word_count",
    "language": "documents.language",
    "tags": "(SELECT group_concat(tag, ', ') FROM tags WHERE tags.doc_id = documents.id)",
    "format": "documents.format",
    "copies": (
        "(SELECT c.size FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id WHERE m.doc_id = documents.id)"
    ),
}
"""Sortable columns and the SQL that orders them; 'rank' (search relevance) is handled apart."""
_SORT_KEYS_JOIN = "LEFT JOIN sort_keys ON sort_keys.doc_id = documents.id"
SORT_JOINS: dict[str, str] = {"title": _SORT_KEYS_JOIN, "site": _SORT_KEYS_JOIN}
"""The table a sort column comes from, joined to the documents (a correlated subquery per row took 330 ms on 100,000)."""


@dataclass
class DocumentFilter:
    """What the library list shows: a search query plus structured filters."""

    query: str = ""
    relevance: str | None = None
    starred: bool | None = None
    tag: str | None = None
    site: str | None = None
    date_from: str | None = None  # dated (published, else captured) on or after (ISO date)
    date_to: str | None = None  # dated (published, else captured) on or before (ISO date)
    entity_id: int | None = None
    ids: list[int] | None = None
    kind: str | None = None  # capture kind: documents.format ("html", "pdf", "warc", "email" ...)
    language: str | None = None  # an ISO 639-1 code, or UNKNOWN_LANGUAGE
    collapse_copies: bool = False  # list each near-duplicate cluster by its representative only

    def is_empty(self) -> bool:
        return self == DocumentFilter()

    def describe(self) -> str:
        """A short human description, for status lines and packet criteria."""
        parts = []
        if self.query.strip():
            parts.append(f'search "{self.query.strip()}"')
        for name in ("relevance", "tag", "site", "date_from", "date_to", "entity_id", "kind", "language"):
            value = getattr(self, name)
            if value not in (None, ""):
                parts.append(f"{name.replace('_', ' ')}: {value}")
        if self.starred is not None:
            parts.append("starred" if self.starred else "not starred")
        if self.ids is not None:
            parts.append(f"{len(self.ids)} chosen documents")
        if self.collapse_copies:
            parts.append("copies folded")
        return "; ".join(parts) or "all documents"


def _merge_fields(flt: DocumentFilter, parsed: ParsedQuery) -> DocumentFilter:
    """Field filters typed in the query narrow the structured filter."""
    changes: dict[str, Any] = {}
    for name, values in parsed.fields.items():
        value = values[-1]
        if name == "relevance":
            changes["relevance"] = normalise_relevance(value)
        elif name == "star":
            changes["starred"] = value.lower() in ("yes", "true", "1", "y", "on")
        elif name in ("site", "tag", "kind"):
            changes[name] = value.lower() if name == "kind" else value
        elif name == "lang":
            changes["language"] = language_value(value) or f"?{value}"  # "?x" matches nothing
    return replace(flt, **changes) if changes else flt


def _where(db: Database, flt: DocumentFilter) -> tuple[str, list[Any], str | None]:
    parsed = parse_query(flt.query)
    flt = _merge_fields(flt, parsed)
    clauses: list[str] = []
    params: list[Any] = []
    if flt.relevance:
        clauses.append("documents.relevance = ?")
        params.append(normalise_relevance(flt.relevance))
    if flt.starred is not None:
        clauses.append("documents.starred = ?")
        params.append(int(flt.starred))
    if flt.tag:
        # the tags spelled as this one but for case and accents (`sort_keys.sort_key`: NOCASE folds ASCII only)
        wanted = sort_key(flt.tag)
        spellings = [str(r[0]) for r in db.execute("SELECT DISTINCT tag FROM tags") if sort_key(str(r[0])) == wanted]
        clauses.append(f"documents.id IN (SELECT doc_id FROM tags WHERE tag IN ({','.join('?' * len(spellings)) or 'NULL'}))")
        params.extend(spellings)
    if flt.site:
        clauses.append("documents.id IN (SELECT doc_id FROM sort_keys WHERE sort_keys.site = ?)")  # Süddeutsche is SÜDDEUTSCHE
        params.append(sort_key(flt.site))
    if flt.kind:
        clauses.append("documents.format = ?")
        params.append(flt.kind)
    if flt.language == UNKNOWN_LANGUAGE:
        clauses.append("documents.language IS NULL")
    elif flt.language:
        clauses.append("documents.language = ?")
        params.append(flt.language)
    if flt.date_from:
        clauses.append(f"{DATE_SQL} >= ?")
        params.append(flt.date_from)
    if flt.date_to:
        clauses.append(f"{DATE_SQL} <= ?")
        params.append(flt.date_to)
    if flt.entity_id is not None:
        clauses.append("documents.id IN (SELECT doc_id FROM mentions WHERE entity_id = ?)")
        params.append(flt.entity_id)
    for name in parsed.fields.get("entity", []):
        # the entities named so but for case and accents, through their keys' index (`m047_entity_keys`)
        clauses.append(
            "documents.id IN (SELECT m.doc_id FROM mentions m JOIN entity_keys k ON k.entity_id = m.entity_id WHERE k.key = ?)"
        )
        params.append(sort_key(name))
    if flt.ids is not None:
        clauses.append(f"documents.id IN ({','.join(str(int(i)) for i in flt.ids) or 'NULL'})")
    if flt.collapse_copies:
        clauses.append("documents.id NOT IN (SELECT doc_id FROM cluster_members WHERE doc_id != cluster_id)")
    for term in parsed.exclude:
        clauses.append("documents.id NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
        params.append(term)
    return (" AND ".join(clauses) or "1"), params, (parsed.match or None)


_FTS_FIRST = "documents_fts CROSS JOIN documents ON documents.id = documents_fts.rowid"
"""The search index drives the join. Left to itself SQLite may walk an index of `documents` (relevance,
site, starred) and run the MATCH once per row: seconds instead of milliseconds on a large library."""


def find_ids(
    db: Database,
    flt: DocumentFilter | None = None,
    *,
    sort: str = "rank",
    descending: bool = False,
    limit: int | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    time_limit: float | None = None,
) -> list[int]:
    """Ids of matching documents, in SQL order; 'rank' sorts best hit first (newest import without a query).

    With `limit`, only the first ids (SQLite keeps the best few instead of sorting every hit).
    """
    flt = flt or DocumentFilter()
    where, params, match = _where(db, flt)
    if sort == "rank":
        # bm25() is what the `rank` column computes by default, without its per-row lookup of the function
        order = "bm25(documents_fts)" if match else "documents.imported_at DESC, documents.id DESC"
        if match and descending:
            order += " DESC"
    else:
        column = SORT_COLUMNS.get(sort)
        if column is None:
            raise ValueError(f"cannot sort by {sort!r}")
        order = f"{column} {'DESC' if descending else 'ASC'}, documents.id"
    join = SORT_JOINS.get(sort, "")
    if sort in ("title", "site") and not match and where == "1":
        # Every document: the keys' own index is the order (32 ms for 100,000, where joining each row took 400)
        sql = f"SELECT doc_id FROM sort_keys ORDER BY {sort} {'DESC' if descending else 'ASC'}, doc_id"
    elif match and where == "1" and sort == "rank":
        # Nothing but the search: the index alone answers it, ~3x faster than joining every hit.
        sql = f"SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY {order}"
        params = [match]
    elif match:
        sql = f"SELECT documents.id FROM {_FTS_FIRST} {join} WHERE documents_fts MATCH ? AND {where} ORDER BY {order}"
        params = [match, *params]
    else:
        sql = f"SELECT documents.id FROM documents {join} WHERE {where} ORDER BY {order}"
    if limit is not None:
        sql += f" LIMIT {max(0, int(limit))}"
    with _interruptible(db, is_cancelled, time_limit):
        return [int(r[0]) for r in db.execute(sql, params)]


def count_matching(
    db: Database, flt: DocumentFilter | None = None, *,
    is_cancelled: Callable[[], bool] | None = None, time_limit: float | None = None,
) -> dict[str, int]:
    """Counts for the status line: matching documents, and how many of those are unreviewed."""
    flt = flt or DocumentFilter()
    where, params, match = _where(db, flt)
    if match:
        sql = (
            f"SELECT count(*), sum(documents.relevance = 'unreviewed') FROM {_FTS_FIRST} "
            f"WHERE documents_fts MATCH ? AND {where}"
        )
        params = [match, *params]
    else:
        sql = f"SELECT count(*), sum(documents.relevance = 'unreviewed') FROM documents WHERE {where}"
    with _interruptible(db, is_cancelled, time_limit):
        total, unreviewed = db.execute(sql, params).fetchone()
    return {"matching": int(total or 0), "unreviewed": int(unreviewed or 0)}


DATE_SQL = "substr(COALESCE(NULLIF(documents.published, ''), NULLIF(documents.captured_at, '')), 1, 10)"
"""A document's day for the date filter and the timeline: published, else captured (indexed by m022)."""


def distinct_sites(db: Database) -> list[tuple[str, int]]:
    """Every site with its document count, for the site filter, in the list's order (`sort_keys`: "Ärzteblatt"
    before "bbc.co.uk" before "Zeit Online", where SQL's order put capitals first and accented letters last)."""
    rows = [
        (str(r[0]), int(r[1]))
        for r in db.execute("SELECT site, count(*) FROM documents WHERE site IS NOT NULL AND site != '' GROUP BY site")
    ]
    return sorted(rows, key=lambda row: (sort_key(row[0]) or "", row[0]))


def distinct_kinds(db: Database) -> list[tuple[str, int]]:
    """Every capture kind (documents.format) with its document count, for the kind filter."""
    return [(str(r[0]), int(r[1])) for r in db.execute("SELECT format, count(*) FROM documents GROUP BY format ORDER BY format")]

