"""The quote ledger: what each entity said across documents, and the same words given to different speakers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from triage_app.core.library import Library, annotation_queries, annotations, documents
from triage_app.core.nlp.ledger import quote_words
from triage_app.core.records import Annotation, Block, CleanResult, EntityMention, ParsedDocument, Quote

WORDS = "We will not back down from this fight"


def _doc(library: Library, name: str, speaker: str) -> int:
    text = f"{speaker} spoke on Monday ({name}).\n\n“{WORDS},” {speaker} said."
    parsed = ParsedDocument(name, text.encode(), "text", "utf-8", text=text, original_name=name)
    doc_id = documents.insert_document(library, parsed, CleanResult([Block(0, "paragraph", text, True)]))
    start = text.index(WORDS)
    s = text.rindex(speaker)
    quote = Quote(start, start + len(WORDS) + 1, WORDS + ",", "direct", "said", speaker, s, s + len(speaker), speaker)
    mention = EntityMention(0, len(speaker), speaker, "PERSON", speaker)
    annotations.store_annotation(library, doc_id, Annotation([mention], [quote], "test/1"))
    return doc_id


@pytest.fixture
def library() -> Iterator[Library]:
    lib = Library.memory()
    yield lib
    lib.close()


def test_same_words_to_different_speakers_are_flagged(library: Library) -> None:
    first = _doc(library, "a.txt", "Angela Merkel")
    second = _doc(library, "b.txt", "Olaf Scholz")
    third = _doc(library, "c.txt", "Angela Merkel")
    rows = {r["doc_id"]: r for r in annotation_queries.list_quotes(library.db)}
    assert rows[first]["also_attributed_to"] == [{"speaker": "Olaf Scholz", "doc_id": second}]
    assert rows[second]["also_attributed_to"] == [{"speaker": "Angela Merkel", "doc_id": third}]
    merkel = rows[first]["speaker_entity_id"]
    ledger = annotation_queries.list_quotes(library.db, entity_id=merkel)
    assert [r["doc_id"] for r in ledger] == [first, third]  # what she said, across documents


def test_short_quotes_are_never_flagged() -> None:
    assert quote_words("terrorist") is None
    assert quote_words("“We will not back down,”") == "we will not back down"
