"""`python -m triage_app.bench clean-same record|compare FILE [SET ...]`: the cleaner's output, unchanged.

A speed change to the cleaner must not change what it makes. `record` runs `clean_document` over every
page of the picked sets (HTML, and the text dump where a set has one, as is and hard-wrapped at 72)
and writes each result (blocks with kind, text, kept, reason, source, template key; title, byline,
date, site, URL, language with its confidence, keywords) as one JSON line; `compare` runs the cleaner
again and reports every page whose JSON differs, with the first field that does. `--option fast=false`
overrides one of the options the cleaner passes to trafilatura for the run, so both option sets can be
checked. Exit status 1 when any page differs.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from triage_app.bench._clean_score import DEFAULT_ROOT, load_pages, page_ids, pick_sets


def _value(text: str) -> Any:
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    try:
        return int(text)
    except ValueError:
        return text


def results(root: Path, names: list[str], limit: int = 0) -> Iterator[tuple[str, str]]:
    """(key, JSON of the clean result) for every page and dump of the picked sets, in a fixed order."""
    from triage_app.bench.clean import hard_wrap
    from triage_app.core.clean import clean_document
    from triage_app.core.records import ParsedDocument

    for name, folder in pick_sets(root, names).items():
        for page in load_pages(folder, page_ids(folder, limit)):
            docs = [("html", ParsedDocument(page.page_id, b"", "html", "utf-8", html=page.html))]
            if page.dump is not None:
                docs.append(("dump", ParsedDocument(page.page_id, b"", "text", "utf-8", text=page.dump)))
                docs.append(("wrapped", ParsedDocument(page.page_id, b"", "text", "utf-8", text=hard_wrap(page.dump))))
            for mode, doc in docs:
                data = clean_document(doc).to_dict()
                yield f"{name}/{page.page_id}/{mode}", json.dumps(data, ensure_ascii=False, sort_keys=True)


def first_difference(old: Any, new: Any, where: str = "") -> str:
    """Where two JSON values first differ ("blocks[12].reason: 'x' != 'y'")."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                return first_difference(old.get(key), new.get(key), f"{where}.{key}" if where else key)
    if isinstance(old, list) and isinstance(new, list):
        for i, (a, b) in enumerate(zip(old, new)):
            if a != b:
                return first_difference(a, b, f"{where}[{i}]")
        if len(old) != len(new):
            return f"{where}: {len(old)} items != {len(new)}"
    return f"{where}: {str(old)[:80]!r} != {str(new)[:80]!r}"


def _run(args: argparse.Namespace) -> int:
    from triage_app.core.clean.html_prepare import TRAFILATURA_OPTIONS

    for option in args.option or []:
        key, _, text = option.partition("=")
        TRAFILATURA_OPTIONS[key] = _value(text)
    path = Path(args.file)
    produced = results(Path(args.root), args.sets, args.limit)
    if args.action == "record":
        count = 0
        with gzip.open(path, "wt", encoding="utf-8") as out:
            for key, text in produced:
                out.write(json.dumps([key, text], ensure_ascii=False) + "\n")
                count += 1
        print(f"recorded {count} results in {path}")
        return 0
    with gzip.open(path, "rt", encoding="utf-8") as recorded:
        before = dict(json.loads(line) for line in recorded)
    checked = differing = 0
    for key, text in produced:
        checked += 1
        if key not in before:
            print(f"{key}: not recorded")
            differing += 1
        elif before[key] != text:
            differing += 1
            print(f"{key}: {first_difference(json.loads(before[key]), json.loads(text))}")
    print(f"{checked} results compared, {differing} differ")
    return 1 if differing or not checked else 0


def register(subparsers: Any) -> None:
    """Add the `clean-same` check."""
    p = subparsers.add_parser("clean-same", help="record the cleaner's output over page sets, or check it is unchanged")
    p.add_argument("action", choices=["record", "compare"])
    p.add_argument("file", help="the recorded results (.jsonl.gz)")
    p.add_argument("sets", nargs="*", metavar="SET", help="set names below --root; default all")
    p.add_argument("--root", default=str(DEFAULT_ROOT), help="folder holding the page sets (default ../shared/eval)")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="a seeded sample of N pages per set")
    p.add_argument("--option", action="append", metavar="KEY=VALUE",
                   help="override one of the options the cleaner passes to trafilatura (e.g. fast=false)")
    p.set_defaults(run=_run)

