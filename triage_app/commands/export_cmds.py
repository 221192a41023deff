"""Packet subcommands: export (build a briefing packet) and verify (check one against its manifest)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from triage_app.commands._context import CliContext, UsageError
from triage_app.core.export import data
from triage_app.core.export.builder import PacketResult, build_packet
from triage_app.core.export.verify import verify_packet
from triage_app.core.library import annotations as annotation_store
from triage_app.core.library import document_filter, triage
from triage_app.core.library.db import Library


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add `export` and `verify`."""
    p = subparsers.add_parser("export", parents=[common], help="export a briefing packet (.zip)")
    p.add_argument("--out", required=True, metavar="FILE.zip", help="the packet to write")
    p.add_argument("--title", default="Briefing packet")
    p.add_argument("--analyst", default="")
    p.add_argument("--caveat", default="", help="a handling caveat shown on the title page")
    p.add_argument("--relevance", help="only documents with this relevance")
    p.add_argument("--tag", help="only documents with this tag")
    p.add_argument("--starred", action="store_true", help="only starred documents")
    p.add_argument("--query", default="", help="only documents matching this search (same syntax as `search`)")
    p.add_argument("--ids", help="exactly these documents: 1,2,3")
    p.add_argument("--no-originals", action="store_true", help="leave out the original files")
    p.add_argument("--no-pdf", action="store_true", help="skip briefing.pdf (no Qt needed)")
    p.add_argument("--annotate", action="store_true",
                   help="first find the entities and quotes of selected documents not annotated yet (loads spaCy)")
    p.set_defaults(run=cmd_export)

    p = subparsers.add_parser("verify", parents=[common], help="check a packet's files against its manifest")
    p.add_argument("packet", metavar="FILE.zip", help="a packet .zip or its unpacked folder")
    p.set_defaults(run=cmd_verify)


def _selection(args: argparse.Namespace) -> document_filter.DocumentFilter | list[int]:
    if args.ids:
        if args.relevance or args.tag or args.query or args.starred:
            raise UsageError("--ids cannot be combined with --relevance, --tag, --starred or --query")
        try:
            return [int(part) for part in args.ids.replace(" ", "").split(",") if part]
        except ValueError as exc:
            raise UsageError(f"--ids takes numbers separated by commas, not {args.ids!r}") from exc
    relevance = None
    if args.relevance:
        try:
            relevance = triage.normalise_relevance(args.relevance)
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
    return document_filter.DocumentFilter(query=args.query or "", relevance=relevance, tag=args.tag,
                                 starred=True if args.starred else None)


def _annotate_missing(library: Library, selection: data.Selection, args: argparse.Namespace, ctx: CliContext) -> None:
    """Annotate the selected documents the engine has not annotated (with --annotate), or say they are bare."""
    from triage_app.core.nlp import get_engine

    try:
        ids = data.resolve_ids(library.db, selection)
    except KeyError:
        return  # build_packet names the missing ids
    engine = get_engine()
    missing = annotation_store.pending_ids(library.db, engine.name, ids)
    if not missing:
        return
    count = f"{len(missing)} of {len(ids)} selected document{'s' if len(ids) != 1 else ''}"
    if not args.annotate:
        ctx.stderr.write(f"triage-app export: {count} not annotated yet: their pages will show no entities or "
                         "quotes (add --annotate to find them first)\n")
        return
    ctx.stderr.write(f"triage-app export: annotating {count} first\n")
    for progress in annotation_store.annotate_documents(library, missing, engine=engine):
        if not args.json:
            ctx.stderr.write(f"\r{progress.done}/{progress.total} {progress.message[:60]}".ljust(80))
            ctx.stderr.flush()
    if not args.json:
        ctx.stderr.write("\n")


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    out = Path(args.out)
    if out.suffix.lower() != ".zip":
        raise UsageError("--out must name a .zip file")
    selection = _selection(args)
    renderer = None
    qt_app: object = None  # held until the packet is written: the PDF's text layout needs it
    if not args.no_pdf:
        try:
            from triage_app.qt_print import offscreen_application, render_pdf
        except ImportError as exc:  # a headless install without Qt: the packet is still complete otherwise
            ctx.stderr.write(f"triage-app export: no briefing.pdf, Qt is not available ({exc})\n")
        else:
            qt_app = offscreen_application()
            renderer = render_pdf
    result: PacketResult | None = None
    with ctx.library() as library:
        if not isinstance(selection, list) and document_filter.count_matching(library.db, selection)["matching"] == 0:
            ctx.stderr.write("triage-app export: no document matches the selection\n")
            return 1
        _annotate_missing(library, selection, args, ctx)
        for progress in build_packet(
            library, selection, out, title=args.title, analyst=args.analyst, caveat=args.caveat,
            include_originals=not args.no_originals, render_pdf=renderer,
        ):
            if isinstance(progress.result, PacketResult):
                result = progress.result
    del qt_app
    if result is None:
        return 1
    if args.json:
        ctx.print_json({"path": str(result.path), "folder": result.folder, "documents": result.documents,
                        "files": len(result.files) + 2, "bytes": result.size, "fingerprint": result.fingerprint})
    else:
        ctx.print(f"Exported {result.documents} document{'s' if result.documents != 1 else ''} to {result.path} ({len(result.files) + 2} files, "
                  f"{result.size / 1024:.0f} KiB)")
        ctx.print(f"Fingerprint (SHA-256 of its SHA256SUMS; send it separately): {result.fingerprint}")
    return 0


def cmd_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    path = Path(args.packet)
    if not path.exists():
        raise UsageError(f"no such file or folder: {path}")
    report = verify_packet(path)
    if args.json:
        ctx.print_json(report.to_dict())
    else:
        for line in report.lines():
            ctx.print(line)
    return 0 if report.ok else 1
