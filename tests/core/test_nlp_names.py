"""Canonical names are never invented: slogans are not names, different full names never merge.

The parses are built by hand (words, tags, entities) so each case is exactly the model error it guards
against, whatever a model version would tag.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from triage_app.core.nlp.entities import extract_entities, name_of
from triage_app.core.nlp.rules import DEFAULT_RULES, NO_RULES


@pytest.fixture(scope="module")
def vocab() -> Any:
    return spacy.blank("en").vocab


def _doc(vocab: Any, rows: list[tuple[str, str, str, str]]) -> Any:
    """rows: (word, tag, pos, IOB entity) with a space after every word but one before punctuation."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in {".", ",", "!"} for i in range(len(words))]
    return Doc(vocab, words=words, spaces=spaces, tags=[r[1] for r in rows], pos=[r[2] for r in rows],
               ents=[r[3] for r in rows])


def test_make_trump_is_a_slogan_not_trumps_name(vocab: Any) -> None:
    doc = _doc(vocab, [
        ("Make", "VB", "VERB", "B-PERSON"), ("Trump", "NNP", "PROPN", "I-PERSON"), ("happy", "JJ", "ADJ", "O"),
        ("!", ".", "PUNCT", "O"), ("Trump", "NNP", "PROPN", "B-PERSON"), ("said", "VBD", "VERB", "O"),
        ("Donald", "NNP", "PROPN", "B-PERSON"), ("Trump", "NNP", "PROPN", "I-PERSON"), ("won", "VBD", "VERB", "O"),
        (".", ".", "PUNCT", "O"), ("Trump", "NNP", "PROPN", "B-PERSON"), ("left", "VBD", "VERB", "O"),
        (".", ".", "PUNCT", "O"),
    ])
    mentions = extract_entities(doc, rules=DEFAULT_RULES)
    assert all(m.canonical != "Make Trump" for m in mentions)
    assert {(m.text, m.canonical) for m in mentions} == {("Trump", "Donald Trump"), ("Donald Trump", "Donald Trump")}
    written = {m.text for m in mentions}
    assert all(m.canonical in written for m in mentions)  # every canonical name is a mention's own text
    # With the slogan rule off the span stays, but "Make Trump" is still no full name to merge "Trump" into.
    loose = extract_entities(doc, rules=DEFAULT_RULES.without("slogans"))
    assert ("Trump", "Make Trump") not in {(m.text, m.canonical) for m in loose}


def test_shouted_words_are_not_names(vocab: Any) -> None:
    doc = _doc(vocab, [
        ("GET", "VB", "VERB", "O"), ("OUT", "RP", "ADP", "O"), ("and", "CC", "CCONJ", "O"),
        ("VOTE", "NN", "NOUN", "B-ORG"), ("for", "IN", "ADP", "O"), ("our", "PRP$", "PRON", "O"),
        ("GREAT", "JJ", "ADJ", "B-GPE"), ("Governor", "NNP", "PROPN", "I-GPE"), ("!", ".", "PUNCT", "O"),
        ("The", "DT", "DET", "O"), ("vote", "NN", "NOUN", "O"), ("is", "VBZ", "AUX", "O"), ("a", "DT", "DET", "O"),
        ("great", "JJ", "ADJ", "O"), ("test", "NN", "NOUN", "O"), ("for", "IN", "ADP", "O"),
        ("NATO", "NNP", "PROPN", "B-ORG"), (".", ".", "PUNCT", "O"),
    ])
    assert [m.text for m in extract_entities(doc, rules=DEFAULT_RULES)] == ["NATO"]
    assert [m.text for m in extract_entities(doc, rules=NO_RULES)] == ["VOTE", "GREAT Governor", "NATO"]


def test_two_full_names_never_merge(vocab: Any) -> None:
    doc = _doc(vocab, [
        ("Donald", "NNP", "PROPN", "B-PERSON"), ("Trump", "NNP", "PROPN", "I-PERSON"), ("met", "VBD", "VERB", "O"),
        ("Melania", "NNP", "PROPN", "B-PERSON"), ("Trump", "NNP", "PROPN", "I-PERSON"), (".", ".", "PUNCT", "O"),
        ("Virginia", "NNP", "PROPN", "B-PERSON"), ("Democrats", "NNPS", "PROPN", "I-PERSON"), ("and", "CC", "CCONJ", "O"),
        ("Democrats", "NNPS", "PROPN", "B-NORP"), ("voted", "VBD", "VERB", "O"), (".", ".", "PUNCT", "O"),
    ])
    names = {(m.text, m.canonical, m.label) for m in extract_entities(doc, rules=DEFAULT_RULES)}
    assert ("Donald Trump", "Donald Trump", "PERSON") in names
    assert ("Melania Trump", "Melania Trump", "PERSON") in names
    assert ("Democrats", "Democrats", "NORP") in names  # not a "surname" of "Virginia Democrats"


def test_names_drop_article_and_possessive_but_keep_outlets() -> None:
    assert name_of("the Interior Ministry’s") == "Interior Ministry"
    assert name_of("The European Space Agency") == "European Space Agency"
    assert name_of("The New York Times") == "The New York Times"
    assert name_of("Reuters") == "Reuters"


def test_alias_canonical_is_a_name_the_text_writes(vocab: Any) -> None:
    only_short = _doc(vocab, [
        ("The", "DT", "DET", "O"), ("U.S.", "NNP", "PROPN", "B-GPE"), ("offered", "VBD", "VERB", "O"),
        ("help", "NN", "NOUN", "O"), (".", ".", "PUNCT", "O"),
    ])
    assert {(m.text, m.canonical) for m in extract_entities(only_short, rules=DEFAULT_RULES)} == {("U.S.", "U.S.")}
    both = _doc(vocab, [
        ("The", "DT", "DET", "O"), ("United", "NNP", "PROPN", "B-GPE"), ("States", "NNP", "PROPN", "I-GPE"),
        ("and", "CC", "CCONJ", "O"), ("the", "DT", "DET", "O"), ("U.S.", "NNP", "PROPN", "B-GPE"),
        ("agree", "VBP", "VERB", "O"), (".", ".", "PUNCT", "O"),
    ])
    assert {m.canonical for m in extract_entities(both, rules=DEFAULT_RULES)} == {"United States"}
