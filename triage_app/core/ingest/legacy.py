"""Choosing the single-byte legacy encoding of an undeclared, non-UTF-8 text file.

A text file carries no charset declaration, and every byte decodes in every single-byte codepage,
so a generic detector happily reads Latin-1 French as cp775. Here each common codepage is tried;
the text's language is detected from each decoding (`core.language`), and the decoding wins whose
non-ASCII letters are those the detected language writes (French: é è à ç ...; Polish: ą ę ł ś ...),
preferring the codepages that language is usually written in.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from triage_app.core.language import SERBO_CROATIAN, detect_language, language_name

SAMPLE_BYTES = 64 * 1024

# The codepages each language is commonly written in, most common first.
_LATIN1 = ("cp1252", "iso8859-15")
COMMON_ENCODINGS: dict[str, tuple[str, ...]] = {
    **{code: _LATIN1 for code in ("en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "nb", "nn", "fi", "is", "ca", "eu", "gl", "ga", "af", "sq", "id", "ms", "sw")},
    **{code: ("cp1250", "iso8859-2") for code in ("pl", "cs", "sk", "hu", "sl", "hr", "bs")},
    "ro": ("cp1250", "iso8859-16", "iso8859-2"),
    **{code: ("cp1251", "koi8-r", "iso8859-5", "cp866") for code in ("ru", "bg", "sr", "mk", "be", "kk")},
    "uk": ("cp1251", "koi8-u", "iso8859-5"),
    "tr": ("cp1254", "iso8859-9"),
    "az": ("cp1254", "iso8859-9"),
    "el": ("cp1253", "iso8859-7"),
    **{code: ("cp1257", "iso8859-13", "iso8859-4") for code in ("lt", "lv")},
    "et": ("cp1257", "iso8859-15", "cp1252"),
    "he": ("cp1255", "iso8859-8"),
    "ar": ("cp1256", "iso8859-6"),
    "fa": ("cp1256",),
    "th": ("cp874",),
    "vi": ("cp1258",),
}
# DOS and old Mac codepages: tried too, but never preferred on a tie (no language is "commonly" written in them
# today), so a Windows file whose letters also read as letters there stays Windows.
RARE_ENCODINGS: tuple[str, ...] = ("cp850", "mac_roman", "mac_cyrillic")
CANDIDATES: tuple[str, ...] = tuple(dict.fromkeys([*(e for encs in COMMON_ENCODINGS.values() for e in encs), *RARE_ENCODINGS]))

# The non-ASCII letters a language writes (lowercase); script languages are checked by script name.
_ALPHABETS: dict[str, str] = {
    "fr": "àâæçéèêëîïôœùûüÿ", "de": "äöüß", "es": "áéíñóúü", "pt": "áâãàçéêíóôõú", "it": "àèéìíîòóùú",
    "ca": "àçéèíïóòúü", "nl": "éëïóüè", "sv": "åäöé", "fi": "åäö", "da": "æøåé", "no": "æøåé", "nb": "æøåé",
    "is": "áðéíóúýþæö", "pl": "ąćęłńóśźż", "cs": "áčďéěíňóřšťúůýž", "sk": "áäčďéíĺľňóôŕšťúýž", "hu": "áéíóöőúüű",
    "sl": "čšž", "hr": "čćđšž", "bs": "čćđšž", "ro": "ăâîșşțţ", "tr": "çğıöşüâî", "az": "çəğıöşü",
    "lt": "ąčęėįšųūž", "lv": "āčēģīķļņšūž", "et": "äõöüšž", "en": "éèïöü’“”–—", "ga": "áéíóú", "eu": "ñ",
    # Cyrillic and Greek by their letters, not their script: cp1251 read from mac_cyrillic bytes gives
    # Serbian "Џ" and "Ђ" for Russian capitals, all Cyrillic script.
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя", "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюя", "sr": "абвгдђежзијклљмнњопрстћуфхцчџш", "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    "kk": "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі", "el": "αβγδεζηθικλμνξοπρστυφχψωςάέήίόύώϊϋΐΰ",
}
# Scripts without case or with marks, judged by script name (Cyrillic and Greek have alphabets above).
_SCRIPTS: dict[str, str] = {"he": "HEBREW", "ar": "ARABIC", "fa": "ARABIC", "th": "THAI"}
_PUNCT_OK = set("’‘“”„«»–—…€°§·×")


_WORD_RE = re.compile(r"[^\W\d_]{2,}")


def odd_case_share(text: str) -> float:
    """Share of the non-ASCII words that are neither lower case, upper case nor capitalised ("оПЮБХ",
    "ΗαΝίζγΙ"): what a codepage that swaps the cases of a script (koi8-r for cp1251, cp1253 for
    cp1256) makes of text, and what writers almost never type."""
    words = [w for w in _WORD_RE.findall(text) if not w.isascii() and w.lower() != w.upper()]  # cased scripts only
    if not words:
        return 0.0
    odd = sum(1 for w in words if not (w.islower() or w.isupper() or w[1:].islower()))
    return odd / len(words)


def fit(text: str, language: str | None) -> float:
    """Share of the text's non-ASCII characters that the language writes (1.0 for plain ASCII), less the
    share of words in mixed case."""
    return _letters_fit(text, language) * (1.0 - odd_case_share(text))


# A symbol between two letters ("Ma§nahmen": mac_roman's "ß" read as cp1252) is mojibake, not punctuation.
_SYMBOL_IN_WORD_RE = re.compile(r"(?<=[^\W\d_])[§°×€¤¶©®±¬¦¨¯´¸¹²³¼½¾¿¡«»†‡•‰™„“”‚](?=[^\W\d_])")


def _letters_fit(text: str, language: str | None) -> float:
    odd = [c for c in text if ord(c) > 127 and c not in _PUNCT_OK and not c.isspace()]
    stuck = len(_SYMBOL_IN_WORD_RE.findall(text))
    if not odd and not stuck:
        return 1.0
    if not odd:
        return 0.0
    alphabet = _ALPHABETS.get(language or "")
    script = _SCRIPTS.get(language or "")
    if alphabet is not None:
        good = sum(1 for c in odd if c.lower() in alphabet)
    elif script is not None:
        # Vowel signs and tone marks (Thai, Hebrew points, Arabic harakat) are marks, not letters: the
        # script's name decides, so a Thai text is not outscored by the Cyrillic letters of its mojibake.
        # A mark after a space or a digit, which no writer can type, is counted as mojibake.
        good = sum(
            1
            for prev, c in zip(" " + text, text)
            if ord(c) > 127 and unicodedata.name(c, "").startswith(script)
            and (unicodedata.category(c)[0] == "L" or (unicodedata.category(c)[0] == "M" and unicodedata.category(prev)[0] in "LM"))
        )
    else:
        return 0.8 * sum(1 for c in odd if c.isalpha()) / (len(odd) + stuck)  # a language we know no alphabet of
    return good / (len(odd) + stuck)


MARKUP_RE = re.compile(rb"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>|&[#\w]+;", re.IGNORECASE | re.DOTALL)


def guess_legacy_encoding(data: bytes, *, markup: bool = False) -> str:
    """The most plausible single-byte codepage for `data` (cp1252 when nothing fits better); with
    `markup`, `data` is an undeclared HTML page and only its text outside tags is weighed."""
    return legacy_reading(data, markup=markup)[0]


def legacy_reading(data: bytes, *, markup: bool = False) -> tuple[str, float]:
    """`guess_legacy_encoding`'s codepage and how well its reading fits the language it reads as (`fit`: 1.0
    when every non-ASCII character is a letter that language writes)."""
    sample = MARKUP_RE.sub(b" ", data[: 4 * SAMPLE_BYTES])[:SAMPLE_BYTES] if markup else data[:SAMPLE_BYTES]
    scored: list[Reading] = []
    texts: dict[str, str] = {}
    for encoding in CANDIDATES:
        try:
            text = texts[encoding] = sample.decode(encoding)
        except UnicodeDecodeError:
            continue  # a byte the codepage leaves undefined: not this one
        guess = detect_language(text)
        code = _by_script(guess.code, text)
        common = encoding in COMMON_ENCODINGS.get(code or "", ())
        scored.append((round(fit(text, code), 2), int(common), guess.confidence, encoding, code))
    if not scored:
        return "cp1252", 0.0
    best = max(scored, key=lambda s: s[:3])  # the first of equals, in `CANDIDATES` order
    best = _by_letter_frequencies(best, scored, texts)
    return _usual_codepage(best, scored, texts), best[0]


def _by_script(code: str | None, text: str) -> str | None:
    """Croatian, Serbian and Bosnian, which the detector barely tells apart (`language.SERBO_CROATIAN`), by the
    script the text is written in: Serbian's tables for Cyrillic (cp1251), Croatian's for Latin (cp1250)."""
    if code not in SERBO_CROATIAN:
        return code
    cyrillic = sum(1 for c in text if "\u0400" <= c <= "\u04ff")
    return "sr" if cyrillic * 2 > sum(1 for c in text if not c.isascii() and c.isalpha()) else "hr"


Reading = tuple[float, int, float, str, str | None]
"""A codepage's reading of the sample: (fit, common for its language, the detector's confidence, codepage, language)."""

LETTER_FREQUENCY_MARGIN = 0.3
"""How much better another language's letter frequencies must match its reading to overrule the detector."""
_FREQUENCY_NAMES = {"Slovenian": "Slovene", "Persian": "Farsi"}


