"""Copies and versions: `duplicates` lists near-duplicate clusters, `diff` shows what changed."""

from __future__ import annotations

import argparse
from typing import Any

from triage_app.commands._context import CliContext
from triage_app.core.library import near_dup_clusters, text_diff
from triage_app.core.paths import config_dir
from triage_app.core.settings import Settings


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the copies subcommands."""
    p = subparsers.add_parser("duplicates", parents=[common], help="list clusters of near-duplicate documents")
    p.add_argument(
        "--threshold", type=float, default=None,
        help="Jaccard similarity of word 3-grams (default: the duplicate_threshold setting)",
    )
    p.add_argument("--rebuild", action="store_true", help="cluster the whole library again from scratch")
    p.set_defaults(run=cmd_duplicates)

    p = subparsers.add_parser("diff", parents=[common], help="what changed between two documents (word level)")
    p.add_argument("left", type=int, metavar="ID1")
    p.add_argument("right", type=int, metavar="ID2")
    p.set_defaults(run=cmd_diff)


def _threshold(args: argparse.Namespace) -> float:
    if args.threshold is not None:
        return float(args.threshold)
    return float(Settings(config_dir() / "settings.json").get("duplicate_threshold"))


def cmd_duplicates(args: argparse.Namespace, ctx: CliContext) -> int:
    # Clustering loads datasketch, which loads SciPy (about half a second): only this command needs it.
    from triage_app.core.library import near_dups

    threshold = _threshold(args)
    with ctx.library() as library:
        job = near_dups.cluster_all_job if args.rebuild else near_dups.cluster_pending_job
        for _progress in job(library, threshold=threshold):
            pass
        found = near_dup_clusters.clusters(library.db)
        if args.json:
            ctx.print_json({"clusters": found})
            return 0
        for members in found:
            info = near_dup_clusters.cluster_info(library.db, members[0]) or {"sites": 0}
            titles = {
                int(r[0]): (r[1] or "(untitled)", r[2] or "")
                for r in library.db.execute(
                    f"SELECT id, title, site FROM documents WHERE id IN ({','.join('?' * len(members))})", members
                )
            }
            ctx.print(f"cluster of {len(members)} ({info['sites']} independent source(s)):")
            for doc_id in members:
                title, site = titles.get(doc_id, ("", ""))
                ctx.print(f"  {'*' if doc_id == members[0] else ' '} #{doc_id}  {site}  {title}")
        if not found:
            ctx.print("no near-duplicates")
    return 0


def cmd_diff(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.library() as library:
        diff = text_diff.diff_documents(library.db, args.left, args.right)
    if args.json:
        ctx.print_json(diff.to_json())
    else:
        ctx.print(text_diff.render_text(diff))
    return 0
