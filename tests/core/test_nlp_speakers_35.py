"""Speakers of quotations: transcript turns, dash bylines, long inverted sources, pronouns of the right sex,
and paragraphs in text that mixes blank lines and line breaks."""

from __future__ import annotations

import pytest

from triage_app.core.nlp.engine import SpacyEngine
from triage_app.core.nlp.gender import first_name_gender
from triage_app.core.nlp.quotemarks import find_quoted, paragraphs
from triage_app.core.records import Quote

LONG = "x" * 120  # a line longer than any hard-wrapped one


def test_line_breaks_are_paragraphs_when_the_text_is_not_hard_wrapped() -> None:
    text = f"{LONG}\n\n{LONG}\n{LONG}"
    assert paragraphs(text) == [(0, 120), (122, 242), (243, 363)]
    wrapped = "a line of a hard-wrapped paragraph\nthat goes on here\n\nNext paragraph."
    assert paragraphs(wrapped) == [(0, 52), (54, 69)]


def test_a_transcript_turn_ends_the_quote_before_it() -> None:
    text = '"WALLACE: Will she be there?\n\n"PENCE: She will not be attending the debate tomorrow night.\n\nEnd.'
    spans = [text[q.start : q.end] for q in find_quoted(text)]
    assert spans == ["WALLACE: Will she be there?", "PENCE: She will not be attending the debate tomorrow night."]


@pytest.fixture(scope="module")
def engine() -> SpacyEngine:
    return SpacyEngine(foreign={})


def _quote(engine: SpacyEngine, text: str, words: str) -> Quote:
    return next(q for q in engine.annotate(text).quotes if words in q.text)


@pytest.mark.nlp
def test_transcript_and_dash_speakers(engine: SpacyEngine) -> None:
    text = (
        "Mike Pence spoke to Chris Wallace on Sunday.\n\n"
        '"WALLACE: Will Gennifer Flowers be there tomorrow night?\n\n'
        '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.\n\n'
        "Readers wrote to us.\n\n"
        "“He cannot even answer a question without scaring people first.” ― Esther Tapia\n"
        "“I am so ashamed of what this campaign has become this year.” ― Karen Bobadilla\n"
    )
    assert _quote(engine, text, "will not be attending").speaker_canonical == "Mike Pence"
    assert _quote(engine, text, "Will Gennifer").speaker == "WALLACE"
    assert _quote(engine, text, "scaring people").speaker == "Esther Tapia"
    assert _quote(engine, text, "ashamed").speaker == "Karen Bobadilla"


@pytest.mark.nlp
def test_a_long_source_after_the_cue_is_the_speaker(engine: SpacyEngine) -> None:
    text = (
        '"If it does not have the capability yet, it will at some point," said James Acton, a physicist who '
        "is co-director of the Nuclear Policy Program at the Carnegie Endowment for International Peace."
    )
    assert _quote(engine, text, "capability").speaker_canonical == "James Acton"


@pytest.mark.nlp
def test_she_is_not_a_man(engine: SpacyEngine) -> None:
    text = (
        "Claire McCaskill questioned the doctor at the hearing, and David Gorski wrote about it later.\n\n"
        "“The scientific community is almost monolithic against you,” she said."
    )
    assert _quote(engine, text, "monolithic").speaker_canonical == "Claire McCaskill"


def test_first_names_by_sex() -> None:
    assert first_name_gender("Claire") == "f"
    assert first_name_gender("David") == "m"
    assert first_name_gender("Zqxw") is None


@pytest.mark.nlp
def test_a_sentence_never_runs_over_a_blank_line(engine: SpacyEngine) -> None:
    text = "___.\n\n12:15 p.m.\n\nDonald Trump says political correctness has run amok and \"we're going to get away from\" that."
    doc = engine.parse(text)
    assert any(sent.text.startswith("Donald Trump") for sent in doc.sents)
    assert _quote(engine, text, "get away").speaker_canonical == "Donald Trump"


@pytest.mark.nlp
def test_a_name_next_to_a_cue_without_subject_is_the_speaker(engine: SpacyEngine) -> None:
    text = (
        "The U.S. Department of Justice is investigating the shooting.\n\n"
        "“I will just make this promise to you: We will achieve justice in this case,” Tulsa police Chief "
        "Chuck Jordan said Monday."
    )
    assert _quote(engine, text, "promise").speaker_canonical == "Chuck Jordan"


def test_a_curly_opening_mark_may_close_with_a_straight_one() -> None:
    text = '“Immunity deals should not be a requirement for cooperating with the FBI," Jason Chaffetz said.'
    assert [text[q.start : q.end] for q in find_quoted(text)] == [
        "Immunity deals should not be a requirement for cooperating with the FBI,"
    ]


@pytest.mark.nlp
def test_a_surname_the_model_does_not_tag_names_the_person_named_in_full(engine: SpacyEngine) -> None:
    """"...," Petrides said.' after "John Petrides ... says": the small model tags no person at "Petrides" there, and the
    quote's speaker had no entity (seen in the reader's quote list: "Petrides" beside "John Petrides")."""
    text = (
        "The deal could be the beginning of a new trend for consumer-facing stocks, says John Petrides, portfolio "
        "manager at Tocqueville Asset Management.\n\n"
        "“Here's a company that's willing to pay for the eyeballs and the followers that Kylie Jenner has more so "
        "than anything else,” Petrides said.\n\n"
        "“I would expect more acquisitions like this going forward,” Petrides said."
    )
    assert _quote(engine, text, "eyeballs").speaker == "Petrides"
    assert _quote(engine, text, "eyeballs").speaker_canonical == "John Petrides"
    assert _quote(engine, text, "acquisitions").speaker_canonical == "John Petrides"
