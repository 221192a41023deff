"""The two error families: problems of the environment the user can fix, and everything else."""

from __future__ import annotations


class KnownError(Exception):
    """An environment problem with a message a person can act on (locked, read-only, disk full, corrupt)."""


class LibraryLockedError(KnownError):
    """Another process holds the library's write lock."""


class IngestError(Exception):
    """An input file that cannot be imported; the message names the reason in plain words."""