def _by_letter_frequencies(best: Reading, scored: list[Reading], texts: dict[str, str]) -> Reading:
    """The best reading, or one as well fitted in another language whose letters are clearly more that language's
    by their frequencies (charset-normalizer's tables of each language's commonest letters). The detector reads
    short text by its letters alone: Russian read in the Greek codepage is all Greek letters, which it takes for
    Greek more surely than the Russian for Russian; the commonest Russian letter, "о", is there a rare Greek one."""
    rivals = [s for s in scored if s[:2] == best[:2] and s[4] != best[4]]
    if not rivals or (own := _frequency_match(texts[best[3]], best[4])) is None:
        return best
    for rival in rivals:
        match = _frequency_match(texts[rival[3]], rival[4])
        if match is not None and match >= own + LETTER_FREQUENCY_MARGIN:
            best, own = rival, match
    return best


def _frequency_match(text: str, language: str | None) -> float | None:
    """How well the text's letters, commonest first, match its language's (0-1), None for a language without a table."""
    from charset_normalizer.cd import characters_popularity_compare
    from charset_normalizer.constant import FREQUENCIES

    name = language_name(language)
    name = _FREQUENCY_NAMES.get(name, name)
    if name not in FREQUENCIES:
        return None
    counts = Counter(c.lower() for c in text if c.isalpha())
    return float(characters_popularity_compare(name, [letter for letter, _ in counts.most_common()]))


def _usual_codepage(best: Reading, scored: list[Reading], texts: dict[str, str]) -> str:
    """The codepage its language is most usually written in (`COMMON_ENCODINGS` order) among those that read the
    text as the best one does: the same language, as well fitted, the same letters but for their diacritics. Two
    codepages that differ only in a diacritic's form are told apart by it, not by the detector's confidence
    (Romanian's ş and ţ in cp1250 and ISO-8859-2, ș and ț in ISO-8859-16: the same bytes, and the detector prefers
    the newer letters); KOI8-R and cp1251 read Russian as other letters, and the detector decides."""
    usual = COMMON_ENCODINGS.get(best[4] or "", ())
    if not best[1] or best[3] == usual[0]:
        return best[3]
    letters = _without_marks(texts[best[3]])
    alike = {s[3] for s in scored if s[:2] == best[:2] and s[4] == best[4] and _without_marks(texts[s[3]]) == letters}
    return next(encoding for encoding in usual if encoding in alike)


def _without_marks(text: str) -> str:
    """The text's letters without their diacritics ("ş" and "ș" are both "s")."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
