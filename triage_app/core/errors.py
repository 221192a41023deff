"""The two error families: problems of the environment the user can fix, and everything else."""

from __future__ import annotations

import zipfile
import zlib


class KnownError(Exception):
    """An environment problem with a message a person can act on (locked, read-only, disk full, corrupt)."""


class LibraryLockedError(KnownError):
    """Another process holds the library's write lock."""


class IngestError(Exception):
    """An input file that cannot be imported; the message names the reason in plain words."""


ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError,
)
"""What the standard library's `zipfile` raises on an archive (a zip, a WACZ, a packet, a SingleFile page's archive)
that is damaged, when it is opened or a member read: `BadZipFile` (a bad header or CRC), `zlib.error` and `EOFError`
(a broken deflate stream), `OSError`, `ValueError` (a member placed before the archive's start once bytes are cut out:
"negative seek value"), `NotImplementedError` (a directory entry naming a zip version or a compression it does not
know: "zip file version 7.8", one flipped byte) and `RuntimeError` (an encrypted member)."""
ZIP_MEMBER_ERRORS: tuple[type[BaseException], ...] = (KeyError, *ZIP_ERRORS)
"""Those, and `KeyError`: a member asked for by a name the archive does not have."""
