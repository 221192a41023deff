"""Compressed inputs: `.gz` files and `.zip` archives, read in memory with limits (never extracted to disk).

Sizes that a gzip trailer or a zip header declare are only used to refuse early; the real
limits are counted on the bytes actually produced, chunk by chunk, so a lying header or a
zip bomb stops at the limit instead of filling memory.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import json
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from triage_app.core.errors import IngestError
from triage_app.core.ingest import limits
from triage_app.core.ingest.readers import InputItem, is_importable_name, kind_of, page_stem, parse_bytes
from triage_app.core.records import ParsedDocument, Resource

MANIFEST_NAME = "manifest.json"
PACKET_READER = "triage_app.core.export.packet_reader"
"""Module that reads briefing packets (`iter_packet_inputs(path) -> Iterator[InputItem]`), when present."""
MAX_MANIFEST_BYTES = 64 * limits.MB
_SYSTEM_NAMES = frozenset({"__macosx", "thumbs.db", "desktop.ini", ".ds_store"})


def _bomb(kind: str) -> IngestError:
    return IngestError(
        f"{kind} looks like a decompression bomb (it expands more than {limits.MAX_COMPRESSION_RATIO} times)"
    )


def _check_ratio(produced: int, compressed: int, kind: str) -> None:
    if produced > limits.RATIO_GRACE_BYTES and produced > limits.MAX_COMPRESSION_RATIO * max(compressed, 1):
        raise _bomb(kind)


def gunzip_limited(data: bytes, limit: int | None = None) -> bytes:
    """Decompress gzip data (all members), refusing output past `limit` or the ratio limit."""
    limit = limits.MAX_DECOMPRESSED_BYTES if limit is None else limit
    out: list[bytes] = []
    produced = 0
    pending = data
    while pending:
        decomp = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        chunk_in = pending
        try:
            while True:
                chunk = decomp.decompress(chunk_in, limits.READ_CHUNK)
                produced += len(chunk)
                if produced > limit:
                    raise limits.too_large("the decompressed file", limit)
                _check_ratio(produced, len(data), "the gzip file")
                out.append(chunk)
                chunk_in = decomp.unconsumed_tail
                if decomp.eof or (not chunk_in and not chunk):
                    break
        except zlib.error as exc:
            if produced:
                break  # damaged after some content: keep what was readable
            raise IngestError("the gzip file is damaged (cannot be decompressed)") from exc
        if not decomp.eof:
            break  # truncated file: keep what was decompressed
        pending = decomp.unused_data.lstrip(b"\x00")  # another gzip member may follow
    return b"".join(out)


def safe_member_name(name: str) -> str | None:
    """The member name as a relative POSIX path, or None if it is absolute or climbs out with `..`."""
    cleaned = name.replace("\\", "/")
    if cleaned.startswith("/") or (len(cleaned) > 1 and cleaned[1] == ":") or "\x00" in cleaned:
        return None
    parts = [p for p in cleaned.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        return None
    return "/".join(parts)


def _skipped(path: str) -> bool:
    return any(p.startswith(".") or p.lower() in _SYSTEM_NAMES for p in path.split("/"))


class ZipSource:
    """One zip archive whose members are read on demand, sharing one budget of bytes read."""

    def __init__(self, path: Path, label: str) -> None:
        self.path = path
        self.label = label
        self.total_read = 0
        self._zip: zipfile.ZipFile | None = None
        self._unloaded = 0

    def _open(self) -> zipfile.ZipFile:
        if self._zip is None:
            try:
                self._zip = zipfile.ZipFile(self.path)
            except (zipfile.BadZipFile, OSError, ValueError) as exc:
                raise IngestError(f"the zip archive cannot be opened ({exc})") from exc
        return self._zip

    def close(self) -> None:
        """Close the archive file."""
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def read(self, info: zipfile.ZipInfo, limit: int | None = None) -> bytes:
        """The bytes of one member, counted against the member, archive and ratio limits."""
        limit = limits.MAX_DECOMPRESSED_BYTES if limit is None else limit
        if info.flag_bits & 0x1:
            raise IngestError("the zip member is encrypted")
        if info.file_size > limit:
            raise limits.too_large("the zip member", limit)
        if self.total_read + info.file_size > limits.ZIP_MAX_TOTAL_BYTES:
            raise limits.too_large("the zip archive's content", limits.ZIP_MAX_TOTAL_BYTES)
        _check_ratio(info.file_size, info.compress_size, "the zip member")
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
                    _check_ratio(produced, info.compress_size, "the zip member")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
            raise IngestError(f"the zip member is damaged ({exc})") from exc
        return b"".join(chunks)

    def load(self, info: zipfile.ZipInfo, name: str, resource_infos: list[tuple[str, zipfile.ZipInfo]]) -> ParsedDocument:
        """Parse one member, with its `NAME_files/` members as resources."""
        try:
            data = self.read(info)
            resources: list[Resource] = []
            total = 0
            for rel_name, res_info in resource_infos[: limits.MAX_RESOURCES]:
                try:
                    payload = self.read(res_info)
                except IngestError:
                    continue  # a bad image does not stop its page
                total += len(payload)
                if total > limits.MAX_RESOURCE_TOTAL_BYTES:
                    break
                resources.append(Resource(rel_name, _content_type(rel_name), payload))
            return parse_bytes(data, name=name, source_path=f"{self.label}!/{name}", resources=resources)
        finally:
            self._unloaded -= 1
            if self._unloaded <= 0:
                self.close()

    def _warc_items(self, label: str, info: zipfile.ZipInfo) -> list[InputItem]:
        """The pages of a WARC member, read in place from the zip."""
        from triage_app.core.ingest.warc_reader import WarcSource

        def open_member(_member: str) -> IO[bytes]:
            archive = zipfile.ZipFile(self.path)
            handle = archive.open(info)
            archive.close()  # the member stays readable until it is closed itself
            return handle

        return list(WarcSource(label, open_member, [""]).items())

    def items(self) -> Iterator[InputItem]:
        """One InputItem per importable member; unsafe or unreadable members become failed items."""
        try:
            with zipfile.ZipFile(self.path) as archive:
                infos = archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            yield InputItem(self.label, error=f"not a readable zip archive ({exc})")
            return
        if len(infos) > limits.ZIP_MAX_MEMBERS:
            yield InputItem(self.label, error=f"the zip archive has more than {limits.ZIP_MAX_MEMBERS} members")
            return
        safe: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            name = safe_member_name(info.filename)
            if name is None:
                yield InputItem(f"{self.label}!/{info.filename}", error="unsafe name in the zip (absolute or '..' path); skipped")
            elif not info.is_dir() and not _skipped(name):
                safe.setdefault(name, info)
        resources = _resources_by_folder(safe)
        planned: list[InputItem] = []
        for name, info in safe.items():
            if _owning_folder(name, resources) is not None or not is_importable_name(name):
                continue  # a page's `NAME_files/` member, or not a document
            label = f"{self.label}!/{name}"
            if name.lower().endswith(".zip"):
                planned.append(InputItem(label, error="a zip inside a zip is not opened; unpack it first"))
                continue
            if kind_of(name) == "warc":
                planned.extend(self._warc_items(label, info))
                continue
            stem = page_stem(name)
            parent = str(PurePosixPath(name).parent)
            prefix = f"{stem}_files/" if parent == "." else f"{parent}/{stem}_files/"
            resource_infos = resources.get(prefix, []) if stem else []
            planned.append(InputItem(label, functools.partial(self.load, info, name, resource_infos)))
        self._unloaded = sum(1 for item in planned if item.load is not None)
        yield from sorted(planned, key=lambda item: item.label)


def _owning_folder(name: str, folders: dict[str, list[tuple[str, zipfile.ZipInfo]]]) -> str | None:
    """The `dir/page_files/` prefix that `name` lies under, if any (checked per path component)."""
    end = name.find("/")
    while end >= 0:
        if name[: end + 1] in folders:
            return name[: end + 1]
        end = name.find("/", end + 1)
    return None


def _resources_by_folder(members: dict[str, zipfile.ZipInfo]) -> dict[str, list[tuple[str, zipfile.ZipInfo]]]:
    """For each page's `dir/page_files/` prefix, its members named relative to the page ("page_files/a.png")."""
    folders: dict[str, list[tuple[str, zipfile.ZipInfo]]] = {}
    for name in members:
        stem = page_stem(name)
        if stem and kind_of(name) == "html":
            parent = str(PurePosixPath(name).parent)
            folders[f"{stem}_files/" if parent == "." else f"{parent}/{stem}_files/"] = []
    for name, info in members.items():
        prefix = _owning_folder(name, folders)
        if prefix is not None:
            page_dir = prefix[: prefix.rstrip("/").rfind("/") + 1]  # "dir/" or ""
            folders[prefix].append((name[len(page_dir):], info))
    return folders


