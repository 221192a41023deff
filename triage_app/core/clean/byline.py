"""The author's name from a byline block ("By Jane Doe", "Dan Goodin - Apr 16, 2015 8:02 pm UTC").

A block the cleaner removes as a byline must fill the document's byline when the page's metadata
names none; this module reads the name out of such a block.
"""

from __future__ import annotations

import re

from triage_app.core.clean import patterns as P
from triage_app.core.records import CleanResult

_ON_DATE = r"\s+on\s+[^|]{1,40}?"
"""The date between "Posted" and "by" ("Posted on March 3, 2024 by Sam Jones"), in both byline readers."""
_BEFORE_DATE = r"|\s+(?:on|am|le|el|em|il|at)\s+(?=\S*\s?\S*\d)"
"""Where a name ends before a date or a time ("Sam Jones on 3 March", "Aaron J. Seigo at 1:02 PM"), in both readers."""
_WRITTEN_BY_ELSEWHERE = (
    r"(?:geschrieben|verfasst|veröffentlicht|gepostet|eingestellt)\s+von|(?:écrit|publié|rédigé|posté)e?\s+par"
    r"|(?:escrito|publicado|redactado)a?\s+por|(?:scritto|pubblicato)a?\s+da|(?:geschreven|gepubliceerd|geplaatst)\s+door"
)
""""Written by" and "posted by" in German, French, Spanish and Portuguese, Italian and Dutch, in both byline readers."""
_PREFIX_RE = re.compile(
    r"^\s*(?:(?:(?:written|posted|published)" + _ON_DATE + r"\s+by|(?:written|posted|published|reported|updated|story|words|text)\s+(?:by|von|par|por)"
    r"|" + _WRITTEN_BY_ELSEWHERE + r"|by|von|par|por|di|door|av|af"
    r"|autor(?:in)?|author|auteur)\s*[:\-–]?\s+|(?:автор|текст|yazar|penulis|oleh|" + P.AUTHOR_LABELS_ELSEWHERE + r")\s*:\s*)",
    re.IGNORECASE,
)
# Where the name ends: a date, a separator, a role or an "updated" note.
_END_RE = re.compile(
    r"\s+[-–—|•·/]\s+|\s*\|\s*|\s*[•·]\s*|\s*,\s+" + _BEFORE_DATE + r"|\s+(?=\d)"
    r"|\s+(?:updated|published|posted|aktualisiert|mis à jour)\b",
    re.IGNORECASE,
)
_MONTH_RE = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.IGNORECASE)
_NAME_WORD_RE = re.compile(r"^[^\W\d_][\w.'’-]*$")
_PARTICLES = frozenset(("de", "da", "van", "von", "der", "den", "del", "la", "le", "du", "dos", "bin", "al", "and", "und", "et", "y", "e"))


_NOT_LAST = frozenset(("and", "und", "et", "y", "e", "by", "von", "par", "por", "da", "door"))
"""Words no name ends with: a join, or the word before a name ("Geschrieben von" is a label without its name)."""


def _name_word(word: str) -> bool:
    """A word of a name: a capital of any script first ("Łukasz", "Šimon", "Иван"; the check used to know Latin-1's
    capitals only), or a particle or a join."""
    return bool(_NAME_WORD_RE.match(word)) and (word[0].isupper() or word in _PARTICLES)


def name_from_byline(text: str) -> str | None:
    """The name(s) a byline block gives, or None when it does not read like one."""
    text = " ".join(text.split())
    stripped = _PREFIX_RE.sub("", text, count=1)
    name = _END_RE.split(stripped, maxsplit=1)[0].strip(" ,;:-–—")
    name = _MONTH_RE.sub("", name).strip(" ,;:-–—")
    words = name.split()
    if not 2 <= len(words) <= 8 or any(ch.isdigit() for ch in name):
        return None
    if not all(map(_name_word, words)) or words[-1].lower() in _NOT_LAST:
        return None
    if all(w.lower() in _LABEL_WORDS for w in words):
        return None  # a label alone ("Posted By"), its name in the next element
    return name


