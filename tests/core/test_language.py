"""Language detection from text, offline, on short and long texts."""

from __future__ import annotations

import pytest

from triage_app.core.language import detect_language

SAMPLES = {
    "en": "The government said on Thursday that it would not extend the programme beyond next year.",
    "de": "Die Regierung teilte am Donnerstag mit, dass sie das Programm nicht über das nächste Jahr hinaus verlängern werde.",
    "fr": "Le gouvernement a déclaré jeudi qu'il ne prolongerait pas le programme au-delà de l'année prochaine.",
    "es": "El gobierno dijo el jueves que no extendería el programa más allá del próximo año.",
    "it": "Il governo ha dichiarato giovedì che non estenderà il programma oltre il prossimo anno.",
    "pt": "O governo disse na quinta-feira que não vai prolongar o programa para além do próximo ano.",
    "nl": "De regering zei donderdag dat zij het programma niet na volgend jaar zal verlengen.",
    "cs": "Vláda ve čtvrtek uvedla, že program po příštím roce neprodlouží.",
    "pl": "Rząd poinformował w czwartek, że nie przedłuży programu poza przyszły rok.",
    "ru": "Правительство заявило в четверг, что не будет продлевать программу после следующего года.",
    "el": "Η κυβέρνηση δήλωσε την Πέμπτη ότι δεν θα παρατείνει το πρόγραμμα πέρα από το επόμενο έτος.",
    "tr": "Hükümet perşembe günü programı gelecek yılın ötesine uzatmayacağını söyledi.",
    "zh": "政府星期四表示，明年以后将不再延长该计划。",
    "ja": "政府は木曜日、来年以降はこの計画を延長しないと発表した。",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_short_sentences(code: str) -> None:
    guess = detect_language(SAMPLES[code])
    assert guess.code == code
    assert 0.5 <= guess.confidence <= 1.0


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_long_texts(code: str) -> None:
    guess = detect_language((SAMPLES[code] + "\n") * 40)
    assert guess.code == code


def test_too_little_text_is_unknown_unless_declared() -> None:
    assert detect_language("OK 12").code is None
    assert detect_language("OK 12", declared="de-AT").code == "de"


def test_declared_language_is_evidence_not_truth() -> None:
    # A page that declares English but is plainly German stays German.
    assert detect_language(SAMPLES["de"], declared="en").code == "de"


def test_short_english_is_not_taken_for_pidgin() -> None:
    assert detect_language("Sunday, September 9\n\nprepping for a new week.").code == "en"
    assert detect_language("How to Spot an Instagram Junkie\n\nby Jennifer Dancy on May 3, 2012").code == "en"


@pytest.mark.parametrize(("text", "code"), [("我喜欢喝茶", "zh"), ("北京今天下雨", "zh"), ("雨が降っている", "ja"),
                                            ("감사합니다 여러분", "ko")])
def test_short_cjk_text_is_enough(text: str, code: str) -> None:
    # a Han, kana or Hangul character carries about a syllable: five of them are not "too little text"
    assert detect_language(text).code == code
    assert detect_language("好").code is None
