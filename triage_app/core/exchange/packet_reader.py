"""Reading a briefing packet back as importable documents that carry the sender's decisions.

`iter_inputs(paths)` is ingest's walk with a zip reader that hands a zip holding a Triage manifest.json
(`is_packet`) to `iter_packet_inputs`; the import job uses it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

from triage_app.core import ingest
from triage_app.core.errors import ZIP_ERRORS, ZIP_MEMBER_ERRORS, IngestError
from triage_app.core.export import packet_schema as schema
from triage_app.core.export.manifest import MANIFEST_NAME, find_manifest, parse_manifest
from triage_app.core.ingest.archives import ZipSource, iter_zip
from triage_app.core.ingest.readers import InputItem, parse_bytes
from triage_app.core.records import RELEVANCE_VALUES, ParsedDocument

MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_ANNOTATIONS_BYTES = 64 * 1024 * 1024
MAX_TAGS = 200


def is_packet(path: Path) -> bool:
    """True for a zip that is a Triage briefing packet (its manifest names a Triage generator)."""
    try:
        with zipfile.ZipFile(path) as archive:
            name = find_manifest(archive.namelist())
            if name is None:
                return False
            info = archive.getinfo(name)
            if info.file_size > MAX_MANIFEST_BYTES:
                return False
            with archive.open(info) as handle:
                manifest = json.loads(handle.read(MAX_MANIFEST_BYTES + 1))
    except RecursionError:
        return True  # absurdly nested: the packet reader refuses it with one line, rather than import its files
    except ZIP_MEMBER_ERRORS:  # a manifest that cannot be read: not a packet
        return False
    generator = manifest.get("generator") if isinstance(manifest, dict) else None
    return isinstance(generator, str) and generator.lower().startswith("triage")


def _prefix(manifest_name: str) -> str:
    return manifest_name[: -len(MANIFEST_NAME)]


def read_packet_manifest(path: Path) -> tuple[str, dict[str, Any]]:
    """(member prefix, parsed manifest) of a packet zip; IngestError if it is not one we can read."""
    source = ZipSource(path, str(path))
    try:
        archive = zipfile.ZipFile(path)
    except ZIP_ERRORS as exc:
        raise IngestError(f"the packet cannot be opened ({exc})") from exc
    with archive:
        name = find_manifest(archive.namelist())
        if name is None:
            raise IngestError("the zip has no Triage manifest.json")
        info = archive.getinfo(name)
    try:
        data = source.read(info, MAX_MANIFEST_BYTES)
        manifest = parse_manifest(data)
    except ValueError as exc:
        raise IngestError(str(exc)) from exc
    finally:
        source.close()
    return _prefix(name), manifest


def _read_member(path: Path, name: str, limit: int | None = None) -> bytes:
    source = ZipSource(path, str(path))
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                info = archive.getinfo(name)
            except KeyError as exc:
                raise IngestError(f"the packet lacks {name}") from exc
        return source.read(info, limit) if limit else source.read(info)
    finally:
        source.close()


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _member_state(path: Path, prefix: str, manifest: dict[str, Any], entry: dict[str, Any]) -> dict[str, Any]:
    """The sender's decisions about one document, as `ParsedDocument.packet_member`."""
    annotations: dict[str, Any] = {}
    problems: list[str] = []
    try:
        raw = _read_member(path, f"{prefix}{entry['folder']}/annotations.json", MAX_ANNOTATIONS_BYTES)
    except IngestError:
        raw = None  # a packet exported without annotations
    if raw is not None:
        try:
            annotations = schema.clean_annotations(schema.load_json(raw, "annotations.json"), problems)
        except schema.PacketFormatError as exc:
            problems.append(str(exc))
        problems = [p if p.startswith("annotations.json") else f"annotations.json {p}" for p in problems]
    audit_problems: list[str] = []
    audit = schema.clean_audit(entry.get("audit"), audit_problems)
    problems += [f"manifest.json {p}" for p in audit_problems]
    raw_decisions = entry.get("decisions")
    decisions: dict[str, Any] = raw_decisions if isinstance(raw_decisions, dict) else {}
    return {
        "packet_title": manifest.get("title"),
        "packet_created": manifest.get("created"),
        "analyst": manifest.get("analyst") or "",
        "generator": manifest.get("generator"),
        "relevance": decisions.get("relevance") if decisions.get("relevance") in RELEVANCE_VALUES else None,
        "starred": decisions.get("starred") is True,
        "tags": [t.strip() for t in _list(decisions.get("tags")) if isinstance(t, str) and t.strip()][:MAX_TAGS],
        "note": decisions.get("note") if isinstance(decisions.get("note"), str) else "",
        "audit": audit,
        "entities": annotations.get("entities") or [],
        "quotes": annotations.get("quotes") or [],
        "entity_corrections": annotations.get("entity_corrections") or [],
        "annotated_engine": annotations.get("annotated_engine"),
        "problems": problems,
    }


def _load(path: Path, prefix: str, manifest: dict[str, Any], entry: dict[str, Any]) -> ParsedDocument:
    member = f"{prefix}{entry['original']}"
    data = _read_member(path, member)
    expected = str(entry.get("original_sha256") or "")
    if hashlib.sha256(data).hexdigest() != expected:
        raise IngestError("the original in the packet does not match the SHA-256 its manifest records (changed?)")
    name = str(entry.get("original_name") or PurePosixPath(entry["original"]).name)
    parsed = parse_bytes(data, name=name, source_path=f"{path}!{entry['original']}")
    parsed.url = parsed.url or entry.get("url")
    parsed.captured_at = parsed.captured_at or entry.get("captured_at")
    parsed.title = parsed.title or entry.get("title")
    parsed.packet_member = _member_state(path, prefix, manifest, entry)
    return parsed


def iter_packet_inputs(path: Path | str) -> Iterator[InputItem]:
    """One InputItem per document of the packet; loading it checks the original against the manifest."""
    path = Path(path)
    try:
        prefix, manifest = read_packet_manifest(path)
    except IngestError as exc:
        yield InputItem(str(path), error=str(exc))
        return
    try:
        entries = schema.check_documents(manifest)
    except schema.PacketFormatError as exc:
        yield InputItem(str(path), error=str(exc))
        return
    for number, entry in enumerate(entries, 1):
        problem = schema.entry_problem(entry)
        if problem is not None:
            yield InputItem(f"{path}!document {number}", error=problem)
            continue
        if not entry.get("folder"):
            yield InputItem(f"{path}!document {number}", error="manifest.json: the entry has no 'folder'")
            continue
        label = f"{path}!{entry.get('folder')}"
        if not entry.get("original"):
            yield InputItem(label, error="the packet was exported without this document's original")
            continue
        yield InputItem(label, load=functools.partial(_load, path, prefix, manifest, entry))


def iter_zip_or_packet(path: Path) -> Iterator[InputItem]:
    """A briefing packet's documents (with the sender's decisions), or the importable members of a zip."""
    if is_packet(path):
        yield from iter_packet_inputs(path)
    else:
        yield from iter_zip(path)


def iter_inputs(paths: Iterable[Path | str]) -> Iterator[InputItem]:
    """`ingest.iter_inputs`, with briefing packets read back as documents that carry their decisions."""
    return ingest.iter_inputs(paths, zip_reader=iter_zip_or_packet)
