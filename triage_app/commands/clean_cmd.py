"""`triage-app clean FILE... [--json]`: print the cleaned text of files without touching any library."""

from __future__ import annotations

import argparse
from typing import Any

from triage_app.commands._context import CliContext
from triage_app.core.clean import CLEAN_ENGINE, clean_document
from triage_app.core.errors import IngestError
from triage_app.core.ingest import iter_inputs


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the `clean` subcommand."""
    p = subparsers.add_parser(
        "clean",
        parents=[common],
        help="print the cleaned text of files (with --json: one object per file with metadata and blocks)",
    )
    p.add_argument("paths", nargs="+", metavar="FILE")
    p.add_argument("--removed", action="store_true", help="also list the removed blocks with their reasons")
    p.set_defaults(run=cmd_clean)


def cmd_clean(args: argparse.Namespace, ctx: CliContext) -> int:
    failed = 0
    first = True
    for item in iter_inputs(args.paths):
        if item.notice:  # what a folder walk passed over: not a file to clean
            continue
        if item.error or item.load is None:
            failed += 1
            ctx.error(f"{item.label}: {item.error or 'cannot be read'}")
            continue
        try:
            parsed = item.load()
        except IngestError as exc:
            failed += 1
            ctx.error(f"{item.label}: {exc}")
            continue
        result = clean_document(parsed)
        if args.json:
            data = result.to_dict()
            data = {
                "source": item.label,
                "engine": CLEAN_ENGINE,
                **{k: data[k] for k in ("title", "byline", "published", "site", "url", "language", "keywords", "text")},
                "charset": parsed.charset,
                "blocks": [
                    {k: b[k] for k in ("index", "kind", "text", "kept", "reason", "source", "template_key")} for b in data["blocks"]
                ],
            }
            ctx.print_json(data)
            continue
        if not first:
            ctx.print()
        first = False
        ctx.print(f"== {item.label}")
        for label, value in (
            ("Title", result.title), ("Author", result.byline), ("Published", result.published),
            ("Site", result.site), ("URL", result.url), ("Keywords", ", ".join(result.keywords)),
            ("Encoding", parsed.charset),
        ):
            if value:
                ctx.print(f"{label + ':':<11}{value}")
        ctx.print()
        ctx.print(result.text)
        if args.removed:
            ctx.print()
            for block in result.blocks:
                if not block.kept:
                    ctx.print(f"[removed: {block.reason}] {block.source} {block.text[:100]}")
    return 1 if failed else 0
