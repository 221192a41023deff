"""Hostile zip archives and briefing packets: none of these crash, hang, write outside the library or touch old documents."""

from __future__ import annotations

import gzip
import shutil
import zipfile
from pathlib import Path

import pytest
from hostile_support import (
    Sandbox,
    _no_hang,  # noqa: F401 - autouse fixture
    _one,
    sandbox_fixture,  # noqa: F401 - fixture "sandbox"
)

from triage_app.core import jobs
from triage_app.core.ingest import limits
from triage_app.core.library import Library


def test_zip_with_path_traversal_names(sandbox: Sandbox) -> None:
    archive = sandbox.inputs / "evil.zip"
    page = b"<html><title>Inside</title><p>A page in a zip.</p></html>"
    with zipfile.ZipFile(archive, "w") as zf:
        for name in ("../evil.html", "../../evil2.html", "/tmp/triage-evil.html", "a/../../evil3.html", "ok/good.html"):
            zf.writestr(name, page + name.encode())
        info = zipfile.ZipInfo("..\\evil4.html")
        zf.writestr(info, page + b"4")
    outcomes = sandbox.import_hostile(archive)
    by_status = {o.source.split("!/", 1)[1]: o for o in outcomes}
    assert by_status["ok/good.html"].status == "imported"
    unsafe = [o for o in outcomes if o.status == "failed"]
    assert len(unsafe) == 5 and all("unsafe name" in (o.reason or "") for o in unsafe)
    assert not Path("/tmp/triage-evil.html").exists()
    assert not list(sandbox.root.parent.rglob("evil*.html"))


def test_zip_bomb_and_gzip_bomb(sandbox: Sandbox) -> None:
    archive = sandbox.inputs / "bomb.zip"
    zeros = b"\0" * (64 * 1024 * 1024)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("bomb.html", zeros)
        zf.writestr("fine.html", b"<html><title>Fine</title><p>ok</p></html>")
    gz = sandbox.inputs / "bomb.html.gz"
    gz.write_bytes(gzip.compress(b" " * (64 * 1024 * 1024), compresslevel=9))
    assert archive.stat().st_size < 1024 * 1024
    outcomes = sandbox.import_hostile(archive, gz)
    reasons = {Path(o.source).name: (o.status, o.reason or "") for o in outcomes}
    assert reasons["fine.html"][0] == "imported"
    assert reasons["bomb.html"][0] == "failed" and "decompression bomb" in reasons["bomb.html"][1]
    assert reasons["bomb.html.gz"][0] == "failed" and "decompression bomb" in reasons["bomb.html.gz"][1]


def test_zip_size_and_member_limits(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    many = sandbox.inputs / "many.zip"
    with zipfile.ZipFile(many, "w") as zf:
        for n in range(6):
            zf.writestr(f"p{n}.txt", f"page number {n} with words".encode())
    monkeypatch.setattr(limits, "ZIP_MAX_MEMBERS", 5)
    outcome = _one(sandbox.import_hostile(many))
    assert outcome.status == "failed" and "more than 5 members" in (outcome.reason or "")
    monkeypatch.setattr(limits, "ZIP_MAX_MEMBERS", 10_000)
    monkeypatch.setattr(limits, "ZIP_MAX_TOTAL_BYTES", 60)  # each member is 25-26 bytes
    outcomes = sandbox.import_hostile(many)
    assert [o.status for o in outcomes] == ["imported", "imported"] + ["failed"] * 4
    assert "too large" in (outcomes[-1].reason or "")
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 10)
    big = sandbox.inputs / "big.txt"
    big.write_bytes(b"eleven bytes")
    assert "too large" in (_one(sandbox.import_hostile(big)).reason or "")


def test_zip_member_with_a_lying_size_header(sandbox: Sandbox) -> None:
    archive = sandbox.inputs / "liar.zip"
    body = b"<html><title>Liar</title>" + b"<p>padding words</p>" * 5000 + b"</html>"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("liar.html", body)
    raw = bytearray(archive.read_bytes())
    real = len(body).to_bytes(4, "little")
    small = (100).to_bytes(4, "little")
    assert raw.count(real) == 2  # local header and central directory both declare the size
    archive.write_bytes(bytes(raw).replace(real, small))
    outcome = _one(sandbox.import_hostile(archive))
    assert outcome.status == "failed" and "damaged" in (outcome.reason or "")


