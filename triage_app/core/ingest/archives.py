"""Compressed inputs: `.gz` files and `.zip` archives, read in memory with limits (never extracted to disk).

Sizes that a gzip trailer or a zip header declare are only used to refuse early; the real
limits are counted on the bytes actually produced, chunk by chunk, so a lying header or a
zip bomb stops at the limit instead of filling memory.
"""

from __future__ import annotations

import functools
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from triage_app.core.errors import ZIP_ERRORS, IngestError
from triage_app.core.ingest import limits
from triage_app.core.ingest.readers import (
    SNIFF_BYTES,
    InputItem,
    is_importable_name,
    kind_of,
    may_be_unnamed_page,
    page_stem,
    parse_bytes,
    passed_over_notice,
    sniffs_as_page,
)
from triage_app.core.ingest.zip_members import LimitedMembers, read_resources, safe_member_name
from triage_app.core.ingest.zip_names import member_names
from triage_app.core.records import ParsedDocument

_SYSTEM_NAMES = frozenset({"__macosx", "thumbs.db", "desktop.ini", ".ds_store"})


def _skipped(path: str) -> bool:
    return any(p.startswith(".") or p.lower() in _SYSTEM_NAMES for p in path.split("/"))


class ZipSource:
    """One zip archive whose members are read on demand, sharing one budget of bytes read."""

    def __init__(self, path: Path, label: str) -> None:
        self.path = path
        self.label = label
        self._zip: zipfile.ZipFile | None = None
        self._members = LimitedMembers(self._open)
        self._unloaded = 0

    def _open(self) -> zipfile.ZipFile:
        if self._zip is None:
            try:
                self._zip = zipfile.ZipFile(self.path)
            except ZIP_ERRORS as exc:
                raise IngestError(f"the zip archive cannot be opened ({exc})") from exc
        return self._zip

    def close(self) -> None:
        """Close the archive file."""
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def read(self, info: zipfile.ZipInfo, limit: int | None = None) -> bytes:
        """The bytes of one member, counted against the member, archive and ratio limits."""
        return self._members.read(info, limit)

    def load(self, info: zipfile.ZipInfo, name: str, resource_infos: list[tuple[str, zipfile.ZipInfo]]) -> ParsedDocument:
        """Parse one member, with its `NAME_files/` members as resources."""
        try:
            data = self.read(info)
            resources = read_resources(self._members, resource_infos)
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
                names = member_names(infos, archive) if len(infos) <= limits.ZIP_MAX_MEMBERS else []
        except ZIP_ERRORS as exc:
            yield InputItem(self.label, error=f"not a readable zip archive ({exc})")
            return
        if len(infos) > limits.ZIP_MAX_MEMBERS:
            yield InputItem(self.label, error=f"the zip archive has more than {limits.ZIP_MAX_MEMBERS} members")
            return
        safe: dict[str, zipfile.ZipInfo] = {}
        for info, written in zip(infos, names):
            name = safe_member_name(written)
            if name is None:
                yield InputItem(f"{self.label}!/{written}", error="unsafe name in the zip (absolute or '..' path); skipped")
            elif not info.is_dir() and not _skipped(name):
                safe.setdefault(name, info)
        resources = _resources_by_folder(safe)
        unnamed = self._unnamed_pages([(n, i) for n, i in safe.items() if _owning_folder(n, resources) is None and may_be_unnamed_page(n)])
        planned: list[InputItem] = []
        passed_over: dict[str, int] = {}
        for name, info in safe.items():
            if _owning_folder(name, resources) is not None:
                continue  # a page's `NAME_files/` member
            if not (is_importable_name(name) or name in unnamed):
                suffix = PurePosixPath(name).suffix.lower()
                passed_over[suffix] = passed_over.get(suffix, 0) + 1
                continue
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
        if passed_over and planned:  # a zip with no page at all says why on its own (`_why_nothing`)
            yield InputItem(self.label, notice=passed_over_notice(passed_over))


    def _unnamed_pages(self, members: list[tuple[str, zipfile.ZipInfo]]) -> set[str]:
        """The members among `members` whose first bytes are a page (`readers.sniffs_as_page`)."""
        if not members:
            return set()
        found: set[str] = set()
        try:
            with zipfile.ZipFile(self.path) as archive:
                for name, info in members:
                    try:
                        with archive.open(info) as handle:
                            head = handle.read(SNIFF_BYTES)
                    except ZIP_ERRORS:
                        continue  # damaged, encrypted or of an unknown compression: not looked into
                    if sniffs_as_page(head):
                        found.add(name)
        except ZIP_ERRORS:
            return found
        return found


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


def iter_zip(path: Path) -> Iterator[InputItem]:
    """The importable members of a zip archive (a briefing packet goes to `exchange.packet_reader` instead)."""
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
            has_manifest = any(n.rsplit("/", 1)[-1] == "manifest.json" and n.count("/") <= 1 for n in archive.namelist())
    except ZIP_ERRORS:
        has_manifest = False
    if has_manifest:
        return "its manifest.json is not a Triage briefing packet manifest, and nothing importable is in the zip"
    return "nothing importable in the zip (no web page, web archive, PDF, e-mail or text file)"
