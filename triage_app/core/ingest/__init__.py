"""Reading input files into ParsedDocuments: one reader per format, archives and folders.

Interface used by the rest of Triage:
- `iter_inputs(paths)` yields one `InputItem` per importable file found under `paths`.
- `InputItem.load()` returns a `ParsedDocument` or raises `IngestError` with a plain reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from triage_app.core.errors import IngestError
from triage_app.core.records import ParsedDocument

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass
class InputItem:
    """One importable file (or an error found while looking for files)."""

    label: str
    load: Callable[[], ParsedDocument] | None = None
    error: str | None = None


def _read(path: Path) -> ParsedDocument:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read the file ({exc.strerror})") from exc
    if not data.strip():
        raise IngestError("the file is empty")
    text = data.decode("utf-8", errors="replace")
    if path.suffix.lower() in HTML_SUFFIXES:
        return ParsedDocument(str(path), data, "html", "utf-8", html=text, original_name=path.name)
    return ParsedDocument(str(path), data, "text", "utf-8", text=text, original_name=path.name)


def iter_inputs(paths: Iterable[Path | str]) -> Iterator[InputItem]:
    """Files under `paths` (folders recursively) that Triage can import."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
                    yield InputItem(str(child), lambda c=child: _read(c))
        elif path.exists():
            yield InputItem(str(path), lambda p=path: _read(p))
        else:
            yield InputItem(str(path), error="no such file or folder")
