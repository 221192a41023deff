"""Which of our entity rules run on top of the model: one switch per rule, so the bench can measure each.

The defaults are what measurement supports (see `python -m triage_app.bench nlp` and the README): a rule
that changes spaCy's spans or types is on only where it helped on text it was not written for.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Rules:
    """Switches for the entity rules (all name-level rules keep the model's spans and types when off)."""

    trim: bool = True
    """Span trimming: articles, possessives, titles and trailing common words cut from the model's spans.

    On since the entity_gold set (44 passages the rules were never written against): folded F1 0.638 -> 0.644
    there and 0.857 -> 0.885 on nlp_gold, no type lower on either (docs/nlp-bench.md)."""
    retype: bool = False
    """Retyping: demonyms as NORP, titled names as PERSON, news outlets as ORG, one type per canonical name."""
    gazetteer: bool = True
    """Places the model left untagged, from a list of countries and big cities."""
    slogans: bool = True
    """Capitalised slogans and shouted words the model took for names ("VOTE", "Make Trump") are dropped."""
    money: bool = False
    """Sums the model missed or cut ("Rs 24 lakh", "£10bn"), from a pattern."""
    surnames: bool = True
    """Surname propagation: a surname alone is linked to the full name mentioned in the same text."""
    aliases: bool = True
    """Alias merging: U.S./US/United States, EU/European Union and acronyms defined in the text are one entity."""

    def without(self, name: str) -> Rules:
        """These rules with `name` switched off."""
        return replace(self, **{name: False})

    def on(self) -> list[str]:
        """Names of the rules switched on."""
        return [f.name for f in fields(self) if getattr(self, f.name)]

    def with_(self, name: str) -> Rules:
        """These rules with `name` switched on."""
        return replace(self, **{name: True})


RULE_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Rules))
DEFAULT_RULES = Rules()
ALL_RULES = Rules(**{name: True for name in RULE_NAMES})
NO_RULES = Rules(**{name: False for name in RULE_NAMES})
