"""Shared set-up for the packet tests: a library with the seed, two HTML pages, decisions and annotations.

Holds no tests of its own beyond a sanity check of the set-up; the packet test modules import it.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from triage_app.core import jobs
from triage_app.core.export.builder import PacketResult, build_packet
from triage_app.core.library import Library, triage
from triage_app.core.library.document_filter import DocumentFilter
from triage_app.core.records import Block, CleanResult, ImportOutcome, ParsedDocument, Progress

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_ebcec2d24457d197.txt"

HOSTILE_TITLE = 'Evil <script>alert(1)</script> "><img src=x onerror=alert(1)> ﷽ 𝕏 e\u0301 \u202eRTL\u202c'
HOSTILE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Evil &lt;script&gt;alert(1)&lt;/script&gt; "&gt;&lt;img src=x onerror=alert(1)&gt; ﷽ 𝕏 e\u0301 \u202eRTL\u202c</title>
<script>document.write('live script in the original')</script></head>
<body><p>Before &lt;script&gt;alert(2)&lt;/script&gt; and "&gt;&lt;img src=x onerror=alert(3)&gt; after.</p>
<p>Odd Unicode: zero\u200bwidth, \u202eoverride\u202c, NUL-free control \u0007 bell, emoji 🧨, CJK 漢字, Arabic مرحبا.</p>
<p><a href="http://tracker.example/x.png">http://tracker.example/x.png</a> <img src="http://tracker.example/pixel.gif"></p>
</body></html>
"""
PLAIN_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Second page about Berlin</title></head>
<body><h1>Second page about Berlin</h1><p>Steve Witkoff met officials in Berlin on Monday.</p>
<p>"We are close," Witkoff told reporters.</p></body></html>
"""


def simple_cleaner(library: Library, parsed: ParsedDocument) -> CleanResult:
    """A small deterministic cleaner, so these tests do not depend on the cleaning engine's choices."""
    if parsed.html is not None:
        soup = BeautifulSoup(parsed.html, "html.parser")
        for tag in soup(["script", "style", "title"]):
            tag.decompose()
        lines = [t.get_text(" ", strip=True) for t in soup.find_all(["h1", "p"])]
    else:
        lines = [line.strip() for line in (parsed.text or "").splitlines()]
    blocks = [Block(i, "paragraph", text, True, None, f"test:{i}") for i, text in enumerate(x for x in lines if x)]
    return CleanResult(blocks=blocks, title=parsed.title or (blocks[0].text if blocks else None), site="example.org")


