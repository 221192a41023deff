"""Rule `gaps`: a paragraph, a list or a subheading the extractor left out between blocks it kept.

trafilatura sometimes drops one paragraph from the middle of an article: a lede set apart in its own
wrapper, a paragraph after an inline image or embed, a quotation between two paragraphs. Our blocks
see the page's whole structure, so such a block is kept again when everything says it is one more
paragraph of the same text:

- it lies in a gap of at most `MAX_GAP` removed blocks between two kept blocks;
- it was removed only because the extractor left it out (no DOM context, pattern or caption said why);
- it reads as a sentence of prose (`MIN_WORDS` words or more, two CJK characters counting as a word; a
  closing full stop, question or exclamation mark, ellipsis, quote or bracket, German and CJK ones
  included) and is not link text;
- it carries the same class/id attributes as one of its kept neighbours: a caption, an author's note
  or a promotion in the middle of the text has markup of its own (`wp-caption-dd`, `caption`,
  `InlineImage-imageEmbedCaption` on the development pages that tried it without this test);
- it is not a photo credit, does not match a boilerplate pattern of any length (`text_reasons.long_reason`; the
  short-line patterns read "click here" in a sentence as an advert), and the page does not repeat it (a teaser of itself).

A subheading (`<h2>`-`<h6>`) is left out too: a heading alone between two kept blocks is kept again when it
has at most `MAX_HEADING_WORDS` words, is not link text and matches no boilerplate pattern ("Related
stories", "Share this").

A list is left out whole just as often (trafilatura drops many lists). A gap that is all the items of
one list, and nothing else, is kept again when the list sits beside the kept text (its `<ul>`/`<ol>` is a
sibling of a kept neighbour), is not link text (`MAX_LINK_DENSITY` over all its items) and none of its
items matches a boilerplate pattern ("Share", "Home", a copyright line). (`run-fill`, removed in issue 47,
kept any short block inside the article's run; this keeps only whole lists placed in the text.)

Measured on every development set, each page before and after (docs/cleaning.md, twelfth session).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from triage_app.core.clean import patterns as P
from triage_app.core.clean import text_reasons as TR
from triage_app.core.clean.html_blocks import RawBlock
from triage_app.core.clean.line_features import SENTENCE_CLOSERS, word_count

MAX_GAP = 3
"""Removed blocks between the two kept ones at most: a paragraph, a picture's block, an embed."""
MIN_WORDS = 12
MAX_HEADING_WORDS = 20
MAX_LINK_DENSITY = 0.3
_SENTENCE_END = tuple(SENTENCE_CLOSERS)
"""How a sentence ends, with its closing quotes in English, German („…“, »…«) and French, and in CJK text."""

_PHOTO_CREDIT_RE = re.compile(
    r"\b(?:photo|image|picture|foto|bild)s?(?: courtesy\b| by\b|\s*:)|\((?:photo|image)|\bgetty\b|\breuters\b|associated press|\bap\b|shutterstock"
    r"|©|\bquelle\s*:|\bcrédits?\b",
    re.IGNORECASE,
)
"""A picture's credit, in English and in the German and French forms ("Foto: dpa", "Quelle:", "Crédit photo")."""


def _one_more_paragraph(block: RawBlock, before: RawBlock, after: RawBlock) -> bool:
    """Whether a block left out between `before` and `after` (both kept) reads as their text's paragraph."""
    text = block.text.rstrip()
    if block.kind not in ("paragraph", "blockquote", "list-item") or block.link_density > MAX_LINK_DENSITY:
        return False
    if word_count(text) < MIN_WORDS or not text.endswith(_SENTENCE_END):
        return False
    if block.own_attrs not in (before.own_attrs, after.own_attrs):
        return False
    return not (_PHOTO_CREDIT_RE.search(text) or TR.long_reason(text))


def _parent(path: str) -> str:
    return path.rsplit("/", 1)[0]


def _left_out_list(blocks: list[RawBlock], reasons: list[str | None], first: int, last: int) -> bool:
    """Whether the blocks between kept `first` and `last` are one list, left out whole, set in the text."""
    run = range(first + 1, last)
    if not all(reasons[j] == P.BOILERPLATE and blocks[j].kind == "list-item" for j in run):
        return False
    lists = {_parent(blocks[j].path) for j in run}
    if len(lists) != 1 or _parent(lists.pop()) not in (_parent(blocks[first].path), _parent(blocks[last].path)):
        return False
    if sum(blocks[j].link_chars for j in run) > MAX_LINK_DENSITY * sum(len(blocks[j].text) for j in run):
        return False
    return not any(TR.text_reason(blocks[j].text) or TR.long_reason(blocks[j].text) for j in run)


def _left_out_heading(block: RawBlock, reason: str | None) -> bool:
    """A subheading alone between two kept blocks: at most `MAX_HEADING_WORDS` words, not link text, no boilerplate."""
    if reason != P.BOILERPLATE or block.kind != "heading" or block.link_density > MAX_LINK_DENSITY:
        return False
    return word_count(block.text) <= MAX_HEADING_WORDS and not (TR.text_reason(block.text) or TR.long_reason(block.text))


def restore_gaps(blocks: list[RawBlock], reasons: list[str | None]) -> None:
    """Keep again (in place) the left-out paragraphs, lists and subheadings between kept blocks that read as the text's own."""
    kept = [i for i, reason in enumerate(reasons) if reason is None]
    found: list[int] = []
    for first, last in pairwise(kept):
        if last - first == 1:
            continue
        if _left_out_list(blocks, reasons, first, last):
            found.extend(range(first + 1, last))
        elif last - first == 2 and _left_out_heading(blocks[first + 1], reasons[first + 1]):
            found.append(first + 1)
        elif last - first - 1 <= MAX_GAP:
            found.extend(
                j
                for j in range(first + 1, last)
                if reasons[j] == P.BOILERPLATE and _one_more_paragraph(blocks[j], blocks[first], blocks[last])
            )
    if found:
        times = Counter(block.norm for block in blocks)  # counted only when there is a candidate
        for j in found:
            if times[blocks[j].norm] == 1:
                reasons[j] = None
