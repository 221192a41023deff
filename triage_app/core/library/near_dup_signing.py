"""Near-duplicate signing without the database: shingles, datasketch MinHash signatures, LSH bands.

- A text becomes a set of word 3-gram shingles (hashed) and a 128-permutation MinHash (datasketch).
  Candidates are found by LSH: signatures are cut into the bands datasketch's `MinHashLSH` chooses for
  0.6 x the threshold, and rows sharing a band's bucket with a new one are candidates (numpy over the
  signature matrix: no pass over the texts of the library).
- Two shingle sets are copies when their exact Jaccard similarity reaches the threshold, or when 80% of
  the smaller (long enough) set is contained in the other (`similarity`, `contained`); signature
  agreement estimates the Jaccard before the exact check (`estimated_jaccard`, `needed_jaccard`).
"""

from __future__ import annotations

import zlib
from functools import lru_cache
from typing import Any

import numpy as np

from triage_app.core.library.word_counts import SHINGLE_WORD_RE

NUM_PERM = 128
SHINGLE_WORDS = 3
MIN_SHINGLES = 8
"""Texts with fewer shingles (a caption, an empty page) are never clustered: too little to compare."""
CONTAINMENT = 0.8
CONTAINMENT_MIN_SHINGLES = 80
"""A pair is also kept when 80% of the smaller text (80+ shingles) is in the other: a copy inside a page
whose cleaning kept extra text, or a copy cut short. Jaccard alone misses those."""
CANDIDATE_FACTOR = 0.6
"""LSH finds candidates from 0.6 x the threshold, so that such containment pairs are compared at all."""
MAX_BUCKET = 64
"""An LSH bucket bigger than this (many identical texts) links each member to its first few only."""

_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D], dtype=np.uint64)
_MASK32 = np.uint64(0xFFFFFFFF)
_BAND_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
                      0x94D049BB133111EB, 0xBF58476D1CE4E5B9, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53],
                     dtype=np.uint64)
NO_SHINGLES = np.zeros(0, dtype=np.uint32)
"""The empty shingle-hash set (a text with no words)."""


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
    """The sorted, distinct 32-bit hashes (uint32) of the lower-cased word 3-grams of `text` (`word_counts.SHINGLE_WORD_RE`:
    a Chinese or Japanese character, or a Thai letter with its marks, is a word; with `\\w+` a clause was, and a copy
    with a few characters changed in a few clauses shared too few shingles to be found)."""
    words = SHINGLE_WORD_RE.findall(text.lower())
    if not words:
        return NO_SHINGLES
    hashed = _word_hashes(words)
    if len(hashed) < SHINGLE_WORDS:
        return np.unique(hashed.astype(np.uint32))
    with np.errstate(over="ignore"):
        grams = hashed[:-2] * _MIX[0] + hashed[1:-1] * _MIX[1] + hashed[2:] * _MIX[2]
    return np.unique(((grams ^ (grams >> np.uint64(29))) & _MASK32).astype(np.uint32))


@lru_cache(maxsize=1)
def _datasketch() -> tuple[Any, np.ndarray, np.ndarray]:
    """datasketch's MinHash with this module's seed and its permutations, made on first use: importing datasketch
    imports SciPy (about half a second), which the window's start-up would pay for a module it only asks which
    documents are still to be signed."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_identity)
    perm_a, perm_b = (np.asarray(p, dtype=np.uint32) for p in minhash.permutations)
    return minhash, perm_a, perm_b


_SIGN_CHUNK = 2_000
"""Shingles per numpy pass when signing many documents (2,000 x 128 x 4 bytes = 1 MB, which stays in the
CPU cache: measured twice as fast as 60,000 shingles, 31 MB, per pass)."""


def signature(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature (uint32 x NUM_PERM) of a shingle-hash set, computed by datasketch."""
    minhash = _datasketch()[0]
    minhash.clear()
    minhash.update_batch(hashes.tolist())
    return np.asarray(minhash.hashvalues, dtype=np.uint32).copy()


def signatures(sets: list[np.ndarray]) -> np.ndarray:
    """Signatures of many non-empty shingle-hash sets at once: datasketch's affine32 MinHash scheme
    (its permutations and its MurmurHash3 pre-mix), applied to all shingles in a few numpy passes.
    Equal to `signature()` of each set (a test holds it to that)."""
    from datasketch.minhash import _fmix

    _, perm_a, perm_b = _datasketch()
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
            np.multiply(flat[:, None], perm_a, out=permuted)
            permuted += perm_b
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


def lsh_shape(threshold: float) -> tuple[int, int]:
    """(bands, rows) that datasketch's MinHashLSH picks for the candidate threshold (0.6 x `threshold`)."""
    from datasketch import MinHashLSH

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


def needed_jaccard(small: np.ndarray, large: np.ndarray, threshold: float) -> np.ndarray:
    """The lowest Jaccard at which a pair of these sizes can still be copies: the threshold, or what
    the containment rule allows (C of the smaller inside the larger: J = C*s / (s + l - C*s))."""
    containment = max(CONTAINMENT, threshold)
    by_containment = containment * small / (small + large - containment * small)
    return np.where(small >= CONTAINMENT_MIN_SHINGLES, np.minimum(threshold, by_containment), threshold)


def pair_rows(pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The two row indexes (int64 arrays) of pairs coded as i * 2^32 + j (`candidate_pairs`)."""
    return (pairs >> np.uint64(32)).astype(np.int64), (pairs & _MASK32).astype(np.int64)


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


def estimated_jaccard(matrix: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """The share of signature slots two documents agree on, per pair (a Jaccard estimate)."""
    out = np.zeros(len(pairs), dtype=np.float64)
    for start in range(0, len(pairs), 20000):
        part = pairs[start : start + 20000]
        a, b = pair_rows(part)
        out[start : start + len(part)] = (matrix[a] == matrix[b]).mean(axis=1)
    return out
