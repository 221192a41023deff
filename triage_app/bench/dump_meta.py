"""`python -m triage_app.bench dump-meta`: a dump's title, byline and site against its page's, per set.

No set labels the title, byline and site of every page; `bench/meta_gold` labels 230 pages, of which only
aeb-dev's have a browser dump. This bench measures the dumps of every set against a proxy instead: what
Triage reads from the same page's HTML (titles 121 of 129 right on meta_gold's dev part, `bench meta`).
A dump's field agrees when both are set and one, folded to letters and digits, holds the other; "dump
none" counts dumps where only the page has it. The figures show where dump metadata goes wrong on pages
no rule was written against; they are not accuracy (the proxy is itself wrong on some pages).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from triage_app.bench._clean_score import DEFAULT_ROOT, load_pages, page_ids, pick_sets

FIELDS = ("title", "byline", "site")
"""Fields of a `CleanResult` compared."""


def agreement(dump_value: str | None, page_value: str | None) -> str:
    """"agree", "differ", "dump none", "page none" or "both none" for one field of one page."""
    from triage_app.core.clean.site_names import _fold

    dump, page = _fold(dump_value or ""), _fold(page_value or "")
    if not dump and not page:
        return "both none"
    if not dump:
        return "dump none"
    if not page:
        return "page none"
    return "agree" if dump == page or dump in page or page in dump else "differ"


def run(root: Path, names: list[str], dumps: Path | None = None, limit: int = 0) -> dict[str, dict[str, Counter[str]]]:
    """Per set and field, how the dumps' values compare with their pages' (`agreement`)."""
    from triage_app.core.clean import clean_document
    from triage_app.core.records import ParsedDocument

    result: dict[str, dict[str, Counter[str]]] = {}
    for name, folder in pick_sets(root, names).items():
        counts: dict[str, Counter[str]] = {field: Counter() for field in FIELDS}
        for page in load_pages(folder, page_ids(folder, limit), dumps):
            if page.dump is None:
                continue
            from_dump = clean_document(ParsedDocument(f"{page.page_id}.txt", b"", "text", "utf-8", text=page.dump))
            from_page = clean_document(ParsedDocument(f"{page.page_id}.html", b"", "html", "utf-8", html=page.html))
            for field in FIELDS:
                counts[field][agreement(getattr(from_dump, field), getattr(from_page, field))] += 1
        if sum(counts["title"].values()):
            result[name] = counts
    return result


def table(result: dict[str, dict[str, Counter[str]]]) -> str:
    """A Markdown table: per set and field, dumps that agree with their page, of n, and the other counts."""
    lines = ["| set | field | n | agree | differ | dump none | page none | both none |", "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, counts in result.items():
        for field in FIELDS:
            c = counts[field]
            lines.append(f"| {name} | {field} | {sum(c.values())} | **{c['agree']}** | {c['differ']} | {c['dump none']} "
                         f"| {c['page none']} | {c['both none']} |")
    return "\n".join(lines)


def _run(args: Any) -> int:
    result = run(Path(args.root), args.sets, Path(args.dumps) if args.dumps else None, args.limit)
    if args.json:
        print(json.dumps({name: {f: dict(c) for f, c in counts.items()} for name, counts in result.items()}, indent=2))
    else:
        print(table(result))
    return 0


def register(subparsers: Any) -> None:
    """Add the `dump-meta` benchmark."""
    p = subparsers.add_parser("dump-meta", help="title, byline and site read from text dumps against those read from their pages")
    p.add_argument("sets", nargs="*", metavar="SET", help="set names below --root; default all")
    p.add_argument("--root", default=str(DEFAULT_ROOT), help="folder holding the page sets (default ../shared/eval)")
    p.add_argument("--dumps", metavar="DIR", help="dumps in DIR/<set>/<id>.txt (`make-dumps`), else each set's dumps/")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="a seeded sample of N pages per set")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(run=_run)
