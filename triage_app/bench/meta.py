"""`python -m triage_app.bench meta`: titles and bylines against the labelled pages of `bench/meta_gold/`.

For every page of `bench/meta_gold/meta_gold.json` (pages of `../shared/eval/`, labelled by reading them),
in one run: Triage (the page read as an import reads it, then `clean_document`), trafilatura's own
metadata (`bare_extraction(html, include_comments=False, with_metadata=True)`: title, author) and the
page's `<title>`. Prints n and the counts per source set; `--wrong` lists Triage's misses; `--save FILE`
keeps the per-page verdicts and `--compare FILE` lists the pages whose verdict flipped since then.
All of these pages are development pages (see bench/meta_gold/README.md).
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import json
import re
from functools import partial
from pathlib import Path
from typing import Any

from triage_app.bench._meta_score import byline_exact, byline_same_people, normalise_title, title_right

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = ROOT / "bench" / "meta_gold" / "meta_gold.json"
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
METHODS = ("triage", "trafilatura", "<title>")
_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)


def triage_meta(data: bytes, page_id: str) -> tuple[str | None, str | None]:
    """(title, byline) as the library stores them for this page."""
    from triage_app.core.clean import clean_document
    from triage_app.core.ingest.html_reader import read_html

    doc = read_html(data, source_path=f"{page_id}.html", original=data, original_name=f"{page_id}.html")
    result = clean_document(doc)
    return result.title, result.byline


def trafilatura_meta(html: str) -> tuple[str | None, str | None]:
    """(title, author) of trafilatura's own metadata, with the options Triage passes it."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if doc is None:
        return None, None
    return getattr(doc, "title", None), getattr(doc, "author", None)


def title_tag(html: str) -> tuple[str | None, str | None]:
    """The page's <title>, whitespace collapsed (no byline)."""
    import html as htmllib

    match = _TITLE_RE.search(html)
    text = " ".join(htmllib.unescape(match.group(1)).split()) if match else ""
    return text or None, None


def run(gold_path: Path, eval_root: Path, sets: list[str] | None = None, *, pseudo_language: bool = False) -> list[dict[str, Any]]:
    """One row per labelled page: gold, each method's title and byline and their verdicts. With `pseudo_language`,
    the pages and the gold titles and bylines with every English word in the made-up language of
    `_pseudo_language` (the page given to Triage as UTF-8 with a byte-order mark, which outranks its declared charset)."""
    from triage_app.bench._clean_score import decode_html
    from triage_app.bench._pseudo_language import disguise_page, disguise_text

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    rows = []
    for page in gold["pages"]:
        if sets and page["set"] not in sets:
            continue
        path = eval_root / page["set"] / "html" / f"{page['id']}.html.gz"
        if not path.is_file():
            continue
        data = gzip.decompress(path.read_bytes())
        html = decode_html(data)
        if pseudo_language:
            if (disguised := disguise_page(html)) is None:
                continue
            html, data = disguised, codecs.BOM_UTF8 + disguised.encode("utf-8")
            page = {**page, "title": page["title"] and disguise_text(page["title"]),
                    "byline": page["byline"] and disguise_text(page["byline"])}
        found: dict[str, tuple[str | None, str | None]] = {
            "triage": triage_meta(data, page["id"]),
            "trafilatura": trafilatura_meta(html),
            "<title>": title_tag(html),
        }
        row: dict[str, Any] = {
            "set": page["set"], "id": page["id"], "part": page.get("part", "dev"),
            "gold_title": page["title"], "gold_byline": page["byline"],
        }
        for method, (title, byline) in found.items():
            row[method] = {
                "title": title, "byline": byline,
                "title_ok": title_right(title, page["title"]),
                "byline_exact": byline_exact(byline, page["byline"]),
                "byline_people": byline_same_people(byline, page["byline"]),
            }
        rows.append(row)
    return rows


def _count(method: str, rows: list[dict[str, Any]], key: str) -> int:
    return sum(1 for r in rows if r[method][key])


