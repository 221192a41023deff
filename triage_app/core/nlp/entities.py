"""Named entities from a spaCy Doc, with the fixes news text needs: labels, surnames, aliases."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from triage_app.core.nlp.aliases import acronym_of, alias_key, is_news_org, lookup_alias
from triage_app.core.nlp.rules import DEFAULT_RULES, Rules
from triage_app.core.nlp.spans import LABEL_MAP, NAME_SUFFIXES, find_dateline, mask_dateline, norp_canonical, raw_spans
from triage_app.core.records import EntityMention

__all__ = ["LABEL_MAP", "Mention", "extract_entities", "find_dateline", "mask_dateline"]

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


def extract_entities(
    doc: Any, dateline: tuple[int, int] | None = None, source: str | None = None, rules: Rules = DEFAULT_RULES
) -> list[Mention]:
    """Entity mentions of a parsed text, ordered by position, with canonical names.

    `dateline` is the span of a dateline that was blanked out before parsing (see `mask_dateline`)
    and `source` the text before blanking; `rules` switches our rules on and off (the bench measures each).
    """
    source = doc.text if source is None else source
    spans = raw_spans(doc, dateline, rules)
    if rules.surnames:
        _persons_from_surnames(doc, spans)
    mentions: list[Mention] = []
    full_names: list[tuple[int, str, str]] = []  # (token index, surname or first name, full name)
    for start, end, label in spans:
        span = doc[start:end]
        text = source[span.start_char : span.end_char]
        canonical = name_of(text)
        found = lookup_alias(text) if rules.aliases else None
        if found is not None:
            canonical = found[0]
        elif label == "NORP" and rules.aliases:
            canonical = norp_canonical(canonical)
        if label == "PERSON" and len(span) >= 2:
            names = [t for t in span if t.is_alpha or t.text.rstrip(".").isalpha()]
            names = [t for t in names if t.lower_ not in NAME_SUFFIXES and len(t.text.rstrip(".")) > 1]
            if len(names) >= 2 and _is_full_name(names):
                full_names.append((start, names[-1].text, canonical))
                full_names.append((start, "FIRST:" + names[0].text, canonical))
        mentions.append(Mention(start, end, span.start_char, span.end_char, text, LABEL_MAP.get(label, label), canonical))
    if dateline is not None:
        first = doc.char_span(dateline[0], dateline[1], alignment_mode="expand")
        name = source[dateline[0] : dateline[1]]
        found = lookup_alias(name)
        canonical = found[0] if found else name.title()
        mentions.append(Mention(first.start, first.end, dateline[0], dateline[1], name, "PLACE", canonical))
    _norp_names_that_occur(mentions)
    if rules.surnames:
        _propagate_surnames(doc, mentions, full_names, retype=rules.retype)
    if rules.aliases:
        _resolve_acronyms(mentions, retype=rules.retype)
    if rules.retype:
        _unify_labels(mentions)
    _canonical_names_that_occur(mentions)
    mentions.sort(key=lambda m: m.start)
    return mentions


_ARTICLE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE_END = re.compile(r"(?:'s|’s|'|’)$")


def name_of(text: str) -> str:
    """The name a mention gives, for the entity list: "the Interior Ministry's" -> "Interior Ministry".

    Only the name changes, not the mention's span; "The New York Times" keeps its article.
    """
    name = _SPACES.sub(" ", text).strip()
    bare = _POSSESSIVE_END.sub("", name)
    if " " in bare and _ARTICLE.match(bare) and not is_news_org(bare):
        bare = _ARTICLE.sub("", bare)
    return bare or name


def _is_full_name(names: list[Any]) -> bool:
    """"Donald Trump" is a full name; "Make Trump" (a verb) and "Virginia Democrats" (a plural) are not."""
    return all(t.tag_ == "NNP" and not t.is_stop for t in names)


def _norp_names_that_occur(mentions: list[Mention]) -> None:
    """"Russians" is listed as "Russian" only when "Russian" occurs in the text: names are never made up."""
    written = {m.text for m in mentions}
    for mention in mentions:
        if mention.label == "NORP" and mention.canonical not in written and lookup_alias(mention.text) is None:
            mention.canonical = name_of(mention.text)


def _canonical_names_that_occur(mentions: list[Mention]) -> None:
    """A canonical name the text never writes (an alias table's "United States" for a text that only says
    "U.S.") becomes the longest name the text gives that entity, so the entity list shows only real mentions."""
    written = {name_of(m.text).casefold() for m in mentions}  # "WASHINGTON" (a dateline) may be listed as "Washington"
    forms: dict[str, Counter[str]] = {}
    for mention in mentions:
        forms.setdefault(mention.canonical, Counter())[name_of(mention.text)] += 1
    for mention in mentions:
        if mention.canonical.casefold() not in written:
            counter = forms[mention.canonical]
            mention.canonical = max(counter, key=lambda name: (len(name), counter[name], name))


def _persons_from_surnames(doc: Any, spans: list[list[Any]]) -> None:
    """"Eva-Marie Persson" tagged ORG but "Persson" alone tagged PERSON: the full name is a person too."""
    singles = {doc[s[0]].text for s in spans if s[2] == "PERSON" and s[1] - s[0] == 1}
    for s in spans:
        if s[2] in {"ORG", "GPE", "FAC", "PRODUCT", "WORK_OF_ART"} and 2 <= s[1] - s[0] <= 4:
            tokens = doc[s[0] : s[1]]
            if tokens[-1].text in singles and all(t.is_title or t.is_punct for t in tokens):
                s[2] = "PERSON"


def _full_name_for(name: str, at: int, full_names: list[tuple[int, str, str]]) -> str | None:
    before = [full for i, key, full in full_names if key == name and i < at]
    if before:
        return before[-1]
    after = [full for i, key, full in full_names if key == name]
    return after[0] if after else None


def _propagate_surnames(
    doc: Any, mentions: list[Mention], full_names: list[tuple[int, str, str]], *, retype: bool = True
) -> None:
    """A surname alone that the model tagged takes the name and type of the full name seen in the document;
    with `retype`, also where the model did not tag it."""
    if not full_names:
        return
    surnames = {key for _, key, _ in full_names if not key.startswith("FIRST:")}
    taken: set[int] = set()
    for mention in mentions:
        taken.update(range(mention.tok_start, mention.tok_end))
        if mention.tok_end - mention.tok_start != 1:
            continue
        full = None
        if mention.text in surnames and mention.label in {"PERSON", "ORG", "PLACE", "PRODUCT", "WORK_OF_ART", "LAW"}:
            full = _full_name_for(mention.text, mention.tok_start, full_names)
        elif mention.label == "PERSON":  # "Liu" for "Liu Xiaming": family name first
            full = _full_name_for("FIRST:" + mention.text, mention.tok_start, full_names)
        if full is not None:
            mention.label, mention.canonical = "PERSON", full
    if not retype:
        return
    for token in doc:  # untagged surnames: new spans
        if token.i in taken or token.text not in surnames or token.pos_ not in {"PROPN", "NOUN", "X"}:
            continue
        full = _full_name_for(token.text, token.i, full_names)
        if full is not None:
            mentions.append(
                Mention(token.i, token.i + 1, token.idx, token.idx + len(token.text), token.text, "PERSON", full)
            )


def _resolve_acronyms(mentions: list[Mention], *, retype: bool = True) -> None:
    """"EU" after "European Union" in the same text: the acronym takes the full name (and its type)."""
    expansions: dict[str, tuple[str, str]] = {}
    for mention in mentions:
        if mention.label in {"ORG", "PLACE"}:
            acronym = acronym_of(mention.canonical)
            if acronym and len(acronym) >= 2:
                expansions.setdefault(acronym, (mention.canonical, mention.label))
    for mention in mentions:
        key = mention.text.replace(".", "")
        if key.isupper() and key in expansions and lookup_alias(mention.text) is None:
            if retype:
                mention.canonical, mention.label = expansions[key]
            elif mention.label == expansions[key][1]:
                mention.canonical = expansions[key][0]


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
            best = max(counter.items(), key=lambda kv: (kv[1], kv[0] == "PERSON", kv[0] == "PLACE", kv[0] == "ORG"))[0]
            mention.label = best
