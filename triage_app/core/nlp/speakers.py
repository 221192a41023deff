"""Reporting verbs, their subjects, and resolving a speaker to an entity (pronouns, surnames)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from triage_app.core.nlp.entities import Mention

CUE_LEMMAS = frozenset(
    """say tell add claim state announce warn insist argue explain note report reveal confirm deny admit
    suggest stress acknowledge allege predict promise vow urge write tweet post testify contend maintain
    declare assert reply respond answer ask recall describe call quote complain concede emphasise emphasize
    observe remark recount joke shout scream whisper exclaim continue conclude lament caution agree
    point reiterate comment underline highlight""".split()
)
"""Verbs that introduce a direct or partial quotation."""

INDIRECT_LEMMAS = frozenset(
    """say tell add claim state announce warn insist argue explain note report reveal confirm deny admit
    suggest stress acknowledge allege predict promise vow write tweet testify contend maintain declare
    assert reply respond concede emphasise emphasize conclude reiterate estimate indicate signal
    disclose""".split()
)
"""Verbs whose clausal complement is reported speech."""

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_CUT_DEPS = {"relcl", "acl", "punct", "advcl", "parataxis", "cc"}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}


@dataclass
class Speaker:
    """Who a quote is attributed to: the span as written and, where possible, an entity."""

    cue: Any  # the cue verb token
    start: int
    end: int
    text: str
    canonical: str | None


def is_cue(token: Any, lemmas: frozenset[str] = CUE_LEMMAS) -> bool:
    """True for a reporting verb."""
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in lemmas


def subject_of(verb: Any) -> Any | None:
    """The subject of `verb`, or of the verb it is coordinated with ("smiled and said")."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head is not verb:
            verb = verb.head
        else:
            return None
    return None


def speaker_tokens(subject: Any, excluded: set[int]) -> list[Any]:
    """The subject's words as written, without relative clauses, appositions or quoted text."""
    keep: list[Any] = [subject]
    stack = list(subject.children)
    while stack:
        token = stack.pop()
        if token.dep_ in _CUT_DEPS or token.i in excluded:
            continue
        if token.dep_ == "appos" and token.ent_type_ != "PERSON":
            continue
        keep.append(token)
        stack.extend(token.children)
    keep.sort(key=lambda t: t.i)
    # the contiguous run around the head
    indices = [t.i for t in keep]
    lo = hi = indices.index(subject.i)
    while lo > 0 and indices[lo - 1] == indices[lo] - 1:
        lo -= 1
    while hi + 1 < len(indices) and indices[hi + 1] == indices[hi] + 1:
        hi += 1
    run = keep[lo : hi + 1]
    while len(run) > 1 and (run[-1].is_punct or run[-1].is_space):
        run.pop()
    while len(run) > 1 and (run[0].is_punct or run[0].is_space):
        run.pop(0)
    return run


def _mention_at(mentions: list[Mention], token_i: int) -> Mention | None:
    for mention in mentions:
        if mention.tok_start <= token_i < mention.tok_end:
            return mention
    return None


def resolve(doc: Any, subject: Any, tokens: list[Any], mentions: list[Mention]) -> str | None:
    """The canonical entity a speaker refers to, or None for an unnamed or unresolved source."""
    found = _mention_at(mentions, subject.i)
    if found is not None and found.label in {"PERSON", "ORG", "NORP", "PLACE"}:
        return found.canonical
    lower = subject.lower_
    if lower in _PERSON_PRONOUNS:
        return _antecedent(doc, subject, mentions, {"PERSON"})
    if lower == "it":
        return _antecedent(doc, subject, mentions, {"ORG"})
    # "spokesman Dmitry Peskov", "The Kremlin spokesman, Dmitry Peskov": a person named in the span
    ids = {t.i for t in tokens}
    for mention in mentions:
        if mention.label == "PERSON" and mention.tok_start in ids:
            path = doc[mention.tok_end - 1]
            if not any(a.dep_ == "prep" and a.i in ids for a in path.ancestors):
                return mention.canonical
    return None


def _antecedent(doc: Any, pronoun: Any, mentions: list[Mention], labels: set[str]) -> str | None:
    """The nearest earlier mention of the right type, preferring grammatical subjects."""
    earlier = [m for m in mentions if m.label in labels and m.tok_end <= pronoun.i]
    if not earlier:
        return None
    window_start = max(0, pronoun.sent.start - 1)
    sents = list(doc.sents)
    sent_index = next((k for k, s in enumerate(sents) if s.start <= pronoun.i < s.end), 0)
    window_start = sents[max(0, sent_index - 3)].start
    recent = [m for m in earlier if m.tok_start >= window_start]
    subjects = [m for m in recent if doc[m.tok_end - 1].dep_ in _SUBJECT_DEPS]
    if subjects:
        return subjects[-1].canonical
    return (recent or earlier)[-1].canonical


def make_speaker(doc: Any, cue: Any, subject: Any, excluded: set[int], mentions: list[Mention]) -> Speaker:
    """A Speaker from a cue verb and its subject token."""
    tokens = speaker_tokens(subject, excluded)
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    return Speaker(cue, start, end, doc.text[start:end], resolve(doc, subject, tokens, mentions))


def according_to(token: Any) -> Any | None:
    """For "according to X", the token X; else None."""
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.lower_ == "to":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None
