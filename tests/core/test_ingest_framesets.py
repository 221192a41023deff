"""Frameset pages: the text is read from the frames the capture saved (`_files/`, MHTML parts, Safari frames)."""

from __future__ import annotations

import plistlib
import quopri
import zipfile
from pathlib import Path

from triage_app.core import jobs
from triage_app.core.clean import clean_document
from triage_app.core.ingest.framesets import FRAME_ATTRIBUTE, FRAMES_MISSING, MAX_FRAMES, compose_frames
from triage_app.core.ingest.readers import parse_bytes
from triage_app.core.library import Library, documents
from triage_app.core.library.cleaning import load_parsed, reclean_document
from triage_app.core.records import ImportOutcome, Resource

STORY = "The county council agreed on Monday to reopen the old ferry landing after a decade of disputes."
FRAMESET = (
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN"><html><head><title>County Gazette</title></head>'
    '<frameset rows="80,*"><frame src="{top}" name="top"><frameset cols="200,*"><frame src="{menu}" name="menu">'
    '<frame src="{main}" name="main"></frameset>'
    "<noframes><body><p>This site uses frames. Your browser does not support them.</p></body></noframes>"
    "</frameset></html>"
)
TOP = b"<html><head><style>h2{color:navy}</style></head><body><h2>County Gazette</h2><img src='logo.gif'></body></html>"
MENU = b"<html><body><ul><li><a href='news.html'>News</a></li><li><a href='sport.html'>Sport</a></li></ul></body></html>"
MAIN = (
    "<html><head><meta charset='windows-1252'></head><body><h1>Ferry landing to reopen</h1>"
    + "".join(f"<p>{n}. {STORY} Caf\u00e9 owners were pleased.</p>" for n in range(5))
    + "</body></html>"
).encode("cp1252")


def _files_page(folder: Path) -> Path:
    page = folder / "gazette.html"
    page.write_text(FRAMESET.format(top="gazette_files/top.html", menu="gazette_files/menu.html",
                                    main="./gazette_files/main%20story.html"), encoding="utf-8")
    (folder / "gazette_files").mkdir()
    (folder / "gazette_files" / "top.html").write_bytes(TOP)
    (folder / "gazette_files" / "menu.html").write_bytes(MENU)
    (folder / "gazette_files" / "main story.html").write_bytes(MAIN)
    (folder / "gazette_files" / "logo.gif").write_bytes(b"GIF89a")
    return page


def _run(library: Library, *paths: Path) -> list[ImportOutcome]:
    return [p.result for p in jobs.import_documents(library, paths) if isinstance(p.result, ImportOutcome)]


def test_frames_are_read_in_order_with_their_links_rebased() -> None:
    resources = [Resource("g_files/top.html", "text/html", TOP), Resource("g_files/menu.html", "text/html", MENU),
                 Resource("g_files/main story.html", "text/html", MAIN), Resource("g_files/logo.gif", "image/gif", b"GIF89a")]
    html = compose_frames(FRAMESET.format(top="g_files/top.html", menu="g_files/menu.html", main="g_files/main%20story.html"), resources)
    assert html is not None
    assert html.index("County Gazette</h2>") < html.index(">News<") < html.index("Ferry landing")
    assert "Caf\u00e9 owners" in html  # each frame decoded with its own declared encoding
    assert 'src="g_files/logo.gif"' in html and 'href="g_files/news.html"' in html  # links still point where they did
    assert "does not support" not in html and "<frame " not in html
    assert html.count(f"<div {FRAME_ATTRIBUTE}=") == 3 and ":scope h2{color:navy}" not in html and "h2{color:navy}" in html


def test_a_page_without_its_frames_or_without_a_frameset_is_left_as_it_is() -> None:
    page = FRAMESET.format(top="a.html", menu="b.html", main="c.html")
    assert compose_frames(page, []) is None
    assert compose_frames(page, [Resource("other.html", "text/html", MAIN)]) is None
    assert compose_frames("<html><body><iframe src='c.html'></iframe></body></html>", [Resource("c.html", "text/html", MAIN)]) is None


def test_frames_that_point_at_each_other_or_are_many_stop() -> None:
    loop = b'<html><frameset><frame src="a.html"><frame src="b.html"></frameset></html>'
    b_page = b'<html><frameset><frame src="a.html"></frameset></html>'
    assert compose_frames(loop.decode(), [Resource("a.html", "text/html", loop), Resource("b.html", "text/html", b_page)]) is None
    many = "<html><frameset>" + "".join(f'<frame src="f{n}.html">' for n in range(100)) + "</frameset></html>"
    pages = [Resource(f"f{n}.html", "text/html", f"<html><body><p>frame {n}</p></body></html>".encode()) for n in range(100)]
    assert (compose_frames(many, pages) or "").count(f"<div {FRAME_ATTRIBUTE}=") == MAX_FRAMES


