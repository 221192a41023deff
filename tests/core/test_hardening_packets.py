"""Issue #16, defect 14: the smaller packet and command-line defects, each with a test that failed before its fix."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from hardening_packet_support import (
    cli,
    import_packet,
    packet_fixture,  # noqa: F401 - fixture "packet"
)
from test_export_support import export, make_library, members, rewrite_zip

from triage_app.__main__ import wants_cli
from triage_app.cli import run
from triage_app.core import jobs
from triage_app.core.export.names import safe_name
from triage_app.core.library import Library, triage
from triage_app.core.records import ImportOutcome


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
