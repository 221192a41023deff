"""Languages with their own genuine model: French text goes to fr_core_news_sm, with its own stored engine
name per language, so adding a model re-annotates just that language's documents."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest

from triage_app.cli import run
from triage_app.core.clean import clean_document
from triage_app.core.library import Library, annotation_queries, annotations, documents
from triage_app.core.nlp.gating import expected_name
from triage_app.core.records import Annotation, EntityMention, ParsedDocument

FRENCH = (
    "Le président Emmanuel Macron a reçu mardi à l'Élysée le chancelier allemand Olaf Scholz pour évoquer la "
    "situation en Ukraine. « Nous devons rester unis face à la Russie », a déclaré Emmanuel Macron devant la presse."
)
GERMAN = (
    "Die Bundesregierung hat am Donnerstag beschlossen, die Datenbank der Anwendung zu erweitern. "
    "Zudem sagte die Ministerin in Berlin, dass die Maßnahmen notwendig seien und bald umgesetzt würden."
)


class PerLanguageEngine:
    """A stand-in engine of several languages, one stored name per language, told each text's language."""

    def __init__(self, languages: tuple[str, ...]) -> None:
        self.languages = languages
        self.names = {lang: f"fake/1 model-{lang}/1" for lang in languages}
        self.name = self.names["en"]
        self.seen: list[str | None] = []

    def annotate(self, text: str) -> Annotation:
        return next(self.annotate_many([text]))

    def annotate_many(
        self, texts: Iterable[str], *, batch_size: int = 16, languages: Sequence[str | None] | None = None
    ) -> Iterator[Annotation]:
        items = list(texts)
        langs = list(languages) if languages is not None else ["en"] * len(items)
        for text, lang in zip(items, langs):
            self.seen.append(lang)
            word = text.split()[1]
            yield Annotation([EntityMention(0, 0, word, "PERSON", word)], [], self.names[lang or "en"])


@pytest.fixture
def library() -> Iterator[Library]:
    lib = Library.memory()
    yield lib
    lib.close()


def _add(library: Library, name: str, text: str) -> int:
    parsed = ParsedDocument(name, text.encode(), "text", "utf-8", text=text, original_name=name)
    return documents.insert_document(library, parsed, clean_document(parsed))


def test_adding_a_model_reannotates_only_its_language(library: Library) -> None:
    fr = _add(library, "fr.txt", FRENCH)
    de = _add(library, "de.txt", GERMAN)
    english = PerLanguageEngine(("en",))
    list(annotations.annotate_documents(library, engine=english))
    assert annotation_queries.document_entities(library.db, fr) == []
    with_french = PerLanguageEngine(("en", "fr"))
    assert annotations.pending_ids(library.db, with_french) == [fr]
    list(annotations.annotate_documents(library, engine=with_french))
    assert with_french.seen == ["fr"]
    stored = library.db.execute("SELECT annotated_engine FROM documents WHERE id = ?", [fr]).fetchone()[0]
    assert stored == expected_name(with_french, "fr") == "fake/1 model-fr/1"
    assert annotation_queries.document_entities(library.db, fr)
    assert annotations.pending_ids(library.db, with_french) == []
    assert de not in annotations.pending_ids(library.db, with_french)


@pytest.mark.nlp
def test_french_text_gets_the_french_models_entities(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert run(["annotate", "--plain", "--json", str(path)], stdout=out, stderr=err) == 0
    data = json.loads(out.getvalue())
    assert data["language"] == "fr" and data["model"] == "fr_core_news_sm"
    found = {(e["text"], e["label"]) for e in data["entities"]}
    assert {("Emmanuel Macron", "PERSON"), ("Olaf Scholz", "PERSON"), ("Ukraine", "PLACE")} <= found
    quote = next(q for q in data["quotes"] if "unis" in q["text"])
    assert quote["speaker_canonical"] == "Emmanuel Macron"
