"""Prioritised review from the command line: rank the unreviewed, draw an elusion sample, print the estimate."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from triage_app.commands._context import CliContext, UsageError
from triage_app.core.library import search
from triage_app.core.review import estimate as est

if TYPE_CHECKING:
    from triage_app.core.review.session import ReviewSession


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add `rank` and `estimate`."""
    p = subparsers.add_parser("rank", parents=[common], help="unreviewed documents, most likely relevant first")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="how many to list (default 20)")
    p.add_argument("--query", default="", help='what you are looking for: ranks before any "relevant" decision')
    p.set_defaults(run=cmd_rank)

    p = subparsers.add_parser(
        "estimate", parents=[common], help="relevant documents left among the unreviewed, from the elusion sample"
    )
    p.add_argument("--draw", action="store_true", help="draw a new elusion sample (replaces the last one) and list it")
    p.add_argument("--size", type=int, default=est.DEFAULT_SAMPLE, metavar="N", help="sample size for --draw")
    p.add_argument("--query", default="", help="what you are looking for (used to stratify the sample)")
    p.set_defaults(run=cmd_estimate)


def _session(ctx: CliContext, query: str) -> tuple[ReviewSession, Any]:
    # The session's model needs scikit-learn and SciPy: loaded by the commands that rank, not by every command.
    from triage_app.core.review.session import ReviewSession, review_round

    session = ReviewSession()
    with ctx.library() as library:
        state = None
        for progress in review_round(session, library.db, query):
            state = progress.result if progress.result is not None else state
    return session, state


def cmd_rank(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    session, _state = _session(ctx, args.query)
    if session.ranking is None:
        message = 'no ranking yet: mark a document "relevant" or give --query'
        if args.json:
            ctx.print_json({"ranking": False, "message": message, "documents": []})
        else:
            ctx.stderr.write(message + "\n")
        return 1
    from triage_app.core.review.session import labels

    with ctx.library() as library:
        decisions = labels(library.db)
        ranked = session.ranked_unreviewed(decisions)[: args.limit]
        scores = session.ranking.score_map()
        rows = search.fetch_rows(library.db, ranked)
        out: list[dict[str, Any]] = []
        for doc_id in ranked:
            row = rows.get(doc_id, {})
            why = [term for term, _share in session.explain(library.db, doc_id, 5)]
            out.append({"id": doc_id, "score": round(scores[doc_id], 4), "title": row.get("title") or "", "site": row.get("site") or "", "why": why})
    if args.json:
        ctx.print_json({"ranking": True, "documents": out})
        return 0
    for item in out:
        why_text = ", ".join(item["why"])
        ctx.print(f"{item['id']:>6}  {item['score']:.3f}  {str(item['title'])[:70]}  [{why_text}]")
    return 0


def cmd_estimate(args: argparse.Namespace, ctx: CliContext) -> int:
    from triage_app.core.review.session import ReviewSession, labels, load_sample, save_sample

    if args.draw:
        if args.size < 1:
            raise UsageError("--size must be at least 1")
        session, _ = _session(ctx, args.query)
        with ctx.library() as library:
            drawn = session.draw_sample(library.db, args.size)
            with library.transaction() as db:
                save_sample(db, drawn)
        if args.json:
            ctx.print_json({"sample": drawn.ids})
        else:
            ctx.print(f"Drew {len(drawn.ids)} documents to review (in this order); then run `triage-app estimate`:")
            ctx.print(" ".join(str(d) for d in drawn.ids))
        return 0
    session = ReviewSession()
    with ctx.library() as library:
        state = session.state(library.db)
        sample = load_sample(library.db)
        decisions = labels(library.db)
    result: dict[str, Any] = {
        "unreviewed": state.unreviewed,
        "found": sum(1 for v in decisions.values() if v in ("relevant", "maybe")),
        "sample_size": len(sample.ids) if sample else 0,
        "sample_left": state.sample_left,
        "sample_needed": state.sample_needed,
        "estimate": None,
    }
    if state.estimate is not None:
        e = state.estimate
        result["estimate"] = {"left": round(e.left, 1), "low": e.low, "high": e.high, "recall": round(e.recall, 4), "text": e.describe()}
    if args.json:
        ctx.print_json(result)
        return 0
    if state.estimate is not None:
        ctx.print(state.estimate.describe().capitalize())
        if state.sample_needed:
            ctx.print("The sample is old (much reviewed or imported since): draw a new one with `triage-app estimate --draw`.")
    elif state.sample_left:
        ctx.print(f"Review the {state.sample_left} sampled documents still unreviewed (`triage-app estimate --draw` lists a new sample).")
    else:
        ctx.print("No elusion sample yet: draw one with `triage-app estimate --draw`, review it, then run this again.")
    return 0
