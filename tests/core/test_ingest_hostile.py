"""Hostile input is normal input: none of these crash, hang, write outside the library or touch old documents."""

from __future__ import annotations

import errno
import gzip
import os
import random
import shutil
import signal
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from triage_app.core import jobs
from triage_app.core.ingest import limits
from triage_app.core.library import Library, documents
from triage_app.core.records import ImportOutcome

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
HANG_GUARD_S = 120


@pytest.fixture(autouse=True)
def _no_hang() -> Iterator[None]:
    """Fail (instead of hanging the run) when one import takes minutes."""

    def _alarm(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"import still running after {HANG_GUARD_S} s")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(HANG_GUARD_S)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    """Every path under `root` (symlinks not followed) with its size and modification time."""
    found: dict[str, tuple[int, int]] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            info = path.lstat()
            found[str(path.relative_to(root))] = (info.st_size, info.st_mtime_ns)
    return found


class Sandbox:
    """A library with two documents already in it, an input folder, and checks that nothing else changed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.inputs = root / "inputs"
        self.inputs.mkdir(parents=True)
        self.cwd = root / "cwd"
        self.cwd.mkdir()
        self.library = Library.open(root / "lib" / "library.sqlite")
        old = root / "old"
        old.mkdir()
        (old / "seed.html").write_bytes((DATA / "saved_page.html").read_bytes())
        (old / "notes.md").write_bytes((DATA / "notes.md").read_bytes())
        outcomes = self.run(old)
        assert [o.status for o in outcomes] == ["imported", "imported"], outcomes
        self.before = self.snapshot()

    def snapshot(self) -> dict[int, tuple[Any, ...]]:
        db = self.library.db
        return {
            row["id"]: (
                row,
                documents.get_original(db, row["id"]),
                [b.to_dict() for b in documents.get_blocks(db, row["id"])],
                [(r.name, r.data) for r in documents.get_resources(db, row["id"])],
            )
            for row in db.query("SELECT * FROM documents ORDER BY id")
        }

    def run(self, *paths: Path) -> list[ImportOutcome]:
        return [p.result for p in jobs.import_documents(self.library, paths) if isinstance(p.result, ImportOutcome)]

    def import_hostile(self, *paths: Path) -> list[ImportOutcome]:
        """Import, then check the old documents, the file system outside the library and the library's health."""
        outside = _tree(self.root.parent)
        outcomes = self.run(*paths)
        after = self.snapshot()
        assert {k: after[k] for k in self.before} == self.before
        changed = {k for k, v in _tree(self.root.parent).items() if outside.get(k) != v}
        assert all(k.startswith(f"{self.root.name}/lib") for k in changed), changed
        assert list(self.cwd.iterdir()) == []
        assert self.library.integrity_ok()
        for outcome in outcomes:
            assert outcome.status in ("imported", "duplicate", "failed")
            if outcome.status == "failed":
                assert outcome.reason and "Traceback" not in outcome.reason
        return outcomes


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Sandbox]:
    box = Sandbox(tmp_path / "box")
    monkeypatch.chdir(box.cwd)
    yield box
    box.library.close()


def _one(outcomes: list[ImportOutcome]) -> ImportOutcome:
    assert len(outcomes) == 1, outcomes
    return outcomes[0]


def test_empty_file(sandbox: Sandbox) -> None:
    path = sandbox.inputs / "empty.html"
    path.write_bytes(b"")
    (sandbox.inputs / "blank.txt").write_bytes(b"  \n\r\n ")
    outcomes = sandbox.import_hostile(sandbox.inputs)
    assert [(o.status, o.reason) for o in outcomes] == [("failed", "the file is empty")] * 2


def test_binary_file_named_html(sandbox: Sandbox) -> None:
    path = sandbox.inputs / "photo.html"
    path.write_bytes(random.Random(7).randbytes(50_000))
    outcome = _one(sandbox.import_hostile(path))
    assert (outcome.status, outcome.reason) == ("failed", "not a web page or text file (looks binary)")


