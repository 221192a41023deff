"""Hostile web archives, PDFs and e-mails: none of these crash, hang, write outside the library or touch old documents."""

from __future__ import annotations

import signal

from hostile_support import (
    DATA,
    HANG_GUARD_S,
    Sandbox,
    _no_hang,  # noqa: F401 - autouse fixture
    _one,
    sandbox_fixture,  # noqa: F401 - fixture "sandbox"
)

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
