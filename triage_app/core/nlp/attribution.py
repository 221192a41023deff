"""Attributions beyond "said that": beliefs, findings, demands and charges of a named source.

"A Bloomberg poll shows that ...", "Trump is demanding Obama make a pledge ...", "Clinton cited derogatory
comments ...", "Pence: ...": the source (a named entity, a pronoun or a source noun such as "poll") is the
subject of a verb of saying, thinking, finding or demanding, and the content is what the verb governs.
Narrower than any verb with a subject: both the verb list and the source must match.
"""

from __future__ import annotations

from typing import Any

from triage_app.core.nlp.quotecontext import QuoteContext
from triage_app.core.nlp.speakers import INDIRECT_LEMMAS, sentence_of, subject_of
from triage_app.core.records import Quote

ATTRIBUTION_LEMMAS = frozenset(
    ["believe", "think", "feel", "fear", "worry", "hope", "expect", "know", "doubt", "predict", "forecast", "project", "estimate", "conclude", "find", "show", "suggest", "indicate", "reveal", "detail", "describe", "discuss", "mention", "cite", "reference", "question", "challenge", "dispute", "deny", "reject", "dismiss", "accuse", "charge", "blame", "criticize", "criticise", "attack", "defend", "praise", "tout", "boast", "complain", "mock", "demand", "urge", "ask", "call", "want", "plan", "intend", "pledge", "vow", "promise", "propose", "recommend", "insist", "agree", "support", "back", "endorse", "oppose", "acknowledge", "admit", "concede", "argue", "claim", "allege", "contend", "maintain", "warn", "caution", "threaten", "signal", "imply", "hint", "tweet", "post", "write", "publish", "report", "announce", "confirm", "disclose", "encourage", "seek", "decline", "refuse", "learn", "view", "raise", "respond", "realize", "talk", "speak", "present", "portray", "characterize", "label", "brand", "dub", "slam", "blast", "hail", "applaud", "welcome", "condemn", "denounce", "decry", "lament", "assert", "declare", "insist", "point", "emphasize", "emphasise"]
) - INDIRECT_LEMMAS
"""Verbs of saying, thinking, finding or demanding whose object or complement is attributed content."""

SOURCE_NOUNS = frozenset(
    ["poll", "survey", "report", "study", "analysis", "research", "data", "transcript", "memo", "letter", "statement", "ad", "advertisement", "campaign", "official", "officials", "spokesman", "spokeswoman", "spokesperson", "aide", "aides", "adviser", "advisers", "analyst", "analysts", "expert", "experts", "critic", "critics", "supporter", "supporters", "lawmaker", "lawmakers", "senator", "governor", "president", "candidate", "nominee", "newspaper", "editorial", "board", "group", "committee", "agency", "department", "administration", "government", "court", "judge", "prosecutors", "investigators", "researchers", "economists", "voters", "democrats", "republicans", "source", "sources", "document", "documents", "filing", "complaint", "lawsuit"]
)
"""Common nouns that can be the source of an attribution ("a new poll shows ...")."""

_CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "prep", "attr", "oprd", "dative"}
_PRONOUNS = {"he", "she", "they", "i", "we", "you", "it"}
_MIN_TOKENS = 2


def _is_source(ctx: QuoteContext, subject: Any) -> bool:
    if subject.lower_ in _PRONOUNS:
        return True
    for mention in ctx.mentions:
        if mention.tok_start <= subject.i < mention.tok_end and mention.label in {"PERSON", "ORG", "NORP", "PLACE"}:
            return True
    return subject.lemma_.lower() in SOURCE_NOUNS or subject.lower_ in SOURCE_NOUNS


def _is_named(ctx: QuoteContext, token: Any) -> bool:
    return any(m.tok_start <= token.i < m.tok_end and m.label in {"PERSON", "ORG"} for m in ctx.mentions)


def _content(verb: Any) -> tuple[int, int] | None:
    """Token range of what the verb governs after it: its complements, objects and prepositional phrases."""
    parts = [c for c in verb.children if c.i > verb.i and c.dep_ in _CONTENT_DEPS]
    if not parts:
        return None
    if parts[0].dep_ == "prep" and parts[0].lower_ not in {"about", "for", "on", "of", "that", "to", "with"}:
        return None  # "decided in May": a circumstance, not content
    lo = min(t.i for t in parts[0].subtree)
    hi = max(t.i for part in parts for t in part.subtree) + 1
    _, sent_end = sentence_of(verb)
    return lo, min(hi, sent_end)


def broad_attributions(ctx: QuoteContext, known: list[Quote]) -> list[Quote]:
    """Attributions of a source to content by a verb of `ATTRIBUTION_LEMMAS`, not overlapping `known` ones."""
    found: list[Quote] = []
    for verb in ctx.doc:
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in ATTRIBUTION_LEMMAS or verb.i in ctx.in_quote:
            continue
        subject = subject_of(verb, ctx.in_quote)
        if subject is None or subject.i in ctx.in_quote or subject.i > verb.i or not _is_source(ctx, subject):
            continue
        span = _content(verb)
        if span is None:
            continue
        tokens = [t for t in ctx.doc[span[0] : span[1]] if not t.is_space]
        while tokens and (tokens[0].is_punct or tokens[0].dep_ == "mark"):
            tokens.pop(0)
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if len(tokens) < _MIN_TOKENS and not (tokens and _is_named(ctx, tokens[0])):
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        if any(min(end, k.end) - max(start, k.start) > 0 for k in known + found):
            continue
        speaker = ctx.speaker(verb, subject)
        found.append(
            Quote(start, end, ctx.text[start:end], "indirect", verb.text, speaker.text, speaker.start, speaker.end,
                  speaker.canonical)
        )
    return found


def headline_attributions(ctx: QuoteContext, known: list[Quote]) -> list[Quote]:
    """"Pence: Gennifer Flowers Won’t Be at Debate": a paragraph that opens with a name and a colon."""
    found: list[Quote] = []
    for p_start, p_end in ctx.paras:
        para = ctx.text[p_start:p_end]
        colon = para.find(":")
        if colon <= 0 or colon > 40:
            continue
        first = p_start + len(para) - len(para.lstrip())
        name = [m for m in ctx.mentions if m.start == first and m.label in {"PERSON", "ORG"}]
        if not name or name[0].end != p_start + colon:
            continue
        start = p_start + colon + 1
        start += len(ctx.text[start:p_end]) - len(ctx.text[start:p_end].lstrip())
        end = p_start + len(para.rstrip())
        if end - start < 8 or any(min(end, k.end) - max(start, k.start) > 0 for k in known):
            continue
        m = name[0]
        found.append(Quote(start, end, ctx.text[start:end], "indirect", ":", m.text, m.start, m.end, m.canonical))
    return found
