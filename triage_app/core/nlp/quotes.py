"""Quotations: direct, partial and indirect (reported) speech, each with its cue verb and speaker."""

from __future__ import annotations

import re
from typing import Any

from triage_app.core.nlp.attribution import broad_attributions, headline_attributions
from triage_app.core.nlp.entities import Mention
from triage_app.core.nlp.quotecontext import QuoteContext, find_cue, named_next_to_cue
from triage_app.core.nlp.quotemarks import QuotedSpan, find_quoted
from triage_app.core.nlp.quotesources import dash_speaker, transcript_speaker
from triage_app.core.nlp.reported import indirect_speech
from triage_app.core.nlp.speakers import Speaker, is_cue, sentence_of, subject_of
from triage_app.core.records import Quote

_TERMINAL = re.compile(r"[.!?…][\"”’»]*\s*$")
_DIRECT_BEFORE = set(":,.!?;—–-(")


def _after_region(ctx: QuoteContext, q: QuotedSpan, next_open: int) -> Speaker | None:
    """`"...," a senior official told Politico.`: the attribution right after the closing mark."""
    if q.close_pos is None:
        return None
    _, p_end = ctx.para_of(q.close_pos)
    after = ctx.tokens_between(q.close_pos + 1, min(p_end, next_open))
    if not after:
        return None
    region = [t for t in after if t.i < sentence_of(after[0])[1]]
    ended = bool(_TERMINAL.search(ctx.text[q.start : q.end]))
    found = find_cue(ctx, region, reverse=False) or named_next_to_cue(ctx, region)
    if found is None:
        return None
    if ended:
        # `"... forever." Peskov said Moscow expects ...` is a new statement, not an attribution
        has_own_clause = any(c.dep_ == "ccomp" and c.i not in ctx.in_quote for c in found.cue.children)
        # `said James Acton, a physicist who ...`: a long source after the cue is still the attribution
        lead = sum(1 for t in region if t.i < found.cue.i)
        if has_own_clause or lead > 12 or (len(region) > 12 and lead > 0 and found.start > found.cue.idx):
            return None
    return found


def _before_region(ctx: QuoteContext, q: QuotedSpan, prev_close: int) -> Speaker | None:
    """`Zelenskyy said: "..."`: the attribution just before the opening mark, in the same sentence."""
    p_start, _ = ctx.para_of(q.open_pos)
    before = ctx.tokens_between(max(p_start, prev_close), q.open_pos)
    if not before:
        return None
    region = [t for t in before if t.i >= sentence_of(before[-1])[0]]
    found = find_cue(ctx, region, reverse=True)
    if found is None:
        return None
    between = ctx.text[found.cue.idx : q.open_pos]
    if re.search(r"[.!?]\s", between):
        return None
    return found


def _adjacent(ctx: QuoteContext, speaker: Speaker, q: QuotedSpan) -> bool:
    """True when only punctuation separates the cue (or its subject) from the opening mark."""
    end = max(speaker.cue.idx + len(speaker.cue.text), speaker.end)
    return end <= q.open_pos and not re.search(r"\w", ctx.text[end : q.open_pos])


def _kind(ctx: QuoteContext, q: QuotedSpan) -> str:
    """direct, or partial when the quote is a phrase inside the writer's own sentence."""
    p_start, _ = ctx.para_of(q.open_pos)
    before = ctx.text[p_start : q.open_pos].rstrip()
    if not before or before[-1] in _DIRECT_BEFORE or ctx.text[q.open_pos - 1] == "\n":
        return "direct"  # a quote opening a line is not inside the writer's sentence
    content = ctx.text[q.start : q.end].strip()
    prev_tokens = ctx.tokens_between(p_start, q.open_pos)
    if prev_tokens and content[:1].isupper() and len(content.split()) >= 4:
        prev = prev_tokens[-1]
        if is_cue(prev) or (prev.head is not prev and is_cue(prev.head) and prev.head.i >= prev.i - 3):
            return "direct"
    return "partial"


def _partial_speaker(ctx: QuoteContext, q: QuotedSpan) -> Speaker | None:
    """The reporting verb that governs a partial quote (none for scare quotes and titles)."""
    inside = ctx.tokens_between(q.start, q.end)
    if not inside:
        return None
    for ancestor in inside[0].ancestors:
        if ancestor.i in ctx.in_quote:
            continue
        if is_cue(ancestor):
            subject = subject_of(ancestor, ctx.in_quote)
            if subject is not None:
                return ctx.speaker(ancestor, subject)
            continue
        if ancestor.pos_ in {"VERB", "AUX"} and ancestor.dep_ in {"conj", "ROOT"}:
            return None  # governed by another action, not by a reporting verb
    return None


