"""The removal reason of each block of a page the extractor has read (`decide`), and the guard's total.

A block the extractor kept goes when it is the page's standfirst, its byline or URL, under a small vetoing
container, or long link-dense boilerplate; one it left out is named for what it is (headline, byline, date,
caption, its container's context, the menus before the article). The rules at the kept text's edges are in
`kept_text_edges.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from triage_app.core.clean import patterns as P
from triage_app.core.clean import text_reasons as TR
from triage_app.core.clean.dates import is_date_line
from triage_app.core.clean.extraction_map import shingle_list, tokens_of
from triage_app.core.clean.gap_paragraphs import restore_gaps
from triage_app.core.clean.html_blocks import RawBlock
from triage_app.core.clean.html_prepare import NO_RULES_OFF
from triage_app.core.clean.kept_text_edges import edge_boilerplate, is_short, link_runs
from triage_app.core.clean.page_meta import PageMeta

_STANDFIRST_RE = re.compile(r"dek|standfirst|sub-?title|summary|lede|excerpt|subhead|strapline|teaser|description|intro", re.I)
# Context reasons strong enough to veto a block the extractor kept.
VETO_CONTEXT = {P.SHARE, P.NEWSLETTER, P.RELATED, P.ADVERT, P.AUTHOR_BIO, P.NAVIGATION, P.FOOTER, P.HIDDEN}


@dataclass
class _Facts:
    """What the page-level rules compare blocks against."""

    titles: set[str]
    descriptions: set[str]
    names: set[str]
    url: str
    first_kept: int
    local: set[str]
    disabled: frozenset[str] = NO_RULES_OFF


def decide(
    blocks: list[RawBlock], kept: list[bool], meta: PageMeta, *, disabled: frozenset[str] = NO_RULES_OFF,
    copies: set[int] | None = None,
) -> list[str | None]:
    """The removal reason of every block (None = kept in the body); `copies`: `hidden_copies`, found here unless given."""
    names = {P.normalise(n) for n in re.split(r",| and ", meta.byline or "") if n.strip()}
    if copies is None:
        copies = hidden_copies(blocks, kept)
    facts = _Facts(
        titles={P.normalise(t) for t in meta.headline_candidates if t},
        descriptions={P.normalise(d) for d in meta.descriptions if d},
        names={n for n in names if n},
        url=P.normalise(meta.url or ""),
        first_kept=next((i for i, k in enumerate(kept) if k), len(blocks)),
        local=_local_contexts(blocks, kept, copies),
        disabled=disabled,
    )
    reasons = [_block_reason(block, keep, i, facts) for i, (block, keep) in enumerate(zip(blocks, kept))]
    floor = GUARD_SHARE * guard_total(blocks, kept, copies)
    if "gaps" not in disabled:
        restore_gaps(blocks, reasons)
    if "link-runs" not in disabled:
        link_runs(blocks, reasons, floor=floor)
    if "edges" not in disabled:
        edge_boilerplate(blocks, reasons, facts.titles, floor=floor)
    return reasons


def _local_contexts(blocks: list[RawBlock], kept: list[bool], copies: set[int], share: float = 0.25) -> set[str]:
    """Paths of vetoing ancestors that hold only a small share of the kept text (a widget, not the page).

    Text inside a hidden ancestor that repeats the page's shown text (a display:none schema.org copy of
    the article, `hidden_copies`) does not count: a copy is not the page's only text, however long it is."""
    total = sum(len(b.text) for b, k in zip(blocks, kept) if k)
    under: dict[str, int] = {}
    for i, (block, keep) in enumerate(zip(blocks, kept)):
        if keep:
            for reason, path in zip(block.context, block.context_paths):
                if reason in VETO_CONTEXT and not (reason == P.HIDDEN and i in copies):
                    under[path] = under.get(path, 0) + len(block.text)
                elif reason in VETO_CONTEXT:
                    under.setdefault(path, 0)
    return {path for path, chars in under.items() if chars < share * total}


HIDDEN_COPY = 0.8
"""Share of a hidden block's 4-word shingles that must be in the shown kept blocks for it to be a copy."""


