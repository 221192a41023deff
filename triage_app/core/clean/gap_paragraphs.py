"""Rule `gaps`: a paragraph the extractor left out between paragraphs it kept.

trafilatura sometimes drops one paragraph from the middle of an article: a lede set apart in its own
wrapper, a paragraph after an inline image or embed, a quotation between two paragraphs. Our blocks
see the page's whole structure, so such a block is kept again when everything says it is one more
paragraph of the same text:

- it lies in a gap of at most `MAX_GAP` removed blocks between two kept blocks;
- it was removed only because the extractor left it out (no DOM context, pattern or caption said why);
- it reads as a sentence of prose (`MIN_WORDS` words or more, a closing full stop, question or
  exclamation mark, quote or bracket) and is not link text;
- it carries the same class/id attributes as one of its kept neighbours: a caption, an author's note
  or a promotion in the middle of the text has markup of its own (`wp-caption-dd`, `caption`,
  `InlineImage-imageEmbedCaption` on the development pages that tried it without this test);
- it is not a photo credit, does not match a boilerplate pattern of any length (`patterns.long_reason`; the
  short-line patterns read "click here" in a sentence as an advert), and the page does not repeat it (a teaser of itself).

Measured on every development set, each page before and after (docs/cleaning.md, twelfth session).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from triage_app.core.clean import patterns as P
from triage_app.core.clean.html import RawBlock

MAX_GAP = 3
"""Removed blocks between the two kept ones at most: a paragraph, a picture's block, an embed."""
MIN_WORDS = 12
MAX_LINK_DENSITY = 0.3
_SENTENCE_END = tuple('.!?"”’)»')
_PHOTO_CREDIT_RE = re.compile(
    r"\b(?:photo|image|picture|foto|bild)s?(?: courtesy\b| by\b|\s*:)|\((?:photo|image)|\bgetty\b|\breuters\b|associated press|\bap\b|shutterstock",
    re.IGNORECASE,
)


def _one_more_paragraph(block: RawBlock, before: RawBlock, after: RawBlock) -> bool:
    """Whether a block left out between `before` and `after` (both kept) reads as their text's paragraph."""
    text = block.text.rstrip()
    if block.kind not in ("paragraph", "blockquote", "list-item") or block.link_density > MAX_LINK_DENSITY:
        return False
    if len(text.split()) < MIN_WORDS or not text.endswith(_SENTENCE_END):
        return False
    if block.own_attrs not in (before.own_attrs, after.own_attrs):
        return False
    return not (_PHOTO_CREDIT_RE.search(text) or P.long_reason(text))


def restore_gaps(blocks: list[RawBlock], reasons: list[str | None]) -> None:
    """Keep again (in place) the left-out paragraphs between kept blocks that read as the text's own."""
    kept = [i for i, reason in enumerate(reasons) if reason is None]
    found = [
        j
        for first, last in pairwise(kept)
        if 1 <= last - first - 1 <= MAX_GAP
        for j in range(first + 1, last)
        if reasons[j] == P.BOILERPLATE and _one_more_paragraph(blocks[j], blocks[first], blocks[last])
    ]
    if found:
        times = Counter(block.norm for block in blocks)  # counted only when there is a candidate
        for j in found:
            if times[blocks[j].norm] == 1:
                reasons[j] = None
