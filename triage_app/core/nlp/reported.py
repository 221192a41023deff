"""Indirect (reported) speech: "Peskov said Moscow expects ...", "..., according to the United Nations"."""

from __future__ import annotations

from typing import Any

from triage_app.core.nlp.quotecontext import QuoteContext
from triage_app.core.nlp.speakers import INDIRECT_LEMMAS, according_to, is_cue, sentence_of, subject_of
from triage_app.core.records import Quote

_MIN_INDIRECT_TOKENS = 4


def indirect_speech(ctx: QuoteContext, direct: list[Quote]) -> list[Quote]:
    """`Peskov said Moscow expects ...`: a reporting verb with a clausal complement outside quotes."""
    quotes: list[Quote] = []
    for token in ctx.doc:
        if token.i in ctx.in_quote or not is_cue(token, INDIRECT_LEMMAS):
            continue
        subject = subject_of(token, ctx.in_quote)
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


def _according_to(ctx: QuoteContext, known: list[Quote]) -> list[Quote]:
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
    _lo, hi = sentence_of(cue)
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
        _lo, hi = sentence_of(cue)
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
    elif cue.dep_ in {"parataxis", "ccomp"} and cue.head.pos_ in {"VERB", "AUX"} and (
        cue.head.i < cue.i or cue.dep_ == "parataxis"
    ):
        own = {t.i for t in cue.subtree}
        # "Acts of protest, Mr. Obama said, are acts of patriotism": the sentence around the parenthesis
        tokens = [t for t in cue.head.subtree if t.i not in own and not t.is_space]
    else:
        return None
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in {"and", "but"}):
        tokens.pop()
    if len(tokens) < _MIN_INDIRECT_TOKENS:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