def write_pages(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    hostile = folder / "hostile.html"
    hostile.write_text(HOSTILE_PAGE, encoding="utf-8")
    plain = folder / "plain.html"
    plain.write_text(PLAIN_PAGE, encoding="utf-8")
    return [hostile, plain]


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    at = text.index(needle, start)
    return at, at + len(needle)


def annotate_seed(library: Library, doc_id: int) -> None:
    """Entities and quotes for the seed, written straight into the tables the NLP module fills."""
    db = library.db
    text = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
    ids: dict[str, int] = {}
    for needle, canonical, label in (
        ("Steve Witkoff", "Steve Witkoff", "PERSON"), ("Berlin", "Berlin", "PLACE"), ("NATO", "NATO", "ORG"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelenskyy", "PERSON"), ("Politico", "Politico", "ORG"),
        ("Ukrainian", "Ukrainian", "NORP"), ("Monday", "Monday", "DATE"),
    ):
        start, end = _span(text, needle)
        ids[canonical] = db.table("entities").lookup({"canonical": canonical, "label": label})
        db.table("mentions").insert({"doc_id": doc_id, "entity_id": ids[canonical], "start": start, "end": end,
                               "text": needle, "label": label})
    start, end = _span(text, "The basis of that agreement")
    end = text.index('Article 5-like,"', start) + len("Article 5-like,")
    db.table("quotes").insert({"doc_id": doc_id, "start": start, "end": end, "text": text[start:end], "kind": "direct",
                         "cue": "told", "speaker": "a senior U.S. official"})
    start, end = _span(text, "Article 5-like", text.index("would still require"))
    db.table("quotes").insert({"doc_id": doc_id, "start": start, "end": end, "text": text[start:end], "kind": "partial",
                         "cue": "said", "speaker": "Zelenskyy", "speaker_entity_id": ids["Volodymyr Zelenskyy"]})
    db.execute("UPDATE documents SET annotated_engine = 'test-engine/1' WHERE id = ?", [doc_id])


def make_library(path: Path, pages: Path) -> Library:
    """A library file with the seed and the two pages, triaged and annotated."""
    library = Library.open(path)
    outcomes = [p.result for p in jobs.import_documents(library, [SEED, *write_pages(pages)], cleaner=simple_cleaner)
                if isinstance(p.result, ImportOutcome)]
    assert [o.status for o in outcomes] == ["imported"] * 3, outcomes
    seed, hostile, plain = (o.doc_id for o in outcomes)
    assert seed is not None and hostile is not None and plain is not None
    triage.set_relevance(library, seed, "relevant")
    triage.set_starred(library, seed, True)
    triage.set_tags(library, seed, ["ukraine", "=HYPERLINK(\"http://x\")"])
    triage.set_note(library, seed, "Offer expires: <b>check</b> with desk")
    triage.set_relevance(library, hostile, "maybe")
    triage.set_tags(library, hostile, ["hostile"])
    triage.set_relevance(library, plain, "not-relevant")
    annotate_seed(library, seed)
    return library


def fake_pdf(html: str, path: Path) -> None:
    """The core takes a renderer; the Qt one is tested in tests/gui/test_pdf.py."""
    path.write_bytes(b"%PDF-1.4\n% test renderer\n" + html.encode("utf-8")[:64] + b"\n%%EOF\n")


def export(library: Library, out: Path, selection: DocumentFilter | list[int] | None = None,
           **kwargs: Any) -> tuple[PacketResult, list[Progress]]:
    kwargs.setdefault("title", "Ukraine talks: Berlin / December?")
    kwargs.setdefault("analyst", "A. Analyst")
    kwargs.setdefault("caveat", "Internal use only")
    kwargs.setdefault("render_pdf", fake_pdf)
    steps = list(build_packet(library, selection if selection is not None else DocumentFilter(), out, **kwargs))
    result = steps[-1].result
    assert isinstance(result, PacketResult)
    return result, steps


def members(zip_path: Path) -> dict[str, bytes]:
    """{path inside the packet folder: bytes}."""
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        top = names[0].split("/", 1)[0]
        assert all(n.startswith(top + "/") for n in names)
        return {n[len(top) + 1:]: archive.read(n) for n in names}


def manifest_of(zip_path: Path) -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads(members(zip_path)["manifest.json"])
    return manifest


def rewrite_zip(src: Path, dst: Path, change: dict[str, bytes | None]) -> None:
    """Copy a zip, replacing (bytes) or dropping (None) members named by their path inside the packet."""
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w") as new:
        top = old.namelist()[0].split("/", 1)[0] + "/"
        seen = set()
        for info in old.infolist():
            rel = info.filename[len(top):]
            seen.add(rel)
            if rel in change:
                replacement = change[rel]
                if replacement is not None:
                    new.writestr(info, replacement)
                continue
            new.writestr(info, old.read(info))
        for rel, data in change.items():
            if rel not in seen and data is not None:
                new.writestr(top + rel, data)


def iter_names(zip_path: Path) -> Iterator[str]:
    yield from members(zip_path)


def test_the_set_up_has_what_the_packet_tests_rely_on(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib.sqlite", tmp_path / "pages")
    titles = [r[0] for r in library.db.execute("SELECT title FROM documents ORDER BY id")]
    assert "<script>" in titles[1] and "onerror" in titles[1]
    text = library.db.execute("SELECT text FROM documents WHERE id = 2").fetchone()[0]
    assert "<script>alert(2)</script>" in text and '"><img src=x onerror=alert(3)>' in text
    assert library.db.execute("SELECT count(*) FROM mentions").fetchone()[0] == 7
    library.close()
