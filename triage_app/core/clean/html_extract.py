"""Cleaning an HTML page: trafilatura proposes the main text, we map it onto the page's own blocks.

1. The page is parsed once (lxml), cut into blocks with DOM paths (`html_walk`) and prepared (`html_prepare`).
2. trafilatura runs on the same tree (`extractor_call`; without comments, its fallbacks on); a block is
   the extractor's when most of its 4-token shingles are in the extracted text (`extraction_map`).
3. Our own rules then drop what an analyst does not want in the body: the standfirst, bylines,
   share/newsletter/related/comment blocks found by their DOM context, and link
   runs. Every removed block gets the reason that removed it. A rule stays only if it helps on more
   than one page set (`python -m triage_app.bench clean --ablate`): removing the headline from the
   body, re-scoring the kept blocks as a text dump ("settle") and removing number-only blocks did not,
   and went.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate

from triage_app.core.clean import patterns as P
from triage_app.core.clean.dates import is_date_line
from triage_app.core.clean.extraction_map import (
    map_extraction,
    shingle_list,
    tokens_of,
)
from triage_app.core.clean.frame_contexts import without_frames
from triage_app.core.clean.gap_paragraphs import restore_gaps
from triage_app.core.clean.html_blocks import RawBlock
from triage_app.core.clean.html_prepare import NO_RULES_OFF, Prepared, prepare_html
from triage_app.core.clean.line_features import is_prose
from triage_app.core.clean.metadata import PageMeta
from triage_app.core.clean.text_dump import clean_lines, settle
from triage_app.core.clean.text_lines import Line, annotate_groups

log = logging.getLogger(__name__)
_STANDFIRST_RE = re.compile(r"dek|standfirst|sub-?title|summary|lede|excerpt|subhead|strapline|teaser|description|intro", re.I)
# Context reasons strong enough to veto a block the extractor kept.
_VETO_CONTEXT = {P.SHARE, P.NEWSLETTER, P.RELATED, P.ADVERT, P.AUTHOR_BIO, P.NAVIGATION, P.FOOTER, P.HIDDEN}


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
        if any(c in _VETO_CONTEXT for c in block.context) or block.path.rsplit("/", 1)[0] != blocks[origin].path.rsplit("/", 1)[0]:
            continue
        if any(kept[j] and counts[norms[j]] == 1 and len(blocks[j].text) >= 40 for j in range(origin + 1, i)):
            kept[i] = True


_REPEATABLE = ("paragraph", "list-item", "blockquote")


def _is_short(block: RawBlock, words: int = 25) -> bool:
    return len(block.text.split()) <= words


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
    """The removal reason of every block (None = kept in the body); `copies`: `_hidden_copies`, found here unless given."""
    names = {P.normalise(n) for n in re.split(r",| and ", meta.byline or "") if n.strip()}
    if copies is None:
        copies = _hidden_copies(blocks, kept)
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
    floor = GUARD_SHARE * _guard_total(blocks, kept, copies)
    if "gaps" not in disabled:
        restore_gaps(blocks, reasons)
    if "link-runs" not in disabled:
        _link_runs(blocks, reasons, floor=floor)
    if "edges" not in disabled:
        _edge_boilerplate(blocks, reasons, facts.titles, floor=floor)
    return reasons


def _edge_reason(block: RawBlock) -> str | None:
    """A boilerplate pattern an edge block matches: the patterns of any length (`patterns.long_reason`), and
    those of short menu-like lines (`text_reason`) only on a short block that does not read as prose (a
    closing paragraph "Also on Tuesday, a judge ..." starts like a "related" label)."""
    if _is_short(block) and not is_prose(Line(0, block.text, 0)):
        return P.text_reason(block.text)
    return P.long_reason(block.text)


def _edge_boilerplate(blocks: list[RawBlock], reasons: list[str | None], titles: set[str], floor: float = 0.0) -> None:
    """The extractor's region often takes in a line of the page's chrome next to the article: "Skip to main
    content", "View in browser", "Subscribe to: Post Comments (Atom)", a copyright line, an unsubscribe
    footer. Kept blocks at the start and at the end of the kept text that match a boilerplate pattern as the
    dump scorer reads lines (`patterns.text_reason` when short, else `long_reason`) are removed, edge inwards, up to the first
    that is not; the same line inside the text stays (prose that mentions a newsletter). A page title is
    never one (a headline that starts "Print ..."): at the start it is passed over and kept, so the chrome set
    under it ("5 min read", "Listen to this article") goes too. Nor is a photo credit: that is the article's picture, not the
    page's chrome (and "(photo above)" opens prose paragraphs). No line goes that would leave less than `floor` characters
    kept (the guard's share, as for `link-runs`): this rule never makes the guard undo the others."""
    kept = [i for i, reason in enumerate(reasons) if reason is None]
    left = sum(len(blocks[i].text) for i in kept)
    for order in (kept, kept[::-1]):
        for i in order:
            block = blocks[i]
            if block.norm in titles:
                if order is kept:  # the headline stays and the start's chrome may be under it
                    continue
                break
            reason = _edge_reason(block)
            if reason in (None, P.CAPTION) or reasons[i] is not None or left - len(block.text) < floor:  # reasons[i]: the other pass took it
                break
            reasons[i] = reason
            left -= len(block.text)


LINK_RUN_EDGE = 400
"""A link run is a list beside the article only when at most this many characters of kept text that is
not link text lie before it or after it; with more on both sides it is a list inside the article."""


def _link_runs(blocks: list[RawBlock], reasons: list[str | None], floor: float = 0.0) -> None:
    """Runs of two or more kept blocks that are all link text, before or after the page's own text, are
    link lists (related stories, menus).

    A run with the article's text on both sides is one of its lists (items it talks about, patches, deals,
    cards) and stays. Nothing is removed when the runs would leave less than `floor` characters kept (the
    guard's share of what the extractor kept): then the links are the page, and the guard would otherwise
    undo every other rule's removals with this one's."""
    # Characters of kept text that is not link text before each block (and in all, at the end)
    before = list(accumulate((len(b.text) if r is None and not _is_link_text(b) else 0 for b, r in zip(blocks, reasons)), initial=0))
    runs = [run for run in _dense_runs(blocks, reasons) if _beside_the_text(before, run)]
    removed = sum(len(blocks[j].text) for run in runs for j in run)
    if sum(len(b.text) for b, r in zip(blocks, reasons) if r is None) - removed < floor:
        return
    for run in runs:
        for j in run:
            reasons[j] = P.RELATED


def _is_link_text(block: RawBlock) -> bool:
    return block.link_density >= 0.8


def _dense_runs(blocks: list[RawBlock], reasons: list[str | None]) -> list[list[int]]:
    """Runs of two or more adjacent kept blocks that are short (30 words at most) and all link text."""
    runs: list[list[int]] = []
    run: list[int] = []
    for i in [*(i for i, r in enumerate(reasons) if r is None), -1]:
        dense = i >= 0 and _is_link_text(blocks[i]) and _is_short(blocks[i], 30)
        if dense and (not run or _adjacent(blocks, reasons, run[-1], i)):
            run.append(i)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [i] if dense else []
    return runs


def _beside_the_text(before: list[int], run: list[int]) -> bool:
    """Whether at most `LINK_RUN_EDGE` characters of the page's own text (kept, not link text; `before[i]`
    of them precede block i) lie before `run` or after it: the run is at the start or the end of the text."""
    return min(before[run[0]], before[-1] - before[run[-1] + 1]) <= LINK_RUN_EDGE


def _adjacent(blocks: list[RawBlock], reasons: list[str | None], a: int, b: int) -> bool:
    """No kept block between a and b."""
    return all(reasons[k] is not None for k in range(a + 1, b))


def _local_contexts(blocks: list[RawBlock], kept: list[bool], copies: set[int], share: float = 0.25) -> set[str]:
    """Paths of vetoing ancestors that hold only a small share of the kept text (a widget, not the page).

    Text inside a hidden ancestor that repeats the page's shown text (a display:none schema.org copy of
    the article, `_hidden_copies`) does not count: a copy is not the page's only text, however long it is."""
    total = sum(len(b.text) for b, k in zip(blocks, kept) if k)
    under: dict[str, int] = {}
    for i, (block, keep) in enumerate(zip(blocks, kept)):
        if keep:
            for reason, path in zip(block.context, block.context_paths):
                if reason in _VETO_CONTEXT and not (reason == P.HIDDEN and i in copies):
                    under[path] = under.get(path, 0) + len(block.text)
                elif reason in _VETO_CONTEXT:
                    under.setdefault(path, 0)
    return {path for path, chars in under.items() if chars < share * total}


HIDDEN_COPY = 0.8
"""Share of a hidden block's 4-word shingles that must be in the shown kept blocks for it to be a copy."""


def _hidden_copies(blocks: list[RawBlock], kept: list[bool]) -> set[int]:
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
        if _is_short(block, 12) and (is_date_line(block.text) or P.PUBLISHED_LINE_RE.match(block.text)):
            return P.DATE
    if block.context:
        return block.context[0]
    if block.kind == "caption" or (_is_short(block, 12) and P.CREDIT_RE.search(block.text)):
        return P.CAPTION
    text_reason = P.text_reason(block.text) if _is_short(block) else None
    if text_reason:
        return text_reason
    if index < facts.first_kept:
        # Before the article: the page's description shown above it is its standfirst; links and a few
        # words are its menus; prose (a tagline, a cookie notice, a teaser) is only not the article.
        if block.norm in facts.descriptions:
            return P.SUMMARY
        if block.link_density >= 0.5 or _is_short(block, NAVIGATION_WORDS):
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
    veto = next((c for c, p in zip(block.context, block.context_paths) if c in _VETO_CONTEXT and p in facts.local), None)
    if veto and "veto" not in off:
        return veto
    if "linked-text" not in off and block.link_density >= 0.5 and not _is_short(block) and (reason := P.text_reason(block.text)):
        return reason
    return None


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
    copies = _hidden_copies(blocks, kept)  # found once for the rules and the guard
    reasons = decide(blocks, kept, page.meta, disabled=disabled, copies=copies)
    if "guard" not in disabled:
        if sum(len(b.text) for b, r in zip(blocks, reasons) if r is None) < GUARD_SHARE * _guard_total(blocks, kept, copies):
            reasons = decide(blocks, kept, page.meta, disabled=frozenset(RULES), copies=copies)
    return reasons


GUARD_SHARE = 0.5
"""The rules may remove at most this share of the text the extractor kept; past it they are all wrong."""


def _guard_total(blocks: list[RawBlock], kept: list[bool], copies: set[int] | None = None) -> int:
    """The characters the extractor kept, of which the guard lets the rules remove at most half (`link-runs`
    stops short of that itself). A hidden copy of shown text (`copies`, found here unless given) is not text
    the rules can lose: it is left out."""
    if copies is None:
        copies = _hidden_copies(blocks, kept)
    return sum(len(b.text) for i, (b, k) in enumerate(zip(blocks, kept)) if k and i not in copies)


def clean_html(
    html: str, *, disabled: frozenset[str] = NO_RULES_OFF, url: str | None = None
) -> tuple[list[RawBlock], list[str | None], PageMeta] | None:
    """Blocks of an HTML page with their removal reasons and the page metadata; None if lxml fails."""
    page = prepare_html(html, disabled, url=url)
    if page is None:
        return None
    return page.blocks, apply_rules(page, disabled), page.meta