def hidden_copies(blocks: list[RawBlock], kept: list[bool]) -> set[int]:
    """Kept blocks under a hidden ancestor whose text the shown kept blocks already hold."""
    hidden = [i for i, (b, k) in enumerate(zip(blocks, kept)) if k and P.HIDDEN in b.context]
    if not hidden:
        return set()
    shown: set[tuple[str, ...]] = set()
    for block, keep in zip(blocks, kept):
        if keep and P.HIDDEN not in block.context:
            shown.update(shingle_list(_block_tokens(block)))
    copies: set[int] = set()
    for i in hidden:
        own = shingle_list(_block_tokens(blocks[i]))
        if own and sum(1 for s in own if s in shown) >= HIDDEN_COPY * len(own):
            copies.add(i)
    return copies


def _removed_reason(block: RawBlock, index: int, facts: _Facts) -> str:
    near_start = index <= facts.first_kept + 2
    if near_start:
        # The article's own headline, byline and date often sit in a <header> or a nav-like wrapper:
        # say what they are, not what their container looks like.
        norm = block.norm
        if norm in facts.titles and (block.kind == "heading" or index >= facts.first_kept - 3):
            return P.TITLE
        if norm in facts.names:
            return P.BYLINE
        if is_short(block, 12) and (is_date_line(block.text) or P.PUBLISHED_LINE_RE.match(block.text)):
            return P.DATE
    if block.context:
        return block.context[0]
    if block.kind == "caption" or (is_short(block, 12) and P.CREDIT_RE.search(block.text)):
        return P.CAPTION
    text_reason = TR.text_reason(block.text) if is_short(block) else None
    if text_reason:
        return text_reason
    if index < facts.first_kept:
        # Before the article: the page's description shown above it is its standfirst; links and a few
        # words are its menus; prose (a tagline, a cookie notice, a teaser) is only not the article.
        if block.norm in facts.descriptions:
            return P.SUMMARY
        if block.link_density >= 0.5 or is_short(block, NAVIGATION_WORDS):
            return P.NAVIGATION
    return P.BOILERPLATE


NAVIGATION_WORDS = 8
"""A block before the article with no context, no links and more words than this is not called navigation."""


def _block_tokens(block: RawBlock) -> list[str]:
    return block.tokens if block.tokens is not None else tokens_of(block.text)


def _in_own_header(path: str) -> bool:
    """Inside a `<header>` of the block's own article: below its innermost `<article>`/`<main>` when it has
    one (a page whose markup leaves everything inside a site `<header>` has no standfirst by that)."""
    cut = max(path.rfind("/article"), path.rfind("/main"))
    return "/header" in path[cut:] if cut >= 0 else "header" in path


def _block_reason(block: RawBlock, keep: bool, index: int, facts: _Facts) -> str | None:
    if not keep:
        return _removed_reason(block, index, facts)
    off = facts.disabled
    norm = block.norm
    if norm in facts.descriptions and norm not in facts.titles and index <= facts.first_kept + 3 and "summary" not in off and (
        block.kind == "heading" or _in_own_header(block.path) or _STANDFIRST_RE.search(block.own_attrs)
    ):
        return P.SUMMARY
    if (norm in facts.names or (facts.url and norm == facts.url)) and "byline-meta" not in off:
        return P.BYLINE if norm in facts.names else P.METADATA
    veto = next((c for c, p in zip(block.context, block.context_paths) if c in VETO_CONTEXT and p in facts.local), None)
    if veto and "veto" not in off:
        return veto
    if "linked-text" not in off and block.link_density >= 0.5 and not is_short(block) and (reason := TR.text_reason(block.text)):
        return reason
    return None


GUARD_SHARE = 0.5
"""The rules may remove at most this share of the text the extractor kept; past it they are all wrong."""


def guard_total(blocks: list[RawBlock], kept: list[bool], copies: set[int] | None = None) -> int:
    """The characters the extractor kept, of which the guard lets the rules remove at most half (`link-runs`
    stops short of that itself). A hidden copy of shown text (`copies`, found here unless given) is not text
    the rules can lose: it is left out."""
    if copies is None:
        copies = hidden_copies(blocks, kept)
    return sum(len(b.text) for i, (b, k) in enumerate(zip(blocks, kept)) if k and i not in copies)
