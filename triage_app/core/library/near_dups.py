"""Near-duplicate clusters over the cleaned text: datasketch MinHash signatures, LSH bands kept in SQL.

- Each document's cleaned text becomes a set of word 3-gram shingles (hashed) and a 128-permutation
  MinHash (datasketch). Signatures are stored (`minhash_signatures`, 512 bytes a document). New
  documents are compared by LSH: the stored signatures are cut into the bands datasketch's
  `MinHashLSH` chooses for 0.6 x the threshold, and documents sharing a band's bucket with a new one
  are candidates (numpy over the signature matrix: no pass over the texts of the library).
- A candidate pair is kept (`near_pairs`) when the exact Jaccard similarity of the two shingle sets
  reaches the threshold (the `duplicate_threshold` setting), or when 80% of the smaller (long enough)
  text is contained in the other. Clusters are the connected components of
  those pairs (`cluster_members`, `clusters`); the cluster id is its representative: the earliest
  published member, else the longest, else the oldest id. `sites` counts the independent sources.
- A text change (import, re-clean) drops the document's signature by trigger; `cluster_pending_job`
  brings every document without a signature up to date. `cluster_all_job` starts from scratch.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH
from datasketch.minhash import _fmix
from sqlite_utils import Database

from triage_app.core.library import page_segments
from triage_app.core.library.db import Library
from triage_app.core.records import Progress

NUM_PERM = 128
SHINGLE_WORDS = 3
MIN_SHINGLES = 8
"""Texts with fewer shingles (a caption, an empty page) are never clustered: too little to compare."""
DEFAULT_THRESHOLD = 0.5
CONTAINMENT = 0.8
CONTAINMENT_MIN_SHINGLES = 80
"""A pair is also kept when 80% of the smaller text (80+ shingles) is in the other: a copy inside a page
whose cleaning kept extra text, or a copy cut short. Jaccard alone misses those."""
CANDIDATE_FACTOR = 0.6
"""LSH finds candidates from 0.6 x the threshold, so that such containment pairs are compared at all."""
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
MAX_BUCKET = 64
"""An LSH bucket bigger than this (many identical texts) links each member to its first few only."""

_WORD_RE = re.compile(r"\w+")
_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D], dtype=np.uint64)
_MASK32 = np.uint64(0xFFFFFFFF)
_BAND_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
                      0x94D049BB133111EB, 0xBF58476D1CE4E5B9, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53],
                     dtype=np.uint64)
_EMPTY = np.zeros(0, dtype=np.uint32)


def _never() -> bool:
    return False


def _identity(value: int) -> int:
    return value


class _Vocabulary(dict[str, int]):
    """crc32 of each word seen, computed on first sight (a dict lookup per word, in C, after that)."""

    def __missing__(self, word: str) -> int:
        value = self[word] = zlib.crc32(word.encode("utf-8"))
        return value


_VOCAB = _Vocabulary()
_VOCAB_LIMIT = 2_000_000


def _word_hashes(words: list[str]) -> np.ndarray:
    """crc32 of each word, through a process-wide cache."""
    if len(_VOCAB) > _VOCAB_LIMIT:
        _VOCAB.clear()
    return np.fromiter(map(_VOCAB.__getitem__, words), dtype=np.uint64, count=len(words))


def shingle_hashes(text: str) -> np.ndarray:
    """The sorted, distinct 32-bit hashes (uint32) of the lower-cased word 3-grams of `text`."""
    words = _WORD_RE.findall(text.lower())
    if not words:
        return _EMPTY
    hashed = _word_hashes(words)
    if len(hashed) < SHINGLE_WORDS:
        return np.unique(hashed.astype(np.uint32))
    with np.errstate(over="ignore"):
        grams = hashed[:-2] * _MIX[0] + hashed[1:-1] * _MIX[1] + hashed[2:] * _MIX[2]
    return np.unique(((grams ^ (grams >> np.uint64(29))) & _MASK32).astype(np.uint32))


_MINHASH = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_identity)
_PERM_A, _PERM_B = (np.asarray(p, dtype=np.uint32) for p in _MINHASH.permutations)
_SIGN_CHUNK = 2_000
"""Shingles per numpy pass when signing many documents (2,000 x 128 x 4 bytes = 1 MB, which stays in the
CPU cache: measured twice as fast as 60,000 shingles, 31 MB, per pass)."""


def signature(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature (uint32 x NUM_PERM) of a shingle-hash set, computed by datasketch."""
    _MINHASH.clear()
    _MINHASH.update_batch(hashes.tolist())
    return np.asarray(_MINHASH.hashvalues, dtype=np.uint32).copy()


