"""The fast search paths (index-only ranking, the FTS-first join, `limit`) give the same answers as plain SQL."""

from __future__ import annotations

import random

import pytest

from triage_app.core.library import Library, document_filter, documents, query_syntax, search, triage
from triage_app.core.library.document_filter import DocumentFilter
from triage_app.core.records import Block, CleanResult, ParsedDocument

WORDS = ["harbour", "strike", "union", "minister", "budget", "storm", "coast", "police", "court", "market", "election", "border"]


@pytest.fixture
def library(fresh_library: Library) -> Library:
    rng = random.Random(4)
    for n in range(60):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 40)))
        parsed = ParsedDocument(f"/d{n}.txt", f"{n} {text}".encode(), "text", "utf-8", text=text)
        cleaned = CleanResult([Block(0, "paragraph", text, True)], title=f"Doc {n}", site=f"s{n % 3}")
        doc_id = documents.insert_document(fresh_library, parsed, cleaned)
        triage.set_relevance(fresh_library, doc_id, ("relevant", "maybe", "unreviewed")[n % 3])
    return fresh_library


def _by_rank(library: Library, match: str, extra: str = "1") -> list[int]:
    sql = (
        "SELECT documents.id FROM documents JOIN documents_fts ON documents_fts.rowid = documents.id "
        f"WHERE documents_fts MATCH ? AND {extra} ORDER BY documents_fts.rank, documents.id"
    )
    return [int(r[0]) for r in library.db.execute(sql, [match])]


@pytest.mark.parametrize("query", ["harbour", "police OR court", '"union minister"', "elect*", "storm -coast"])
def test_ranked_ids_match_the_rank_column(library: Library, query: str) -> None:
    ids = document_filter.find_ids(library.db, DocumentFilter(query=query))
    parsed = query_syntax.parse_query(query)
    extra = " AND ".join(
        f"documents.id NOT IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH '{t}')" for t in parsed.exclude
    ) or "1"
    expected = _by_rank(library, parsed.match, extra)
    assert ids and sorted(ids) == sorted(expected)
    ranks = dict(library.db.execute(
        "SELECT rowid, rank FROM documents_fts WHERE documents_fts MATCH ?", [parsed.match]
    ).fetchall())
    assert [ranks[i] for i in ids] == sorted(ranks[i] for i in ids)  # best hit first
    down = document_filter.find_ids(library.db, DocumentFilter(query=query), descending=True)
    assert [ranks[i] for i in down] == sorted((ranks[i] for i in down), reverse=True)


def test_filters_with_a_search_and_their_counts_agree(library: Library) -> None:
    flt = DocumentFilter(query="harbour", relevance="unreviewed")
    ids = document_filter.find_ids(library.db, flt)
    assert ids
    rows = search.fetch_rows(library.db, ids)
    assert {rows[i]["relevance"] for i in ids} == {"unreviewed"}
    assert set(ids) < set(document_filter.find_ids(library.db, DocumentFilter(query="harbour")))
    counts = document_filter.count_matching(library.db, flt)
    assert counts == {"matching": len(ids), "unreviewed": len(ids)}
    typed = document_filter.find_ids(library.db, DocumentFilter(query="harbour relevance:unreviewed site:s2"))
    assert typed and set(typed) <= set(ids)


@pytest.mark.parametrize("sort", ["rank", "title", "word_count"])
def test_limit_is_the_head_of_the_full_list(library: Library, sort: str) -> None:
    for query in ("", "harbour", "police OR court"):
        full = document_filter.find_ids(library.db, DocumentFilter(query=query), sort=sort)
        assert document_filter.find_ids(library.db, DocumentFilter(query=query), sort=sort, limit=7) == full[:7]
    assert document_filter.find_ids(library.db, limit=0) == []
    assert len(search.search(library.db, "harbour", limit=5)) == 5


@pytest.mark.parametrize("query", ["harb*", "elect* OR court", "minist* -storm", "police", "zzz*"])
def test_snippets_of_prefix_queries_match_fts5s_own(library: Library, query: str) -> None:
    ids = document_filter.find_ids(library.db, DocumentFilter(query=query))
    found = search.snippets(library.db, query, ids)
    match = query_syntax.parse_query(query).match
    marks = ",".join("?" for _ in ids)
    own = {
        int(rowid): snip
        for rowid, snip in library.db.execute(
            "SELECT rowid, snippet(documents_fts, -1, '[', ']', '…', 16) FROM documents_fts "
            f"WHERE documents_fts MATCH ? AND rowid IN ({marks})",
            [match, *ids],
        )
    }
    assert found == own
    assert all("[" in snip for snip in found.values())
    assert bool(found) == (query != "zzz*")
