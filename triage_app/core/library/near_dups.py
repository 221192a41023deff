"""Near-duplicate clusters over the cleaned text: the jobs that sign documents, compare them and cluster.

- Each document's cleaned text is signed (`near_dup_signing`: hashed word 3-gram shingles, a
  128-permutation datasketch MinHash). Signatures are stored (`minhash_signatures`, 512 bytes a
  document). New documents are compared by LSH over the stored signatures: no pass over the texts of
  the library.
- A candidate pair is kept (`near_pairs`) when the exact Jaccard similarity of the two shingle sets
  reaches the threshold (the `duplicate_threshold` setting), or when 80% of the smaller (long enough)
  text is contained in the other (`near_dup_verification`). The clusters those pairs touch are then
  rebuilt (`near_dup_clusters`).
- A text change (import, re-clean) drops the document's signature by trigger; `cluster_pending_job`
  brings every document without a signature up to date. `cluster_all_job` starts from scratch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
from sqlite_utils import Database

from triage_app.core.library import page_segments
from triage_app.core.library.db import Library
from triage_app.core.library.near_dup_clusters import cluster_of, weak_ids, write_clusters
from triage_app.core.library.near_dup_signing import (
    CONTAINMENT_MIN_SHINGLES,
    MIN_SHINGLES,
    NUM_PERM,
    band_keys,
    candidate_pairs,
    estimated_jaccard,
    lsh_shape,
    needed_jaccard,
    pair_rows,
    shingle_hashes,
    signatures,
)
from triage_app.core.library.near_dup_verification import document_texts, verified_between_clusters
from triage_app.core.records import Progress

DEFAULT_THRESHOLD = 0.5
ESTIMATE_MARGIN = 0.12
"""Candidates whose signatures agree on 12 points fewer slots than their sizes need (about 3 standard
deviations of a 128-slot estimate) are dropped before the exact comparison."""
WEAK_RATIO = 0.5
"""A document whose cleaned text is under half its largest segment (page_segments) is *weak*: its cleaning
most likely missed the article, so its cleaned text is probably the site's boilerplate. A weak document
joins one cluster only (that of its most similar document that is not weak), so that two pages of one
template cannot bridge two clusters; its cleaned text is not compared with other pages' segments."""
ACCEPT_MARGIN = 0.15
"""A pair whose signatures agree on 15 points more slots than it needs (over 3 standard deviations of the
estimate) is taken without reading the two texts again: at 100,000 documents most candidate pairs are
plain copies, and the exact check was a quarter of the time."""
BATCH = 500


def _never() -> bool:
    return False


def _threshold(value: float | None) -> float:
    t = DEFAULT_THRESHOLD if value is None else float(value)
    return min(0.95, max(0.2, t))


def _params_match(db: Database, threshold: float) -> bool:
    row = db.execute("SELECT value FROM near_dup_params WHERE name = 'threshold'").fetchone()
    return row is not None and abs(float(row[0]) - threshold) < 1e-9


def pending_ids(db: Database) -> list[int]:
    """Documents whose cleaned text has no signature yet (new or re-cleaned)."""
    sql = (
        "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM minhash_signatures WHERE stale = 0) ORDER BY id"
    )
    return [int(r[0]) for r in db.execute(sql)]


def _forget(db: Database, ids: list[int]) -> set[int]:
    """Drop the pairs of documents about to be signed again; returns their former clusters' members."""
    touched: set[int] = set()
    for doc_id in ids:
        if doc_id in touched:
            continue
        if db.execute("SELECT 1 FROM cluster_members WHERE doc_id = ?", [doc_id]).fetchone():
            touched |= cluster_of(db, doc_id)
    db.conn.executemany("DELETE FROM near_pairs WHERE a = ? OR b = ?", [(d, d) for d in ids])
    return touched


