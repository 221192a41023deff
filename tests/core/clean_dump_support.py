"""Shared set-up for the text-dump cleaning tests: a dump cleaned as a text file, and the text its cleaning keeps."""

from __future__ import annotations

from triage_app.core.clean import clean_document
from triage_app.core.records import CleanResult, ParsedDocument


def clean_dump(text: str) -> CleanResult:
    return clean_document(ParsedDocument("dump.txt", text.encode(), "text", "utf-8", text=text))


def kept_text(result: CleanResult) -> str:
    return "\n".join(b.text for b in result.blocks if b.reason is None)
