"""SingleFile's "self-extracting ZIP" pages (and SingleFileZ's `.zip.html`): a ZIP archive inside an HTML page.

SingleFile can save a page as one `.html` file that is also a ZIP archive: a few lines of HTML (the `<html>`
tag carries `data-sfz`) and a script that, in a browser, unpacks the archive written after it and shows its
`index.html`. A ZIP may have any bytes before and after its payload, so the file opens with any ZIP reader. We
never run the script: the archive is read here, its `index.html` (at the root, or in its first folder) is the
page and the other members its resources, with the zip limits of `archives.ZipSource` (member size, total size,
compression ratio). Read as a plain page instead, the file looked binary and was refused.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import PurePosixPath

from triage_app.core.errors import IngestError
from triage_app.core.ingest import limits
from triage_app.core.ingest.zip_members import LimitedMembers, safe_member_name
from triage_app.core.records import ParsedDocument, Resource

ParsePage = Callable[..., ParsedDocument]
"""`readers.parse_bytes`, handed in (the readers module calls this one)."""

_END_OF_ARCHIVE = b"PK\x05\x06"
_TAIL_SCAN = 70_000  # the end record and a ZIP comment of up to 64 KB (SingleFile's closing markup)


def looks_self_extracting(data: bytes) -> bool:
    """An HTML page that is also a ZIP archive: SingleFile's marker on `<html>`, or an archive after the markup."""
    head = data[:4096].lower()
    if b"<html" not in head:
        return False
    return b"data-sfz" in head or (_END_OF_ARCHIVE in data[-_TAIL_SCAN:] and b"PK\x03\x04" in data[:1_000_000])


def read_self_extracting(
    data: bytes, *, parse: ParsePage, source_path: str, original: bytes, original_name: str
) -> ParsedDocument:
    """The archive's `index.html` (read with `parse`, the readers' `parse_bytes`) as the page, its other members
    as resources; IngestError when it cannot be read."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise IngestError(f"a SingleFile self-extracting page whose archive cannot be read ({exc})") from exc
    if len(infos) > limits.ZIP_MAX_MEMBERS:
        raise IngestError(f"the page's archive has more than {limits.ZIP_MAX_MEMBERS} members")
    members = {name: info for info in infos if not info.is_dir() and (name := safe_member_name(info.filename))}
    index = _index_name(members)
    if index is None:
        raise IngestError("a SingleFile self-extracting page without an index.html in its archive")
    folder = str(PurePosixPath(index).parent)
    prefix = "" if folder == "." else f"{folder}/"
    source = LimitedMembers(lambda: archive)
    try:
        page = source.read(members[index])
        resources: list[Resource] = []
        total = 0
        for name, info in members.items():
            if name == index or not name.startswith(prefix) or len(resources) >= limits.MAX_RESOURCES:
                continue
            try:
                payload = source.read(info)
            except IngestError:
                continue  # a bad image does not stop its page
            total += len(payload)
            if total > limits.MAX_RESOURCE_TOTAL_BYTES:
                break
            resources.append(Resource(name[len(prefix):], _content_type(name), payload))
    finally:
        archive.close()
    doc = parse(page, name="index.html", source_path=source_path, resources=resources)
    doc.original, doc.original_name = original, original_name
    return doc


def index_page(data: bytes) -> bytes | None:
    """The page (`index.html`) of a self-extracting file, or None when `data` is not one or cannot be read:
    what the reader shows as the original, whose DOM the blocks' paths point into."""
    if not looks_self_extracting(data):
        return None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = {name: info for info in archive.infolist() if not info.is_dir() and (name := safe_member_name(info.filename))}
        index = _index_name(members)
        return LimitedMembers(lambda: archive).read(members[index]) if index is not None else None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, IngestError):
        return None


def _index_name(members: dict[str, zipfile.ZipInfo]) -> str | None:
    """`index.html` at the archive's root, else in its first folder (SingleFileZ's layout)."""
    if "index.html" in members:
        return "index.html"
    nested = sorted(name for name in members if name.count("/") == 1 and name.endswith("/index.html"))
    return nested[0] if nested else None


def _content_type(name: str) -> str:
    import mimetypes

    return mimetypes.guess_type(name)[0] or "application/octet-stream"
