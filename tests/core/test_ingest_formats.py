"""The readers: html with its `_files` folder, MHTML, SingleFile, text, gzip, zip, folders."""

from __future__ import annotations

import gzip
import shutil
import zipfile
from pathlib import Path

import pytest

from triage_app.core.errors import IngestError
from triage_app.core.ingest import InputItem, iter_inputs
from triage_app.core.records import ParsedDocument

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def load_one(path: Path) -> ParsedDocument:
    items = list(iter_inputs([path]))
    assert len(items) == 1, [i.label for i in items]
    assert items[0].load is not None, items[0].error
    return items[0].load()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "ingest"
    shutil.copytree(DATA, target)
    return target


def test_html_page_with_its_files_folder(data_copy: Path) -> None:
    doc = load_one(data_copy / "saved_page.html")
    assert doc.format == "html"
    assert doc.charset == "utf-8"
    assert doc.title == "Harbour & Port Authority Opens New Terminal"  # not the svg icon's <title>
    assert doc.url == "https://news.example.org/2025/harbour-terminal"  # canonical beats og:url
    assert doc.original == (data_copy / "saved_page.html").read_bytes()
    assert doc.original_name == "saved_page.html"
    names = {r.name: r for r in doc.resources}
    assert set(names) == {"saved_page_files/a.png", "saved_page_files/css/site.css"}
    assert names["saved_page_files/a.png"].content_type == "image/png"
    assert names["saved_page_files/a.png"].data == (data_copy / "saved_page_files" / "a.png").read_bytes()
    assert "saved_page_files/a.png" in (doc.html or "")


def test_folder_does_not_import_the_files_folder_as_documents(data_copy: Path) -> None:
    (data_copy / "saved_page_files" / "inner.html").write_text("<html><title>x</title></html>")
    labels = [Path(i.label).name for i in iter_inputs([data_copy])]
    assert "inner.html" not in labels
    assert "site.css" not in labels and "a.png" not in labels
    assert labels == sorted(labels)
    assert {"saved_page.html", "grain.mhtml", "singlefile.html", "notes.md", "cp1251.html"} <= set(labels)


def test_og_url_used_without_canonical(tmp_path: Path) -> None:
    page = tmp_path / "p.htm"
    page.write_text('<html><head><meta content="https://a.example/x" property="og:url"><title>\n T  \n</title>')
    doc = load_one(page)
    assert doc.url == "https://a.example/x"
    assert doc.title == "T"


def test_mhtml_parts_and_headers(data_copy: Path) -> None:
    doc = load_one(data_copy / "grain.mhtml")
    assert doc.format == "mhtml"
    assert doc.url == "https://example.com/grain"
    assert doc.captured_at == "2025-12-15T16:46:00+00:00"
    assert doc.title == "Grain Exports Resume From Odesa"
    assert "Ships carrying grain left Odesa \u2014 again." in (doc.html or "")  # quoted-printable decoded
    assert [r.name for r in doc.resources] == ["https://example.com/img/ship.png"]
    assert doc.resources[0].data.startswith(b"\x89PNG")  # base64 decoded
    assert doc.original == (data_copy / "grain.mhtml").read_bytes()


def test_mhtml_with_mismatched_boundary_is_still_read(data_copy: Path) -> None:
    path = data_copy / "grain.mhtml"
    path.write_bytes(path.read_bytes().replace(b'boundary="----MultipartBoundary--abc123----"', b'boundary="WRONG"'))
    doc = load_one(path)
    assert doc.title == "Grain Exports Resume From Odesa"


def test_mhtml_without_any_boundary_fails_plainly(tmp_path: Path) -> None:
    path = tmp_path / "broken.mht"
    path.write_bytes(
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="XYZ"\r\n\r\n'
        b"Content-Type: text/html\r\n\r\n<html><body>no delimiters at all</body></html>\r\n"
    )
    with pytest.raises(IngestError, match="broken boundary"):
        load_one(path)


def test_singlefile_header(data_copy: Path) -> None:
    doc = load_one(data_copy / "singlefile.html")
    assert doc.format == "singlefile"
    assert doc.url == "https://www.example.net/world/ceasefire-talks"
    assert doc.captured_at == "2025-12-15T16:46:00+01:00"
    assert doc.title == "Ceasefire Talks Continue in Geneva"


def test_text_dump(data_copy: Path) -> None:
    doc = load_one(data_copy / "notes.md")
    assert doc.format == "text"
    assert doc.html is None
    assert doc.title == "Field notes: river crossing"
    assert "bridge was repaired" in (doc.text or "")


@pytest.mark.parametrize("name", ["saved_page.html", "grain.mhtml", "notes.md"])
def test_gzip_variants_keep_file_bytes_and_decode_content(data_copy: Path, name: str) -> None:
    plain = load_one(data_copy / name)
    packed = data_copy / f"{name}.gz"
    packed.write_bytes(gzip.compress((data_copy / name).read_bytes()))
    doc = load_one(packed)
    assert doc.original == packed.read_bytes()
    assert doc.original_name == f"{name}.gz"
    assert doc.format == plain.format
    assert doc.body_source == plain.body_source
    assert doc.title == plain.title


def test_gzipped_page_keeps_its_files_folder(data_copy: Path) -> None:
    packed = data_copy / "saved_page.html.gz"
    packed.write_bytes(gzip.compress((data_copy / "saved_page.html").read_bytes()))
    (data_copy / "saved_page.html").unlink()
    doc = load_one(packed)
    assert {r.name for r in doc.resources} == {"saved_page_files/a.png", "saved_page_files/css/site.css"}


