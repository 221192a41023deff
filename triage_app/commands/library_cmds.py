"""Library subcommands: import, list, show, search, mark, star, tag, note, reopen, log."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from triage_app.commands._context import CliContext, UsageError
from triage_app.core import jobs
from triage_app.core.language import language_name
from triage_app.core.library import Library, cleaning, document_filter, documents, query_syntax, search, triage
from triage_app.core.records import RELEVANCE_VALUES, ImportOutcome
from triage_app.core.textsafe import one_line


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the library subcommands."""
    p = subparsers.add_parser("import", parents=[common], help="import files, folders, zips and packets")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--strict", action="store_true", help="exit 1 if any file failed")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--no-reclean", action="store_true",
        help="do not re-clean the pages of sites that gained pages (their shared template may have changed)",
    )
    p.add_argument(
        "--workers", type=int, default=jobs.default_workers(), metavar="N",
        help="processes that clean pages in parallel (default: one per core, at most 4)",
    )
    p.set_defaults(run=cmd_import)

    p = subparsers.add_parser("list", parents=[common], help="list documents")
    p.add_argument("--relevance", choices=RELEVANCE_VALUES)
    p.add_argument("--tag")
    p.add_argument("--site")
    p.add_argument("--lang", metavar="LANGUAGE", help="a code (de), an English name (German) or 'unknown'")
    p.add_argument("--starred", action="store_true")
    p.add_argument("--sort", default="rank", choices=["rank", *document_filter.SORT_COLUMNS])
    p.add_argument("--desc", action="store_true")
    p.set_defaults(run=cmd_list)

    p = subparsers.add_parser("show", parents=[common], help="show one document")
    p.add_argument("id", type=int)
    p.add_argument("--blocks", action="store_true", help="also list the cleaner's blocks with kept/reason")
    p.set_defaults(run=cmd_show)

    p = subparsers.add_parser("search", parents=[common], help='full-text search: words, "phrases", prefix*, OR, -word, site:, relevance:, tag:')
    p.add_argument("query", nargs="+")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(run=cmd_search)

    p = subparsers.add_parser("mark", parents=[common], help="set relevance")
    p.add_argument("id", type=int)
    p.add_argument("relevance", metavar="RELEVANCE", help="relevant, maybe, not-relevant or unreviewed")
    p.set_defaults(run=cmd_mark)

    p = subparsers.add_parser("star", parents=[common], help="star a document (--off to unstar)")
    p.add_argument("id", type=int)
    p.add_argument("--off", action="store_true")
    p.set_defaults(run=cmd_star)

    p = subparsers.add_parser("tag", parents=[common], help="add tags (--remove to take them off)")
    p.add_argument("id", type=int)
    p.add_argument("tags", nargs="+", metavar="TAG")
    p.add_argument("--remove", action="store_true")
    p.set_defaults(run=cmd_tag)

    p = subparsers.add_parser("note", parents=[common], help="set the analyst's note")
    p.add_argument("id", type=int)
    p.add_argument("text", nargs="+")
    p.set_defaults(run=cmd_note)

    p = subparsers.add_parser(
        "reopen", parents=[common], help="decode a text or HTML document with another encoding and re-clean it (audited)"
    )
    p.add_argument("id", type=int)
    p.add_argument("encoding", metavar="ENCODING", help="e.g. cp1252, iso8859-2, cp1251, koi8-r, utf-8")
    p.set_defaults(run=cmd_reopen)

    p = subparsers.add_parser("log", parents=[common], help="show the audit log")
    p.add_argument("id", type=int, nargs="?")
    p.set_defaults(run=cmd_log)


