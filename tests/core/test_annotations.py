"""Annotations in the library: storing, library-wide lists, and corrections that survive re-annotation."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from triage_app.core.library import Library, annotation_queries, annotations, documents, entity_corrections
from triage_app.core.records import Annotation, Block, CleanResult, EntityMention, ParsedDocument, Quote

TEXT_A = "Angela Merkel met Emmanuel Macron in Paris.\n\n\"We agree,\" Merkel said."
TEXT_B = "Merkel spoke in Berlin. Macron stayed in Paris."


def _mention(text: str, word: str, label: str, canonical: str, nth: int = 0) -> EntityMention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return EntityMention(start, start + len(word), word, label, canonical)


class FakeEngine:
    """A deterministic engine: entities and quotes from a table keyed by text."""

    def __init__(self, name: str = "fake/1") -> None:
        self.name = name
        self.calls = 0

    def annotate(self, text: str) -> Annotation:
        return next(self.annotate_many([text]))

    def annotate_many(self, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Annotation]:
        for text in texts:
            self.calls += 1
            yield self._one(text)

    def _one(self, text: str) -> Annotation:
        entities = []
        for word, label, canonical in (
            ("Angela Merkel", "PERSON", "Angela Merkel"), ("Emmanuel Macron", "PERSON", "Emmanuel Macron"),
            ("Paris", "PLACE", "Paris"), ("Berlin", "PLACE", "Berlin"),
        ):
            if word in text:
                entities.append(_mention(text, word, label, canonical))
        for word, canonical in (("Merkel", "Angela Merkel"), ("Macron", "Emmanuel Macron")):
            start = 0
            while (start := text.find(word, start)) >= 0:
                if not any(e.start <= start < e.end for e in entities):
                    entities.append(EntityMention(start, start + len(word), word, "PERSON", canonical))
                start += len(word)
        quotes = []
        if "We agree" in text:
            q = text.index("We agree")
            s = text.index("Merkel said")
            quotes.append(Quote(q, q + 9, "We agree,", "direct", "said", "Merkel", s, s + 6, "Angela Merkel"))
        return Annotation(sorted(entities, key=lambda e: e.start), quotes, self.name)


def _add(library: Library, text: str, name: str) -> int:
    parsed = ParsedDocument(name, text.encode(), "text", "utf-8", text=text, original_name=name)
    blocks = [Block(i, "paragraph", part, True) for i, part in enumerate(text.split("\n\n"))]
    return documents.insert_document(library, parsed, CleanResult(blocks=blocks, title=name))


@pytest.fixture
def library() -> Iterator[Library]:
    lib = Library.memory()
    yield lib
    lib.close()


def _annotate(library: Library, engine: FakeEngine) -> list[int]:
    steps = list(annotations.annotate_documents(library, is_cancelled=lambda: False, engine=engine))
    return [step.done for step in steps]


def test_annotate_stores_entities_and_quotes_library_wide(library: Library) -> None:
    a, b = _add(library, TEXT_A, "a.txt"), _add(library, TEXT_B, "b.txt")
    engine = FakeEngine()
    assert _annotate(library, engine)[-1] == 2
    rows = annotation_queries.document_entities(library.db, a)
    assert [r["text"] for r in rows] == ["Angela Merkel", "Emmanuel Macron", "Paris", "Merkel"]
    assert set(rows[0]) >= {"entity_id", "canonical", "label", "start", "end", "text", "hidden"}
    assert rows[0]["entity_id"] == rows[3]["entity_id"]
    quotes = annotation_queries.document_quotes(library.db, a)
    assert quotes[0]["speaker_canonical"] == "Angela Merkel" and quotes[0]["kind"] == "direct"
    assert quotes[0]["speaker_entity_id"] == rows[0]["entity_id"]
    merkel = next(e for e in annotation_queries.list_entities(library.db) if e["canonical"] == "Angela Merkel")
    assert (merkel["doc_count"], merkel["mention_count"]) == (2, 3)
    assert [d["doc_id"] for d in annotation_queries.entity_documents(library.db, merkel["entity_id"])] == [a, b]
    who = annotation_queries.list_quotes(library.db)
    assert who[0]["doc_id"] == a and who[0]["title"] == "a.txt" and who[0]["speaker_canonical"] == "Angela Merkel"
    summary = annotation_queries.entity_summary(library.db, a)
    assert summary[0]["canonical"] == "Angela Merkel" and summary[0]["count"] == 2
    assert library.db.execute("SELECT annotated_engine FROM documents WHERE id = ?", [a]).fetchone()[0] == "fake/1"


def test_only_pending_documents_are_annotated(library: Library) -> None:
    _add(library, TEXT_A, "a.txt")
    engine = FakeEngine()
    _annotate(library, engine)
    _annotate(library, engine)
    assert engine.calls == 1
    _annotate(library, FakeEngine("fake/2"))  # an engine upgrade re-annotates
    assert library.db.execute("SELECT annotated_engine FROM documents").fetchone()[0] == "fake/2"


def test_cancel_stops_between_batches(library: Library) -> None:
    for n in range(3):
        _add(library, f"{TEXT_B} {n}", f"{n}.txt")
    engine = FakeEngine()
    steps = list(annotations.annotate_documents(library, is_cancelled=lambda: engine.calls >= 1, engine=engine, batch_size=1))
    assert steps[-1].message == "Cancelled" and steps[-1].done == 1


def test_ensure_annotated(library: Library) -> None:
    doc = _add(library, TEXT_A, "a.txt")
    engine = FakeEngine()
    assert annotations.ensure_annotated(library, doc, engine=engine) is True
    assert annotations.ensure_annotated(library, doc, engine=engine) is False
    with pytest.raises(KeyError):
        annotations.ensure_annotated(library, 999, engine=engine)


def _entity(library: Library, canonical: str) -> dict:
    return next(e for e in annotation_queries.list_entities(library.db, all_labels=True) if e["canonical"] == canonical)


def test_corrections_survive_reannotation(library: Library) -> None:
    a, b = _add(library, TEXT_A, "a.txt"), _add(library, TEXT_B, "b.txt")
    _annotate(library, FakeEngine("fake/1"))
    merkel = _entity(library, "Angela Merkel")["entity_id"]
    entity_corrections.rename_entity(library, merkel, "Dr. Angela Merkel")
    macron = _entity(library, "Emmanuel Macron")["entity_id"]
    entity_corrections.retype_entity(library, macron, "ORG")
    paris, berlin = _entity(library, "Paris")["entity_id"], _entity(library, "Berlin")["entity_id"]
    kept = entity_corrections.merge_entities(library, paris, berlin)
    entity_corrections.set_entity_hidden(library, kept, True)
    mention = next(r for r in annotation_queries.document_entities(library.db, b) if r["text"] == "Merkel")
    split = entity_corrections.split_mention(library, mention["mention_id"], "Merkel (other)")

    def check() -> None:
        names = {e["canonical"]: e for e in annotation_queries.list_entities(library.db, all_labels=True)}
        assert "Angela Merkel" not in names and names["Dr. Angela Merkel"]["mention_count"] == 2
        assert names["Emmanuel Macron"]["label"] == "ORG"
        assert "Berlin" not in names and names["Paris"]["mention_count"] == 3 and names["Paris"]["hidden"] == 1
        assert names["Merkel (other)"]["mention_count"] == 1
        assert annotation_queries.document_quotes(library.db, a)[0]["speaker_canonical"] == "Dr. Angela Merkel"

    check()
    assert split == _entity(library, "Merkel (other)")["entity_id"]
    _annotate(library, FakeEngine("fake/2"))  # re-annotation from scratch
    check()
    assert len(entity_corrections.list_corrections(library.db)) == 5


def _set_text(library: Library, doc_id: int, text: str) -> None:
    """The document's cleaned text changes, as when a block is kept or removed by hand or the page is cleaned again."""
    with library.transaction() as db:
        db.execute("UPDATE documents SET text = ? WHERE id = ?", [text, doc_id])


