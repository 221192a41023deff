"""Checking a packet (zip or unpacked folder) against its manifest: changed, added, removed files."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from triage_app.core.errors import ZIP_ERRORS
from triage_app.core.export.manifest import (
    MANIFEST_NAME,
    SUMS_NAME,
    UNLISTED,
    find_manifest,
    parse_manifest,
    parse_sha256sums,
)

_CHUNK = 1024 * 1024


@dataclass
class VerifyReport:
    """The outcome of checking one packet."""

    path: str
    checked: int = 0
    changed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    manifest: dict[str, Any] = field(default_factory=dict)
    fingerprint: str = ""  # SHA-256 of SHA256SUMS, to compare with the one the sender gave

    @property
    def ok(self) -> bool:
        return not (self.changed or self.added or self.removed or self.problems)

    def lines(self) -> list[str]:
        """A human summary, one finding per line."""
        out = [f"changed: {p}" for p in self.changed]
        out += [f"added: {p}" for p in self.added]
        out += [f"removed: {p}" for p in self.removed]
        out += [f"problem: {p}" for p in self.problems]
        title = self.manifest.get("title")
        if self.fingerprint:
            out.append(f"fingerprint (SHA-256 of SHA256SUMS): {self.fingerprint}")
        if self.ok:
            out.append(f"OK: all {self.checked} files match manifest.json and SHA256SUMS" + (f" of “{title}”" if title else ""))
        else:
            out.append(f"FAILED: {len(self.changed)} changed, {len(self.added)} added, {len(self.removed)} removed, "
                       f"{len(self.problems)} other problems")
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "ok": self.ok, "checked": self.checked, "changed": self.changed,
                "added": self.added, "removed": self.removed, "problems": self.problems,
                "title": self.manifest.get("title"), "created": self.manifest.get("created"),
                "generator": self.manifest.get("generator"), "fingerprint": self.fingerprint}


def _digest(handle: IO[bytes]) -> tuple[int, str]:
    sha = hashlib.sha256()
    size = 0
    while chunk := handle.read(_CHUNK):
        sha.update(chunk)
        size += len(chunk)
    return size, sha.hexdigest()


class _ZipView:
    """The zip's members under its packet folder; anything else (outside it, twice, a stray folder) is a problem."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        all_names = archive.namelist()
        names = [n for n in all_names if not n.endswith("/")]
        manifest = find_manifest(names)
        self.prefix = manifest[: -len(MANIFEST_NAME)] if manifest else ""
        self.found = manifest is not None
        self.problems: list[str] = []
        self.folders: list[str] = []
        seen: set[str] = set()
        for name in all_names:
            if name in seen:
                self.problems.append(f"{name}: the zip holds this name twice (unzip and Python would read different copies)")
            seen.add(name)
            if not name.startswith(self.prefix):
                self.problems.append(f"{name}: outside the packet folder {self.prefix or '/'}")
            elif name.endswith("/") and name != self.prefix:
                self.folders.append(name[len(self.prefix):])
        self.files = {n[len(self.prefix):]: n for n in names if n.startswith(self.prefix)}

    def read(self, rel: str) -> bytes:
        return self.archive.read(self.files[rel])

    def digest(self, rel: str) -> tuple[int, str]:
        with self.archive.open(self.files[rel]) as handle:
            return _digest(handle)


class _FolderView:
    problems: list[str]
    folders: list[str]

    def __init__(self, root: Path) -> None:
        self.problems, self.folders = [], []
        if not (root / MANIFEST_NAME).is_file():
            subdirs = [p for p in root.iterdir() if p.is_dir()]
            if len(subdirs) == 1 and (subdirs[0] / MANIFEST_NAME).is_file():
                root = subdirs[0]
        self.root = root
        self.found = (root / MANIFEST_NAME).is_file()
        self.files = {p.relative_to(root).as_posix(): p for p in _walk(root)}

    def read(self, rel: str) -> bytes:
        return self.files[rel].read_bytes()

    def digest(self, rel: str) -> tuple[int, str]:
        with self.files[rel].open("rb") as handle:
            return _digest(handle)


def _walk(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path


def _check(view: _ZipView | _FolderView, report: VerifyReport) -> None:
    if not view.found:
        report.problems.append("no manifest.json: this is not a Triage briefing packet")
        return
    manifest_bytes = view.read(MANIFEST_NAME)
    try:
        report.manifest = parse_manifest(manifest_bytes)
    except ValueError as exc:
        report.problems.append(str(exc))
        return
    listed: dict[str, dict[str, Any]] = {}
    for entry in report.manifest["files"]:
        if isinstance(entry, dict) and isinstance(entry.get("path"), str):
            listed[entry["path"]] = entry
    for rel, entry in sorted(listed.items()):
        if rel not in view.files:
            report.removed.append(rel)
            continue
        size, digest = view.digest(rel)
        report.checked += 1
        if digest != str(entry.get("sha256", "")).lower() or size != entry.get("size"):
            report.changed.append(rel)
    report.added = sorted(rel for rel in view.files if rel not in listed and rel not in UNLISTED)
    report.added += sorted(f for f in view.folders if not any(rel.startswith(f) for rel in listed))
    report.problems.extend(view.problems)
    for doc in report.manifest.get("documents") or []:
        original = doc.get("original") if isinstance(doc, dict) else None
        if original and original in listed and listed[original].get("sha256") != doc.get("original_sha256"):
            report.problems.append(f"{original}: the manifest's file hash differs from the hash recorded at import")
    _check_sums(view, manifest_bytes, listed, report)


def _check_sums(view: _ZipView | _FolderView, manifest_bytes: bytes, listed: dict[str, dict[str, Any]],
                report: VerifyReport) -> None:
    if SUMS_NAME not in view.files:
        report.removed.append(SUMS_NAME)
        return
    raw = view.read(SUMS_NAME)
    report.fingerprint = hashlib.sha256(raw).hexdigest()
    sums = parse_sha256sums(raw)
    if sums.get(MANIFEST_NAME) != hashlib.sha256(manifest_bytes).hexdigest():
        report.changed.append(MANIFEST_NAME)
    disagree = sorted(p for p in set(sums) | set(listed) if p != MANIFEST_NAME and sums.get(p) != listed.get(p, {}).get("sha256"))
    if disagree:
        report.problems.append(f"{SUMS_NAME} and {MANIFEST_NAME} disagree about: {', '.join(disagree[:10])}")


def verify_packet(path: Path | str) -> VerifyReport:
    """Check every hash of the packet at `path` (a .zip or its unpacked folder)."""
    path = Path(path)
    report = VerifyReport(str(path))
    if path.is_dir():
        _check(_FolderView(path), report)
        return report
    try:
        with zipfile.ZipFile(path) as archive:
            _check(_ZipView(archive), report)
    except ZIP_ERRORS as exc:
        report.problems.append(f"cannot read the packet: {exc}")
    return report
