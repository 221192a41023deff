"""Web archives (WARC, WARC.gz, and the WARCs inside a WACZ) read with warcio, streaming.

A first pass indexes every record (offset, URL, date, status, type, digest) without keeping any
body; each page then becomes one InputItem whose `load()` seeks to its record, decodes the body and
gathers the archived files the page refers to (stylesheets, images, fonts) as its resources, named
by URL so the reader's `triage-doc:` scheme serves them offline. Revisit records resolve to the
record they point at (by payload digest, else by the URL and date they name).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from typing import IO
from urllib.parse import urljoin, urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from triage_app.core.errors import IngestError
from triage_app.core.ingest import limits
from triage_app.core.ingest.charset import decode_bytes
from triage_app.core.ingest.html_reader import page_metadata
from triage_app.core.ingest.http_body import decode_body
from triage_app.core.ingest.readers import InputItem
from triage_app.core.ingest.warc_index import Capture, WarcIndex, index_records, url_key
from triage_app.core.records import ParsedDocument, Resource

Opener = Callable[[str], IO[bytes]]
"""Opens one WARC of the source by member name ("" for a plain WARC file) as a seekable binary stream."""

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_REF_RE = re.compile(r"""(?:\b(?:src|href|poster|data-src)\s*=\s*["']?|url\(\s*["']?|@import\s+["'])([^"'\s)>]+)""", re.IGNORECASE)
_SRCSET_RE = re.compile(r"""\bsrcset\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_CSS_TYPES = frozenset({"text/css"})


def read_record(opener: Opener, capture: Capture) -> tuple[bytes, str | None]:
    """The decoded body of one record and its HTTP charset, read from its offset (size-limited)."""
    with opener(capture.member) as stream:
        stream.seek(capture.offset)
        try:
            record = next(iter(ArchiveIterator(stream, check_digests=False)))
            raw = record.raw_stream.read(limits.MAX_DECOMPRESSED_BYTES + 1)
        except (ArchiveLoadFailed, StopIteration, EOFError, OSError, ValueError) as exc:
            raise IngestError(f"the archived record cannot be read ({exc.__class__.__name__})") from exc
        if len(raw) > limits.MAX_DECOMPRESSED_BYTES:
            raise limits.too_large("the archived record", limits.MAX_DECOMPRESSED_BYTES)
        if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than its Content-Length says
            raise IngestError("the archived record is truncated (the file ends inside it)")
        http = record.http_headers
        if http is None or record.rec_type == "resource":
            return raw, capture.charset
        body = decode_body(
            raw,
            transfer_encoding=http.get_header("Transfer-Encoding"),
            content_encoding=http.get_header("Content-Encoding"),
        )
        return body, capture.charset


def references(text: str, base: str) -> list[str]:
    """Absolute URLs a page or stylesheet refers to (src, href, srcset, url(), @import), in order, once each."""
    found: dict[str, None] = {}
    for match in _REF_RE.finditer(text):
        found.setdefault(url_key(urljoin(base, match.group(1).strip())), None)
    for match in _SRCSET_RE.finditer(text):
        for candidate in match.group(1).split(","):
            url = candidate.strip().split(" ", 1)[0]
            if url:
                found.setdefault(url_key(urljoin(base, url)), None)
    return [url for url in found if url.startswith(("http://", "https://"))]


def _name_for(url: str) -> str:
    name = PurePosixPath(urlsplit(url).path).name or "index"
    return name if name.lower().endswith((".html", ".htm", ".xhtml")) else f"{name}.html"


class WarcSource:
    """The pages of one archive (a WARC file, or every WARC of a WACZ) as InputItems."""

    def __init__(self, label: str, opener: Opener, members: list[str], page_list: list[str] | None = None) -> None:
        self.label = label
        self.opener = opener
        self.members = members
        self.page_list = page_list
        self.index = WarcIndex()
        self.complete = False  # True once the indexing pass has seen every record

    def items(self, is_cancelled: Callable[[], bool] = lambda: False) -> Iterator[InputItem]:
        """One item per page, yielded as the indexing pass finds it (so the walk can report progress),
        then one failed item per damaged part. Pages are loaded once the pass is over: their resources
        may be archived after them."""
        wanted = {url_key(u) for u in self.page_list} if self.page_list else None
        found = 0
        for member in self.members:
            try:
                with self.opener(member) as stream:
                    for capture in index_records(stream, member, self.index, is_cancelled):
                        if self._is_page(capture, wanted):
                            found += 1
                            yield InputItem(f"{self.label}!/{capture.uri}", functools.partial(self.load, capture))
            except (OSError, IngestError) as exc:
                self.index.errors.append(f"{member or 'archive'} cannot be read ({exc})")
        self.complete = True
        for error in self.index.errors:
            yield InputItem(self.label, error=error)
        if not found and not self.index.errors:
            yield InputItem(self.label, error="the web archive holds no HTML page (status 200, text/html)")

    def _is_page(self, capture: Capture, wanted: set[str] | None) -> bool:
        """An HTML capture with status 200 that is a page: listed in the WACZ, else not a frame."""
        if capture.rec_type == "resource" and capture.mime not in HTML_TYPES:
            return False
        if capture.rec_type != "revisit" and capture.mime not in HTML_TYPES:
            return False
        key = url_key(capture.uri)
        if wanted is not None:
            if key not in wanted:
                return False
        elif key in self.index.frame_urls:
            return False
        body = self.index.resolve(capture)
        if body is None or body.mime not in HTML_TYPES:
            return False
        if wanted is not None:
            wanted.discard(key)  # one document per listed page
        return True

    def _complete_index(self) -> None:
        """A page loaded before the walk finished (a caller that loads as it lists): index it all first."""
        index = WarcIndex()
        for member in self.members:
            with self.opener(member) as stream:
                for _capture in index_records(stream, member, index, lambda: False):
                    pass
        self.index, self.complete = index, True

    def load(self, capture: Capture) -> ParsedDocument:
        """One page: its decoded HTML, URL, capture date, HTTP charset and stored resources."""
        if not self.complete:
            self._complete_index()
        body_capture = self.index.resolve(capture)
        if body_capture is None:
            raise IngestError("a revisit record whose original is not in the archive")
        data, http_charset = read_record(self.opener, body_capture)
        if not data.strip():
            raise IngestError("the archived page is empty")
        decoded = decode_bytes(data, declared=capture.charset or http_charset, html=True)
        meta = page_metadata(decoded.text, base_url=capture.uri)
        if len(decoded.text) < 4000 and not re.search(r"<(html|body|head|title|p|article|div)\b", decoded.text, re.IGNORECASE):
            raise IngestError("an HTML fragment, not a page")
        return ParsedDocument(
            source_path=f"{self.label}!/{capture.uri}",
            original=data,
            format="warc",
            charset=decoded.charset,
            html=decoded.text,
            resources=self._resources(decoded.text, capture.uri),
            url=capture.uri,
            captured_at=capture.date or None,
            title=meta.title,
            original_name=_name_for(capture.uri),
        )

    def _resources(self, html: str, base: str) -> list[Resource]:
        resources: list[Resource] = []
        total = 0
        pending = references(html, base)
        seen = set(pending)
        while pending and len(resources) < limits.MAX_RESOURCES:
            url = pending.pop(0)
            capture = self.index.by_url.get(url)
            body = self.index.resolve(capture) if capture is not None else None
            if body is None or body.mime in HTML_TYPES:
                continue
            try:
                data, charset = read_record(self.opener, body)
            except IngestError:
                continue  # one bad image does not stop its page
            total += len(data)
            if total > limits.MAX_RESOURCE_TOTAL_BYTES:
                break
            resources.append(Resource(url, body.mime or "application/octet-stream", data))
            if body.mime in _CSS_TYPES:
                css = decode_bytes(data, declared=charset).text
                for ref in references(css, url):
                    if ref not in seen:
                        seen.add(ref)
                        pending.append(ref)
        return resources
