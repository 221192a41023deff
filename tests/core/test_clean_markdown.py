"""Markdown clips (Obsidian Web Clipper, MarkDownload, Joplin): syntax out line for line, front matter read."""

from __future__ import annotations

import datetime

import pytest

from triage_app.core.clean import clean_document
from triage_app.core.clean.markdown_text import is_markdown, plain_markdown, read_front_matter
from triage_app.core.clean.patterns import FRONT_MATTER
from triage_app.core.ingest.readers import kind_of
from triage_app.core.records import ParsedDocument

CLIP = """---
title: "Council approves new bridge across the river"
source: "https://www.example-news.com/local/2024/05/council-approves-bridge"
author:
  - "[[Jane Smith]]"
  - "[[Tom Lee|Tom]]"
published: 2024-05-14
created: 2024-05-15
tags:
  - "clippings"
  - "transport"
---
# Council approves new bridge across the river

![Aerial view of the river](https://www.example-news.com/img/river.jpg)

The city council voted 7-2 on Tuesday to fund the long-debated crossing, ending a decade of argument
over the cost of a **new bridge** between the two halves of the town.

"This is the most important vote this council has taken," said [Mayor Ana Lopez](https://example.com/lopez),
who pushed for the project since her election.

## What happens next

Construction is expected to begin in the spring of 2025, according to the city's `transport plan`[^1].

- The bridge will carry two lanes of traffic.
- A separate path will serve cyclists and walkers.

| Phase | Year |
|-------|-----:|
| Survey | 2025 |
| **Build** | 2026 |

```
curl https://example.com/plan.pdf
```

<div class="note">Raw <b>markup</b> kept as text only</div>
"""


def _lines(text: str) -> list[str]:
    return text.split("\n")


def test_syntax_comes_out_line_for_line() -> None:
    found = plain_markdown(CLIP)
    span = found.front_lines
    source, out = CLIP.splitlines(), _lines(found.text)
    assert len(out) == len(source) and span == 12
    assert all(line == "" for line in out[:12])  # the front matter
    assert out[12] == "Council approves new bridge across the river"
    assert out[14] == ""  # an image is not text
    assert out[16:18] == [
        "The city council voted 7-2 on Tuesday to fund the long-debated crossing, ending a decade of argument",
        "over the cost of a new bridge between the two halves of the town.",
    ]
    assert out[19] == '"This is the most important vote this council has taken," said Mayor Ana Lopez,'
    assert out[22] == "What happens next"
    assert out[26:28] == ["The bridge will carry two lanes of traffic.", "A separate path will serve cyclists and walkers."]
    assert out[29:33] == ["Phase\tYear", "", "Survey\t2025", "Build\t2026"]
    assert out[34:37] == ["", "curl https://example.com/plan.pdf", ""]
    assert out[38] == "Raw markup kept as text only"
    assert "](" not in found.text and "**" not in found.text and "#" not in found.text and "[^1]" not in found.text
    assert out[24] == "Construction is expected to begin in the spring of 2025, according to the city's transport plan."
    assert found.paragraphs == {17: 18, 20: 21}  # soft-wrapped paragraphs, 1-based


def test_the_front_matter_is_read_as_metadata() -> None:
    front, span = read_front_matter(CLIP.splitlines())
    assert front is not None and span == 12
    assert front.title == "Council approves new bridge across the river"
    assert front.url == "https://www.example-news.com/local/2024/05/council-approves-bridge"
    assert front.byline == "Jane Smith, Tom Lee"
    assert front.published == "2024-05-14"
    assert front.keywords == ["transport"]  # the clipper's own "clippings" tag says nothing about the page
    markdownload = "---\nsource: https://example.org/a\nauthor: Ana Lopez\ndate: 2023-01-02T10:00:00Z\nlang: de\n---\n# A\n"
    front, span = read_front_matter(markdownload.splitlines())
    assert front is not None and (front.url, front.byline, front.published, front.language, span) == ("https://example.org/a", "Ana Lopez", "2023-01-02", "de", 6)
    assert datetime.date.fromisoformat(front.published or "")


def test_a_front_matter_that_is_not_metadata_is_left_alone() -> None:
    assert read_front_matter("# Title\n\ntext".splitlines()) == (None, 0)
    assert read_front_matter("---\n- a\n- b\n---\ntext".splitlines())[0] is None  # a list, not a mapping
    assert read_front_matter(["---", "title: x"]) == (None, 0)  # never closed
    assert read_front_matter(["---", *["k: " + "v" * 100] * 200, "---"]) == (None, 0)  # too long to be one


def test_a_hostile_front_matter_runs_nothing() -> None:
    hostile = "---\ntitle: !!python/object/apply:os.system ['touch /tmp/owned']\n---\ntext\n"
    front, span = read_front_matter(hostile.splitlines())
    assert front is None and span == 3


def test_a_markdown_clip_is_cleaned_with_its_metadata_and_line_provenance() -> None:
    doc = ParsedDocument("clip.md", b"", "text", "utf-8", text=CLIP, original_name="clip.md")
    result = clean_document(doc)
    assert result.title == "Council approves new bridge across the river"
    assert result.url == "https://www.example-news.com/local/2024/05/council-approves-bridge"
    assert result.byline == "Jane Smith, Tom Lee" and result.published == "2024-05-14"
    assert result.site == "example-news.com" and result.language == "en"
    first = result.blocks[0]
    assert (first.kept, first.reason, first.source) == (False, FRONT_MATTER, "lines:1-12")
    source = CLIP.splitlines()
    paragraph = next(b for b in result.blocks if b.text.startswith("The city council"))
    assert paragraph.kept and paragraph.source == "lines:17-18"  # the hard-wrapped lines re-joined
    assert source[16].startswith("The city council")
    assert "Mayor Ana Lopez, who pushed" in result.text
    assert "](" not in result.text and "**" not in result.text and "![" not in result.text


def test_markdown_is_known_by_name_or_by_its_front_matter() -> None:
    assert is_markdown("notes.markdown", "plain words")
    assert is_markdown("clip.txt", CLIP)
    assert not is_markdown("dump.txt", "--- a rule line\nthen text\n")
    assert kind_of("clip.markdown") == "text" and kind_of("clip.md") == "text"
    plain = "Just a dump\n\nWith a line that says [1] and *stars*\n"
    doc = ParsedDocument("dump.txt", b"", "text", "utf-8", text=plain, original_name="dump.txt")
    assert "*stars*" in clean_document(doc).text  # a text dump is not read as Markdown


def test_a_very_long_markdown_file_is_cleaned_as_a_dump_with_its_front_matter(monkeypatch: pytest.MonkeyPatch) -> None:
    from triage_app.core.clean import markdown_text

    monkeypatch.setattr(markdown_text, "MAX_MARKDOWN_CHARS", 500)  # parsing costs ~1 s and ~50 MB per MB of text
    found = plain_markdown(CLIP)
    assert found.paragraphs is None and found.front_lines == 12 and found.front is not None
    assert found.text.split("\n")[12] == "# Council approves new bridge across the river"  # left as it is
    assert all(line == "" for line in found.text.split("\n")[:12])
    doc = ParsedDocument("clip.md", b"", "text", "utf-8", text=CLIP, original_name="clip.md")
    result = clean_document(doc)
    assert result.url == "https://www.example-news.com/local/2024/05/council-approves-bridge"
    assert result.blocks[0].source == "lines:1-12"
