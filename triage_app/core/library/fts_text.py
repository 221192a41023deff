"""The text the search index reads (`fts_text`) and the text its snippets are cut from (`fts_content`).

SQLite's unicode61 tokenizer cuts words at spaces and punctuation. Chinese and Japanese write no spaces, so
a whole clause ("北京是中国的首都") was one token and a search for 北京 found nothing inside it; Korean joins
its particles to its words ("서울은"), so 서울 missed too. Both texts set every such character between two
zero-width spaces (a separator to the tokenizer), and a search term is written the same way
(`query_syntax.fts_term`): a phrase of its characters, which matches wherever they stand together. Thai, Lao,
Myanmar and Khmer write no spaces between words either: each of their letters, with the vowel signs and tone
marks written on it, is such a word ("ที่" "นี่"). The tokenizer keeps the marks of the scripts whose vowel signs
are always written inside their words (`TOKENIZER`: a Hindi word was three pieces without its vowels).

The index also reads some letters as others that a search should not tell apart (`FOLDED`): a Greek vowel
with or without its accent (capitals are written without: ΑΘΗΝΑ and Αθήνα), final and other sigma, Russian ё
and е, ß and ss, Latin letters with a stroke or joined as the plain ones (Łódź, København, cœur), an Arabic or
Hebrew word with or without its vowel points, the Arabic and Persian letters that writers and keyboards
interchange (أ and ا, ى ی and ي, ة and ه, ک and ك), the fullwidth Latin letters and digits of Japanese and Chinese
text (ＮＨＫ, ２０２４) and the ligatures of PDF text (ﬁ) as the plain ones, halfwidth katakana as fullwidth (ﾆｭｰｽ and ニュース), and
Traditional Chinese characters as Simplified (OpenCC's table: 國家 and 国家). unicode61
does this for Latin accents only. Each such letter becomes a letter (or two, or none) inside the same word, so the index and
the snippets' text (which keeps the letters as written) have the same words in the same places, and a
snippet shows the document's own text. Snippets drop the zero-width spaces again (`shown_text`).
"""

from __future__ import annotations

import functools
import re
import sqlite3
import unicodedata

from triage_app.core.library.word_counts import EAST_ASIAN
from triage_app.core.script_marks import (
    OPTIONAL_POINTS,
    SPACELESS_ALPHABETS,
    SPACELESS_MARKS,
    WRITTEN_VOWEL_MARKS,
    WRITTEN_VOWEL_WORD_CHARS,
    char_class,
)

_CJK = EAST_ASIAN + "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
"""Kana and CJK ideographs (`word_counts.EAST_ASIAN`) and Hangul jamo and syllables (Korean's particles stick to its
words, so its words are searched by character too, though they are counted as spaced words)."""
_POINTS = re.escape(OPTIONAL_POINTS)
_HALFWIDTH_MARKS = "\uff9e\uff9f"
"""The halfwidth voiced and semi-voiced sound marks, written after the halfwidth katakana they voice ("ｶﾞ" is ガ)."""
_WORD_UNITS_RE = re.compile(f"([{_CJK}][{_HALFWIDTH_MARKS}{_POINTS}]*|[{SPACELESS_ALPHABETS}][{SPACELESS_MARKS}{_POINTS}]*)")
"""A CJK character (a halfwidth katakana with its sound mark), or a letter of a spaceless alphabet with the marks
written on it (`script_marks.LETTER_UNIT`), with any Arabic or Hebrew point that follows it: the index's text has
none (`FOLDED`), and a point that split a letter from its marks in the snippets' text only would cut it into more
words than the index's."""
_HALFWIDTH_KANA_RE = re.compile(f"[\uff66-\uff9d][{_HALFWIDTH_MARKS}]?")
"""A halfwidth katakana (older Japanese mail and web text: "ﾆｭｰｽ") with its sound mark: read as the fullwidth one
("ニュース", "ｶﾞ" as ガ), one character for one unit, as NFKC composes it."""
MARK = "\u200b"
"""Zero-width space: not a letter or digit, so unicode61 ends a token there; invisible if it ever shows."""
TOKENIZER = "unicode61 remove_diacritics 2 tokenchars '" + WRITTEN_VOWEL_WORD_CHARS + OPTIONAL_POINTS + "'"
"""The search index's tokenizer: unicode61 (diacritics of Latin letters taken off) with the combining marks of the
scripts whose vowels are always written, and their letters (`script_marks.WRITTEN_VOWEL_WORD_CHARS`), as word
characters, where it otherwise reads the marks as word breaks; and Arabic and Hebrew points too, so that a pointed
word is one word in the snippets' text as it is, unpointed, in the index (none is a quote: no escaping needed)."""


def _greek_without_accents() -> dict[int, str]:
    """Each accented Greek letter (monotonic and polytonic) -> the letter without its accents and breathings."""
    table = {}
    for code in [*range(0x0370, 0x0400), *range(0x1F00, 0x2000)]:
        parts = unicodedata.normalize("NFD", chr(code))
        if len(parts) > 1 and unicodedata.name(parts[0], "").startswith("GREEK") and all(unicodedata.combining(c) for c in parts[1:]):
            table[code] = parts[0]
    return table


