"""Building a briefing packet: every file present, listed and hashed; safe HTML; DOCX, Markdown, CSV."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from test_export_support import export, make_library, manifest_of, members

from triage_app.core.export import html as briefing_html
from triage_app.core.export.briefing_sanitiser import sanitise
from triage_app.core.export.builder import build_packet
from triage_app.core.library import Library
from triage_app.core.library.document_filter import DocumentFilter

TOP_FILES = {
    "briefing.html", "briefing.pdf", "briefing.docx", "briefing.md", "documents.csv", "entities.csv", "quotes.csv",
    "decisions.csv", "manifest.json", "SHA256SUMS",
}


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    library = make_library(tmp_path / "lib.sqlite", tmp_path / "pages")
    yield library
    library.close()


@pytest.fixture
def packet(library: Library, tmp_path: Path) -> Path:
    export(library, tmp_path / "out" / "packet.zip")
    return tmp_path / "out" / "packet.zip"


def test_packet_holds_every_file(packet: Path) -> None:
    files = members(packet)
    assert set(files) >= TOP_FILES
    folders = sorted({name.split("/")[1] for name in files if name.startswith("documents/")})
    assert len(folders) == 3 and [f[:4] for f in folders] == ["001-", "002-", "003-"]
    for folder in folders:
        inside = {name.split("/")[2] for name in files if name.startswith(f"documents/{folder}/")}
        assert {"cleaned.txt", "annotations.json"} <= inside
        assert any(n.startswith("original.") for n in inside)
    with __import__("zipfile").ZipFile(packet) as archive:
        assert archive.namelist()[0].startswith("Ukraine talks- Berlin - December-/")


def test_manifest_lists_every_file_with_size_and_hash(packet: Path, library: Library) -> None:
    files = members(packet)
    manifest = manifest_of(packet)
    assert manifest["format_version"] == 1
    assert manifest["generator"].startswith("triage-app ")
    assert manifest["title"] == "Ukraine talks: Berlin / December?"
    assert manifest["selection_criteria"] == "all documents"
    listed = {f["path"]: f for f in manifest["files"]}
    assert set(listed) == set(files) - {"manifest.json", "SHA256SUMS"}
    for path, entry in listed.items():
        assert entry["size"] == len(files[path])
        assert entry["sha256"] == hashlib.sha256(files[path]).hexdigest()
    recorded = {r[0]: r[1] for r in library.db.execute("SELECT id, sha256 FROM documents")}
    for doc in manifest["documents"]:
        assert doc["original_sha256"] == recorded[doc["library_id"]]
        assert hashlib.sha256(files[doc["original"]]).hexdigest() == doc["original_sha256"]
    assert manifest["documents"][0]["decisions"] == {
        "relevance": "relevant", "starred": True, "tags": ["=HYPERLINK(\"http://x\")", "ukraine"],
        "note": "Offer expires: <b>check</b> with desk",
    }


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_briefing_html_runs_and_loads_nothing(packet: Path) -> None:
    page = members(packet)["briefing.html"].decode("utf-8")
    assert "<script" not in page.lower()
    assert not re.search(r"\b(src|href|action|srcset|poster|data)\s*=\s*[\"']?\s*(https?:|//|javascript:)", page, re.I)
    assert not re.search(r"url\(\s*['\"]?\s*(https?:|//)", page, re.I)
    assert "@import" not in page
    collector = _TagCollector()
    collector.feed(page)
    names = {tag for tag, _ in collector.tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "link", "base", "form", "math", "video"}
    assert names & {"svg", "rect"} <= {"svg", "rect"}  # inline SVG only as the packet's own timeline
    for tag, attrs in collector.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        if "href" in attrs:
            assert (attrs["href"] or "").startswith("#")
    csp = [a for t, a in collector.tags if t == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy"]
    assert csp and "default-src 'none'" in (csp[0]["content"] or "")
    # The hostile title and text are shown, as text.
    assert 'Evil &lt;script&gt;alert(1)&lt;/script&gt; "&gt;&lt;img src=x onerror=alert(1)&gt;' in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    for odd in ("﷽", "𝕏", "e\u0301", "🧨", "漢字", "مرحبا", "\u202e"):
        assert odd in page
    assert "\u0007" not in page and "control \ufffd bell" in page  # HTML may not hold control characters
    assert "live script in the original" not in page


def test_briefing_html_has_the_parts_of_a_briefing(packet: Path) -> None:
    page = members(packet)["briefing.html"].decode("utf-8")
    for part in ("Ukraine talks: Berlin / December?", "A. Analyst", "INTERNAL USE ONLY", "all documents", "Contents",
                 "Index of entities", "Index of speakers", "SHA-256 of original", "Key quotes"):
        assert part in page, part
    assert page.count('<section class="document"') == 3
    assert '<span class="ent ent-PERSON" title="PERSON: Steve Witkoff">Steve Witkoff</span>' in page
    assert '<span class="q">' in page
    assert "a senior U.S. official" in page and "Volodymyr Zelenskyy" in page
    assert '<span class="badge rel-relevant">relevant</span>' in page
    assert "Offer expires: &lt;b&gt;check&lt;/b&gt; with desk" in page


def test_sanitiser_drops_what_escaping_might_miss() -> None:
    dirty = '<p onclick="x()">a<script>bad()</script><a href="https://evil.example">l</a><a href="#doc-1">ok</a></p>'
    clean = sanitise(dirty)
    assert "script" not in clean and "onclick" not in clean and "evil.example" not in clean
    assert '<a href="#doc-1">ok</a>' in clean


def test_docx_opens_and_holds_the_quotes(packet: Path) -> None:
    document = docx.Document(io.BytesIO(members(packet)["briefing.docx"]))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "The basis of that agreement is basically to have really, really strong guarantees" in text
    assert "— a senior U.S. official (direct)" in text
    assert "Article 5-like" in text and "Volodymyr Zelenskyy (partial)" in text
    assert "Evil <script>alert(1)</script>" in text
    assert document.core_properties.title == "Ukraine talks: Berlin / December?"
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert headings[0] == "Contents" and len([h for h in headings if h[:3] in {"1. ", "2. ", "3. "}]) == 3
    assert [p.style.name if p.style else None for p in document.paragraphs if p.text.startswith("“The basis")] == ["Quote"]


def test_markdown_escapes_library_text(packet: Path) -> None:
    md = members(packet)["briefing.md"].decode("utf-8")
    assert not re.search(r"(?<!\\)<", md), "every < from the library is backslash-escaped"
    assert r"Evil \<script\>alert\(1\)\</script\>" in md
    assert "# Ukraine talks: Berlin / December?" in md


def test_csv_cells_never_become_formulas(packet: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(members(packet)["documents.csv"].decode("utf-8-sig"))))
    assert len(rows) == 3
    assert rows[0]["tags"].startswith("'=HYPERLINK")
    decisions = list(csv.DictReader(io.StringIO(members(packet)["decisions.csv"].decode("utf-8-sig"))))
    assert {"relevance", "starred", "tags", "note"} <= {r["field"] for r in decisions}
    quotes = list(csv.DictReader(io.StringIO(members(packet)["quotes.csv"].decode("utf-8-sig"))))
    assert [q["kind"] for q in quotes] == ["direct", "partial"]


def test_selection_and_no_originals(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "relevant.zip"
    result, _ = export(library, out, DocumentFilter(relevance="relevant"), include_originals=False, render_pdf=None)
    files = members(out)
    assert result.documents == 1
    assert not any("/original." in name for name in files)
    assert "briefing.pdf" not in files
    manifest = manifest_of(out)
    assert manifest["selection_criteria"] == "relevance: relevant"
    assert manifest["documents"][0]["original"] is None and len(manifest["documents"][0]["original_sha256"]) == 64


def test_ids_selection_keeps_the_given_order_and_rejects_unknown_ids(library: Library, tmp_path: Path) -> None:
    export(library, tmp_path / "ids.zip", [3, 1])
    assert [d["library_id"] for d in manifest_of(tmp_path / "ids.zip")["documents"]] == [3, 1]
    with pytest.raises(KeyError):
        export(library, tmp_path / "bad.zip", [1, 99])
    assert not (tmp_path / "bad.zip").exists()


def test_cancel_leaves_no_file(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "cancelled.zip"
    calls = {"n": 0}

    def cancel_after_two() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    steps = list(build_packet(library, DocumentFilter(), out, title="T", is_cancelled=cancel_after_two))
    assert steps[-1].message == "Cancelled"
    assert not out.exists()
    assert list(tmp_path.glob("*.part")) == []


def test_progress_counts_up_to_the_total(library: Library, tmp_path: Path) -> None:
    _, steps = export(library, tmp_path / "p.zip")
    done = [s.done for s in steps]
    assert done == sorted(done) and steps[-1].done == steps[-1].total


def test_briefing_paragraphs_take_their_direction_from_their_text_and_say_their_language(tmp_path: Path) -> None:
    """A Persian document's paragraphs read right to left in the briefing (each paragraph's direction from its first
    letter with one, written out as "rtl" or "ltr" since the PDF's renderer knows no "auto"; an English paragraph
    beside them stays left to right) and its text carries lang="fa"."""
    from triage_app.core import jobs

    library = Library.open(tmp_path / "rtl.sqlite")
    page = tmp_path / "hava.html"
    persian = ["دولت ایران روز چهارشنبه اعلام کرد که برنامه‌های تازه‌ای برای کاهش آلودگی هوا در تهران اجرا خواهد کرد.",
               "به گفته سخنگوی وزارت محیط زیست، خودروهای فرسوده به تدریج از خیابان‌ها جمع‌آوری می‌شوند."]
    english = "The ministry published the figures in English as well, with a summary for the press."
    page.write_text("<html lang='fa'><head><title>هوای پاک</title></head><body><article><h1>هوای پاک</h1>"
                    + "".join(f"<p>{p}</p>" for p in [*persian, english]) + "</article></body></html>", encoding="utf-8")
    list(jobs.import_documents(library, [page]))
    result, _ = export(library, tmp_path / "rtl.zip")
    library.close()
    html = members(result.path)["briefing.html"].decode("utf-8")
    assert '<div class="text" lang="fa">' in html
    assert all(f'<p dir="rtl">{p}</p>' in html for p in persian)
    assert f'<p dir="ltr">{english}</p>' in html
    word = docx.Document(io.BytesIO(members(result.path)["briefing.docx"]))
    bidi = {p.text: p._p.pPr is not None and p._p.pPr.find(docx.oxml.ns.qn("w:bidi")) is not None for p in word.paragraphs}
    assert all(bidi[p] for p in persian) and not bidi[english]


@pytest.mark.parametrize(
    ("fragment", "direction"),
    [("שלום", "rtl"), ("«دولت» ایران", "rtl"), ('<span class="ent">Tehran</span> said', "ltr"), ("2024 — ۱۴۰۳", "auto"), ("&amp; מחר", "rtl")],
)
def test_a_paragraph_s_direction_is_its_first_strong_letter_s(fragment: str, direction: str) -> None:
    assert briefing_html.paragraph_direction(fragment) == direction
