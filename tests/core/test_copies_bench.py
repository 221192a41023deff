"""The copies benchmark's pieces: a copy keeps the host's template but not its article; pairwise scoring."""

from __future__ import annotations

from triage_app.bench._copies_set import host_article, host_with_article, leftover
from triage_app.bench.copies import pairwise

HOST = (
    "<html><head><title>Host story</title><script type='application/ld+json'>{\"articleBody\": \"Host text\"}"
    "</script></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav><article><h1>Host story</h1>"
    "<p>The host's own article says something about a local election and its long aftermath in town.</p>"
    "<p>A second paragraph of the host article continues the story of the local election for a while.</p>"
    "</article><footer>Host footer, all rights reserved</footer></body></html>"
)


def test_a_copy_keeps_the_template_and_replaces_the_article() -> None:
    gold = "Host story\n\n" + "\n\n".join(part.split("</p>")[0] for part in HOST.split("<p>")[1:])
    page = host_with_article(HOST, gold, "Wire: new title", ["First wire paragraph.", "Second wire paragraph."])
    assert "Home" in page and "Host footer" in page  # the template stays
    assert "local election" not in page and "articleBody" not in page and "Host story" not in page
    assert page.index("First wire paragraph.") < page.index("Second wire paragraph.") < page.index("Host footer")
    assert "<title>Wire: new title</title>" in page and "<h1>Wire: new title</h1>" in page


def test_pairwise_precision_and_recall() -> None:
    truth = {1: "a", 2: "a", 3: "a", 4: "b", 5: "c"}
    p, r, predicted, true = pairwise([[1, 2], [3, 4]], truth)
    assert (predicted, true) == (2, 3) and p == 0.5 and round(r, 3) == 0.333
    assert pairwise([], truth)[:2] == (1.0, 0.0)


def test_a_host_article_outside_paragraphs_and_unlike_its_gold_is_taken_out() -> None:
    """A host whose gold text is rewritten and whose article is in divs split by links: the page's own
    article is found by trafilatura and removed; what is left of it is measured over the whole page."""
    story = [
        "The regional council approved the new tram line after a long debate that lasted well into the night.",
        "Supporters of the project said the line would cut <a href='/t'>travel times</a> for commuters by half.",
        "Opponents warned that the cost of the works had doubled since the first estimate was published.",
        "Construction is due to start next spring and the first trams should run within three years.",
    ]
    host = ("<html><head><title>Tram line approved</title></head><body><nav><a href='/'>Home</a></nav>"
            "<main><h1>Tram line approved</h1>" + "".join(f"<div class='para'>{p}</div>" for p in story)
            + "</main><footer>Metro Daily, all rights reserved</footer></body></html>")
    rewritten_gold = "A summary written by someone else, in other words, of a tram decision."
    reference = host_article(host, rewritten_gold)
    assert leftover(host, reference) > 0.5
    page = host_with_article(host, reference, "Wire: harbour", ["The harbour authority approved a plan."] * 3)
    assert "tram line" not in page.lower() and "Metro Daily" in page
    assert leftover(page, reference) < 0.2
