"""The second signal for near-duplicates: article-like text a document's cleaning removed.

When the cleaner misses a page's article (it keeps the host's teasers or a few lines instead), the article
is still in the page, among the removed blocks. For such a document, each run of removed paragraph-like
blocks between two kept blocks becomes a *segment*; segments are signed like documents and compared with
other documents' cleaned text, and a pair is kept only when that cleaned text (long enough) is contained
in the segment. Segments are never compared with segments (two pages of a site share removed boilerplate).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

SEGMENT_BLOCK_CHARS = 80
"""Removed blocks shorter than this (links, labels, dates) are left out of segments."""
SEGMENT_MIN_WORDS = 60
"""A run with fewer words than this is no segment."""
REMOVED_SHARE = 1.0
"""Segments are made only when the removed paragraph-like text is at least this many times the kept text:
a page whose cleaning kept its article has no segments."""


def _segments(kept_chars: int, rows: list[tuple[int, str | None]]) -> list[str]:
    """Runs of removed paragraph-like text between kept blocks, from (kept, text) rows in page order."""
    runs: list[list[str]] = [[]]
    removed = 0
    for kept, text in rows:
        if kept:
            if runs[-1]:
                runs.append([])
            continue
        if text and len(text) >= SEGMENT_BLOCK_CHARS:
            runs[-1].append(text)
            removed += len(text)
    if removed < REMOVED_SHARE * max(kept_chars, 1):
        return []
    return [" ".join(run) for run in runs if run and sum(len(t.split()) for t in run) >= SEGMENT_MIN_WORDS]


def segment_texts(db: Database, ids: Iterable[int]) -> dict[int, list[str]]:
    """The segments of each of these documents (documents without any are left out)."""
    out: dict[int, list[str]] = {}
    chunk = list(ids)
    for start in range(0, len(chunk), 500):
        part = chunk[start : start + 500]
        marks = ",".join("?" * len(part))
        kept_chars = {
            int(d): int(n or 0)
            for d, n in db.execute(f"SELECT id, length(text) FROM documents WHERE id IN ({marks})", part)
        }
        rows: dict[int, list[tuple[int, str | None]]] = {}
        sql = (
            "SELECT doc_id, kept, CASE WHEN kept = 0 AND length(text) >= ? THEN text END FROM blocks "
            f"WHERE doc_id IN ({marks}) ORDER BY doc_id, idx"
        )
        for doc_id, kept, text in db.execute(sql, [SEGMENT_BLOCK_CHARS, *part]):
            rows.setdefault(int(doc_id), []).append((int(kept), text))
        for doc_id, blocks in rows.items():
            found = _segments(kept_chars.get(doc_id, 0), blocks)
            if found:
                out[doc_id] = found
    return out