def test_zips_damaged_where_zipfile_raises_what_it_does_not_call_a_bad_zip(sandbox: Sandbox) -> None:
    """One flipped byte of the directory ("zip file version 7.8": NotImplementedError from `ZipFile()`, which stopped the
    whole import) and bytes cut out of a page's archive ("negative seek value": ValueError) fail in one line each."""
    page = b"<html><title>Harbour</title><p>The harbour reopened on Monday after the storm.</p></html>"
    version = sandbox.inputs / "version.zip"
    with zipfile.ZipFile(version, "w") as zf:
        zf.writestr("page.html", page)
    raw = bytearray(version.read_bytes())
    raw[raw.rfind(b"PK\x01\x02") + 6] = 78  # the version needed to extract: 7.8
    version.write_bytes(bytes(raw))
    cut = sandbox.inputs / "cut.html"  # a SingleFile self-extracting page: the page inside its archive
    with zipfile.ZipFile(sandbox.inputs / "inner.zip", "w") as zf:
        zf.writestr("index.html", page)
        zf.writestr("images/0.png", bytes(range(256)) * 40)
    inner = (sandbox.inputs / "inner.zip").read_bytes()
    (sandbox.inputs / "inner.zip").unlink()
    cut.write_bytes(b"<html data-sfz><body hidden><xmp>" + inner[:2000] + inner[2500:] + b"</xmp></body></html>")
    outcomes = sandbox.import_hostile(version, cut)
    assert [o.status for o in outcomes] == ["failed", "failed"], outcomes
    assert "zip file version 7.8" in (outcomes[0].reason or "") and "damaged" in (outcomes[1].reason or "")
    assert not any("unexpected" in (o.reason or "") for o in outcomes)


def _hostile_packet(root: Path) -> Path:
    """A real packet of one page whose annotations carry library-wide corrections and malformed entries."""
    import json
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from test_export_support import export, rewrite_zip

    sender = Library.open(root / "sender.sqlite")
    (root / "paris").mkdir()
    (root / "paris" / "paris.html").write_text("<html><title>A page about Paris</title><p>Paris hosted a meeting.</p></html>")
    list(jobs.import_documents(sender, [root / "paris" / "paris.html"]))
    export(sender, root / "plain.zip", title="-rf Paris")
    sender.close()
    with zipfile.ZipFile(root / "plain.zip") as archive:
        names = archive.namelist()
        annotations_name = next(n for n in names if n.endswith("annotations.json"))
        data = json.loads(archive.read(annotations_name))
    top = names[0].split("/", 1)[0] + "/"
    data["entity_corrections"] = [
        {"kind": "rename", "payload": {"from": ["Ukraine", "PLACE"], "to": ["Russia", "PLACE"]}},
        {"kind": "merge", "payload": {"from": ["Dmitry Peskov", "PERSON"], "to": ["Volodymyr Zelenskyy", "PERSON"]}},
        {"kind": "retype", "payload": {"from": ["NATO", "ORG"], "to": ["NATO", "PERSON"]}},
        {"kind": "rename", "payload": "a string"}, {"kind": "merge", "payload": [1, 2]},
        {"kind": "rename", "payload": {"from": [{}, []], "to": [None, 1]}},
    ]
    data["entities"] = [{"entity_id": [1], "start": 0, "end": 5, "text": "Paris", "canonical": "Paris", "label": "PLACE"}]
    data["quotes"] = [{"start": 0, "end": 5, "text": "Paris", "speaker_entity_id": {"x": 1}}]
    rewrite_zip(root / "plain.zip", root / "packet.zip", {annotations_name[len(top):]: json.dumps(data).encode()})
    return root / "packet.zip"


def test_hardening_hostile_packet_corrections_and_malformed_json(sandbox: Sandbox, tmp_path: Path) -> None:
    packet = _hostile_packet(tmp_path / "make")
    shutil.move(packet, sandbox.inputs / "packet.zip")
    seed_engine = sandbox.library.db.execute("SELECT annotated_engine FROM documents ORDER BY id").fetchall()
    outcome = _one(sandbox.import_hostile(sandbox.inputs / "packet.zip"))  # the old documents do not change
    assert outcome.status == "imported" and "left out" in (outcome.reason or "") and "\n" not in outcome.describe()
    assert sandbox.library.db.execute("SELECT annotated_engine FROM documents WHERE id <= 2 ORDER BY id").fetchall() == seed_engine
    scoped = sandbox.library.db.execute("SELECT count(*) FROM entity_corrections WHERE doc_ids IS NULL").fetchone()[0]
    assert scoped == 0  # every correction from the packet is limited to its document
    deep = sandbox.inputs / "deep.zip"
    with zipfile.ZipFile(sandbox.inputs / "packet.zip") as src, zipfile.ZipFile(deep, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.endswith("manifest.json"):
                body = body.rstrip()[:-1] + b', "deep": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
            dst.writestr(info, body)
    odd = sandbox.inputs / "odd.zip"
    with zipfile.ZipFile(odd, "w") as zf:
        zf.writestr("manifest.json", b'{"generator": "something else", "documents": 5}')
    outcomes = sandbox.import_hostile(deep, odd)
    assert [o.status for o in outcomes] == ["failed", "failed"]
    assert "nested too deeply" in (outcomes[0].reason or "") and "not a Triage briefing packet" in (outcomes[1].reason or "")
