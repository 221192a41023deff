"""SingleFile's self-extracting ZIP pages: an HTML file that is also a ZIP archive holding the page."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from triage_app.core.errors import IngestError
from triage_app.core.ingest.readers import parse_bytes

PARAGRAPH = "<p>The committee met on Tuesday to discuss the proposal for the new bridge across the river.</p>"
INDEX = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Brücke über den Fluss</title>"
    "<link rel=stylesheet href=stylesheet_0.css></head><body><!--\n Page saved with SingleFile\n url: https://example.org/bridge\n"
    " saved date: Mon Dec 15 2025 16:46:00 GMT+0100 (Central European Standard Time)\n-->"
    f"<article><h1>Brücke über den Fluss</h1>{PARAGRAPH * 4}<img src=images/0.png></article></body></html>"
)
HEAD = b"<!DOCTYPE html><html data-sfz><meta charset=iso-8859-1><body hidden><script>/* unpacks the page */</script><xmp>"


def _archive(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _page(members: dict[str, bytes | str], head: bytes = HEAD, tail: bytes = b"</xmp></body></html>") -> bytes:
    return head + _archive(members) + tail


def test_the_archives_index_is_the_page_and_its_members_the_resources() -> None:
    data = _page({"index.html": INDEX, "stylesheet_0.css": "body{font-family:serif}", "images/0.png": b"\x89PNG\r\n\x1a\n" + bytes(64)})
    doc = parse_bytes(data, name="bridge.html", source_path="/dump/bridge.html")
    assert doc.html is not None and "Brücke über den Fluss" in doc.html
    assert doc.title == "Brücke über den Fluss" and doc.url == "https://example.org/bridge"
    assert doc.captured_at and doc.captured_at.startswith("2025-12-15")
    assert sorted(r.name for r in doc.resources) == ["images/0.png", "stylesheet_0.css"]
    assert doc.original == data and doc.original_name == "bridge.html"  # the file as it was, for export and copies


def test_singlefilez_keeps_the_page_in_the_archives_first_folder() -> None:
    data = _page({"page/index.html": INDEX, "page/images/0.png": b"\x89PNG", "other.txt": "not the page's"}, head=b"<html><body><xmp>")
    doc = parse_bytes(data, name="bridge.zip.html", source_path="/dump/bridge.zip.html")
    assert doc.title == "Brücke über den Fluss"
    assert [r.name for r in doc.resources] == ["images/0.png"]


def test_an_archive_without_a_page_or_that_cannot_be_read_says_so_in_one_line() -> None:
    with pytest.raises(IngestError, match=r"without an index\.html"):
        parse_bytes(_page({"notes.txt": "no page here"}), name="x.html", source_path="/x.html")
    damaged = HEAD + b"PK\x03\x04" + bytes(100) + b"PK\x05\x06" + bytes(10)
    with pytest.raises(IngestError, match="archive cannot be read"):
        parse_bytes(damaged, name="y.html", source_path="/y.html")


def test_an_archive_that_lost_bytes_says_it_is_damaged() -> None:
    """Bytes cut out of the archive's middle move every member before where its directory says: zipfile seeks before
    the start (a ValueError, reported as an unexpected reader error until it was counted as damage)."""
    photo = b"\x89PNG\r\n\x1a\n" + random.Random(7).randbytes(12_000)  # does not compress: the cut lands in it
    archive = _archive({"index.html": INDEX, "images/0.png": photo})
    cut = archive[: len(archive) // 3] + archive[len(archive) // 3 + 400 :]
    with pytest.raises(IngestError, match="damaged"):
        parse_bytes(HEAD + cut + b"</xmp></body></html>", name="cut.html", source_path="/cut.html")


def test_an_ordinary_page_is_not_taken_for_one() -> None:
    doc = parse_bytes(f"<html><body>{PARAGRAPH}</body></html>".encode(), name="plain.html", source_path="/plain.html")
    assert doc.resources == [] and "bridge" in (doc.html or "")


def test_the_reader_shows_the_archives_page_not_the_bootstrap() -> None:
    from triage_app.core.ingest.singlefile_zip import index_page

    data = _page({"index.html": INDEX})
    assert index_page(data) == INDEX.encode()  # the page the blocks' DOM paths point into
    assert index_page(b"<html><body><p>plain</p></body></html>") is None
    assert index_page(HEAD + b"PK\x03\x04 not an archive PK\x05\x06") is None
