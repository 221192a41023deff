"""`python -m triage_app.bench encodings`: undeclared legacy-encoded text decoded right, by language and length.

Each paragraph of `_encoding_samples` is encoded in each codepage its language is written in (30 languages, 59
language/codepage pairs; CJK: Chinese, Japanese, Korean in 7 pairs), whole and as slices of 30 to 150
characters (every 37 characters), and read as an undeclared text file is (`charset.decode_bytes`). A reading is
right when it gives the text back exactly; slices that are plain ASCII are left out. With `--html`, the whole
paragraphs and the slices of 90 and 150 characters are also read inside an undeclared HTML page. The DEV set is the text the
legacy rules were written against; CHECK was written afterwards and is the one to report.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

LENGTHS = (30, 45, 60, 90, 150)
STEP = 37
WHOLE = 0
"""The length bucket of a whole paragraph (and a slice as long as its paragraph)."""


@dataclass
class Tally:
    """Readings per length bucket, the wrong ones, and what they were read as."""

    total: Counter[int] = field(default_factory=Counter)
    wrong: Counter[int] = field(default_factory=Counter)
    confusions: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (language, codepage, read as)

    def as_dict(self) -> dict[str, Any]:
        return {
            "by_length": {("whole" if n == WHOLE else str(n)): {"n": self.total[n], "wrong": self.wrong[n]} for n in sorted(self.total)},
            "n": sum(self.total.values()),
            "wrong": sum(self.wrong.values()),
            "confusions": [[*key, count] for key, count in self.confusions.most_common()],
        }


def cedilla(text: str) -> str:
    """Romanian as cp1250 and ISO-8859-2 write it: s and t with a cedilla for the comma-below letters they lack."""
    return text.translate(str.maketrans("șțȘȚ", "şţŞŢ"))


def texts_of(texts: dict[str, str], codepages: dict[str, tuple[str, ...]]) -> Iterator[tuple[str, str, str]]:
    """(language, codepage, paragraph) for every pair of the set."""
    for language, pages in codepages.items():
        base = language.split("-")[0]
        if base not in texts:
            continue
        text = cedilla(texts[base]) if language == "ro-cedilla" else texts[base]
        for codepage in pages:
            yield language, codepage, text


def pieces(text: str) -> Iterator[tuple[int, str]]:
    """(length bucket, text) of the whole paragraph and of its slices."""
    yield WHOLE, text
    for length in LENGTHS:
        if length >= len(text):
            continue
        for start in range(0, len(text) - length, STEP):
            yield length, text[start : start + length]


PAGE = "<html><head><title>{title}</title><style>p {{ margin: 0 }}</style></head><body><p>{text}</p></body></html>"
"""An undeclared page around a piece (`--html`): no `<meta charset>`, so its text outside the markup is weighed."""
PAGE_LENGTHS = (WHOLE, 90, 150)


def tally(texts: dict[str, str], codepages: dict[str, tuple[str, ...]], *, html: bool = False) -> Tally:
    """Decode every piece of every pair of the set as an undeclared text file (with `html`, as an undeclared page
    holding it, whose reading is right when the piece is in its text; whole paragraphs and slices of 90 and 150)."""
    from triage_app.core.ingest.charset import decode_bytes

    result = Tally()
    for language, codepage, text in texts_of(texts, codepages):
        for length, piece in pieces(text):
            if html and length not in PAGE_LENGTHS:
                continue
            if not _encodes(piece, codepage):  # punctuation the codepage lacks: written as its ASCII form
                piece = piece.translate(_ASCII_PUNCTUATION)
            markup = PAGE.format(title=piece[:20], text=piece) if html else piece
            data = markup.encode(codepage, errors="replace")
            if data.isascii():
                continue
            result.total[length] += 1
            decoded = decode_bytes(data, html=html)
            if (piece not in decoded.text) if html else (decoded.text != piece):
                result.wrong[length] += 1
                result.confusions[(language, codepage, decoded.charset)] += 1
    return result


def _encodes(text: str, codepage: str) -> bool:
    try:
        text.encode(codepage)
    except UnicodeEncodeError:
        return False
    return True


_ASCII_PUNCTUATION = str.maketrans({"„": '"', "“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "«": '"', "»": '"', "…": "..."})


def _print(name: str, result: Tally) -> None:
    print(f"{name}: {sum(result.wrong.values())} of {sum(result.total.values())} readings wrong")
    print("| length | n | wrong |\n| --- | ---: | ---: |")
    for n in sorted(result.total):
        print(f"| {'whole' if n == WHOLE else n} | {result.total[n]} | {result.wrong[n]} |")
    if result.confusions:
        print("read as: " + ", ".join(f"{lang} {cp} -> {got} ({count})" for (lang, cp, got), count in result.confusions.most_common(12)))
    print()


def _run(args: argparse.Namespace) -> int:
    from triage_app.bench import _encoding_samples as samples

    sets = {
        "check": (samples.CHECK, samples.CODEPAGES),
        "check-cjk": (samples.CJK_CHECK, samples.CJK_CODEPAGES),
        "dev": (samples.DEV, samples.CODEPAGES),
        "dev-cjk": (samples.CJK_DEV, samples.CJK_CODEPAGES),
    }
    chosen = [name for name in sets if args.set == "all" or name.startswith(args.set)]
    results = {name: tally(*sets[name]) for name in chosen}
    if args.html:
        results.update({f"{name}, undeclared pages": tally(*sets[name], html=True) for name in chosen})
    if args.json:
        print(json.dumps({name: result.as_dict() for name, result in results.items()}, ensure_ascii=False))
        return 0
    for name, result in results.items():
        _print(name, result)
    return 0


def register(subparsers: Any) -> None:
    """Add the `encodings` benchmark."""
    p = subparsers.add_parser("encodings", help="undeclared legacy-encoded text decoded right, by language, codepage and length")
    p.add_argument("--set", choices=("all", "check", "dev"), default="all", help="which text set (default: all)")
    p.add_argument("--html", action="store_true", help="also read each piece inside an undeclared HTML page")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.set_defaults(run=_run)