def test_invalid_utf8(sandbox: Sandbox) -> None:
    path = sandbox.inputs / "bad.html"
    path.write_bytes(b'<meta charset="utf-8"><title>Bad \xff\xfe bytes</title><p>Some \xc3 words \xe2\x82 here.</p>')
    outcome = _one(sandbox.import_hostile(path))
    assert outcome.status == "imported"
    doc = documents.get_document(sandbox.library.db, outcome.doc_id or 0)
    assert doc["charset"] == "utf-8"
    assert documents.get_original(sandbox.library.db, doc["id"]) == path.read_bytes()


def test_utf16_with_bom_and_cp1251_meta(sandbox: Sandbox) -> None:
    outcomes = sandbox.import_hostile(DATA / "utf16_bom.html", DATA / "cp1251.html")
    assert [o.status for o in outcomes] == ["imported", "imported"]
    rows = [documents.get_document(sandbox.library.db, o.doc_id or 0) for o in outcomes]
    assert [r["charset"] for r in rows] == ["utf-16-le", "cp1251"]
    assert "Переговоры продолжаются" in rows[1]["text"]


@pytest.mark.slow
def test_20_mb_page(sandbox: Sandbox) -> None:
    para = b"<p>" + b"The harbour authority said the new terminal would open in the spring. " * 15 + b"</p>\n"
    path = sandbox.inputs / "huge.html"
    with path.open("wb") as handle:
        handle.write(b"<html><head><title>A very long page</title></head><body>\n")
        for _ in range(20 * 1024 * 1024 // len(para) + 1):
            handle.write(para)
        handle.write(b"</body></html>\n")
    assert path.stat().st_size > 20 * 1024 * 1024
    outcome = _one(sandbox.import_hostile(path))
    assert outcome.status == "imported", outcome
    assert documents.get_original(sandbox.library.db, outcome.doc_id or 0) == path.read_bytes()


def test_html_nested_100000_levels(sandbox: Sandbox) -> None:
    path = sandbox.inputs / "deep.html"
    path.write_bytes(
        b"<html><head><title>Deep page</title></head><body>"
        + b"<div>" * 100_000 + b"The innermost sentence is here." + b"</div>" * 100_000 + b"</body></html>"
    )
    outcome = _one(sandbox.import_hostile(path))
    assert outcome.status == "imported", outcome


def test_mhtml_with_broken_boundary(sandbox: Sandbox) -> None:
    broken = sandbox.inputs / "broken.mhtml"
    broken.write_bytes(
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----B1"\r\n\r\n'
        b"Content-Type: text/html\r\n\r\n<html><body>parts without delimiters</body></html>\r\n"
    )
    truncated = sandbox.inputs / "truncated.mhtml"
    good = (DATA / "grain.mhtml").read_bytes()
    truncated.write_bytes(good[: good.index(b"Content-Type: image/png")])  # no closing delimiter
    outcomes = sandbox.import_hostile(broken, truncated)
    assert outcomes[0].status == "failed" and "broken boundary" in (outcomes[0].reason or "")
    assert outcomes[1].status == "imported"


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


def test_folder_with_symlink_loop(sandbox: Sandbox) -> None:
    folder = sandbox.inputs / "tree"
    (folder / "a" / "b").mkdir(parents=True)
    (folder / "a" / "b" / "page.txt").write_text("A page deep in a looping tree.\n")
    (folder / "a" / "b" / "up").symlink_to(folder, target_is_directory=True)
    (folder / "self").symlink_to(".", target_is_directory=True)
    (folder / "a" / "dangling.html").symlink_to(folder / "missing.html")
    outcomes = sandbox.import_hostile(folder)
    assert [(Path(o.source).name, o.status) for o in outcomes] == [("page.txt", "imported")]


def test_unreadable_file(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = sandbox.inputs / "locked.html"
    locked.write_text("<html><title>Secret</title></html>")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the kernel's answer for this one file "permission denied"
        real_open: Callable[..., int] = os.open

        def guarded_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if Path(path) == locked:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", guarded_open)
    outcome = _one(sandbox.import_hostile(locked))
    assert (outcome.status, outcome.reason) == ("failed", "cannot read the file (permission denied)")
    locked.chmod(0o644)


def test_pipe_and_folder_named_like_pages(sandbox: Sandbox) -> None:
    fifo = sandbox.inputs / "pipe.html"
    os.mkfifo(fifo)
    (sandbox.inputs / "folder.html").mkdir()
    (sandbox.inputs / "folder.html" / "inner.txt").write_text("inside a folder called folder.html\n")
    outcomes = sandbox.import_hostile(sandbox.inputs)
    assert [(Path(o.source).name, o.status) for o in outcomes] == [("inner.txt", "imported")]
    explicit = _one(sandbox.import_hostile(fifo))
    assert explicit.status == "failed" and "not a regular file" in (explicit.reason or "")


def test_hardening_d12_a_text_dump_over_the_text_limit_is_refused_in_one_line(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 1000)
    dump = sandbox.inputs / "dump.txt"
    dump.write_bytes(b"A line of a long text dump.\n" * 100)
    packed = sandbox.inputs / "dump2.txt.gz"
    packed.write_bytes(gzip.compress(b"Another line of a long text dump.\n" * 100))
    sniffed = sandbox.inputs / "noext"
    sniffed.write_bytes(b"Plain words with no extension.\n" * 100)
    outcomes = sandbox.import_hostile(dump, packed, sniffed)
    assert [o.status for o in outcomes] == ["failed"] * 3, outcomes
    assert all("limit for text" in (o.reason or "") for o in outcomes)
    page = sandbox.inputs / "page.html"
    page.write_bytes(b"<html><title>Big page</title><p>" + b"words in a page " * 200 + b"</p></html>")
    assert _one(sandbox.import_hostile(page)).status == "imported"  # pages keep the general 200 MB limit


@pytest.mark.slow
def test_hardening_d12_a_190_mb_text_dump_stays_under_5x_its_size_in_memory(tmp_path: Path) -> None:
    import subprocess
    import sys

    dump = tmp_path / "dump.txt"
    line = b"Record 0000: the harbour authority logged a vessel arriving from the north at dawn.\n"
    with dump.open("wb") as handle:
        for _ in range(190 * 1024 * 1024 // len(line)):
            handle.write(line)
    size = dump.stat().st_size
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    # A fresh parent measures only its own child (this process's RUSAGE_CHILDREN holds every earlier test's).
    probe = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
             "sys.stdout.write(done.stdout + str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))")
    done = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "triage_app", "import", str(dump),
                           "--library", str(tmp_path / "l.sqlite"), "--workers", "0"],
                          env=env, capture_output=True, text=True, timeout=600, check=False)
    output, _, peak = done.stdout.rpartition("\n")
    peak_kib = int(peak)
    assert 0 < peak_kib * 1024 < 5 * size, (peak_kib, size)
    done = subprocess.CompletedProcess(done.args, done.returncode, output + "\n", done.stderr)
    assert "limit for text" in done.stdout and done.stdout.count("\n") == 2, done.stdout


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


