"""Quotations: direct, partial and indirect (reported) speech, each with its cue verb and speaker."""

from __future__ import annotations

import bisect
import re
from typing import Any

from triage_app.core.nlp.entities import Mention
from triage_app.core.nlp.quotemarks import QuotedSpan, find_quoted, paragraphs
from triage_app.core.nlp.speakers import (
    INDIRECT_LEMMAS,
    Speaker,
    according_to,
    is_cue,
    make_speaker,
    sentence_of,
    subject_of,
)
from triage_app.core.records import Quote

_TERMINAL = re.compile(r"[.!?…][\"”’»]*\s*$")
_DIRECT_BEFORE = set(":,.!?;—–-(")
_MIN_INDIRECT_TOKENS = 4


class _Context:
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


def _find_cue(ctx: _Context, tokens: list[Any], *, reverse: bool) -> Speaker | None:
    """The first reporting verb with a subject among `tokens` (outside quotes), nearest to the quote first."""
    for token in reversed(tokens) if reverse else tokens:
        if token.i in ctx.in_quote:
            continue
        if is_cue(token):
            subject = subject_of(token)
            if subject is not None and subject.i not in ctx.in_quote:
                return ctx.speaker(token, subject)
        target = according_to(token)
        if target is not None and target.i not in ctx.in_quote:
            return ctx.speaker(token, target)
    return None


def _after_region(ctx: _Context, q: QuotedSpan, next_open: int) -> Speaker | None:
    """`"...," a senior official told Politico.`: the attribution right after the closing mark."""
    if q.close_pos is None:
        return None
    _, p_end = ctx.para_of(q.close_pos)
    after = ctx.tokens_between(q.close_pos + 1, min(p_end, next_open))
    if not after:
        return None
    region = [t for t in after if t.i < sentence_of(after[0])[1]]
    ended = bool(_TERMINAL.search(ctx.text[q.start : q.end]))
    found = _find_cue(ctx, region, reverse=False)
    if found is None:
        return None
    if ended:
        # `"... forever." Peskov said Moscow expects ...` is a new statement, not an attribution
        has_own_clause = any(c.dep_ == "ccomp" and c.i not in ctx.in_quote for c in found.cue.children)
        if has_own_clause or len(region) > 12:
            return None
    return found


def _before_region(ctx: _Context, q: QuotedSpan, prev_close: int) -> Speaker | None:
    """`Zelenskyy said: "..."`: the attribution just before the opening mark, in the same sentence."""
    p_start, _ = ctx.para_of(q.open_pos)
    before = ctx.tokens_between(max(p_start, prev_close), q.open_pos)
    if not before:
        return None
    region = [t for t in before if t.i >= sentence_of(before[-1])[0]]
    found = _find_cue(ctx, region, reverse=True)
    if found is None:
        return None
    between = ctx.text[found.cue.idx : q.open_pos]
    if re.search(r"[.!?]\s", between):
        return None
    return found


def _adjacent(ctx: _Context, speaker: Speaker, q: QuotedSpan) -> bool:
    """True when only punctuation separates the cue (or its subject) from the opening mark."""
    end = max(speaker.cue.idx + len(speaker.cue.text), speaker.end)
    return end <= q.open_pos and not re.search(r"\w", ctx.text[end : q.open_pos])


def _kind(ctx: _Context, q: QuotedSpan) -> str:
    """direct, or partial when the quote is a phrase inside the writer's own sentence."""
    p_start, _ = ctx.para_of(q.open_pos)
    before = ctx.text[p_start : q.open_pos].rstrip()
    if not before or before[-1] in _DIRECT_BEFORE:
        return "direct"
    content = ctx.text[q.start : q.end].strip()
    prev_tokens = ctx.tokens_between(p_start, q.open_pos)
    if prev_tokens and content[:1].isupper() and len(content.split()) >= 4:
        prev = prev_tokens[-1]
        if is_cue(prev) or (prev.head is not prev and is_cue(prev.head) and prev.head.i >= prev.i - 3):
            return "direct"
    return "partial"


