"""Combining marks: the vowel signs, tone marks and points that many scripts write on or beside their letters.

Python's `\\w` and SQLite's unicode61 tokenizer both take a combining mark for a word break, so a Hindi word
("हिन्दी") was read as three pieces ("ह", "न", "द") with its vowel signs thrown away, and a Thai line as pieces cut at
every vowel above a letter. The word patterns (`word_counts.WORD_RE`) and the search index (`fts_text`) read
the marks as part of their words; Arabic and Hebrew vowel points, which most texts leave out, are taken out of
what the index reads, so a pointed word and the same word unpointed are one word to a search.
"""

from __future__ import annotations

import unicodedata

_MARK_CATEGORIES = ("Mn", "Mc", "Me")


def _chars(ranges: tuple[tuple[int, int], ...], categories: tuple[str, ...] = _MARK_CATEGORIES) -> list[str]:
    return [chr(c) for low, high in ranges for c in range(low, high + 1) if unicodedata.category(chr(c)) in categories]


def char_class(chars: list[str]) -> str:
    """`chars` as the body of a regular expression's character class, consecutive ones as ranges ("\\u0900-\\u0903")."""
    codes = sorted(ord(c) for c in chars)
    parts: list[str] = []
    start = prev = None
    for code in [*codes, None]:
        if code is not None and prev is not None and code == prev + 1:
            prev = code
            continue
        if start is not None and prev is not None:
            parts.append(f"\\U{start:08x}" if start == prev else f"\\U{start:08x}-\\U{prev:08x}")
        start = prev = code
    return "".join(parts)


ALL_MARK_BLOCKS = (
    (0x0300, 0x1CFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xA670, 0xABFF), (0xFE00, 0xFE0F), (0xFE20, 0xFE2F),
)
"""Where the combining marks of the scripts in use are (Latin's combining accents to Meetei Mayek's vowel signs)."""
WORD_MARKS = char_class(_chars(ALL_MARK_BLOCKS))
"""Every combining mark of `ALL_MARK_BLOCKS`: part of the word it is written in."""

WRITTEN_VOWEL_BLOCKS = (
    (0x0780, 0x07BF),  # Thaana
    (0x0900, 0x0DFF),  # Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x0F00, 0x0FFF),  # Tibetan
    (0x1000, 0x109F),  # Myanmar
    (0x1700, 0x17FF),  # Philippine scripts, Khmer
    (0x1900, 0x1AFF),  # Limbu, Tai Le, New Tai Lue, Buginese, Tai Tham
    (0x1B00, 0x1CFF),  # Balinese, Sundanese, Batak, Lepcha, Ol Chiki, Vedic signs
    (0xA8E0, 0xA8FF),  # Devanagari extended
    (0xA900, 0xAAFF),  # Kayah Li, Rejang, Javanese, Cham, Myanmar extended, Tai Viet
    (0xABC0, 0xABFF),  # Meetei Mayek
)
"""Scripts whose vowel signs are always written: a word is not a word without them."""
WRITTEN_VOWEL_MARKS = "".join(_chars(WRITTEN_VOWEL_BLOCKS))
"""Their combining marks, as a plain string."""
WRITTEN_VOWEL_WORD_CHARS = "".join(_chars(WRITTEN_VOWEL_BLOCKS, ("Lo", "Lm", "Mn", "Mc", "Me", "Nd", "No")))
"""Their letters, marks and digits (the search index's `tokenchars`): SQLite's own tables are of an older Unicode,
in which some of these letters (New Tai Lue's vowels, Vedic signs) were marks, so it would break words at them where
Python's patterns do not."""

OPTIONAL_POINT_BLOCKS = (
    (0x0591, 0x05C7),  # Hebrew points and cantillation (not maqaf, sof pasuq: punctuation)
    (0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED), (0x08D3, 0x08FF),  # Arabic harakat, Quranic marks
)
"""Scripts whose vowel points most texts leave out."""
OPTIONAL_POINTS = "".join([*_chars(OPTIONAL_POINT_BLOCKS, ("Mn",)), "\u0640"])
"""Those points, with the Arabic tatweel (ـ, which stretches a word and is no letter of it), as a plain string."""

MARKED_SCRIPT_LANGUAGES = (
    "hi", "mr", "ne", "sa", "bh", "mai", "new", "gom", "bn", "as", "bpy", "pa", "gu", "or", "ta", "te", "kn", "ml", "si",
    "th", "lo", "my", "km", "bo", "dv", "jv", "su",
    "ar", "arz", "fa", "ur", "ps", "ckb", "sd", "ug", "azb", "pnb", "mzn", "glk", "he", "yi",
)
"""The languages (as the language model names them) written in those scripts: their documents are counted, signed
and indexed again when these rules change (migration m043)."""

HAN_KANA = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Kana (hiragana, katakana) and CJK ideographs (unified, extension A, compatibility), as the body of a regular
expression's character class: the characters of Chinese and Japanese, written without spaces between words."""
SPACELESS_RANGES = ((0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF))
"""Thai and Lao, Myanmar, Khmer: alphabets written without spaces between words."""
SPACELESS_ALPHABETS = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in SPACELESS_RANGES)
"""Those alphabets as the body of a regular expression's character class."""
SPACELESS_MARKS = char_class([m for m in WRITTEN_VOWEL_MARKS if any(low <= ord(m) <= high for low, high in SPACELESS_RANGES)])
LETTER_UNIT = f"[{SPACELESS_ALPHABETS}][{SPACELESS_MARKS}]*"
"""A letter of a spaceless alphabet with the vowel and tone marks written on it ("ที่"): where no word segmenter is at
hand, such a unit stands for a word as a Chinese character does (the search index, the copies' shingles, the review)."""
