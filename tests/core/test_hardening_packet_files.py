"""Issue #16, defects 6 and 13: an interrupted export leaves no .part file, and a packet's originals are inert."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hardening_packet_support import (
    cli,
    import_packet,
    packet_fixture,  # noqa: F401 - fixture "packet"
)
from test_export_support import make_library, members

from triage_app.core.library import Library


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
