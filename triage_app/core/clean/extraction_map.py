"""Which of the page's blocks the extractor kept: its text mapped onto the blocks by their 4-token shingles.

trafilatura gives text, not elements. A block is the extractor's when most of its shingles are in that
text (`map_extraction`), each shingle given out once, first to the densest run of candidate blocks. The
extraction's tokens and shingles, and the blocks', are made once per page and numbered (`ExtractionShingles`,
`NumberedBlocks`); `coverage` says how much of the extraction the blocks hold at all (below a threshold
the cleaner reads `<noscript>` or takes the extraction's own lines).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain, count, repeat
from operator import sub

from triage_app.core.clean import patterns as P
from triage_app.core.clean.html_blocks import RawBlock
from triage_app.core.clean.tokens import words, words_of_lines


def tokens_of(text: str) -> list[str]:
    """The text's lower-cased word tokens (the regex `\\w+` on the lower-cased text, made faster in `tokens.words`)."""
    return words(text)


def shingles_of(tokens: list[str], n: int = 4) -> Iterable[tuple[str, ...]]:
    """The runs of `n` tokens in order (one shorter run when there are fewer tokens), made as they are read."""
    if len(tokens) < n:
        return [tuple(tokens)] if tokens else []
    return zip(*(tokens[i:] for i in range(n)))


def shingle_list(tokens: list[str], n: int = 4) -> list[tuple[str, ...]]:
    """`shingles_of` as a list."""
    return list(shingles_of(tokens, n))


@dataclass
class ExtractionShingles:
    """The extraction's tokens and its distinct 4-token shingles, each numbered (its first position), made
    once per page for the coverage check and the mapping: these count and look up ints, not tuples of
    strings. The numbering is exact (a dict), not a hash."""

    tokens: list[str]
    ids: dict[tuple[str, ...], int]
    sequence: list[int]  # the extraction's shingles in text order, as ids
    lines: list[str]  # each line of the extraction normalised (`patterns.normalise`)


def extraction_shingles(extracted: str) -> ExtractionShingles:
    """Tokens and numbered shingles of an extraction.

    Tokenised line by line: a line break is never part of a word, so the lines' tokens run together
    are the text's, and each line's tokens joined by spaces are its normalised form."""
    line_tokens = words_of_lines(extracted.splitlines())
    tokens = list(chain.from_iterable(line_tokens))
    ids: dict[tuple[str, ...], int] = {}
    sequence = list(map(ids.setdefault, shingles_of(tokens), count()))
    return ExtractionShingles(tokens, ids, sequence, list(map(" ".join, line_tokens)))


def block_tokens(blocks: list[RawBlock]) -> list[list[str]]:
    """Each block's lower-cased word tokens, made once per block (the coverage check and the mapping
    both need them)."""
    missing = [block for block in blocks if block.tokens is None]
    if missing:
        # Block texts are white-space normalised (no line feeds): one tokenising pass for them all.
        for block, tokens in zip(missing, words_of_lines([block.text for block in missing])):
            block.tokens = tokens
    return [block.tokens or [] for block in blocks]


@dataclass
class NumberedBlocks:
    """The 4-token shingles of each block most of whose words are in the extraction, numbered into the
    extraction's ids (a shingle the extraction lacks gets a new id past them), made once per page for
    the coverage check and the mapping. Blocks of under 4 tokens, or with most words outside the
    extraction, have none here (the mapping never needs theirs)."""

    lists: dict[int, list[int]]  # block index -> its shingles' ids in text order
    in_extraction: int  # how many distinct shingles of the extraction these blocks hold


