"""The parsed text of one document with the lookups the quotation finders share."""

from __future__ import annotations

import bisect
from typing import Any

from triage_app.core.nlp.entities import Mention
from triage_app.core.nlp.quotemarks import QuotedSpan, paragraphs
from triage_app.core.nlp.speakers import Speaker, according_to, is_cue, make_speaker, subject_of


class QuoteContext:
    """The parsed text plus lookups shared by the steps below."""

    def __init__(self, doc: Any, mentions: list[Mention], quoted: list[QuotedSpan]) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.mentions = mentions
        self.quoted = quoted
        self.paras = paragraphs(self.text)
        self.starts = [t.idx for t in doc]
        self.speakers: list[tuple[int, str]] = []  # (offset, canonical) of the speakers of quotes so far
        self.in_quote: set[int] = set()
        for q in quoted:
            self.in_quote.update(t.i for t in self.tokens_between(q.open_pos, q.outer_end))

    def tokens_between(self, start: int, end: int) -> list[Any]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [self.doc[i] for i in range(lo, hi) if not self.doc[i].is_space]

    def para_of(self, pos: int) -> tuple[int, int]:
        for start, end in self.paras:
            if start <= pos < end:
                return start, end
        return 0, len(self.text)

    def speaker(self, cue: Any, subject: Any) -> Speaker:
        return make_speaker(self.doc, cue, subject, self.in_quote, self.mentions, self.speakers)

    def attributed(self, speaker: Speaker | None) -> None:
        """Remember a speaker actually given to a quote (pronouns prefer the people just quoted)."""
        if speaker is not None and speaker.canonical:
            self.speakers.append((speaker.start, speaker.canonical))


def find_cue(ctx: QuoteContext, tokens: list[Any], *, reverse: bool) -> Speaker | None:
    """The first reporting verb with a subject among `tokens` (outside quotes), nearest to the quote first."""
    for token in reversed(tokens) if reverse else tokens:
        if token.i in ctx.in_quote:
            continue
        if is_cue(token):
            subject = subject_of(token, ctx.in_quote)
            if subject is not None and subject.i not in ctx.in_quote:
                return ctx.speaker(token, subject)
        target = according_to(token)
        if target is not None and target.i not in ctx.in_quote:
            return ctx.speaker(token, target)
    return None


def named_next_to_cue(ctx: QuoteContext, tokens: list[Any]) -> Speaker | None:
    """`"...," Tulsa police Chief Chuck Jordan said Monday.` when the parse gives the cue no subject: a person or
    organisation named right before the cue (or right after it: "said Jordan")."""
    for token in tokens:
        if token.i in ctx.in_quote or not is_cue(token) or subject_of(token, ctx.in_quote) is not None:
            continue
        for mention in ctx.mentions:
            if mention.label in {"PERSON", "ORG"} and (mention.tok_end == token.i or mention.tok_start == token.i + 1):
                return Speaker(token, mention.start, mention.end, ctx.text[mention.start : mention.end], mention.canonical)
        return None
    return None

