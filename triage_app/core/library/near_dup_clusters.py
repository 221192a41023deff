"""Near-duplicate clusters in SQL: built from the stored pairs, and read back for the list and the reader.

- Clusters are the connected components of the pairs kept in `near_pairs` (`cluster_members`,
  `clusters`); the cluster id is its representative: the earliest published member, else the longest,
  else the oldest id. `sites` counts the independent sources.
- A *weak* document (its cleaning most likely missed the article; marked when signed, see
  `near_dups.WEAK_RATIO`) joins one cluster only, that of its most similar document that is not weak, so
  that two pages of one template cannot bridge two clusters.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database


def cluster_of(db: Database, doc_id: int) -> set[int]:
    """The members of `doc_id`'s cluster, `doc_id` included (just it when alone)."""
    sql = "SELECT doc_id FROM cluster_members WHERE cluster_id = (SELECT cluster_id FROM cluster_members WHERE doc_id = ?)"
    return {int(r[0]) for r in db.execute(sql, [doc_id])} | {doc_id}


def weak_ids(db: Database) -> set[int]:
    """The weak documents (see the module docstring) among those signed and up to date."""
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
    weak = weak_ids(db)
    seen: set[int] = set()
    out = []
    for seed in seeds:
        if seed in seen:
            continue
        component = _component(db, seed, weak) | {seed}
        seen |= component
        out.append(component)
    return out


def write_clusters(db: Database, seeds: set[int]) -> None:
    """Rebuild the clusters touching `seeds` (and their former clusters) from the stored pairs."""
    old: set[int] = set(seeds)
    covered: set[int] = set()
    for doc_id in seeds:
        if doc_id not in covered:  # one query per cluster, not per member (clusters can be large)
            members = cluster_of(db, doc_id)
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


def copies_to_follow(db: Database, ids: list[int]) -> dict[int, int]:
    """The other members of the clusters of `ids`: {copy id: the id of `ids` whose decision it follows}."""
    out: dict[int, int] = {}
    chosen = set(ids)
    for doc_id in ids:
        for member in cluster_of(db, doc_id) - chosen:
            out.setdefault(member, doc_id)
    return out
