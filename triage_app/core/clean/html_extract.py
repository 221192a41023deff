"""Cleaning an HTML page: trafilatura proposes the main text, we map it onto the page's own blocks.

1. The page is parsed once (lxml) and cut into blocks with DOM paths (`html.py`).
2. trafilatura runs on the same tree (fast, favouring recall, without comments); a block is the
   extractor's when most of its 4-token shingles are in the extracted text.
3. Our own rules then drop what an analyst does not want in the body: the title and standfirst
   (metadata), bylines and date lines, share/newsletter/related/comment blocks found by their DOM
   context or their text, and repeats. Every removed block gets the reason that removed it.
"""

from __future__ import annotations

import logging
import re

from triage_app.core.clean import patterns as P
from triage_app.core.clean.dates import is_date_line
from triage_app.core.clean.html import RawBlock, parse_html, segment_tree, tree_depth_exceeded
from triage_app.core.clean.metadata import PageMeta, page_metadata

log = logging.getLogger(__name__)
_TOKEN_RE = re.compile(r"\w+")
# Context reasons strong enough to veto a block the extractor kept.
_VETO_CONTEXT = {P.COMMENTS, P.SHARE, P.NEWSLETTER, P.RELATED, P.ADVERT, P.AUTHOR_BIO, P.NAVIGATION, P.FOOTER, P.HIDDEN}


def _tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.lower())


def _shingles(tokens: list[str], n: int = 4) -> set[tuple[str, ...]]:
    if len(tokens) < n:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def run_trafilatura(tree: object) -> str | None:
    """trafilatura's main text for a parsed tree, or None when it finds none or fails."""
    try:
        import trafilatura

        return trafilatura.extract(  # type: ignore[no-any-return]
            tree, fast=True, favor_recall=True, include_comments=False, include_tables=True, deduplicate=False
        )
    except Exception:  # the extractor is a helper: any failure of it falls back to our own scoring
        log.debug("trafilatura failed", exc_info=True)
        return None


def map_extraction(blocks: list[RawBlock], extracted: str) -> list[bool]:
    """For each block, whether the extractor kept it."""
    lines = [P.normalise(line) for line in extracted.splitlines()]
    line_set = {line for line in lines if line}
    joined = " " + " ".join(lines) + " "
    shingle_set = _shingles(_tokens(extracted))
    kept = []
    for block in blocks:
        tokens = _tokens(block.text)
        if not tokens:
            kept.append(False)
        elif len(tokens) < 4:
            norm = " ".join(tokens)
            kept.append(norm in line_set or (len(tokens) > 1 and f" {norm} " in joined))
        else:
            sh = _shingles(tokens)
            kept.append(len(sh & shingle_set) >= 0.5 * len(sh))
    return kept


def _matches_any(norm: str, candidates: set[str]) -> bool:
    return bool(norm) and norm in candidates


def _is_short(block: RawBlock, words: int = 25) -> bool:
    return len(block.text.split()) <= words


def decide(blocks: list[RawBlock], kept: list[bool], meta: PageMeta) -> list[str | None]:
    """The removal reason of every block (None = kept in the body)."""
    titles = {P.normalise(t) for t in meta.headline_candidates if t}
    descriptions = {P.normalise(d) for d in meta.descriptions if d}
    reasons: list[str | None] = []
    first_kept = next((i for i, k in enumerate(kept) if k), len(blocks))
    seen: dict[str, int] = {}
    for i, (block, keep) in enumerate(zip(blocks, kept)):
        reason = _block_reason(block, keep, i, first_kept, titles, descriptions)
        if reason is None:
            norm = P.normalise(block.text)
            if norm in seen and len(norm) > 0:
                reason = P.DUPLICATE
            seen.setdefault(norm, i)
        reasons.append(reason)
    return reasons


def _block_reason(
    block: RawBlock, keep: bool, index: int, first_kept: int, titles: set[str], descriptions: set[str]
) -> str | None:
    norm = P.normalise(block.text)
    if not keep:
        if block.context:
            return block.context[0]
        text_reason = P.text_reason(block.text) if _is_short(block) else None
        if text_reason:
            return text_reason
        return P.NAVIGATION if index < first_kept else P.BOILERPLATE
    if _matches_any(norm, titles) and (block.kind == "heading" or index <= first_kept + 2):
        return P.TITLE
    if _matches_any(norm, descriptions) and index <= first_kept + 3 and (
        block.kind == "heading" or any(w in block.path for w in ("header",))
    ):
        return P.SUMMARY
    veto = next((c for c in block.context if c in _VETO_CONTEXT), None)
    if veto and _is_short(block, 60):
        return veto
    if _is_short(block):
        if P.BYLINE_RE.match(block.text) and _is_short(block, 12):
            return P.BYLINE
        if is_date_line(block.text) or (P.PUBLISHED_LINE_RE.match(block.text) and _is_short(block, 12)):
            return P.DATE
        text_reason = P.text_reason(block.text)
        if text_reason and text_reason != P.COMMENTS or (text_reason == P.COMMENTS and _is_short(block, 10)):
            return text_reason
    return None


def clean_html(html: str) -> tuple[list[RawBlock], list[str | None], PageMeta] | None:
    """Blocks of an HTML page with their removal reasons and the page metadata; None if lxml fails."""
    tree = parse_html(html)
    if tree is None or tree_depth_exceeded(tree):
        return None
    meta = page_metadata(tree)
    blocks = segment_tree(tree)
    extracted = run_trafilatura(tree)
    if not extracted or not blocks:
        return None
    kept = map_extraction(blocks, extracted)
    if not any(kept):
        return None
    return blocks, decide(blocks, kept, meta), meta
