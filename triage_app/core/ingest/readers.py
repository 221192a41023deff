"""Choosing a reader by file name and content, with the checks every input passes first.

`InputItem` lives here so that the archive and folder walkers can build items without
importing the package's `__init__`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from triage_app.core.errors import IngestError
from triage_app.core.ingest import limits
from triage_app.core.ingest.charset import looks_binary, sniff_bom, sniff_utf16
from triage_app.core.ingest.html_reader import read_html
from triage_app.core.ingest.mhtml_reader import read_mhtml
from triage_app.core.ingest.text_reader import read_text
from triage_app.core.records import ParsedDocument, Resource
from triage_app.core.textsafe import storable

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MHTML_SUFFIXES = frozenset({".mhtml", ".mht"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".mdown", ".mkd"})
PDF_SUFFIXES = frozenset({".pdf"})
EMAIL_SUFFIXES = frozenset({".eml"})
WEBARCHIVE_SUFFIXES = frozenset({".webarchive"})
ARCHIVE_SUFFIXES = {".warc": "warc", ".arc": "warc", ".wacz": "wacz", ".mbox": "mbox", ".msg": "msg"}
"""Files holding many documents (or, for .msg, a format refused with its reason): see `containers`."""
GZIP_SUFFIX = ".gz"
ZIP_SUFFIX = ".zip"
DOCUMENT_SUFFIXES = HTML_SUFFIXES | MHTML_SUFFIXES | TEXT_SUFFIXES | PDF_SUFFIXES | EMAIL_SUFFIXES | WEBARCHIVE_SUFFIXES
MSG_REASON = (
    "Outlook .msg is not read: its maintained reader (extract-msg) is GPL-3.0, which this MIT app cannot"
    " ship; save the message as .eml in Outlook and import that"
)

BINARY_REASON = "not a web page or text file (looks binary)"
_MIME_START_RE = re.compile(
    rb"^\s*(?:(?:[A-Za-z-]{1,60}:|[ \t])[^\r\n]{0,1000}\r?\n){0,60}?content-type:\s*multipart/related", re.I
)
_HTML_START_RE = re.compile(rb"^\s*(?:<!--.{0,2000}?-->\s*)?<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)


@dataclass
class InputItem:
    """One importable file (or an error found while looking for files, or a `notice` of what a walk passed over)."""

    label: str
    load: Callable[[], ParsedDocument] | None = None
    error: str | None = None
    notice: str | None = None  # neither a document nor a failure: "passed over 52 files that are not pages (...)"

    def __post_init__(self) -> None:
        self.label = storable(self.label)  # a file name that is not UTF-8 is still reported (and can be stored)


def passed_over_notice(suffixes: dict[str, int]) -> str:
    """"passed over 52 files that are not pages (.png 30, .css 12, .js 8, no suffix 2)": what a walk did not import."""
    total = sum(suffixes.values())
    ranked = sorted(suffixes.items(), key=lambda item: (-item[1], item[0]))
    shown = ", ".join(f"{suffix or 'no suffix'} {count}" for suffix, count in ranked[:6])
    more = ", …" if len(ranked) > 6 else ""
    files = f"{total} files that are not pages" if total != 1 else "1 file that is not a page"
    return f"passed over {files} ({shown}{more})"


def split_gzip(name: str) -> tuple[str, bool]:
    """The name without a trailing `.gz`, and whether it had one."""
    if name.lower().endswith(GZIP_SUFFIX):
        return name[: -len(GZIP_SUFFIX)], True
    return name, False


def kind_of(name: str) -> str | None:
    """"html", "mhtml" or "text" for a supported document name (gzipped or not), else None."""
    inner, _ = split_gzip(name)
    suffix = PurePosixPath(inner).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MHTML_SUFFIXES:
        return "mhtml"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in PDF_SUFFIXES:
        return "pdf"
    if suffix in EMAIL_SUFFIXES:
        return "email"
    if suffix in WEBARCHIVE_SUFFIXES:
        return "webarchive"
    return ARCHIVE_SUFFIXES.get(suffix)


def page_stem(name: str) -> str | None:
    """"page" for "page.html" or "page.htm.gz": the prefix of the browser's `page_files/` folder."""
    inner, _ = split_gzip(name)
    path = PurePosixPath(inner)
    return path.stem if path.suffix.lower() in HTML_SUFFIXES else None


def is_importable_name(name: str) -> bool:
    """True for names a folder or zip walk picks up: documents, gzipped documents, zips."""
    return kind_of(name) is not None or name.lower().endswith(ZIP_SUFFIX)


ASSET_SUFFIXES = frozenset({
    ".css", ".js", ".mjs", ".json", ".map", ".wasm", ".xml", ".svg", ".ico", ".png", ".jpg", ".jpeg", ".gif", ".webp",
    ".avif", ".bmp", ".tif", ".tiff", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".mp3", ".mp4", ".m4a", ".webm",
    ".ogg", ".wav", ".mov", ".avi", ".csv", ".py", ".sh", ".exe", ".dll", ".so", ".dmg", ".iso", ".doc", ".docx",
    ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".rtf", ".7z", ".rar", ".tar", ".tgz", ".bz2", ".xz", ".db", ".sqlite",
})
"""Suffixes of files a page dump holds beside its pages (styles, scripts, images, fonts, media, office files):
a walk never reads them to look for a page."""
SNIFF_BYTES = 8192
_SNIFFED_PAGE_KINDS = frozenset({"html", "mhtml", "pdf"})