class _Bar:
    """A one-line progress bar on a terminal's stderr."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()

    def show(self, done: int, total: int | None, message: str) -> None:
        if not self.enabled:
            return
        if total:
            filled = int(30 * done / total)
            line = f"[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} {one_line(message)[-40:]}"
        else:
            line = one_line(message)
        sys.stderr.write("\r" + line[:100].ljust(100))
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 100 + "\r")


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    outcomes: list[ImportOutcome] = []
    bar = _Bar(not args.quiet and not args.json)
    started = time.perf_counter()
    with ctx.library() as library:
        for progress in jobs.import_documents(library, args.paths, workers=args.workers):
            bar.show(progress.done, progress.total, progress.message)
            if isinstance(progress.result, ImportOutcome):
                outcomes.append(progress.result)
                if not args.json:
                    bar.close()
                    ctx.print(one_line(progress.result.describe()))
        recleaned = 0 if args.no_reclean else _reclean_sites(library, outcomes, bar)
    bar.close()
    elapsed = time.perf_counter() - started
    counts = jobs.summarise(outcomes)
    if args.json:
        ctx.print_json(
            {"results": [o.__dict__ for o in outcomes], "counts": counts, "recleaned": recleaned, "seconds": round(elapsed, 3)}
        )
    else:
        ctx.print(
            f"{counts['imported']} imported, {counts['duplicate']} duplicates, {counts['failed']} failed "
            f"in {elapsed:.1f} s" + (f"; {recleaned} pages re-cleaned with their site's template" if recleaned else "")
        )
    return 1 if args.strict and counts["failed"] else 0


def _reclean_sites(library: Library, outcomes: list[ImportOutcome], bar: _Bar) -> int:
    """Re-clean the pages of sites that gained pages: their shared template may have changed."""
    new_ids = [o.doc_id for o in outcomes if o.status == "imported" and o.doc_id is not None]
    recleaned = 0
    for site in cleaning.sites_to_reclean(library, new_ids):
        for progress in cleaning.reclean_site_job(library, site):
            bar.show(progress.done, progress.total, f"re-cleaning {site}")
        recleaned += int(library.db.execute("SELECT count(*) FROM documents WHERE site = ?", [site]).fetchone()[0])
    return recleaned


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    flt = document_filter.DocumentFilter(
        relevance=args.relevance, tag=args.tag, site=args.site, starred=True if args.starred else None
    )
    if args.lang:
        for message in query_syntax.query_messages(f'lang:"{args.lang}"'):
            raise UsageError(message)
        flt.query = f'lang:"{args.lang}"'
    with ctx.library() as library:
        ids = document_filter.find_ids(library.db, flt, sort=args.sort, descending=args.desc)
        rows = search.fetch_rows(library.db, ids)
    ordered = [rows[i] for i in ids]
    if args.json:
        keys = ("id", "title", "site", "relevance", "starred", "published", "language", "tags")
        ctx.print_json([{k: r[k] for k in keys} for r in ordered])
        return 0
    for r in ordered:
        star = "*" if r["starred"] else " "
        ctx.print(f"#{r['id']:<6}{star} {r['relevance']:<13} {one_line(r['site'] or '-')[:18]:<18} {one_line(r['title'] or '')}")
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.library() as library:
        doc = documents.get_document(library.db, args.id)
        blocks = documents.get_blocks(library.db, args.id) if args.blocks else []
    if args.json:
        if args.blocks:
            doc["blocks"] = [b.to_dict() for b in blocks]
        ctx.print_json(doc)
        return 0
    ctx.print(f"#{doc['id']} {one_line(doc['title'] or '')}")
    for label, key in (
        ("Site", "site"), ("Author", "author"), ("Published", "published"), ("URL", "url"),
        ("Captured", "captured_at"), ("Imported", "imported_at"), ("Source", "source_path"),
        ("Format", "format"), ("Charset", "charset"), ("SHA-256", "sha256"), ("Relevance", "relevance"),
    ):
        if doc.get(key):
            ctx.print(f"{label + ':':<11}{one_line(str(doc[key]))}")
    if doc.get("language"):
        ctx.print(f"{'Language:':<11}{language_name(doc['language'])} ({doc['language']}, {doc.get('language_confidence') or 0:.2f})")
    ctx.print(f"{'Starred:':<11}{'yes' if doc['starred'] else 'no'}")
    if doc["tags"]:
        ctx.print(f"{'Tags:':<11}{one_line(', '.join(doc['tags']))}")
    if doc["note"]:
        ctx.print(f"{'Note:':<11}{doc['note']}")
    ctx.print()
    ctx.print(doc["text"])
    for b in blocks:
        state = "kept" if b.kept else f"removed ({b.reason})"
        ctx.print(one_line(f"[{b.index}] {b.source} {state}: {b.text[:80]}"))
    return 0


def cmd_search(args: argparse.Namespace, ctx: CliContext) -> int:
    query = " ".join(args.query)
    for message in query_syntax.query_messages(query):
        if message.startswith("relevance:"):
            raise UsageError(message)
        ctx.error(f"triage-app search: note: {message}")  # the query was bounded, or a value means nothing
    with ctx.library() as library:
        hits = search.search(library.db, query, limit=args.limit)
    if args.json:
        ctx.print_json([{k: h[k] for k in ("id", "title", "site", "relevance", "snippet")} for h in hits])
        return 0
    if not hits:
        ctx.print("No documents match.")
    for h in hits:
        ctx.print(f"#{h['id']} {one_line(h['title'] or '')}  ({one_line(h['site'] or '-')})")
        if h["snippet"]:
            ctx.print("    " + " ".join(h["snippet"].split()))
    return 0


def _relevance_arg(value: str) -> str:
    try:
        return triage.normalise_relevance(value)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


def cmd_mark(args: argparse.Namespace, ctx: CliContext) -> int:
    relevance = _relevance_arg(args.relevance)
    with ctx.library() as library:
        old = triage.set_relevance(library, args.id, relevance, origin="cli")
    return _done(ctx, args, {"id": args.id, "relevance": relevance, "previous": old}, f"#{args.id}: {old} -> {relevance}")


def cmd_star(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.library() as library:
        triage.set_starred(library, args.id, not args.off, origin="cli")
    state = "unstarred" if args.off else "starred"
    return _done(ctx, args, {"id": args.id, "starred": not args.off}, f"#{args.id}: {state}")


def cmd_tag(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.library() as library:
        if args.remove:
            tags = triage.remove_tags(library, args.id, args.tags, origin="cli")
        else:
            tags = triage.add_tags(library, args.id, args.tags, origin="cli")
    return _done(ctx, args, {"id": args.id, "tags": tags}, f"#{args.id}: tags {', '.join(tags) or '(none)'}")


def cmd_note(args: argparse.Namespace, ctx: CliContext) -> int:
    text = " ".join(args.text)
    with ctx.library() as library:
        triage.set_note(library, args.id, text, origin="cli")
    return _done(ctx, args, {"id": args.id, "note": text}, f"#{args.id}: note saved")


def cmd_reopen(args: argparse.Namespace, ctx: CliContext) -> int:
    from triage_app.core.library.encoding import reopen_with_encoding

    with ctx.library() as library:
        try:
            result = reopen_with_encoding(library, args.id, args.encoding, origin="cli")
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
        charset = documents.get_document(library.db, args.id)["charset"]
    return _done(
        ctx, args, {"id": args.id, "charset": charset, "title": result.title},
        f"#{args.id}: re-opened as {charset} and re-cleaned ({result.title or ''})",
    )


def cmd_log(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.library() as library:
        rows = triage.audit_log(library.db, args.id)
    if args.json:
        ctx.print_json(rows)
        return 0
    for r in rows:
        origin = r.get("origin") or "user"
        mark = "" if origin == "user" else " (from packet)" if origin == "packet" else f" ({origin})"
        if r["field"] == "removed":  # what the library kept of it: title, file, hash
            change = f"{r['old'] or ''!s}"
        elif r["field"] == "restored":
            change = "brought back by an undo"
        else:
            change = f"{r['old'] or ''!s} -> {r['new'] or ''!s}"
        ctx.print(one_line(f"{r['at']} {r['user']} #{r['doc_id']} {r['field']}: {change}{mark}"))
    return 0


def _done(ctx: CliContext, args: argparse.Namespace, data: dict[str, Any], text: str) -> int:
    return ctx.done(args.json, data, text)
