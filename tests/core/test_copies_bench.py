"""The copies benchmark's pieces: a copy keeps the host's template but not its article; pairwise scoring."""

from __future__ import annotations

from triage_app.bench.copies import host_with_article, pairwise

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
