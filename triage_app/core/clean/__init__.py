"""Main-content extraction with block provenance.

Interface used by the rest of Triage:
- `clean_document(doc, *, template=None) -> CleanResult`
- `CLEAN_ENGINE`: name and version of the cleaner, stored with each result.
"""

from __future__ import annotations

from triage_app.core.records import Block, CleanResult, ParsedDocument

CLEAN_ENGINE = "triage-clean/0"


def clean_document(doc: ParsedDocument, *, template: object | None = None) -> CleanResult:
    """Split the document into blocks; this first version keeps every non-empty line."""
    blocks: list[Block] = []
    lines = doc.body_source.splitlines()
    for number, line in enumerate(lines, start=1):
        if line.strip():
            blocks.append(Block(len(blocks), "line", line.strip(), True, None, f"lines:{number}-{number}"))
    title = blocks[0].text if blocks else doc.title
    return CleanResult(blocks=blocks, title=title)
