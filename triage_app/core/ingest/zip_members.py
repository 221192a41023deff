"""Reading the members of a ZIP archive safely: names that cannot climb out, bytes counted against the limits.

Shared by the zip walk (`archives`) and pages that are ZIP archives themselves (`singlefile_zip`); it imports
neither, so neither imports the other.
"""

from __future__ import annotations

import mimetypes
import zipfile
from collections.abc import Callable

from triage_app.core.errors import ZIP_ERRORS, IngestError
from triage_app.core.ingest import limits
from triage_app.core.records import Resource


def safe_member_name(name: str) -> str | None:
    """The member name as a relative POSIX path, or None if it is absolute or climbs out with `..`."""
    cleaned = name.replace("\\", "/")
    if cleaned.startswith("/") or (len(cleaned) > 1 and cleaned[1] == ":") or "\x00" in cleaned:
        return None
    parts = [p for p in cleaned.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return "/".join(parts)


class LimitedMembers:
    """Reads members of one archive (opened on demand by `open_archive`), sharing one budget of bytes read."""

    def __init__(self, open_archive: Callable[[], zipfile.ZipFile]) -> None:
        self._open = open_archive
        self.total_read = 0

    def read(self, info: zipfile.ZipInfo, limit: int | None = None) -> bytes:
        """The bytes of one member, counted against the member, archive and ratio limits."""
        limit = limits.MAX_DECOMPRESSED_BYTES if limit is None else limit
        if info.flag_bits & 0x1:
            raise IngestError("the zip member is encrypted")
        if info.file_size > limit:
            raise limits.too_large("the zip member", limit)
        if self.total_read + info.file_size > limits.ZIP_MAX_TOTAL_BYTES:
            raise limits.too_large("the zip archive's content", limits.ZIP_MAX_TOTAL_BYTES)
        limits.check_ratio(info.file_size, info.compress_size, "the zip member")
        chunks: list[bytes] = []
        produced = 0
        try:
            with self._open().open(info) as handle:
                while chunk := handle.read(limits.READ_CHUNK):
                    produced += len(chunk)
                    self.total_read += len(chunk)
                    if produced > limit:
                        raise limits.too_large("the zip member", limit)
                    if self.total_read > limits.ZIP_MAX_TOTAL_BYTES:
                        raise limits.too_large("the zip archive's content", limits.ZIP_MAX_TOTAL_BYTES)
                    limits.check_ratio(produced, info.compress_size, "the zip member")
                    chunks.append(chunk)
        except ZIP_ERRORS as exc:
            raise IngestError(f"the zip member is damaged ({exc})") from exc
        return b"".join(chunks)


def read_resources(members: LimitedMembers, named: list[tuple[str, zipfile.ZipInfo]]) -> list[Resource]:
    """A page's resources: each (name relative to the page, member) of the first `MAX_RESOURCES`, read with the
    archive's limits; a damaged member is left out (a bad image does not stop its page), and reading stops at
    `MAX_RESOURCE_TOTAL_BYTES`."""
    resources: list[Resource] = []
    total = 0
    for name, info in named[: limits.MAX_RESOURCES]:
        try:
            payload = members.read(info)
        except IngestError:
            continue
        total += len(payload)
        if total > limits.MAX_RESOURCE_TOTAL_BYTES:
            break
        resources.append(Resource(name, mimetypes.guess_type(name)[0] or "application/octet-stream", payload))
    return resources
