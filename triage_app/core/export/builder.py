"""Building a briefing packet: a generator that writes the zip and yields Progress."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import secrets
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from triage_app.core.errors import KnownError
from triage_app.core.export import csvs, data, names, partfiles
from triage_app.core.export.docx_writer import render_docx
from triage_app.core.export.html import BriefingInfo, render_briefing
from triage_app.core.export.manifest import GENERATOR, MANIFEST_NAME, SUMS_NAME, FileEntry, Manifest, sha256sums
from triage_app.core.export.markdown import render_markdown
from triage_app.core.library import documents
from triage_app.core.library.db import Library, now_iso
from triage_app.core.records import Progress

PdfRenderer = Callable[[str, Path], None]
"""Renders briefing HTML to a PDF file (Qt does it; the core only receives the callable)."""


@dataclass
class PacketResult:
    """What was written."""

    path: Path
    folder: str
    documents: int
    files: list[FileEntry]
    fingerprint: str = ""  # SHA-256 of SHA256SUMS: send it separately so the reader can trust the sums

    @property
    def size(self) -> int:
        return self.path.stat().st_size


class _PacketZip:
    """A zip being written under one top folder, remembering each file's size and hash."""

    def __init__(self, path: Path, folder: str, when: datetime) -> None:
        self.folder = folder
        self._time = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
        self.entries: list[FileEntry] = []
        self._zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)

    def add(self, relative: str, payload: bytes, *, listed: bool = True) -> None:
        info = zipfile.ZipInfo(f"{self.folder}/{relative}", date_time=self._time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self._zip.writestr(info, payload)
        if listed:
            self.entries.append(FileEntry.of(relative, payload))

    def close(self) -> None:
        self._zip.close()


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")


def _annotations(d: data.PacketDocument) -> dict[str, Any]:
    return {
        "number": d.number,
        "title": d.title,
        "annotated_engine": d.doc.get("annotated_engine"),
        "clean_engine": d.doc.get("clean_engine"),
        "entities": d.entities,
        "quotes": d.quotes,
        "blocks": [b.to_dict() for b in d.blocks],
        "entity_corrections": d.corrections,
    }


def _manifest_entry(d: data.PacketDocument, original_ok: bool) -> dict[str, Any]:
    doc = d.doc
    return {
        "number": d.number,
        "folder": d.folder,
        "title": d.title,
        "library_id": d.id,
        "original": d.original_path,
        "original_name": doc.get("original_name"),
        "original_sha256": doc.get("sha256"),
        "original_size": doc.get("size"),
        "original_matches_library_record": original_ok,
        "format": doc.get("format"),
        "charset": doc.get("charset"),
        "url": doc.get("url"),
        "captured_at": doc.get("captured_at"),
        "imported_at": doc.get("imported_at"),
        "decisions": d.decisions(),
        "audit": d.audit,
    }


def build_packet(
    library: Library,
    selection: data.Selection,
    out_path: Path | str,
    *,
    title: str,
    analyst: str = "",
    caveat: str = "",
    include_originals: bool = True,
    render_pdf: PdfRenderer | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[Progress]:
    """Write the packet `out_path` (a .zip) for the selected documents; the last Progress has a PacketResult.

    Writes to a temporary file next to `out_path` and renames it at the end, so a cancelled or
    failed export leaves nothing half-written. Without `render_pdf` the packet has no briefing.pdf.
    """
    out_path = Path(out_path)
    db = library.db
    ids = data.resolve_ids(db, selection)
    total = len(ids) + 8
    created = now_iso()
    folder = names.safe_name(title, fallback="Briefing packet")
    info = BriefingInfo(title=title.strip() or "Briefing packet", analyst=analyst.strip(), created=created,
                        caveat=caveat.strip(), criteria=data.describe(selection), generator=GENERATOR)
    yield Progress(0, total, f"Exporting {len(ids)} document{'s' if len(ids) != 1 else ''}…")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    # Not mkstemp: its 0600 mode would survive the rename, and a packet is meant to be shared.
    partfiles.clean_stale()  # left behind by an export that was killed
    tmp = out_path.with_name(f".{out_path.stem[:40]}-{secrets.token_hex(6)}.part")
    try:
        lock = partfiles.begin(tmp)
    except OSError as exc:
        raise _write_error(out_path, exc) from exc
    finished = False
    try:
        packet = _PacketZip(tmp, folder, datetime.fromisoformat(created))
    except OSError as exc:
        partfiles.end(tmp, lock)
        tmp.unlink(missing_ok=True)
        raise _write_error(out_path, exc) from exc
    try:
        docs: list[data.PacketDocument] = []
        manifest_docs: list[dict[str, Any]] = []
        taken: set[str] = set()
        for number, doc_id in enumerate(ids, start=1):
            if is_cancelled():
                yield Progress(number - 1, total, "Cancelled")
                return
            d = data.load_document(db, doc_id, number, taken)
            original_ok = True
            if include_originals:
                original = documents.get_original(db, doc_id)
                original_ok = documents.sha256_hex(original) == d.doc["sha256"]
                d.original_path = f"{d.folder}/{d.original_file_name()}"
                packet.add(d.original_path, original)
            packet.add(f"{d.folder}/cleaned.txt", (d.doc.get("text") or "").encode("utf-8"))
            packet.add(f"{d.folder}/annotations.json", _json_bytes(_annotations(d)))
            docs.append(d)
            manifest_docs.append(_manifest_entry(d, original_ok))
            yield Progress(number, total, d.title)
        step = len(ids)
        outputs: list[tuple[str, Callable[[], bytes]]] = [
            ("documents.csv", lambda: csvs.documents_csv(docs)),
            ("entities.csv", lambda: csvs.entities_csv(docs)),
            ("quotes.csv", lambda: csvs.quotes_csv(docs)),
            ("decisions.csv", lambda: csvs.decisions_csv(docs)),
            ("briefing.html", lambda: render_briefing(info, docs).encode("utf-8")),
            ("briefing.md", lambda: render_markdown(info, docs).encode("utf-8")),
            ("briefing.docx", lambda: render_docx(info, docs)),
        ]
        for name, make in outputs:
            if is_cancelled():
                yield Progress(step, total, "Cancelled")
                return
            packet.add(name, make())
            step += 1
            yield Progress(step, total, f"Wrote {name}")
        if render_pdf is not None:
            if is_cancelled():
                yield Progress(step, total, "Cancelled")
                return
            packet.add("briefing.pdf", _pdf_bytes(render_pdf, render_briefing(info, docs, for_print=True)))
        step += 1
        yield Progress(step, total, "Wrote briefing.pdf" if render_pdf else "No PDF renderer: skipped briefing.pdf")
        manifest = Manifest(title=info.title, created=created, criteria=info.criteria, analyst=info.analyst,
                            caveat=info.caveat, files=list(packet.entries), documents=manifest_docs)
        manifest_bytes = manifest.to_json()
        packet.add(MANIFEST_NAME, manifest_bytes, listed=False)
        sums = sha256sums([*manifest.files, FileEntry.of(MANIFEST_NAME, manifest_bytes)])
        packet.add(SUMS_NAME, sums, listed=False)
        packet.close()
        os.replace(tmp, out_path)
        finished = True
        result = PacketResult(out_path, folder, len(docs), manifest.files, hashlib.sha256(sums).hexdigest())
        yield Progress(total, total, f"Exported {len(docs)} document{'s' if len(docs) != 1 else ''} to {out_path.name}", result=result)
    except OSError as exc:  # a full disk, a vanished folder: one line, and no half-written file left
        raise _write_error(out_path, exc) from exc
    finally:
        if not finished:
            try:
                packet.close()
            except OSError:
                pass  # the disk is full: the central directory cannot be written either
            tmp.unlink(missing_ok=True)
        partfiles.end(tmp, lock)


def _write_error(out_path: Path, exc: OSError) -> KnownError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return KnownError(f"The disk holding {out_path.parent} is full: the packet {out_path.name} was not written. "
                          "Free some space, then export again.")
    return KnownError(f"Cannot write the packet {out_path}: {exc.strerror or exc}.")


def _pdf_bytes(render_pdf: PdfRenderer, html: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="triage-pdf-") as workdir:
        target = Path(workdir) / "briefing.pdf"
        render_pdf(html, target)
        return target.read_bytes()
