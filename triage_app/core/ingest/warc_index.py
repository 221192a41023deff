"""The first pass over a web archive: every record's place and headers, indexed without keeping a body.

`index_records` walks one WARC with warcio and adds each response, resource and revisit record to a
`WarcIndex` (by URL and by payload digest), and notes the URLs requested as frames; `WarcIndex.resolve`
follows a revisit to the record that holds its body. `warc_reader.WarcSource` turns the pages into items.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO
from urllib.parse import urldefrag

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from triage_app.core.ingest.charset import normalise_label

FRAME_DESTS = frozenset({"iframe", "frame", "empty", "embed", "object"})


@dataclass(slots=True)
class Capture:
    """Where one archived record is, and what it says about itself (no body)."""

    member: str
    offset: int
    uri: str
    date: str
    rec_type: str
    status: str
    mime: str
    charset: str | None
    digest: str
    refers_uri: str | None = None
    refers_date: str | None = None


@dataclass
class WarcIndex:
    """Every response/resource/revisit record of an archive, by URL and by payload digest."""

    captures: list[Capture] = field(default_factory=list)
    by_url: dict[str, Capture] = field(default_factory=dict)
    by_digest: dict[str, Capture] = field(default_factory=dict)
    frame_urls: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)

    def add(self, capture: Capture) -> None:
        self.captures.append(capture)
        if capture.rec_type == "revisit" or capture.status in ("200", ""):
            self.by_url.setdefault(url_key(capture.uri), capture)
        if capture.rec_type != "revisit" and capture.digest:
            self.by_digest.setdefault(capture.digest, capture)

    def resolve(self, capture: Capture) -> Capture | None:
        """The record holding the body of `capture` (itself unless it is a revisit)."""
        seen = 0
        while capture.rec_type == "revisit" and seen < 5:
            target = self.by_digest.get(capture.digest) if capture.digest else None
            if target is None and capture.refers_uri:
                candidates = [c for c in self.captures if c.uri == capture.refers_uri and c.rec_type != "revisit"]
                exact = [c for c in candidates if c.date == capture.refers_date]
                target = (exact or candidates)[0] if (exact or candidates) else None
            if target is None or target is capture:
                return None
            capture, seen = target, seen + 1
        return capture if capture.rec_type != "revisit" else None


def url_key(url: str) -> str:
    """A URL as the index looks it up: stripped, without its #fragment."""
    return urldefrag(url.strip())[0]


def _mime(content_type: str | None) -> tuple[str, str | None]:
    if not content_type:
        return "", None
    parts = [p.strip() for p in content_type.split(";")]
    charset = None
    for part in parts[1:]:
        if part.lower().startswith("charset="):
            charset = normalise_label(part[8:].strip("\"' "))
    return parts[0].lower(), charset


def index_records(
    stream: IO[bytes], member: str, index: WarcIndex, is_cancelled: Callable[[], bool]
) -> Iterator[Capture]:
    """Add every record of one WARC to `index`, yielding each as it is added; a damaged record ends the
    pass with a note in `index.errors`."""
    iterator = ArchiveIterator(stream, no_record_parse=False, check_digests=False)
    count = 0
    try:
        for record in iterator:
            count += 1
            if is_cancelled():
                return
            headers = record.rec_headers
            uri = (headers.get_header("WARC-Target-URI") or "").strip().strip("<>")  # WARC 1.1 writers add <>
            if record.rec_type == "request" and record.http_headers is not None:
                dest = (record.http_headers.get_header("Sec-Fetch-Dest") or "").lower()
                if dest in FRAME_DESTS:
                    index.frame_urls.add(url_key(uri))
                continue
            if record.rec_type not in ("response", "resource", "revisit") or not uri:
                continue
            http = record.http_headers
            status = (http.get_statuscode() or "") if http is not None and record.rec_type != "resource" else ""
            content_type = http.get_header("Content-Type") if http is not None else headers.get_header("Content-Type")
            mime, charset = _mime(content_type)
            if record.rec_type == "response" and status != "200":
                continue
            capture = Capture(
                member, iterator.get_record_offset(), uri, headers.get_header("WARC-Date") or "",
                record.rec_type, status, mime, charset, headers.get_header("WARC-Payload-Digest") or "",
                headers.get_header("WARC-Refers-To-Target-URI"), headers.get_header("WARC-Refers-To-Date"),
            )
            index.add(capture)
            yield capture
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        where = f"{member}: " if member else ""
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
        index.errors.append(f"{where}the archive is damaged after record {count} ({first})")
    except Exception as exc:  # noqa: BLE001 - zlib.error from a truncated gzip member, struct errors from odd headers
        where = f"{member}: " if member else ""
        index.errors.append(f"{where}the archive is damaged after record {count} ({exc.__class__.__name__})")
