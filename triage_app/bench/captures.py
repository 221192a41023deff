"""`python -m triage_app.bench captures [SET ...]`: the same pages in every capture format clean alike.

Each page of a set is wrapped the ways analysts receive it: Chrome MHTML (quoted-printable, with an
image part), SingleFile (its header comment), SingleFile of a page drawn by a web component (the page's
body inside the component's declarative shadow root, as SingleFile and Chrome write rendered shadow DOM),
SingleFile's self-extracting ZIP (the capture as `index.html` of an archive after a bootstrap page),
Safari's web archive (a binary property list), gzip, UTF-16 with a BOM, an e-mailed newsletter (quoted-printable and base64 parts) and a WARC record
(gzip-compressed WARC, the body sent with `Content-Encoding: gzip`). Each is read by the importer's own
readers and cleaned; its text must be the text the plain HTML file gives. The figures are F1 against the
set's gold, the count of pages whose text differs from the HTML import's, and of those the pages where
trafilatura's own text on the capture is the same as on the plain file (0 is right: a capture may change
only what it changes for the extractor too, as a shadow root's `<template>` does on a few pages).
"""

from __future__ import annotations

import argparse
import base64
import gzip
import io
import quopri
import re
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from triage_app.bench._clean_score import Score, load_pages, page_ids, pick_sets
from triage_app.core.records import ParsedDocument

Reader = Callable[[str, bytes, str], ParsedDocument]


def as_mhtml(html: bytes, url: str) -> bytes:
    """A Chrome-style MHTML archive of the page with one image part."""
    boundary = "----MultipartBoundary--triage----"
    image = base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(range(64))).decode("ascii")
    parts = [
        f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {url}\r\nSubject: Page\r\n"
        f"Date: Thu, 3 Dec 2026 10:00:00 -0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
        f'\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n\r\n',
        f"--{boundary}\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        f"Content-Location: {url}\r\n\r\n{quopri.encodestring(html).decode('ascii')}\r\n",
        f"--{boundary}\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        f"Content-Location: {url}/a.png\r\n\r\n{image}\r\n--{boundary}--\r\n",
    ]
    return "".join(parts).encode("ascii")


def as_email(html: bytes, *, base64_body: bool) -> bytes:
    """A newsletter: a multipart/alternative message whose HTML part carries the page."""
    body = base64.encodebytes(html).decode("ascii") if base64_body else quopri.encodestring(html).decode("ascii")
    encoding = "base64" if base64_body else "quoted-printable"
    return (
        "From: News <news@example.org>\r\nTo: reader@example.org\r\nSubject: Weekly\r\n"
        "Date: Thu, 3 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/alternative; boundary="part"\r\n\r\n--part\r\n'
        f'Content-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: {encoding}\r\n\r\n{body}\r\n--part--\r\n'
    ).encode("ascii")


def as_singlefile(html: str, url: str) -> bytes:
    """The page with SingleFile's header comment just inside `<html>` (before the page when it has none)."""
    comment = f"<!--\n Page saved with SingleFile \n url: {url} \n saved date: Thu Dec 03 2026 10:00:00 GMT+0000\n-->"
    match = re.search(r"<html\b[^>]*>", html[:5000], re.IGNORECASE)
    at = match.end() if match else 0
    return f"{html[:at]}{comment}{html[at:]}".encode()


def as_shadow_root(html: str, url: str) -> bytes:
    """A SingleFile capture of the page drawn by a web component: the body's content inside the component's
    declarative shadow root (`<template shadowrootmode="open">`)."""
    body = re.search(r"<body\b[^>]*>", html, re.IGNORECASE)
    end = html.lower().rfind("</body>")
    start = body.end() if body else 0
    end = end if end >= start else len(html)
    wrapped = f'{html[:start]}<page-app><template shadowrootmode="open">{html[start:end]}</template></page-app>{html[end:]}'
    return as_singlefile(wrapped, url)


def as_self_extracting(html: str, url: str) -> bytes:
    """SingleFile's "self-extracting ZIP": a bootstrap page (`<html data-sfz>`, body hidden) with the SingleFile
    capture as `index.html` of a ZIP archive written after the markup, and one image beside it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.html", as_singlefile(html, url))
        archive.writestr("images/0.png", b"\x89PNG\r\n\x1a\n" + bytes(range(64)))
    head = b"<!DOCTYPE html><html data-sfz><meta charset=iso-8859-1><body hidden><script>/* unpacks the page */</script><xmp>"
    return head + buffer.getvalue() + b"</xmp></body></html>"


def as_webarchive(html: bytes, url: str) -> bytes:
    """Safari's "Save As… Web Archive": a binary property list with the page and one image."""
    import plistlib

    return plistlib.dumps({
        "WebMainResource": {"WebResourceData": html, "WebResourceMIMEType": "text/html", "WebResourceTextEncodingName": "UTF-8",
                            "WebResourceURL": url, "WebResourceFrameName": ""},
        "WebSubresources": [{"WebResourceData": b"\x89PNG\r\n\x1a\n" + bytes(range(64)), "WebResourceMIMEType": "image/png",
                             "WebResourceURL": f"{url}/a.png"}],
    }, fmt=plistlib.FMT_BINARY)


FRAME_MENU = b"<html><body><ul><li><a href='../index.html'>Home</a></li><li><a href='../news.html'>News</a></li></ul></body></html>"


