"""Which people a "he" or a "she" can refer to: gender from honorifics in the text, else from the first name.

"she said" after a quote must not go to "David Gorski"; nor "he" to "Claire McCaskill". Evidence, strongest first:
an honorific written before a mention of the person in this text ("Mr. Clarke", "Ms. Moore"), then the first name
of the full name, looked up in the first-name lists by sex that Faker ships (built from US and UK birth records).
A name found in neither way, or common for both sexes, fits both pronouns.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any, Literal

Gender = Literal["f", "m"]

_HONORIFICS: dict[str, Gender] = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f"}
_PRONOUNS: dict[str, Gender] = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_RATIO = 4.0
"""A first name counts for one sex only when it is this many times more common for it than for the other."""


@functools.cache
def _first_names() -> tuple[dict[str, float], dict[str, float]]:
    """Relative frequencies of female and male first names (Faker's English person providers)."""
    from faker.providers.person.en_GB import Provider as GreatBritain
    from faker.providers.person.en_US import Provider as UnitedStates

    female: dict[str, float] = {}
    male: dict[str, float] = {}
    for provider in (UnitedStates, GreatBritain):
        for source, target in ((provider.first_names_female, female), (provider.first_names_male, male)):
            weights = source if isinstance(source, dict) else dict.fromkeys(source, 1.0)
            total = float(sum(weights.values())) or 1.0
            for name, weight in weights.items():
                target[name.lower()] = max(target.get(name.lower(), 0.0), float(weight) / total)
    return female, male


def first_name_gender(name: str) -> Gender | None:
    """The sex a first name is given to, when the lists are clear about it."""
    female, male = _first_names()
    f, m = female.get(name.lower(), 0.0), male.get(name.lower(), 0.0)
    if f > _RATIO * m:
        return "f"
    if m > _RATIO * f:
        return "m"
    return None


def pronoun_gender(word: str) -> Gender | None:
    """"m" for he/him/his, "f" for she/her/hers, else None."""
    return _PRONOUNS.get(word.lower())


def person_genders(doc: Any, mentions: Iterable[Any]) -> dict[str, Gender]:
    """The gender of each PERSON canonical name of a parsed text, where the text or the first name tells."""
    from_title: dict[str, set[Gender]] = {}
    full: dict[str, str] = {}
    for mention in mentions:
        if mention.label != "PERSON":
            continue
        words = mention.canonical.split()
        if len(words) >= 2 and words[0].rstrip(".").lower() not in _HONORIFICS:
            full.setdefault(mention.canonical, words[0])
        if mention.tok_start > 0:
            title = _HONORIFICS.get(doc[mention.tok_start - 1].lower_)
            if title is not None:
                from_title.setdefault(mention.canonical, set()).add(title)
        first = doc[mention.tok_start].lower_ if mention.tok_start < len(doc) else ""
        if first in _HONORIFICS:
            from_title.setdefault(mention.canonical, set()).add(_HONORIFICS[first])
    genders: dict[str, Gender] = {}
    for canonical, first_name in full.items():
        guess = first_name_gender(first_name)
        if guess is not None:
            genders[canonical] = guess
    for canonical, titles in from_title.items():
        if len(titles) == 1:
            genders[canonical] = next(iter(titles))
    return genders
