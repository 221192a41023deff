"""Relevance, star, tags and note: each change audited with old and new values."""

from __future__ import annotations

import pytest

from triage_app.core.library import Library, documents, triage
from triage_app.core.records import Block, CleanResult, ParsedDocument


def _add(library: Library, text: str = "Body text") -> int:
    parsed = ParsedDocument("/x.txt", text.encode(), "text", "utf-8", text=text, original_name="x.txt")
    return documents.insert_document(library, parsed, CleanResult([Block(0, "line", text, True)], title=text))


def test_every_change_goes_to_the_audit_log(fresh_library: Library) -> None:
    doc = _add(fresh_library)
    assert triage.set_relevance(fresh_library, doc, "relevant") == "unreviewed"
    assert triage.set_relevance(fresh_library, doc, "relevant") == "relevant"  # no-op, no row
    assert triage.toggle_star(fresh_library, doc) is True
    triage.add_tags(fresh_library, doc, ["nato", "ukraine", "nato"])
    triage.remove_tags(fresh_library, doc, ["nato"])
    triage.set_note(fresh_library, doc, "check the date")
    rows = triage.audit_log(fresh_library.db, doc)
    assert [(r["field"], r["old"], r["new"]) for r in rows] == [
        ("relevance", "unreviewed", "relevant"),
        ("starred", "0", "1"),
        ("tags", "", "nato, ukraine"),
        ("tags", "nato, ukraine", "ukraine"),
        ("note", "", "check the date"),
    ]
    assert all(r["user"] and r["at"] for r in rows)
    got = documents.get_document(fresh_library.db, doc)
    assert (got["relevance"], got["starred"], got["tags"], got["note"]) == ("relevant", 1, ["ukraine"], "check the date")


@pytest.mark.parametrize("spelling", ["not-relevant", "not_relevant", "Not Relevant", "irrelevant"])
def test_relevance_spellings(spelling: str) -> None:
    assert triage.normalise_relevance(spelling) == "not-relevant"


def test_unknown_relevance_and_document_are_refused(fresh_library: Library) -> None:
    doc = _add(fresh_library)
    with pytest.raises(ValueError):
        triage.set_relevance(fresh_library, doc, "important")
    with pytest.raises(KeyError):
        triage.set_relevance(fresh_library, doc + 100, "relevant")
    assert triage.audit_log(fresh_library.db) == []


def test_all_tags_counts(fresh_library: Library) -> None:
    a, b = _add(fresh_library, "one"), _add(fresh_library, "two")
    triage.add_tags(fresh_library, a, ["x", "y"])
    triage.add_tags(fresh_library, b, ["x"])
    assert triage.all_tags(fresh_library.db) == [("x", 2), ("y", 1)]


def _index_size(library: Library) -> tuple[int, int]:
    return tuple(library.db.execute("SELECT count(*), coalesce(sum(length(block)), 0) FROM documents_fts_data").fetchone())


def _found(library: Library, word: str) -> list[int]:
    return [row[0] for row in library.db.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?", [word])]


def test_decisions_leave_the_search_index_alone_and_a_new_text_replaces_it(fresh_library: Library) -> None:
    """Only a new title or text writes the document's terms again: a decision, a star or a note did too (the whole
    text out of the index and back in, a deletion record and a new copy each time)."""
    doc = _add(fresh_library, "The harbour reopened on Monday after the storm")
    before = _index_size(fresh_library)
    triage.set_relevance(fresh_library, doc, "relevant")
    triage.set_starred(fresh_library, doc, True)
    triage.set_note(fresh_library, doc, "ask the port authority")
    fresh_library.db.execute("UPDATE documents SET annotated_engine = 'x' WHERE id = ?", [doc])
    assert _index_size(fresh_library) == before
    assert _found(fresh_library, "harbour") == [doc]
    documents.replace_clean_result(fresh_library, doc, CleanResult([Block(0, "line", "The quay was closed", True)], title="Quay"))
    assert _found(fresh_library, "harbour") == [] and _found(fresh_library, "quay") == [doc]


def test_a_re_clean_that_keeps_the_text_leaves_the_search_index_alone(fresh_library: Library) -> None:
    """After an update of the cleaner every document is cleaned again and most texts stay as they were: setting the
    same text and title again re-wrote every document's terms (the index doubled in size on a re-clean of a library)."""
    doc = _add(fresh_library, "The harbour reopened on Monday after the storm")
    before = _index_size(fresh_library)
    same = CleanResult([Block(0, "line", "The harbour reopened on Monday after the storm", True)], title="The harbour reopened on Monday after the storm")
    documents.replace_clean_result(fresh_library, doc, same, engine="triage-clean/9.9")
    assert _index_size(fresh_library) == before
    got = documents.get_document(fresh_library.db, doc)
    assert got["clean_engine"] == "triage-clean/9.9" and _found(fresh_library, "harbour") == [doc]
