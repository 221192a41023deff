"""NLP subcommands: annotate files, annotate a library, and list entities and quotes library-wide."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from triage_app.commands._context import CliContext, UsageError
from triage_app.core.records import SHOWN_ENTITY_LABELS, Annotation
from triage_app.core.textsafe import one_line


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the NLP subcommands."""
    p = subparsers.add_parser("annotate", parents=[common], help="print entities and quotes of files (no library)")
    p.add_argument("paths", nargs="+", metavar="FILE")
    p.add_argument("--plain", action="store_true", help="the files are already clean text: skip cleaning")
    p.add_argument("--all", action="store_true", help="also entity types hidden by default (CARDINAL, LAW ...)")
    p.set_defaults(run=cmd_annotate)

    p = subparsers.add_parser("annotate-library", parents=[common], help="annotate the library's pending documents")
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="only these documents")
    p.add_argument("--quiet", action="store_true", help="no progress line")
    p.set_defaults(run=cmd_annotate_library)

    p = subparsers.add_parser("entities", parents=[common], help="list entities across the library")
    p.add_argument("--label", help="PERSON, ORG, PLACE, DATE, NORP, MONEY or another label")
    p.add_argument("--query", help="part of the name")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--all", action="store_true", help="all labels, not only the shown ones")
    p.add_argument("--doc", type=int, metavar="ID", help="only the entities of this document")
    p.set_defaults(run=cmd_entities)

    p = subparsers.add_parser("quotes", parents=[common], help="who said what, across the library")
    p.add_argument("--entity", type=int, metavar="ID", help="only quotes by this entity")
    p.add_argument("--doc", type=int, metavar="ID", help="only quotes of this document")
    p.add_argument("--kind", choices=["direct", "partial", "indirect"])
    p.add_argument("--query", help="text in the quote or the speaker")
    p.add_argument("--limit", type=int, default=200)
    p.set_defaults(run=cmd_quotes)


def _read_text(item: Any, plain: bool) -> tuple[str, str | None]:
    """The (cleaned) text of one input, or an error message (the language is detected later, from the text)."""
    from triage_app.core.errors import IngestError

    if item.error or item.load is None:
        return "", item.error or "cannot be read"
    try:
        parsed = item.load()
    except IngestError as exc:
        return "", str(exc)
    if plain:
        return parsed.text if parsed.text is not None else parsed.body_source, None
    from triage_app.core.clean import clean_document

    return clean_document(parsed).text, None


def annotation_json(
    path: str, text: str, annotation: Annotation, *, all_labels: bool, language: str | None = None
) -> dict[str, Any]:
    """The `--json` object of one file; `model` is null when no model of the text's language ran."""
    from triage_app.core.nlp.gating import model_of

    return {
        "path": path,
        "text": text,
        "language": language,
        "model": model_of(annotation.engine),
        "entities": [
            {"start": e.start, "end": e.end, "text": e.text, "label": e.label, "canonical": e.canonical}
            for e in annotation.entities
            if all_labels or e.label in SHOWN_ENTITY_LABELS
        ],
        "quotes": [
            {
                "start": q.start, "end": q.end, "text": q.text, "kind": q.kind, "cue": q.cue, "speaker": q.speaker,
                "speaker_start": q.speaker_start, "speaker_end": q.speaker_end, "speaker_canonical": q.speaker_canonical,
            }
            for q in annotation.quotes
        ],
    }