def _sign(db: Database, ids: list[int]) -> None:
    """Store the signatures of these documents' current texts (NULL when too short to compare)."""
    texts = document_texts(db, ids)
    ids = [doc_id for doc_id in ids if doc_id in texts]  # a document removed since it was listed has no signature
    sets = {doc_id: shingle_hashes(texts[doc_id]) for doc_id in ids}
    signed = [doc_id for doc_id in ids if len(sets[doc_id]) >= MIN_SHINGLES]
    matrix = signatures([sets[d] for d in signed]) if signed else np.zeros((0, NUM_PERM), dtype=np.uint32)
    sigs = {doc_id: matrix[i].tobytes() for i, doc_id in enumerate(signed)}
    rows = [(doc_id, len(sets[doc_id]), sigs.get(doc_id)) for doc_id in ids]
    db.conn.executemany(
        "INSERT OR REPLACE INTO minhash_signatures (doc_id, shingles, sig, stale) VALUES (?, ?, ?, 0)", rows
    )
    db.conn.executemany("DELETE FROM minhash_segments WHERE doc_id = ?", [(d,) for d in ids])
    parts = [(doc_id, n, shingle_hashes(text)) for doc_id, found in page_segments.segment_texts(db, ids).items()
             for n, text in enumerate(found)]
    parts = [part for part in parts if len(part[2]) >= CONTAINMENT_MIN_SHINGLES]
    largest: dict[int, int] = {}
    for d, _n, h in parts:
        largest[d] = max(largest.get(d, 0), len(h))
    weak = [(d,) for d, size in largest.items() if len(sets[d]) < WEAK_RATIO * size]
    db.conn.executemany("UPDATE minhash_signatures SET weak = 1 WHERE doc_id = ?", weak)
    if parts:
        seg_matrix = signatures([h for _d, _n, h in parts])
        db.conn.executemany(
            "INSERT INTO minhash_segments (doc_id, seg, shingles, sig) VALUES (?, ?, ?, ?)",
            [(d, n, len(h), seg_matrix[i].tobytes()) for i, (d, n, h) in enumerate(parts)],
        )