def test_a_frameset_page_saved_with_its_files_folder_imports_its_frames_text(tmp_path: Path, fresh_library: Library) -> None:
    page = _files_page(tmp_path)
    [outcome] = _run(fresh_library, page)
    assert outcome.status == "imported"
    doc = documents.get_document(fresh_library.db, outcome.doc_id)
    assert doc["title"] == "County Gazette"
    assert STORY in doc["text"] and "Caf\u00e9 owners" in doc["text"]
    assert "does not support" not in doc["text"]
    blocks = documents.get_blocks(fresh_library.db, outcome.doc_id)
    menu = [b for b in blocks if b.text in ("News", "Sport")]
    assert menu and not any(b.kept for b in menu)  # the menu frame is navigation
    # a re-clean reads the frames again from the stored resources: the same blocks
    again = reclean_document(fresh_library, outcome.doc_id)
    assert [(b.text, b.kept, b.source) for b in again.blocks] == [(b.text, b.kept, b.source) for b in blocks]
    assert load_parsed(fresh_library.db, outcome.doc_id).html == parse_bytes(
        page.read_bytes(), name=page.name, source_path=str(page),
        resources=documents.get_resources(fresh_library.db, outcome.doc_id)).html


def test_a_frameset_page_in_a_zip_with_its_files_folder(tmp_path: Path, fresh_library: Library) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    _files_page(folder)
    archive = tmp_path / "pages.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix())
    [outcome] = [o for o in _run(fresh_library, archive) if o.status == "imported"]
    assert STORY in documents.get_document(fresh_library.db, outcome.doc_id)["text"]


def _chrome_mhtml() -> bytes:
    """Chrome's MHTML of a frameset: each frame a text/html part with a `frame-...@mhtml.blink` ID and its URL."""
    boundary = "----MultipartBoundary--frames----"
    page = FRAMESET.format(top="cid:frame-1@mhtml.blink", menu="cid:frame-2@mhtml.blink", main="cid:frame-3@mhtml.blink")
    parts = [
        f"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://gazette.example/\r\nSubject: County Gazette\r\n"
        f'MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n\r\n'
    ]
    for cid, location, body in [("frame-0", "https://gazette.example/", page.encode()),
                                ("frame-1", "https://gazette.example/top.html", TOP),
                                ("frame-2", "https://gazette.example/menu.html", MENU),
                                ("frame-3", "https://gazette.example/story.html", MAIN)]:
        parts.append(f"--{boundary}\r\nContent-Type: text/html\r\nContent-ID: <{cid}@mhtml.blink>\r\n"
                     f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {location}\r\n\r\n"
                     f"{quopri.encodestring(body).decode('ascii')}\r\n")
    return ("".join(parts) + f"--{boundary}--\r\n").encode("ascii")


def test_a_chrome_mhtml_of_a_frameset_reads_its_frame_parts() -> None:
    doc = parse_bytes(_chrome_mhtml(), name="gazette.mhtml", source_path="gazette.mhtml")
    assert "cid:frame-3@mhtml.blink" in [r.name for r in doc.resources]  # named as the page points at it
    result = clean_document(doc)
    assert STORY in result.text and "Caf\u00e9 owners" in result.text and "does not support" not in result.text


def test_a_safari_archive_of_a_frameset_reads_its_subframes() -> None:
    def archive(url: str, body: bytes, frames: list[dict[str, object]] | None = None) -> dict[str, object]:
        entry: dict[str, object] = {"WebMainResource": {"WebResourceData": body, "WebResourceMIMEType": "text/html",
                                                        "WebResourceURL": url}}
        if frames:
            entry["WebSubframeArchives"] = frames
        return entry

    page = FRAMESET.format(top="top.html", menu="menu.html", main="/news/story.html").encode()
    data = plistlib.dumps(archive("https://gazette.example/index.html", page, [
        archive("https://gazette.example/top.html", TOP), archive("https://gazette.example/menu.html", MENU),
        archive("https://gazette.example/news/story.html", MAIN)]), fmt=plistlib.FMT_BINARY)
    result = clean_document(parse_bytes(data, name="gazette.webarchive", source_path="gazette.webarchive"))
    assert STORY in result.text and "does not support" not in result.text


def test_each_frames_styles_stay_in_its_own_part() -> None:
    sheet = b"body { background: url(bg.png) navy; color: white } a { color: yellow }"
    top = b"<html><head><link rel='stylesheet' href='css/top.css'><style>body.home h2 { font-size: 9px }</style></head><body><h2>Gazette</h2></body></html>"
    resources = [Resource("g_files/top.html", "text/html", top), Resource("g_files/css/top.css", "text/css", sheet),
                 Resource("g_files/story.html", "text/html", MAIN)]
    html = compose_frames("<html><frameset><frame src='g_files/top.html'><frame src='g_files/story.html'></frameset></html>", resources)
    assert html is not None
    scope = f'@scope ([{FRAME_ATTRIBUTE}="g_files/top.html"])'
    assert html.count(scope) == 2 and "body" not in html.split("<h2>")[0].replace("<body>", "")  # no rule paints the page's body
    assert ":scope { background: url(g_files/css/bg.png) navy" in html  # the sheet's links from the sheet's own folder
    assert ":scope h2 { font-size: 9px }" in html


