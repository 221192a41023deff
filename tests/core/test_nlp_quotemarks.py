"""Pairing quotation marks without the language model: styles, paragraphs, stray marks."""

from __future__ import annotations

import pytest

from triage_app.core.nlp.quotemarks import find_quoted, paragraphs

STYLES = [
    ('"', '"'), ("“", "”"), ("‘", "’"), ("«", "»"), ("„", "“"), ("„", "”"), ("”", "”"), ("‚", "‘"),
    ("»", "«"), ("「", "」"), ("『", "』"), ("« ", " »"),
]


def _contents(text: str) -> list[str]:
    return [text[q.start : q.end].strip() for q in find_quoted(text)]


@pytest.mark.parametrize(("opener", "closer"), STYLES)
def test_each_quote_style_is_paired(opener: str, closer: str) -> None:
    text = f"{opener}We will win,{closer} she said. Then {opener}never again{closer} was heard."
    assert _contents(text) == ["We will win,", "never again"]


def test_apostrophes_are_not_quotes() -> None:
    text = "Trump’s team didn’t say it. The ’90s were ‘different’, he said. Rock 'n' roll; the players' union."
    assert _contents(text) == ["different"]


def test_quote_running_over_paragraphs_is_one_span() -> None:
    text = 'He said: "First part.\n\n"Second part," he added.\n\nNext paragraph "short" here.'
    spans = find_quoted(text)
    assert text[spans[0].start : spans[0].end] == 'First part.\n\n"Second part,'
    assert spans[0].paragraph == 0
    assert _contents(text)[1] == "short"


def test_unmatched_mark_does_not_shift_later_pairs() -> None:
    text = 'A stray " mark here and an 5\'10" height.\n\nThe minister said "we are ready" today.\n\n“Open only\n\nLater “fine” text.'
    contents = _contents(text)
    assert "we are ready" in contents
    assert "fine" in contents
    assert not any("minister" in c for c in contents)


def test_unclosed_quote_at_paragraph_start_runs_to_its_end() -> None:
    text = "“We will not give up. Never.\n\nThe talks ended."
    assert _contents(text) == ["We will not give up. Never."]


def test_repeated_opener_restarts_the_quote() -> None:
    text = "He said “one thing and then “another thing” today."
    assert _contents(text) == ["another thing"]


def test_paragraphs_fall_back_to_lines() -> None:
    assert paragraphs("a\nb\n\nc") == [(0, 3), (5, 6)]
    assert paragraphs("a\nb") == [(0, 1), (2, 3)]