FOLDED: dict[int, str | None] = {
    **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)},  # fullwidth ASCII (ＮＨＫ, ２０２４) as ASCII
    **{code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)},  # ligatures: ﬁ as fi
    **_greek_without_accents(),
    **{ord(letter): read for letter, read in (("ς", "σ"), ("ё", "е"), ("Ё", "Е"), ("ß", "ss"), ("ẞ", "SS"))},
    # Latin letters with a stroke or joined, which have no accent for unicode61 to take off (Lucene's ASCII folding):
    # lodz finds Łódź, kobenhavn København, coeur cœur, ilik ılık
    **{ord(letter): read for letter, read in zip("łŁøØđĐħĦıæÆœŒ", ["l", "L", "o", "O", "d", "D", "h", "H", "i", "ae", "AE", "oe", "OE"])},
    **{ord(point): None for point in OPTIONAL_POINTS},
    # Arabic and Persian letters that writers and keyboards interchange, as search engines read them (Lucene's
    # Arabic and Persian normalisers): alef with hamza or madda as alef, alef maqsura and Farsi yeh as yeh,
    # teh marbuta and heh with yeh as heh, keheh as kaf (احمد finds أحمد, كتاب finds کتاب)
    **dict.fromkeys(map(ord, "\u0622\u0623\u0625\u0671"), "\u0627"),
    **dict.fromkeys(map(ord, "\u0649\u06cc"), "\u064a"),
    **dict.fromkeys(map(ord, "\u0629\u06c0"), "\u0647"),
    ord("\u06a9"): "\u0643",
}


_ORPHAN_POINTS_RE = re.compile(f"(?<![\\w{re.escape(WRITTEN_VOWEL_MARKS)}{_POINTS}])[{_POINTS}]+")
"""Arabic or Hebrew points (or a tatweel) written on no letter: a word of their own to the tokenizer in the snippets'
text, and nothing in the index's (which takes points out), so every word after them would be one place off."""


_CONTENT_WORK_RE = re.compile(f"[{_CJK}{SPACELESS_ALPHABETS}{_POINTS}]")
"""A character `fts_content` changes something for: most texts have none (one scan instead of two substitutions)."""


def fts_content(text: str | None) -> str | None:
    """`text` as the snippets are cut from it: a `MARK` on each side of every CJK character and of every letter (with
    its marks) of a spaceless alphabet; points written on no letter left out."""
    if not text or text.isascii() or not _CONTENT_WORK_RE.search(text):
        return text
    return _ORPHAN_POINTS_RE.sub("", _WORD_UNITS_RE.sub(MARK + r"\1" + MARK, text))


_CHINESE = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
"""CJK ideographs: unified (and extension A) and compatibility."""


def _traditional_as_simplified() -> dict[int, str]:
    """Each Traditional Chinese character -> its Simplified form, as OpenCC converts it on its own (4,221 of them:
    國 -> 国, 經 -> 经, 臺 -> 台). Always one character: the words of the index and of the snippets' text stay in step."""
    import opencc

    converter = opencc.OpenCC("t2s.json")
    codes = [code for low, high in _CHINESE for code in range(low, high)]
    # One call, a character a line (no phrase spans a line break): the same table as a call per character, in 8 ms
    # instead of 36 (checked); a call per character should the lines not come back one for one.
    converted = converter.convert("\n".join(map(chr, codes))).split("\n")
    if len(converted) != len(codes):
        converted = [converter.convert(chr(code)) for code in codes]
    return {code: simplified for code, simplified in zip(codes, converted) if len(simplified) == 1 and simplified != chr(code)}


@functools.cache
def _folding() -> tuple[dict[int, str | None], re.Pattern[str], re.Pattern[str]]:
    """`FOLDED` with Traditional Chinese read as Simplified, a pattern finding any of its characters, and one finding
    those or any `fts_content` changes something for (made on first use, in 10-40 ms: OpenCC's dictionaries)."""
    table = {**_traditional_as_simplified(), **FOLDED}
    foldable = char_class([chr(code) for code in table]) + "\uff66-\uff9f"  # and the halfwidth katakana `fold` composes
    return table, re.compile(f"[{foldable}]"), re.compile(f"[{foldable}{_CJK}{SPACELESS_ALPHABETS}{_POINTS}]")


def fold(text: str) -> str:
    """`text` with the letters a search should not tell apart read as one (`FOLDED`, and Traditional Chinese
    characters as Simplified: 國家 is 国家): the search index's reading, the review's and the titles' order. Most
    texts have none of them: one scan finds that (`str.translate` looks up every character)."""
    if text.isascii():
        return text
    table, foldable, _ = _folding()
    if not foldable.search(text):
        return text
    return _HALFWIDTH_KANA_RE.sub(_fullwidth, text.translate(table))


def _fullwidth(kana: re.Match[str]) -> str:
    """The fullwidth katakana of a halfwidth one with its sound mark: one character (a mark no letter takes, as in
    "ｱﾞ", is left off: NFKC would leave it a combining character of its own, and the unit two words to the index)."""
    composed = unicodedata.normalize("NFKC", kana.group())
    return composed if len(composed) == 1 else unicodedata.normalize("NFKC", kana.group()[0])


def fts_text(text: str | None) -> str | None:
    """`text` as the search index reads it: `fts_content` of its `fold` (a text neither changes is found in one scan)."""
    if not text or text.isascii():
        return text
    _, _, any_work = _folding()
    if not any_work.search(text):
        return text
    return fts_content(fold(text))


def shown_text(text: str) -> str:
    """Text read back from the index (a snippet) without the marks `fts_text` added."""
    return text.replace(MARK, "")


def register(conn: sqlite3.Connection) -> None:
    """Give `conn` the SQL functions `fts_text` (the search index's triggers call it) and `fts_content` (its content view)."""
    conn.create_function("fts_text", 1, fts_text, deterministic=True)
    conn.create_function("fts_content", 1, fts_content, deterministic=True)
