"""Mapping the extractor's text back onto the page's own blocks, on pages made for the test.

The mapping alone (no rule runs inside it) should keep what the extractor kept: these check classes of
text it used to lose."""

from __future__ import annotations

from triage_app.core.clean.extraction_map import map_extraction
from triage_app.core.clean.html_parse import parse_html
from triage_app.core.clean.html_walk import segment_tree

PRICES = """<html><body>
<nav><div>Students</div><div>Members</div><div>Gift cards</div></nav>
<h2>Training packages</h2>
<p>Book a trainer for one hour a week and reach the goals you set together at the first meeting.</p>
<div class="row"><div>Three sessions</div><div>Students</div><div>$80</div><div>Members</div><div>$130</div></div>
<div class="row"><div>Ten sessions</div><div>Students</div><div>$190</div><div>Members</div><div>$240</div></div>
<p>Sessions last fifty minutes and can be moved up to a day before they start, at no cost to you.</p>
</body></html>"""

# The extractor joins the cells of each row into one line, as trafilatura does with inline-looking divs
PRICES_EXTRACTED = """Training packages
Book a trainer for one hour a week and reach the goals you set together at the first meeting.
Three sessions Students $80 Members $130
Ten sessions Students $190 Members $240
Sessions last fifty minutes and can be moved up to a day before they start, at no cost to you."""


def _kept_texts(html: str, extracted: str) -> list[str]:
    tree = parse_html(html)
    assert tree is not None
    blocks = segment_tree(tree)
    kept = map_extraction(blocks, extracted)
    return [b.text for b, k in zip(blocks, kept) if k]


def test_short_blocks_inside_a_longer_extracted_line_are_kept() -> None:
    kept = _kept_texts(PRICES, PRICES_EXTRACTED)
    assert kept == [
        "Training packages",
        "Book a trainer for one hour a week and reach the goals you set together at the first meeting.",
        "Three sessions", "Students", "$80", "Members", "$130",
        "Ten sessions", "Students", "$190", "Members", "$240",
        "Sessions last fifty minutes and can be moved up to a day before they start, at no cost to you.",
    ]


def test_a_short_block_needs_its_neighbours_words_in_the_extraction() -> None:
    # The menu's "Students" and "Members" are words of the extraction too, but not next to what the
    # menu has around them: they stay out.
    kept = _kept_texts(PRICES, PRICES_EXTRACTED)
    assert kept.count("Students") == 2 and "Gift cards" not in kept
    # A row the extractor left out does not come back through the words it shares with a kept row
    only_first_row = PRICES_EXTRACTED.replace("Ten sessions Students $190 Members $240\n", "")
    kept = _kept_texts(PRICES, only_first_row)
    assert "Ten sessions" not in kept and "$190" not in kept and kept.count("Students") == 1


def test_line_breaks_in_data_table_cells_separate_words() -> None:
    page = "<html><body><table><tr><td>Run</td><td>Disruption in ramp down. Horrid<br>ragged H-modes.<br/><br/>Ip to .9MA.</td></tr></table></body></html>"
    tree = parse_html(page)
    assert tree is not None
    assert [b.text for b in segment_tree(tree)] == ["Run\tDisruption in ramp down. Horrid ragged H-modes. Ip to .9MA."]


def test_a_credit_repeating_the_next_headings_first_word_stays_out() -> None:
    page = """<html><body>
<p>Pick the console that suits the way you play, at home or on the road, and the games you love.</p>
<figure><img src="a.jpg"><figcaption>Contoso</figcaption></figure>
<h3>Contoso Switch Lite</h3>
<p>A smaller console for travelling that plays every game of the series on its own bright screen.</p>
</body></html>"""
    extracted = """Pick the console that suits the way you play, at home or on the road, and the games you love.
Contoso Switch Lite
A smaller console for travelling that plays every game of the series on its own bright screen."""
    kept = _kept_texts(page, extracted)
    assert "Contoso" not in kept and "Contoso Switch Lite" in kept
    # The same credit is the extractor's when the extraction has it too
    kept = _kept_texts(page, extracted.replace("Contoso Switch Lite", "Contoso\nContoso Switch Lite"))
    assert "Contoso" in kept


def test_paragraphs_inside_an_embedded_objects_fallback_are_read() -> None:
    # An embedded player's fallback content (a caption, a notice) is text the page shows without the
    # plugin, and the extractor reads it: the walk does too when it holds paragraphs.
    page = """<html><body><p>The anchor thanked the viewers who write in every weekend morning before the show.</p>
<object data="player.swf"><param name="movie" value="player.swf"><div class="caption-box">
<p class="caption">The anchor sends a message to the early risers who talk politics every weekend.</p></div>
<embed src="player.swf"></object><object data="chart.svg"><img src="chart.png" alt="A chart"></object></body></html>"""
    tree = parse_html(page)
    assert tree is not None
    texts = [b.text for b in segment_tree(tree)]
    assert "The anchor sends a message to the early risers who talk politics every weekend." in texts
    assert len(texts) == 2


def test_each_shingle_of_the_extraction_is_given_out_once() -> None:
    # The extraction holds the paragraph once and the refrain line twice. A second copy of the paragraph (a
    # teaser below) finds its shingles taken; the refrain's two copies each take one of its two copies; a third
    # copy of the refrain finds none left; a chorus of one word repeated is one shingle seven times over.
    # (Blocks whose shingles are all distinct and untaken are counted without a count per shingle: these are
    # the cases that must not be.)
    story = "The council voted on Tuesday to close the old bridge to lorries from the first of May"
    refrain = "Oh the river runs and the river runs and the river runs to the sea"
    chorus = "La la la la la la la la la la"
    html = f"<html><body><p>{story}</p><p>{refrain}</p><p>{chorus}</p><p>{refrain}</p><div><p>{refrain}</p><p>{story}</p></div></body></html>"
    extracted = "\n".join([story, refrain, chorus, refrain])
    assert _kept_texts(html, extracted) == [story, refrain, chorus, refrain]
