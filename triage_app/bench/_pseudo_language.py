"""The clean benchmark's pages in a made-up language (`bench clean --pseudo-language`): how much of the
cleaner's lead over trafilatura rests on English words.

The development pages are English, and the cleaner's text cues (boilerplate phrases, date lines, bylines)
are English first. Every English word of a page's text (text nodes, `alt`/`title`/`aria-label`, the
`<meta>` titles, descriptions and authors, the strings of its JSON-LD) and of its expected text is replaced by the same word of a pseudo-language:
about 140 function words by their German counterparts (so language identification reads German and
jusText finds German stop words), every other word by an invented word of German-looking syllables,
fixed per lower-cased word, its capitals kept. Numbers, words glued to digits and words with non-ASCII
letters stay. The markup (tags, classes, ids) stays: sites name their classes in English whatever their
language. What is left for the cleaner is structure; a rule that lifts Triage only through English text
shows as a smaller lead here. A German page has cues this text lacks (German phrases the cleaner knows),
so these figures are a floor, not a German figure.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from typing import Any

import lxml.html  # type: ignore[import-untyped]
from lxml import etree

from triage_app.bench._clean_score import Page

# ruff: noqa: RUF001
_FUNCTION_WORD_PAIRS = """the:der a:ein an:eine and:und or:oder but:aber of:von to:zu in:in on:auf at:an for:für with:mit
    by:von from:aus as:als is:ist are:sind was:war were:waren be:sein been:gewesen being:seiend has:hat have:haben
    had:hatte it:es its:sein this:dies that:dass these:diese those:jene he:er she:sie they:sie we:wir you:du i:ich
    his:sein her:ihr their:ihr our:unser not:nicht no:kein will:wird would:würde can:kann could:könnte
    should:sollte may:mag must:muss also:auch more:mehr most:meist than:als so:so if:wenn when:als there:dort
    here:hier which:welche who:wer what:was about:über after:nach before:vor over:über under:unter into:hinein
    up:auf out:aus all:alle one:eins two:zwei three:drei new:neu said:sagte says:sagt do:tun does:tut did:tat
    just:nur only:nur other:andere some:einige any:irgendein such:solche very:sehr how:wie where:wo why:warum
    then:dann now:jetzt between:zwischen through:durch during:während while:während because:weil many:viele
    much:viel well:gut even:sogar first:erste last:letzte year:jahr years:jahre time:zeit people:leute him:ihn
    them:ihnen me:mich my:mein your:dein us:uns against:gegen without:ohne within:innerhalb both:beide each:jede
    own:eigen same:gleich since:seit until:bis yet:noch still:noch again:wieder never:nie always:immer
    often:oft however:jedoch whose:dessen whom:wem yes:ja off:ab down:hinunter"""
_FUNCTION_WORDS = dict(pair.split(":") for pair in _FUNCTION_WORD_PAIRS.split())
_ONSETS = ("b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "w", "z", "sch", "st", "ch")
_VOWELS = ("a", "e", "i", "o", "u", "ä", "ö", "ü", "ei", "au", "ie")
_ENDINGS = ("en", "er", "ung", "lich", "heit", "e", "t", "")
_ENGLISH_WORD = re.compile(r"(?<!\w)[A-Za-z]+(?!\w)")
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SHOWN_ATTRIBUTES = ("alt", "title", "aria-label")
_TEXT_METADATA = re.compile(r"title|description|author|creator|byl|site_name|publisher|keywords|section|tag", re.IGNORECASE)
"""`<meta>` names and properties whose content is text the page shows or names (not a charset, a viewport, a URL)."""
_NOT_TEXT = frozenset(("script", "style"))
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_URL_LIKE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|/|www\.)", re.IGNORECASE)


def pseudo_word(word: str) -> str:
    """The pseudo-language's word for the English `word` (same for every spelling of it but capitals)."""
    lower = word.lower()
    made = _FUNCTION_WORDS.get(lower)
    if made is None:
        digest = hashlib.md5(lower.encode(), usedforsecurity=False).digest()
        syllables: list[str] = []
        i = 0
        while sum(map(len, syllables)) < max(2, len(lower) - 2):
            syllables.append(_ONSETS[digest[i % 16] % len(_ONSETS)] + _VOWELS[digest[(i + 1) % 16] % len(_VOWELS)])
            i += 2
        made = "".join(syllables) + _ENDINGS[digest[15] % len(_ENDINGS)]
    if len(word) > 1 and word.isupper():
        return made.upper()
    return made[:1].upper() + made[1:] if word[:1].isupper() else made


def disguise_text(text: str) -> str:
    """`text` with every English word in the pseudo-language."""
    return _ENGLISH_WORD.sub(lambda match: pseudo_word(match.group(0)), text) if text else text


def _disguised(text: str | None) -> str | None:
    return disguise_text(_NOT_XML.sub("", text)) if text else text


def _disguised_value(value: Any) -> Any:
    """A JSON-LD value with its text in the pseudo-language: `@` keys, URLs and non-strings kept."""
    if isinstance(value, str):
        return value if _URL_LIKE.match(value) else _disguised(value)
    if isinstance(value, list):
        return [_disguised_value(item) for item in value]
    if isinstance(value, dict):
        return {key: item if key.startswith("@") else _disguised_value(item) for key, item in value.items()}
    return value


def _disguised_json(text: str) -> str:
    """A JSON-LD block's names, headlines and descriptions in the pseudo-language, as the page's text is (the cleaner
    reads its author and headline); kept as it is when it is not valid JSON."""
    try:
        data = json.loads(text)
    except ValueError:
        return text
    return json.dumps(_disguised_value(data), ensure_ascii=False).replace("</", "<\\/")  # no "</script>" inside


def disguise_page(html: str) -> str | None:
    """The page with its text in the pseudo-language and its markup kept (None when lxml cannot parse it)."""
    try:  # lxml refuses a str that declares its encoding: the declaration is dropped (the page is text already)
        doc = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except etree.LxmlError:  # an empty document, a syntax error
        return None
    for element in doc.iter():
        element.tail = _disguised(element.tail)
        if not isinstance(element.tag, str):
            continue
        if element.tag not in _NOT_TEXT:
            element.text = _disguised(element.text)
        for name in _SHOWN_ATTRIBUTES:
            if value := element.get(name):
                element.set(name, _disguised(value))
        if element.tag == "meta":
            key = element.get("property") or element.get("name") or element.get("itemprop") or ""
            if _TEXT_METADATA.search(key) and not _URL_LIKE.match(element.get("content") or ""):
                element.set("content", _disguised(element.get("content") or ""))
        elif element.tag == "script" and "ld+json" in (element.get("type") or "").lower() and element.text:
            element.text = _disguised_json(element.text)
    doctype = doc.getroottree().docinfo.doctype or None
    return str(lxml.html.tostring(doc, encoding="unicode", doctype=doctype))


def disguise(page: Page) -> Page | None:
    """The page, its expected text and its text dump in the pseudo-language (None when the page does not parse).
    A PDF print cannot be rewritten and is dropped."""
    html = disguise_page(page.html)
    if html is None:
        return None
    dump = disguise_text(page.dump) if page.dump is not None else None
    return replace(page, truth=disguise_text(page.truth), html=html, dump=dump, pdf=None)
