"""Properties of the cleaner: it never raises, text cleaning is idempotent, HTML cleaning only selects, hostile pages work."""

from __future__ import annotations

from html import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triage_app.core.clean import clean_document
from triage_app.core.records import ParsedDocument

LINES = [
    "Home", "News", "Sport", "Skip to main content", "Tags: a | b | c", "By Jane Doe | 3 May 2024 10:00 AM EST",
    "© 2024 Example News. All rights reserved.", "Sign up for our newsletter", "Read and Post Comments", "456",
    "2025-46-15", "Monday, 15 December 2025 04:46 PM", "Privacy Policy | Terms of Use", "Related: more stories",
    "Jane Doe", "Jane Doe is a reporter with ten years of experience covering the city council.",
    "The council voted on Tuesday to extend the bus lanes along the harbour road, after months of debate about the cost.",
    "Residents said the change would cut their commute, but shop owners worried about deliveries and parking spaces.",
    "A short line.", "3 Comments", "john says:", "1 hour ago", "Name\tPoints\tWins", "- a list item with a few words in it",
    "This website uses cookies to improve your experience.", "", " ", "\t",
]
text_docs = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(LINES), max_size=40).map("\n".join),
    st.lists(st.tuples(st.sampled_from(LINES), st.sampled_from(["\n", "\n\n", "\n\n\n"])), max_size=40).map(
        lambda parts: "".join(a + b for a, b in parts)
    ),
)
TAGS = ["<p>", "</p>", "<div class='share'>", "</div>", "<nav>", "</nav>", "<h1>", "</h1>", "<ul><li>", "</li></ul>",
        "<table><tr><td>", "</td></tr></table>", "<script>", "</script>", "<br>", "<a href='#'>", "</a>", "<!--", "-->",
        "<article>", "</article>", "<footer>", "</footer>", "&amp;", "&#0;", "<?xml version='1.0'?>", "<"]
html_docs = st.lists(st.one_of(st.sampled_from(TAGS), st.sampled_from(LINES), st.text(max_size=30)), max_size=60).map("".join)


def _text(text: str) -> ParsedDocument:
    return ParsedDocument("t.txt", text.encode("utf-8", "surrogatepass"), "text", "utf-8", text=text)


def _html(html: str) -> ParsedDocument:
    return ParsedDocument("p.html", html.encode("utf-8", "surrogatepass"), "html", "utf-8", html=html)


def _as_page(text: str) -> str:
    """Cleaned text as an HTML article: a <p> per paragraph, line breaks as <br>."""
    paragraphs = (p for p in text.split("\n\n") if p.strip())
    body = "".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    return f"<html><body><article>{body}</article></body></html>"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_docs)
def test_text_cleaning_never_raises_and_is_idempotent(text: str) -> None:
    first = clean_document(_text(text))
    assert all(b.kept == (b.reason is None) for b in first.blocks)
    again = clean_document(_text(first.text))
    assert again.text == first.text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_docs)
def test_html_cleaning_never_raises_and_only_selects(html: str) -> None:
    # Re-cleaning an HTML page's output as a text dump is another cleaner's verdict, not idempotence
    # (forcing it removed most of some articles). What holds: the cleaner only chooses among the
    # page's own blocks, with a reason for each removal, and the same page gives the same result.
    first = clean_document(_html(html))
    assert all(b.source.startswith("dom:") for b in first.blocks)
    assert all(b.kept == (b.reason is None) for b in first.blocks)
    assert [b.index for b in first.blocks] == list(range(len(first.blocks)))
    assert first.text == "\n\n".join(b.text for b in first.blocks if b.kept)
    assert clean_document(_html(html)).text == first.text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_docs)
def test_html_cleaning_never_raises_and_is_idempotent(html: str) -> None:
    """Cleaning a page made of the kept text (one <p> per paragraph, as HTML, not as a text dump) invents
    nothing, and from there on it is a fixed point (the first pass is not always one: see the xfail below)."""
    first = clean_document(_html(html))
    assert all(b.source.startswith("dom:") for b in first.blocks)
    again = clean_document(_html(_as_page(first.text)))
    assert all(b.source.startswith("dom:") for b in again.blocks)  # it went through the HTML cleaner
    assert set(again.text.split("\n\n")) - {""} <= set(first.text.split("\n\n"))
    assert clean_document(_html(_as_page(again.text))).text == again.text


def test_a_nul_reads_as_the_replacement_character_without_a_tree_as_with_one() -> None:
    """Found by the property above (Hypothesis, `'<!--A\\x00'`): a page lxml cannot make a tree of is segmented as a
    stream, which kept the NUL; its cleaned text made into a page and parsed as a tree read U+FFFD there."""
    first = clean_document(_html("<!--A\x00"))
    assert first.text == "<!--A\ufffd"
    assert clean_document(_html(_as_page(first.text))).text == first.text


def test_html_cleaning_of_its_own_output_keeps_a_stray_text_node() -> None:
    """Found by the HTML re-clean property (an expected failure until the eighteenth session): the stray text holds a character
    that is not printable (U+18CD6), which trafilatura deletes from its text; the block kept it, so as a paragraph of
    its own its words ("0", "a") no longer matched the extractor's ("0a") and it was removed. The cleaner's word tokens
    now delete what trafilatura deletes (`tokens.py`), and the second cleaning keeps it as the first did."""
    first = clean_document(_html("0\U00018cd6A<p>News"))
    assert clean_document(_html(_as_page(first.text))).text == first.text


def test_html_tables_survive_a_second_cleaning() -> None:
    rows = "".join(f"<tr><td>{n}</td><td>Team {n}</td><td>{40 - n}</td></tr>" for n in range(1, 21))
    prose = "The league table after the weekend shows the leaders pulling away from the rest of the teams. "
    html = f"<html><body><article><p>{prose * 3}</p><table>{rows}</table><p>{prose * 2}</p></article></body></html>"
    first = clean_document(_html(html))
    assert "1\tTeam 1\t39" in first.text
    assert "20\tTeam 20\t20" in first.text


def test_html_nested_100000_levels_still_gives_blocks() -> None:
    n = 100_000
    prose = "The report was published on Monday and describes the state of the roads in the region in detail."
    html = f"<html><body><p>{prose}</p>" + "<div>" * n + "deep text at the bottom" + "</div>" * n + f"<p>{prose} Again.</p></body></html>"
    result = clean_document(_html(html))
    texts = [b.text for b in result.blocks]
    assert any("deep text at the bottom" in t for t in texts)
    assert any(t.endswith("Again.") for t in texts)
    assert all(b.source.startswith("dom:/") for b in result.blocks)


@pytest.mark.slow
def test_large_page_is_cleaned() -> None:
    para = "<p>Paragraph {n}: the council published its figures for district {n} on Monday, and they show a rise.</p>"
    html = "<html><body><nav><a href='/'>Home</a></nav><article>" + "".join(para.format(n=n) for n in range(30_000)) + "</article></body></html>"
    assert len(html) > 2_000_000
    result = clean_document(_html(html))
    assert sum(b.kept for b in result.blocks) == 30_000
    assert not result.blocks[0].kept


def test_binary_garbage_and_empty_inputs() -> None:
    for text in ("", "\x00\x01\x02", "\ufeff", "\r\n\r\n", "a" * 100_000):
        clean_document(_text(text))
        clean_document(_html(text))
    assert clean_document(_text("")).blocks == []
