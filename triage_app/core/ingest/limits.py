"""Safety limits for reading hostile input: sizes, archive members, compression ratios.

Every reader checks these while reading (in chunks), never trusting sizes that a file
or an archive header declares about itself.
"""

from __future__ import annotations

import os
import stat
import zlib
from pathlib import Path

from triage_app.core.errors import IngestError

MB = 1024 * 1024

MAX_FILE_BYTES = 200 * MB
"""Largest single input file (page, text dump, gzip or zip as found on disk)."""

MAX_TEXT_BYTES = 16 * MB
"""Largest text dump (.txt/.text/.md, or content sniffed as text, once decompressed). Its line-by-line
cleaning holds about 8 times the text in memory on top of the program's own ~160 MB (a 16 MB dump peaks
near 280 MB) and takes ~0.7 s per MB, so a 190 MB dump would need ~1.7 GB: it is refused at once in one
line instead. Web pages keep `MAX_FILE_BYTES`."""

MAX_DECOMPRESSED_BYTES = 200 * MB
"""Largest content a `.gz` file or one zip member may expand to."""

MAX_COMPRESSION_RATIO = 200
"""Largest expansion ratio accepted for gzip files and zip members (zip-bomb guard).

Ordinary HTML compresses 5-20 times; repeated padding in a real page rarely passes 100."""

RATIO_GRACE_BYTES = 8 * MB
"""Content up to this size is never rejected for its ratio (repetitive pages compress very well)."""

ZIP_MAX_MEMBERS = 10_000
"""Most entries a zip archive may list."""

ZIP_MAX_TOTAL_BYTES = 1024 * MB
"""Most bytes read out of all members of one zip archive together."""

MAX_RESOURCES = 2_000
"""Most files kept from one page's `NAME_files/` folder (or zip sub-folder, or MHTML parts)."""

MAX_RESOURCE_TOTAL_BYTES = 200 * MB
"""Most bytes kept as resources of one page."""

MAX_FOLDER_DEPTH = 64
"""Deepest folder level searched under an input folder."""

MAX_MHTML_PARTS = 5_000
"""Most MIME parts read from one MHTML file."""

READ_CHUNK = 1 * MB
"""Chunk size for reading and decompressing."""


def too_large(kind: str, limit: int) -> IngestError:
    """An IngestError that names the limit in megabytes."""
    return IngestError(f"{kind} is too large (the limit is {limit // MB} MB)")


def read_file_limited(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file, refusing files larger than `limit`, with plain-word errors."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as handle:
            info = os.fstat(fd)
            if stat.S_ISDIR(info.st_mode):
                raise IngestError("cannot read the file (it is a folder)")
            if not stat.S_ISREG(info.st_mode):
                raise IngestError("not a regular file (a device, pipe or socket)")
            if info.st_size > limit:
                raise too_large("the file", limit)
            chunks: list[bytes] = []
            size = 0
            while chunk := handle.read(READ_CHUNK):
                size += len(chunk)
                if size > limit:
                    raise too_large("the file", limit)
                chunks.append(chunk)
    except IsADirectoryError as exc:
        raise IngestError("cannot read the file (it is a folder)") from exc
    except PermissionError as exc:
        raise IngestError("cannot read the file (permission denied)") from exc
    except FileNotFoundError as exc:
        raise IngestError("cannot read the file (it no longer exists)") from exc
    except OSError as exc:
        raise IngestError(f"cannot read the file ({exc.strerror or exc.__class__.__name__})") from exc
    return b"".join(chunks)


def text_too_large(limit: int | None = None) -> IngestError:
    """The one line for a text dump over `MAX_TEXT_BYTES`."""
    limit = MAX_TEXT_BYTES if limit is None else limit
    size = f"{limit // MB} MB" if limit >= MB else f"{limit:,} bytes"
    return IngestError(f"the text dump is too large (the limit for text is {size}; web pages may be up to "
                       f"{MAX_FILE_BYTES // MB} MB): split it into smaller files")


def _bomb(kind: str) -> IngestError:
    return IngestError(
        f"{kind} looks like a decompression bomb (it expands more than {MAX_COMPRESSION_RATIO} times)"
    )


def check_ratio(produced: int, compressed: int, kind: str) -> None:
    """Raise IngestError when `produced` bytes from `compressed` pass the ratio limit (past the grace size)."""
    if produced > RATIO_GRACE_BYTES and produced > MAX_COMPRESSION_RATIO * max(compressed, 1):
        raise _bomb(kind)


def gunzip_limited(data: bytes, limit: int | None = None) -> bytes:
    """Decompress gzip data (all members), refusing output past `limit` or the ratio limit."""
    limit = MAX_DECOMPRESSED_BYTES if limit is None else limit
    out: list[bytes] = []
    produced = 0
    pending = data
    while pending:
        decomp = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        chunk_in = pending
        try:
            while True:
                chunk = decomp.decompress(chunk_in, READ_CHUNK)
                produced += len(chunk)
                if produced > limit:
                    raise too_large("the decompressed file", limit)
                check_ratio(produced, len(data), "the gzip file")
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
