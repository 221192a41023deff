"""WARC, WARC.gz and WACZ files (made here with warcio) import one document per page, with their resources."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import brotli
import pytest
from format_samples import CSS, page_html, write_wacz, write_warc
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from triage_app.core import jobs
from triage_app.core.ingest import iter_inputs
from triage_app.core.ingest.containers import container_kind
from triage_app.core.library import Library, documents
from triage_app.core.records import ImportOutcome


def run(library: Library, *paths: Path) -> list[ImportOutcome]:
    return [p.result for p in jobs.import_documents(library, paths) if isinstance(p.result, ImportOutcome)]


@pytest.mark.parametrize("gzip", [True, False])
def test_each_page_of_a_warc_is_a_document_with_url_date_charset_and_resources(
    tmp_path: Path, fresh_library: Library, gzip: bool
) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    urls = write_warc(path, pages=3, gzip=gzip)
    outcomes = run(fresh_library, path)
    assert [o.status for o in outcomes] == ["imported"] * 3  # the 404 page, CSS and image are not documents
    db = fresh_library.db
    rows = [documents.get_document(db, o.doc_id or 0) for o in outcomes]
    assert [r["url"] for r in rows] == urls
    assert {r["format"] for r in rows} == {"warc"}
    assert rows[0]["title"] == "Harbour story number 0"
    assert rows[0]["captured_at"] == "2026-11-02T10:00:05Z"
    assert rows[0]["charset"] == "utf-8"
    assert "reopened its northern quay" in rows[1]["text"]
    resources = {r.name: r for r in documents.get_resources(db, rows[0]["id"])}
    assert set(resources) == {
        "https://news.example.org/style.css", "https://news.example.org/logo.png", "https://news.example.org/img/bg.png"
    }
    assert resources["https://news.example.org/style.css"].data == CSS
    assert resources["https://news.example.org/style.css"].content_type == "text/css"
    assert documents.get_original(db, rows[0]["id"]) == page_html(0).encode()


def test_reimport_skips_what_is_there(tmp_path: Path, fresh_library: Library) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, pages=2)
    first = run(fresh_library, path)
    again = run(fresh_library, path)
    assert [o.status for o in again] == ["duplicate", "duplicate"]
    assert [o.doc_id for o in again] == [o.doc_id for o in first]


def test_wacz_page_list_decides_which_pages_are_documents(tmp_path: Path, fresh_library: Library) -> None:
    warc = tmp_path / "data.warc.gz"
    urls = write_warc(warc, pages=3)
    wacz = tmp_path / "capture.wacz"
    write_wacz(wacz, warc, [urls[2], urls[0]])
    outcomes = run(fresh_library, wacz)
    assert sorted(o.source.split("!/", 1)[1] for o in outcomes) == sorted([urls[0], urls[2]])
    assert all(o.status == "imported" for o in outcomes)
    doc = documents.get_document(fresh_library.db, outcomes[0].doc_id or 0)
    assert len(documents.get_resources(fresh_library.db, doc["id"])) == 3


def test_content_detection_without_the_usual_names(tmp_path: Path) -> None:
    warc = tmp_path / "download.bin"
    write_warc(warc, pages=1)
    wacz = tmp_path / "capture.zip"
    plain = tmp_path / "plain.warc"
    write_warc(plain, pages=1, gzip=False)
    write_wacz(wacz, plain, [])
    assert container_kind(warc) == "warc"
    items = list(iter_inputs([wacz]))
    assert [i.label.split("!/")[1] for i in items] == ["https://news.example.org/story-0.html"]


def _record(writer: WARCWriter, url: str, body: bytes, headers: list[tuple[str, str]], rec_type: str = "response") -> None:
    http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, rec_type, payload=io.BytesIO(body), length=len(body), http_headers=http))


def test_brotli_chunked_revisit_and_frames(tmp_path: Path, fresh_library: Library) -> None:
    """Bodies are decoded here (Brotli, chunked); a revisit resolves by digest; iframes are not pages."""
    path = tmp_path / "odd.warc.gz"
    html = page_html(1, charset="windows-1252", sentence="Caf\u00e9 owners said the quay reopened.").replace(
        '"/style.css"', '"/v2/style.css"'
    )
    body = brotli.compress(html.encode("cp1252"))
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        _record(writer, "https://ex.org/style.css", CSS, [("Content-Type", "text/css")])
        revisit = writer.create_revisit_record(
            "https://ex.org/v2/style.css", digest=_sha1(CSS), refers_to_uri="https://ex.org/style.css",
            refers_to_date="2026-01-01T00:00:00Z",
        )
        writer.write_record(revisit)
        _record(writer, "https://ex.org/page", body, [("Content-Type", "text/html; charset=windows-1252"), ("Content-Encoding", "br")])
        chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(page_html(2).encode()), page_html(2).encode())
        _record(writer, "https://ex.org/chunked", chunked, [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")])
        writer.write_record(writer.create_warc_record(
            "https://ex.org/frame", "request", payload=io.BytesIO(b""), length=0,
            http_headers=StatusAndHeaders("GET /frame HTTP/1.1", [("Sec-Fetch-Dest", "iframe")], is_http_request=True),
        ))
        _record(writer, "https://ex.org/frame", page_html(3).encode(), [("Content-Type", "text/html")])
    outcomes = run(fresh_library, path)
    assert [(o.source.split("!/")[1], o.status) for o in outcomes] == [
        ("https://ex.org/page", "imported"), ("https://ex.org/chunked", "imported")
    ]
    db = fresh_library.db
    page = documents.get_document(db, outcomes[0].doc_id or 0)
    assert page["charset"] == "cp1252" and "Café owners said" in page["text"]
    assert next(r.data for r in documents.get_resources(db, page["id"])) == CSS  # the revisit, resolved
    assert "Story 2" in documents.get_document(db, outcomes[1].doc_id or 0)["text"]


def _sha1(data: bytes) -> str:
    import base64
    import hashlib

    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def test_a_warc_inside_a_zip(tmp_path: Path, fresh_library: Library) -> None:
    warc = tmp_path / "in.warc.gz"
    write_warc(warc, pages=2)
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(warc, "crawls/in.warc.gz")
    outcomes = run(fresh_library, archive)
    assert [o.status for o in outcomes] == ["imported", "imported"]
    assert outcomes[0].source.endswith("bundle.zip!/crawls/in.warc.gz!/https://news.example.org/story-0.html")


def test_pages_loaded_while_listing_still_get_resources_archived_after_them(tmp_path: Path) -> None:
    """`triage-app clean` loads each item as it is listed; the stylesheet comes after the page here."""
    path = tmp_path / "late.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        _record(writer, "https://late.example/a.html", page_html(1).replace('"/style.css"', '"https://late.example/style.css"').encode(),
                [("Content-Type", "text/html")])
        _record(writer, "https://late.example/style.css", CSS, [("Content-Type", "text/css")])
    loaded = [item.load() for item in iter_inputs([path]) if item.load is not None]
    assert [r.name for r in loaded[0].resources] == ["https://late.example/style.css"]


def test_listing_reports_progress_for_big_archives(tmp_path: Path, fresh_library: Library) -> None:
    path = tmp_path / "many.warc.gz"
    write_warc(path, pages=jobs.LISTING_PROGRESS_EVERY + 5)
    messages = [p.message for p in jobs.import_documents(fresh_library, [path]) if p.result is None]
    assert f"Looking for files… {jobs.LISTING_PROGRESS_EVERY} found" in messages


def test_wacz_extra_pages_list_counts_too(tmp_path: Path, fresh_library: Library) -> None:
    warc = tmp_path / "data.warc.gz"
    urls = write_warc(warc, pages=3)
    wacz = tmp_path / "crawl.wacz"
    write_wacz(wacz, warc, [urls[0]])
    with zipfile.ZipFile(wacz, "a") as zf:
        zf.writestr("pages/extraPages.jsonl", '{"format": "json-pages-1.0"}\n{"url": "%s"}\n' % urls[1])
    outcomes = run(fresh_library, wacz)
    assert sorted(o.source.split("!/", 1)[1] for o in outcomes) == [urls[0], urls[1]]


def test_a_body_stored_decoded_under_a_content_encoding_header(tmp_path: Path, fresh_library: Library) -> None:
    """Some recorders store the decoded body but keep `Content-Encoding: br`; the page still imports."""
    path = tmp_path / "decoded.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        _record(writer, "https://ex.org/p", page_html(4).encode(), [("Content-Type", "text/html"), ("Content-Encoding", "br")])
        _record(writer, "https://ex.org/bad", b"\x00\x01\x02garbage" * 50, [("Content-Type", "text/html"), ("Content-Encoding", "br")])
    outcomes = run(fresh_library, path)
    assert [o.status for o in outcomes] == ["imported", "failed"]
    assert "Brotli" in (outcomes[1].reason or "")
