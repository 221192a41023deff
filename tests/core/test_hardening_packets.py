"""Issue #16: the packet-related hardening defects, each with a test that failed before its fix."""

from __future__ import annotations

import collections
import io
import json
import zipfile
from pathlib import Path

import pytest
from test_export_support import (
    export,
    make_library,
    members,
    rewrite_zip,
    simple_cleaner,
)

from triage_app.__main__ import wants_cli
from triage_app.cli import run
from triage_app.core import jobs
from triage_app.core.exchange.packet_reader import iter_packet_inputs
from triage_app.core.export.names import safe_name
from triage_app.core.library import Library, triage
from triage_app.core.records import ImportOutcome


@pytest.fixture(scope="module")
def packet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("hardening")
    library = make_library(base / "lib.sqlite", base / "pages")
    export(library, base / "packet.zip")
    library.close()
    return base / "packet.zip"


def import_packet(library: Library, packet: Path) -> list[ImportOutcome]:
    return [jobs.import_item(library, item, cleaner=simple_cleaner) for item in iter_packet_inputs(packet)]


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


# -- defect 14: the smaller ones --------------------------------------------------------------
def test_d14_a_mistyped_subcommand_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert wants_cli(["lst"]) and wants_cli(["--library", "x.sqlite", "serach", "word"])
    assert not wants_cli([str(Path(__file__))])  # an existing file still opens in the window
    with pytest.raises(SystemExit) as exited:
        run(["lst"])
    assert exited.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_d14_json_before_the_subcommand(tmp_path: Path) -> None:
    lib = str(tmp_path / "lib.sqlite")
    code, out, err = cli("--json", "list", "--library", lib)
    assert code == 0 and json.loads(out) == [], err
    code, out, _ = cli("--json", "--library", lib, "list")
    assert code == 0 and json.loads(out) == []


def test_d14_a_title_starting_with_a_dash_makes_a_folder_cd_accepts(tmp_path: Path) -> None:
    for title in ("-rf briefing", "--help", " - dash", ".-x", "-"):
        name = safe_name(title, fallback="Briefing packet")
        assert not name.startswith(("-", ".", " ")), (title, name)
    library = make_library(tmp_path / "lib.sqlite", tmp_path / "pages")
    result, _ = export(library, tmp_path / "dash.zip", title="--delete everything")
    library.close()
    with zipfile.ZipFile(result.path) as archive:
        assert not archive.namelist()[0].startswith("-")


def test_d14_reimport_keeps_a_star_and_a_tag_removed_here_after_the_packet(packet: Path, tmp_path: Path) -> None:
    mine = Library.open(tmp_path / "mine.sqlite")
    first = import_packet(mine, packet)
    seed = first[0].doc_id
    assert seed is not None
    assert triage.get_tags(mine.db, seed) == ['=HYPERLINK("http://x")', "ukraine"]
    triage.set_starred(mine, seed, False)
    triage.remove_tags(mine, seed, ["ukraine"])
    again = import_packet(mine, packet)
    assert again[0].status == "duplicate"
    doc = mine.db.execute("SELECT starred FROM documents WHERE id = ?", [seed]).fetchone()
    assert doc[0] == 0 and triage.get_tags(mine.db, seed) == ['=HYPERLINK("http://x")']
    mine.close()


def test_d14_reimport_still_brings_a_star_given_after_the_local_removal(packet: Path, tmp_path: Path) -> None:
    mine = Library.open(tmp_path / "mine.sqlite")
    seed = import_packet(mine, packet)[0].doc_id
    assert seed is not None
    triage.set_starred(mine, seed, False)
    manifest = json.loads(members(packet)["manifest.json"])
    entry = manifest["documents"][0]
    entry["audit"] = [*entry.get("audit", []), {"at": "2999-01-01T00:00:00+00:00", "user": "colleague", "field": "starred",
                                                "old": "0", "new": "1"}]
    later = tmp_path / "later.zip"
    rewrite_zip(packet, later, {"manifest.json": json.dumps(manifest).encode()})
    import_packet(mine, later)
    assert mine.db.execute("SELECT starred FROM documents WHERE id = ?", [seed]).fetchone()[0] == 1
    mine.close()


def test_d14_a_zip_whose_manifest_is_not_a_packet_says_why(tmp_path: Path) -> None:
    odd = tmp_path / "odd.zip"
    with zipfile.ZipFile(odd, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"name": "some other tool", "files": []}))
    empty = tmp_path / "nothing.zip"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("image.png", b"\x89PNG")
    library = Library.memory()
    outcomes = [p.result for p in jobs.import_documents(library, [odd, empty]) if isinstance(p.result, ImportOutcome)]
    assert [o.status for o in outcomes] == ["failed", "failed"]
    assert "not a Triage briefing packet" in (outcomes[0].reason or "")
    assert "nothing importable" in (outcomes[1].reason or "")
    library.close()