def _signatures(db: Database) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every stored signature, documents' then segments': owner ids (int64), segment numbers (-1 for a
    document's cleaned text), shingle counts and the n x NUM_PERM uint32 matrix."""
    sql = (
        "SELECT doc_id, -1, shingles, sig FROM minhash_signatures WHERE sig IS NOT NULL AND stale = 0 "
        "UNION ALL SELECT g.doc_id, g.seg, g.shingles, g.sig FROM minhash_segments g "
        "JOIN minhash_signatures s ON s.doc_id = g.doc_id AND s.stale = 0"
    )
    rows = db.execute(sql).fetchall()
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, np.zeros((0, NUM_PERM), dtype=np.uint32)
    ids, segs, counts, blobs = zip(*rows, strict=True)
    matrix = np.frombuffer(b"".join(blobs), dtype=np.uint32).reshape(len(rows), NUM_PERM)
    return np.asarray(ids, dtype=np.int64), np.asarray(segs, dtype=np.int64), np.asarray(counts, dtype=np.int64), matrix


def _restale(db: Database) -> None:
    """Mark for signing again every member of a cluster one of whose documents is stale (see
    `near_dup_verification.verified_between_clusters`: its pairs may have been what joined the others)."""
    db.execute(
        "UPDATE minhash_signatures SET stale = 1 WHERE stale = 0 AND doc_id IN (SELECT m2.doc_id FROM cluster_members m1 "
        "JOIN cluster_members m2 ON m2.cluster_id = m1.cluster_id "
        "JOIN minhash_signatures s ON s.doc_id = m1.doc_id AND s.stale = 1)"
    )


def _one_template(db: Database, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For pairs of short cleaned texts: True where both pages are of one site at different addresses. What
    two such pages share is most likely the site's template (a blog's sidebar around a one-line post)."""
    wanted = sorted({int(x) for x in np.concatenate([a, b])})
    where: dict[int, tuple[str, str]] = {}
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        marks = ",".join("?" * len(part))
        for doc_id, site, url in db.execute(f"SELECT id, site, url FROM documents WHERE id IN ({marks})", part):
            where[int(doc_id)] = ((site or "").strip().lower(), (url or "").strip())
    out = np.zeros(len(a), dtype=bool)
    for n, (x, y) in enumerate(zip(a.tolist(), b.tolist(), strict=True)):
        (site_x, url_x), (site_y, url_y) = where.get(x, ("", "")), where.get(y, ("", ""))
        out[n] = bool(site_x) and site_x == site_y and url_x != url_y
    return out


def _set_params(db: Database, threshold: float) -> None:
    db.execute("INSERT OR REPLACE INTO near_dup_params (name, value) VALUES ('threshold', ?)", [str(threshold)])


def cluster_all_job(
    library: Library, *, threshold: float | None = None, is_cancelled: Callable[[], bool] = _never
) -> Iterator[Progress]:
    """Forget every signature and cluster the whole library again (a new threshold, or a first run)."""
    t = _threshold(threshold)
    with library.transaction() as db:
        for table in ("minhash_signatures", "minhash_segments", "near_pairs", "cluster_members", "clusters"):
            db.execute(f"DELETE FROM {table}")
        _set_params(db, t)
    yield from cluster_pending_job(library, threshold=t, is_cancelled=is_cancelled)


def cluster_pending_job(
    library: Library, *, threshold: float | None = None, is_cancelled: Callable[[], bool] = _never
) -> Iterator[Progress]:
    """Sign every document whose text is new or changed (batches commit as they go), then compare them
    with the whole library by LSH and rebuild the clusters they touch.

    A changed threshold (the setting) re-clusters from scratch. The last Progress result is the list
    of document ids whose cluster may have changed. Cancelling keeps the signatures made so far; their
    comparison is left to the next run.
    """
    t = _threshold(threshold)
    if not _params_match(library.db, t) and library.db.execute("SELECT 1 FROM minhash_signatures LIMIT 1").fetchone():
        yield from cluster_all_job(library, threshold=t, is_cancelled=is_cancelled)
        return
    with library.transaction() as db:
        _set_params(db, t)
        _restale(db)
    ids = pending_ids(library.db)
    total = len(ids)
    yield Progress(0, total + 1, f"Looking for copies among {total} document(s)")
    if not ids:
        return
    touched: set[int] = set()
    for start in range(0, total, BATCH):
        if is_cancelled():
            yield Progress(start, total + 1, "Cancelled")
            return
        batch = ids[start : start + BATCH]
        with library.transaction() as db:
            touched |= _forget(db, batch)
            _sign(db, batch)
        yield Progress(min(total, start + BATCH), total + 1, f"Signed {min(total, start + BATCH)} of {total}")
    # The comparison reads every signature; a document signed in an earlier, cancelled run is compared
    # again here, which is harmless (pairs are stored once).
    all_ids, segs, counts, matrix = _signatures(library.db)
    is_new = np.isin(all_ids, np.asarray(ids, dtype=np.int64))
    pairs = candidate_pairs(band_keys(matrix, *lsh_shape(t)), is_new)
    a_rows, b_rows = pair_rows(pairs)
    # A segment is compared only with another document's cleaned text, and not with a weak one's.
    weak = np.isin(all_ids, np.asarray(sorted(weak_ids(library.db)), dtype=np.int64)) & (segs < 0)
    keep = ((segs[a_rows] < 0) | (segs[b_rows] < 0)) & (all_ids[a_rows] != all_ids[b_rows])
    keep &= ~(weak[a_rows] & (segs[b_rows] >= 0)) & ~(weak[b_rows] & (segs[a_rows] >= 0))
    pairs, a_rows, b_rows = pairs[keep], a_rows[keep], b_rows[keep]
    small = np.minimum(counts[a_rows], counts[b_rows])
    large = np.maximum(counts[a_rows], counts[b_rows])
    short = (small < CONTAINMENT_MIN_SHINGLES) & (segs[a_rows] < 0) & (segs[b_rows] < 0)
    if short.any():
        template = _one_template(library.db, all_ids[a_rows[short]], all_ids[b_rows[short]])
        keep = np.ones(len(pairs), dtype=bool)
        keep[np.flatnonzero(short)[template]] = False
        pairs, a_rows, b_rows, small, large = pairs[keep], a_rows[keep], b_rows[keep], small[keep], large[keep]
    # A signature estimate more than ESTIMATE_MARGIN under what the pair would need is not checked exactly;
    # one ACCEPT_MARGIN over it is a pair without the exact check (two documents' cleaned texts only).
    estimate, needed = estimated_jaccard(matrix, pairs), needed_jaccard(small, large, t)
    sure = (estimate >= needed + ACCEPT_MARGIN) & (segs[a_rows] < 0) & (segs[b_rows] < 0)
    accepted = [(int(min(a, b)), int(max(a, b)), round(float(v), 4), 0)
                for a, b, v in zip(all_ids[a_rows[sure]], all_ids[b_rows[sure]], estimate[sure], strict=True)]
    unsure = ~sure & (estimate >= needed - ESTIMATE_MARGIN)
    pairs = pairs[unsure][np.argsort(-estimate[unsure], kind="stable")]
    if is_cancelled():
        with library.transaction() as db:  # the comparison was not made: sign these again next time
            db.conn.executemany("UPDATE minhash_signatures SET stale = 1 WHERE doc_id = ?", [(d,) for d in ids])
        yield Progress(total, total + 1, "Cancelled")
        return
    edges = accepted + verified_between_clusters(library.db, all_ids, segs, pairs, ids, accepted, t)
    with library.transaction() as db:
        db.conn.executemany(
            "INSERT OR REPLACE INTO near_pairs (a, b, similarity, via_segment) VALUES (?, ?, ?, ?)", edges
        )
        touched |= {e[0] for e in edges} | {e[1] for e in edges}
        if touched:
            write_clusters(db, touched)
    yield Progress(total + 1, total + 1, f"Compared {total} document(s): {len(edges)} pair(s) of copies",
                   result=sorted(touched))
