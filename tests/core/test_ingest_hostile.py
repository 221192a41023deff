"""Hostile input is normal input: none of these crash, hang, write outside the library or touch old documents."""

from __future__ import annotations

import errno
import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hostile_support import (
    DATA,
    Sandbox,
    _no_hang,  # noqa: F401 - autouse fixture
    _one,
    sandbox_fixture,  # noqa: F401 - fixture "sandbox"
)

from triage_app.core import jobs
from triage_app.core.library import Library, documents
from triage_app.core.records import ImportOutcome


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


def test_file_names_that_are_not_utf8_are_imported_and_reported(sandbox: Sandbox) -> None:
    """A Latin-1 disk's or an old archive's name (bytes 0xE9, 0xFF): Python reads them as lone surrogates, which
    SQLite refuses. Before, the first such file stopped the whole import with a traceback."""
    latin = sandbox.inputs / os.fsdecode(b"caf\xe9 \xff.html")
    latin.write_bytes(b"<title>Caf\xc3\xa9</title><p>" + b"The harbour cafe opened again on Monday. " * 20 + b"</p>")
    files = sandbox.inputs / os.fsdecode(b"caf\xe9 \xff_files")  # its saved folder, a style sheet named so too
    files.mkdir()
    (files / os.fsdecode(b"styl\xe9.css")).write_text("p { color: red }")
    empty = sandbox.inputs / os.fsdecode(b"empty \xe9.txt")
    empty.write_bytes(b"")
    after = sandbox.inputs / "zz after.txt"
    after.write_text("The file after them is imported too, as the import goes on.\n")
    outcomes = sandbox.import_hostile(sandbox.inputs)
    by_name = {o.source.rsplit("/", 1)[1]: o for o in outcomes}
    assert sorted(by_name) == ["caf\\xe9 \\xff.html", "empty \\xe9.txt", "zz after.txt"]
    assert by_name["caf\\xe9 \\xff.html"].status == "imported" and by_name["zz after.txt"].status == "imported"
    assert (by_name["empty \\xe9.txt"].status, by_name["empty \\xe9.txt"].reason) == ("failed", "the file is empty")
    doc = documents.get_document(sandbox.library.db, by_name["caf\\xe9 \\xff.html"].doc_id or 0)
    assert doc["source_path"] == f"{sandbox.inputs}/caf\\xe9 \\xff.html" and doc["original_name"] == "caf\\xe9 \\xff.html"
    assert documents.get_original(sandbox.library.db, doc["id"]) == latin.read_bytes()
    assert [r.name for r in documents.get_resources(sandbox.library.db, doc["id"])] == ["caf\\xe9 \\xff_files/styl\\xe9.css"]


@pytest.mark.parametrize("latin", [False, True], ids=["ascii", "latin-1"])
@pytest.mark.parametrize("label", ["rot13", "base64", "zlib", "hex", "uu", "bz2", "quopri", "idna", "punycode", "unicode_escape", "utf-7"])
def test_a_page_declaring_a_codec_that_is_no_text_encoding_is_read_as_undeclared(sandbox: Sandbox, label: str, latin: bool) -> None:
    """Python knows these names, but as byte transforms or escape syntaxes no browser reads a page in: the page
    failed to import ("unexpected error while reading (LookupError)") or was read through them. Browsers ignore the
    label; so does the import. UTF-7 would have turned "+ADw-b+AD4-" into "<b>"."""
    page = sandbox.inputs / "page.html"
    owners = "Caf\u00e9 owners" if latin else "Cafe owners"
    page.write_bytes(
        f'<html><head><meta charset="{label}"><title>Harbour</title></head><body><p>The harbour reopened on Monday,'
        f" the mayor said, after a week of repairs. Ships returned to the quay. {owners} were glad."
        "</p><p>+ADw-b+AD4-bold+ADw-/b+AD4-</p></body></html>".encode("cp1252")
    )
    outcome = _one(sandbox.import_hostile(page))
    assert outcome.status == "imported", outcome.reason
    doc = documents.get_document(sandbox.library.db, outcome.doc_id or 0)
    assert doc["charset"] in ("utf-8", "cp1252") and f"{owners} were glad" in doc["text"] and "+ADw-b+AD4-bold" in doc["text"]