def test_zip_members_with_files_folder(data_copy: Path, tmp_path: Path) -> None:
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(data_copy / "saved_page.html", "dump/saved_page.html")
        zf.write(data_copy / "saved_page_files" / "a.png", "dump/saved_page_files/a.png")
        zf.writestr("dump/saved_page_files/frame.html", "<html><title>frame</title></html>")
        zf.write(data_copy / "notes.md", "notes.md")
        zf.writestr("dump/page2.html.gz", gzip.compress(b"<html><title>Second</title><p>two</p></html>"))
        zf.writestr("__MACOSX/._notes.md", b"\x00\x05junk")
        zf.writestr("image.png", b"\x89PNG....")
    items = [i for i in iter_inputs([archive]) if not i.notice]
    labels = [i.label for i in items]
    assert labels == [f"{archive}!/dump/page2.html.gz", f"{archive}!/dump/saved_page.html", f"{archive}!/notes.md"]
    assert [i.notice for i in iter_inputs([archive]) if i.notice] == ["passed over 1 file that is not a page (.png 1)"]
    docs = [i.load() for i in items if i.load]
    assert docs[0].title == "Second" and docs[0].original_name == "page2.html.gz"
    assert {r.name for r in docs[1].resources} == {"saved_page_files/a.png", "saved_page_files/frame.html"}
    assert docs[1].source_path == f"{archive}!/dump/saved_page.html"
    assert docs[2].format == "text"


@pytest.mark.parametrize("manifest", ["manifest.json", "briefing-2025-12-15/manifest.json"])
def test_packet_zip_is_delegated_to_the_packet_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, manifest: str
) -> None:
    from triage_app.core.exchange import packet_reader

    archive = tmp_path / "packet.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(manifest, '{"generator": "triage-app 0.1", "documents": []}')
        zf.writestr("docs/a.html", "<html><title>A</title></html>")
    seen: list[Path] = []

    def iter_packet_inputs(path: Path) -> list[InputItem]:
        seen.append(path)
        return [InputItem("from the packet reader", error="fake")]

    monkeypatch.setattr(packet_reader, "iter_packet_inputs", iter_packet_inputs)
    assert [i.label for i in packet_reader.iter_inputs([archive])] == ["from the packet reader"]
    assert seen == [archive]
    assert all(i.label != "from the packet reader" for i in iter_inputs([archive]))  # plain ingest: a zip


def test_zip_with_other_generator_is_a_plain_zip(tmp_path: Path) -> None:
    archive = tmp_path / "other.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("manifest.json", '{"generator": "something else"}')
        zf.writestr("a.html", "<html><title>A</title></html>")
    [item, notice] = list(iter_inputs([archive]))
    assert item.load is not None and item.load().title == "A"
    assert notice.notice == "passed over 1 file that is not a page (.json 1)"


def test_missing_path_and_unknown_file_kind(tmp_path: Path) -> None:
    [missing] = list(iter_inputs([tmp_path / "nope.html"]))
    assert missing.error == "no such file or folder"
    noext = tmp_path / "README"
    noext.write_text("Plain words about the harbour.\n")
    assert load_one(noext).format == "text"
    sniffed = tmp_path / "page.dat"
    sniffed.write_text("<!doctype html><html><title>Sniffed</title></html>")
    assert load_one(sniffed).title == "Sniffed"


def test_mhtml_saved_under_an_html_name(data_copy: Path) -> None:
    path = data_copy / "grain.html"
    data = (data_copy / "grain.mhtml").read_bytes()
    path.write_bytes(data.replace(b"Subject:", b"X-Long: one\r\n\tcontinued\r\nSubject:"))
    doc = load_one(path)
    assert doc.format == "mhtml"
    assert doc.title == "Grain Exports Resume From Odesa"


def test_title_after_characters_whose_lowercase_is_longer(tmp_path: Path) -> None:
    page = tmp_path / "tr.html"
    page.write_text(
        "<html><head><!-- " + "\u0130" * 500 + ' --><title>\u0130stanbul g\u00f6r\u00fc\u015fmesi</title>'
        '<link rel="canonical" href="https://haber.example.tr/a"></head></html>',
        encoding="utf-8",
    )
    doc = load_one(page)
    assert doc.title == "\u0130stanbul g\u00f6r\u00fc\u015fmesi"
    assert doc.url == "https://haber.example.tr/a"


def test_repeated_unclosed_tags_give_no_title(tmp_path: Path) -> None:
    page = tmp_path / "junk.html"
    page.write_bytes(b"<html><head>" + b"<title>" * 100_000 + b"<link rel=canonical " * 50_000)
    doc = load_one(page)
    assert (doc.title, doc.url) == (None, None)


def test_mhtml_with_bare_newlines(data_copy: Path) -> None:
    path = data_copy / "grain.mhtml"
    path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n"))
    doc = load_one(path)
    assert doc.title == "Grain Exports Resume From Odesa"
    assert doc.resources[0].data.startswith(b"\x89PNG")


def test_text_title_guess_skips_page_furniture(seeds_copy: Path) -> None:
    doc = load_one(seeds_copy / "000_ebcec2d24457d197.txt")
    assert doc.title == "Conditional US Offer: NATO-Style Security for Ukraine"