def fill_byline(result: CleanResult) -> None:
    """Set the byline when none is known (in place): from the first block removed as a byline (or as a date
    line that names its author: "Posted on March 3, 2024 by Sam Jones"), else from a short "By ..." block among
    the first kept ones (the block itself stays in the text)."""
    if result.byline:
        return
    for block in result.blocks:
        if not block.kept and block.reason in (P.BYLINE, P.DATE) and len(block.text) <= 200:
            name = name_from_byline(block.text)
            if name:
                result.byline = name
                return
    kept = [b for b in result.blocks if b.kept][:FIRST_KEPT]
    for block in kept:
        if len(block.text.split()) <= 12 and P.BYLINE_RE.match(block.text):
            name = name_from_byline(block.text)
            if name:
                result.byline = name
                return


FIRST_KEPT = 6
"""How many of the first kept blocks may hold a byline that stays in the text."""


_ELEMENT_PREFIX_RE = re.compile(
    r"^\s*(?:(?:post|article|story|text|words)\s+)?(?:(?:written|posted|published|reported|submitted|updated|text|photos?)\s+)?"
    r"(?:by|von|par|por|door|av|af)(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))\s*:?\s*|^\s*(?:authors?|autor(?:in)?|auteur|text|текст|автор|yazar|penulis|oleh|" + P.AUTHOR_LABELS_ELSEWHERE + r")\s*:\s*"
    r"|^\s*(?:" + _WRITTEN_BY_ELSEWHERE + r")\s*:?\s*",
    re.IGNORECASE,
)
_ELEMENT_END_RE = re.compile(
    r"\s+[-–—|•·/]\s+|\s*\|\s*|\s*[•·]\s*" + _BEFORE_DATE + r"|\s+(?:on|in)\s*$"
    r"|\s+(?:updated|published|posted|last updated|aktualisiert|mis à jour)\b|\s+@\w+|\s+\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\s+(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b,?|\s+in\s+(?-i:(?=[A-Z]))",
    re.IGNORECASE,
)
_TRAILING_ON_RE = re.compile(r"\s+(?:on|in)$", re.IGNORECASE)
"""What is left of "on" or "in" when the name was cut at the date after it (the end rule's own "on" at the end of the
text does not see it then)."""
_LABEL_WORDS = {"by", "on", "in", "posted", "written", "submitted", "reported", "edited", "contributed", "author", "authors", "about", "the", "and", "more", "view", "all",
                "profile", "follow", "contact", "email", "share", "comments", "comment", "reply", "anonymous", "guest",
                "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
                "published", "updated", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
_LABEL_ELSEWHERE_RE = re.compile(P.AUTHOR_LABELS_ELSEWHERE, re.IGNORECASE)
_ROLE_RE = re.compile(
    r"\b(?:staff|writer|editor|correspondent|reporter|contributor|columnist|engineer|manager|analyst|director|producer"
    r"|president|officer|professor|intern|founder|ceo|senior|associate|special to|strategist|head of|head"
    # the same newsroom roles in German, French, Spanish, Italian, Portuguese and Dutch
    r"|(?:chef)?redakteur(?:in)?|korrespondent(?:in)?|journalist(?:in)?|mitarbeiter(?:in)?|volontär(?:in)?|autorin"
    r"|rédact(?:eur|rice)|journaliste|correspondante?|envoyée? spéciale?|chroniqueu(?:r|se)"
    r"|redact(?:or|ora)|periodista|corresponsal|columnista|redat(?:tore|trice)|giornalista|corrispondente|inviat[oa]"
    r"|redator(?:a)?|jornalista|correspondente|colunista|redacteur|verslaggever|correspondent)\b|^(?:from|for|of|at|in)\b|\.\w{2,4}$|^@",
    re.IGNORECASE,
)


_SENTENCE_BY_RE = re.compile(
    r"^(?:\S+\s+){0,5}?(?:(?:written|posted|contributed|edited|compiled)(?:" + _ON_DATE + r")?\s+by|" + _WRITTEN_BY_ELSEWHERE + r")\s+",
    re.IGNORECASE
)
# Where an author box's name stops: a social or profile label, a role, a parenthesis.
_AFTER_NAME_RE = re.compile(
    r"\s+(?=(?:view|email|e-mail|facebook|twitter|instagram|linkedin|rss|subscribe|follow|profile|more|read|website"
    r"|former|senior|staff|contributing|marketing|managing|chief|executive|editor|writer|reporter|correspondent"
    r"|consultant|director|manager|contributor|columnist|author|head|strategist)\b)|\s*\(",
    re.IGNORECASE,
)
_NOT_NAME_RE = re.compile(r"[=<>{}\\/]|https?:|www\.|javascript|\(\)", re.IGNORECASE)
MAX_NAME_WORDS = 5
"""Words in one name; a longer run is a sentence or a widget's labels, not a byline."""


def element_name(text: str) -> str | None:
    """The name(s) in the text of an element the page marks as its author ("by Jeff Foust", "randfish"):
    single words and lower-case user names are accepted, a comma list of names is kept whole; a role or a
    social label after the first word ends it ("Liz Kenny Former McKinsey Consultant", "Nigel Subscribe")."""
    text = " ".join(text.split())
    if _NOT_NAME_RE.search(text):
        return None
    text = _SENTENCE_BY_RE.sub("", text, count=1)
    for _ in range(2):
        text = _ELEMENT_PREFIX_RE.sub("", text, count=1)
    name = _ELEMENT_END_RE.split(text, maxsplit=1)[0]
    name = _TRAILING_ON_RE.sub("", name)  # "timothy on" before a weekday without a year ("on Tuesday July 24, @12:06PM")
    words = name.split()
    if len(words) > 1:  # a role or a label after the first name word
        name = words[0] + _AFTER_NAME_RE.split(" " + " ".join(words[1:]), maxsplit=1)[0]
    name = _AFTER_NAME_RE.split(name, maxsplit=1)[0] if "(" in name else name
    name = name.strip(" ,;:-–—()")
    if name.endswith(".") and len(name.split()[-1]) > 4:  # a sentence's full stop, not "Jr."
        name = name[:-1]
    words = name.split()
    if not words or not any(ch.isalpha() for ch in name):
        return None
    if all(w.lower().strip(".:,") in _LABEL_WORDS or _LABEL_ELSEWHERE_RE.fullmatch(w.strip(".:,")) for w in words):
        return None
    if len(words) > 1 and any(ch.isdigit() for ch in name):
        return None
    names = [n.split() for n in re.split(r",|;|&|\band\b|\bund\b", name)]
    if any(len(n) > MAX_NAME_WORDS for n in names) or len(names) > 8:
        return None
    return name


_NICKNAME_RE = re.compile(r"(?<=\w)\s+[\"“„«]\w[\w\s.'’-]{0,30}[\"”“»]\s+(?=\w)")
_NAME_CHARS_RE = re.compile(r"[^\w\s.,&'’‘-]|_|\.\.")
_CONNECTORS = {"staff", "editors", "team", "desk", "reporters", "writers", "the", "and", "und", "et", "y", "e", "de", "da", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "del", "della", "la", "le", "bin", "al", "ibn", "ter", "zu"}


def plausible_names(name: str) -> bool:
    """Reads as names: no symbols, brackets, colons, e-mail or ellipsis ("[ Archives ]", "Sofia ●",
    "SEROLOGY: IT'S", "a@b.com", "Authorizing..."), and, when it has several words, each starts with a
    capital but for name particles and joins, or none does ("Hi, I'm Becky. I live" is a sentence,
    "hugh macleod" a name written in lower case). A nickname in quotes between the names is read as a name
    ('Amanda "Tania Mae" Tan', 'Earvin “Magic” Johnson')."""
    name = _NICKNAME_RE.sub(" ", name)
    if _NAME_CHARS_RE.search(name):
        return False
    words = [w.strip(".,&'’‘") for w in name.split()]
    words = [w for w in words if w]
    if len(words) < 2:
        return True  # a user name ("randfish") may be lower case
    if all(w.islower() for w in words):
        return True  # written all in lower case on purpose ("hugh macleod")
    return all(w[0].isupper() or w.lower() in _CONNECTORS or not w[0].isalpha() for w in words)


def _fold(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


def site_like(name: str, site: str | None, host: str | None) -> bool:
    """The byline names the site ("Cleveland Clinic", "AccountingDepartment.com"), not a person.

    A host name is compared only with a byline that looks like one (no space, or a dot): a person's
    own site is named after them ("Robert Nyman" on robertnyman.com)."""
    folded = _fold(name)
    if not folded:
        return True
    names = {_fold(site)} if site and "." not in site else set()
    if " " not in name.strip() or "." in name:
        names |= {_fold((host or "").removeprefix("www.")), _fold(site or "")}
    names -= {""}
    return any(folded == n or (len(folded) > 5 and folded in n) for n in names)


def names_only(byline: str, site: str | None = None, host: str | None = None) -> str | None:
    """The byline as names: "By" dropped, and comma parts that name the site, a role or an outlet
    ("Josh Levs, CNN", "Troy L. Smith, Cleveland.com", "James Yum, Developer Programs Engineer")
    dropped when a name remains."""
    text = " ".join(byline.split())
    text = _ELEMENT_PREFIX_RE.sub("", text, count=1).strip(" ,;:-–—")
    parts = [p.strip() for p in re.split(r"\s*,\s*", text) if p.strip()]
    if len(parts) > 1:
        kept = [
            p for p in parts
            if not (_ROLE_RE.search(p) or site_like(p, site, host) or (p.isupper() and len(p) <= 5 and " " not in p))
        ]
        parts = kept or parts[:1]
        if len(parts[0].split()) > 1:  # "Roger M. Boisjoly, Willard, Utah": one-word parts after a full name are places or outlets
            parts = [parts[0], *(p for p in parts[1:] if len(p.split()) > 1)]
    name = ", ".join(parts)
    return name or None


def claimed_byline(meta_byline: str | None, site: str | None, host: str | None, page_text: str) -> str | None:
    """The byline's first choice: the metadata byline when the page shows it and it names people, not the site (else
    `shown_names`)."""
    if meta_byline and not meta_byline.startswith(("http://", "https://")):
        name = names_only(meta_byline, site, host)
        name = _plausible(name)
        if name and not site_like(name, site, host) and _shown(name, page_text):
            return name
    return None


def shown_names(shown: str | None, site: str | None, host: str | None) -> str | None:
    """The byline's second choice (when `claimed_byline` gives none): the names of the byline read from the page's
    author-marked element."""
    return _plausible(names_only(shown, site, host)) if shown else None


def _plausible(name: str | None) -> str | None:
    """The byline when it reads as names, else its first comma part when that is a full name
    ("Courtney Pannell & Divya Vishwanath, AdWords support team"), else None."""
    if not name or plausible_names(name):
        return name
    first = name.split(",", 1)[0].strip()
    return first if "," in name and len(first.split()) >= 2 and plausible_names(first) else None


def _shown(name: str, page_text: str) -> bool:
    """Every name's last word is in the page's text (case ignored)."""
    folded = page_text.casefold()
    lasts = [p.split()[-1].casefold() for p in re.split(r",|;|\band\b|&", name) if p.split()]
    return bool(lasts) and all(last in folded for last in lasts)
