"""Named entities from a spaCy Doc, with the fixes news text needs: labels, surnames, aliases."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from triage_app.core.nlp.aliases import acronym_of, alias_key, is_news_org, lookup_alias
from triage_app.core.records import EntityMention

LABEL_MAP = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
"""spaCy labels shown under another name; every other label is kept as spaCy gives it."""

_PLACE_NOUNS = {"region", "province", "oblast", "county", "district", "prefecture", "governorate", "state"}
_PERSONAL_TITLES = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "president", "gen", "col", "sen", "rep"}
_SPACES = re.compile(r"\s+")


@dataclass
class Mention:
    """An entity mention with its token span (used by the quotation finder)."""

    tok_start: int
    tok_end: int
    start: int
    end: int
    text: str
    label: str
    canonical: str

    def to_record(self) -> EntityMention:
        return EntityMention(self.start, self.end, self.text, self.label, self.canonical)


def _trim(doc: Any, start: int, end: int, label: str) -> tuple[int, int]:
    """Drop a leading article, possessive ending and stray punctuation from a token span."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in {".", ")"} or doc[end - 1].is_space):
        end -= 1
    if end - start > 1 and doc[start].lower_ == "the":
        if doc[start].text == "the" or LABEL_MAP.get(label, label) in {"PLACE", "NORP", "DATE", "MONEY"}:
            start += 1
    if end - start > 1 and doc[end - 1].lower_ in {"'s", "’s", "'"}:
        end -= 1
    if label == "PERSON" and end - start > 2 and doc[start].lower_.rstrip(".") in _PERSONAL_TITLES:
        start += 1
    return start, end


def _is_demonym(span: Any) -> bool:
    """A one-word nationality adjective or plural ("Ukrainian", "Russians") mislabelled as a place."""
    if len(span) != 1:
        return False
    token = span[0]
    return token.tag_ in {"JJ", "NNPS"} or (token.tag_ == "NNP" and token.lower_.endswith(("ian", "ese")))


def _norp_canonical(text: str) -> str:
    if text.endswith("s") and not text.endswith(("ss", "ese")) and len(text) > 4:
        return text[:-1]
    return text


def _raw_spans(doc: Any) -> list[list[Any]]:
    """`[tok_start, tok_end, label]` of spaCy's entities, trimmed and relabelled."""
    spans: list[list[Any]] = []
    for ent in doc.ents:
        label = ent.label_
        start, end = _trim(doc, ent.start, ent.end, label)
        if start >= end:
            continue
        span = doc[start:end]
        if label in {"GPE", "ORG", "LOC", "PERSON"} and _is_demonym(span):
            label = "NORP"
        if is_news_org(span.text):
            label = "ORG"
        found = lookup_alias(span.text)
        if found is not None:
            label = "GPE" if found[1] == "PLACE" else found[1]
        spans.append([start, end, label])
    _add_missed_places(doc, spans)
    return spans


def _add_missed_places(doc: Any, spans: list[list[Any]]) -> None:
    """Proper nouns before "region", "province", ... ("the Donetsk region") are places."""
    taken = {i for s in spans for i in range(s[0], s[1])}
    for token in doc:
        if token.lower_ not in _PLACE_NOUNS or token.i == 0:
            continue
        end = token.i
        start = end
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in taken:
            start -= 1
        if start < end and doc[start].is_title:
            spans.append([start, end, "GPE"])
            taken.update(range(start, end))
    spans.sort()


def extract_entities(doc: Any) -> list[Mention]:
    """Entity mentions of a parsed text, ordered by position, with canonical names."""
    spans = _raw_spans(doc)
    mentions: list[Mention] = []
    full_names: list[tuple[int, str, str]] = []  # (token index, surname, full name)
    for start, end, label in spans:
        span = doc[start:end]
        text = span.text
        canonical = _SPACES.sub(" ", text).strip()
        found = lookup_alias(text)
        if found is not None:
            canonical = found[0]
        elif label == "NORP":
            canonical = _norp_canonical(canonical)
        if label == "PERSON" and len(span) >= 2 and span[-1].is_title:
            full_names.append((start, span[-1].text, canonical))
        mentions.append(Mention(start, end, span.start_char, span.end_char, text, LABEL_MAP.get(label, label), canonical))
    _propagate_surnames(doc, mentions, full_names)
    _resolve_acronyms(mentions)
    _unify_labels(mentions)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _full_name_for(surname: str, at: int, full_names: list[tuple[int, str, str]]) -> str | None:
    before = [full for i, last, full in full_names if last == surname and i < at]
    if before:
        return before[-1]
    after = [full for i, last, full in full_names if last == surname]
    return after[0] if after else None


def _propagate_surnames(doc: Any, mentions: list[Mention], full_names: list[tuple[int, str, str]]) -> None:
    """A surname alone takes the type and name of the full name seen in the document."""
    if not full_names:
        return
    surnames = {last for _, last, _ in full_names}
    taken: set[int] = set()
    for mention in mentions:
        taken.update(range(mention.tok_start, mention.tok_end))
        if mention.tok_end - mention.tok_start != 1 or mention.text not in surnames:
            continue
        if mention.label in {"PERSON", "ORG", "PLACE", "NORP", "PRODUCT", "WORK_OF_ART", "LAW"}:
            full = _full_name_for(mention.text, mention.tok_start, full_names)
            if full is not None:
                mention.label, mention.canonical = "PERSON", full
    for token in doc:
        if token.i in taken or token.text not in surnames or token.pos_ not in {"PROPN", "NOUN", "X"}:
            continue
        full = _full_name_for(token.text, token.i, full_names)
        if full is not None:
            mentions.append(
                Mention(token.i, token.i + 1, token.idx, token.idx + len(token.text), token.text, "PERSON", full)
            )


def _resolve_acronyms(mentions: list[Mention]) -> None:
    """"EU" after "European Union" in the same text: the acronym takes the full name."""
    expansions: dict[str, tuple[str, str]] = {}
    for mention in mentions:
        if mention.label in {"ORG", "PLACE"}:
            acronym = acronym_of(mention.canonical)
            if acronym and len(acronym) >= 2:
                expansions.setdefault(acronym, (mention.canonical, mention.label))
    for mention in mentions:
        key = mention.text.replace(".", "")
        if key.isupper() and key in expansions and lookup_alias(mention.text) is None:
            mention.canonical, mention.label = expansions[key]


def _unify_labels(mentions: list[Mention]) -> None:
    """All mentions of one canonical name get one label: the alias table's, else the most frequent."""
    votes: dict[str, Counter[str]] = {}
    for mention in mentions:
        votes.setdefault(alias_key(mention.canonical), Counter())[mention.label] += 1
    for mention in mentions:
        found = lookup_alias(mention.canonical)
        if found is not None:
            mention.label = found[1]
            continue
        counter = votes[alias_key(mention.canonical)]
        if len(counter) > 1:
            best = max(counter.items(), key=lambda kv: (kv[1], kv[0] == "PERSON", kv[0] == "ORG"))[0]
            mention.label = best
