"""Safari web archives (`.webarchive`): the page, its subresources and its frames from a property list."""

from __future__ import annotations

import plistlib
import zipfile
from pathlib import Path

import pytest

from triage_app.core import jobs
from triage_app.core.errors import IngestError
from triage_app.core.ingest import iter_inputs
from triage_app.core.ingest.readers import parse_bytes
from triage_app.core.library import Library, documents

SENTENCE = "The harbour board voted on Tuesday night to approve the long-delayed breakwater, ending a dispute."
PAGE = (
    "<html><head><meta charset='windows-1252'><title>Breakwater approved | Coast Gazette</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Breakwater approved</h1>"
    + "".join(f"<p>{n}. {SENTENCE} Caf\u00e9 owners cheered.</p>" for n in range(6))
    + "<img src='https://coast.example/pic.png'><iframe src='https://coast.example/frame.html'></iframe>"
    "</article><footer>Copyright 2026 Coast Gazette</footer></body></html>"
)
URL = "https://coast.example/news/breakwater"


def _archive(page: bytes = PAGE.encode("cp1252"), *, mime: str = "text/html", fmt: plistlib.PlistFormat = plistlib.FMT_BINARY) -> bytes:
    frame = {"WebMainResource": {"WebResourceData": b"<html><body><p>frame</p></body></html>", "WebResourceMIMEType": "text/html",
                                 "WebResourceURL": "https://coast.example/frame.html"},
             "WebSubresources": [{"WebResourceData": b"body{}", "WebResourceMIMEType": "text/css",
                                  "WebResourceURL": "https://coast.example/frame.css"}]}
    return plistlib.dumps({
        "WebMainResource": {"WebResourceData": page, "WebResourceMIMEType": mime, "WebResourceTextEncodingName": "windows-1252",
                            "WebResourceURL": URL, "WebResourceFrameName": ""},
        "WebSubresources": [{"WebResourceData": b"\x89PNG\r\n\x1a\n", "WebResourceMIMEType": "image/png",
                             "WebResourceURL": "https://coast.example/pic.png"}],
        "WebSubframeArchives": [frame],
    }, fmt=fmt)


@pytest.mark.parametrize("fmt", [plistlib.FMT_BINARY, plistlib.FMT_XML])
@pytest.mark.parametrize("name", ["page.webarchive", "page.bin"])
def test_a_safari_web_archive_is_read_with_its_resources(name: str, fmt: plistlib.PlistFormat) -> None:
    doc = parse_bytes(_archive(fmt=fmt), name=name, source_path=name)
    assert (doc.format, doc.url, doc.title) == ("webarchive", URL, "Breakwater approved | Coast Gazette")
    assert "Caf\u00e9 owners" in (doc.html or "")  # decoded with the archive's own text encoding
    assert [r.name for r in doc.resources] == ["https://coast.example/pic.png", "https://coast.example/frame.html",
                                                "https://coast.example/frame.css"]


@pytest.mark.parametrize("data, reason", [
    (_archive()[:60], "the Safari web archive is damaged"),
    (plistlib.dumps({"WebSubresources": []}, fmt=plistlib.FMT_BINARY), "not a Safari web archive"),
    (_archive(b"%PDF-1.7 ...", mime="application/pdf"), "holds a application/pdf file, not a web page"),
    (_archive(b"   "), "holds no page"),
])
def test_a_damaged_or_foreign_archive_fails_with_one_line(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=reason) as failure:
        parse_bytes(data, name="page.webarchive", source_path="page.webarchive")
    assert "\n" not in str(failure.value)


def test_web_archives_import_from_folders_and_zips_and_clean_like_pages(tmp_path: Path, fresh_library: Library) -> None:
    library = fresh_library
    folder = tmp_path / "captures"
    folder.mkdir()
    (folder / "breakwater.webarchive").write_bytes(_archive())
    with zipfile.ZipFile(tmp_path / "more.zip", "w") as archive:
        archive.writestr("inside/other.webarchive", _archive(PAGE.replace("Breakwater approved", "Pier closed").encode("cp1252")))
    assert len([item for item in iter_inputs([folder, tmp_path / "more.zip"]) if item.load]) == 2
    outcomes = [p.result for p in jobs.import_documents(library, [folder, tmp_path / "more.zip"]) if p.result]
    assert [o.doc_id is not None for o in outcomes] == [True, True], [o.describe() for o in outcomes]
    doc = documents.get_document(library.db, outcomes[0].doc_id)
    assert doc["format"] == "webarchive" and doc["url"] == URL
    assert SENTENCE in doc["text"] and "Copyright" not in doc["text"] and "Home" not in doc["text"]
