"""How a page's `<pre>` reads in the cleaned text: its lines kept, or its hard-wrapped prose re-joined.

The walk judges every block by its text with white space collapsed (`html_walk`), which is what the rules
need; shown that way, a `<pre>` loses what the browser shows. Two kinds of `<pre>` are common:

- a listing (code, a command's output, a table in aligned columns, verse): its lines are its meaning, so
  they are kept as they are, their common indentation removed (kind "preformatted", shown in a fixed-width font);
- prose hard-wrapped at 72-80 columns (mailing-list archives, press releases and old pages set in `<pre>`):
  its wrapped lines are re-joined into paragraphs as a text dump's are (`unwrap.rejoin_wrapped`), the
  lines a wrap does not explain (a signature, a list, a salutation) kept apart (kind "paragraph").

The words are the block's own either way (only a word hyphenated across a wrap is joined), so what the
rules decided on is what is shown.
"""

from __future__ import annotations

import re
import textwrap

from triage_app.core.clean.invisible import without_invisible
from triage_app.core.clean.line_features import is_prose, listing_line
from triage_app.core.clean.text_lines import split_lines
from triage_app.core.clean.unwrap import rejoin_wrapped
from triage_app.core.records import PREFORMATTED

TAB_SIZE = 8
"""A browser's tab stops in `<pre>`."""
MAX_LISTING_SHARE = 0.1
"""More than this share of indented or listing lines makes a `<pre>` a listing, however its lines end."""
MAX_CHARS = 2_000_000
"""A larger `<pre>` (a log pasted into a page), or one whose tabs would make it larger, is shown as its collapsed text."""
MIN_WORD_SHARE = 0.8
"""Hard-wrapped prose is mostly words: below this share of its space-separated tokens free of code marks
(`_CODE_TOKEN_RE`: a diagram's `NODE_ID(["label"]) -->` edges, a shell session) a `<pre>` keeps its lines."""
_CODE_TOKEN_RE = re.compile(r"^(?!(?:-{1,2}|[–—&/]|\.{3}|…)$)[^\w]+$|[_\[\]{}<>=|\\#@*^~]|\w[(\"]")
"""A token prose does not write: symbols alone (not a dash, "&", "/" or an ellipsis), a code or markup mark anywhere
in it (underscore, brackets, braces, angle brackets, "=", "|", "#", "@", "*"), or a word glued to "(" or a quote
(a call, a node's label)."""
MAX_REFLOW_LINES = 5_000
"""A `<pre>` of more lines keeps them without the test for wrapped prose (which reads every line: 5 s for 900,000)."""


def listing_lines(raw: str) -> list[str]:
    """The `<pre>`'s lines: tabs expanded, trailing white space cut, the common indentation removed, blank
    lines at either end dropped and runs of blank lines made one."""
    lines = [line.rstrip() for line in textwrap.dedent(raw.expandtabs(TAB_SIZE)).splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def _reflowed(lines: list[str]) -> str | None:
    """The lines' paragraphs with hard-wrapped lines re-joined, or None when the text is not hard-wrapped
    prose: a listing's lines may look wrapped (a long statement, a comment over several lines), so a text
    with more than `MAX_LISTING_SHARE` of its lines indented or of a listing (`line_features.listing_line`:
    code, markup, columns) keeps its lines, as does one whose tokens are not mostly plain words (`MIN_WORD_SHARE`)."""
    tokens = coded = 0  # counted line by line: a 2 MB `<pre>` is not copied into a list of its tokens
    for shown in lines:
        words = shown.split()
        tokens += len(words)
        coded += sum(1 for token in words if _CODE_TOKEN_RE.search(token))
    if tokens - coded < MIN_WORD_SHARE * tokens:
        return None
    split = split_lines("\n".join(lines))
    most = MAX_LISTING_SHARE * len(split)
    if sum(1 for line in split if line.indent) > most or sum(1 for line in split if listing_line(line)) > most:
        return None
    joined = rejoin_wrapped(split)
    if joined is split or 2 * sum(len(line.text) for line in joined if is_prose(line)) < sum(len(line.text) for line in joined):
        return None  # not wrapped, or most of it is no prose once re-joined (a diagram's edges, a list of names)
    paragraphs: list[list[str]] = []
    group = None
    for line in joined:
        if line.group != group:
            paragraphs.append([])
            group = line.group
        paragraphs[-1].append(line.text)
    return "\n\n".join("\n".join(paragraph) for paragraph in paragraphs)


def preformatted(raw: str) -> tuple[str, str] | None:
    """(text, kind) of a `<pre>` whose text is `raw` as the page holds it; None when it is one line (its
    collapsed text says it all) or too large to re-flow."""
    if "\n" not in raw.strip() or len(raw) + (TAB_SIZE - 1) * raw.count("\t") > MAX_CHARS:
        return None
    if not raw.isascii():
        raw = without_invisible(raw)
    lines = listing_lines(raw)
    if len(lines) < 2:
        return None
    prose = _reflowed(lines) if len(lines) <= MAX_REFLOW_LINES else None
    if prose is not None:
        return prose, "paragraph"
    return "\n".join(lines), PREFORMATTED
