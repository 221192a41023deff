"""The clean benchmark's figures as the Markdown tables the README shows, and their writing into a document.

`bench clean` prints these tables and, with `--out FILE`, writes each between its pair of marker lines in
FILE (README.md, docs/cleaning.md), leaving the rest of the document as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def markdown_table(results: list[dict[str, Any]]) -> str:
    """The figures as the Markdown table the README shows."""
    lines = [
        "| set | n | method | P | R | F1 | pages < 0.5 | median ms | p95 ms |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for item in results:
        best = max(round(row["f1"], 3) for row in item["rows"])
        for row in item["rows"]:
            f1 = f"**{row['f1']:.3f}**" if round(row["f1"], 3) == best else f"{row['f1']:.3f}"  # the set's best in bold
            lines.append(
                f"| {item['set']} | {row['pages']} | {row['method']} | {row['precision']:.3f} | {row['recall']:.3f} "
                f"| {f1} | {len(row['below_0.5'])} | {row['median_ms']:.1f} | {row['p95_ms']:.1f} |"
            )
    return "\n".join(lines)


def versus_table(results: list[dict[str, Any]]) -> str:
    """Pages on which Triage is better / worse than each other method of its set (F1 change > FLIP)."""
    lines = ["| set | Triage against | n | pages Triage is better | pages Triage is worse |", "| --- | --- | ---: | ---: | ---: |"]
    for item in results:
        for row in item.get("versus", []):
            lines.append(f"| {item['set']} | {row['method']} | {row['pages']} | {row['better']} | {row['worse']} |")
    return "\n".join(lines)


def ablation_table(results: list[dict[str, Any]]) -> str:
    """Pages each rule flips per set (better with the rule / worse with it) and F1 without it."""
    lines = ["| set | rule | F1 with all | F1 without | pages better with it | pages worse with it |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    for item in results:
        for row in item.get("ablation", []):
            lines.append(
                f"| {item['set']} | {row['rule']} | {row['f1_with']:.3f} | {row['f1_without']:.3f} | {row['pages_helped']} | {row['pages_hurt']} |"
            )
    return "\n".join(lines)


TABLE_MARKERS = ("<!-- clean bench table -->", "<!-- /clean bench table -->")
ABLATION_MARKERS = ("<!-- clean ablation table -->", "<!-- /clean ablation table -->")
VERSUS_MARKERS = ("<!-- clean versus table -->", "<!-- /clean versus table -->")


def write_between_markers(doc: Path, markers: tuple[str, str], table: str) -> bool:
    """Replace the text between the two marker lines of `doc` with `table`; False when it has no markers."""
    start, end = markers
    text = doc.read_text(encoding="utf-8") if doc.is_file() else ""
    if start not in text or end not in text:
        return False
    head, rest = text.split(start, 1)
    doc.write_text(f"{head}{start}\n{table}\n{end}{rest.split(end, 1)[1]}", encoding="utf-8")
    return True
