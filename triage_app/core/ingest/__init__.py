"""Reading input files into ParsedDocuments: one reader per format, archives and folders.

Interface used by the rest of Triage:
- `iter_inputs(paths)` yields one `InputItem` per importable file found under `paths`.
- `InputItem.load()` returns a `ParsedDocument` or raises `IngestError` with a plain reason.

Modules: `charset` (BOM, declared, detected), `html_reader`, `singlefile`, `mhtml_reader`,
`text_reader`, `readers` (choosing a reader, common checks), `archives` (zip), `folders` (walking), `limits` (the safety limits every reader keeps to, gzip).
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from triage_app.core.ingest.archives import iter_zip
from triage_app.core.ingest.folders import file_item, iter_folder
from triage_app.core.ingest.readers import (
    DOCUMENT_SUFFIXES,
    HTML_SUFFIXES,
    MHTML_SUFFIXES,
    TEXT_SUFFIXES,
    InputItem,
    parse_bytes,
)

__all__ = [
    "DOCUMENT_SUFFIXES",
    "HTML_SUFFIXES",
    "MHTML_SUFFIXES",
    "TEXT_SUFFIXES",
    "InputItem",
    "iter_inputs",
    "parse_bytes",
]

ZipReader = Callable[[Path], Iterator[InputItem]]


def iter_inputs(paths: Iterable[Path | str], *, zip_reader: ZipReader = iter_zip) -> Iterator[InputItem]:
    """Files under `paths` (folders recursively, zip members) that Triage can import, as InputItems.

    `zip_reader` reads each zip found; `core.exchange.packet_reader.iter_inputs` passes one that reads
    briefing packets back with their decisions.
    """
    for raw in paths:
        path = Path(raw)
        try:
            info = path.stat()
        except FileNotFoundError:
            yield InputItem(str(path), error="no such file or folder")
            continue
        except OSError as exc:
            yield InputItem(str(path), error=f"cannot be read ({exc.strerror or exc})")
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from iter_folder(path, zip_reader)
        elif stat.S_ISREG(info.st_mode):
            yield from file_item(path, zip_reader)
        else:
            yield InputItem(str(path), error="not a regular file (a device, pipe or socket)")