def signatures(sets: list[np.ndarray]) -> np.ndarray:
    """Signatures of many non-empty shingle-hash sets at once: datasketch's affine32 MinHash scheme
    (its permutations and its MurmurHash3 pre-mix), applied to all shingles in a few numpy passes.
    Equal to `signature()` of each set (a test holds it to that)."""
    out = np.empty((len(sets), NUM_PERM), dtype=np.uint32)
    start = 0
    while start < len(sets):
        stop, size = start, 0
        while stop < len(sets) and (size == 0 or size + len(sets[stop]) <= _SIGN_CHUNK):
            size += len(sets[stop])
            stop += 1
        flat = _fmix(np.concatenate(sets[start:stop]).astype(np.uint32), 32)
        permuted = np.empty((len(flat), NUM_PERM), dtype=np.uint32)
        with np.errstate(over="ignore"):
            np.multiply(flat[:, None], _PERM_A, out=permuted)
            permuted += _PERM_B
        offsets = np.cumsum([0] + [len(x) for x in sets[start : stop - 1]])
        out[start:stop] = np.minimum.reduceat(permuted, offsets, axis=0)
        start = stop
    return out


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two shingle-hash sets."""
    if not len(a) or not len(b):
        return 0.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)


def similarity(a: np.ndarray, b: np.ndarray, threshold: float) -> float | None:
    """The Jaccard similarity of two shingle-hash sets when they are copies at `threshold`, else None."""
    if not len(a) or not len(b):
        return None
    common = len(np.intersect1d(a, b, assume_unique=True))
    value = common / (len(a) + len(b) - common)
    if value >= threshold:
        return value
    smaller = min(len(a), len(b))
    if smaller >= CONTAINMENT_MIN_SHINGLES and common / smaller >= max(CONTAINMENT, threshold):
        return value
    return None


def lsh_shape(threshold: float) -> tuple[int, int]:
    """(bands, rows) that datasketch's MinHashLSH picks for the candidate threshold (0.6 x `threshold`)."""
    lsh = MinHashLSH(threshold=threshold * CANDIDATE_FACTOR, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


def band_keys(matrix: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One 64-bit key per document (row of `matrix`, signatures) and LSH band: n x bands."""
    keys = np.zeros((len(matrix), bands), dtype=np.uint64)
    wide = matrix.astype(np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            part = wide[:, band * rows : (band + 1) * rows]
            key = np.zeros(len(matrix), dtype=np.uint64)
            for column in range(part.shape[1]):
                key = (key ^ part[:, column]) * _BAND_MIX[column % len(_BAND_MIX)]
            keys[:, band] = key
    return keys


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


def _texts(db: Database, ids: Iterable[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    chunk = list(ids)
    for start in range(0, len(chunk), 500):
        part = chunk[start : start + 500]
        marks = ",".join("?" * len(part))
        for doc_id, text in db.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", part):
            out[int(doc_id)] = text or ""
    return out


def _cluster_of(db: Database, doc_id: int) -> set[int]:
    sql = "SELECT doc_id FROM cluster_members WHERE cluster_id = (SELECT cluster_id FROM cluster_members WHERE doc_id = ?)"
    return {int(r[0]) for r in db.execute(sql, [doc_id])} | {doc_id}


def _forget(db: Database, ids: list[int]) -> set[int]:
    """Drop the pairs of documents about to be signed again; returns their former clusters' members."""
    touched: set[int] = set()
    for doc_id in ids:
        if doc_id in touched:
            continue
        if db.execute("SELECT 1 FROM cluster_members WHERE doc_id = ?", [doc_id]).fetchone():
            touched |= _cluster_of(db, doc_id)
    db.conn.executemany("DELETE FROM near_pairs WHERE a = ? OR b = ?", [(d, d) for d in ids])
    return touched


def _sign(db: Database, ids: list[int]) -> None:
    """Store the signatures of these documents' current texts (NULL when too short to compare)."""
    texts = _texts(db, ids)
    sets = {doc_id: shingle_hashes(texts.get(doc_id, "")) for doc_id in ids}
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


def needed_jaccard(small: np.ndarray, large: np.ndarray, threshold: float) -> np.ndarray:
    """The lowest Jaccard at which a pair of these sizes can still be copies: the threshold, or what
    the containment rule allows (C of the smaller inside the larger: J = C*s / (s + l - C*s))."""
    containment = max(CONTAINMENT, threshold)
    by_containment = containment * small / (small + large - containment * small)
    return np.where(small >= CONTAINMENT_MIN_SHINGLES, np.minimum(threshold, by_containment), threshold)


def _bucket_pairs(members: np.ndarray) -> list[tuple[int, int]]:
    if len(members) <= MAX_BUCKET:
        return [(int(members[i]), int(members[j])) for i in range(len(members)) for j in range(i + 1, len(members))]
    heads = members[:4]
    return [(int(h), int(m)) for h in heads for m in members if m != h]


def candidate_pairs(keys: np.ndarray, is_new: np.ndarray) -> np.ndarray:
    """Row-index pairs (i < j, as i * 2^32 + j) sharing an LSH bucket, at least one of them new."""
    found: list[np.ndarray] = []
    for band in range(keys.shape[1]):
        column = keys[:, band]
        rows = np.flatnonzero(np.isin(column, column[is_new]))
        if len(rows) < 2:
            continue
        order = rows[np.argsort(column[rows], kind="stable")]
        sorted_keys = column[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        ends = np.r_[starts[1:], len(order)]
        sizes = ends - starts
        twos = starts[sizes == 2]  # most buckets: one pair each, made in numpy
        pairs = np.stack([np.minimum(order[twos], order[twos + 1]), np.maximum(order[twos], order[twos + 1])], axis=1)
        more: list[tuple[int, int]] = []
        for first, last in zip(starts[sizes > 2], ends[sizes > 2], strict=True):
            more.extend(_bucket_pairs(np.sort(order[first:last])))
        if more:
            pairs = np.concatenate([pairs, np.asarray(more, dtype=np.int64).reshape(-1, 2)])
        if len(pairs):
            arr = pairs.astype(np.uint64)
            arr = arr[is_new[arr[:, 0].astype(np.int64)] | is_new[arr[:, 1].astype(np.int64)]]
            found.append((arr[:, 0] << np.uint64(32)) | arr[:, 1])
    if not found:
        return np.zeros(0, dtype=np.uint64)
    return np.unique(np.concatenate(found))


def _estimated(matrix: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """The share of signature slots two documents agree on, per pair (a Jaccard estimate)."""
    out = np.zeros(len(pairs), dtype=np.float64)
    for start in range(0, len(pairs), 20000):
        part = pairs[start : start + 20000]
        a, b = (part >> np.uint64(32)).astype(np.int64), (part & _MASK32).astype(np.int64)
        out[start : start + len(part)] = (matrix[a] == matrix[b]).mean(axis=1)
    return out


def contained(text: np.ndarray, segment: np.ndarray, threshold: float) -> float | None:
    """The second signal: a document's cleaned text (80+ shingles) inside another page's removed-text
    segment, by Jaccard or by 80% containment; returns the Jaccard similarity, else None."""
    if len(text) < CONTAINMENT_MIN_SHINGLES or not len(segment):
        return None
    common = len(np.intersect1d(text, segment, assume_unique=True))
    value = common / (len(text) + len(segment) - common)
    if value >= threshold or common / len(text) >= max(CONTAINMENT, threshold):
        return value
    return None


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


VERIFY_CHUNK = 2000


def _verified_between_clusters(db: Database, ids: np.ndarray, segs: np.ndarray, pairs: np.ndarray, new: list[int],
                               accepted: list[tuple[int, int, float, int]], threshold: float
                               ) -> list[tuple[int, int, float, int]]:
    """`_verified` for the pairs that can still change a cluster: a pair whose two documents are already
    joined (by a stored cluster of documents not signed now, the accepted pairs, or pairs kept so far) is
    not read again. Pairs with a segment or a weak document are always checked (they choose a cluster).
    Most likely pairs first, in chunks. The clusters stay those of all pairs; `near_pairs` then lacks some
    redundant pairs, which is why a re-signed document's whole cluster is compared again (`_restale`)."""
    a_rows, b_rows = (pairs >> np.uint64(32)).astype(np.int64), (pairs & _MASK32).astype(np.int64)
    groups = _Groups()  # joined through documents that are not weak only, as `_component` does
    weak = _weak(db)
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
        for doc_id, text in _texts(db, missing).items():  # each document read and shingled once
            hashes[doc_id] = shingle_hashes(text)
        for a, b in chunk:
            if groups.find(a) == groups.find(b):
                continue
            value = similarity(hashes.get(a, _EMPTY), hashes.get(b, _EMPTY), threshold)
            if value is not None:
                out.append((min(a, b), max(a, b), round(value, 4), 0))
                groups.join(a, b)
    return out


def _restale(db: Database) -> None:
    """Mark for signing again every member of a cluster one of whose documents is stale (see
    `_verified_between_clusters`: its pairs may have been what joined the others)."""
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


def _verified(db: Database, ids: np.ndarray, segs: np.ndarray, pairs: np.ndarray,
              threshold: float) -> list[tuple[int, int, float, int]]:
    """The candidate pairs that are copies by the exact rule, as (doc a, doc b, Jaccard, by a segment)."""
    a_rows, b_rows = (pairs >> np.uint64(32)).astype(np.int64), (pairs & _MASK32).astype(np.int64)
    rows = np.concatenate([a_rows, b_rows])
    hashes: dict[tuple[int, int], np.ndarray] = {}
    needed = sorted({int(ids[r]) for r in rows[segs[rows] < 0]})
    for start in range(0, len(needed), 2000):
        for doc_id, text in _texts(db, needed[start : start + 2000]).items():
            hashes[(doc_id, -1)] = shingle_hashes(text)
    owners = sorted({int(ids[r]) for r in rows[segs[rows] >= 0]})
    for doc_id, found in page_segments.segment_texts(db, owners).items():
        for n, text in enumerate(found):
            hashes[(doc_id, n)] = shingle_hashes(text)
    edges: dict[tuple[int, int], tuple[float, int]] = {}
    for ra, rb in zip(a_rows.tolist(), b_rows.tolist(), strict=True):
        a, b = int(ids[ra]), int(ids[rb])
        ha, hb = hashes.get((a, int(segs[ra])), _EMPTY), hashes.get((b, int(segs[rb])), _EMPTY)
        by_segment = int(segs[ra] >= 0 or segs[rb] >= 0)
        if not by_segment:
            value = similarity(ha, hb, threshold)
        else:
            value = contained(ha, hb, threshold) if segs[rb] >= 0 else contained(hb, ha, threshold)
        if value is not None:
            key = (min(a, b), max(a, b))
            edges[key] = max(edges.get(key, (0.0, 0)), (round(value, 4), by_segment), key=lambda e: (e[1], e[0]))
    return [(a, b, value, flag) for (a, b), (value, flag) in edges.items()]


def _weak(db: Database) -> set[int]:
    return {int(r[0]) for r in db.execute("SELECT doc_id FROM minhash_signatures WHERE weak = 1 AND stale = 0")}


def _edges(db: Database, node: int) -> list[tuple[int, float, int]]:
    rows = db.execute("SELECT a, b, similarity, via_segment FROM near_pairs WHERE a = ? OR b = ?", [node, node])
    return [(int(b) if int(a) == node else int(a), float(v), int(s)) for a, b, v, s in rows]


def _best_partner(db: Database, node: int, weak: set[int]) -> int | None:
    """The document that is not weak whose text is in `node`'s segment (else: most similar to `node`'s
    cleaned text), the most similar first, lowest id on a tie; None when there is none."""
    scored = [(-segment, -value, other) for other, value, segment in _edges(db, node) if other not in weak]
    return min(scored)[2] if scored else None


def _component(db: Database, seed: int, weak: set[int]) -> set[int]:
    """The cluster of `seed`: documents that are not weak, connected through each other, plus the weak
    documents whose best partner is among them. Weak documents without such a partner cluster together."""
    if seed in weak:
        partner = _best_partner(db, seed, weak)
        if partner is None:
            component, todo = {seed}, [seed]
            while todo:
                for other, _value, _segment in _edges(db, todo.pop()):
                    if other in weak and other not in component and _best_partner(db, other, weak) is None:
                        component.add(other)
                        todo.append(other)
            return component
        seed = partner
    component, todo, reached = {seed}, [seed], set()
    while todo:
        for other, _value, _segment in _edges(db, todo.pop()):
            if other in weak:
                reached.add(other)
            elif other not in component:
                component.add(other)
                todo.append(other)
    return component | {w for w in reached if _best_partner(db, w, weak) in component}


def _components(db: Database, seeds: set[int]) -> list[set[int]]:
    """The clusters (`_component`) reached from `seeds` (singletons included)."""
    weak = _weak(db)
    seen: set[int] = set()
    out = []
    for seed in seeds:
        if seed in seen:
            continue
        component = _component(db, seed, weak) | {seed}
        seen |= component
        out.append(component)
    return out


def _write_clusters(db: Database, seeds: set[int]) -> None:
    """Rebuild the clusters touching `seeds` (and their former clusters) from the stored pairs."""
    old: set[int] = set(seeds)
    covered: set[int] = set()
    for doc_id in seeds:
        if doc_id not in covered:  # one query per cluster, not per member (clusters can be large)
            members = _cluster_of(db, doc_id)
            covered |= members
            old |= members
    marks = ",".join("?" * len(old))
    db.execute(f"DELETE FROM clusters WHERE id IN (SELECT cluster_id FROM cluster_members WHERE doc_id IN ({marks}))", list(old))
    db.execute(f"DELETE FROM cluster_members WHERE doc_id IN ({marks})", list(old))
    for component in _components(db, old):
        if len(component) < 2:
            continue
        ids = sorted(component)
        cm = ",".join("?" * len(ids))
        rows = db.execute(
            f"SELECT id, site FROM documents WHERE id IN ({cm}) "
            "ORDER BY published IS NULL OR published = '', published, word_count DESC, id",
            ids,
        ).fetchall()
        if not rows:
            continue
        representative = int(rows[0][0])
        sites = len({str(r[1]).lower() for r in rows if r[1]})
        db.execute("INSERT OR REPLACE INTO clusters (id, size, sites) VALUES (?, ?, ?)", [representative, len(rows), sites])
        db.conn.executemany(
            "INSERT OR REPLACE INTO cluster_members (doc_id, cluster_id) VALUES (?, ?)",
            [(int(r[0]), representative) for r in rows],
        )


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
    a_rows, b_rows = (pairs >> np.uint64(32)).astype(np.int64), (pairs & _MASK32).astype(np.int64)
    # A segment is compared only with another document's cleaned text, and not with a weak one's.
    weak = np.isin(all_ids, np.asarray(sorted(_weak(library.db)), dtype=np.int64)) & (segs < 0)
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
    estimate, needed = _estimated(matrix, pairs), needed_jaccard(small, large, t)
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
    edges = accepted + _verified_between_clusters(library.db, all_ids, segs, pairs, ids, accepted, t)
    with library.transaction() as db:
        db.conn.executemany(
            "INSERT OR REPLACE INTO near_pairs (a, b, similarity, via_segment) VALUES (?, ?, ?, ?)", edges
        )
        touched |= {e[0] for e in edges} | {e[1] for e in edges}
        if touched:
            _write_clusters(db, touched)
    yield Progress(total + 1, total + 1, f"Compared {total} document(s): {len(edges)} pair(s) of copies",
                   result=sorted(touched))


def clusters(db: Database, *, min_size: int = 2) -> list[list[int]]:
    """Every cluster as a list of ids, representative first, then by id; largest clusters first."""
    rows = db.execute(
        "SELECT m.cluster_id, m.doc_id FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id "
        "WHERE c.size >= ? ORDER BY c.size DESC, m.cluster_id, m.doc_id != m.cluster_id, m.doc_id",
        [min_size],
    )
    out: dict[int, list[int]] = {}
    for cluster_id, doc_id in rows:
        out.setdefault(int(cluster_id), []).append(int(doc_id))
    return list(out.values())


def cluster_info(db: Database, doc_id: int) -> dict[str, Any] | None:
    """The cluster holding `doc_id`: id (= representative), size, sites, members; None when alone."""
    row = db.execute(
        "SELECT c.id, c.size, c.sites FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id WHERE m.doc_id = ?",
        [doc_id],
    ).fetchone()
    if row is None:
        return None
    members = [int(r[0]) for r in db.execute(
        "SELECT doc_id FROM cluster_members WHERE cluster_id = ? ORDER BY doc_id != cluster_id, doc_id", [row[0]]
    )]
    return {"id": int(row[0]), "representative": int(row[0]), "size": int(row[1]), "sites": int(row[2]), "members": members}


def copies_of(db: Database, ids: list[int]) -> dict[int, tuple[int, int]]:
    """(cluster id, cluster size) for those of `ids` that are in a cluster (for the list's copies column)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    sql = (
        "SELECT m.doc_id, m.cluster_id, c.size FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id "
        f"WHERE m.doc_id IN ({marks})"
    )
    return {int(d): (int(c), int(s)) for d, c, s in db.execute(sql, ids)}


def copies_to_follow(db: Database, ids: list[int]) -> dict[int, int]:
    """The other members of the clusters of `ids`: {copy id: the id of `ids` whose decision it follows}."""
    out: dict[int, int] = {}
    chosen = set(ids)
    for doc_id in ids:
        for member in _cluster_of(db, doc_id) - chosen:
            out.setdefault(member, doc_id)
    return out
