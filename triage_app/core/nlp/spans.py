"""Rules that fix the small model's entity spans on news: trimming, relabelling, missed places and sums."""

from __future__ import annotations

import re
from typing import Any

from triage_app.core.nlp.aliases import is_news_org, lookup_alias
from triage_app.core.nlp.gazetteer import gazetteer_matches
from triage_app.core.nlp.rules import DEFAULT_RULES, Rules

LABEL_MAP = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
"""spaCy labels shown under another name; every other label is kept as spaCy gives it."""

_PLACE_NOUNS = {"region", "province", "oblast", "county", "district", "prefecture", "governorate", "state"}
_PERSONAL_TITLES = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "president", "gen", "col", "sen", "rep"}
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_TITLE_WORDS = _PERSONAL_TITLES | {
    "minister", "secretary", "senator", "general", "chancellor", "prime", "king", "queen", "prince", "princess",
    "pope", "judge", "justice", "governor", "gov", "mayor", "coach", "spokesman", "spokeswoman", "ambassador",
    "envoy", "chairman", "chief", "director", "commissioner", "officer", "captain", "sheikh", "emir", "rev",
    "cardinal", "bishop", "professor", "prof", "lt", "sgt", "maj", "adm", "vice", "deputy", "leader", "premier",
    "attorney", "ombudsman", "insider", "analyst", "correspondent", "reporter", "editor", "ceo", "cfo", "founder", "actor",
    "actress", "singer", "rapper", "star", "lawmaker", "congressman", "congresswoman", "councillor", "councilman",
}
_MONEY_LEAD = {"up", "to", "at", "least", "about", "around", "nearly", "almost", "more", "than", "over", "some",
               "roughly", "approximately", "less", "under", "just", "only", "another", "an", "a", "additional"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
_MONEY_RE = re.compile(
    r"(?<![\w$£€¥])(?:(?:US|A|C|HK|NZ|S)?\$|£|€|¥|Rs\.?\s?|INR\s?|USD\s?|EUR\s?|GBP\s?)"
    r"\d[\d,]*(?:\.\d+)?(?:\s?(?:bn|m|k|tn|million|billion|trillion|lakh|lakhs|crore|crores))?(?!\w)"
)
_DATELINE_RE = re.compile(r"^\s*((?:[A-Z][A-Z.'’-]+)(?: [A-Z][A-Z.'’-]+){0,3})(?=,\s|\s*[—–]|\s*--|:\s|\s\()")


def find_dateline(text: str) -> tuple[int, int] | None:
    """`(start, end)` of a news dateline's place ("VIENNA —", "HANOI, Vietnam (AP) —"), if the text opens with one."""
    match = _DATELINE_RE.match(text)
    if match is None or len(match.group(1).replace(" ", "")) < 3:
        return None
    return match.start(1), match.end(1)


def mask_dateline(text: str) -> tuple[str, tuple[int, int] | None]:
    """The text with its dateline (and a dash or colon after it) blanked, so the parser does not take
    "BERLIN -- The agency says" for one subject; offsets stay the same."""
    found = find_dateline(text)
    if found is None:
        return text, None
    end = found[1]
    tail = re.match(r"\s*(?:[—–:]|--)", text[end:])
    if tail is not None:
        end += tail.end()
    return text[: found[0]] + " " * (end - found[0]) + text[end:], found


def _trim(doc: Any, start: int, end: int, label: str) -> tuple[int, int]:
    """Drop articles, possessives, stray punctuation and trailing common words from a token span."""
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in _POSSESSIVE):
        start += 1
    while end > start and ((doc[end - 1].is_punct and doc[end - 1].text not in {".", ")"}) or doc[end - 1].is_space):
        end -= 1
    if label in _NAME_LABELS:
        while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha and doc[end - 2].whitespace_:
            end -= 1  # "Logar province", "The Associated Press that"
    if end - start > 1 and doc[start].lower_ == "the":
        rest = doc[start + 1 : end].text
        if doc[start].text == "the" or LABEL_MAP.get(label, label) in {"PLACE", "NORP", "DATE", "MONEY"} or (_opens_sentence(doc, start) and not is_news_org(doc[start:end].text) and not is_news_org(rest)):
            start += 1
    if end - start > 1 and doc[end - 1].lower_ in _POSSESSIVE:
        end -= 1
    if label == "PERSON":  # "Attorney Nealy Cox", "Browns DL Sheldon Richardson", "Public Ombudsman Nadia Cruz"
        titles = [
            k for k in range(start, end - 2)
            if doc[k].lower_.rstrip(".") in _TITLE_WORDS or (doc[k].is_upper and len(doc[k].text.rstrip(".")) > 1)
        ]
        if titles:
            start = titles[-1] + 1
    if label == "MONEY":
        while end - start > 1 and doc[start].lower_ in _MONEY_LEAD:
            start += 1
        if (start > 0 and doc[start - 1].pos_ == "SYM") or (start > 0 and doc[start - 1].is_currency):
            start -= 1
    if label == "PERSON":
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and not doc[start - 1].ent_type_ \
                and doc[start - 1].lower_.rstrip(".") not in _TITLE_WORDS and doc[start - 1].head.i in range(start, end):
            start -= 1  # "Adolf Hitler" when the model only marked "Hitler"
    return start, end


