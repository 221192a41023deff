"""Packet and file names that every desktop file system accepts."""

from __future__ import annotations

import pytest

from triage_app.core.export.names import MAX_COMPONENT_BYTES, safe_extension, safe_name, slug, unique


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ukraine talks: Berlin / December?", "Ukraine talks- Berlin - December-"),
        ("../../etc/passwd", "etc-passwd"),
        ("a\\b|c*d<e>f\"g", "a-b-c-d-e-f-g"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("com1", "_com1"),
        ("LPT9 ", "_LPT9"),
        ("name. . .", "name"),
        ("...", "untitled"),
        ("", "untitled"),
        ("tab\tand\nnewline", "tab and newline"),
        ("zero\u200bwidth \u202eoverride", "zero width override"),
    ],
)
def test_safe_name(title: str, expected: str) -> None:
    assert safe_name(title) == expected


def test_safe_name_is_nfc_and_bounded_in_bytes() -> None:
    assert safe_name("e\u0301") == "\u00e9"
    long = safe_name("漢" * 200)
    assert len(long.encode("utf-8")) <= MAX_COMPONENT_BYTES and long == "漢" * 33


def test_slug_is_ascii_and_short() -> None:
    assert slug("Conditional US Offer: NATO-Style Security for Ukraine") == "conditional-us-offer-nato-style-security-for-ukr"
    assert slug("Évian «quoted» — ☃") == "evian-quoted"
    assert slug("漢字") == "document"
    assert slug("aux") == "_aux"


def test_extension_and_unique() -> None:
    assert safe_extension("page.html.gz") == ".html.gz"
    assert safe_extension("noext", fallback=".txt") == ".txt"
    assert safe_extension("x.<script>") == ".script"
    taken: set[str] = set()
    assert [unique("a", taken), unique("A", taken), unique("a", taken)] == ["a", "A-2", "a-3"]
