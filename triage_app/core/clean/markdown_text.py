"""Markdown clips (Obsidian Web Clipper, MarkDownload, Joplin, a blog's source): plain lines and front matter.

A page saved as Markdown carries its syntax into every line ("# Title", "[Mayor Lopez](https://…)",
"![photo](…)", "**new bridge**") and its metadata in a YAML front matter (title, source URL, author, date,
tags). `plain_markdown` gives the same text with the syntax taken out **line for line** (line N of the
result is line N of the file, so a block's "lines:N-M" still points into the file the reader shows), and
the front matter read as metadata; the dump cleaner then judges the lines as it judges any text dump.

markdown-it-py (CommonMark, with GFM tables) finds the structure; YAML is read with PyYAML's `safe_load`
(no tags, no objects), and only strings, dates and lists of strings of known keys are taken.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
MAX_MARKDOWN_CHARS = 1_000_000
"""A longer file is cleaned as a plain dump (its front matter still read): parsing Markdown costs about 1 s and
50 MB per MB of text (measured on 1 and 4.7 MB), and a clip is a few kilobytes."""
MAX_FRONT_MATTER_CHARS = 16_384
"""A front matter longer than this is not read as metadata (a clip's is a few hundred characters)."""

_KEYS = {
    "title": ("title",),
    "url": ("source", "url", "source_url", "link", "original_url", "canonical_url"),
    "byline": ("author", "authors", "by", "creator"),
    "published": ("published", "date", "pubdate", "date_published", "published_at"),
    "site": ("site", "site_name", "sitename", "publisher"),
    "keywords": ("tags", "keywords", "categories"),
    "language": ("lang", "language"),
}
_WIKI_LINK_RE = re.compile(r"\[\[([^\]|]+)(?:\|[^\]]*)?\]\]")
_TAG_RE = re.compile(r"<[^>]*>")
_FOOTNOTE_RE = re.compile(r"\[\^[^\]\s]{1,40}\]:?")
"""A footnote mark ("[^1]") or the start of its note ("[^1]: …"): GitHub's and Obsidian's Markdown, not CommonMark's."""


@dataclass
class FrontMatter:
    """What a Markdown file's front matter states about the page."""

    title: str | None = None
    url: str | None = None
    byline: str | None = None
    published: str | None = None
    site: str | None = None
    language: str | None = None
    keywords: list[str] = field(default_factory=list)


def is_markdown(name: str | None, text: str) -> bool:
    """A Markdown file by its name, or a text that opens with a front matter naming a page."""
    if name and PurePosixPath(name).suffix.lower() in MARKDOWN_SUFFIXES:
        return True
    return text.startswith("---") and _front_matter_span(front_lines(text)) is not None


def front_lines(text: str) -> list[str]:
    """The first lines of `text`, as many as a front matter can span (the whole text is not split for it)."""
    return text[: MAX_FRONT_MATTER_CHARS + 2].splitlines()


def _front_matter_span(lines: list[str]) -> int | None:
    """The number of lines of a front matter ("---" … "---" or "..." at the very start), or None."""
    if not lines or lines[0].strip() != "---":
        return None
    size = len(lines[0])
    for n, line in enumerate(lines[1:], start=1):
        size += len(line) + 1
        if size > MAX_FRONT_MATTER_CHARS:
            return None
        if line.strip() in ("---", "..."):
            return n + 1 if n > 1 else None
    return None


def read_front_matter(lines: list[str]) -> tuple[FrontMatter | None, int]:
    """The front matter's metadata (None when it is not a mapping) and how many lines it spans (0: none)."""
    span = _front_matter_span(lines)
    if span is None:
        return None, 0
    import yaml

    try:
        data = yaml.safe_load("\n".join(lines[1 : span - 1]))
    except yaml.YAMLError:
        return None, span
    if not isinstance(data, dict):
        return None, span
    lowered = {str(k).strip().lower(): v for k, v in data.items()}

    def first(name: str) -> Any:
        return next((lowered[k] for k in _KEYS[name] if lowered.get(k) not in (None, "", [])), None)

    published = first("published")
    return FrontMatter(
        title=_one_string(first("title")),
        url=_one_string(first("url")),
        byline=", ".join(_strings(first("byline"))) or None,
        published=published.isoformat()[:10] if isinstance(published, (_dt.date, _dt.datetime)) else _one_string(published),
        site=_one_string(first("site")),
        language=_one_string(first("language")),
        keywords=[k for k in _strings(first("keywords")) if k.lower() != "clippings"],
    ), span


def _strings(value: Any) -> list[str]:
    """The non-empty strings of a value or a list of values, wiki-link brackets ("[[Jane Smith]]") taken off."""
    items = value if isinstance(value, list) else [value]
    found = [" ".join(_WIKI_LINK_RE.sub(r"\1", str(item)).split()) for item in items if isinstance(item, (str, int, float))]
    return [item for item in found if item]


def _one_string(value: Any) -> str | None:
    found = _strings(value)
    return found[0][:1000] if found else None


@dataclass
class PlainMarkdown:
    """A Markdown file as plain lines (`text`: line N is line N of the file), with what its structure says."""

    text: str
    front: FrontMatter | None  # None when it has no front matter that is a mapping
    front_lines: int  # lines the front matter spans (0: none)
    paragraphs: dict[int, int] | None  # first line -> last line (1-based) of each paragraph written over several
    # lines; None for a file too long to parse (`MAX_MARKDOWN_CHARS`): its lines are judged as a dump's


def plain_markdown(text: str) -> PlainMarkdown:
    """`text` with its Markdown syntax taken out line for line (front matter lines blank), its front matter
    and its paragraphs that span several lines (soft-wrapped in the file: one paragraph, not several lines)."""
    from markdown_it import MarkdownIt

    source = text.splitlines()
    meta, span = read_front_matter(source)
    if len(text) > MAX_MARKDOWN_CHARS:
        return PlainMarkdown("\n".join([""] * span + source[span:]), meta, span, None)
    out = [""] * len(source)
    paragraphs: dict[int, int] = {}
    body = [""] * span + source[span:]
    tokens = MarkdownIt("commonmark").enable("table").parse("\n".join(body))
    in_cell: list[str] | None = None
    row_line = 0
    for token in tokens:
        if token.type in ("fence", "code_block") and token.map:
            start = token.map[0] + (1 if token.type == "fence" else 0)
            for n, code in enumerate(token.content.splitlines()):
                if start + n < len(out):
                    out[start + n] = code
        elif token.type == "html_block" and token.map:
            for n in range(token.map[0], min(token.map[1], len(out))):
                out[n] = " ".join(_TAG_RE.sub(" ", source[n]).split())
        elif token.type == "tr_open" and token.map:
            in_cell, row_line = [], token.map[0]
        elif token.type == "tr_close" and in_cell is not None:
            out[row_line] = "\t".join(cell for cell in in_cell if cell)
            in_cell = None
        elif token.type == "inline" and token.map:
            segments = _inline_lines(token.children or [])
            if in_cell is not None:
                in_cell.append(" ".join(" ".join(segments).split()))
                continue
            first = token.map[0]
            for n, segment in enumerate(segments):
                if first + n < len(out):
                    out[first + n] = segment
            written = [first + n for n, segment in enumerate(segments) if segment and first + n < len(out)]
            if len(written) > 1:
                paragraphs[written[0] + 1] = written[-1] + 1
    return PlainMarkdown("\n".join(out), meta, span, paragraphs)


def _inline_lines(children: list[Any]) -> list[str]:
    """The plain text of an inline token, one string per source line: links by their text, images, raw HTML
    tags and footnote marks dropped, emphasis and code marks taken off."""
    lines: list[str] = [""]
    for child in children:  # an image's alt text is in its own children, never read here
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            lines.append("")
        elif kind in ("text", "code_inline"):
            lines[-1] += child.content
        elif kind == "html_inline":
            lines[-1] += " "
    return [" ".join(_FOOTNOTE_RE.sub("", line).split()) for line in lines]