def test_a_split_follows_its_mention_when_the_text_moves(library: Library) -> None:
    """The second "Macron" of three is split off. A paragraph kept by hand above it shifts the text: the split goes
    with its words, not to whichever "Macron" now sits at its old offsets; with its surroundings gone it waits."""
    text = "Macron arrived first.\n\nLater Macron spoke to the press about Berlin.\n\nMacron left at noon."
    doc = _add(library, text, "c.txt")
    _annotate(library, FakeEngine("fake/1"))
    second = [r for r in annotation_queries.document_entities(library.db, doc) if r["text"] == "Macron"][1]
    entity_corrections.split_mention(library, second["mention_id"], "Macron (the speaker)")
    # A paragraph kept above it, just long enough to bring the first "Macron" to the split one's old offsets.
    note = "A note kept by hand.".ljust(second["start"] - 2, ".")
    moved = note + "\n\n" + text
    assert moved[second["start"] : second["end"]] == "Macron"
    _set_text(library, doc, moved)
    _annotate(library, FakeEngine("fake/2"))

    def owners(body: str) -> list[str]:
        rows = annotation_queries.document_entities(library.db, doc)
        return [str(r["canonical"]) for r in rows if r["text"] == "Macron" and body[r["start"] : r["end"]] == "Macron"]

    assert owners(moved) == ["Emmanuel Macron", "Macron (the speaker)", "Emmanuel Macron"]
    _set_text(library, doc, "Macron arrived first.\n\nMacron left at noon.")  # the split's paragraph removed
    _annotate(library, FakeEngine("fake/3"))
    assert "Macron (the speaker)" not in {r["canonical"] for r in annotation_queries.document_entities(library.db, doc)}
    _set_text(library, doc, text)  # and kept again: the stored split applies again
    _annotate(library, FakeEngine("fake/4"))
    assert owners(text) == ["Emmanuel Macron", "Macron (the speaker)", "Emmanuel Macron"]


