"""Speakers written without a reporting verb: transcripts ("WALLACE: ...") and bylines after a dash ("..." ― Name)."""

from __future__ import annotations

import re
from typing import Any

from triage_app.core.nlp.entities import Mention
from triage_app.core.nlp.quotecontext import QuoteContext
from triage_app.core.nlp.quotemarks import TRANSCRIPT_TURN, QuotedSpan
from triage_app.core.nlp.speakers import Speaker

_NOT_SPEAKERS = frozenset(["NOTE", "UPDATE", "EDITOR", "EDITORS", "WARNING", "BREAKING", "CORRECTION", "SOURCE", "PHOTO", "WATCH", "READ", "MORE", "RELATED", "CROSSTALK", "LAUGHTER", "APPLAUSE"])
_DASH_NAME = re.compile(r"[^\S\n]*[―—–][^\S\n]*([A-Z][\w'’.-]*(?:[^\S\n]+[A-Z][\w'’.-]*){0,3})[^\S\n]*([,.;(]|$)")
"""`” ― Carla Sanchez.`: a dash right after the closing mark, then a name that ends the line or a clause."""


def _token_at(ctx: QuoteContext, pos: int) -> Any | None:
    tokens = ctx.tokens_between(pos, pos + 1)
    return tokens[0] if tokens else None


def _person_named(mentions: list[Mention], name: str) -> str | None:
    """The canonical person whose name ends with `name` ("PENCE" -> "Mike Pence"), if exactly one."""
    key = name.lower()
    found = {m.canonical for m in mentions if m.label == "PERSON" and m.canonical.lower().split()[-1:] == key.split()[-1:]}
    return found.pop() if len(found) == 1 else None


def transcript_speaker(ctx: QuoteContext, q: QuotedSpan) -> Speaker | None:
    """`"WALLACE: Let's start ...`: a quoted transcript turn names its speaker in capitals before a colon."""
    match = TRANSCRIPT_TURN.match(ctx.text, q.start, q.end)
    if match is None or match.group(1).replace(".", "") in _NOT_SPEAKERS or len(match.group(1)) < 2:
        return None
    start, end = match.span(1)
    cue = _token_at(ctx, end)
    if cue is None:
        return None
    return Speaker(cue, start, end, ctx.text[start:end], _person_named(ctx.mentions, match.group(1)))


def dash_speaker(ctx: QuoteContext, q: QuotedSpan) -> Speaker | None:
    """`"..." ― Krystal Correa`: a name after a dash that follows the closing mark (testimonials, epigraphs)."""
    if q.close_pos is None:
        return None
    _, p_end = ctx.para_of(q.close_pos)
    line_end = ctx.text.find("\n", q.close_pos, p_end)
    match = _DASH_NAME.match(ctx.text[: p_end if line_end < 0 else line_end], q.close_pos + 1)
    if match is None:
        return None
    start, end = match.span(1)
    while end > start and ctx.text[end - 1] == ".":
        end -= 1
    cue = _token_at(ctx, ctx.text.index(match.group(0).strip()[0], q.close_pos + 1))
    if cue is None:
        return None
    canonical = next(
        (m.canonical for m in ctx.mentions if m.start < end and start < m.end and m.label in {"PERSON", "ORG", "NORP"}), None
    )
    return Speaker(cue, start, end, ctx.text[start:end], canonical)
