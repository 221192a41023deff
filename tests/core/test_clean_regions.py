"""The article region of a dump or a PDF: the run after a known headline (`regions.anchored_region`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from triage_app.core.clean.pdf_text import clean_pdf_text
from triage_app.core.clean.regions import best_run_starting_within

TITLE = "Harbour reopens after two years | Example News"
MENU = ["Home", "World", "Business", "Sport", "Weather", "Opinion", "Video"]
ARTICLE = [
    "The northern quay of the harbour reopened on Tuesday after two years of repairs, the port authority said.",
    "Ferries will return to their old berths next month, and the fish market moves back by the summer.",
    "Dock workers welcomed the news but asked for the night shifts the authority had promised them.",
    "The repairs cost more than planned, the authority admitted, because the old stone walls had to be rebuilt from below the waterline.",
    "Traders on the quay said they had lost a third of their customers during the works and hoped the summer would bring them back.",
]
SHARE = ["Share this story", "Facebook", "Twitter", "Email", "WhatsApp", "LinkedIn", "Reddit", "Copy link", "Print",
         "Tags: harbour, ferries, port", "Sign up for our newsletter", "More from Example News"]
TEASERS = [
    line
    for n, head in enumerate(["Council approves the new budget", "Storm closes the coastal road", "School year starts late", "Museum opens a new wing"])
    for line in (head, f"In other news {n}, the city council met on Monday evening and talked for hours about the roads, the schools, "
                       "the budget for next year and the long list of repairs that the harbour district has waited for since the flood.")
]


def _printed(article: list[str], headline: str = "Harbour reopens after two years", byline: str | None = "By Ann Lee") -> str:
    """A page printed to PDF as the reader gives it: one block per line, here all on one sheet."""
    return "\n\n".join([*MENU, headline, *([byline] if byline else []), *article, *SHARE, *TEASERS])


def _kept(text: str, title: str | None) -> list[str]:
    return [b.text for b in clean_pdf_text(text, title_hint=title).blocks if b.kept]


def test_a_print_with_a_title_keeps_the_article_under_its_headline_over_heavier_teasers() -> None:
    text = _printed(ARTICLE, byline=None)
    # Without a Title (Qt writes none) and without a byline under the headline the teasers, heavier than the
    # article, win: what the rule is for.
    assert _kept(text, None) == TEASERS
    # Chrome and Firefox write the page's <title>: its headline is a line, and the article starts after it.
    assert _kept(text, TITLE) == ARTICLE


def test_a_byline_under_a_headline_keeps_the_article_without_a_title() -> None:
    """The same print with "By Ann Lee" under its headline: the byline marks where the article starts
    (`dump_title.byline_anchor`), so the teasers further down do not win even when the PDF has no Title."""
    assert _kept(_printed(ARTICLE), None) == _kept(_printed(ARTICLE), TITLE) == ARTICLE


def test_the_headline_line_is_found_with_curly_quotes_where_the_title_has_straight_ones() -> None:
    text = _printed(ARTICLE, headline="Harbour’s quay reopens after two years")
    assert _kept(text, "Harbour's quay reopens after two years | Example News") == ARTICLE


def test_a_run_after_the_headline_that_weighs_too_little_does_not_win() -> None:
    """One short paragraph under the headline is less than half the teasers: they stay the region (a
    headline line in a page's menu or teaser list must not hand the page to whatever follows it)."""
    text = _printed(ARTICLE[:1])
    assert _kept(text, TITLE) == _kept(text, None) == TEASERS


def _brute_force(weights: list[float], window: int) -> tuple[tuple[int, int], float] | None:
    best, span = 0.0, None
    for first in range(min(window, len(weights))):
        running = 0.0
        for last in range(first, len(weights)):
            running += weights[last]
            if running > best:
                best, span = running, (first, last)
    return (span, best) if span is not None else None


@given(st.lists(st.integers(-20, 20), max_size=40), st.integers(0, 12))
def test_best_run_starting_within_a_window_is_the_brute_force_one(numbers: list[int], window: int) -> None:
    weights = [n / 2 for n in numbers]  # halves: exact in floating point, as the line weights' sums compare
    assert best_run_starting_within(weights, window) == _brute_force(weights, window)
