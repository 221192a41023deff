"""Shared set-up (no tests) for the item model tests: bare document rows, a library of their own, three documents."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from triage_app.core.library import Library, triage


def add_documents(library: Library, rows: list[dict[str, Any]]) -> list[int]:
    """Insert bare document rows (the list columns only) quickly."""
    ids = []
    with library.transaction() as db:
        for number, row in enumerate(rows):
            full = {
                "sha256": hashlib.sha256(f"{number}-{row}".encode()).hexdigest(),
                "size": 1,
                "format": "text",
                "imported_at": f"2026-01-01T00:00:{number % 60:02d}+00:00",
                "relevance": "unreviewed",
                "starred": 0,
                "text": "",
                "word_count": 0,
                **row,
            }
            ids.append(int(db["documents"].insert(full).last_pk))
    return ids


@pytest.fixture
def library(tmp_path: Path) -> Any:
    library = Library.open(tmp_path / "models.sqlite")
    yield library
    library.close()


@pytest.fixture
def three(library: Library) -> list[int]:
    ids = add_documents(
        library,
        [
            {"title": "Bravo harbour", "site": "b.example", "published": "2026-02-01", "word_count": 1200,
             "text": "the harbour strike continues"},
            {"title": "alpha sanctions", "site": "a.example", "published": "2026-03-05", "word_count": 40,
             "text": "sanctions on shipping firms"},
            {"title": "Charlie storm", "site": "c.example", "published": None, "word_count": 7,
             "text": "storm warning for the coast"},
        ],
    )  # fmt: skip
    triage.set_starred(library, ids[1], True)
    triage.set_tags(library, ids[0], ["ports", "labour"])
    triage.set_relevance(library, ids[2], "maybe")
    return ids
