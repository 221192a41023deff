"""Cleaning an HTML page: trafilatura proposes the main text, we map it onto the page's own blocks.

1. The page is parsed once (lxml), cut into blocks with DOM paths (`html_walk`) and prepared (`html_prepare`).
2. trafilatura runs on the same tree (`extractor_call`; without comments, its fallbacks on); a block is
   the extractor's when most of its 4-token shingles are in the extracted text (`extraction_map`).
3. Our own rules then drop what an analyst does not want in the body: the standfirst, bylines,
   share/newsletter/related/comment blocks found by their DOM context (`block_reasons`), and link
   runs (`kept_text_edges`). Every removed block gets the reason that removed it. A rule stays only
   if it helps on more than one page set (`python -m triage_app.bench clean --ablate`): removing the
   headline from the body, re-scoring the kept blocks as a text dump ("settle") and removing
   number-only blocks did not, and went.
"""

from __future__ import annotations

import logging
from collections import Counter

from triage_app.core.clean import patterns as P
from triage_app.core.clean.block_reasons import GUARD_SHARE, VETO_CONTEXT, decide, guard_total, hidden_copies
from triage_app.core.clean.extraction_map import map_extraction, shingle_list, tokens_of
from triage_app.core.clean.frame_contexts import without_frames
from triage_app.core.clean.html_blocks import RawBlock
from triage_app.core.clean.html_prepare import NO_RULES_OFF, Prepared, prepare_html
from triage_app.core.clean.page_meta import PageMeta
from triage_app.core.clean.text_dump import clean_lines, settle
from triage_app.core.clean.text_lines import Line, annotate_groups

log = logging.getLogger(__name__)


RULES: tuple[str, ...] = (
    "structured-body",  # add the page's JSON-LD articleBody when the extractor missed much of it
    "frames",  # a sidebar/menu/form-named ancestor holding most of the kept text is the page's frame: no context
    "repeats",  # a paragraph repeating a kept one between kept blocks stays (refrains, repeated clauses)
    "summary",  # the standfirst (meta description) removed from the body
    "byline-meta",  # a block equal to the byline or URL of the metadata removed
    "veto",  # kept blocks under a small share/related/nav/... container removed (not comments: the extractor
    # already leaves comment sections out, and on a forum the replies are the content)
    "linked-text",  # long link-dense blocks that match a boilerplate pattern removed
    "gaps",  # a paragraph, whole list or subheading the extractor left out between kept blocks kept again when it reads as the text's
    "link-runs",  # runs of two or more link-only blocks removed
    "edges",  # boilerplate lines at the start or end of the kept text removed (the headline passed over and kept)
    "guard",  # when the rules would remove most of what the extractor kept, its choice stands
    "noscript",  # a page whose extracted text is only in <noscript> is read with its <noscript> blocks
    "unmapped",  # when the page's blocks hold little of the extraction, its own lines are the blocks
)
"""Names of the cleaner's own HTML rules on top of the extractor; `disabled` switches them off one by one."""


def _keep_repeats(blocks: list[RawBlock], kept: list[bool]) -> None:
    """Keep a paragraph that repeats a kept one word for word, in the same container, with the
    author's own text between the copies (a refrain, a repeated clause).

    The extractor drops text it has already seen. A second copy of the whole article (a print
    version, a hidden duplicate) has no unrepeated kept text between its copies and stays out.
    """
    norms = [b.norm for b in blocks]
    counts = Counter(norms)
    first: dict[str, int] = {}
    for i, (block, keep) in enumerate(zip(blocks, kept)):
        if keep and block.kind in _REPEATABLE and counts[norms[i]] > 1:
            first.setdefault(norms[i], i)
    if not first:
        return
    for i, block in enumerate(blocks):
        origin = first.get(norms[i])
        if origin is None or kept[i] or i < origin or block.kind not in _REPEATABLE or len(block.text) < 20:
            continue
        if any(c in VETO_CONTEXT for c in block.context) or block.path.rsplit("/", 1)[0] != blocks[origin].path.rsplit("/", 1)[0]:
            continue
        if any(kept[j] and counts[norms[j]] == 1 and len(blocks[j].text) >= 40 for j in range(origin + 1, i)):
            kept[i] = True


_REPEATABLE = ("paragraph", "list-item", "blockquote")


def classify_blocks(blocks: list[RawBlock]) -> list[str | None]:
    """Decide blocks without an extractor: score them like the lines of a text dump, then DOM context."""
    lines = [Line(n + 1, " ".join(b.text.split()), n) for n, b in enumerate(blocks)]
    annotate_groups(lines)
    reasons = clean_lines(lines).reasons
    for n, block in enumerate(blocks):
        if reasons[n] is None and block.context and block.context[0] in (P.NAVIGATION, P.FOOTER, P.HIDDEN):
            reasons[n] = block.context[0]
    return reasons


def with_structured_body(extracted: str | None, body: str | None) -> str | None:
    """Add the page's own JSON-LD articleBody to the extraction when the extractor missed much of it."""
    if not body or len(body) < 500:
        return extracted
    wanted = set(shingle_list(tokens_of(body)))
    got = set(shingle_list(tokens_of(extracted or "")))
    if len(wanted & got) >= 0.8 * len(wanted):
        return extracted
    return f"{extracted or ''}\n{body}"


def apply_rules(page: Prepared, disabled: frozenset[str] = NO_RULES_OFF) -> list[str | None]:
    """The removal reason of each block of a prepared page, with the rules in `disabled` switched off."""
    extracted = page.extracted
    if "structured-body" not in disabled:
        extracted = with_structured_body(extracted, page.meta.article_body)
    same = extracted is page.extracted
    shingles, numbered = (page.shingles, page.numbered) if same else (None, None)
    kept = map_extraction(page.blocks, extracted, shingles=shingles, numbered=numbered) if extracted else []
    if not any(kept):
        # No extractor verdict: the blocks are scored like the lines of a dump, settled like one.
        reasons = classify_blocks(page.blocks)
        settle([b.text for b in page.blocks], reasons)
        return reasons
    # The prepared page's blocks are not changed (the benchmark applies the rules to them again and again).
    blocks = page.blocks if "frames" in disabled else without_frames(page.blocks, kept)
    if "repeats" not in disabled:
        _keep_repeats(blocks, kept)
    # The extractor's blocks are not re-scored as a text dump ("settle"): that removed most of the
    # article on pages whose paragraphs look like list lines, after the guard had run.
    copies = hidden_copies(blocks, kept)  # found once for the rules and the guard
    reasons = decide(blocks, kept, page.meta, disabled=disabled, copies=copies)
    if "guard" not in disabled:
        if sum(len(b.text) for b, r in zip(blocks, reasons) if r is None) < GUARD_SHARE * guard_total(blocks, kept, copies):
            reasons = decide(blocks, kept, page.meta, disabled=frozenset(RULES), copies=copies)
    return reasons


def clean_html(
    html: str, *, disabled: frozenset[str] = NO_RULES_OFF, url: str | None = None
) -> tuple[list[RawBlock], list[str | None], PageMeta] | None:
    """Blocks of an HTML page with their removal reasons and the page metadata; None if lxml fails."""
    page = prepare_html(html, disabled, url=url)
    if page is None:
        return None
    return page.blocks, apply_rules(page, disabled), page.meta