def summarise(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Counts per part (dev: looked at while writing the rules; holdout, holdout2: labelled after) and per set
    within it: titles right, bylines exact / same people, false bylines."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for part in sorted({r["part"] for r in rows}):
        groups[f"{part}, all sets"] = [r for r in rows if r["part"] == part]
        for row in groups[f"{part}, all sets"]:
            groups.setdefault(f"{part}, {row['set']}", []).append(row)
    out = []
    for name, group in groups.items():
        titled = [r for r in group if r["gold_title"]]
        named = [r for r in group if r["gold_byline"]]
        unnamed = [r for r in group if not r["gold_byline"]]
        entry: dict[str, Any] = {"set": name, "pages": len(group), "titles": len(titled), "bylines": len(named), "no_byline": len(unnamed)}
        for method in METHODS:
            count = partial(_count, method)
            entry[method] = {
                "title_ok": count(titled, "title_ok"),
                "byline_exact": count(named, "byline_exact"),
                "byline_people": count(named, "byline_people"),
                "false_byline": len(unnamed) - count(unnamed, "byline_exact"),
            }
        out.append(entry)
    return out


def table(summary: list[dict[str, Any]]) -> str:
    """Markdown: titles right and bylines exact (same people) per set, Triage vs trafilatura vs <title>."""
    lines = [
        "| set | pages | titles n | Triage | trafilatura | `<title>` | bylines n | Triage exact (same people) | trafilatura exact (same people) | false bylines: Triage / trafilatura (of n without) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for e in summary:
        t, f, g = e["triage"], e["trafilatura"], e["<title>"]
        lines.append(
            f"| {e['set']} | {e['pages']} | {e['titles']} | {t['title_ok']} | {f['title_ok']} | {g['title_ok']} | {e['bylines']} "
            f"| {t['byline_exact']} ({t['byline_people']}) | {f['byline_exact']} ({f['byline_people']}) "
            f"| {t['false_byline']} / {f['false_byline']} (of {e['no_byline']}) |"
        )
    return "\n".join(lines)


def flips(rows: list[dict[str, Any]], before: list[dict[str, Any]], method: str = "triage") -> list[str]:
    """Pages whose title or exact-byline verdict changed since a saved run, with the direction."""
    old = {(r["set"], r["id"]): r for r in before}
    out = []
    for row in rows:
        prev = old.get((row["set"], row["id"]))
        if prev is None:
            continue
        for key, label in (("title_ok", "title"), ("byline_exact", "byline")):
            a, b = prev[method][key], row[method][key]
            if a != b:
                field = label if label == "title" else "byline"
                out.append(f"{'+' if b else '-'} {label:6} {row['set']} {row['id'][:12]}  {prev[method][field]!r} -> {row[method][field]!r}")
    return out


def _run(args: argparse.Namespace) -> int:
    if not args.gold.is_file() or not args.eval_dir.is_dir():
        print(f"needs {args.gold} and {args.eval_dir}")
        return 2
    rows = run(args.gold, args.eval_dir, args.sets or None, pseudo_language=args.pseudo_language)
    summary = summarise(rows)
    if args.save:
        Path(args.save).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.json:
        print(json.dumps(summary, indent=1))
        return 0
    if args.wrong:
        for row in rows:
            mine = row["triage"]
            if row["gold_title"] and not mine["title_ok"]:
                print(f"title   {row['set']} {row['id'][:12]}  got {normalise_title(mine['title'])!r}\n{'':30}want {row['gold_title']!r}")
            if not mine["byline_exact"]:
                print(f"byline  {row['set']} {row['id'][:12]}  got {mine['byline']!r}  want {row['gold_byline']!r}")
    if args.compare:
        before = json.loads(Path(args.compare).read_text(encoding="utf-8"))
        changed = flips(rows, before)
        print("\n".join(changed) or "no page flipped")
        for name in sorted({r["set"] for r in rows}):
            ups = sum(1 for c in changed if c.startswith("+") and f" {name} " in c)
            downs = sum(1 for c in changed if c.startswith("-") and f" {name} " in c)
            print(f"{name}: {ups} better, {downs} worse")
    print(table(summary))
    return 0


def register(subparsers: Any) -> None:
    """Add the `meta` benchmark."""
    p = subparsers.add_parser("meta", help="titles and bylines against bench/meta_gold (Triage, trafilatura, <title>)")
    p.add_argument("sets", nargs="*", metavar="SET", help="source sets to score (default: all)")
    p.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="labelled pages (default: bench/meta_gold/meta_gold.json)")
    p.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL, help="folder of the page sets (default: ../shared/eval)")
    p.add_argument("--wrong", action="store_true", help="list Triage's wrong titles and bylines")
    p.add_argument("--save", metavar="FILE", help="write the per-page verdicts to FILE")
    p.add_argument("--compare", metavar="FILE", help="list the pages whose verdict flipped since a --save FILE")
    p.add_argument("--pseudo-language", action="store_true",
                   help="rewrite every English word of the pages and the gold into a made-up language first (see bench clean)")
    p.add_argument("--json", action="store_true", help="print the counts as JSON")
    p.set_defaults(run=_run)
