"""Entity pairs: the entities that appear with one entity most, and the documents holding both."""

from __future__ import annotations

from triage_app.core.library import Library, entity_pairs


def _doc(db, n: int) -> int:  # type: ignore[no-untyped-def]
    return int(db["documents"].insert({"sha256": f"h{n}", "size": 1, "format": "text", "imported_at": "2024"}).last_pk)


def test_co_occurring_entities_with_counts(fresh_library: Library) -> None:
    db = fresh_library.db
    names = {"Kyiv": "PLACE", "NATO": "ORG", "Zelenskyy": "PERSON", "Monday": "DATE", "Secret": "ORG"}
    ids = {n: int(db["entities"].insert({"canonical": n, "label": lab, "hidden": int(n == "Secret")}).last_pk)
           for n, lab in names.items()}
    docs = [_doc(db, n) for n in range(4)]
    holding = {
        docs[0]: ["Zelenskyy", "Kyiv", "NATO", "Monday", "Zelenskyy"],
        docs[1]: ["Zelenskyy", "Kyiv", "Secret"],
        docs[2]: ["Zelenskyy", "NATO", "NATO"],
        docs[3]: ["Kyiv", "NATO"],
    }
    for doc_id, found in holding.items():
        for k, name in enumerate(found):
            db["mentions"].insert({"doc_id": doc_id, "entity_id": ids[name], "start": k, "end": k + 1,
                                   "text": name, "label": names[name]})
    pairs = entity_pairs.co_occurring(db, ids["Zelenskyy"])
    assert [(p["canonical"], p["documents"]) for p in pairs] == [("Kyiv", 2), ("NATO", 2)]  # no DATE, no hidden
    assert entity_pairs.documents_with_both(db, ids["Zelenskyy"], ids["NATO"]) == [docs[0], docs[2]]
    with_dates = entity_pairs.co_occurring(db, ids["Zelenskyy"], labels=None)
    assert ("Monday", 1) in [(p["canonical"], p["documents"]) for p in with_dates]
