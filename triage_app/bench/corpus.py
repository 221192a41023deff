"""Large benchmark corpora made from real text, varied so that dedup does not collapse them.

- `varied_html_pages`: the aeb-dev pages (and seeds) written out N times; every copy after the first has its
  `<title>` renamed and the paragraphs of each parent element shuffled with a seeded RNG, so every page has
  new bytes and a different text while keeping a real page's structure and size.
- `build_large_library`: a library of N documents made from the aeb-dev article paragraphs (3-10 paragraphs
  drawn at random per document, titles made of article words, 60 renamed sites, random publication dates and
  relevance), inserted in bulk with their verbatim text original, blocks and FTS index.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import zlib
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from lxml import etree, html  # type: ignore[import-untyped]

from triage_app.core.library import Library
from triage_app.core.library.db import now_iso
from triage_app.core.library.documents import sha256_hex
from triage_app.core.library.word_counts import word_count

RELEVANCES = ("unreviewed", "unreviewed", "unreviewed", "relevant", "maybe", "not-relevant")
QUERIES = [  # the searches the scale bench times (figure 3), over the corpus built here
    "security", "president", "election", "market", "police", "climate",
    '"white house"', '"united states"', '"last year"', '"social media"',
    "presid*", "econom*", "invest*", "technolog*",
    "trump OR biden", "china OR russia", "police OR court",
    "election relevance:unreviewed", "market relevance:relevant", "security -police",
]


def source_pages(eval_dir: Path) -> list[tuple[str, bytes]]:
    """(name, decompressed bytes) of every aeb-dev HTML page, sorted by name."""
    pages = []
    for path in sorted((eval_dir / "html").glob("*.html.gz")):
        pages.append((path.name.removesuffix(".gz"), gzip.decompress(path.read_bytes())))
    return pages


def _shuffle_page(data: bytes, rng: random.Random, variant: int) -> bytes:
    try:
        root = html.fromstring(data)
    except (etree.ParserError, ValueError):
        return data + f"<!-- variant {variant} -->".encode()
    title = root.find(".//title")
    if title is not None:
        title.text = f"{title.text or ''} (copy {variant})"
    parents = {p.getparent() for p in root.iter("p") if p.getparent() is not None}
    for parent in parents:
        paragraphs = [child for child in parent if child.tag == "p"]
        if len(paragraphs) < 2:
            continue
        slots = [parent.index(p) for p in paragraphs]
        rng.shuffle(paragraphs)
        for slot, paragraph in zip(slots, paragraphs):
            parent.insert(slot, paragraph)
    return bytes(html.tostring(root, encoding="utf-8", doctype="<!DOCTYPE html>"))


def varied_html_pages(eval_dir: Path, count: int, out_dir: Path, *, seed: int = 7) -> list[Path]:
    """Write `count` distinct HTML pages into `out_dir`; returns their paths."""
    pages = source_pages(eval_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    written = []
    for i in range(count):
        name, data = pages[i % len(pages)]
        variant = i // len(pages)
        body = data if variant == 0 else _shuffle_page(data, rng, variant)
        target = out_dir / f"{i:05d}-{name}"
        target.write_bytes(body)
        written.append(target)
    return written


def article_paragraphs(eval_dir: Path) -> list[str]:
    """Every non-trivial paragraph of the aeb-dev hand-made article texts."""
    truth = json.loads((eval_dir / "ground-truth.json").read_text(encoding="utf-8"))
    paragraphs = []
    for item in truth.values():
        for para in re.split(r"\n\s*\n", item.get("articleBody", "")):
            para = " ".join(para.split())
            if len(para) > 60:
                paragraphs.append(para)
    return paragraphs


def _documents(paragraphs: list[str], count: int, rng: random.Random) -> Iterator[tuple[dict[str, Any], bytes, list[str]]]:
    words = [w for p in paragraphs[:400] for w in re.findall(r"[A-Za-z]{4,}", p)]
    sites = [f"site-{n:02d}.example" for n in range(60)]
    start = date(2015, 1, 1)
    for i in range(count):
        paras = rng.sample(paragraphs, rng.randint(3, 10))
        title = " ".join(rng.choice(words) for _ in range(rng.randint(4, 9))).capitalize() + f" #{i}"
        text = "\n\n".join(paras)
        original = (title + "\n\n" + text + "\n").encode("utf-8")
        row = {
            "sha256": sha256_hex(original),
            "size": len(original),
            "source_path": f"/bench/doc-{i}.txt",
            "original_name": f"doc-{i}.txt",
            "format": "text",
            "charset": "utf-8",
            "imported_at": now_iso(),
            "title": title,
            "site": rng.choice(sites),
            "author": None,
            "published": (start + timedelta(days=rng.randint(0, 4000))).isoformat(),
            "url": f"https://example.org/{i}",
            "captured_at": None,
            "language": "en",
            "keywords": "[]",
            "text": text,
            "word_count": word_count(text),
            "relevance": rng.choice(RELEVANCES),
            "starred": int(rng.random() < 0.05),
            "note": "",
        }
        yield row, original, paras


def build_large_library(path: Path, eval_dir: Path, count: int, *, seed: int = 11, batch: int = 2000) -> Library:
    """Create (or extend) the library at `path` with `count` generated documents; returns it open."""
    library = Library.open(path)
    rng = random.Random(seed)
    paragraphs = article_paragraphs(eval_dir)
    pending: list[tuple[dict[str, Any], bytes, list[str]]] = []

    def flush() -> None:
        with library.transaction() as db:
            for row, original, paras in pending:
                doc_id = int(db.table("documents").insert(row).last_pk)  # type: ignore[arg-type]
                db.execute(
                    "INSERT INTO originals (doc_id, compression, data) VALUES (?, 'zlib', ?)",
                    [doc_id, zlib.compress(original, 6)],
                )
                db.conn.executemany(
                    "INSERT INTO blocks (doc_id, idx, kind, text, kept, reason, source, template_key) "
                    "VALUES (?, ?, 'paragraph', ?, 1, NULL, ?, '')",
                    [(doc_id, n, p, f"lines:{2 * n + 3}-{2 * n + 3}") for n, p in enumerate(paras)],
                )
        pending.clear()

    for item in _documents(paragraphs, count, rng):
        pending.append(item)
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    return library
