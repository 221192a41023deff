"""Checking packets: the manifest verifies, one changed byte is caught, added and removed files are named."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from test_export_support import export, make_library, members, rewrite_zip

from triage_app import cli
from triage_app.core.export.verify import verify_packet


@pytest.fixture(scope="module")
def packet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("verify")
    library = make_library(base / "lib.sqlite", base / "pages")
    export(library, base / "packet.zip")
    library.close()
    return base / "packet.zip"


def test_a_fresh_packet_verifies(packet: Path) -> None:
    report = verify_packet(packet)
    assert report.ok, report.lines()
    assert report.checked == len(members(packet)) - 2
    assert report.lines()[-1].startswith("OK: all")
    assert report.fingerprint == hashlib.sha256(members(packet)["SHA256SUMS"]).hexdigest()


def test_one_changed_byte_is_detected(packet: Path, tmp_path: Path) -> None:
    name = next(n for n in members(packet) if n.startswith("documents/001-") and "/original." in n)
    flipped = bytearray(members(packet)[name])
    flipped[len(flipped) // 2] ^= 0x01
    bad = tmp_path / "bad.zip"
    rewrite_zip(packet, bad, {name: bytes(flipped)})
    report = verify_packet(bad)
    assert not report.ok
    assert report.changed == [name]
    assert report.added == [] and report.removed == []


def test_added_and_removed_files_are_named(packet: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    rewrite_zip(packet, bad, {"quotes.csv": None, "notes-from-someone.txt": b"hello"})
    report = verify_packet(bad)
    assert report.removed == ["quotes.csv"] and report.added == ["notes-from-someone.txt"] and report.changed == []


def test_an_edited_manifest_is_caught_by_sha256sums(packet: Path, tmp_path: Path) -> None:
    files = members(packet)
    manifest = json.loads(files["manifest.json"])
    manifest["title"] = "Someone else's title"
    bad = tmp_path / "bad.zip"
    rewrite_zip(packet, bad, {"manifest.json": json.dumps(manifest).encode()})
    assert verify_packet(bad).changed == ["manifest.json"]


def test_a_file_changed_together_with_its_manifest_entry_still_fails(packet: Path, tmp_path: Path) -> None:
    files = members(packet)
    manifest = json.loads(files["manifest.json"])
    new = b"forged"
    for entry in manifest["files"]:
        if entry["path"] == "briefing.md":
            entry.update(size=len(new), sha256=hashlib.sha256(new).hexdigest())
    bad = tmp_path / "bad.zip"
    rewrite_zip(packet, bad, {"briefing.md": new, "manifest.json": json.dumps(manifest).encode()})
    report = verify_packet(bad)
    assert not report.ok and "manifest.json" in report.changed


def test_not_a_packet(tmp_path: Path) -> None:
    plain = tmp_path / "plain.zip"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("a.txt", "x")
    assert not verify_packet(plain).ok
    (tmp_path / "junk.zip").write_bytes(b"not a zip")
    assert "cannot read" in verify_packet(tmp_path / "junk.zip").problems[0]


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="GNU coreutils sha256sum is not installed")
def test_a_broken_compressed_stream_is_reported_not_raised(packet: Path, tmp_path: Path) -> None:
    """A packet damaged in transit where a member's deflate stream starts: zlib's error, not a bad CRC (which zipfile
    names), stopped `verify` with a traceback."""
    data = bytearray(packet.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = max((i for i in archive.infolist() if i.compress_type == zipfile.ZIP_DEFLATED), key=lambda i: i.compress_size)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start : start + 8] = b"\xff" * 8  # "invalid block type"
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    report = verify_packet(damaged)
    assert not report.ok and any("cannot read the packet" in p for p in report.problems), report.lines()


def test_sha256sum_alone_checks_an_unpacked_packet(packet: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(packet) as archive:
        archive.extractall(tmp_path)
    folder = next(p for p in tmp_path.iterdir() if p.is_dir())
    ok = subprocess.run(["sha256sum", "--strict", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.count(": OK") == len(members(packet)) - 1  # every file but SHA256SUMS itself
    fingerprint = subprocess.run(["sha256sum", "SHA256SUMS"], cwd=folder, capture_output=True, text=True).stdout
    assert fingerprint.split()[0] == verify_packet(packet).fingerprint
    assert verify_packet(folder).ok and verify_packet(tmp_path).ok
    (folder / "briefing.md").write_bytes(b"changed")
    bad = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True)
    assert bad.returncode != 0 and "briefing.md: FAILED" in bad.stdout
    assert verify_packet(folder).changed == ["briefing.md"]


def test_verify_command_exit_codes(packet: Path, tmp_path: Path) -> None:
    out = io.StringIO()
    assert cli.run(["verify", str(packet)], stdout=out, stderr=io.StringIO()) == 0
    assert "OK: all" in out.getvalue()
    bad = tmp_path / "bad.zip"
    rewrite_zip(packet, bad, {"briefing.html": b"<p>swapped</p>", "extra.bin": b"1", "entities.csv": None})
    out = io.StringIO()
    assert cli.run(["verify", "--json", str(bad)], stdout=out, stderr=io.StringIO()) == 1
    data = json.loads(out.getvalue())
    assert data["changed"] == ["briefing.html"] and data["added"] == ["extra.bin"] and data["removed"] == ["entities.csv"]
    out = io.StringIO()
    assert cli.run(["verify", str(bad)], stdout=out, stderr=io.StringIO()) == 1
    assert "changed: briefing.html" in out.getvalue() and "FAILED" in out.getvalue()