def _opens_sentence(doc: Any, i: int) -> bool:
    """True when the token starts a sentence (ignoring blanked-out or whitespace tokens before it)."""
    while i > 0 and doc[i - 1].is_space:
        i -= 1
    return i == 0 or doc[i].is_sent_start or doc[i - 1].text in {".", "!", "?", "—", "--", ":"}


def _is_demonym(span: Any) -> bool:
    """A one-word nationality adjective or plural ("Ukrainian", "Russians") mislabelled as a place."""
    if len(span) != 1:
        return False
    token = span[0]
    return token.tag_ in {"JJ", "NNPS"} or (token.tag_ == "NNP" and token.lower_.endswith(("ian", "ese")))


def norp_canonical(text: str) -> str:
    if text.endswith("s") and not text.endswith(("ss", "ese")) and len(text) > 4:
        return text[:-1]
    return text


def _relabel(doc: Any, start: int, end: int, label: str) -> str | None:
    """Fix the label of a trimmed span; None drops it."""
    span = doc[start:end]
    if label in _NAME_LABELS and not any(c.isupper() for c in span.text):
        return None  # "immigration department"
    if label == "DATE" and len(span) == 1 and span.text.isdigit() and int(span.text) < 150:
        return "CARDINAL"  # an age: "Carlineo, 55, of Addison"
    if label == "MONEY" and any(t.lower_ in {"per", "percent", "%"} for t in span):
        return "PERCENT"
    if label in {"GPE", "ORG", "LOC", "PERSON"} and _is_demonym(span):
        label = "NORP"
    if is_news_org(span.text):
        label = "ORG"
    found = lookup_alias(span.text)
    if found is not None:
        label = "GPE" if found[1] == "PLACE" else found[1]
    return label


def _split_possessive(doc: Any, start: int, end: int, label: str, places: set[str]) -> list[list[Any]]:
    """"Vietnam’s Communist Party" is two entities: the place and the party."""
    for k in range(start + 1, end - 1):
        if doc[k].lower_ in _POSSESSIVE and label in {"ORG", "PERSON", "FAC"}:
            owner = doc[start:k].text
            if owner in places or lookup_alias(owner) is not None:
                return [[start, k, "GPE"], [k + 1, end, label]]
    return [[start, end, label]]