def _content_type(name: str) -> str:
    import mimetypes

    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def _manifest_name(names: list[str]) -> str | None:
    """`manifest.json` at the root of the zip, or inside its one top folder."""
    if MANIFEST_NAME in names:
        return MANIFEST_NAME
    nested = [n for n in names if n.count("/") == 1 and n.endswith("/" + MANIFEST_NAME)]
    return nested[0] if len(nested) == 1 else None


def is_packet(path: Path) -> bool:
    """True for a zip that is a Triage briefing packet (its manifest names a Triage generator)."""
    try:
        with zipfile.ZipFile(path) as archive:
            name = _manifest_name(archive.namelist())
            if name is None:
                return False
            info = archive.getinfo(name)
            if info.file_size > MAX_MANIFEST_BYTES:
                return False
            with archive.open(info) as handle:
                manifest = json.loads(handle.read(MAX_MANIFEST_BYTES + 1))
    except RecursionError:
        return True  # absurdly nested: the packet reader refuses it with one line, rather than import its files
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError, zlib.error):
        return False
    generator = manifest.get("generator") if isinstance(manifest, dict) else None
    return isinstance(generator, str) and generator.lower().startswith("triage")


def _packet_reader_available() -> bool:
    try:
        return importlib.util.find_spec(PACKET_READER) is not None
    except ImportError:
        return False


def iter_zip(path: Path) -> Iterator[InputItem]:
    """The importable members of a zip archive, or the packet reader's items for a briefing packet."""
    if is_packet(path):
        if not _packet_reader_available():
            yield InputItem(str(path), error="a Triage briefing packet, but this version cannot import packets")
            return
        packet_reader = importlib.import_module(PACKET_READER)
        yield from packet_reader.iter_packet_inputs(path)
        return
    from triage_app.core.ingest.wacz_reader import is_wacz, iter_wacz

    if is_wacz(path):
        yield from iter_wacz(path)
        return
    count = 0
    for item in ZipSource(path, str(path)).items():
        count += 1
        yield item
    if count == 0:  # say why rather than "0 imported, 0 failed"
        yield InputItem(str(path), error=_why_nothing(path))


def _why_nothing(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            has_manifest = _manifest_name(archive.namelist()) is not None
    except (zipfile.BadZipFile, OSError):
        has_manifest = False
    if has_manifest:
        return "its manifest.json is not a Triage briefing packet manifest, and nothing importable is in the zip"
    return "nothing importable in the zip (no web page, web archive, PDF, e-mail or text file)"