def may_be_unnamed_page(name: str) -> bool:
    """A name a folder or zip walk reads the start of to see whether it is a page: not a document name, not an
    asset. A mirror made by wget or HTTrack keeps a page under its address's name (`index.php`,
    `story.aspx?id=3`, `2024/05/slug` with no suffix at all)."""
    if is_importable_name(name):
        return False
    suffix = PurePosixPath(name).suffix.lower()
    return suffix.split("?", 1)[0] not in ASSET_SUFFIXES


def sniffs_as_page(head: bytes) -> bool:
    """The first `SNIFF_BYTES` of a file are a web page, an MHTML capture or a PDF (not any other text)."""
    return bool(head.strip()) and sniff_kind(head) in _SNIFFED_PAGE_KINDS


def sniff_kind(data: bytes) -> str:
    """Guess "pdf", "webarchive", "mhtml", "email", "html" or "text" from the bytes themselves."""
    from triage_app.core.ingest.email_reader import looks_like_email
    from triage_app.core.ingest.pdf_reader import looks_like_pdf
    from triage_app.core.ingest.webarchive_reader import looks_like_webarchive

    head = data[:8192]
    if looks_like_pdf(head):
        return "pdf"
    if looks_like_webarchive(data[:65536]):
        return "webarchive"
    if _MIME_START_RE.match(head):
        return "mhtml"
    if looks_like_email(head):
        return "email"
    bom = sniff_bom(head)
    if bom or sniff_utf16(head):
        name = bom[0] if bom else (sniff_utf16(head) or "utf-16-le")
        head = head[bom[1] if bom else 0:].decode(name, "replace").encode("utf-8", "replace")
    return "html" if _HTML_START_RE.match(head) else "text"


def parse_bytes(
    data: bytes,
    *,
    name: str,
    source_path: str,
    resources: list[Resource] | None = None,
) -> ParsedDocument:
    """Read the bytes of one input file (named `name`) into a ParsedDocument; IngestError when it cannot be."""
    original = data
    inner_name, gzipped = split_gzip(name)
    if not data.strip():
        raise IngestError("the file is empty")
    if gzipped:
        data = limits.gunzip_limited(data)
        if not data.strip():
            raise IngestError("the file is empty (once decompressed)")
    kind = kind_of(inner_name) or sniff_kind(data)
    if kind != "pdf" and sniff_kind(data[:8192]) == "pdf":
        kind = "pdf"  # a PDF under another name
    elif kind_of(inner_name) is None and kind == "text" and sniff_kind(data[:8192]) == "email":
        kind = "email"  # a message saved under another name
    common = {"source_path": source_path, "original": original, "original_name": PurePosixPath(name).name}
    if kind == "pdf":
        from triage_app.core.ingest.pdf_reader import read_pdf

        return read_pdf(data, **common)  # type: ignore[arg-type]
    if kind == "email":
        from triage_app.core.ingest.email_reader import read_email

        return read_email(data, **common)  # type: ignore[arg-type]
    if kind == "webarchive":
        from triage_app.core.ingest.webarchive_reader import read_webarchive

        return read_webarchive(data, **common)  # type: ignore[arg-type]
    if kind == "msg":
        raise IngestError(MSG_REASON)
    if kind in ("warc", "wacz", "mbox"):
        raise IngestError(f"a {kind.upper()} archive holds many documents; import the file itself, not from inside a zip")
    unicode_marked = sniff_bom(data) is not None or sniff_utf16(data) is not None
    if kind == "html" and not unicode_marked and sniff_kind(data) == "mhtml":
        kind = "mhtml"  # an MHTML archive saved under a .html name
    if kind == "html" and not unicode_marked:
        from triage_app.core.ingest.singlefile_zip import looks_self_extracting, read_self_extracting

        if looks_self_extracting(data):
            return read_self_extracting(data, parse=parse_bytes, **common)  # type: ignore[arg-type]
    sample = data[:4096] if kind == "mhtml" else data
    if not unicode_marked and looks_binary(sample):
        raise IngestError(BINARY_REASON)
    if kind == "mhtml":
        return read_mhtml(data, **common)  # type: ignore[arg-type]
    if kind == "html":
        return read_html(data, resources=resources, **common)  # type: ignore[arg-type]
    if len(data) > limits.MAX_TEXT_BYTES:
        raise limits.text_too_large()
    return read_text(data, **common)  # type: ignore[arg-type]


def load_file(path: Path, resources: Callable[[], list[Resource]] | None = None) -> ParsedDocument:
    """Read a file from disk (size-limited) and parse it; `resources` gathers its `NAME_files/` folder."""
    if kind_of(path.name) == "text":  # refused before it is read: a huge dump costs no memory
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        if size > limits.MAX_TEXT_BYTES:
            raise limits.text_too_large()
    data = limits.read_file_limited(path, limits.MAX_FILE_BYTES)
    return parse_bytes(
        data, name=path.name, source_path=str(path), resources=resources() if resources is not None else None
    )
