"""The bundled seed page must come out exactly right: metadata, the 14 body paragraphs, every other line removed."""

from __future__ import annotations

import pytest

from tests.conftest import SEED_TXT
from triage_app.core.clean import clean_document
from triage_app.core.clean import patterns as P
from triage_app.core.records import CleanResult, ParsedDocument


@pytest.fixture(scope="module")
def seed() -> CleanResult:
    text = SEED_TXT.read_text(encoding="utf-8")
    return clean_document(ParsedDocument(str(SEED_TXT), text.encode(), "text", "utf-8", text=text, title="Skip to main content"))


def test_seed_metadata(seed: CleanResult) -> None:
    assert seed.title == "Conditional US Offer: NATO-Style Security for Ukraine"
    assert seed.site == "Newsmax"
    assert seed.byline == "Michael Katz"
    assert seed.published == "2025-12-15T16:46:00-05:00"
    assert seed.keywords == ["us", "ukraine", "russia", "nato", "security guarantees"]


def test_seed_body_is_exactly_lines_8_to_34(seed: CleanResult) -> None:
    lines = SEED_TXT.read_text(encoding="utf-8").splitlines()
    expected = [line.strip() for line in lines[7:34] if line.strip()]
    assert len(expected) == 14
    kept = [b for b in seed.blocks if b.kept]
    assert [b.text for b in kept] == expected
    assert [b.source for b in kept] == [f"lines:{n}-{n}" for n in range(8, 35, 2)]
    assert seed.text == "\n\n".join(expected)
    assert seed.text.startswith("The U.S. offered Ukraine security guarantees")
    assert seed.text.endswith('to play a mediating role in these matters."')


def _reason(seed: CleanResult, line: int) -> str | None:
    (block,) = [b for b in seed.blocks if b.source == f"lines:{line}-{line}"]
    assert not block.kept
    return block.reason


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (1, P.NAVIGATION),  # Skip to main content
        (2, P.TAGS),  # Tags: us | ukraine ...
        (4, P.TITLE),
        (6, P.BYLINE),  # By | Monday, 15 December 2025 04:46 PM EST
        (36, P.BYLINE),  # Michael Katz
        (38, P.AUTHOR_BIO),
        (40, P.COPYRIGHT),
        (43, P.METADATA),  # Newsfront
        (44, P.METADATA),  # the teaser repeating the first paragraph
        (45, P.METADATA),  # the keyword line
        (46, P.METADATA),  # 456
        (47, P.DATE),  # 2025-46-15
        (48, P.METADATA),  # the repeated date
        (49, P.METADATA),  # Newsmax Media, Inc.
        (51, P.NEWSLETTER),
        (53, P.NEWSLETTER),
        (55, P.NEWSLETTER),
        (56, P.NEWSLETTER),
        (57, P.COMMENTS),
        (58, P.COMMENTS),
        (59, P.COMMENTS),
        (61, P.NAVIGATION),  # TOP
        (63, P.PRIVACY),
        (65, P.FOOTER),
        (67, P.FOOTER),
        (69, P.COPYRIGHT),
        (70, P.COPYRIGHT),
        (71, P.FOOTER),
        (75, P.COPYRIGHT),
    ],
)
def test_seed_removed_lines_have_their_reason(seed: CleanResult, line: int, reason: str) -> None:
    assert _reason(seed, line) == reason


def test_every_removed_seed_line_has_a_reason(seed: CleanResult) -> None:
    removed = [b for b in seed.blocks if not b.kept]
    assert len(removed) + 14 == len(seed.blocks)
    assert all(b.reason for b in removed)


def test_seed_cleaned_twice_is_unchanged(seed: CleanResult) -> None:
    again = clean_document(ParsedDocument("again", b"", "text", "utf-8", text=seed.text))
    assert again.text == seed.text
