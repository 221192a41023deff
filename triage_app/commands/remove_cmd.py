"""`remove`: take documents out of the library (audited; importing the file again brings it back).

Removing deletes for good what the analyst added too (decisions, tags, notes), so, as the window does, the command
asks first: it lists what would go and waits for "y" on a terminal, and without one (a script, a pipe) it removes
only with `--yes`."""

from __future__ import annotations

import argparse
from typing import Any

from sqlite_utils import Database

from triage_app.commands._context import CliContext, UsageError
from triage_app.core.library.removal import existing_ids, remove_documents
from triage_app.core.textsafe import escape_controls, one_line

LISTED = 10
"""Documents named one by one before the question; the rest are counted."""


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the `remove` subcommand."""
    p = subparsers.add_parser(
        "remove", parents=[common],
        help="remove documents from the library with all that is stored for them (the audit log keeps a line each); "
        "asks first, or --yes",
    )
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.add_argument("-y", "--yes", action="store_true", help="remove without asking (needed when no one can be asked)")
    p.set_defaults(run=cmd_remove)


def cmd_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.library() as library:
        missing = sorted(set(args.ids) - set(existing_ids(library.db, args.ids)))
        if missing:
            raise UsageError(f"no document #{missing[0]}: nothing was removed")
        if not args.yes and not _confirmed(ctx, library.db, sorted(set(args.ids))):
            ctx.error("triage-app remove: nothing was removed")
            return 1
        removed = remove_documents(library, args.ids, origin="cli")
    listed = ", ".join(f"#{doc_id}" for doc_id in removed)
    noun = "document" if len(removed) == 1 else "documents"
    return ctx.done(args.json, {"removed": removed}, f"removed {len(removed)} {noun}: {listed}")


def _confirmed(ctx: CliContext, db: Database, ids: list[int]) -> bool:
    """What would go, on stderr, and the analyst's "y" on a terminal; no terminal to ask: a usage error."""
    if not ctx.stdin.isatty():
        raise UsageError("removing deletes documents and what was added to them for good; pass --yes to remove "
                         "without being asked (nothing was removed)")
    noun = "document" if len(ids) == 1 else "documents"
    ctx.stderr.write(f"This removes {len(ids)} {noun} from the library, with their decisions, tags and notes:\n")
    for line in described(db, ids[:LISTED]):
        ctx.stderr.write(f"  {line}\n")
    if len(ids) > LISTED:
        ctx.stderr.write(f"  … and {len(ids) - LISTED} more\n")
    ctx.stderr.write("Remove them? [y/N] ")
    ctx.stderr.flush()
    return ctx.stdin.readline().strip().lower() in ("y", "yes")


def described(db: Database, ids: list[int]) -> list[str]:
    """'#12 "Title": relevant, starred, 2 tags, a note' for each of `ids` (a few: the ones named before the question)."""
    query = (
        "SELECT d.id, d.title, d.relevance, d.starred, d.note, (SELECT count(*) FROM tags t WHERE t.doc_id = d.id) "
        f"FROM documents d WHERE d.id IN ({','.join('?' * len(ids))})"
    )
    rows: dict[int, str] = {}
    for doc_id, title, relevance, starred, note, tags in db.execute(query, ids).fetchall():
        added = [relevance.replace("-", " ")] if relevance and relevance != "unreviewed" else []
        added += ["starred"] if starred else []
        added += [f"{tags} tag{'s' if tags != 1 else ''}"] if tags else []
        added += ["a note"] if (note or "").strip() else []
        shown = escape_controls(one_line(title or "(untitled)"))  # an imported file's title: on one line, controls shown
        rows[doc_id] = f'#{doc_id} "{shown}"' + (f": {', '.join(added)}" if added else "")
    return [rows[i] for i in ids if i in rows]
