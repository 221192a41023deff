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

from triage_app.core.errors import ZIP_ERRORS, IngestError
from triage_app.core.ingest import limits
from triage_app.core.ingest.zip_members import LimitedMembers, read_resources, safe_member_name
from triage_app.core.records import ParsedDocument

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
    archive, members, index = _open(data)
    try:
        if index is None:
            raise IngestError("a SingleFile self-extracting page without an index.html in its archive")
        folder = str(PurePosixPath(index).parent)
        prefix = "" if folder == "." else f"{folder}/"
        reader = LimitedMembers(lambda: archive)
        page = reader.read(members[index])
        named = [(name[len(prefix):], info) for name, info in members.items() if name != index and name.startswith(prefix)]
        resources = read_resources(reader, named)
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
        archive, members, index = _open(data)
    except IngestError:
        return None
    try:
        return LimitedMembers(lambda: archive).read(members[index]) if index is not None else None
    except IngestError:
        return None
    finally:
        archive.close()


def _open(data: bytes) -> tuple[zipfile.ZipFile, dict[str, zipfile.ZipInfo], str | None]:
    """The archive in `data`, its members by safe name, and the name of its page (None when it has none)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except ZIP_ERRORS as exc:
        raise IngestError(f"a SingleFile self-extracting page whose archive cannot be read ({exc})") from exc
    if len(infos) > limits.ZIP_MAX_MEMBERS:
        archive.close()
        raise IngestError(f"the page's archive has more than {limits.ZIP_MAX_MEMBERS} members")
    members = {name: info for info in infos if not info.is_dir() and (name := safe_member_name(info.filename))}
    return archive, members, _index_name(members)


def _index_name(members: dict[str, zipfile.ZipInfo]) -> str | None:
    """`index.html` at the archive's root, else in its first folder (SingleFileZ's layout)."""
    if "index.html" in members:
        return "index.html"
    nested = sorted(name for name in members if name.count("/") == 1 and name.endswith("/index.html"))
    return nested[0] if nested else None