def test_what_a_frames_head_says_about_its_page_is_kept() -> None:
    story = (b"<html><head><title>Story frame</title><meta http-equiv='refresh' content='0;url=x'>"
             b"<meta property='og:title' content='Ferry landing to reopen'><meta name='author' content='Sarah Blake'>"
             b"<link rel='canonical' href='https://gazette.example/ferry'><script type='application/ld+json'>{}</script>"
             b"<script>alert(1)</script></head><body><h1>Ferry landing to reopen</h1><p>By Sarah Blake</p><p>" + STORY.encode() + b"</p></body></html>")
    html = compose_frames("<html><head><title>County Gazette</title></head><frameset><frame src='s.html'></frameset></html>",
                          [Resource("s.html", "text/html", story)])
    assert html is not None
    head = html.split("</head>")[0]
    assert head.index("<title>County Gazette") < head.index("og:title") and "Sarah Blake" in head and "canonical" in head
    assert "application/ld+json" in head
    assert "Story frame" not in html and "refresh" not in html and "alert(1)" not in head  # not its title, refresh or scripts
    result = clean_document(parse_bytes(b"<html><head><title>County Gazette</title></head><frameset><frame src='s.html'></frameset></html>",
                                        name="p.html", source_path="p.html", resources=[Resource("s.html", "text/html", story)]))
    assert (result.title, result.byline, result.url) == ("Ferry landing to reopen", "Sarah Blake", "https://gazette.example/ferry")


def test_a_frameset_page_saved_without_its_frames_says_so(tmp_path: Path, fresh_library: Library) -> None:
    alone = tmp_path / "alone.html"
    alone.write_text(FRAMESET.format(top="alone_files/top.html", menu="alone_files/menu.html", main="alone_files/main.html"))
    [outcome] = _run(fresh_library, alone)
    assert (outcome.status, outcome.reason) == ("imported", FRAMES_MISSING)
    assert outcome.describe().endswith("(a frameset page saved without its frames: only its <noframes> text is read)")
    assert "does not support" in documents.get_document(fresh_library.db, outcome.doc_id)["text"]  # what there is
    mention = tmp_path / "mention.html"
    mention.write_text("<html><body><p>" + STORY + "</p><script>var old = '<frameset rows=\"*\">';</script></body></html>")
    [mentioned] = _run(fresh_library, mention)
    assert (mentioned.status, mentioned.reason) == ("imported", None)  # a page that only mentions one
    full = tmp_path / "full"
    full.mkdir()
    [with_frames] = _run(fresh_library, _files_page(full))
    assert (with_frames.status, with_frames.reason) == ("imported", None)


def test_a_stored_style_sheet_cannot_close_its_style_element() -> None:
    from lxml import html as lxml_html

    hostile = b"p { color: red } </style><script>alert(1)</script><style>"
    top = b"<html><head><link rel='stylesheet' href='x.css'></head><body><p>" + STORY.encode() + b"</p></body></html>"
    html = compose_frames("<html><frameset><frame src='f.html'></frameset></html>",
                          [Resource("f.html", "text/html", top), Resource("x.css", "text/css", hostile)])
    assert html is not None
    again = lxml_html.document_fromstring(html)  # as the reader and the cleaner parse it
    assert not again.xpath("//script") and STORY in again.text_content()


def test_frames_written_as_xhtml_are_read() -> None:
    """A frame page with an XML declaration (which lxml refuses in a str) or a self-closed `<html .../>` (which
    libxml2 takes for the whole page) was dropped from the composed page; both are read as the cleaner reads a page."""
    frameset = ('<html><head><title>Gazette</title></head><frameset cols="200,*"><frame src="a.html" name="a">'
                '<frame src="b.html" name="b"></frameset></html>')
    self_closed = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n'
                   '<html xmlns="http://www.w3.org/1999/xhtml" lang="en"/>\n'
                   f"<head><title>A</title></head><body><h1>Ferry landing to reopen</h1><p>{STORY}</p></body></html>").encode()
    declared = f'<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>Second frame: caf\u00e9 {STORY}</p></body></html>'.encode()
    html = compose_frames(frameset, [Resource("a.html", "text/html", self_closed), Resource("b.html", "text/html", declared)])
    assert html is not None
    assert html.index("Ferry landing to reopen") < html.index("Second frame: caf\u00e9")
    assert html.count(f"<div {FRAME_ATTRIBUTE}=") == 2
