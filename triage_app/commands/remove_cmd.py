"""`remove`: take documents out of the library (audited; importing the file again brings it back)."""

from __future__ import annotations

import argparse
from typing import Any

from triage_app.commands._context import CliContext, UsageError
from triage_app.core.library.removal import existing_ids, remove_documents


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the `remove` subcommand."""
    p = subparsers.add_parser(
        "remove", parents=[common],
        help="remove documents from the library with all that is stored for them (the audit log keeps a line each)",
    )
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.set_defaults(run=cmd_remove)


def cmd_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.library() as library:
        missing = sorted(set(args.ids) - set(existing_ids(library.db, args.ids)))
        if missing:
            raise UsageError(f"no document #{missing[0]}: nothing was removed")
        removed = remove_documents(library, args.ids, origin="cli")
    listed = ", ".join(f"#{doc_id}" for doc_id in removed)
    noun = "document" if len(removed) == 1 else "documents"
    return ctx.done(args.json, {"removed": removed}, f"removed {len(removed)} {noun}: {listed}")
