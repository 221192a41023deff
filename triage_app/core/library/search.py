"""Search hits for the list and the CLI: list rows, highlighted snippets, and a search on its own connection.

The filter and its SQL are in document_filter.py, the search syntax in query_syntax.py.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from triage_app.core.library.db import connect_read_only
from triage_app.core.library.document_filter import DocumentFilter, count_matching, find_ids
from triage_app.core.library.fts_text import MARK, shown_text
from triage_app.core.library.query_syntax import fts_term, parse_query
from triage_app.core.library.word_counts import MARKED_WORD
from triage_app.core.records import Progress

LIST_COLUMNS = "id, relevance, starred, title, site, published, imported_at, word_count, format, url, author, language"


def fetch_rows(db: Database, ids: list[int]) -> dict[int, dict[str, Any]]:
    """List-view rows for these ids (with tags joined), keyed by id; missing ids are absent."""
    if not ids:
        return {}
    marks = ",".join("?" for _ in ids)
    rows = {
        int(r["id"]): r for r in db.query(f"SELECT {LIST_COLUMNS} FROM documents WHERE id IN ({marks})", list(ids))
    }
    for row in rows.values():
        row["tags"] = []
    for doc_id, tag in db.execute(f"SELECT doc_id, tag FROM tags WHERE doc_id IN ({marks}) ORDER BY tag", list(ids)):
        rows[int(doc_id)]["tags"].append(tag)
    _add_copies(db, rows, marks, ids)
    return rows


def _add_copies(db: Database, rows: dict[int, dict[str, Any]], marks: str, ids: list[int]) -> None:
    """`copies` (cluster size, 0 when alone), `sites` (independent sources) and `cluster_id` per row."""
    for row in rows.values():
        row["copies"], row["sites"], row["cluster_id"] = 0, 0, None
    sql = (
        "SELECT m.doc_id, m.cluster_id, c.size, c.sites FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id "
        f"WHERE m.doc_id IN ({marks})"
    )
    for doc_id, cluster_id, size, sites in db.execute(sql, list(ids)):
        if int(doc_id) in rows:
            rows[int(doc_id)].update(copies=int(size), sites=int(sites), cluster_id=int(cluster_id))


def search(
    db: Database, query: str, *, limit: int = 50, marks: tuple[str, str] = ("[", "]"), flt: DocumentFilter | None = None
) -> list[dict[str, Any]]:
    """Ranked hits for `query` with a highlighted snippet of the matching text."""
    flt = replace(flt or DocumentFilter(), query=query)
    ids = find_ids(db, flt, limit=limit)
    if not ids:
        return []
    rows = fetch_rows(db, ids)
    found = snippets(db, query, ids, marks=marks)
    hits = []
    for doc_id in ids:
        row = rows[doc_id]
        row["snippet"] = found.get(doc_id, "")
        hits.append(row)
    return hits


_PREFIX_TERM_RE = re.compile(f'"({MARKED_WORD})"\\*')
MAX_PREFIX_TERMS = 64


def _expand_prefixes(db: Database, match: str) -> str:
    """`"presid"*` as `("president" OR "presidential" …)` from the index's vocabulary, for snippets.

    FTS5 expands a prefix again for every rowid of `rowid IN (…)` (1.5 ms per row on 100,000 documents);
    the spelled-out terms cost 0.15 ms. A prefix with no or too many terms is left as it is.
    """
    if "*" not in match:
        return match
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.documents_fts_vocab USING fts5vocab(main, 'documents_fts', 'row')")

    def spell(m: re.Match[str]) -> str:
        prefix = m.group(1).lower()
        terms = [
            str(r[0])
            for r in db.execute(
                "SELECT term FROM temp.documents_fts_vocab WHERE term >= ? AND term < ? LIMIT ?",
                [prefix, prefix + "\U0010ffff", MAX_PREFIX_TERMS + 1],
            )
        ]
        if not terms or len(terms) > MAX_PREFIX_TERMS:
            return m.group(0)
        return "(" + " OR ".join(fts_term(t, False) for t in terms) + ")"

    return _PREFIX_TERM_RE.sub(spell, match)


SNIPPET_TOKENS = 16
"""Words of a snippet."""
CHARACTER_SNIPPET_TOKENS = 48
"""Words of a snippet when they are characters (a Thai word is several): about as wide as 16 English words."""


def snippets(db: Database, query: str, ids: list[int], *, marks: tuple[str, str] = ("[", "]")) -> dict[int, str]:
    """A highlighted snippet of the matching text for each of `ids` that `query` matches."""
    match = parse_query(query).match
    if not match or not ids:
        return {}
    marks_sql = ",".join("?" for _ in ids)
    # a search in words of characters (`fts_text`: Chinese, Thai ...) counts its snippet's length in characters
    tokens = CHARACTER_SNIPPET_TOKENS if MARK in match else SNIPPET_TOKENS
    sql = (
        f"SELECT rowid, snippet(documents_fts, -1, ?, ?, '…', {tokens}) FROM documents_fts "
        f"WHERE documents_fts MATCH ? AND rowid IN ({marks_sql})"
    )
    try:
        expanded = _expand_prefixes(db, match)
    except sqlite3.Error:  # no vocabulary table (an older SQLite): the plain query still works
        expanded = match
    return {int(rowid): shown_text(str(snip)) for rowid, snip in db.execute(sql, [marks[0], marks[1], expanded, *ids])}


def database_path(db: Database) -> str | None:
    """The file behind `db`'s main database, or None for an in-memory one."""
    for row in db.execute("PRAGMA database_list"):
        if row[1] == "main":
            return str(row[2]) or None
    return None


def background_search(
    path: str, flt: DocumentFilter, *, sort: str = "rank", descending: bool = False,
    is_cancelled: Callable[[], bool], time_limit: float | None = None,
) -> Iterator[Progress]:
    """Run one search on its own read-only connection (a worker thread); the last Progress holds (ids, counts).

    `is_cancelled` stops the running query (a newer search was typed); SearchStopped says so.
    """
    yield Progress(0, None, "Searching…")
    conn = connect_read_only(path, check_same_thread=True)
    try:
        db = Database(conn)
        ids = find_ids(db, flt, sort=sort, descending=descending, is_cancelled=is_cancelled, time_limit=time_limit)
        counts = count_matching(db, flt, is_cancelled=is_cancelled, time_limit=time_limit)
        total = int(db.execute("SELECT count(*) FROM documents").fetchone()[0])
    finally:
        conn.close()
    yield Progress(1, 1, "Searched", result=(ids, {**counts, "total": total}))
