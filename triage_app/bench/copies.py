"""`python -m triage_app.bench copies EVAL_DIR [MORE_DIRS]`: pairwise precision/recall of near-duplicate clusters.

The set is built from real pages: `--articles` articles of EVAL_DIR (their hand-made article text) are
each put into the templates of `--copies` other real pages (the host's article paragraphs, title,
headline and JSON-LD replaced), lightly edited (a few words changed per paragraph, sometimes the last
paragraph dropped, a new headline), and mixed with the original pages and every other page of the
folders as unrelated documents. Every page goes through the real import (cleaning included), then
clustering. Truth: two documents are copies when they carry the same source article.
datasketch's `MinHashLSH` alone (same shingles and permutations, no exact check) runs in the same pass.
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from triage_app.bench._copies_set import build_set


def pairwise(predicted: list[list[int]], truth: dict[int, str]) -> tuple[float, float, int, int]:
    """Pairwise precision and recall of predicted clusters against the true groups."""
    pred_pairs = {tuple(sorted(p)) for c in predicted for p in itertools.combinations(c, 2)}
    by_group: dict[str, list[int]] = {}
    for doc_id, group in truth.items():
        by_group.setdefault(group, []).append(doc_id)
    true_pairs = {tuple(sorted(p)) for ids in by_group.values() for p in itertools.combinations(ids, 2)}
    hits = len(pred_pairs & true_pairs)
    precision = hits / len(pred_pairs) if pred_pairs else 1.0
    recall = hits / len(true_pairs) if true_pairs else 1.0
    return precision, recall, len(pred_pairs), len(true_pairs)


def lsh_alone(texts: dict[int, str], threshold: float) -> list[list[int]]:
    """Clusters from datasketch's MinHashLSH alone (candidates taken as copies), union-find over them."""
    from datasketch import MinHashLSH

    from triage_app.core.library import near_dup_signing

    lsh = MinHashLSH(threshold=threshold, num_perm=near_dup_signing.NUM_PERM)
    parent = {d: d for d in texts}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    from datasketch import LeanMinHash, MinHash

    for doc_id, text in texts.items():
        grams = near_dup_signing.shingle_hashes(text)
        if len(grams) < near_dup_signing.MIN_SHINGLES:
            continue
        minhash = MinHash(num_perm=near_dup_signing.NUM_PERM, seed=1, hashfunc=lambda x: x)
        minhash.update_batch(grams.tolist())
        lean = LeanMinHash(minhash)
        for other in lsh.query(lean):
            parent[find(other)] = find(doc_id)
        lsh.insert(doc_id, lean)
    groups: dict[int, list[int]] = {}
    for d in texts:
        groups.setdefault(find(d), []).append(d)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def run_bench(source: Path, extra: list[Path], *, articles: int, copies: int, seed: int,
              thresholds: list[float], unrelated: int | None = None) -> dict[str, Any]:
    from triage_app.core import jobs
    from triage_app.core.library import Library, near_dup_clusters, near_dups

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rejected: set[str] = set()
        groups = build_set(
            source, extra, articles=articles, copies=copies, seed=seed, out=folder, unrelated=unrelated,
            rejected=rejected,
        )
        library = Library.memory()
        truth: dict[int, str] = {}
        for progress in jobs.import_documents(library, [folder], workers=jobs.default_workers()):
            outcome = progress.result
            if outcome is not None and outcome.doc_id is not None:
                truth[outcome.doc_id] = groups[Path(outcome.source).name]
    texts = {int(r[0]): r[1] or "" for r in library.db.execute("SELECT id, text FROM documents")}
    rows = []
    for threshold in thresholds:
        started = time.perf_counter()
        for _ in near_dups.cluster_all_job(library, threshold=threshold):
            pass
        ours_s = time.perf_counter() - started
        p, r, npred, ntrue = pairwise(near_dup_clusters.clusters(library.db), truth)
        started = time.perf_counter()
        lp, lr, lnpred, _ = pairwise(lsh_alone(texts, threshold), truth)
        lsh_s = time.perf_counter() - started
        rows.append({"threshold": threshold, "precision": p, "recall": r, "pairs": npred, "true_pairs": ntrue,
                     "seconds": ours_s, "lsh_precision": lp, "lsh_recall": lr, "lsh_pairs": lnpred, "lsh_seconds": lsh_s})
    library.close()
    return {"documents": len(truth), "articles": articles, "copies": copies, "seed": seed, "rows": rows,
            "rejected_hosts": len(rejected)}


def _run(args: argparse.Namespace) -> int:
    result = run_bench(Path(args.eval_dir), [Path(p) for p in args.extra], articles=args.articles,
                       copies=args.copies, seed=args.seed, thresholds=args.thresholds, unrelated=args.unrelated)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['documents']} documents; {result['articles']} articles x {result['copies']} copies "
          f"(seed {result['seed']}); true pairs {result['rows'][0]['true_pairs']}; "
          f"{result['rejected_hosts']} host(s) not used (their own article could not be taken out)")
    print("| threshold | Triage P | Triage R | pairs | s | MinHashLSH alone P | R | pairs | s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in result["rows"]:
        print(f"| {row['threshold']:.2f} | {row['precision']:.3f} | {row['recall']:.3f} | {row['pairs']} | "
              f"{row['seconds']:.2f} | {row['lsh_precision']:.3f} | {row['lsh_recall']:.3f} | {row['lsh_pairs']} | "
              f"{row['lsh_seconds']:.2f} |")
    return 0


def register(subparsers: Any) -> None:
    """Add the `copies` benchmark."""
    p = subparsers.add_parser("copies", help="pairwise precision/recall of near-duplicate clusters")
    p.add_argument("eval_dir", metavar="EVAL_DIR", help="folder with html/ and ground-truth.json (the articles)")
    p.add_argument("extra", nargs="*", metavar="MORE_DIR", help="more folders: hosts and unrelated pages")
    p.add_argument("--articles", type=int, default=40)
    p.add_argument("--copies", type=int, default=3)
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--thresholds", type=float, nargs="+", default=[0.3, 0.4, 0.5, 0.6])
    p.add_argument("--unrelated", type=int, default=None, help="at most this many pages of the other folders")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_run)
