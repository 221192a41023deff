"""Walking input folders: recursive and sorted, skipping hidden and system files, never looping.

Symlinked folders are not followed (and every folder's real path is visited once), so a
link pointing back up the tree cannot make the walk endless. A browser's `NAME_files/`
folder next to `NAME.html` is not walked for documents: its files belong to the page.
"""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from triage_app.core.errors import IngestError
from triage_app.core.ingest import limits
from triage_app.core.ingest.readers import (
    SNIFF_BYTES,
    InputItem,
    is_importable_name,
    load_file,
    may_be_unnamed_page,
    page_stem,
    passed_over_notice,
    sniffs_as_page,
)
from triage_app.core.records import Resource

SYSTEM_NAMES = frozenset(
    {"thumbs.db", "desktop.ini", "__macosx", "$recycle.bin", "system volume information", "lost+found", "icon\r"}
)


def is_skipped_name(name: str) -> bool:
    """Hidden (dot) files and folders and the clutter operating systems leave behind."""
    return name.startswith((".", "~$")) or name.lower() in SYSTEM_NAMES


def _entries_once(folder: Path, seen: set[str]) -> list[os.DirEntry[str]] | None:
    """The folder's entries sorted by name, or None when its real path was visited already (a loop)."""
    real = os.path.realpath(folder)
    if real in seen:
        return None
    seen.add(real)
    return sorted(os.scandir(folder), key=lambda e: e.name)


def resources_folder(page: Path) -> Path | None:
    """The browser's `NAME_files/` folder saved next to `page`, if there is one (not a symlink)."""
    stem = page_stem(page.name)
    if stem is None:
        return None
    folder = page.parent / f"{stem}_files"
    return folder if folder.is_dir() and not folder.is_symlink() else None


def collect_resources(page: Path) -> list[Resource]:
    """The files of a page's `NAME_files/` folder, named relative to the page ("page_files/a.png")."""
    folder = resources_folder(page)
    if folder is None:
        return []
    resources: list[Resource] = []
    total = 0
    pending = [folder]
    seen: set[str] = set()
    while pending and len(resources) < limits.MAX_RESOURCES:
        current = pending.pop(0)
        try:
            entries = _entries_once(current, seen)
        except OSError:
            continue
        if entries is None:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                pending.append(Path(entry.path))
            elif entry.is_file() and len(resources) < limits.MAX_RESOURCES:
                try:
                    data = limits.read_file_limited(Path(entry.path), limits.MAX_FILE_BYTES)
                except IngestError:
                    continue
                total += len(data)
                if total > limits.MAX_RESOURCE_TOTAL_BYTES:
                    return resources
                name = Path(entry.path).relative_to(page.parent).as_posix()
                resources.append(Resource(name, mimetypes.guess_type(name)[0] or "application/octet-stream", data))
    return resources


def file_item(path: Path, zip_items: Callable[[Path], Iterator[InputItem]]) -> Iterator[InputItem]:
    """Items for one file: a document, or the members of a zip archive."""
    if path.name.lower().endswith(".zip"):
        yield from zip_items(path)
        return
    from triage_app.core.ingest.containers import container_items, container_kind

    kind = container_kind(path)
    if kind is not None:
        yield from container_items(path, kind)
        return
    yield InputItem(str(path), lambda: load_file(path, lambda: collect_resources(path)))


def _is_unnamed_page(entry: os.DirEntry[str]) -> bool:
    """A file whose name is no document's but whose first bytes are a page (`readers.may_be_unnamed_page`)."""
    if not may_be_unnamed_page(entry.name):
        return False
    try:
        with open(entry.path, "rb") as handle:
            return sniffs_as_page(handle.read(SNIFF_BYTES))
    except OSError:  # an unreadable file that no name says is a document is passed over, as before
        return False


def iter_folder(root: Path, zip_items: Callable[[Path], Iterator[InputItem]]) -> Iterator[InputItem]:
    """Items for every importable file under `root`, depth first in name order."""
    seen: set[str] = set()
    stack: list[tuple[Path, int]] = [(root, 0)]
    passed_over: dict[str, int] = {}  # suffix -> files that are not pages (a mirror's styles, scripts, images)
    while stack:
        folder, depth = stack.pop()
        try:
            entries = _entries_once(folder, seen)
        except OSError as exc:
            yield InputItem(str(folder), error=f"cannot open the folder ({exc.strerror or exc})")
            continue
        if entries is None:
            continue
        names = {entry.name for entry in entries}
        page_folders = {f"{page_stem(n)}_files" for n in names if page_stem(n)}
        subfolders: list[Path] = []
        for entry in entries:
            if is_skipped_name(entry.name):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in page_folders:
                        subfolders.append(Path(entry.path))
                elif entry.is_file() and (is_importable_name(entry.name) or _is_unnamed_page(entry)):
                    yield from file_item(Path(entry.path), zip_items)
                elif entry.is_file():
                    suffix = Path(entry.name).suffix.lower()
                    passed_over[suffix] = passed_over.get(suffix, 0) + 1
            except OSError as exc:
                yield InputItem(entry.path, error=f"cannot be read ({exc.strerror or exc})")
        if subfolders and depth >= limits.MAX_FOLDER_DEPTH:
            yield InputItem(str(folder), error=f"folders nested more than {limits.MAX_FOLDER_DEPTH} deep are not searched")
            continue
        stack.extend((sub, depth + 1) for sub in reversed(subfolders))
    if passed_over:
        yield InputItem(str(root), notice=passed_over_notice(passed_over))
