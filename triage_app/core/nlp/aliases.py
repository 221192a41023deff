"""Alias tables: names that mean one canonical entity, and news organisations the small model mislabels."""

from __future__ import annotations

import re

# alias (lower-case, dots removed) -> (canonical name, label)
_ALIAS_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("United States", "PLACE", ("us", "usa", "united states", "united states of america", "the us", "the usa")),
    ("European Union", "ORG", ("eu", "european union")),
    ("United Kingdom", "PLACE", ("uk", "united kingdom", "britain", "great britain")),
    ("United Nations", "ORG", ("un", "united nations")),
    ("NATO", "ORG", ("nato", "north atlantic treaty organization", "north atlantic treaty organisation")),
    ("United Arab Emirates", "PLACE", ("uae", "united arab emirates")),
    ("Russia", "PLACE", ("russia", "russian federation")),
    ("China", "PLACE", ("china", "people's republic of china", "prc")),
    ("International Monetary Fund", "ORG", ("imf", "international monetary fund")),
    ("World Health Organization", "ORG", ("who", "world health organization", "world health organisation")),
    ("Federal Bureau of Investigation", "ORG", ("fbi", "federal bureau of investigation")),
    ("Central Intelligence Agency", "ORG", ("cia", "central intelligence agency")),
    ("European Commission", "ORG", ("european commission",)),
    ("Hong Kong", "PLACE", ("hong kong", "hk")),
    ("New York City", "PLACE", ("new york city", "nyc")),
    ("Kyiv", "PLACE", ("kyiv", "kiev")),
)

ALIASES: dict[str, tuple[str, str]] = {
    alias: (canonical, label) for canonical, label, aliases in _ALIAS_GROUPS for alias in aliases
}



def alias_forms(canonical: str) -> list[str]:
    """Every alias key (lower case, no dots) of the group whose table name is `canonical`."""
    return sorted({alias for alias, (name, _) in ALIASES.items() if name == canonical} | {alias_key(canonical)})


# Case-sensitive forms only: "US" and "U.S." are the country, "us" is a pronoun; "WHO" is not "who".
CASE_SENSITIVE = {"us", "who", "un", "hk"}

NEWS_ORGS = frozenset(
    s.lower()
    for s in (
        "Politico", "Reuters", "Axios", "Bloomberg", "CNN", "BBC", "AP", "Associated Press", "AFP",
        "Agence France-Presse", "Newsmax", "Fox News", "NBC", "NBC News", "CBS", "CBS News", "ABC", "ABC News",
        "CNBC", "MSNBC", "NPR", "Al Jazeera", "The Guardian", "The New York Times", "The Washington Post",
        "The Wall Street Journal", "Financial Times", "The Economist", "Le Monde", "Der Spiegel", "Tass", "TASS",
        "RIA Novosti", "Interfax", "Xinhua", "Kyodo", "Yonhap", "Ukrainska Pravda", "Kyiv Independent",
        "Sky News", "The Times", "The Telegraph", "The Independent", "Daily Mail", "USA Today", "Semafor",
        "Punchbowl News", "The Hill", "Haaretz", "Times of Israel", "Anadolu", "Euronews", "Deutsche Welle", "DW",
        "RT", "Sputnik", "Meduza", "Kommersant", "Izvestia", "Vedomosti", "Nikkei", "South China Morning Post",
        "Variety", "Deadline", "TMZ", "ESPN", "Forbes", "Fortune", "Business Insider", "Barron's", "CNET",
        "The Verge", "Wired", "TechCrunch", "Vox", "BuzzFeed", "HuffPost", "Newsweek", "Time", "Vanity Fair",
    )
)

_DOTS = re.compile(r"\.")
_SPACES = re.compile(r"\s+")


def alias_key(text: str) -> str:
    """The lookup key of a name: dots removed, spaces collapsed, lower case."""
    return _SPACES.sub(" ", _DOTS.sub("", text)).strip().lower()


def lookup_alias(text: str) -> tuple[str, str] | None:
    """`(canonical, label)` when `text` is a known alias, else None."""
    key = alias_key(text)
    if key.startswith("the "):
        key = key[4:]
    found = ALIASES.get(key)
    if found is None:
        return None
    if key in CASE_SENSITIVE and not text.replace(".", "").isupper():
        return None
    return found


def is_news_org(text: str) -> bool:
    """True for the name of a well-known news organisation."""
    return _SPACES.sub(" ", text).strip().lower() in NEWS_ORGS


_ACRONYM_SKIP = {"of", "the", "and", "for", "on", "in", "de", "&"}


def acronym_of(name: str) -> str | None:
    """Initials of a multi-word name ("European Union" -> "EU"), or None for one-word names."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _ACRONYM_SKIP]
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)
