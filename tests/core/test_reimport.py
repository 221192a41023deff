"""Importing a packet into a colleague's library: decisions reproduced, or merged without losing either side."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_export_support import export, make_library, members, rewrite_zip, simple_cleaner

from triage_app.core import jobs
from triage_app.core.exchange.packet_reader import iter_packet_inputs
from triage_app.core.library import Library, documents, entity_corrections, triage
from triage_app.core.records import ImportOutcome


@pytest.fixture(scope="module")
def packet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("reimport")
    library = make_library(base / "lib.sqlite", base / "pages")
    entity = {r[0]: r[1] for r in library.db.execute("SELECT canonical, id FROM entities")}
    entity_corrections.rename_entity(library, entity["Politico"], "Politico Europe")
    entity_corrections.set_entity_hidden(library, entity["Monday"], True)
    export(library, base / "packet.zip")
    library.close()
    return base / "packet.zip"


def import_packet(library: Library, packet: Path) -> list[ImportOutcome]:
    return [jobs.import_item(library, item, cleaner=simple_cleaner) for item in iter_packet_inputs(packet)]


def state(library: Library, doc_id: int | None) -> tuple[str, bool, list[str], str]:
    assert doc_id is not None
    doc = documents.get_document(library.db, doc_id)
    return doc["relevance"], bool(doc["starred"]), doc["tags"], doc["note"]


def test_a_second_library_gets_the_same_decisions(packet: Path, tmp_path: Path) -> None:
    second = Library.open(tmp_path / "colleague.sqlite")
    outcomes = import_packet(second, packet)
    assert [o.status for o in outcomes] == ["imported"] * 3, outcomes
    seed, hostile, plain = (o.doc_id for o in outcomes)
    assert state(second, seed) == ("relevant", True, ['=HYPERLINK("http://x")', "ukraine"],
                                   "Offer expires: <b>check</b> with desk")
    assert state(second, hostile) == ("maybe", False, ["hostile"], "")
    assert state(second, plain) == ("not-relevant", False, [], "")
    log = triage.audit_log(second.db, seed)
    assert log and {r["origin"] for r in log} == {"packet"}
    sender_rows = [r for r in log if r["field"] == "relevance" and r["new"] == "relevant"]
    assert len(sender_rows) >= 1
    # The sender's corrected entities and quotes come along, mapped onto this library's entities.
    names = {r[0] for r in second.db.execute(
        "SELECT e.canonical FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.doc_id = ?", [seed])}
    assert {"Steve Witkoff", "Volodymyr Zelenskyy", "NATO"} <= names
    speakers = [r[0] for r in second.db.execute(
        "SELECT e.canonical FROM quotes q JOIN entities e ON e.id = q.speaker_entity_id WHERE q.doc_id = ?", [seed])]
    assert speakers == ["Volodymyr Zelenskyy"]
    # ... and so do the analyst's corrections, stored by name so that re-annotation replays them.
    assert "Politico Europe" in names and "Politico" not in names
    assert second.db.execute("SELECT hidden FROM entities WHERE canonical = 'Monday'").fetchone()[0] == 1
    kinds = [(c["kind"], c["payload"]) for c in entity_corrections.list_corrections(second.db)]
    assert ("rename", {"from": ["Politico", "ORG"], "to": ["Politico Europe", "ORG"]}) in kinds
    assert ("hide", {"entity": ["Monday", "DATE"], "hidden": True}) in kinds
    # Importing the same packet again changes nothing and adds no audit rows.
    before = len(triage.audit_log(second.db))
    assert [o.status for o in import_packet(second, packet)] == ["duplicate"] * 3
    assert len(triage.audit_log(second.db)) == before
    assert state(second, seed)[0] == "relevant"
    second.close()


def test_a_duplicate_keeps_both_sides(packet: Path, tmp_path: Path) -> None:
    mine = Library.open(tmp_path / "mine.sqlite")
    outcomes = [p.result for p in jobs.import_documents(mine, [Path(__file__).resolve().parents[2] / "seeds" /
                                                               "000_ebcec2d24457d197.txt"], cleaner=simple_cleaner)]
    doc_id = outcomes[-1].doc_id
    triage.set_relevance(mine, doc_id, "maybe")
    triage.set_tags(mine, doc_id, ["mine"])
    triage.set_note(mine, doc_id, "My own note")
    results = import_packet(mine, packet)
    assert results[0].status == "duplicate" and results[0].doc_id == doc_id
    assert "differs: relevance" in results[0].describe()  # the import report says what differed
    relevance, starred, tags, note = state(mine, doc_id)
    assert relevance == "maybe"  # both decided: the local decision stays ...
    differs = [r for r in triage.audit_log(mine.db, doc_id) if r["field"].startswith("packet-differs:")]
    assert {"field": "packet-differs:relevance", "old": "maybe", "new": "relevant"} in [
        {k: r[k] for k in ("field", "old", "new")} for r in differs]  # ... and the difference is logged
    assert starred is True
    assert tags == ['=HYPERLINK("http://x")', "mine", "ukraine"]
    assert note.startswith("My own note") and "Offer expires: <b>check</b> with desk" in note
    origins = {r["origin"] for r in triage.audit_log(mine.db, doc_id)}
    assert origins == {"user", "packet"}
    mine.close()


def test_a_conflicting_local_correction_is_kept_and_the_difference_logged(packet: Path, tmp_path: Path) -> None:
    mine = Library.open(tmp_path / "mine.sqlite")
    seed = Path(__file__).resolve().parents[2] / "seeds" / "000_ebcec2d24457d197.txt"
    doc_id = [p.result for p in jobs.import_documents(mine, [seed], cleaner=simple_cleaner)][-1].doc_id
    politico = int(mine.db.table("entities").insert({"canonical": "Politico", "label": "ORG", "hidden": 0}).last_pk or 0)
    entity_corrections.rename_entity(mine, politico, "POLITICO (newspaper)")
    import_packet(mine, packet)
    renames = [c["payload"] for c in entity_corrections.list_corrections(mine.db) if c["kind"] == "rename"]
    assert renames == [{"from": ["Politico", "ORG"], "to": ["POLITICO (newspaper)", "ORG"]}]
    rows = [r for r in triage.audit_log(mine.db, doc_id) if r["field"] == "packet-differs:entity-correction"]
    assert [(r["old"], r["new"]) for r in rows] == [
        ("rename Politico (ORG) -> POLITICO (newspaper) (ORG)", "rename Politico (ORG) -> Politico Europe (ORG)")]
    mine.close()


def test_an_altered_original_is_refused(packet: Path, tmp_path: Path) -> None:
    name = next(n for n in members(packet) if n.startswith("documents/002-") and "/original." in n)
    bad = tmp_path / "bad.zip"
    rewrite_zip(packet, bad, {name: members(packet)[name] + b"<!-- tampered -->"})
    library = Library.memory()
    outcomes = import_packet(library, bad)
    assert [o.status for o in outcomes] == ["imported", "failed", "imported"]
    assert "does not match the SHA-256" in (outcomes[1].reason or "")
    library.close()


def test_a_packet_without_originals_says_so(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib.sqlite", tmp_path / "pages")
    export(library, tmp_path / "slim.zip", include_originals=False)
    library.close()
    items = list(iter_packet_inputs(tmp_path / "slim.zip"))
    assert len(items) == 3 and all("without this document's original" in (i.error or "") for i in items)


def test_import_documents_recognises_a_packet(packet: Path, tmp_path: Path) -> None:
    library = Library.memory()
    outcomes = [p.result for p in jobs.import_documents(library, [packet], cleaner=simple_cleaner)
                if isinstance(p.result, ImportOutcome)]
    assert [o.status for o in outcomes] == ["imported"] * 3
    assert state(library, outcomes[0].doc_id)[0] == "relevant"
    library.close()


def test_a_hostile_manifest_cannot_break_the_import(packet: Path, tmp_path: Path) -> None:
    import json

    manifest = json.loads(members(packet)["manifest.json"])
    first = manifest["documents"][0]
    first["decisions"] = {"relevance": "DROP TABLE", "starred": "yes", "tags": [1, None, " ok "], "note": {"x": 1}}
    first["audit"] = "not a list"
    manifest["documents"][1]["decisions"] = ["not", "a", "dict"]
    bad = tmp_path / "bad.zip"
    rewrite_zip(packet, bad, {"manifest.json": json.dumps(manifest).encode()})
    library = Library.memory()
    outcomes = import_packet(library, bad)
    assert [o.status for o in outcomes] == ["imported"] * 3
    assert state(library, outcomes[0].doc_id) == ("unreviewed", False, ["ok"], "")
    assert state(library, outcomes[1].doc_id) == ("unreviewed", False, [], "")
    library.close()
