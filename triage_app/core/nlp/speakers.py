"""Reporting verbs, their subjects, and resolving a speaker to an entity (pronouns, surnames)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from triage_app.core.nlp.entities import Mention
from triage_app.core.nlp.gender import person_genders, pronoun_gender

CUE_LEMMAS = frozenset(
    ["say", "tell", "add", "claim", "state", "announce", "warn", "insist", "argue", "explain", "note", "report", "reveal", "confirm", "deny", "admit", "suggest", "stress", "acknowledge", "allege", "predict", "promise", "vow", "urge", "write", "tweet", "post", "testify", "contend", "maintain", "declare", "assert", "reply", "respond", "answer", "ask", "recall", "describe", "call", "quote", "complain", "concede", "emphasise", "emphasize", "observe", "remark", "recount", "joke", "shout", "scream", "whisper", "exclaim", "continue", "conclude", "lament", "caution", "agree", "point", "reiterate", "comment", "underline", "highlight", "demand", "yell", "scold", "retort", "counter", "quip", "boast", "plead", "muse", "wonder", "cry"]
)
"""Verbs that introduce a direct or partial quotation."""

INDIRECT_LEMMAS = frozenset(
    ["say", "tell", "add", "claim", "state", "announce", "warn", "insist", "argue", "explain", "note", "report", "reveal", "confirm", "deny", "admit", "suggest", "stress", "acknowledge", "allege", "predict", "promise", "vow", "write", "tweet", "testify", "contend", "maintain", "declare", "assert", "reply", "respond", "concede", "emphasise", "emphasize", "conclude", "reiterate", "estimate", "indicate", "signal", "disclose"]
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


def sentence_of(token: Any) -> tuple[int, int]:
    """`(start, end)` token indices of the token's sentence (cached per Doc: `Token.sent` is slow)."""
    doc = token.doc
    bounds = doc.user_data.get("triage_sentences")
    if bounds is None:
        bounds = [(0, 0)] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                bounds[i] = (sent.start, sent.end)
        doc.user_data["triage_sentences"] = bounds
    return bounds[token.i]  # type: ignore[no-any-return]


def is_cue(token: Any, lemmas: frozenset[str] = CUE_LEMMAS) -> bool:
    """True for a reporting verb ("call" only as in "called it a disaster", not "called on", "called for")."""
    if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() not in lemmas:
        return False
    if token.lemma_.lower() in {"call", "point"}:
        return not any(c.dep_ in {"prep", "prt"} and c.lower_ in {"on", "for", "off", "in", "up"} for c in token.children)
    return True


def subject_of(verb: Any, excluded: set[int] | frozenset[int] = frozenset()) -> Any | None:
    """The subject of `verb`, or of the verb it hangs from ("smiled and said", "beyond reiterating that").

    Subjects among `excluded` tokens (quoted words the parser took for a second subject) are passed over.
    """
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS and child.i not in excluded:
                if child.lower_ in {"that", "which", "who"} and verb.dep_ == "relcl":
                    return verb.head  # "a report that said ...": the report
                return child
        if verb.dep_ in {"conj", "xcomp", "advcl", "pcomp", "prep"} and verb.head is not verb:
            verb = verb.head
            if verb.dep_ == "prep" and verb.head is not verb:
                verb = verb.head
        else:
            return None
    return None


def speaker_tokens(subject: Any, excluded: set[int], persons: set[int] = frozenset()) -> list[Any]:  # type: ignore[assignment]
    """The subject's words as written, without relative clauses, appositions or quoted text."""
    keep: list[Any] = [subject]
    stack = list(subject.children)
    while stack:
        token = stack.pop()
        if token.dep_ in _CUT_DEPS or token.i in excluded:
            continue
        if token.dep_ == "appos" and token.i not in persons:
            continue
        keep.append(token)
        stack.extend(token.children)
    keep.sort(key=lambda t: t.i)
    doc = subject.doc
    filled: list[Any] = []
    for token in keep:  # punctuation between kept words belongs to the span ("Carlineo's attorney, Sonya Zoghlin")
        if filled and token.i > filled[-1].i + 1 and all(doc[k].is_punct for k in range(filled[-1].i + 1, token.i)):
            filled.extend(doc[k] for k in range(filled[-1].i + 1, token.i))
        filled.append(token)
    indices = [t.i for t in filled]
    lo = hi = indices.index(subject.i)
    while lo > 0 and indices[lo - 1] == indices[lo] - 1:
        lo -= 1
    while hi + 1 < len(indices) and indices[hi + 1] == indices[hi] + 1:
        hi += 1
    run = filled[lo : hi + 1]
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