def _partial_speaker(ctx: _Context, q: QuotedSpan) -> Speaker | None:
    """The reporting verb that governs a partial quote, else any in its sentence."""
    inside = ctx.tokens_between(q.start, q.end)
    if not inside:
        return None
    for ancestor in inside[0].ancestors:
        if ancestor.i in ctx.in_quote:
            continue
        if is_cue(ancestor):
            subject = subject_of(ancestor)
            if subject is not None:
                return ctx.speaker(ancestor, subject)
            continue
        if ancestor.pos_ in {"VERB", "AUX"} and ancestor.dep_ in {"conj", "ROOT"}:
            return None  # governed by another action, not by a reporting verb
    return None


def _quote(ctx: _Context, q: QuotedSpan, kind: str, speaker: Speaker | None) -> Quote:
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


def _quoted_speech(ctx: _Context) -> list[Quote]:
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
            before = _before_region(ctx, q, prev_close)
            if before is not None and _adjacent(ctx, before, q):
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
        if speaker is not None and kind == "direct":
            last = (q.paragraph, speaker)
        ctx.attributed(speaker)
        quotes.append(_quote(ctx, q, kind, speaker))
    return quotes


def _colon_before(ctx: _Context, q: QuotedSpan) -> Speaker | None:
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
    return _find_cue(ctx, region, reverse=True)


def _looks_like_title(content: str) -> bool:
    """Up to four words, every one capitalised: a name or title rather than someone's words."""
    words = re.findall(r"[^\W\d_][\w'’-]*", content)
    return 0 < len(words) <= 4 and all(w[0].isupper() for w in words)


def _may_inherit(ctx: _Context, q: QuotedSpan, last_paragraph: int) -> bool:
    """A quote continues the last speaker in its own paragraph, or when it opens the next paragraph."""
    if q.paragraph == last_paragraph:
        return True
    p_start, _ = ctx.para_of(q.open_pos)
    return q.paragraph == last_paragraph + 1 and not ctx.text[p_start : q.open_pos].strip()


def _indirect_speech(ctx: _Context, direct: list[Quote]) -> list[Quote]:
    """`Peskov said Moscow expects ...`: a reporting verb with a clausal complement outside quotes."""
    quotes: list[Quote] = []
    for token in ctx.doc:
        if token.i in ctx.in_quote or not is_cue(token, INDIRECT_LEMMAS):
            continue
        subject = subject_of(token)
        if subject is None or subject.i in ctx.in_quote:
            continue
        content = _complement(token)
        if content is None:
            continue
        start, end = content
        inside = ctx.tokens_between(start, end)
        direct_tokens = sum(any(d.start <= t.idx < d.end for d in direct if d.kind == "direct") for t in inside)
        if inside and direct_tokens * 2 > len(inside):
            continue  # the reported words are themselves in quotation marks
        quoted_part = sum(max(0, min(end, d.end) - max(start, d.start)) for d in direct if d.kind == "direct")
        if quoted_part * 2 > end - start:
            continue
        speaker = ctx.speaker(token, subject)
        ctx.attributed(speaker)
        text = ctx.text[start:end]
        quotes.append(
            Quote(start, end, text, "indirect", token.text, speaker.text, speaker.start, speaker.end, speaker.canonical)
        )
    quotes.extend(_according_to(ctx, direct + quotes))
    return [q for q in quotes if not any(o is not q and o.start <= q.start and q.end <= o.end for o in quotes)]


def _according_to(ctx: _Context, known: list[Quote]) -> list[Quote]:
    """"..., according to the United Nations": the rest of the sentence is what the source reports."""
    found: list[Quote] = []
    for token in ctx.doc:
        source = according_to(token)
        if source is None or token.i in ctx.in_quote:
            continue
        if is_cue(token.head) and any(c.dep_ == "nsubj" for c in token.head.children):
            continue  # "Zelenskyy said, according to Ukrainska Pravda": the speaker is Zelenskyy
        skip = {t.i for t in token.subtree}
        lo, hi = sentence_of(token)
        tokens = [t for t in ctx.doc[lo:hi] if t.i not in skip and not t.is_space]
        while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
            tokens.pop(0)
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if len(tokens) < _MIN_INDIRECT_TOKENS:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if any(min(end, k.end) - max(start, k.start) > (end - start) / 2 for k in known):
            continue
        speaker = ctx.speaker(token, source)
        found.append(
            Quote(start, end, ctx.text[start:end], "indirect", "according to", speaker.text, speaker.start,
                  speaker.end, speaker.canonical)
        )
    return found