def raw_spans(doc: Any, dateline: tuple[int, int] | None, rules: Rules = DEFAULT_RULES) -> list[list[Any]]:
    """`[tok_start, tok_end, label]` of spaCy's entities, with the span and type rules `rules` switches on."""
    places = {e.text for e in doc.ents if e.label_ == "GPE"}
    spans: list[list[Any]] = []
    for ent in doc.ents:
        start, end = _trim(doc, ent.start, ent.end, ent.label_) if rules.trim else (ent.start, ent.end)
        if start >= end:
            continue
        label = _relabel(doc, start, end, ent.label_) if rules.retype else ent.label_
        if label is None:
            continue
        if rules.trim:
            spans.extend(_split_possessive(doc, start, end, label, places))
        else:
            spans.append([start, end, label])
    if rules.slogans:
        spans[:] = [sp for sp in spans if not is_slogan(doc, sp[0], sp[1], sp[2])]
    if rules.gazetteer:
        _add_missed_places(doc, spans)
        _add_gazetteer(doc, spans)
    if rules.money:
        _add_money(doc, spans)
    if rules.retype:
        _titled_persons(doc, spans)
    if dateline is not None:
        spans[:] = [s for s in spans if doc[s[0]].idx >= dateline[1]]
    spans.sort()
    return spans


def _lower_words(doc: Any) -> set[str]:
    words: set[str] | None = doc.user_data.get("triage_lower_words") if hasattr(doc, "user_data") else None
    if words is None:
        words = {t.text for t in doc if t.is_alpha and t.is_lower}
        doc.user_data["triage_lower_words"] = words
    return words


def is_slogan(doc: Any, start: int, end: int, label: str) -> bool:
    """A capitalised slogan or shouted word the model took for a name: "VOTE", "GREAT Governor", "Make Trump".

    A name span is one when it opens with a verb ("Make ... Again") or holds a word in capitals whose
    lower-case form the text uses as an ordinary word ("GET OUT and VOTE", "vote").
    """
    if label not in _NAME_LABELS:
        return False
    tokens = doc[start:end]
    if tokens[0].pos_ in {"VERB", "AUX"} and not tokens[0].is_upper and tokens[0].tag_ != "NNP":
        return True
    lower = _lower_words(doc)
    return any(t.is_upper and t.is_alpha and len(t.text) >= 3 and t.lower_ in lower for t in tokens)


def _titled_persons(doc: Any, spans: list[list[Any]]) -> None:
    """"Chancellor Olaf Scholz" tagged ORG: a name right after a personal title is a person."""
    for s in spans:
        if s[2] in {"ORG", "GPE", "NORP", "FAC", "PRODUCT"} and 2 <= s[1] - s[0] <= 4 and s[0] > 0:
            before = doc[s[0] - 1]
            if before.lower_.rstrip(".") in _TITLE_WORDS and all(t.is_title or t.is_punct for t in doc[s[0] : s[1]]):
                if lookup_alias(doc[s[0] : s[1]].text) is None and not is_news_org(doc[s[0] : s[1]].text):
                    s[2] = "PERSON"


def _add_gazetteer(doc: Any, spans: list[list[Any]]) -> None:
    """Well-known countries, capitals and aliases the small model left untagged ("Kyiv must accept")."""
    taken = {i for s in spans for i in range(s[0], s[1])}
    for match in gazetteer_matches(doc.text):
        span = doc.char_span(match[0], match[1])
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        spans.append([span.start, span.end, match[2]])
        taken.update(range(span.start, span.end))


def _add_money(doc: Any, spans: list[list[Any]]) -> None:
    """Sums the small model misses ("Rs 24 lakh", "£10bn") replace overlapping number entities."""
    for match in _MONEY_RE.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        overlapping = [s for s in spans if s[0] < span.end and s[1] > span.start]
        if any(s[2] not in {"CARDINAL", "MONEY", "QUANTITY"} for s in overlapping):
            continue
        for s in overlapping:
            spans.remove(s)
        spans.append([span.start, span.end, "MONEY"])


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
        for s in spans:  # "Logar province": an organisation name right before "province" is a place
            if s[1] == end and s[2] == "ORG":
                s[2] = "GPE"
