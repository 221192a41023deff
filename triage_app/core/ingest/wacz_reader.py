"""WACZ web archives: a zip holding WARCs under `archive/` and the page list `pages/pages.jsonl`.

The WARCs are read in place from the zip (WACZ stores them uncompressed, so seeking is cheap);
when the page list is present only its pages become documents.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from triage_app.core.errors import ZIP_ERRORS, ZIP_MEMBER_ERRORS, IngestError
from triage_app.core.ingest.readers import InputItem
from triage_app.core.ingest.warc_reader import WarcSource

PAGE_LISTS = ("pages/pages.jsonl", "pages/extraPages.jsonl")
MAX_PAGE_LIST_BYTES = 64 * 1024 * 1024


def warc_members(names: list[str]) -> list[str]:
    """The WARC members of a WACZ (`archive/*.warc`, `*.warc.gz`), in name order."""
    return sorted(n for n in names if n.startswith("archive/") and n.lower().endswith((".warc", ".warc.gz")))


def is_wacz(path: Path) -> bool:
    """True for a zip that holds WARCs under `archive/` (a WACZ, whatever its name)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return bool(warc_members(archive.namelist()))
    except ZIP_ERRORS:
        return False


def _page_urls(archive: zipfile.ZipFile) -> list[str] | None:
    """URLs of `pages/pages.jsonl` and Browsertrix's `pages/extraPages.jsonl` (each starts with a header
    line), or None when the WACZ has no page list."""
    names = [name for name in PAGE_LISTS if name in archive.namelist()]
    if not names:
        return None
    urls: list[str] = []
    for name in names:
        with archive.open(name) as handle:
            data = handle.read(MAX_PAGE_LIST_BYTES)
        for line in data.decode("utf-8", "replace").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict) and isinstance(entry.get("url"), str):
                urls.append(entry["url"])
    return urls or None


def _opener(path: Path) -> Callable[[str], IO[bytes]]:
    def open_member(member: str) -> IO[bytes]:
        try:
            archive = zipfile.ZipFile(path)
            handle = archive.open(member)
        except ZIP_MEMBER_ERRORS as exc:
            raise IngestError(f"the WACZ member {member} cannot be opened ({exc})") from exc
        archive.close()  # the member stays readable until it is closed itself
        return handle

    return open_member


def iter_wacz(path: Path, label: str | None = None, is_cancelled: Callable[[], bool] = lambda: False) -> Iterator[InputItem]:
    """One InputItem per page of a WACZ."""
    label = label or str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = warc_members(archive.namelist())
            pages = _page_urls(archive)
    except ZIP_ERRORS as exc:
        yield InputItem(label, error=f"not a readable WACZ archive ({exc})")
        return
    if not members:
        yield InputItem(label, error="a WACZ without any WARC under archive/")
        return
    yield from WarcSource(label, _opener(path), members, pages).items(is_cancelled)