def number_block_shingles(shingles: ExtractionShingles, token_lists: list[list[str]]) -> NumberedBlocks:
    """Number the shingles of the blocks that may be the extractor's (see `NumberedBlocks`)."""
    in_vocabulary = set(shingles.tokens).__contains__
    ids, serial = dict(shingles.ids), count(len(shingles.sequence))
    number, first_at = ids.setdefault, shingles.ids.get
    extraction_tokens, sequence = shingles.tokens, shingles.sequence
    lists: dict[int, list[int]] = {}
    for i, tokens in enumerate(token_lists):
        if len(tokens) < 4:
            continue
        # Most such blocks are a run of the extraction's tokens: their shingles' ids are a run of its sequence
        at = first_at(tuple(tokens[:4]))
        if at is not None and extraction_tokens[at : at + len(tokens)] == tokens:
            lists[i] = sequence[at : at + len(tokens) - 3]
        elif sum(map(in_vocabulary, tokens)) >= 0.5 * len(tokens):
            lists[i] = list(map(number, zip(tokens, tokens[1:], tokens[2:], tokens[3:]), serial))
    # Every id past the extraction's was made here once, for a shingle of one of these lists.
    made = len(ids) - len(shingles.ids)
    return NumberedBlocks(lists, len(set(chain.from_iterable(lists.values()))) - made)


def _best_run(weights: list[float]) -> tuple[int, int]:
    """(first, last) index of the maximum-sum run of `weights` ((0, -1) when none is positive)."""
    best, span, running, start = 0.0, (0, -1), 0.0, 0
    for i, w in enumerate(weights):
        if running <= 0:
            running, start = 0.0, i
        running += w
        if running > best:
            best, span = running, (start, i)
    return span


def map_extraction(
    blocks: list[RawBlock],
    extracted: str,
    *,
    shingles: ExtractionShingles | None = None,
    numbered: NumberedBlocks | None = None,
) -> list[bool]:
    """For each block, whether the extractor kept it.

    Each shingle of the extracted text is given out once, first to the blocks of the densest run of
    candidates and then to the rest in page order, so a copy of the article elsewhere in the page
    (teasers, hidden duplicates) does not come back. `shingles` are `extracted`'s when the caller has
    them already, `numbered` the blocks' shingles numbered with them (`number_block_shingles`).
    """
    if shingles is None:
        shingles, numbered = extraction_shingles(extracted), None
    lines = Counter(shingles.lines)
    # trafilatura writes a table row as "| cell | cell |": each cell is a line of its own here
    if "|" in extracted:
        lines.update(P.normalise(cell) for line in extracted.splitlines() if line.startswith("|") for cell in line.split("|"))
    del lines[""]
    joined = " " + " ".join(lines) + " "
    available = Counter(shingles.sequence)
    if numbered is None:
        numbered = number_block_shingles(shingles, block_tokens(blocks))
    token_lists = block_tokens(blocks)
    shingle_lists = numbered.lists
    # A short block (a table cell, a label, a count) is often a part of a longer line of the extraction,
    # which joins inline and neighbouring elements: its shingles are then the ones that run across it
    # into its neighbours' words, read from the page's blocks as one run of tokens.
    windows = _short_block_windows(token_lists, shingles.ids)
    candidate = []
    is_available = available.__contains__
    # Blocks none of whose shingles repeats in the block: how many of them the extraction has
    found_once: dict[int, int] = {}
    for i, tokens in enumerate(token_lists):
        if not tokens:
            candidate.append(False)
        elif len(tokens) < 4:
            norm = " ".join(tokens)
            candidate.append(lines[norm] > 0 or (len(tokens) > 1 and f" {norm} " in joined) or bool(windows.get(i)))
        elif i not in shingle_lists:
            candidate.append(False)  # most of its words are not in the extraction: no need for shingles
        else:
            distinct = set(shingle_lists[i])
            found = sum(map(is_available, distinct))
            candidate.append(found >= 0.5 * len(distinct))
            if len(distinct) == len(shingle_lists[i]):
                found_once[i] = found
    weights = [(len(b.text) if c else -min(len(b.text), 200) * 0.5) for b, c in zip(blocks, candidate)]
    first, last = _best_run(weights)
    inside = range(first, last + 1)
    secondary = ("caption", "heading")
    # Link text (a table of contents, a teaser) repeats the headings and lines of the article: it gets
    # the shingles left over once the article's own text has taken its share.
    linked = {i for i in inside if blocks[i].link_density >= 0.5}
    order = [
        *(i for i in inside if blocks[i].kind not in secondary and i not in linked),
        *(i for i in inside if blocks[i].kind in secondary and i not in linked),
        *sorted(linked),
        *range(0, first),
        *range(last + 1, len(blocks)),
    ]
    kept = [False] * len(blocks)
    # What is left of a shingle is its count in the extraction minus what kept blocks took (it may go
    # below zero: a kept block takes its shingles whether the extraction has them or not). Taking is
    # counted with C-level Counter.update on the block's shingle list, not a Python loop per shingle.
    taken: Counter[int] = Counter()
    left_of = available.get
    taken_of = taken.get
    for i in order:
        if not candidate[i]:
            continue
        tokens = token_lists[i]
        if len(tokens) < 4:
            norm = " ".join(tokens)
            if lines[norm] > 0:
                lines[norm] -= 1
                kept[i] = True
            elif (window := next((w for w in windows.get(i, ()) if left_of(w, 0) > taken_of(w, 0)), None)) is not None:
                taken[window] += 1
                kept[i] = True
            continue
        block_shingles = shingle_lists[i]
        if i in found_once and taken.keys().isdisjoint(block_shingles):
            # each shingle needed once and none taken yet: what is left of them is what the extraction has
            got = found_once[i]
        else:
            need = Counter(block_shingles)
            got = sum(map(min, need.values(), map(sub, map(left_of, need, repeat(0)), map(taken_of, need, repeat(0)))))
        if got >= 0.5 * len(block_shingles):
            taken.update(block_shingles)
            kept[i] = True
    return kept