def test_hardening_file_names_with_controls_and_the_same_files_imported_twice_at_once(sandbox: Sandbox) -> None:
    odd = sandbox.inputs / "two\nlines \x1b]0;pwned\x07.txt"
    odd.write_text("A page whose name holds a newline and an escape sequence.\n")
    second = Library.open(sandbox.library.path or Path())
    try:
        first = sandbox.import_hostile(odd)
        racing = [p.result for p in jobs.import_documents(second, [odd]) if isinstance(p.result, ImportOutcome)]
    finally:
        second.close()
    assert [o.status for o in first] == ["imported"] and [o.status for o in racing] == ["duplicate"]
    assert documents.get_document(sandbox.library.db, first[0].doc_id or 0)["source_path"] == str(odd)  # stored as it was


# -- web archives, PDF and e-mail (issue 14) ------------------------------------------------------


def test_warc_with_a_truncated_gzip_member(sandbox: Sandbox) -> None:
    from format_samples import write_warc

    whole = sandbox.root / "whole.warc.gz"
    write_warc(whole, pages=3)
    data = whole.read_bytes()
    cut = sandbox.inputs / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 900])  # ends inside the third page's gzip member
    good = sandbox.inputs / "good.txt"
    good.write_bytes((DATA / "notes.md").read_bytes().replace(b"#", b"") + b"\nAnother line of notes.")
    outcomes = sandbox.import_hostile(cut, good)
    assert [(o.source.rsplit("/", 1)[1], o.status) for o in outcomes if "story-" in o.source] == [
        ("story-0.html", "imported"), ("story-1.html", "imported"), ("story-2.html", "failed")
    ]
    failed = [o for o in outcomes if o.status == "failed"]
    assert len(failed) == 1 and "truncated" in (failed[0].reason or "") and "\n" not in (failed[0].reason or "")
    assert outcomes[-1].source.endswith("good.txt") and outcomes[-1].status == "imported"