# -- defect 2: verify sees everything in the zip ----------------------------------------------
def _add(src: Path, dst: Path, extra: list[tuple[str, bytes]], *, first: bool = False) -> None:
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w") as new:
        if first:
            for name, data in extra:
                new.writestr(name, data)
        for info in old.infolist():
            new.writestr(info, old.read(info))
        if not first:
            for name, data in extra:
                new.writestr(name, data)


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_d2_verify_fails_on_anything_outside_the_manifest(packet: Path, tmp_path: Path) -> None:
    from triage_app.core.export.verify import verify_packet

    assert verify_packet(packet).ok
    with zipfile.ZipFile(packet) as archive:
        top = archive.namelist()[0].split("/", 1)[0]
        briefing = archive.read(f"{top}/briefing.html")
    evil = b"<script>alert('evil')</script>"
    cases = {
        "root.zip": ([("briefing.html", evil)], False),
        "dup.zip": ([(f"{top}/briefing.html", evil)], True),
        "dir.zip": ([(f"{top}/extra/", b"")], False),
        "other-top.zip": ([("other/readme.txt", b"hi")], False),
    }
    for name, (extra, first) in cases.items():
        _add(packet, tmp_path / name, extra, first=first)
        report = verify_packet(tmp_path / name)
        assert not report.ok, name
        assert report.lines()[-1].startswith("FAILED"), name
    assert any("twice" in p for p in verify_packet(tmp_path / "dup.zip").problems)
    assert briefing  # the genuine copy is still last in dup.zip: Python would read it, unzip the evil one


# -- defect 3: malformed packet JSON ----------------------------------------------------------
def _folders(packet: Path) -> list[str]:
    return [d["folder"] for d in json.loads(members(packet)["manifest.json"])["documents"]]


def _annotations(packet: Path, number: int) -> dict:  # type: ignore[type-arg]
    return json.loads(members(packet)[f"{_folders(packet)[number]}/annotations.json"])  # type: ignore[no-any-return]


def _import_all(path: Path) -> list[ImportOutcome]:
    library = Library.memory()
    try:
        return [p.result for p in jobs.import_documents(library, [path], cleaner=simple_cleaner)
                if isinstance(p.result, ImportOutcome)]
    finally:
        assert library.integrity_ok()
        library.close()


def _one_line(outcome: ImportOutcome) -> bool:
    return "Traceback" not in outcome.describe() and "\n" not in outcome.describe()


@pytest.mark.parametrize("case", ["entity_id-list", "speaker-dict", "payload-string", "payload-list", "typeless-from",
                                  "deep-annotations"])
def test_d3_malformed_annotations_are_one_line_and_the_rest_goes_on(packet: Path, tmp_path: Path, case: str) -> None:
    data = _annotations(packet, 0)
    if case == "entity_id-list":
        data["entities"][0]["entity_id"] = [1, 2]
    elif case == "speaker-dict":
        data["quotes"][0]["speaker_entity_id"] = {"x": 1}
    elif case in ("payload-string", "payload-list", "typeless-from"):
        payload: object = {"string": "rename me", "list": [1, 2]}.get(case.split("-")[1], {"from": [{}, []], "to": [1, None]})
        data["entity_corrections"] = [{"kind": "rename", "payload": payload}, {"kind": "merge", "payload": 7}]
    raw = json.dumps(data).encode() if case != "deep-annotations" else b"[" * 100_000 + b"]" * 100_000
    bad = tmp_path / f"{case}.zip"
    rewrite_zip(packet, bad, {f"{_folders(packet)[0]}/annotations.json": raw})
    outcomes = _import_all(bad)
    assert [o.status for o in outcomes] == ["imported"] * 3, outcomes
    assert all(_one_line(o) for o in outcomes)
    assert "annotations.json" in (outcomes[0].reason or ""), outcomes[0].describe()