def _short_block_windows(token_lists: list[list[str]], ids: dict[tuple[str, ...], int]) -> dict[int, list[int]]:
    """For each short block (1-3 tokens), the ids of the extraction's shingles that hold all its tokens
    and run into its neighbours' (the page's blocks read as one run of tokens); blocks with none are left out.

    A block that repeats the first words of the block after it (a credit "Nintendo" over the heading
    "Nintendo Switch Lite") or the last words of the one before must be found with the words on that
    side too: read with the other side only, the extraction's one copy of the words is found twice."""
    flat: list[str] = []
    spans = []
    for tokens in token_lists:
        spans.append((len(flat), len(flat) + len(tokens)))
        flat.extend(tokens)
    found: dict[int, list[int]] = {}
    for i, (start, end) in enumerate(spans):
        if not 0 < end - start < 4:
            continue
        size = end - start
        hits, before, after = [], False, False
        for first in range(max(0, end - 4), min(start, len(flat) - 4) + 1):
            shingle = ids.get(tuple(flat[first : first + 4]))
            if shingle is not None:
                hits.append(shingle)
                before, after = before or first < start, after or first + 4 > end
        if not hits:
            continue
        if flat[start:end] == flat[end : end + size] and not after:
            continue
        if flat[start:end] == flat[start - size : start] and start >= size and not before:
            continue
        found[i] = hits
    return found


MIN_UNMAPPED_SHINGLES = 50
"""An extraction shorter than this (distinct 4-token shingles, about 55 words) is always mapped as it is:
on a near-empty page a notice, a byline or a button label is no article to go looking for, and on so
little text a tokenisation difference (a control character the extractor drops) moves the coverage."""


def extraction_coverage(shingles: ExtractionShingles, blocks: list[RawBlock], numbered: NumberedBlocks | None = None, *, enough: float) -> float:
    """The share of the extraction's distinct 4-token shingles that the blocks' text holds (1.0 for a
    short extraction), exact when below `enough`; at or above it, possibly a lower bound (the
    cleaner only asks whether it is below).

    The blocks' text is read as one run (shingles across block boundaries count), from the tokens the
    mapping uses too: the same tokens as of the blocks' texts joined by spaces. When `numbered` (the
    mapping's shingles of these blocks) already holds enough of them, the run is not read: its
    shingles include those."""
    wanted = shingles.ids
    if len(wanted) < MIN_UNMAPPED_SHINGLES:
        return 1.0
    if numbered is not None and (lower := numbered.in_extraction / len(wanted)) >= enough:
        return lower
    flat = list(chain.from_iterable(block_tokens(blocks)))
    return len(wanted.keys() & zip(flat, flat[1:], flat[2:], flat[3:])) / len(wanted)
