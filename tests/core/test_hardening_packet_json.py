"""Issue #16, defects 2 and 3: verify sees everything in a packet's zip, and malformed packet JSON is one line."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hardening_packet_support import (
    _annotations,
    _folders,
    packet_fixture,  # noqa: F401 - fixture "packet"
)
from test_export_support import members, rewrite_zip, simple_cleaner

from triage_app.core import jobs
from triage_app.core.library import Library
from triage_app.core.records import ImportOutcome


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