@pytest.mark.parametrize("case", ["documents-number", "url-object", "deep-manifest", "entry-fields"])
def test_d3_a_malformed_manifest_is_one_line(packet: Path, tmp_path: Path, case: str) -> None:
    manifest = json.loads(members(packet)["manifest.json"])
    if case == "documents-number":
        manifest["documents"] = 5
    elif case == "url-object":
        manifest["documents"][1]["url"] = {"href": "http://x"}
    elif case == "entry-fields":
        manifest["documents"][0]["folder"] = ["a"]
        manifest["documents"][1]["original"] = {"x": 1}
    raw = json.dumps(manifest).encode()
    if case == "deep-manifest":
        raw = raw[:-1] + b", \"deep\": " + b"[" * 100_000 + b"]" * 100_000 + b"}\n"
    bad = tmp_path / f"{case}.zip"
    rewrite_zip(packet, bad, {"manifest.json": raw})
    outcomes = _import_all(bad)
    assert outcomes and all(_one_line(o) for o in outcomes)
    if case in ("documents-number", "deep-manifest"):
        assert [o.status for o in outcomes] == ["failed"], outcomes
        assert "manifest.json" in (outcomes[0].reason or "")
    elif case == "url-object":
        assert [o.status for o in outcomes] == ["imported", "failed", "imported"], outcomes
        assert "url" in (outcomes[1].reason or "")
    else:
        assert [o.status for o in outcomes] == ["failed", "failed", "imported"], outcomes


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


# -- defect 6: an export onto a full disk, or killed, leaves no .part behind --------------------
def test_d6_export_onto_a_full_disk_is_one_line_and_leaves_no_part_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from triage_app.core.export import builder

    monkeypatch.setenv("TRIAGE_CONFIG_DIR", str(tmp_path / "cfg"))
    make_library(tmp_path / "lib.sqlite", tmp_path / "pages").close()
    real_add, real_close = builder._PacketZip.add, builder._PacketZip.close
    calls: list[str] = []

    def add(self: builder._PacketZip, relative: str, payload: bytes, *, listed: bool = True) -> None:
        calls.append(relative)
        if len(calls) == 4:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_add(self, relative, payload, listed=listed)

    def close(self: builder._PacketZip) -> None:
        if calls and len(calls) == 4:
            calls.append("closed")
            try:
                real_close(self)
            finally:
                raise OSError(errno.ENOSPC, "No space left on device")  # the central directory cannot be written
        real_close(self)

    monkeypatch.setattr(builder._PacketZip, "add", add)
    monkeypatch.setattr(builder._PacketZip, "close", close)
    out = tmp_path / "out"
    code, stdout, err = cli("export", "--library", str(tmp_path / "lib.sqlite"), "--out", str(out / "p.zip"),
                            "--title", "T", "--no-pdf")
    errors = [line for line in err.splitlines() if "not annotated yet" not in line]  # issue 17's warning aside
    assert code == 1 and stdout == "" and len(errors) == 1 and "full" in errors[0], err
    assert list(out.iterdir()) == []


def test_d6_a_killed_export_leaves_a_part_file_that_the_next_start_removes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess
    import sys

    from triage_app.core.export import partfiles

    monkeypatch.setenv("TRIAGE_CONFIG_DIR", str(tmp_path / "cfg"))
    killed = tmp_path / ".p-0123456789ab.part"
    script = ("import os, signal, sys; from pathlib import Path; from triage_app.core.export import partfiles; "
              f"partfiles.begin(Path({str(killed)!r})); os.kill(os.getpid(), signal.SIGKILL)")
    env = {**__import__("os").environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    assert subprocess.run([sys.executable, "-c", script], env=env, check=False).returncode == -9
    assert killed.exists()
    busy = tmp_path / ".q-0123456789ab.part"
    handle = partfiles.begin(busy)  # another export still writing: kept
    assert partfiles.clean_stale() == [killed]
    assert not killed.exists() and busy.exists()
    partfiles.end(busy, handle)
    assert partfiles.clean_stale() == []


# -- defect 13: originals in a packet are not live pages ---------------------------------------
def test_d13_originals_are_inert_by_name_and_verifiable_byte_for_byte(packet: Path, tmp_path: Path) -> None:
    import hashlib

    from triage_app.core.export.verify import verify_packet

    files = members(packet)
    manifest = json.loads(files["manifest.json"])
    originals = [d["original"] for d in manifest["documents"]]
    assert all(name.endswith(".txt") for name in originals), originals
    assert any(name.endswith("/original.html.txt") for name in originals)
    for d in manifest["documents"]:
        assert hashlib.sha256(files[d["original"]]).hexdigest() == d["original_sha256"]
    assert b"<script>" in files[next(n for n in originals if n.endswith(".html.txt") and "evil" in n)]
    assert verify_packet(packet).ok
    for name in ("briefing.html", "briefing.md"):
        assert "runs none of its scripts" in files[name].decode("utf-8"), name
    library = Library.memory()
    assert [o.status for o in import_packet(library, packet)] == ["imported"] * 3
    formats = [r[0] for r in library.db.execute("SELECT format FROM documents ORDER BY id")]
    assert formats == ["text", "html", "html"]  # read back by their recorded names, not as text
    library.close()
