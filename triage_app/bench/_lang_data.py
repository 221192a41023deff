"""Labelled texts for `python -m triage_app.bench lang`: the written gold set and real pages.

Gold set: `bench/lang_gold/<code>.txt`, one `bucket: text` line each (short = 3-8 words, medium = one
sentence, long = a paragraph), written for this benchmark; the file name is the label.

Pages: the gold article text (`articleBody`) of aeb-dev (mostly English), wceb-dev/cleaneval and
wceb-dev/cleanportaleval (documented "en"), labelled "en" unless read by hand as another language and
listed in `bench/lang_gold/page_labels.tsv` (`<set>/<id>\t<code>`: every page where a detector said
other than "en" was read). Each page gives a "page" text (the first MAX_CHARS characters) and a
"page-head" text (its first 8 words). A third, non-independent set takes tiptopjaw-2026 pages that
declare a `lang`: the declared code is evidence, not truth, so that set only shows agreement with it.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path

MAX_CHARS = 5000
HEAD_WORDS = 8
BUCKETS = ("short", "medium", "long")
LABELLED_SETS = {"aeb-dev": "aeb-dev", "cleaneval": "wceb-dev/cleaneval",
                 "cleanportaleval": "wceb-dev/cleanportaleval"}
"""Sets that are English apart from the pages listed in page_labels.tsv."""
DECLARED_SET = "wceb-dev/tiptopjaw-2026"

_LANG_ATTR = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.I)


@dataclass(frozen=True)
class Sample:
    """A text and the language it is in; `bucket` is its length class, `source` where it came from."""

    lang: str
    bucket: str
    text: str
    source: str


def gold_samples(folder: Path) -> list[Sample]:
    """The hand-written gold texts, in file then line order."""
    samples: list[Sample] = []
    for path in sorted(folder.glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            bucket, sep, text = line.partition(":")
            if not sep or bucket.strip() not in BUCKETS:
                continue
            samples.append(Sample(path.stem, bucket.strip(), text.strip(), f"{path.name}:{number}"))
    return samples


def _page_labels(folder: Path) -> dict[str, str]:
    path = folder / "page_labels.tsv"
    if not path.is_file():
        return {}
    labels: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, code = line.split("\t")[:2]
            labels[key.strip()] = code.strip()
    return labels


def _truth(folder: Path) -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return data


def declared_lang(html_gz: Path) -> str | None:
    """The page's `<html lang>` primary code, lower case, or None."""
    if not html_gz.is_file():
        return None
    with gzip.open(html_gz, "rb") as handle:
        head = handle.read(20000)
    match = _LANG_ATTR.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def _page_pair(lang: str, text: str, source: str) -> list[Sample]:
    words = text.split()
    return [Sample(lang, "page", text[:MAX_CHARS], source),
            Sample(lang, "page-head", " ".join(words[:HEAD_WORDS]), source)]


def page_samples(eval_root: Path, gold_folder: Path, limit: int | None = None) -> list[Sample]:
    """Gold article texts of the English-documented sets, relabelled where read by hand."""
    labels = _page_labels(gold_folder)
    samples: list[Sample] = []
    for name, rel in LABELLED_SETS.items():
        folder = eval_root / rel
        if not (folder / "ground-truth.json").is_file():
            continue
        for page_id, entry in sorted(_truth(folder).items())[:limit]:
            text = (entry.get("articleBody") or "").strip()
            if len(text.split()) < HEAD_WORDS:
                continue
            key = f"{name}/{page_id}"
            samples.extend(_page_pair(labels.get(key, "en"), text, key))
    return samples


def declared_samples(eval_root: Path, limit: int | None = None) -> list[Sample]:
    """tiptopjaw-2026 pages that declare a language, labelled with that declaration (not truth)."""
    folder = eval_root / DECLARED_SET
    if not (folder / "ground-truth.json").is_file():
        return []
    samples: list[Sample] = []
    for page_id, entry in sorted(_truth(folder).items())[:limit]:
        text = (entry.get("articleBody") or "").strip()
        code = declared_lang(folder / "html" / f"{page_id}.html.gz")
        if code and len(text.split()) >= HEAD_WORDS:
            samples.append(Sample(code, "page", text[:MAX_CHARS], f"tiptopjaw-2026/{page_id}"))
    return samples