def cmd_annotate(args: argparse.Namespace, ctx: CliContext) -> int:
    from triage_app.core.ingest import iter_inputs
    from triage_app.core.language import detect_language, language_name
    from triage_app.core.nlp import get_engine
    from triage_app.core.nlp.gating import annotate_gated, runs_on, unavailable_message

    engine = get_engine()
    failed = 0
    for item in iter_inputs(args.paths):
        if item.notice:  # what a folder walk passed over: not a file to annotate
            continue
        text, error = _read_text(item, args.plain)
        if error is not None:
            ctx.error(f"triage-app annotate: {item.label}: {error}")
            failed += 1
            continue
        language = detect_language(text).code
        annotation = annotate_gated(engine, [text], [language])[0]
        data = annotation_json(item.label, text, annotation, all_labels=args.all, language=language)
        if args.json:
            ctx.print_json(data)
            continue
        ctx.print(f"== {item.label} ({annotation.engine}; language: {language_name(language)})")
        if not runs_on(engine, language):
            ctx.print(unavailable_message(language))
        ctx.print("Entities:")
        for e in data["entities"]:
            alias = f" -> {e['canonical']}" if e["canonical"] != e["text"] else ""
            ctx.print(f"  {e['start']:>6}-{e['end']:<6} {e['label']:<8} {e['text']}{alias}")
        ctx.print("Quotes:")
        for q in data["quotes"]:
            who = q["speaker"] or "?"
            if q["speaker_canonical"] and q["speaker_canonical"] != who:
                who += f" [{q['speaker_canonical']}]"
            ctx.print(f"  {q['start']:>6}-{q['end']:<6} {q['kind']:<8} {who} ({q['cue'] or '-'}): {_short(q['text'])}")
    return 1 if failed else 0


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def cmd_annotate_library(args: argparse.Namespace, ctx: CliContext) -> int:
    from triage_app.core.library import annotations

    show = not args.quiet and not args.json and sys.stderr.isatty()
    done = 0
    with ctx.library() as library:
        for progress in annotations.annotate_documents(library, args.ids or None):
            done = progress.done
            if show:
                ctx.stderr.write(f"\r{progress.done}/{progress.total or 0} {one_line(progress.message)[:60]}".ljust(80))
                ctx.stderr.flush()
    if show:
        ctx.stderr.write("\n")
    if args.json:
        ctx.print_json({"annotated": done})
    else:
        ctx.print(f"{done} document{'s' if done != 1 else ''} annotated")
    return 0


def cmd_entities(args: argparse.Namespace, ctx: CliContext) -> int:
    from triage_app.core.library import annotation_queries

    with ctx.library() as library:
        if args.doc is not None:
            rows = annotation_queries.entity_summary(library.db, args.doc)
            rows = [r for r in rows if args.all or r["label"] in SHOWN_ENTITY_LABELS]
            if args.label:
                rows = [r for r in rows if r["label"] == args.label]
        else:
            rows = annotation_queries.list_entities(
                library.db, label=args.label, query=args.query, limit=args.limit, all_labels=args.all
            )
    if args.json:
        ctx.print_json(rows)
        return 0
    if not rows:
        ctx.print("No entities (annotate the library first: triage-app annotate-library).")
    for r in rows:
        counts = f"{r['count']}x" if "count" in r else f"{r['doc_count']} docs, {r['mention_count']}x"
        hidden = " (hidden)" if r["hidden"] else ""
        ctx.print(f"#{r['entity_id']:<6} {r['label']:<8} {r['canonical']}  [{counts}]{hidden}")
    return 0


def cmd_quotes(args: argparse.Namespace, ctx: CliContext) -> int:
    from triage_app.core.library import annotation_queries

    if args.limit is not None and args.limit <= 0:
        raise UsageError("--limit must be positive")
    with ctx.library() as library:
        rows = annotation_queries.list_quotes(
            library.db, entity_id=args.entity, doc_id=args.doc, kind=args.kind, query=args.query, limit=args.limit
        )
    if args.json:
        ctx.print_json(rows)
        return 0
    if not rows:
        ctx.print("No quotes (annotate the library first: triage-app annotate-library).")
    for r in rows:
        who = r["speaker_canonical"] or r["speaker"] or "?"
        ctx.print(f"#{r['doc_id']:<5} {r['kind']:<8} {who}: {_short(r['text'])}")
        others = ", ".join(f"{o['speaker']} (#{o['doc_id']})" for o in r["also_attributed_to"])
        if others:
            ctx.print(f"       ! the same words are attributed to {others}")
    return 0
