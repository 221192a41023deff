"""The Word briefing's runs: text written as one `<w:t>` where python-docx would have walked it a character at a time
gives the same XML."""

from __future__ import annotations

import pytest
from docx import Document
from lxml import etree  # type: ignore[import-untyped]

from triage_app.core.export.docx_writer import add_text_run


@pytest.mark.parametrize(
    "text",
    ["The harbour reopened.", "  leading spaces", "trailing spaces  ", "a\ttab", "a line\nbreak", "cr\rhere", "", "Ünïcödé “quoted” — dash"],
)
def test_a_run_is_the_one_python_docx_makes(text: str) -> None:
    document = Document()
    slow, fast = document.add_paragraph(), document.add_paragraph()
    slow.add_run(text)
    add_text_run(fast, text)
    assert etree.tostring(fast._p) == etree.tostring(slow._p)
    assert fast.text == slow.text == text.replace("\r", "\n")
