"""The search syntax: a search string split into an FTS5 expression, exclusions and field filters.

Syntax: words, "phrases", prefix*, OR between terms, -exclusion, and the field filters
`site:`, `relevance:`, `tag:`, `star:yes|no`, `entity:`, `kind:` (capture kind: html, pdf, warc, email ...),
`lang:` (a code or an English name: `lang:de`, `lang:german`, `lang:unknown`); values may be quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from triage_app.core.language import language_code
from triage_app.core.library.fts_text import fts_text
from triage_app.core.library.triage import normalise_relevance
from triage_app.core.library.word_counts import MARKED_WORD

FIELD_NAMES = ("site", "relevance", "tag", "star", "entity", "kind", "lang")
UNKNOWN_LANGUAGE = "unknown"
"""The `lang:` value (and filter value) for documents whose language could not be told."""
MAX_QUERY_CHARS = 1000
MAX_TERMS = 24
"""Search words, phrases and exclusions together: FTS5's cost grows with each (5,000 words took 85 s)."""
MAX_QUERY_PREFIXES = 4
MIN_PREFIX_CHARS = 2
"""A prefix* expands to every indexed word it starts; 'a*' to a tenth of the vocabulary."""

_WORD_RE = re.compile(MARKED_WORD)
"""A bare term's words: its punctuation left out, the marks written in its words kept ("हिन्दी", not "ह न द")."""
_TOKEN_RE = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"?|(\S+))')


@dataclass
class ParsedQuery:
    """A search string split into an FTS5 expression, exclusions and field filters."""

    match: str = ""
    exclude: list[str] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    """What was left out of the search and why, one line each (shown under the search box)."""


def fts_term(text: str, prefix: bool) -> str:
    """`text` as one quoted FTS5 term, a prefix term (`"text"*`) when `prefix`."""
    text = fts_text(text) or ""  # a Chinese, Japanese or Korean word: the phrase of its characters
    quoted = '"' + text.replace('"', '""') + '"'
    return quoted + "*" if prefix else quoted


def parse_query(query: str) -> ParsedQuery:
    """Split the analyst's search string; never raises on odd input."""
    parsed = ParsedQuery()
    terms: list[str] = []
    pending_or = False
    query = query or ""
    if len(query) > MAX_QUERY_CHARS:
        cut = query.rfind(" ", 0, MAX_QUERY_CHARS + 1)
        query = query[: cut if cut > 0 else MAX_QUERY_CHARS]
        parsed.problems.append(f"the search is too long: only its first {MAX_QUERY_CHARS:,} characters are used")
    used = dropped = prefixes = 0
    for match in _TOKEN_RE.finditer(query):
        negate, fname, quoted, bare = match.groups()
        if fname and fname.lower() in FIELD_NAMES:
            value = quoted if quoted is not None else (bare or "")
            if value and fname.lower() == "relevance":
                try:
                    value = normalise_relevance(value)
                except ValueError:
                    parsed.problems.append(
                        f"relevance:{value} is not a relevance (relevant, maybe, not-relevant or unreviewed): ignored"
                    )
                    continue
            if value:
                parsed.fields.setdefault(fname.lower(), []).append(value)
            continue
        if fname:  # "word:" that is not a field: treat as words
            bare = f"{fname} {bare or quoted or ''}"
        if quoted is None and bare == "OR" and not negate:
            pending_or = bool(terms)
            continue
        if quoted is not None:
            words = quoted.replace("\x00", " ").strip()  # SQLite reads a NUL as the end of the query
            prefix = False
        else:
            prefix = (bare or "").endswith("*")
            words = " ".join(_WORD_RE.findall(bare or ""))
        if not words:
            continue
        if prefix and (prefixes >= MAX_QUERY_PREFIXES or len(words) < MIN_PREFIX_CHARS or " " in words):
            if prefixes >= MAX_QUERY_PREFIXES:
                parsed.problems.append(f"at most {MAX_QUERY_PREFIXES} prefix* terms: {bare} searched as a word")
            elif len(words) < MIN_PREFIX_CHARS:
                parsed.problems.append(f"a prefix* needs {MIN_PREFIX_CHARS} letters: {bare} searched as a word")
            prefix = False
        if used >= MAX_TERMS:
            dropped += 1
            continue
        used += 1
        prefixes += int(prefix)
        term = fts_term(words, prefix)
        if negate:
            parsed.exclude.append(term)
            continue
        if pending_or and terms:
            terms[-1] = f"{terms[-1]} OR {term}"
        else:
            terms.append(term)
        pending_or = False
    parsed.match = " AND ".join(f"({t})" if " OR " in t else t for t in terms)
    if dropped:
        parsed.problems.append(f"at most {MAX_TERMS} search terms: the last {dropped:,} were left out")
    del parsed.problems[5:]  # a few lines say enough
    return parsed


def entity_query(name: str) -> str:
    """The search text `entity:"NAME"` (quotes inside the name dropped)."""
    return 'entity:"' + name.replace('"', "") + '"'


def language_value(value: str) -> str | None:
    """The `lang:` value as an ISO 639-1 code or UNKNOWN_LANGUAGE; None when it names no language."""
    if value.strip().lower() in (UNKNOWN_LANGUAGE, "none", "und"):
        return UNKNOWN_LANGUAGE
    return language_code(value)


def query_messages(query: str) -> list[str]:
    """What the analyst should be told about the query (a field value that means nothing); never raises."""
    parsed = parse_query(query)
    messages = list(parsed.problems)  # an unknown relevance, what the bounds left out
    for value in parsed.fields.get("lang", []):
        if language_value(value) is None:
            messages.append(
                f"Unknown language \"{value}\" in lang: use a code such as de or fr, a name such as German, or unknown."
            )
    return messages