def read_frameset(html: bytes) -> ParsedDocument:
    """A frameset page saved by a browser with its `page_files/` folder: a menu frame, then the page as the
    story frame (`framesets.compose_frames` puts them together again)."""
    from triage_app.core.ingest.readers import parse_bytes
    from triage_app.core.records import Resource

    title = re.search(rb"<title[^>]*>(.{0,2000}?)</title>", html, re.IGNORECASE | re.DOTALL)  # a framed site's pages name
    top = (b"<html><head><meta charset='utf-8'><title>" + (title.group(1) if title else b"") + b"</title></head>"  # the story
           b"<frameset cols='180,*'><frame src='page_files/menu.html' name='menu'><frame src='page_files/story.html' name='main'>"
           b"<noframes>No frames.</noframes></frameset></html>")
    resources = [Resource("page_files/menu.html", "text/html", FRAME_MENU), Resource("page_files/story.html", "text/html", html)]
    return parse_bytes(top, name="page.html", source_path="page.html", resources=resources)


def read_warc(html: bytes, url: str, folder: Path) -> ParsedDocument:
    """The page as the one response record of a gzipped WARC, its body gzip content-encoded."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from triage_app.core.ingest import iter_inputs

    path = folder / "page.warc.gz"
    body = gzip.compress(html)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")], protocol="HTTP/1.1")
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers))
    (item,) = list(iter_inputs([path]))
    if item.load is None:
        raise ValueError(item.error or "no page in the archive")
    return item.load()


def capture_readers(folder: Path) -> dict[str, Callable[[str, str], ParsedDocument]]:
    """Each capture format: (page HTML, URL) -> the document the importer reads from it."""
    from triage_app.core.ingest.readers import parse_bytes

    def read(name: str, data: bytes) -> ParsedDocument:
        return parse_bytes(data, name=name, source_path=name)

    return {
        "html": lambda html, url: read("page.html", html.encode("utf-8")),
        "mhtml": lambda html, url: read("page.mhtml", as_mhtml(html.encode("utf-8"), url)),
        "singlefile": lambda html, url: read("page.html", as_singlefile(html, url)),
        "singlefile, in a shadow root": lambda html, url: read("page.html", as_shadow_root(html, url)),
        "singlefile, self-extracting zip": lambda html, url: read("page.html", as_self_extracting(html, url)),
        "safari web archive": lambda html, url: read("page.webarchive", as_webarchive(html.encode("utf-8"), url)),
        "frameset, frames in _files/": lambda html, url: read_frameset(html.encode("utf-8")),
        "html.gz": lambda html, url: read("page.html.gz", gzip.compress(html.encode("utf-8"))),
        "utf-16": lambda html, url: read("page.html", b"\xff\xfe" + html.encode("utf-16-le")),
        "e-mail, quoted-printable": lambda html, url: read("page.eml", as_email(html.encode("utf-8"), base64_body=False)),
        "e-mail, base64": lambda html, url: read("page.eml", as_email(html.encode("utf-8"), base64_body=True)),
        "warc": lambda html, url: read_warc(html.encode("utf-8"), url, folder),
    }


def run(root: Path, names: list[str], *, limit: int = 0) -> list[dict[str, Any]]:
    """Per set and capture format: F1, pages, pages whose cleaned text differs from the HTML import's, and
    of those the ones where trafilatura's text does not differ (`unexplained`)."""
    from triage_app.core.clean import clean_document
    from triage_app.core.clean.html_prepare import run_trafilatura

    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        readers = capture_readers(Path(tmp))
        for name, folder in pick_sets(root, names).items():
            scores = {kind: Score(kind) for kind in readers}
            differ = dict.fromkeys(readers, 0)
            unexplained = dict.fromkeys(readers, 0)
            failed = dict.fromkeys(readers, 0)
            for page in load_pages(folder, page_ids(folder, limit)):
                if "<" not in page.html:
                    continue
                url = f"https://example.org/{page.page_id[:16]}"
                plain = readers["html"](page.html, url)
                baseline, extracted = clean_document(plain).text, run_trafilatura(plain.html or "")
                for kind, reader in readers.items():
                    try:
                        doc = reader(page.html, url)
                        text = clean_document(doc).text
                    except Exception:  # a reader's refusal is counted, not fatal: the bench reports it
                        doc, text, failed[kind] = None, "", failed[kind] + 1
                    scores[kind].add(page.page_id, page.truth, text, 0.0)
                    if text != baseline:
                        differ[kind] += 1
                        unexplained[kind] += doc is None or run_trafilatura(doc.html or "") == extracted
            for kind, score in scores.items():
                summary = score.summary()
                rows.append({"set": name, "capture": kind, "pages": summary["pages"], "f1": summary["f1"],
                             "differ": differ[kind], "unexplained": unexplained[kind], "failed": failed[kind]})
    return rows


def _run(args: argparse.Namespace) -> int:
    rows = run(Path(args.root), args.sets, limit=args.limit)
    print("| set | capture | pages | F1 | text differs from the HTML import | of those, trafilatura's does not | failed |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(f"| {row['set']} | {row['capture']} | {row['pages']} | {row['f1']:.4f} | {row['differ']} | {row['unexplained']} | {row['failed']} |")
    return 1 if any(row["unexplained"] or row["failed"] for row in rows) else 0


def register(subparsers: Any) -> None:
    """Add the `captures` benchmark."""
    p = subparsers.add_parser("captures", help="the same pages as MHTML, SingleFile (also in a shadow root), Safari web archive, a frameset, gzip, UTF-16, e-mail and WARC clean alike")
    p.add_argument("sets", nargs="*", metavar="SET", help="set names below --root (default all)")
    p.add_argument("--root", default="../shared/eval", help="folder holding the page sets")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="a seeded sample of N pages per set")
    p.set_defaults(run=_run)
