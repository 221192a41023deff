"""`clean_document`: the one entry point, for HTML pages and text dumps alike; it never raises."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from triage_app.core.clean import patterns as P
from triage_app.core.clean.byline import fill_byline, shown_names
from triage_app.core.clean.dates import url_date
from triage_app.core.clean.html_blocks import RawBlock
from triage_app.core.clean.invisible import without_invisible
from triage_app.core.clean.line_features import line_kind
from triage_app.core.clean.link_refs import split_references, without_markers
from triage_app.core.clean.markdown_text import front_lines, is_markdown, plain_markdown
from triage_app.core.clean.page_meta import PageMeta
from triage_app.core.clean.site_names import site_from_url
from triage_app.core.clean.templates import SiteTemplate
from triage_app.core.clean.text_dump import clean_lines, settle
from triage_app.core.clean.text_lines import annotate_groups, split_lines
from triage_app.core.clean.unwrap import join_lines, rejoin_wrapped
from triage_app.core.records import Block, CleanResult, ParsedDocument

CLEAN_ENGINE = "triage-clean/1.87"
log = logging.getLogger(__name__)


def clean_text(
    text: str, *, title_hint: str | None = None, url: str | None = None, paragraphs: dict[int, int] | None = None
) -> CleanResult:
    """Clean a plain-text dump: one block per non-blank line, with its line range as source.

    `paragraphs` (first line -> last line) are known paragraphs, joined as they are (a Markdown file's); without
    them hard-wrapped lines are found and re-joined."""
    text = without_invisible(text)  # soft hyphens and word joiners: no part of a word (`invisible.py`)
    lines, references, numbers = split_references(split_lines(text))
    lines, bare = without_markers(join_lines(lines, paragraphs) if paragraphs is not None else rejoin_wrapped(lines), numbers)
    if references:  # a text browser's or a mail's list of link targets is judged apart from the text
        text_lines = [line for i, line in enumerate(lines) if i not in bare]
        annotate_groups(text_lines)
        found = clean_lines(text_lines, title_hint=title_hint, unsure=True)
        judged = dict(zip((line.number for line in text_lines), found.reasons))
        lines = sorted([*lines, *references], key=lambda line: line.number)
        found.reasons = [judged.get(line.number, P.LINK_REFERENCES) for line in lines]
    else:
        found = clean_lines(lines, title_hint=title_hint, unsure=True)
    # Each line is let go as its block is made (from the end, in reverse): the blocks take the memory
    # the lines leave, and a large dump does not hold both at once (~9 MB for 8 MB of kept prose).
    blocks: list[Block] = []
    for n in range(len(lines) - 1, -1, -1):
        line, reason = lines.pop(), found.reasons[n]
        blocks.append(
            Block(n, line_kind(line), line.text, reason is None, reason, f"lines:{line.number}-{line.last or line.number}", P.template_key(line.text))
        )
    blocks.reverse()
    return CleanResult(
        blocks=blocks,
        title=found.title or title_hint,
        byline=found.byline,
        published=found.published,
        site=found.site or (site_from_url(url) if url else None),
        url=url,
        keywords=found.keywords,
    )


def clean_markdown(text: str, *, url: str | None = None) -> CleanResult:
    """Clean a Markdown clip: its syntax taken out line for line, then judged as a text dump. What its front
    matter states (title, source URL, author, date, site, tags, language) wins over the cleaner's guesses, and
    its lines are one removed block ("front matter"), so the original shows them as read, not as kept text."""
    plain = plain_markdown(text)
    front, span = plain.front, plain.front_lines
    result = clean_text(plain.text, url=(front.url if front else None) or url, paragraphs=plain.paragraphs)
    if span:
        raw = " ".join(" ".join(front_lines(text)[:span]).split())
        result.blocks = [
            Block(0, "paragraph", raw, False, P.FRONT_MATTER, f"lines:1-{span}", P.template_key(raw)),
            *(replace(block, index=block.index + 1) for block in result.blocks),
        ]
    if front is not None:
        result.title = front.title or result.title
        result.url = front.url or result.url
        result.byline = front.byline or result.byline
        result.published = front.published or result.published
        result.site = front.site or result.site
        result.language = front.language or result.language
        result.keywords = front.keywords or result.keywords
    return result


def _blocks_from_raw(raw: list[RawBlock], reasons: list[str | None]) -> list[Block]:
    """The page's blocks as stored: each with the text the rules judged, or what a `<pre>` shows (`RawBlock.shown`)."""
    blocks = []
    for n, (b, reason) in enumerate(zip(raw, reasons)):
        text, kind = b.shown or (b.text, b.kind)
        blocks.append(Block(n, kind, text, reason is None, reason, b.path, P.normalised_key(b.norm)))
    return blocks


def _clean_markup_without_tree(html: str) -> tuple[list[RawBlock], list[str | None]]:
    """Pages lxml cannot take: stream-segment them and score the blocks like lines of a dump."""
    from triage_app.core.clean.fallback import segment_markup
    from triage_app.core.clean.html_extract import classify_blocks

    raw = segment_markup(html)
    return raw, classify_blocks(raw)


def clean_html_document(
    html: str, *, url: str | None = None, title_hint: str | None = None, disabled: frozenset[str] = frozenset()
) -> CleanResult:
    """Clean an HTML page: extractor + our rules on the page's own DOM blocks (`disabled`: rules switched off)."""
    from triage_app.core.clean.html_extract import clean_html

    outcome = clean_html(html, disabled=disabled, url=url)
    meta = PageMeta()
    if outcome is None:
        raw, reasons = _clean_markup_without_tree(html)
        settle([b.text for b in raw], reasons)
        from triage_app.core.clean.html_parse import parse_html
        from triage_app.core.clean.metadata import page_metadata

        if len(html) < 5_000_000:
            meta = page_metadata(parse_html(html))
    else:
        raw, reasons, meta = outcome
    page_url = meta.url or url
    site, host = meta.site_and_host(url)
    # the metadata's author when the page shows it (`byline.claimed_byline`), else the names the page shows as its byline
    # (`byline.shown_names`): the page's text and its shown byline are read only when needed
    byline = meta.claimed_byline(url, "\n".join(b.text for b in raw))
    return CleanResult(
        blocks=_blocks_from_raw(raw, reasons),
        title=meta.title or title_hint,
        byline=byline or shown_names(meta.shown_byline, site, host),
        published=meta.published,
        site=site,
        url=page_url,
        language=meta.language,
        keywords=meta.keywords,
    )


def _last_resort(doc: ParsedDocument) -> CleanResult:
    """Every non-blank line kept: used only if the cleaner itself failed on this input."""
    text = doc.text if doc.html is None else re.sub(r"<[^>]*>", " ", doc.html or "")
    blocks = [
        Block(n, "paragraph", line, True, None, f"lines:{number}-{number}", P.template_key(line))
        for n, (number, line) in enumerate((i, " ".join(raw.split())) for i, raw in enumerate((text or "").splitlines(), 1) if raw.strip())
    ]
    return CleanResult(blocks=blocks, title=doc.title, url=doc.url)


def clean_document(
    doc: ParsedDocument, *, template: SiteTemplate | None = None, disabled: frozenset[str] = frozenset()
) -> CleanResult:
    """Blocks in reading order, kept or removed with a reason, plus the page's metadata.

    `disabled` names rules of `html_extract.RULES` to switch off (the benchmark's ablation); empty in use.
    """
    try:
        if doc.format == "pdf":
            from triage_app.core.clean.pdf_text import clean_pdf_text

            result = clean_pdf_text(doc.text or "", title_hint=doc.title, url=doc.url)
        elif doc.html is not None:
            result = clean_html_document(doc.html, url=doc.url, title_hint=doc.title, disabled=disabled)
        elif is_markdown(doc.original_name or doc.source_path, doc.text or ""):
            result = clean_markdown(doc.text or "", url=doc.url)
        else:
            result = clean_text(doc.text or "", title_hint=None, url=doc.url)
            if not result.title:
                result.title = doc.title
    except (RecursionError, MemoryError, Exception):  # noqa: BLE001 - the cleaner must never stop an import
        log.exception("cleaner failed on %s; keeping every line", doc.source_path)
        result = _last_resort(doc)
    if doc.meta:
        _apply_reader_meta(result, doc.meta)
    if template is not None:
        template.apply(result)
    fill_byline(result)
    result.published = result.published or url_date(result.url)
    # The library and `clean` name an untitled page the same way: by its file name.
    result.title = result.title or doc.title or doc.original_name or None
    _without_invisible(result)
    set_language(result)
    return result


def _without_invisible(result: CleanResult) -> None:
    """Soft hyphens and word joiners out of the metadata too (`invisible.py`): a title "Klima&shy;schutz" is
    searched and shown as "Klimaschutz"."""
    for name in ("title", "byline", "site"):
        value = getattr(result, name)
        if value:
            setattr(result, name, without_invisible(value))
    result.keywords = [without_invisible(k) for k in result.keywords]


def set_language(result: CleanResult) -> None:
    """Detect the language from the cleaned text; the page's declared `lang` is evidence, not truth."""
    from triage_app.core.language import detect_language

    guess = detect_language(result.text, declared=result.language)
    result.language = guess.code
    result.language_confidence = round(guess.confidence, 4)


def _apply_reader_meta(result: CleanResult, meta: dict[str, str]) -> None:
    """Metadata the file states outright (an e-mail's Subject, From, Date) wins over the cleaner's guesses."""
    result.title = meta.get("title") or result.title
    result.byline = meta.get("author") or result.byline
    result.published = meta.get("published") or result.published
