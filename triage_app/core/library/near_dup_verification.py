"""The exact check of near-duplicate candidate pairs, reading the two documents' texts again.

- A candidate pair of cleaned texts is kept when the exact Jaccard similarity of the two shingle sets
  reaches the threshold, or when 80% of the smaller (long enough) text is contained in the other
  (`near_dup_signing.similarity`); a cleaned text against another page's removed-text segment by
  `near_dup_signing.contained`.
- Pairs that cannot change a cluster (their two documents are already joined) are not read again.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from sqlite_utils import Database

from triage_app.core.library import page_segments
from triage_app.core.library.near_dup_clusters import weak_ids
from triage_app.core.library.near_dup_signing import NO_SHINGLES, contained, pair_rows, shingle_hashes, similarity

VERIFY_CHUNK = 2000


def document_texts(db: Database, ids: Iterable[int]) -> dict[int, str]:
    """The cleaned text of each of `ids` ("" when empty), read 500 at a time."""
    out: dict[int, str] = {}
    chunk = list(ids)
    for start in range(0, len(chunk), 500):
        part = chunk[start : start + 500]
        marks = ",".join("?" * len(part))
        for doc_id, text in db.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", part):
            out[int(doc_id)] = text or ""
    return out


class _Groups:
    """Union-find over document ids (and cluster ids, as negative numbers)."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while x != root:
            self.parent[x], x = root, self.parent.get(x, x)
        return root

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[ra] = rb


def verified_between_clusters(db: Database, ids: np.ndarray, segs: np.ndarray, pairs: np.ndarray, new: list[int],
                              accepted: list[tuple[int, int, float, int]], threshold: float
                              ) -> list[tuple[int, int, float, int]]:
    """`_verified` for the pairs that can still change a cluster: a pair whose two documents are already
    joined (by a stored cluster of documents not signed now, the accepted pairs, or pairs kept so far) is
    not read again. Pairs with a segment or a weak document are always checked (they choose a cluster).
    Most likely pairs first, in chunks. The clusters stay those of all pairs; `near_pairs` then lacks some
    redundant pairs, which is why a re-signed document's whole cluster is compared again (`near_dups._restale`)."""
    a_rows, b_rows = pair_rows(pairs)
    groups = _Groups()  # joined through documents that are not weak only, as `near_dup_clusters._component` does
    weak = weak_ids(db)
    old = sorted({int(x) for x in np.concatenate([ids[a_rows], ids[b_rows]])} - set(new) - weak)
    for start in range(0, len(old), 500):
        part = old[start : start + 500]
        marks = ",".join("?" * len(part))
        for doc_id, cluster_id in db.execute(
            f"SELECT doc_id, cluster_id FROM cluster_members WHERE doc_id IN ({marks})", part
        ):
            groups.join(int(doc_id), -int(cluster_id) - 1)
    for a, b, _v, _s in accepted:
        if a not in weak and b not in weak:
            groups.join(a, b)
    always = (segs[a_rows] >= 0) | (segs[b_rows] >= 0) | np.isin(ids[a_rows], list(weak)) | np.isin(ids[b_rows], list(weak))
    out = _verified(db, ids, segs, pairs[always], threshold)
    rest = np.flatnonzero(~always)
    left, right = ids[a_rows[rest]].tolist(), ids[b_rows[rest]].tolist()
    hashes: dict[int, np.ndarray] = {}
    for start in range(0, len(rest), VERIFY_CHUNK):
        chunk = [(a, b) for a, b in zip(left[start : start + VERIFY_CHUNK], right[start : start + VERIFY_CHUNK],
                                        strict=True) if groups.find(a) != groups.find(b)]
        missing = sorted({d for pair in chunk for d in pair} - hashes.keys())
        for doc_id, text in document_texts(db, missing).items():  # each document read and shingled once
            hashes[doc_id] = shingle_hashes(text)
        for a, b in chunk:
            if groups.find(a) == groups.find(b):
                continue
            value = similarity(hashes.get(a, NO_SHINGLES), hashes.get(b, NO_SHINGLES), threshold)
            if value is not None:
                out.append((min(a, b), max(a, b), round(value, 4), 0))
                groups.join(a, b)
    return out


def _verified(db: Database, ids: np.ndarray, segs: np.ndarray, pairs: np.ndarray,
              threshold: float) -> list[tuple[int, int, float, int]]:
    """The candidate pairs that are copies by the exact rule, as (doc a, doc b, Jaccard, by a segment)."""
    a_rows, b_rows = pair_rows(pairs)
    rows = np.concatenate([a_rows, b_rows])
    hashes: dict[tuple[int, int], np.ndarray] = {}
    needed = sorted({int(ids[r]) for r in rows[segs[rows] < 0]})
    for start in range(0, len(needed), 2000):
        for doc_id, text in document_texts(db, needed[start : start + 2000]).items():
            hashes[(doc_id, -1)] = shingle_hashes(text)
    owners = sorted({int(ids[r]) for r in rows[segs[rows] >= 0]})
    for doc_id, found in page_segments.segment_texts(db, owners).items():
        for n, text in enumerate(found):
            hashes[(doc_id, n)] = shingle_hashes(text)
    edges: dict[tuple[int, int], tuple[float, int]] = {}
    for ra, rb in zip(a_rows.tolist(), b_rows.tolist(), strict=True):
        a, b = int(ids[ra]), int(ids[rb])
        ha, hb = hashes.get((a, int(segs[ra])), NO_SHINGLES), hashes.get((b, int(segs[rb])), NO_SHINGLES)
        by_segment = int(segs[ra] >= 0 or segs[rb] >= 0)
        if not by_segment:
            value = similarity(ha, hb, threshold)
        else:
            value = contained(ha, hb, threshold) if segs[rb] >= 0 else contained(hb, ha, threshold)
        if value is not None:
            key = (min(a, b), max(a, b))
            edges[key] = max(edges.get(key, (0.0, 0)), (round(value, 4), by_segment), key=lambda e: (e[1], e[0]))
    return [(a, b, value, flag) for (a, b), (value, flag) in edges.items()]
