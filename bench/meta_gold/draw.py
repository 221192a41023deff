"""Seeded random draw of the pages labelled in `bench/meta_gold/meta_gold.json`, and a reader's view of each.

Run from the repository root: `.venv/bin/python bench/meta_gold/draw.py [--show] [--holdout | --holdout2] [EVAL_DIR]`.
Lists `set page_id` for the drawn pages (COUNTS per set, page ids shuffled with a fixed seed). With
`--show` it also prints, for labelling, what a reader sees at the top of each page: the <title>, the
headings and the first lines of visible text in reading order (scripts, styles and hidden markup left
out), and the lines that carry an author-like class. It does not run Triage's cleaner or trafilatura.
"""

from __future__ import annotations

import gzip
import random
import re
import sys
from pathlib import Path

SEED = 20261204
COUNTS = {
    "aeb-dev": 30,
    "wceb-dev/cleaneval": 20,
    "wceb-dev/cleanportaleval": 12,
    "wceb-dev/dragnet": 34,
    "wceb-dev/tiptopjaw-2026": 34,
}
HOLDOUT_SEED = "20261204-holdout"
HOLDOUT_COUNT = 8
"""Pages per set of the second draw, labelled after the method was written and not looked at while writing it."""
HOLDOUT2_SEED = "20261204-holdout2"
HOLDOUT2_COUNT = 12
"""Pages per set of the third draw (issue 11, engineer 46): labelled and scored before the title rules of
that round were changed, and never looked at while changing them."""
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "span", "a", "time", "address",
          "header", "section", "article", "dd", "dt", "figcaption", "blockquote", "pre", "br", "strong", "em", "b", "font"}
_AUTHOR_RE = re.compile(r"author|byline|byl\b|writer|contributor|posted|submitted|credit|vcard|reporter", re.I)


def draw(root: Path) -> list[tuple[str, str]]:
    """(set, page id) in drawn order: each set's ids sorted, shuffled with Random(f"{SEED}-{set}"), first COUNTS[set]."""
    out: list[tuple[str, str]] = []
    for name, count in COUNTS.items():
        ids = sorted(p.name.removesuffix(".html.gz") for p in (root / name / "html").glob("*.html.gz"))
        random.Random(f"{SEED}-{name}").shuffle(ids)
        out.extend((name, page_id) for page_id in ids[:count])
    return out


def _draw_excluding(root: Path, seed: str, count: int, seen: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """`count` pages per set, shuffled with Random(f"{seed}-{set}"), skipping the pages in `seen`."""
    out: list[tuple[str, str]] = []
    for name in COUNTS:
        ids = sorted(p.name.removesuffix(".html.gz") for p in (root / name / "html").glob("*.html.gz"))
        random.Random(f"{seed}-{name}").shuffle(ids)
        out.extend([(name, i) for i in ids if (name, i) not in seen][:count])
    return out


def draw_holdout(root: Path) -> list[tuple[str, str]]:
    """(set, page id) of the held-out draw: HOLDOUT_COUNT per set, shuffled with Random(f"{HOLDOUT_SEED}-{set}"),
    skipping the pages of the first draw."""
    return _draw_excluding(root, HOLDOUT_SEED, HOLDOUT_COUNT, set(draw(root)))


def draw_holdout2(root: Path) -> list[tuple[str, str]]:
    """(set, page id) of the third draw: HOLDOUT2_COUNT per set, shuffled with Random(f"{HOLDOUT2_SEED}-{set}"),
    skipping the pages of the first two draws."""
    return _draw_excluding(root, HOLDOUT2_SEED, HOLDOUT2_COUNT, set(draw(root)) | set(draw_holdout(root)))


def _text(el: object) -> str:
    return " ".join("".join(el.itertext()).split())  # type: ignore[attr-defined]


def show(html: str, max_lines: int = 6) -> str:
    """Title, visible text lines in order (tag-marked), and author-classed lines of a page."""
    from lxml import html as lh

    tree = lh.document_fromstring(re.sub(r"^\s*<\?xml[^>]*>", "", html))
    for bad in tree.xpath("//script|//style|//noscript|//template|//*[@hidden]|//head/*[not(self::title) and not(self::meta)]"):
        bad.drop_tree() if bad.getparent() is not None else None
    out = []
    title = tree.find(".//title")
    out.append(f"<title> {_text(title) if title is not None else None!r}")
    for m in tree.xpath("//meta[@property='og:title' or @name='author' or @property='article:author' or @name='byl']"):
        out.append(f"<meta {m.get('property') or m.get('name')}> {m.get('content')!r}")
    lines: list[str] = []
    body = tree.find(".//body")
    if body is None:
        body = tree
    last = ""
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        own = " ".join(((el.text or "") + "".join((c.tail or "") for c in el)).split())
        if el.tag in ("h1", "h2", "h3"):
            own = _text(el)
        if own and own != last and len(own) > 1:
            mark = el.tag + ("*" if _AUTHOR_RE.search((el.get("class") or "") + " " + (el.get("id") or "") + " " + (el.get("rel") or "") + " " + (el.get("itemprop") or "")) else "")
            lines.append(f"  [{mark}] {own[:160]}")
            last = own
    heads = [i for i, line in enumerate(lines) if line.startswith(("  [h1", "  [h2"))]
    out.extend(lines[:max_lines])
    extra = set()
    h1 = [i for i in heads if lines[i].startswith("  [h1")]
    for i in (h1[:2] or heads[:2]):
        extra.update(range(max(i - 4, max_lines), i + 9))
    if not heads:
        extra.update(range(max_lines, 30))
    extra.update(i for i, line in enumerate(lines) if "*]" in line or re.search(r"\b[Bb]y\s+[A-Z]", line))
    prev = -2
    for shown_more, i in enumerate(sorted(e for e in extra if max_lines <= e < len(lines))):
        if shown_more > 45:
            break
        if i != prev + 1:
            out.append("  ...")
        out.append(lines[i])
        prev = i
    return "\n".join(out)


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    root = Path(args[0]) if args else Path(__file__).resolve().parents[3] / "shared" / "eval"
    if "--holdout2" in argv:
        picks = draw_holdout2(root)
    elif "--holdout" in argv:
        picks = draw_holdout(root)
    else:
        picks = draw(root)
    start = int(next((a.split("=")[1] for a in argv if a.startswith("--from=")), 0))
    stop = int(next((a.split("=")[1] for a in argv if a.startswith("--to=")), len(picks)))
    for n, (name, page_id) in enumerate(picks):
        if not start <= n < stop:
            continue
        print(f"### {n} {name} {page_id}")
        if "--show" in argv:
            data = gzip.decompress((root / name / "html" / f"{page_id}.html.gz").read_bytes())
            print(show(data.decode("utf-8", errors="replace")))
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
