"""Which model may read a document: the language of its text decides.

An English model run on German text finds "Datenbank" (PERSON) and "Zudem" (PLACE); those wrong entities
then fill the library-wide lists. So a document is annotated by an engine only when the engine's model is
of the document's language; any other document gets no entities, and the name stored as its
`annotated_engine` says which language had no model (`triage-nlp/5 no-model/de`). When the language of a
document changes, or a model of its language is added, that stored name no longer matches what is expected
and the document is annotated again.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from triage_app.core.language import language_name
from triage_app.core.records import Annotation

if TYPE_CHECKING:
    from triage_app.core.nlp.engine import NlpEngine

ENGLISH = "en"
NO_MODEL = "no-model/"


def engine_languages(engine: NlpEngine) -> tuple[str, ...]:
    """The languages the engine's model is of (an engine that does not say is English)."""
    return tuple(getattr(engine, "languages", (ENGLISH,)))


def engine_names(engine: NlpEngine) -> dict[str, str]:
    """The `annotated_engine` name of each language the engine reads (one model per language)."""
    names = getattr(engine, "names", None)
    if isinstance(names, dict):
        return {str(k): str(v) for k, v in names.items()}
    return dict.fromkeys(engine_languages(engine), engine.name)


def annotate_many(engine: NlpEngine, texts: Sequence[str], languages: Sequence[str | None], batch_size: int) -> list[Annotation]:
    """`engine.annotate_many`, telling an engine that takes `languages` which text is in which."""
    if "languages" in inspect.signature(engine.annotate_many).parameters:
        return list(engine.annotate_many(texts, batch_size=batch_size, languages=languages))  # type: ignore[call-arg]
    return list(engine.annotate_many(texts, batch_size=batch_size))


def runs_on(engine: NlpEngine, language: str | None) -> bool:
    """True when the engine may annotate text of `language` (None: too little text to tell, taken as English)."""
    return (language or ENGLISH) in engine_languages(engine)


METHOD_FAMILY = "triage-nlp/"
"""The start of every `annotated_engine` Triage's own annotation writes."""


def by_older_method(annotated_engine: str | None) -> bool:
    """True for annotations an earlier version of Triage's entity and quote rules made (a `METHOD_VERSION` below this
    one's): the reader finds them again when the document is opened. Names of other engines count as they are."""
    from triage_app.core.nlp.engine import METHOD_VERSION

    if not annotated_engine or not annotated_engine.startswith(METHOD_FAMILY):
        return False
    version = annotated_engine.split(" ", 1)[0][len(METHOD_FAMILY) :]
    return version.isdigit() and int(version) < int(METHOD_VERSION)  # a later Triage's are left as they are


def skipped_name(language: str) -> str:
    """The `annotated_engine` of a document that no model of its language read."""
    from triage_app.core.nlp.engine import METHOD_VERSION

    return f"triage-nlp/{METHOD_VERSION} {NO_MODEL}{language}"


def expected_name(engine: NlpEngine, language: str | None) -> str:
    """What `annotated_engine` must say for a document of `language` to count as annotated."""
    if not runs_on(engine, language):
        return skipped_name(str(language))
    return engine_names(engine).get(language or ENGLISH, engine.name)


def model_of(annotated_engine: str | None) -> str | None:
    """The model that annotated a document, from its stored engine name; None when none ran."""
    if not annotated_engine or NO_MODEL in annotated_engine:
        return None
    parts = annotated_engine.split()
    return parts[-1].split("/")[0] if len(parts) > 1 else annotated_engine


def unavailable_message(language: str | None) -> str:
    """The reader's line for a document no model read."""
    return f"Entities are not available for {language_name(language)} text."


def without_model(text: str, language: str | None) -> Annotation:
    """What a text no model of its language may read gets: no entities; quotations found by marks and cues."""
    from triage_app.core.nlp.foreign_quotes import foreign_quotes

    return Annotation([], foreign_quotes(text, str(language)), skipped_name(str(language)))


def annotate_gated(engine: NlpEngine, texts: Sequence[str], languages: Sequence[str | None]) -> list[Annotation]:
    """Annotations of `texts` in order: the engine's for its languages, `without_model` for the others."""
    ran = [i for i, lang in enumerate(languages) if runs_on(engine, lang)]
    results: list[Annotation] = [without_model(text, lang) for text, lang in zip(texts, languages)]
    if ran:
        found = annotate_many(engine, [texts[i] for i in ran], [languages[i] for i in ran], max(1, len(ran)))
        for i, annotation in zip(ran, found):
            results[i] = annotation
    return results
