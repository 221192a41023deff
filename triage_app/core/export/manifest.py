"""The packet manifest (manifest.json) and its `sha256sum -c` twin (SHA256SUMS)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from triage_app import __version__

FORMAT = "triage-briefing-packet"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
SUMS_NAME = "SHA256SUMS"
GENERATOR = f"triage-app {__version__}"
UNLISTED = frozenset({MANIFEST_NAME, SUMS_NAME})
"""Files that describe the packet and so cannot list themselves in the manifest."""


@dataclass
class FileEntry:
    """One file of the packet: its path inside the packet folder, size and SHA-256."""

    path: str
    size: int
    sha256: str

    @classmethod
    def of(cls, path: str, data: bytes) -> FileEntry:
        return cls(path, len(data), hashlib.sha256(data).hexdigest())

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "size": self.size, "sha256": self.sha256}


@dataclass
class Manifest:
    """Everything manifest.json records."""

    title: str
    created: str
    criteria: str
    analyst: str = ""
    caveat: str = ""
    files: list[FileEntry] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    generator: str = GENERATOR

    def to_json(self) -> bytes:
        data = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "generator": self.generator,
            "created": self.created,
            "title": self.title,
            "analyst": self.analyst,
            "caveat": self.caveat,
            "selection_criteria": self.criteria,
            "hash_algorithm": "sha256",
            "files": [f.to_dict() for f in sorted(self.files, key=lambda f: f.path)],
            "documents": self.documents,
        }
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def parse_manifest(data: bytes) -> dict[str, Any]:
    """Read manifest.json; ValueError when it is not a Triage packet manifest we understand."""
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"manifest.json is not valid JSON ({exc})") from exc
    except RecursionError as exc:
        raise ValueError("manifest.json is nested too deeply to be a Triage manifest") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ValueError("manifest.json is not a Triage briefing packet manifest")
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ValueError(f"packet format version {version!r} is newer than this Triage understands")
    if not isinstance(manifest.get("files"), list):
        raise ValueError("manifest.json lists no files")
    return manifest


def sha256sums(entries: list[FileEntry]) -> bytes:
    """GNU coreutils `sha256sum` format: 'HASH *PATH' per line (binary mode), sorted by path.

    Paths never contain a newline or backslash (see names.py), so no escaping is needed.
    """
    lines = [f"{e.sha256} *{e.path}\n" for e in sorted(entries, key=lambda e: e.path)]
    return "".join(lines).encode("utf-8")


def parse_sha256sums(data: bytes) -> dict[str, str]:
    """{path: hash} from a SHA256SUMS file (text or binary mode lines)."""
    result: dict[str, str] = {}
    for line in data.decode("utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        digest, _, rest = line.partition(" ")
        result[rest[1:] if rest[:1] in {"*", " "} else rest] = digest.lower()
    return result


def find_manifest(names: list[str]) -> str | None:
    """The packet's manifest member: `manifest.json` at the root or inside the one top folder."""
    if MANIFEST_NAME in names:
        return MANIFEST_NAME
    candidates = [n for n in names if n.count("/") == 1 and n.endswith("/" + MANIFEST_NAME)]
    return candidates[0] if len(candidates) == 1 else None
