"""Issue #16, defects 1 and 9: a packet's corrections stay with its documents, its audit rows say where they came from."""

from __future__ import annotations

import collections
import json
from pathlib import Path

from hardening_packet_support import (
    _annotations,
    _folders,
    cli,
    import_packet,
    packet_fixture,  # noqa: F401 - fixture "packet"
)
from test_export_support import export, rewrite_zip, simple_cleaner

from triage_app.core import jobs
from triage_app.core.library import Library, triage
from triage_app.core.records import ImportOutcome

# -- defect 1: a packet's entity corrections stay with the packet's documents -------------------
PARIS = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>A page about Paris</title></head>
<body><p>Paris hosted a quiet meeting on Tuesday.</p></body></html>
"""


def test_d1_packet_corrections_apply_to_the_packets_documents_only(tmp_path: Path) -> None:
    from test_export_support import SEED, annotate_seed

    from triage_app.core.library import annotations as library_annotations
    from triage_app.core.records import Annotation, EntityMention

    sender = Library.open(tmp_path / "sender.sqlite")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "paris.html").write_text(PARIS, encoding="utf-8")
    paris = [p.result for p in jobs.import_documents(sender, [tmp_path / "in" / "paris.html"], cleaner=simple_cleaner)][-1]
    assert isinstance(paris, ImportOutcome) and paris.doc_id is not None
    export(sender, tmp_path / "plain.zip", title="Paris")
    sender.close()
    corrections = [{"kind": "rename", "payload": {"from": ["Ukraine", "PLACE"], "to": ["Russia", "PLACE"]}},
                   {"kind": "merge", "payload": {"from": ["Dmitry Peskov", "PERSON"], "to": ["Volodymyr Zelenskyy", "PERSON"]}},
                   {"kind": "retype", "payload": {"from": ["NATO", "ORG"], "to": ["NATO", "PERSON"]}}]
    folder = _folders(tmp_path / "plain.zip")[0]
    data = _annotations(tmp_path / "plain.zip", 0)
    data["entity_corrections"] = corrections
    rewrite_zip(tmp_path / "plain.zip", tmp_path / "paris.zip", {f"{folder}/annotations.json": json.dumps(data).encode()})

    mine = Library.open(tmp_path / "mine.sqlite")
    seed = [p.result for p in jobs.import_documents(mine, [SEED], cleaner=simple_cleaner)][-1]
    assert isinstance(seed, ImportOutcome) and seed.doc_id is not None
    annotate_seed(mine, seed.doc_id)
    mine.db.conn.commit()
    before = sorted(mine.db.execute("SELECT e.canonical, e.label FROM mentions m JOIN entities e ON e.id = m.entity_id "
                                    "WHERE m.doc_id = ?", [seed.doc_id]).fetchall())
    outcomes = import_packet(mine, tmp_path / "paris.zip")
    assert [o.status for o in outcomes] == ["imported"]
    packet_doc = outcomes[0].doc_id
    assert packet_doc is not None
    # the seed is not marked for re-annotation, and re-annotating it keeps its own names
    engine = mine.db.execute("SELECT annotated_engine FROM documents WHERE id = ?", [seed.doc_id]).fetchone()[0]
    assert engine == "test-engine/1"
    fresh = Annotation([EntityMention(0, 4, "NATO", "ORG", "NATO"), EntityMention(5, 11, "Peskov", "PERSON", "Dmitry Peskov")],
                       [], "test-engine/2")
    library_annotations.store_annotation(mine, seed.doc_id, fresh)
    after = sorted(mine.db.execute("SELECT e.canonical, e.label FROM mentions m JOIN entities e ON e.id = m.entity_id "
                                   "WHERE m.doc_id = ?", [seed.doc_id]).fetchall())
    assert after == [("Dmitry Peskov", "PERSON"), ("NATO", "ORG")], (before, after)
    # ... while the packet's own document gets the sender's corrections
    library_annotations.store_annotation(mine, packet_doc, fresh)
    theirs = sorted(mine.db.execute("SELECT e.canonical, e.label FROM mentions m JOIN entities e ON e.id = m.entity_id "
                                    "WHERE m.doc_id = ?", [packet_doc]).fetchall())
    assert theirs == [("NATO", "PERSON"), ("Volodymyr Zelenskyy", "PERSON")]
    assert not [r for r in triage.audit_log(mine.db, seed.doc_id) if r["origin"] == "packet"]  # `log 1` shows nothing
    assert [r for r in triage.audit_log(mine.db, packet_doc) if r["field"] == "entity-correction"]
    mine.close()


# -- defect 9: packet audit rows say where they came from, and arrive in bulk -------------------
def test_d9_packet_audit_rows_show_their_origin_and_import_in_bulk(packet: Path, tmp_path: Path) -> None:
    from triage_app.core.exchange.reimport import apply_packet_member

    mine = Library.open(tmp_path / "mine.sqlite")
    outcomes = import_packet(mine, packet)
    seed = outcomes[0].doc_id
    assert seed is not None
    mine.close()
    code, out, _ = cli("log", "1", "--library", str(tmp_path / "mine.sqlite"))
    lines = out.splitlines()
    assert code == 0 and lines and all("from packet" in line for line in lines if " packet-" not in line), out
    assert any("packet-import" in line and "Ukraine talks" in line for line in lines), out
    mine = Library.open(tmp_path / "mine.sqlite")
    rows = [{"at": f"2026-01-01T00:{n // 60 % 60:02d}:{n % 60:02d}+00:00", "user": "them", "field": "tags",
             "old": str(n), "new": str(n + 1)} for n in range(20_000)]
    statements: list[str] = []
    mine.db.conn.set_trace_callback(statements.append)
    apply_packet_member(mine, seed, {"audit": rows, "packet_title": "Big"}, duplicate=True)
    mine.db.conn.set_trace_callback(None)
    lookups = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(lookups) < 50, collections.Counter(s[:60] for s in lookups).most_common(5)  # not one per row
    assert mine.db.execute("SELECT count(*) FROM audit WHERE doc_id = ? AND user = 'them'", [seed]).fetchone()[0] == 20_000
    apply_packet_member(mine, seed, {"audit": rows, "packet_title": "Big"}, duplicate=True)  # again: nothing new
    assert mine.db.execute("SELECT count(*) FROM audit WHERE doc_id = ? AND user = 'them'", [seed]).fetchone()[0] == 20_000
    mine.close()
