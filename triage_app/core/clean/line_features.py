"""What a line of a text dump is (prose, menu, verse, code, byline, heading), and the prose score used to find the
article in a dump's lines."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from triage_app.core.clean import patterns as P
from triage_app.core.clean import text_reasons as TR
from triage_app.core.clean.dates import is_date_line
from triage_app.core.script_marks import (  # Chinese and Japanese; Thai and Lao, Myanmar, Khmer
    HAN_KANA,
    SPACELESS_ALPHABETS,
)

if TYPE_CHECKING:
    from triage_app.core.clean.text_lines import Line

SENTENCE_CLOSERS = '.!?…。！？"”“’»«)」』' + "\u061f\u06d4\u0964\u0965\u0589\u1362\u104b\u17d4"
"""What a sentence ends with: its stop, or the quote or bracket closing it (German closes quotes with “ and «); the
stops of other scripts too: the Arabic question mark "؟", Urdu's full stop "۔", the Devanagari (and Bengali) danda
"।" and "॥", Armenian's "։", Ethiopic's "።", Myanmar's "။", Khmer's "។". Without them a Hindi dump had no prose line shorter
than 150 characters, found no article and kept its menus."""
_SENTENCE_END = re.compile(f"[{re.escape(SENTENCE_CLOSERS)}:;\u061b]$")  # a line ending a sentence or introducing what follows
_PUNCT = re.compile(r"[,.;:!?、，。\u060c\u061b\u061f\u06d4\u0964]")  # with the Arabic comma, semicolon and question mark, "۔", "।"
_PROMPT_RE = re.compile(r"^(\$|>>>|[A-Za-z]+>|//)\s")  # a shell, Python or SQL prompt; not a mail quote ("> ")
_CLOSING_RE = re.compile(r"^[{}()\[\]]+[;,)]*$")  # a listing's closing brace line: "}", "};", "})", "]);"
_CODE_SYMBOL_RE = re.compile(r"[{}();=<>\[\]*%]")
_RULE_RE = re.compile(r"^[-=_+|]{4,}(?: +[-=_+|]{4,})*$")
_MARKUP_RE = re.compile(r"^(?:</?[A-Za-z][\w:.-]*(?:\s.*)?|/?>|[\w:.-]+=(?:\"[^\"]*\"|'[^']*'|\{.*\}))$")
"""A line of a markup listing: a tag opened or closed ("<div className=...>", "<input", "</button>"), a tag's
end alone (">", "/>"), or one attribute ('type="text"', "value={input}")."""
_STRONG_CODE_CHARS = frozenset("{}=*%")
_ADDRESS_RE = re.compile(r"(https?://|www\.)\S+")
_URL_RE = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
LIST_ITEM_RE = re.compile(r"^([-•*·▪◦–]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)])\s+\S")
"""A list item's start: a bullet, a number or a letter, then the item (`is_list_item`; a patterned group's shape)."""


BOILERPLATE_WEIGHT = -15.0
PROSE_GROUP = 0.5
LISTED_MIN = 20
VERSE_SHARE = 0.6
CODE_GROUP = 0.5
"""A group at least this share of whose lines are code or markup is a listing (`in_listing`)."""


def is_prose(line: Line) -> bool:
    """Sentence-like text: long enough and punctuated like prose.

    A long line of few words is no prose: an address (a text browser's frame or image address, joined when
    it was wrapped), a data string or a hash; prose has a space every 5-10 characters, except in scripts
    written without spaces (CJK, Thai ...)."""
    length = line.length
    if length >= 150 and line.words * 20 < length and not NO_SPACE_SCRIPT_RE.search(line.text):
        return False
    if length >= 150:
        return True
    if length < 60:
        return False
    return bool(_SENTENCE_END.search(line.text)) or len(_PUNCT.findall(line.text)) >= 2 or _spaceless_run(line)


def _spaceless_run(line: Line) -> bool:
    """A line of Thai, Lao, Myanmar or Khmer read as prose: those scripts put no space between words and Thai and Lao
    no stop after a sentence, so a sentence is a long run of letters. Mostly such letters, and runs between spaces of 15
    characters or more on average (a menu written on one line has short ones)."""
    text = line.text
    if text.isascii():
        return False
    letters = len(_SPACELESS_ALPHABET_RE.findall(text))
    return letters * 2 >= len(text) and len(text) >= 15 * (line.words or 1)


def _in_verse(line: Line) -> bool:
    """A line of three or more words in a group whose lines mostly end in punctuation (verse, lyrics)."""
    return line.words >= 3 and line.group_verse_share >= VERSE_SHARE


def is_menu_like(line: Line) -> bool:
    """A short line among many short lines with no blank lines between them (menus, link lists).

    A row of tab-separated cells is a table's row, not a menu item: a browser's text writes a table's cells
    apart with tabs and a menu's items on lines of their own (a standings or specifications table was
    removed as navigation, row by row)."""
    return (
        line.cells < 2
        and line.length < 40 and line.group_size >= 3 and line.group_short_share >= 0.6 and not cjk_sentence(line.text)
        and not _in_verse(line)
    )


# Scripts written without spaces between words: CJK, and Thai, Lao, Myanmar and Khmer.
NO_SPACE_SCRIPT_RE = re.compile(f"[{HAN_KANA}\uac00-\ud7af{SPACELESS_ALPHABETS}]")
_CJK_PUNCT_RE = re.compile(r"[，。、；：！？「」『』（）]")
_SPACELESS_ALPHABET_RE = re.compile(f"[{SPACELESS_ALPHABETS}]")


def cjk_sentence(text: str) -> bool:
    """A Chinese, Japanese or Korean sentence or caption: words are not spaced, so count characters.

    Eight or more CJK characters with sentence punctuation, or twelve without, read as text; menu
    labels ("首页", "关于我们") are a few characters long. Thai, Lao, Myanmar and Khmer letters count a third
    each: "ข่าวในประเทศ" (a menu's "Domestic news") is twelve of them.
    """
    if text.isascii():
        return False
    count = len(NO_SPACE_SCRIPT_RE.findall(text))
    if count and (alphabetic := len(_SPACELESS_ALPHABET_RE.findall(text))):
        count -= alphabetic - alphabetic // 3  # about three letters of those alphabets say what one CJK character says
    return count >= 12 or (count >= 8 and bool(_CJK_PUNCT_RE.search(text)))


def word_count(text: str, spaced: int | None = None) -> int:
    """Words in `text`, two CJK (or Thai, Lao, Myanmar, Khmer) characters counting as one: those scripts put no
    spaces between words. `spaced`: the text's count of space-separated words, when already known."""
    return max(len(text.split()) if spaced is None else spaced, len(NO_SPACE_SCRIPT_RE.findall(text)) // 2)


def is_list_item(text: str) -> bool:
    return bool(LIST_ITEM_RE.match(text))


def is_url(text: str) -> bool:
    return bool(_URL_RE.match(text))


def code_like(text: str) -> bool:
    """A line of a code listing or a prompt session: a prompt, a line of closing brackets ("}", "});"), a line
    ending in ";" or "{", or two or more code symbols outside web addresses with a brace, "=", "*" or "%" among
    them; not brackets or parentheses alone ("[Edit]", "(c) 2020") nor a semicolon inside a line ("(Reporting
    by ...; Editing by ...)")."""
    if _PROMPT_RE.match(text) or _CLOSING_RE.match(text):
        return True
    symbols = _CODE_SYMBOL_RE.findall(text)
    if len(symbols) >= 2 and ("http" in text or "www." in text):
        symbols = _CODE_SYMBOL_RE.findall(_ADDRESS_RE.sub(" ", text))
    return text.endswith((";", "{")) or (len(symbols) >= 2 and any(c in _STRONG_CODE_CHARS for c in symbols))


def listing_line(line: Line) -> bool:
    """A line of a code or markup listing or of preformatted text: `code_like`, a tag or attribute alone on its
    line, a rule of dashes, or columns set apart by runs of spaces (a query's output, a table in a `<pre>`)."""
    text = line.text
    return line.aligned or code_like(text) or _MARKUP_RE.match(text) is not None or _RULE_RE.match(text) is not None


def in_listing(line: Line) -> bool:
    """A line of a code listing: code itself, or any line of a group most of whose lines are code or markup
    ("Add" between "<button" and "</button>"). A listing says nothing about where the article is: a tutorial's
    prose goes on after its code."""
    return (line.group_code_share >= CODE_GROUP or code_like(line.text)) and not is_prose(line)  # the stored share first: no regex


def weight(line: Line) -> float:
    """How much a line argues for being inside the article (positive) or outside (negative)."""
    length = line.length
    short = line.words <= 25
    if (short and TR.text_reason(line.text)) or TR.long_reason(line.text):
        return BOILERPLATE_WEIGHT
    if line.cells >= 3:
        return 0.5
    if line.listed:
        return 0.5 if length >= LISTED_MIN else 0.0
    if in_listing(line):
        return 0.0
    if line.repeats > 1 and line.group_size >= 2 and length < 150:
        return -2.0
    if is_prose(line):
        # Paragraphs are set apart by blank lines; prose inside a long run of lines is a teaser list.
        if line.group_size < 5:
            return min(length, 400) / 20.0
        return min(length, 400) / 40.0 if line.group_prose_share >= PROSE_GROUP and length >= 150 else 0.3
    if is_menu_like(line):
        return -3.0
    if is_date_line(line.text) or P.is_number_only(line.text) or byline_line(line):
        return -3.0
    if sentence_like(line):
        if line.group_size > 4 and _in_verse(line) and line.text[-1] in ",;:":
            return min(length, 400) / 20.0
        return 0.5 if line.group_size <= 4 else 0.2
    if length >= 40:
        return 0.5 if line.group_size <= 2 and _SENTENCE_END.search(line.text) else -0.5
    return -1.0


BYLINE_WORDS = 16
"""The most words a dump's byline line has ("By Jane Doe, Staff Writer | March 3, 2021 at 4:12 pm")."""


def byline_line(line: Line) -> bool:
    """A byline on a line of its own ("By ...", "Posted by ... on ...": `patterns.BYLINE_RE`), of `BYLINE_WORDS` or fewer."""
    return line.words <= BYLINE_WORDS and P.BYLINE_RE.match(line.text) is not None


def sentence_like(line: Line) -> bool:
    """Four or more words, many of them lowercase: a list item or short sentence, not a menu label."""
    words = line.text.split()
    if cjk_sentence(line.text):
        return True
    if len(words) < 4:
        return False
    lower = sum(1 for w in words if w[:1].islower())
    return lower >= 0.4 * len(words)


def heading_like(line: Line) -> bool:
    """A line that could be a title or a subheading: short, no final full stop."""
    text = line.text
    return 2 <= line.words <= 30 and len(text) <= 200 and not text.endswith((".", ",", ";", ":")) and not P.is_number_only(text)


def line_kind(line: Line) -> str:
    """The block kind a kept line of a dump or a PDF becomes: list item, heading or paragraph."""
    if is_list_item(line.text):
        return "list-item"
    if heading_like(line) and not _SENTENCE_END.search(line.text) and line.words <= 12:
        return "heading"
    return "paragraph"
