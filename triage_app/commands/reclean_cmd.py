"""`reclean`: bring the library's cleaned text up to this version of the cleaner (or re-clean chosen documents)."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from triage_app.commands._context import CliContext, UsageError
from triage_app.core import jobs
from triage_app.core.clean import CLEAN_ENGINE
from triage_app.core.library import upgrade


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the `reclean` subcommand."""
    p = subparsers.add_parser(
        "reclean", parents=[common],
        help="re-clean the documents an earlier version of the cleaner made (audited), or the given ones",
    )
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="re-clean these documents (default: those an earlier version cleaned)")
    p.add_argument("--dry-run", action="store_true", help="only say how many documents an earlier version cleaned")
    p.set_defaults(run=cmd_reclean)


def cmd_reclean(args: argparse.Namespace, ctx: CliContext) -> int:
    started = time.perf_counter()
    with ctx.library() as library:
        older = upgrade.cleaned_by_older_engine(library.db)
        if args.dry_run:
            return ctx.done(args.json, {"older": len(older), "engine": CLEAN_ENGINE, "recleaned": 0},
                            f"{_documents(len(older))} cleaned by an earlier version than {CLEAN_ENGINE}")
        known = {int(r[0]) for r in library.db.execute("SELECT id FROM documents")}
        missing = [i for i in args.ids if i not in known]
        if missing:
            raise UsageError(f"no document #{missing[0]}")
        ids = args.ids or older
        done = 0
        try:
            for progress in upgrade.reclean_pooled(library, ids, workers=jobs.default_workers(),
                                                   audit_origin=upgrade.UPGRADE if not args.ids else "cli"):
                done = progress.done
                if not args.json and progress.result is not None and sys.stderr.isatty():
                    sys.stderr.write(f"\r{progress.done}/{progress.total} {progress.message}".ljust(60)[:60])
        except KeyboardInterrupt:  # every document is its own transaction: those done stay done
            ctx.error(f"stopped after {done} of {len(ids)} documents; run it again for the rest")
            return 130
        if sys.stderr.isatty() and not args.json:
            sys.stderr.write("\r" + " " * 60 + "\r")
    elapsed = time.perf_counter() - started
    data = {"older": len(older), "engine": CLEAN_ENGINE, "recleaned": done, "seconds": round(elapsed, 3)}
    return ctx.done(args.json, data, f"{_documents(done)} re-cleaned with {CLEAN_ENGINE} in {elapsed:.1f} s")


def _documents(count: int) -> str:
    return f"{count} document{'s' if count != 1 else ''}"
