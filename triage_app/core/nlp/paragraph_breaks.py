"""A sentence never runs over a blank line: a pipeline step before spaCy's parser marks each paragraph start.

Without it the parser may join a dateline or a time stamp ("12:15 p.m.") to the first sentence of the next
paragraph and make it that sentence's subject; the model's entities are not touched (the parser alone reads
sentence starts).
"""

from __future__ import annotations

from typing import Any

PIPE_NAME = "triage_paragraph_breaks"


def mark_paragraph_starts(doc: Any) -> Any:
    """Set `is_sent_start` on the first token after every blank line."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if before.is_space and before.text.count("\n") >= 2 and not token.is_space:
            token.is_sent_start = True
    return doc


def add_paragraph_breaks(nlp: Any) -> None:
    """Put `mark_paragraph_starts` before the parser of `nlp` (registering it with spaCy on first use)."""
    from spacy.language import Language

    if PIPE_NAME in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    if not Language.has_factory(PIPE_NAME):
        Language.component(PIPE_NAME, func=mark_paragraph_starts)
    nlp.add_pipe(PIPE_NAME, before="parser")
