"""Near-duplicate clusters over the cleaned text: datasketch MinHash signatures, LSH bands kept in SQL.

- Each document's cleaned text becomes a set of word 3-gram shingles and a 128-permutation MinHash
  (datasketch). The signature is stored (`minhash_signatures`) and cut into the LSH bands datasketch's
  `MinHashLSH` chooses for the threshold; each band's hash is stored (`minhash_bands`, indexed), so a
  new document finds its candidates with one indexed lookup per band, without loading the library.
- A candidate pair is kept (`near_pairs`) when the exact Jaccard similarity of the two shingle sets
  reaches the threshold (the `duplicate_threshold` setting), or when 80% of the smaller (long enough)
  text is contained in the other. Clusters are the connected components of
  those pairs (`cluster_members`, `clusters`); the cluster id is its representative: the earliest
  published member, else the longest, else the oldest id. `sites` counts the independent sources.
- A text change (import, re-clean) drops the document's signature by trigger; `cluster_pending_job`
  brings every document without a signature up to date. `cluster_all_job` starts from scratch.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]
from sqlite_utils import Database

from triage_app.core.library.db import Library
from triage_app.core.records import Progress

NUM_PERM = 128
SHINGLE_WORDS = 3
MIN_SHINGLES = 8
"""Texts with fewer shingles (a caption, an empty page) are never clustered: too little to compare."""
DEFAULT_THRESHOLD = 0.5
CONTAINMENT = 0.8
CONTAINMENT_MIN_SHINGLES = 100
"""A pair is also kept when 80% of the smaller text (100+ shingles) is in the other: a copy inside a page
whose cleaning kept extra text, or a copy cut short. Jaccard alone misses those."""
CANDIDATE_FACTOR = 0.6
"""LSH finds candidates from 0.6 x the threshold, so that such containment pairs are compared at all."""
BATCH = 200

_WORD_RE = re.compile(r"\w+")
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1)


def _never() -> bool:
    return False


def shingles(text: str) -> set[str]:
    """Lower-cased word 3-grams of `text` (punctuation and spacing ignored)."""
    words = _WORD_RE.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(grams: set[str]) -> np.ndarray:
    """The MinHash signature (uint32 x NUM_PERM) of a shingle set, computed by datasketch."""
    minhash = _TEMPLATE.copy()
    minhash.update_batch([g.encode("utf-8") for g in grams])
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


def jaccard(a: set[str], b: set[str]) -> float:
    """Exact Jaccard similarity of two shingle sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def similarity(a: set[str], b: set[str], threshold: float) -> float | None:
    """The Jaccard similarity of two shingle sets when they are copies at `threshold`, else None."""
    if not a or not b:
        return None
    common = len(a & b)
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


