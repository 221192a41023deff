"""Which library entity a newly annotated mention joins, beyond the analyst's corrections: the library's one person
of a lone surname, and one entity for every name of an alias group ("U.S.", "United States")."""

from __future__ import annotations

from sqlite_utils import Database

from triage_app.core.nlp.aliases import alias_forms, lookup_alias
from triage_app.core.nlp.corrections import Key
from triage_app.core.records import EntityMention


def library_key(db: Database, key: Key, mention: EntityMention) -> Key:
    """The entity `mention` joins, given `key` (where the corrections put it): a known full name for a lone
    surname, the alias group's known entity for a name the corrections left alone, else `key` itself."""
    if key == (mention.canonical, "PERSON") and " " not in mention.canonical:
        return _known_full_name(db, mention.canonical)
    if key == (mention.canonical, mention.label):
        return _known_alias(db, key)
    return key


def _known_full_name(db: Database, surname: str) -> Key:
    """A surname alone ("Zelenskyy") is the library's one person of that surname, when there is just one."""
    if db.execute("SELECT 1 FROM entities WHERE canonical = ? AND label = 'PERSON'", [surname]).fetchone():
        return (surname, "PERSON")
    rows = db.execute(
        "SELECT canonical FROM entities WHERE label = 'PERSON' AND canonical LIKE ? AND "
        "EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id) LIMIT 2",
        [f"% {surname}"],
    ).fetchall()
    return (str(rows[0][0]), "PERSON") if len(rows) == 1 else (surname, "PERSON")


def _known_alias(db: Database, key: Key) -> Key:
    """"U.S." in one document and "United States" in another are one library entity: the one the library
    already holds under any name of the alias group (the table's own name first), else `key` itself."""
    found = lookup_alias(key[0])
    if found is None or found[1] != key[1]:
        return key
    forms = alias_forms(found[0])
    marks = ", ".join("?" for _ in forms)
    rows = db.execute(
        f"SELECT canonical FROM entities WHERE label = ? AND lower(replace(canonical, '.', '')) IN ({marks}) "
        "AND EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id) ORDER BY canonical != ?, id LIMIT 1",
        [key[1], *forms, found[0]],
    ).fetchall()
    return (str(rows[0][0]), key[1]) if rows else key