def resolve(
    doc: Any, subject: Any, tokens: list[Any], mentions: list[Mention], speakers: list[tuple[int, str]] = []  # noqa: B006
) -> str | None:
    """The canonical entity a speaker refers to, or None for an unnamed or unresolved source."""
    found = _mention_at(mentions, subject.i)
    if found is not None and found.label in {"PERSON", "ORG", "NORP", "PLACE"}:
        return found.canonical
    lower = subject.lower_
    if lower in _PERSON_PRONOUNS:
        return _antecedent(doc, subject, mentions, {"PERSON"}, speakers)
    if lower == "it":
        return _antecedent(doc, subject, mentions, {"ORG"})
    # "spokesman Dmitry Peskov", "Carlineo's attorney, Sonya Zoghlin": the person the head stands for
    ids = {t.i for t in tokens}
    named = []
    for mention in mentions:
        if mention.label == "PERSON" and mention.tok_start in ids:
            last = doc[mention.tok_end - 1]
            if last.dep_ == "poss" or any(a.dep_ in {"prep", "poss"} and a.i in ids for a in last.ancestors):
                continue
            named.append((last.dep_ != "appos", mention.tok_start, mention.canonical))
    if named:
        return min(named)[2]
    return _person_by_surname(subject, mentions) or _described_org(doc, subject, mentions)


def _person_by_surname(head: Any, mentions: list[Mention]) -> str | None:
    """"Petrides said" after "John Petrides": a capitalised word the model did not tag as a person (no mention is at
    it; the small model may even call it a common noun) that is the last name of exactly one person the text names
    in full."""
    if head.pos_ not in ("PROPN", "NOUN") or not head.text[:1].isupper():
        return None
    word = head.text.casefold()
    names = {m.canonical for m in mentions if m.label == "PERSON" and " " in m.canonical and m.canonical.rsplit(" ", 1)[1].casefold() == word}
    return names.pop() if len(names) == 1 else None


def _described_org(doc: Any, head: Any, mentions: list[Mention]) -> str | None:
    """"the agency" after "the European Space Agency": the latest organisation named with that word."""
    if head.pos_ != "NOUN" or not any(c.lower_ == "the" for c in head.children):
        return None
    word = head.lemma_.lower()
    for mention in reversed([m for m in mentions if m.tok_end <= head.i and m.label == "ORG"]):
        if word in mention.canonical.lower().split():
            return mention.canonical
    return None


def _antecedent(
    doc: Any, pronoun: Any, mentions: list[Mention], labels: set[str], speakers: list[tuple[int, str]] = []  # noqa: B006
) -> str | None:
    """The latest person quoted nearby, else the nearest earlier mention, preferring grammatical subjects."""
    earlier = [m for m in mentions if m.label in labels and m.tok_end <= pronoun.i]
    wanted = pronoun_gender(pronoun.lower_) if "PERSON" in labels else None
    if wanted is not None:
        genders = _genders(doc, mentions)
        earlier = [m for m in earlier if genders.get(m.canonical, wanted) == wanted]
    if not earlier:
        return None
    window_start = sentence_of(pronoun)[0]
    for _ in range(3):
        if window_start == 0:
            break
        window_start = sentence_of(doc[window_start - 1])[0]
    persons = {m.canonical for m in earlier}
    lo = doc[window_start].idx
    quoted = [name for at, name in speakers if lo <= at < pronoun.idx and name in persons]
    if quoted and "PERSON" in labels:
        return quoted[-1]
    recent = [m for m in earlier if m.tok_start >= window_start]
    subjects = [m for m in recent if doc[m.tok_end - 1].dep_ in _SUBJECT_DEPS]
    if subjects:
        return subjects[-1].canonical
    return (recent or earlier)[-1].canonical


def _genders(doc: Any, mentions: list[Mention]) -> dict[str, str]:
    """`person_genders` of the text, worked out once per parsed text."""
    cached = doc.user_data.get("triage_genders")
    if cached is None or cached[0] != len(mentions):
        cached = (len(mentions), person_genders(doc, mentions))
        doc.user_data["triage_genders"] = cached
    return cached[1]  # type: ignore[no-any-return]


def make_speaker(
    doc: Any, cue: Any, subject: Any, excluded: set[int], mentions: list[Mention], speakers: list[tuple[int, str]]
) -> Speaker:
    """A Speaker from a cue verb and its subject token; `speakers` are earlier (token, canonical) attributions."""
    persons = {i for m in mentions if m.label == "PERSON" for i in range(m.tok_start, m.tok_end)}
    tokens = speaker_tokens(subject, excluded, persons)
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    return Speaker(cue, start, end, doc.text[start:end], resolve(doc, subject, tokens, mentions, speakers))


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