def band_keys(sig: np.ndarray, bands: int, rows: int) -> list[int]:
    """One signed 64-bit key per LSH band of a signature."""
    keys = []
    for band in range(bands):
        digest = hashlib.blake2b(sig[band * rows : (band + 1) * rows].tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
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


def _forget(db: Database, doc_id: int) -> set[int]:
    """Drop a document's signature, bands and pairs; returns its former cluster's members."""
    row = db.execute("SELECT sig, bands, rows FROM minhash_signatures WHERE doc_id = ?", [doc_id]).fetchone()
    if row is not None and row[0] is not None:
        sig = np.frombuffer(row[0], dtype=np.uint32)
        keys = band_keys(sig, int(row[1]), int(row[2]))
        db.conn.executemany(
            "DELETE FROM minhash_bands WHERE band = ? AND key = ? AND doc_id = ?",
            [(band, key, doc_id) for band, key in enumerate(keys)],
        )
    db.execute("DELETE FROM minhash_signatures WHERE doc_id = ?", [doc_id])
    members = _cluster_of(db, doc_id)
    db.execute("DELETE FROM near_pairs WHERE a = ? OR b = ?", [doc_id, doc_id])
    return members


def _cluster_of(db: Database, doc_id: int) -> set[int]:
    sql = "SELECT doc_id FROM cluster_members WHERE cluster_id = (SELECT cluster_id FROM cluster_members WHERE doc_id = ?)"
    return {int(r[0]) for r in db.execute(sql, [doc_id])} | {doc_id}


def _add(db: Database, doc_id: int, grams: set[str], threshold: float, shape: tuple[int, int],
         cache: dict[int, set[str]]) -> list[int]:
    """Store a document's signature and bands, and its pairs with earlier documents; returns its matches."""
    bands, rows = shape
    if len(grams) < MIN_SHINGLES:
        db.execute(
            "INSERT OR REPLACE INTO minhash_signatures (doc_id, shingles, sig, bands, rows, stale) VALUES (?, ?, NULL, ?, ?, 0)",
            [doc_id, len(grams), bands, rows],
        )
        return []
    sig = signature(grams)
    keys = band_keys(sig, bands, rows)
    candidates: set[int] = set()
    for band, key in enumerate(keys):
        candidates.update(
            int(r[0]) for r in db.execute("SELECT doc_id FROM minhash_bands WHERE band = ? AND key = ?", [band, key])
        )
    candidates.discard(doc_id)
    missing = [c for c in candidates if c not in cache]
    for other, text in _texts(db, missing).items():
        cache[other] = shingles(text)
    matches = []
    for other in sorted(candidates):
        value = similarity(grams, cache.get(other, set()), threshold)
        if value is not None:
            matches.append(other)
            db.execute(
                "INSERT OR REPLACE INTO near_pairs (a, b, similarity) VALUES (?, ?, ?)",
                [min(doc_id, other), max(doc_id, other), round(value, 4)],
            )
    db.conn.executemany(
        "INSERT OR IGNORE INTO minhash_bands (band, key, doc_id) VALUES (?, ?, ?)",
        [(band, key, doc_id) for band, key in enumerate(keys)],
    )
    db.execute(
        "INSERT OR REPLACE INTO minhash_signatures (doc_id, shingles, sig, bands, rows, stale) VALUES (?, ?, ?, ?, ?, 0)",
        [doc_id, len(grams), sig.tobytes(), bands, rows],
    )
    return matches


def _components(db: Database, seeds: set[int]) -> list[set[int]]:
    """Connected components of `near_pairs` reached from `seeds` (singletons included)."""
    seen: set[int] = set()
    out = []
    for seed in seeds:
        if seed in seen:
            continue
        component, todo = {seed}, [seed]
        while todo:
            node = todo.pop()
            for a, b in db.execute("SELECT a, b FROM near_pairs WHERE a = ? OR b = ?", [node, node]):
                other = int(b) if int(a) == node else int(a)
                if other not in component:
                    component.add(other)
                    todo.append(other)
        seen |= component
        out.append(component)
    return out


def _write_clusters(db: Database, seeds: set[int]) -> None:
    """Rebuild the clusters touching `seeds` (and their former clusters) from the stored pairs."""
    old: set[int] = set(seeds)
    for doc_id in seeds:
        old |= _cluster_of(db, doc_id)
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
        for table in ("minhash_bands", "minhash_signatures", "near_pairs", "cluster_members", "clusters"):
            db.execute(f"DELETE FROM {table}")
        _set_params(db, t)
    yield from cluster_pending_job(library, threshold=t, is_cancelled=is_cancelled)


def cluster_pending_job(
    library: Library, *, threshold: float | None = None, is_cancelled: Callable[[], bool] = _never
) -> Iterator[Progress]:
    """Sign and cluster every document whose text is new or changed; batches commit as they finish.

    A changed threshold (the setting) re-clusters from scratch. Each Progress result is the list of
    document ids whose cluster may have changed in that batch.
    """
    t = _threshold(threshold)
    if not _params_match(library.db, t) and library.db.execute("SELECT 1 FROM minhash_signatures LIMIT 1").fetchone():
        yield from cluster_all_job(library, threshold=t, is_cancelled=is_cancelled)
        return
    with library.transaction() as db:
        _set_params(db, t)
    ids = pending_ids(library.db)
    total = len(ids)
    shape = lsh_shape(t)
    yield Progress(0, total, f"Looking for copies among {total} document(s)")
    cache: dict[int, set[str]] = {}
    for start in range(0, total, BATCH):
        if is_cancelled():
            yield Progress(start, total, "Cancelled")
            return
        batch = ids[start : start + BATCH]
        touched: set[int] = set()
        with library.transaction() as db:
            texts = _texts(db, batch)
            for doc_id in batch:
                touched |= _forget(db, doc_id)
            for doc_id in batch:
                grams = shingles(texts.get(doc_id, ""))
                cache[doc_id] = grams
                touched |= set(_add(db, doc_id, grams, t, shape, cache))
            if touched:
                _write_clusters(db, touched)
        if len(cache) > 20000:
            cache.clear()
        done = min(total, start + BATCH)
        yield Progress(done, total, f"Compared {done} of {total}", result=sorted(touched))


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
