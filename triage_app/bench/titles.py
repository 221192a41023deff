"""`python -m triage_app.bench titles EVAL_DIR`: how often a text dump's title is the page's real title.

Each dump `dumps/<id>.txt` is imported as a text file would be (text reader, then cleaner) and its title
is compared with the title of `html/<id>.html.gz`: the page's og:title, else its JSON-LD headline, else
its <title>. Both are normalised (casefold, typographic quotes and dashes as plain ones, single spaces, a trailing " | Site" / " - Site" suffix
dropped); a dump title is correct when the two are equal, or when one contains the other and they
share at least 80% of their words.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path
from typing import Any

_WS_RE = re.compile(r"\s+")
_SUFFIX_RE = re.compile(r"\s+[|\-–—·:»]\s+([^|\-–—·:»]+)$")
_WORD_RE = re.compile(r"\w+")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\xa0": " ", "–": "-", "—": "-"})
MIN_SHARED = 0.8
MAX_SUFFIX_WORDS = 5


def _forms(text: str | None) -> set[str]:
    """The casefolded, single-spaced title, with and without a short trailing " | Site" part."""
    norm = _WS_RE.sub(" ", (text or "").casefold().translate(_QUOTES)).strip()
    forms = {norm} if norm else set()
    match = _SUFFIX_RE.search(norm)
    if match and len(match.group(1).split()) <= MAX_SUFFIX_WORDS and match.start() > 0:
        forms.add(norm[: match.start()].strip())
    return forms


def normalise_title(text: str | None) -> str:
    """Casefolded, single-spaced, with a short trailing " | Site" or " - Site" part dropped."""
    return min(_forms(text), key=len, default="")


def _same(a: str, b: str) -> bool:
    if a == b:
        return True
    if a not in b and b not in a:
        return False
    wa, wb = set(_WORD_RE.findall(a)), set(_WORD_RE.findall(b))
    return bool(wa and wb) and len(wa & wb) / max(len(wa), len(wb)) >= MIN_SHARED


def titles_match(found: str | None, reference: str | None) -> bool:
    """Equal after normalisation, or one contains the other and they share >= 80% of their words
    (each title compared with and without its " | Site" suffix)."""
    return any(_same(a, b) for a in _forms(found) for b in _forms(reference))


def _jsonld_headline(tree: Any) -> str | None:
    stack: list[Any] = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            stack.append(json.loads(script.text or ""))
        except ValueError:
            continue
    while stack:
        item = stack.pop(0)
        if isinstance(item, dict):
            if isinstance(item.get("headline"), str) and item["headline"].strip():
                return str(item["headline"])
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(item)
    return None


def reference_title(html: str) -> str | None:
    """The page's og:title, else its JSON-LD headline, else its <title>."""
    from lxml import html as lxml_html  # type: ignore[import-untyped]

    text = re.sub(r"^\s*<\?xml[^>]*>", "", html)  # a str with an XML declaration is refused
    try:
        tree = lxml_html.document_fromstring(text)
    except Exception:  # noqa: BLE001 - an unparsable page has no reference
        return None
    for value in tree.xpath("//meta[@property='og:title']/@content | //meta[@name='og:title']/@content"):
        if value.strip():
            return _WS_RE.sub(" ", value).strip()
    headline = _jsonld_headline(tree)
    if headline:
        return _WS_RE.sub(" ", headline).strip()
    title = tree.find(".//title")
    text = title.text_content() if title is not None else ""
    return _WS_RE.sub(" ", text).strip() or None


def dump_title(dump: str, page_id: str) -> str | None:
    """The title a dump gets when imported: the text reader's guess, then the cleaner's title."""
    from triage_app.core.clean import clean_document
    from triage_app.core.ingest.text_reader import read_text

    data = dump.encode("utf-8")
    doc = read_text(data, source_path=f"{page_id}.txt", original=data, original_name=f"{page_id}.txt")
    return clean_document(doc).title


def run_titles(folder: Path) -> list[tuple[str, str | None, str | None, bool]]:
    """(page id, dump title, reference title, correct) for every dump with a matching page."""
    from triage_app.bench._clean_score import decode_html

    rows: list[tuple[str, str | None, str | None, bool]] = []
    for dump_path in sorted((folder / "dumps").glob("*.txt")):
        page_id = dump_path.stem
        html_path = folder / "html" / f"{page_id}.html.gz"
        if not html_path.is_file():
            continue
        reference = reference_title(decode_html(gzip.decompress(html_path.read_bytes())))
        if not reference:
            continue
        found = dump_title(dump_path.read_text(encoding="utf-8", errors="replace"), page_id)
        rows.append((page_id, found, reference, titles_match(found, reference)))
    return rows


def _run(args: argparse.Namespace) -> int:
    folder = Path(args.eval_dir)
    if not (folder / "dumps").is_dir() or not (folder / "html").is_dir():
        print(f"no dumps/ and html/ in {folder}")
        return 2
    rows = run_titles(folder)
    correct = sum(1 for row in rows if row[3])
    if args.json:
        print(json.dumps({"pages": len(rows), "correct": correct, "accuracy": round(correct / len(rows), 4) if rows else 0.0}))
        return 0
    if args.wrong:
        for page_id, found, reference, ok in rows:
            if not ok:
                print(f"{page_id[:12]}  got {found!r}\n{'':14}want {reference!r}")
    accuracy = correct / len(rows) if rows else 0.0
    print(f"dump titles: {correct}/{len(rows)} correct, accuracy {accuracy:.4f}")
    return 0


def register(subparsers: Any) -> None:
    """Add the `titles` benchmark."""
    p = subparsers.add_parser("titles", help="accuracy of the titles found in text dumps against the pages' titles")
    p.add_argument("eval_dir", metavar="EVAL_DIR", help="folder with dumps/ and html/")
    p.add_argument("--wrong", action="store_true", help="also list every dump whose title is wrong")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(run=_run)
