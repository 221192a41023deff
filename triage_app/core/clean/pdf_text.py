"""Cleaning the text of a PDF: lines by page, a browser's print header and footer removed, the rest
judged like the lines of a text dump.

A page printed from a browser carries, at the top and bottom of every sheet, the print date and
time, the page title, the URL and a page counter ("1/3", "Page 1 of 3"). Those lines are removed
with the reason naming what they held; the URL and the print date become the document's metadata.
The page's own menus, sidebars and footer are printed too: the other lines go through the text-dump
line cleaner. The PDF reader writes pages separated by `PAGE_BREAK`, blocks separated by a blank line
and, inside a block, one line per line the layout did not wrap.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from triage_app.core.clean import patterns as P
from triage_app.core.clean.invisible import without_invisible
from triage_app.core.clean.line_features import line_kind
from triage_app.core.clean.site_names import SUFFIX_SEPARATORS, site_from_url, strip_site_suffix
from triage_app.core.clean.text_dump import clean_lines
from triage_app.core.clean.text_lines import Line, annotate_groups
from triage_app.core.records import Block, CleanResult

PAGE_BREAK = "\f"
EDGE_BLOCKS = 2
"""Blocks at the top and at the bottom of each page examined as a possible header or footer."""
NO_TEXT_LAYER = "no text layer"
MAX_REPEATED_WORDS = 15
"""Longer blocks are content even when they repeat at the same place on every page."""

_URL_RE = re.compile(r"(?:https?://|file:///|www\.)[^\s]+", re.IGNORECASE)
_COUNTER_RE = re.compile(r"\b(?:page\s+)?\d{1,4}\s*(?:/|of)\s*\d{1,4}\b|^\s*(?:page\s+)?\d{1,4}\s*$", re.IGNORECASE)
_DATE_RES = (
    re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2,4}),?\s+(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp][Mm])?"),
    re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{2,4}),?\s+(\d{1,2}):(\d{2})(?::\d{2})?()"),
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::\d{2})?)?()"),
)


@dataclass
class PrintMeta:
    """What a browser's print header and footer say about the page."""

    url: str | None = None
    printed: str | None = None  # ISO 8601, local time of the printing machine


def _iso(match: re.Match[str], pattern: int) -> str | None:
    groups = match.groups()
    try:
        if pattern == 2:
            year, month, day = int(groups[0]), int(groups[1]), int(groups[2])
        else:
            first, second, year = int(groups[0]), int(groups[1]), int(groups[2])
            if year < 100:
                year += 2000
            # 3/12/26 is US order in a slash date unless the first number cannot be a month
            month, day = (first, second) if pattern == 0 and first <= 12 else (second, first)
        hour = int(groups[3]) if groups[3] else None
        minute = int(groups[4]) if groups[4] else 0
        if hour is not None and groups[5]:
            hour = hour % 12 + (12 if groups[5].lower() == "pm" else 0)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        date = f"{year:04d}-{month:02d}-{day:02d}"
        return f"{date}T{hour:02d}:{minute:02d}:00" if hour is not None else date
    except (TypeError, ValueError):
        return None


def _find_date(text: str) -> tuple[re.Match[str], str] | None:
    for n, pattern in enumerate(_DATE_RES):
        match = pattern.search(text)
        if match and (iso := _iso(match, n)):
            return match, iso
    return None


def _edge_indexes(count: int) -> set[int]:
    return set(range(min(EDGE_BLOCKS, count))) | set(range(max(0, count - EDGE_BLOCKS), count))


def _pieces(text: str, title: str | None) -> tuple[str, list[str]]:
    """The text with print-header pieces taken out, and the names of the pieces found."""
    found: list[str] = []
    rest = text
    if (date := _find_date(rest)) is not None:
        rest = rest.replace(date[0].group(0), " ")
        found.append("print date")
    if _URL_RE.search(rest):
        rest = _URL_RE.sub(" ", rest)
        found.append("URL")
    if _COUNTER_RE.search(rest):
        rest = _COUNTER_RE.sub(" ", rest)
        found.append("page number")
    if title and found and title.strip().lower() in rest.lower():
        rest = re.sub(re.escape(title.strip()), " ", rest, flags=re.IGNORECASE)
        found.append("title")
    return " ".join(rest.split()), found