def test_warc_with_a_lying_content_length(sandbox: Sandbox) -> None:
    from format_samples import write_warc

    plain = sandbox.root / "plain.warc"
    write_warc(plain, pages=2, gzip=False)
    data = plain.read_bytes()
    marker = data.index(b"WARC-Target-URI: https://news.example.org/story-0.html")
    length_at = data.index(b"Content-Length: ", marker) + len(b"Content-Length: ")
    end = data.index(b"\r\n", length_at)
    longer = sandbox.inputs / "longer.warc"
    longer.write_bytes(data[:length_at] + b"99999999" + data[end:])
    shorter = sandbox.inputs / "shorter.warc"
    shorter.write_bytes(data[:length_at] + b"120" + data[end:])
    outcomes = sandbox.import_hostile(longer, shorter)
    assert outcomes, "each file reports something"
    for outcome in outcomes:
        if outcome.status == "failed":
            assert "\n" not in (outcome.reason or "")
    assert any(o.status == "failed" for o in outcomes)


def _bomb_pdf(megabytes: int) -> bytes:
    import zlib

    packer = zlib.compressobj(9)
    stream = packer.compress(b"BT /F1 12 Tf 50 700 Td (Bomb text) Tj ET\n")
    chunk = b" " * (1024 * 1024)
    for _ in range(megabytes):
        stream += packer.compress(chunk)
    stream += packer.flush()
    body = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return b"%PDF-1.4\n" + b"".join(b"%d 0 obj\n%s\nendobj\n" % (n, o) for n, o in enumerate(body, 1)) + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def test_pdf_that_loops_or_bombs(sandbox: Sandbox) -> None:
    loop = sandbox.inputs / "loop.pdf"
    loop.write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj\n"
        b"3 0 obj << /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    bomb = sandbox.inputs / "bomb.pdf"
    bomb.write_bytes(_bomb_pdf(300))
    assert bomb.stat().st_size < 1024 * 1024
    outcomes = sandbox.import_hostile(bomb, loop)
    assert [o.status for o in outcomes] == ["failed", "failed"]
    assert "decompression bomb" in (outcomes[0].reason or "")
    assert "PDF" in (outcomes[1].reason or "")


def test_pdf_with_a_large_stream_is_checked_and_read(sandbox: Sandbox) -> None:
    """A browser's PDF of a page holds image streams of several MB: the bomb check used to spin forever on
    the byte zlib leaves after such a stream's end (found on a page printed to PDF by `make-dumps --pdf`)."""
    from triage_app.core.ingest.pdf_reader import check_inflation

    big = _bomb_pdf(6)  # 6 MB inflated, past the check's 4 MB read size, under its limit
    signal.alarm(10)
    check_inflation(big)
    signal.alarm(HANG_GUARD_S)
    page = sandbox.inputs / "big-stream.pdf"
    page.write_bytes(big)
    assert [o.status for o in sandbox.import_hostile(page)] != ["failed"]


def test_pdf_whose_title_is_thousands_of_separators_imports_in_seconds(sandbox: Sandbox) -> None:
    """The printed-page title finder cut a Title at its last separator and looked again, a scan of the whole
    Title per separator: 20,000 " | " took 13 s, 100,000 minutes."""
    from format_samples import make_pdf, paragraph_lines

    title = " | ".join(["word"] * 100_000)
    page = sandbox.inputs / "separators.pdf"
    page.write_bytes(make_pdf([[(60, 760, 18, "word"), *paragraph_lines("A short article about nothing much at all. " * 4, 720)]], title=title))
    signal.alarm(20)  # past it the alarm's error stops the cleaner, whose last resort keeps the Title as it is
    (outcome,) = sandbox.import_hostile(page)
    signal.alarm(HANG_GUARD_S)
    assert outcome.status == "imported" and outcome.doc_id is not None
    assert sandbox.library.db["documents"].get(outcome.doc_id)["title"] == "word"  # the part a line shows