_LISTENER_VERBS = {"tell", "inform", "assure", "warn", "remind", "notify", "urge", "brief", "advise"}


def _that_clause(cue: Any) -> Any | None:
    """A "that" clause the parser hung elsewhere ("argued for decades that it was ...")."""
    lo, hi = sentence_of(cue)
    for token in cue.doc[cue.i + 1 : hi]:
        if token.dep_ == "mark" and token.lower_ == "that" and token.head.pos_ in {"VERB", "AUX"}:
            path = [a for a in token.head.ancestors if a.i >= cue.i]
            if path and path[-1] == cue and not any(a.pos_ in {"VERB", "AUX"} for a in path[:-1]):
                return token.head
            return None
        if token.pos_ in {"VERB", "AUX"} or token.dep_ == "ccomp":
            return None
    return None


def _content_start(cue: Any, comp: Any) -> int:
    """First token of what follows the cue, past "on Monday", "after the game", the listener and "that"."""
    skip: set[int] = set()
    for child in cue.children:
        if child.i > cue.i and child.i < comp.i and (
            child.dep_ in {"prep", "npadvmod", "advmod", "dative", "punct", "agent", "iobj", "prt"}
            or (child.dep_ == "dobj" and cue.lemma_.lower() in _LISTENER_VERBS)
        ):
            skip.update(t.i for t in child.subtree)
    for i in range(cue.i + 1, comp.i + 1):
        if i not in skip:
            return i
    return int(comp.i)


def _complement(cue: Any) -> tuple[int, int] | None:
    """Character span of what the cue verb reports: its ccomp, or the clause it is tacked onto.

    A complement after the cue runs to the end of the sentence ("said that although ..., it would ..."),
    which is sturdier than the parser's clause boundary.
    """
    comp = next((c for c in cue.children if c.dep_ == "ccomp"), None) or _that_clause(cue)
    if comp is not None and comp.i > cue.i:
        lo, hi = sentence_of(cue)
        first = _content_start(cue, comp)
        # stop where the sentence goes on with another verb of the speaker (", but added ...", ", adding ...")
        stops = [c.i for c in cue.children if c.i > comp.i and c.dep_ in {"conj", "advcl"} and is_cue(c)]
        stop = min([hi, *(min(t.i for t in cue.doc[i].subtree) for i in stops)])
        tokens = [t for t in cue.doc[first:stop] if not t.is_space]
        cut = next(
            (k for k, t in enumerate(tokens) if t.lower_ in {"according", "while", "whereas"} and k and tokens[k - 1].text == ","),
            None,
        )
        if cut is not None:
            tokens = tokens[: cut - 1]
    elif comp is not None:
        tokens = [t for t in comp.subtree if not t.is_space]
    elif cue.dep_ in {"parataxis", "ccomp"} and cue.head.i < cue.i and cue.head.pos_ in {"VERB", "AUX"}:
        own = {t.i for t in cue.subtree}
        tokens = [t for t in cue.head.subtree if t.i not in own and t.i < cue.i and not t.is_space]
    else:
        return None
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in {"and", "but"}):
        tokens.pop()
    if len(tokens) < _MIN_INDIRECT_TOKENS:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def extract_quotes(doc: Any, mentions: list[Mention]) -> list[Quote]:
    """Direct, partial and indirect quotations of a parsed text, ordered by position."""
    ctx = _Context(doc, mentions, find_quoted(doc.text))
    direct = _quoted_speech(ctx)
    indirect = _indirect_speech(ctx, direct)
    return sorted(direct + indirect, key=lambda q: (q.start, q.end))