def _quote(ctx: QuoteContext, q: QuotedSpan, kind: str, speaker: Speaker | None) -> Quote:
    start, end = q.start, q.end
    while start < end and ctx.text[start].isspace():
        start += 1
    while end > start and ctx.text[end - 1].isspace():
        end -= 1
    if speaker is None:
        return Quote(start, end, ctx.text[start:end], kind)
    return Quote(
        start, end, ctx.text[start:end], kind, speaker.cue.text, speaker.text, speaker.start, speaker.end,
        speaker.canonical,
    )


def _quoted_speech(ctx: QuoteContext) -> list[Quote]:
    quotes: list[Quote] = []
    last: tuple[int, Speaker] | None = None  # (paragraph, speaker) of the last attributed quote
    for n, q in enumerate(ctx.quoted):
        prev_close = ctx.quoted[n - 1].outer_end if n else 0
        next_open = ctx.quoted[n + 1].open_pos if n + 1 < len(ctx.quoted) else len(ctx.text)
        kind = _kind(ctx, q)
        speaker: Speaker | None
        if kind == "partial":
            speaker = _partial_speaker(ctx, q)
            if speaker is None:
                continue  # a title or scare quotes, not speech
        else:
            speaker = transcript_speaker(ctx, q) or dash_speaker(ctx, q)
            before = None if speaker is not None else _before_region(ctx, q, prev_close)
            if speaker is not None:
                pass
            elif before is not None and _adjacent(ctx, before, q):
                speaker = before  # `and said, "..." the office said`: the nearer cue wins
            else:
                speaker = _after_region(ctx, q, next_open) or before
            if speaker is None:
                speaker = _colon_before(ctx, q)
            if speaker is None and last is not None and _may_inherit(ctx, q, last[0]):
                speaker = last[1]
            if speaker is None and len(ctx.text[q.start : q.end].split()) < 4:
                continue
        if kind == "partial" and _looks_like_title(ctx.text[q.start : q.end]):
            continue  # "DWTS", "Pose": a programme or book named in quotation marks
        if speaker is not None:
            last = (q.paragraph, speaker)
        ctx.attributed(speaker)
        quotes.append(_quote(ctx, q, kind, speaker))
    return quotes


def _colon_before(ctx: QuoteContext, q: QuotedSpan) -> Speaker | None:
    """`She said:` closing the previous paragraph introduces a quote that opens the next one."""
    p_start, _ = ctx.para_of(q.open_pos)
    if q.paragraph == 0 or ctx.text[p_start : q.open_pos].strip():
        return None
    prev_start, prev_end = ctx.paras[q.paragraph - 1]
    if not ctx.text[prev_start:prev_end].rstrip().endswith(":"):
        return None
    tokens = ctx.tokens_between(prev_start, prev_end)
    if not tokens:
        return None
    region = [t for t in tokens if t.i >= sentence_of(tokens[-1])[0]]
    return find_cue(ctx, region, reverse=True)


_TITLE_SMALL = {"a", "an", "the", "of", "and", "on", "in", "for", "to", "at", "with", "or", "de", "la"}


def _looks_like_title(content: str) -> bool:
    """Up to seven words in title case ("Face the Nation", "The Steve Harvey Morning Show"): a name or title
    rather than someone's words."""
    words = re.findall(r"[^\W\d_][\w'’-]*", content)
    if not 0 < len(words) <= 7 or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)


def _may_inherit(ctx: QuoteContext, q: QuotedSpan, last_paragraph: int) -> bool:
    """A quote continues the last speaker in its own paragraph, or when it opens the next paragraph."""
    if q.paragraph == last_paragraph:
        return True
    p_start, _ = ctx.para_of(q.open_pos)
    return q.paragraph == last_paragraph + 1 and not ctx.text[p_start : q.open_pos].strip()


def extract_quotes(doc: Any, mentions: list[Mention]) -> list[Quote]:
    """Direct, partial and indirect quotations of a parsed text, ordered by position."""
    ctx = QuoteContext(doc, mentions, find_quoted(doc.text))
    direct = _quoted_speech(ctx)
    indirect = indirect_speech(ctx, direct)
    indirect += broad_attributions(ctx, direct + indirect)
    indirect += headline_attributions(ctx, direct + indirect)
    return sorted(direct + indirect, key=lambda q: (q.start, q.end))