def print_metadata(pages: list[list[str]]) -> PrintMeta:
    """The URL and print date found in the edge blocks of the first page(s)."""
    meta = PrintMeta()
    for blocks in pages[:3]:
        for i in sorted(_edge_indexes(len(blocks))):
            text = blocks[i]
            if len(text) > 400:
                continue
            if meta.url is None and (url := _URL_RE.search(text)):
                meta.url = url.group(0).rstrip(".,;")
            if meta.printed is None and (date := _find_date(text)) is not None:
                meta.printed = date[1]
        if meta.url and meta.printed:
            break
    return meta


def split_pages(text: str) -> list[list[str]]:
    """The reader's text back into blocks per page."""
    return [[b.strip() for b in page.split("\n\n") if b.strip()] for page in text.split(PAGE_BREAK)]


def _repeated(pages: list[list[str]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for blocks in pages:
        counts.update({re.sub(r"\d+", "#", blocks[i].lower()) for i in _edge_indexes(len(blocks))})
    return counts


def edge_reason(text: str, *, page_count: int, repeats: int, title: str | None) -> str | None:
    """Why an edge block is a print header/footer (None when it is content)."""
    if len(text) > 300:
        return None
    rest, found = _pieces(text, title)
    if found and (not rest or (len(rest.split()) <= 12 and repeats >= 2)):
        return f"print header/footer ({', '.join(found)})"
    if page_count >= 2 and repeats >= max(2, (page_count + 1) // 2) and len(text.split()) <= MAX_REPEATED_WORDS:
        return f"print header/footer (repeated on {repeats} pages)"
    return None


def _fold_line(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").replace("“", '"').replace("”", '"').split())


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def clean_pdf_text(text: str, *, title_hint: str | None = None, url: str | None = None) -> CleanResult:
    """Lines of a PDF's text with sources `page:N`: print headers and footers removed with their reason,
    the rest judged like the lines of a browser's text dump (`text_dump.clean_lines`): a page printed
    from a browser carries its menus, sidebars and footer as the dump does."""
    pages = split_pages(without_invisible(text))
    if not any(pages):
        return CleanResult(
            blocks=[Block(0, "paragraph", "This PDF has no text layer (a scan?): OCR is not done.", False, NO_TEXT_LAYER, "page:1", "")],
            title=title_hint,
            url=url,
            site=site_from_url(url) if url else None,
        )
    repeats = _repeated(pages)
    meta = print_metadata(pages)
    printed = bool(meta.url or meta.printed)  # a browser's print header/footer is on the sheets
    lines: list[Line] = []  # every line of every block, numbered in order
    sources: list[str] = []
    fixed: dict[int, str] = {}  # line index -> reason decided here (print header/footer, title)
    for number, page in enumerate(pages, start=1):
        edges = _edge_indexes(len(page))
        for i, body in enumerate(page):
            reason = None
            if i in edges:
                key = re.sub(r"\d+", "#", body.lower())
                reason = edge_reason(body, page_count=len(pages), repeats=repeats[key], title=title_hint)
                at_edge = i in (0, len(page) - 1)
                if reason is None and printed and at_edge and title_hint and _same_text(body, title_hint):
                    reason = "print header/footer (title)"  # the title alone on its own line of the header
            group = lines[-1].group + 1 if lines else 0  # a PDF block is a group of lines, as a dump's paragraph
            for line in body.split("\n"):
                if not line.strip():
                    continue
                if reason is not None:
                    fixed[len(lines)] = reason
                lines.append(Line(len(lines) + 1, line.strip(), group))
                sources.append(f"page:{number}")
    shown = _shown_title(title_hint, lines) if title_hint else None
    wanted = _fold_line(shown) if shown else None  # as `_shown_title` matched it (curly and straight quotes alike)
    for n, candidate in enumerate(lines):
        if wanted and n not in fixed and sources[n] == "page:1" and len(candidate.text.split()) <= 12 and _fold_line(candidate.text) == wanted:
            fixed[n] = "title"  # shown as the document's title, not repeated in its body
    judged = [line for n, line in enumerate(lines) if n not in fixed]
    annotate_groups(judged)
    anchor = _after_headline(lines, fixed, wanted) if wanted else None
    hint = shown or (strip_site_suffix(title_hint, site_from_url(url) if url else None, url) if title_hint else None)
    found = clean_lines(judged, title_hint=hint, unsure=True, anchor=anchor)
    reasons = dict(zip((line.number for line in judged), found.reasons))
    blocks = [
        Block(n, line_kind(line), line.text, (reason := fixed.get(n, reasons.get(line.number))) is None, reason, sources[n],
              P.template_key(line.text))
        for n, line in enumerate(lines)
    ]
    site = site_from_url(url) if url else (_site_in_title(title_hint, shown) if title_hint and shown else None) or found.site
    if not shown and title_hint:  # no line shows it: the title without a suffix naming the site, now known
        shown = strip_site_suffix(title_hint, site, url)
    title = shown or found.title or next((b.text for b in blocks if b.kept and b.kind == "heading"), None)
    return CleanResult(blocks=blocks, title=title, byline=found.byline, published=found.published,
                       site=site, url=url, keywords=found.keywords)


def _after_headline(lines: list[Line], fixed: dict[int, str], wanted: str) -> int | None:
    """Where the article should start among the judged lines (those not in `fixed`): just after the first
    line that shows the headline (`wanted`, folded by `_fold_line`), on whichever page (a print of a page
    with a long menu has its headline on page 3); None when no line shows it."""
    headline = next((n for n, line in enumerate(lines) if len(line.text.split()) <= 12 and _fold_line(line.text) == wanted), None)
    return None if headline is None else sum(1 for n in range(headline + 1) if n not in fixed)


_SEPARATORS_RE = re.compile("|".join(re.escape(sep) for sep in SUFFIX_SEPARATORS))
MAX_SITE_WORDS = 5
"""A longer rest of the Title is a section path or a second headline, not a site's name."""


def _site_in_title(title: str, shown: str) -> str | None:
    """The site a Title names around the headline a line shows: "Headline | Section - Site" gives "Site",
    "Site - Headline" gives "Site" (at most `MAX_SITE_WORDS` words); None when the Title is the headline."""
    title, shown = title.strip(), shown.strip()
    if title == shown:
        return None
    if title.startswith(shown):
        rest, last = title[len(shown):], True
    elif title.endswith(shown):
        rest, last = title[: len(title) - len(shown)], False
    else:
        return None
    parts = [part.strip() for part in _SEPARATORS_RE.split(f" {rest} ") if part.strip()]
    if not parts:
        return None
    site = parts[-1] if last else parts[0]
    return site if len(site.split()) <= MAX_SITE_WORDS else None


SHOWN_TITLE_LINES = 80
"""How many lines from the start are looked at for the page's own headline."""


MAX_SHOWN_TITLE = 300
"""Parts of a Title longer than this are not looked for among the lines (no headline is that long)."""


def _shown_title(title: str, lines: list[Line]) -> str | None:
    """The PDF's title (a browser print's is the page's `<title>`, site name and all) as the page shows it:
    the longest part before a separator (" | ", " - ", ...) that is a line near the start, else the longest part
    after one that has more words than what it follows ("BBC News - Headline"; in "Headline - Site" the site's
    name is often a line too, in the masthead); None when no line shows either. The separators are found in one
    pass: a hostile Title of thousands of them cost a scan of itself for each (13 s for 20,000)."""
    shown = {_fold_line(line.text) for line in lines[:SHOWN_TITLE_LINES]}
    found = sorted(
        ((match.start(), len(sep)) for sep in SUFFIX_SEPARATORS for match in re.finditer(re.escape(sep), title)), reverse=True
    )
    end = len(title)
    for start, width in [(len(title), 0), *found]:
        if start <= 0 or start + width > end:  # no part before it, or a separator cut off by the last cut
            continue
        end = start
        part = title[:start]
        if len(part) <= MAX_SHOWN_TITLE and _fold_line(part) in shown:
            return part.strip()
    begin = 0
    for start, width in reversed(found):
        if start < begin:  # inside the separator the last cut took
            continue
        begin = start + width
        part = title[begin:]
        if len(part) <= MAX_SHOWN_TITLE and len(part.split()) > len(title[:start].split()) and _fold_line(part) in shown:
            return part.strip()
    return None
