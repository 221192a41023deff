"""Removing documents: everything stored for them goes in one transaction, their copies' clusters are rebuilt,
the audit log keeps a line each, and the file can be imported again."""

from __future__ import annotations

from pathlib import Path

import pytest
from copies_helpers import write_wire_set

from triage_app.core import jobs
from triage_app.core.library import Library, annotations, near_dup_clusters, near_dups, triage
from triage_app.core.library.block_overrides import set_block_override
from triage_app.core.library.removal import remove_documents
from triage_app.core.records import Annotation, EntityMention, ImportOutcome, Quote

PER_DOCUMENT = ("originals", "resources", "blocks", "tags", "mentions", "quotes", "review_sample", "minhash_signatures",
                "minhash_segments", "cluster_members")


def _import(library: Library, paths: list[Path]) -> list[int]:
    outcomes = [p.result for p in jobs.import_documents(library, paths) if isinstance(p.result, ImportOutcome)]
    return [o.doc_id or 0 for o in outcomes]


def _rows(library: Library, table: str, doc_id: int) -> int:
    return int(library.db.execute(f"SELECT count(*) FROM {table} WHERE doc_id = ?", [doc_id]).fetchone()[0])


@pytest.fixture
def wire(tmp_path: Path) -> tuple[Library, dict[str, int], dict[str, Path]]:
    """Three copies of a wire story (one cluster) and another story, the copies annotated, tagged and noted."""
    library = Library.open(tmp_path / "library.sqlite")
    paths = write_wire_set(tmp_path)
    ids = dict(zip("abcx", _import(library, [paths[k] for k in "abcx"]), strict=True))
    for _ in near_dups.cluster_pending_job(library):
        pass
    for key in "abc":
        annotations.store_annotation(library, ids[key], Annotation(
            [EntityMention(0, 5, "Reuters", "ORG", "Reuters")], [Quote(0, 5, "Hello", "direct", "said", "Ann Lee")], "test"))
        triage.add_tags(library, ids[key], ["wire"])
        triage.set_note(library, ids[key], "check the source")
    with library.transaction() as db:
        db.execute("INSERT INTO review_sample (doc_id, stratum, picked, position) VALUES (?, 0, 1, 0)", [ids["b"]])
    set_block_override(library, ids["b"], 0, False)  # this page only
    set_block_override(library, ids["b"], 0, False, site_wide=True)  # every page of its site
    yield library, ids, paths
    library.close()


def test_removing_a_copy_removes_all_it_stored_and_rebuilds_its_cluster(wire: tuple[Library, dict[str, int], dict[str, Path]]) -> None:
    library, ids, paths = wire
    a, b, c, x = (ids[k] for k in "abcx")
    assert sorted(near_dup_clusters.cluster_of(library.db, a)) == sorted([a, b, c])
    assert all(_rows(library, table, b) for table in ("originals", "blocks", "tags", "mentions", "quotes", "review_sample"))
    assert remove_documents(library, [b, 9999]) == [b]
    db = library.db
    assert db.execute("SELECT count(*) FROM documents WHERE id = ?", [b]).fetchone()[0] == 0
    assert {table: _rows(library, table, b) for table in PER_DOCUMENT} == dict.fromkeys(PER_DOCUMENT, 0)
    assert db.execute("SELECT count(*) FROM near_pairs WHERE a = ? OR b = ?", [b, b]).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM overrides WHERE doc_id = ?", [b]).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM overrides WHERE doc_id IS NULL").fetchone()[0] == 1  # the site-wide one stays
    assert sorted(near_dup_clusters.cluster_of(db, a)) == sorted([a, c])  # the cluster, rebuilt without it
    info = near_dup_clusters.cluster_info(db, a)
    assert info is not None and info["size"] == 2
    assert db.execute("SELECT count(*) FROM documents_fts WHERE rowid = ?", [b]).fetchone()[0] == 0
    assert db.execute("SELECT total(n) FROM timeline_days").fetchone()[0] == 3
    assert _rows(library, "mentions", a) == 1 and triage.get_tags(db, a) == ["wire"]  # the others keep theirs
    log = [(r["field"], r["origin"]) for r in triage.audit_log(db, b)]
    assert log[-1] == ("removed", "user") and str(paths["b"]) in triage.audit_log(db, b)[-1]["old"]
    assert library.integrity_ok()
    # the same file imported again is a new document, not a duplicate of the removed one
    again = [p.result for p in jobs.import_documents(library, [paths["b"]]) if isinstance(p.result, ImportOutcome)]
    assert [o.status for o in again] == ["imported"] and again[0].doc_id not in (a, b, c, x)


