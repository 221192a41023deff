"""Preparing an HTML page for the cleaner's rules: parsed once, cut into blocks, run through the extractor.

The page is parsed (`html_parse`) and segmented (`html_walk`), its metadata read, and trafilatura run on
the same tree (`extractor_call`: no second parse) after everything that reads the tree has done so (the
extractor prunes it). When most of the extraction is not in the page's blocks, `<noscript>` is read too, or the
extraction's own lines become the blocks. `html_extract.apply_rules` then decides each block.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from triage_app.core.clean.extraction_map import (
    ExtractionShingles,
    NumberedBlocks,
    block_tokens,
    extraction_coverage,
    extraction_shingles,
    number_block_shingles,
)
from triage_app.core.clean.extractor_call import (
    extract_from_tree,
    extract_text,
    options_on_a_tree,
    tree_is_trafilaturas,
)
from triage_app.core.clean.html_blocks import RawBlock
from triage_app.core.clean.html_parse import parse_html, tree_depth_exceeded
from triage_app.core.clean.html_walk import segment_tree
from triage_app.core.clean.metadata import page_metadata
from triage_app.core.clean.page_meta import PageMeta

log = logging.getLogger(__name__)

NO_RULES_OFF: frozenset[str] = frozenset()
"""No rule switched off (`html_extract.RULES` names them; the benchmark's ablation switches them off one by one)."""

TRAFILATURA_OPTIONS: dict[str, Any] = {"include_comments": False}
"""The options the cleaner passes to trafilatura (the benchmark imports them, so both use one source).

Chosen by measurement on all five development sets (docs/cleaning.md, "Choosing the extractor's
options"): comments off and everything else trafilatura's default, so its readability/jusText
fallbacks run. `fast=True, favor_recall=True` (the options before) was best on aeb-dev only."""

LARGE_PAGE = 20_000_000
"""Pages longer than this (in characters) skip the extractor, as trafilatura itself refuses them; below
it a big page is slower to extract (about 2 s at 3 MB) but the extractor is right far more often."""


def run_trafilatura(html: str, tree: Any = None) -> str | None:
    """trafilatura's main text for a page, or None when it finds none or fails.

    With `tree` (parsed from `html`, and one trafilatura would make the same:
    `extractor_call.tree_is_trafilaturas`), its steps run on that tree, which they prune: no second
    parse, no copy. Otherwise its `extract` runs on the markup (`extract_text`: with the element classes
    looked up in C)."""
    if tree is not None:
        try:
            return extract_from_tree(html, tree, TRAFILATURA_OPTIONS)
        except Exception:  # a tree it cannot take: its own parse of the markup, as on any other page
            log.debug("trafilatura failed on the parsed tree", exc_info=True)
    try:
        return extract_text(html, TRAFILATURA_OPTIONS)
    except Exception:  # the extractor is a helper: any failure of it falls back to our own scoring
        log.debug("trafilatura failed", exc_info=True)
        return None


def _needs_shown_byline(meta: PageMeta, url: str | None, blocks: list[RawBlock]) -> bool:
    """The engine will ask for the page's shown byline: the metadata's author is not claimed by the page
    (`PageMeta.claimed_byline`, as `engine.clean_html_document` asks it)."""
    return meta.byline_source is not None and meta.claimed_byline(url, "\n".join(b.text for b in blocks)) is None


def _read_before_pruning(meta: PageMeta, html: str, url: str | None, blocks: list[RawBlock]) -> None:
    """Read from the tree, before the extractor prunes it, what the cleaner reads from it later: the shown
    byline when it will be asked for; should the blocks change after all (`<noscript>`, `unmapped`) and it
    be asked for then, it is read from the page parsed again."""
    if _needs_shown_byline(meta, url, blocks):
        _ = meta.shown_byline
    elif meta.byline_source is not None:
        meta.byline_source = lambda: page_metadata(parse_html(html)).shown_byline


@dataclass
class Prepared:
    """A page parsed and run through the extractor, ready for the rules."""

    blocks: list[RawBlock]
    meta: PageMeta
    extracted: str | None
    read_noscript: bool = False
    unmapped: bool = False
    shingles: ExtractionShingles | None = None  # the extraction's tokens and shingles, made once
    numbered: NumberedBlocks | None = None  # the blocks' shingles numbered with them (for these blocks)


NOSCRIPT_COVERAGE = 0.5
"""Below this share of the extraction's shingles found in the page's blocks, <noscript> is read too."""
UNMAPPED_COVERAGE = 0.5
"""Below this share (after <noscript>), the extraction's own lines become the blocks (rule `unmapped`)."""


def _extraction_blocks(extracted: str) -> list[RawBlock]:
    """The extractor's text as blocks, one per line, each pointing at its line (no DOM path to give)."""
    return [
        RawBlock(" ".join(line.split()), "paragraph", f"extraction:/line[{n}]", "p")
        for n, line in enumerate(extracted.splitlines(), start=1)
        if line.strip()
    ]


ENOUGH_COVERAGE = max(NOSCRIPT_COVERAGE, UNMAPPED_COVERAGE)
"""At or above this coverage neither <noscript> is read nor the extraction's lines used: its exact value is not needed."""


def prepare_html(html: str, disabled: frozenset[str] = NO_RULES_OFF, *, url: str | None = None) -> Prepared | None:
    """Parse, segment and extract a page once; None when lxml cannot make a usable tree.

    Pages built by scripts often serve their text to readers without scripts in `<noscript>`, which
    the walk skips (elsewhere it holds tracking pixels and "enable JavaScript" notes). When most of
    what the extractor found is not in the page's blocks and reading `<noscript>` finds it, the page
    is segmented again with it (rule `noscript`).

    The extractor runs on the same tree when it can (`run_trafilatura`), after everything else has
    read it: it prunes it. `url` (where the file came from) tells whether the shown byline is read then."""
    tree = parse_html(html)
    if tree is None or tree_depth_exceeded(tree):
        return None
    meta = page_metadata(tree)
    blocks = segment_tree(tree)
    has_noscript = tree.find(".//noscript") is not None
    if not blocks and not has_noscript:
        return None
    extracted = None
    if len(html) <= LARGE_PAGE:
        if options_on_a_tree(TRAFILATURA_OPTIONS) and tree_is_trafilaturas(html, tree):
            _read_before_pruning(meta, html, url, blocks)
            extracted, tree = run_trafilatura(html, tree), None  # the tree is pruned now
        else:
            extracted = run_trafilatura(html)
    read_noscript = unmapped = False
    shingles = extraction_shingles(extracted) if extracted else None
    numbered = number_block_shingles(shingles, block_tokens(blocks)) if shingles else None
    coverage = extraction_coverage(shingles, blocks, numbered, enough=ENOUGH_COVERAGE) if shingles else 1.0
    if extracted and has_noscript and "noscript" not in disabled and coverage < NOSCRIPT_COVERAGE:
        with_noscript = segment_tree(tree if tree is not None else parse_html(html), read_noscript=True)
        if shingles and (after := extraction_coverage(shingles, with_noscript, enough=ENOUGH_COVERAGE)) >= coverage + 0.25:
            blocks, read_noscript, coverage, numbered = with_noscript, True, after, None
    if extracted and coverage < UNMAPPED_COVERAGE and "unmapped" not in disabled:
        # The text is where our walk does not go (a JSON blob, attributes, markup lxml reads otherwise)
        blocks, unmapped, numbered = _extraction_blocks(extracted), True, None
    if not blocks:
        return None
    return Prepared(blocks, meta, extracted, read_noscript, unmapped, shingles, numbered)