def test_a_split_recorded_without_its_surroundings_keeps_its_exact_place(library: Library) -> None:
    """Splits recorded before their surroundings were (and packets made then) still apply at their own offsets."""
    import json

    doc = _add(library, TEXT_B, "b.txt")
    _annotate(library, FakeEngine("fake/1"))
    start = TEXT_B.index("Macron")
    with library.transaction() as db:
        payload = {"doc_id": doc, "start": start, "end": start + 6, "text": "Macron", "to": ["Macron (old)", "PERSON"]}
        db["entity_corrections"].insert({"kind": "split", "payload": json.dumps(payload), "created_at": "2026-01-01T00:00:00"})
    _annotate(library, FakeEngine("fake/2"))
    assert [r["canonical"] for r in annotation_queries.document_entities(library.db, doc) if r["text"] == "Macron"] == ["Macron (old)"]
    _set_text(library, doc, "Also. " + TEXT_B)
    _annotate(library, FakeEngine("fake/3"))
    assert [r["canonical"] for r in annotation_queries.document_entities(library.db, doc) if r["text"] == "Macron"] == ["Emmanuel Macron"]


def test_rename_onto_an_existing_name_merges(library: Library) -> None:
    _add(library, TEXT_A, "a.txt")
    _annotate(library, FakeEngine())
    macron = _entity(library, "Emmanuel Macron")["entity_id"]
    merkel = _entity(library, "Angela Merkel")["entity_id"]
    assert entity_corrections.rename_entity(library, macron, "Angela Merkel") == merkel
    assert _entity(library, "Angela Merkel")["mention_count"] == 3
    with pytest.raises(ValueError):
        entity_corrections.rename_entity(library, merkel, "  ")


@pytest.mark.nlp
def test_real_engine_annotates_the_seed_in_a_library(library: Library) -> None:
    lines = (Path(__file__).resolve().parents[2] / "seeds" / "000_ebcec2d24457d197.txt").read_text().splitlines()
    doc = _add(library, "\n\n".join(line.strip() for line in lines[7:34] if line.strip()), "seed.txt")
    progress = list(annotations.annotate_documents(library, is_cancelled=lambda: False))
    assert progress[-1].done == 1
    entities = annotation_queries.document_entities(library.db, doc)
    # The seed writes "U.S." (never "United States"): the canonical name is the one the text gives.
    assert {"U.S.", "European Union", "Volodymyr Zelenskyy"} <= {e["canonical"] for e in entities}
    assert "United States" not in {e["canonical"] for e in entities}
    ids = {e["entity_id"] for e in entities if e["canonical"] == "U.S."}
    assert len(ids) == 1
    said = annotation_queries.list_quotes(library.db, query="Zelenskyy")
    assert any(q["text"].startswith("We and Russia") for q in said)


def test_alias_names_join_one_library_entity(library: Library) -> None:
    a, b, c = (_add(library, f"text {n}", f"{n}.txt") for n in range(3))
    annotations.store_annotation(library, a, Annotation([EntityMention(0, 4, "U.S.", "PLACE", "U.S.")], [], "x"))
    annotations.store_annotation(
        library, b, Annotation([EntityMention(0, 4, "United States", "PLACE", "United States")], [], "x")
    )
    annotations.store_annotation(library, c, Annotation([EntityMention(0, 4, "USA", "ORG", "USA")], [], "x"))
    first, second = (annotation_queries.document_entities(library.db, d)[0] for d in (a, b))
    assert first["entity_id"] == second["entity_id"] and second["canonical"] == "U.S."  # a name the library holds
    assert annotation_queries.document_entities(library.db, c)[0]["entity_id"] != first["entity_id"]  # other type: apart


def test_surname_alone_joins_the_library_person(library: Library) -> None:
    a, b, c = (_add(library, f"text {n}", f"{n}.txt") for n in range(3))
    full = Annotation([EntityMention(0, 4, "Olaf Scholz", "PERSON", "Olaf Scholz")], [], "x")
    alone = Annotation(
        [EntityMention(0, 4, "Scholz", "PERSON", "Scholz")],
        [Quote(5, 6, "t", "direct", "said", "Scholz", 0, 4, "Scholz")],
        "x",
    )
    annotations.store_annotation(library, a, full)
    annotations.store_annotation(library, b, alone)
    assert annotation_queries.document_entities(library.db, b)[0]["canonical"] == "Olaf Scholz"
    assert annotation_queries.document_quotes(library.db, b)[0]["speaker_canonical"] == "Olaf Scholz"
    annotations.store_annotation(library, c, Annotation([EntityMention(0, 4, "Anna Scholz", "PERSON", "Anna Scholz")], [], "x"))
    annotations.store_annotation(library, b, alone)  # two people of that name now: the surname stays apart
    assert annotation_queries.document_entities(library.db, b)[0]["canonical"] == "Scholz"