def test_removing_the_representative_and_the_rest_leaves_no_cluster(wire: tuple[Library, dict[str, int], dict[str, Path]]) -> None:
    library, ids, _paths = wire
    cluster = near_dup_clusters.cluster_of(library.db, ids["a"])
    representative = near_dup_clusters.cluster_info(library.db, ids["a"])["representative"]  # type: ignore[index]
    remove_documents(library, [representative])
    left = cluster - {representative}
    assert [set(c) for c in near_dup_clusters.clusters(library.db)] == [left]
    assert near_dup_clusters.cluster_info(library.db, min(left))["representative"] in left  # type: ignore[index]
    remove_documents(library, [min(left)])
    assert near_dup_clusters.clusters(library.db) == []
    assert library.db.execute("SELECT count(*) FROM clusters").fetchone()[0] == 0


def test_a_failed_removal_removes_nothing(wire: tuple[Library, dict[str, int], dict[str, Path]], monkeypatch: pytest.MonkeyPatch) -> None:
    library, ids, _paths = wire
    before = library.db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def broken(*_args: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr("triage_app.core.library.removal.write_clusters", broken)
    with pytest.raises(RuntimeError):
        remove_documents(library, [ids["b"]])
    assert library.db.execute("SELECT count(*) FROM documents").fetchone()[0] == before
    assert _rows(library, "blocks", ids["b"]) and not [r for r in triage.audit_log(library.db, ids["b"]) if r["field"] == "removed"]


def test_work_that_read_a_document_before_it_was_removed_stores_nothing_for_it(
    wire: tuple[Library, dict[str, int], dict[str, Path]],
) -> None:
    """Annotating, re-cleaning and signing read a document, work on it, then write: a removal may come between."""
    from triage_app.core.clean import clean_document
    from triage_app.core.library.cleaning import load_parsed, store_reclean, stored_engine
    from triage_app.core.library.near_dups import _sign

    library, ids, _paths = wire
    doc_id = ids["x"]
    parsed, engine = load_parsed(library.db, doc_id), stored_engine(library.db, doc_id)
    remove_documents(library, [doc_id])
    annotations.store_annotation(library, doc_id, Annotation([EntityMention(0, 5, "Reuters", "ORG", "Reuters")], [], "test"))
    assert _rows(library, "mentions", doc_id) == 0
    with pytest.raises(KeyError):
        store_reclean(library, doc_id, clean_document(parsed), engine, audit_origin="upgrade")
    assert _rows(library, "blocks", doc_id) == 0
    with library.transaction() as db:
        _sign(db, [doc_id, ids["a"]])
    assert _rows(library, "minhash_signatures", doc_id) == 0 and _rows(library, "minhash_signatures", ids["a"]) == 1
    assert library.integrity_ok()


def _state(library: Library, doc_id: int) -> dict[str, object]:
    db = library.db
    counts = {table: _rows(library, table, doc_id) for table in PER_DOCUMENT}
    row = db.execute("SELECT * FROM documents WHERE id = ?", [doc_id]).fetchone()
    return {
        "row": row, **counts,
        "overrides": db.execute("SELECT count(*) FROM overrides WHERE doc_id = ?", [doc_id]).fetchone()[0],
        "pairs": db.execute("SELECT count(*) FROM near_pairs WHERE a = ? OR b = ?", [doc_id, doc_id]).fetchone()[0],
        "fts": db.execute("SELECT count(*) FROM documents_fts WHERE rowid = ?", [doc_id]).fetchone()[0],
    }


def test_a_removal_kept_for_undo_is_restored_as_it_was(wire: tuple[Library, dict[str, int], dict[str, Path]]) -> None:
    from triage_app.core.library import search
    from triage_app.core.library.removal_undo import remove_keeping_rows, restore_documents

    library, ids, _paths = wire
    b = ids["b"]
    before = _state(library, b)
    clusters_before = near_dup_clusters.clusters(library.db)
    timeline_before = library.db.execute("SELECT total(n) FROM timeline_days").fetchone()[0]
    removed, kept = remove_keeping_rows(library, [b, 9999])
    assert removed == [b] and kept is not None and _state(library, b)["row"] is None
    assert restore_documents(library, kept) == [b]
    assert _state(library, b) == before
    assert near_dup_clusters.clusters(library.db) == clusters_before
    assert library.db.execute("SELECT total(n) FROM timeline_days").fetchone()[0] == timeline_before
    assert b in {hit["id"] for hit in search.search(library.db, '"shipping channel"')}  # the search index has it again
    assert [r["field"] for r in triage.audit_log(library.db, b)][-2:] == ["removed", "restored"]
    assert triage.get_tags(library.db, b) == ["wire"] and library.integrity_ok()
    assert restore_documents(library, kept) == []  # a second undo finds it there: nothing written twice


def test_a_removal_too_large_to_keep_is_still_a_removal(wire: tuple[Library, dict[str, int], dict[str, Path]]) -> None:
    from triage_app.core.library import removal_undo

    library, ids, _paths = wire
    kept = removal_undo.keep_rows(library.db, [ids["a"], ids["b"]], limit=1000)
    assert kept is None


def test_undo_does_not_bring_back_a_file_imported_again_since(wire: tuple[Library, dict[str, int], dict[str, Path]]) -> None:
    from triage_app.core.library.removal_undo import remove_keeping_rows, restore_documents

    library, ids, paths = wire
    _removed, kept = remove_keeping_rows(library, [ids["b"], ids["c"]])
    assert kept is not None
    (again,) = _import(library, [paths["b"]])  # the same file, a new document
    assert restore_documents(library, kept) == [ids["c"]]  # before: a UNIQUE constraint failure undid nothing
    assert library.db.execute("SELECT count(*) FROM documents WHERE id IN (?, ?)", [ids["b"], again]).fetchone()[0] == 1
    assert library.integrity_ok()


def test_undo_after_other_rows_took_the_removed_rows_ids(wire: tuple[Library, dict[str, int], dict[str, Path]]) -> None:
    """Showing the next document annotates it: its new mention and quote rows take the ids the removed document's
    rows had (SQLite gives the highest id + 1 again). Seen in the app: the undo failed on mentions.id."""
    from triage_app.core.library.removal_undo import remove_keeping_rows, restore_documents

    library, ids, _paths = wire
    b = ids["c"]  # annotated last: its rows hold the highest ids
    before = _state(library, b)
    _removed, kept = remove_keeping_rows(library, [b])
    assert kept is not None
    annotations.store_annotation(library, ids["x"], Annotation(
        [EntityMention(0, 5, "Reuters", "ORG", "Reuters")], [Quote(0, 5, "Hello", "direct", "said", "Ann Lee")], "test"))
    taken = {r[0] for r in library.db.execute("SELECT id FROM mentions WHERE doc_id = ?", [ids["x"]])}
    assert taken & {row["id"] for row in kept.rows["mentions"]}  # the situation the test is about
    assert restore_documents(library, kept) == [b]
    assert _state(library, b) == before and library.integrity_ok()