def test_mime_bomb_with_thousands_of_parts(sandbox: Sandbox) -> None:
    parts = b"".join(b"--B\r\nContent-Type: text/plain\r\n\r\npart %d\r\n" % n for n in range(5000))
    bomb = sandbox.inputs / "bomb.eml"
    bomb.write_bytes(
        b"From: a@example.org\r\nTo: b@example.org\r\nSubject: many parts\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="B"\r\n\r\n' + parts + b"--B--\r\n"
    )
    outcome = _one(sandbox.import_hostile(bomb))
    assert outcome.status == "failed" and "MIME parts" in (outcome.reason or "")


def test_deeply_nested_attached_messages(sandbox: Sandbox) -> None:
    message = b"From: a@example.org\r\nSubject: innermost\r\n\r\nThe innermost text.\r\n"
    for level in range(300):
        message = (
            b"From: a@example.org\r\nTo: b@example.org\r\nSubject: level %d\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: multipart/mixed; boundary="L%d"\r\n\r\n--L%d\r\nContent-Type: text/plain\r\n\r\nLevel %d.\r\n'
            b"--L%d\r\nContent-Type: message/rfc822\r\n\r\n" % (level, level, level, level, level)
            + message + b"\r\n--L%d--\r\n" % level
        )
    nested = sandbox.inputs / "nested.eml"
    nested.write_bytes(message)
    outcomes = sandbox.import_hostile(nested)
    assert outcomes[0].status == "failed" and "nested too deeply" in (outcomes[0].reason or "")


def _peak_rss_of_import(path: Path, library: Path) -> int:
    """Peak RSS in bytes of `triage-app import PATH` run in a fresh child (measured by its own parent)."""
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    probe = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
             "sys.stdout.write(done.stdout + str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))")
    done = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "triage_app", "import", str(path),
                           "--library", str(library), "--workers", "0"],
                          env=env, capture_output=True, text=True, timeout=600, check=False)
    output, _, peak = done.stdout.rpartition("\n")
    assert "imported as #1" in output, (output, done.stderr)
    return int(peak) * 1024


@pytest.mark.slow
@pytest.mark.xfail(reason="issue 45: the dump cleaner used to drop nearly all of this dump (3 of 30,861 lines kept at 4 MB) "
                   "; rule 3 (prose groups) now keeps them, and importing 8 MB of kept prose "
                   "costs ~19.6x its size, as it already did on bdfd2db for a dump of one paragraph per line (19.7x); "
                   "issue 48 brought it to ~12.2x, the eighth session to ~12.1x (docs/performance.md: the store adds SQLite's ~40 MB to what the clean pass leaves)")
def test_hardening_d12_an_accepted_text_dump_costs_a_bounded_multiple_of_its_size(tmp_path: Path) -> None:
    import random

    rng = random.Random(12)
    words = ["the", "harbour", "authority", "logged", "a", "vessel", "arriving", "from", "north", "at", "dawn",
             "council", "minister", "said", "report", "police", "city", "government", "water", "market", "people"]
    dump = tmp_path / "dump.txt"
    with dump.open("w", encoding="utf-8") as handle:
        handle.write("Harbour log\n\n")
        i = 0
        while handle.tell() < 8 * 1024 * 1024:
            line = "Menu | Home | News" if i % 7 == 0 else " ".join(rng.choice(words) for _ in range(rng.randint(5, 40))) + f" {i}."
            handle.write(line + ("\n\n" if i % 5 == 0 else "\n"))
            i += 1
    tiny = tmp_path / "tiny.txt"
    tiny.write_text("A short dump of one line.\n", encoding="utf-8")
    baseline = _peak_rss_of_import(tiny, tmp_path / "a.sqlite")  # the interpreter and its libraries
    peak = _peak_rss_of_import(dump, tmp_path / "b.sqlite")
    size = dump.stat().st_size
    # Before the fix a dump cost ~13x its size on top of the baseline; now ~8x (goal: 5x, not reached).
    assert peak - baseline < 10 * size, ((peak - baseline) / size, baseline, peak, size)
