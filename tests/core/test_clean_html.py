"""HTML pages: the article's blocks are kept, everything else removed with the reason its DOM or text gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from triage_app.core.clean import clean_document
from triage_app.core.clean import patterns as P
from triage_app.core.records import Block, CleanResult, ParsedDocument

DATA = Path(__file__).resolve().parents[1] / "data" / "clean"


def _clean_html(html: str, **kwargs: object) -> CleanResult:
    return clean_document(ParsedDocument("page.html", html.encode(), "html", "utf-8", html=html, **kwargs))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def article() -> CleanResult:
    return _clean_html((DATA / "article.html").read_text(encoding="utf-8"))


def _block(result: CleanResult, start: str) -> Block:
    (block,) = [b for b in result.blocks if b.text.startswith(start)]
    return block


def test_article_metadata(article: CleanResult) -> None:
    assert article.title == "Harbour Bridge Reopens After Repairs"
    assert article.byline == "Ana Ferreira"
    assert article.published == "2024-03-05T09:30:00+01:00"
    assert article.site == "The Coastal Ledger"
    assert article.url == "https://ledger.example/news/harbour-bridge-reopens"
    assert article.keywords == ["bridges", "transport", "harbour"]
    assert article.language == "en"


def test_article_body_kept_in_order(article: CleanResult) -> None:
    kept = [b.text for b in article.blocks if b.kept]
    assert kept[0] == "Harbour Bridge Reopens After Repairs"  # the extractor's headline stays in the body
    assert kept[1].startswith("The Harbour Bridge reopened to traffic")
    assert "Costs rose during the work" in kept
    assert kept[-1].startswith("Local businesses on the northern shore")
    assert len(kept) == 7
    assert article.text == "\n\n".join(kept)


@pytest.mark.parametrize(
    ("start", "reason"),
    [
        ("Skip to main content", P.NAVIGATION),
        ("Home", P.NAVIGATION),
        ("The bridge carries forty thousand", P.SUMMARY),
        ("By Ana Ferreira", P.BYLINE),
        ("Share on Facebook", P.SHARE),
        ("Photo: Coastal Ledger archive", P.CAPTION),
        ("Sign up for our morning newsletter", P.NEWSLETTER),
        ("Advertisement", P.ADVERT),
        ("Related stories", P.RELATED),
        ("Ferry timetable changes", P.RELATED),
        ("3 Comments", P.COMMENTS),
        ("Finally! I have been waiting", P.COMMENTS),
        ("© 2024 The Coastal Ledger", P.FOOTER),
    ],
)
def test_article_removed_blocks_have_reasons(article: CleanResult, start: str, reason: str) -> None:
    block = _block(article, start)
    assert not block.kept
    assert block.reason == reason


def test_blocks_point_to_their_dom_source(article: CleanResult) -> None:
    assert _block(article, "The Harbour Bridge reopened").source == "dom:/html/body/main/article/p[2]"
    assert _block(article, "Costs rose").kind == "heading"
    assert all(b.source.startswith("dom:/html") for b in article.blocks)
    assert all(b.template_key for b in article.blocks)
    assert [b.index for b in article.blocks] == list(range(len(article.blocks)))


PROSE = (
    "The committee met on Thursday to review the proposal, which would change how the region funds its "
    "hospitals and schools over the next decade, and several members asked for more time to study it. "
)


def _page(body: str) -> str:
    return f"<html><head><title>Budget talks</title></head><body><article>{body}</article></body></html>"


def test_text_patterns_name_the_boilerplate_the_extractor_leaves_out() -> None:
    # Inside the article the extractor's verdict stands (a rule removing such lines there made two
    # page sets worse); outside it the patterns say why a block went.
    result = _clean_html(
        f"<html><head><title>Budget talks</title></head><body><article><p>{PROSE}</p><p>{PROSE * 2}</p>"
        f"<p>{PROSE}Members will vote next month.</p></article>"
        "<div><p>Read more: Hospitals warn of winter pressure</p><p>Copyright 2024 Example News. All rights reserved.</p>"
        "<p>Tags: budget, hospitals, schools</p></div></body></html>"
    )
    reasons = {b.text[:20]: b.reason for b in result.blocks if not b.kept}
    assert reasons["Read more: Hospitals"] == P.RELATED
    assert reasons["Copyright 2024 Examp"] == P.COPYRIGHT
    assert reasons["Tags: budget, hospit"] == P.TAGS
    assert sum(b.kept for b in result.blocks) == 3


def test_link_lists_after_the_article_are_related_links() -> None:
    links = "".join(f'<li><a href="/{n}">Another story about the regional budget number {n}</a></li>' for n in range(4))
    result = _clean_html(_page(f"<p>{PROSE}</p><p>{PROSE * 2}</p><p>{PROSE}</p><ul>{links}</ul>"))
    items = [b for b in result.blocks if b.kind == "list-item"]
    assert items and all(not b.kept for b in items)


def test_a_list_of_links_inside_the_article_stays() -> None:
    # Issue 49: a run of link-only items with the article's own text before and after it is one of the
    # article's lists (the patches a report names, the deals it picks), not a related-stories box.
    patches = "".join(
        f'<li><p><a href="/patch/{n}">compiler: support the {word} attribute on variables</a></p></li>'
        for n, word in enumerate(("weak", "aligned", "packed", "section"))
    )
    body = (
        f"<p>{PROSE}</p><p>{PROSE * 2}</p><p>These patches were sent for review this month:</p><ul>{patches}</ul>"
        f"<p>{PROSE * 2}</p><p>{PROSE}</p>"
    )
    result = _clean_html(_page(body))
    items = [b for b in result.blocks if "attribute on variables" in b.text]
    assert len(items) == 4 and all(b.kept for b in items)


def test_link_runs_never_take_the_page_past_the_guard() -> None:
    # A page that is mostly a list of links (an index): removing the runs would leave less than the
    # guard's share of the extractor's text, so link-runs removes nothing and the other rules' removals
    # stand (before, the guard undid them all).
    from triage_app.core.clean.html_blocks import RawBlock
    from triage_app.core.clean.kept_text_edges import link_runs

    blocks = [
        RawBlock("Skip to content", "paragraph", "dom:/nav/a", "a", link_chars=15),
        RawBlock("An index of the reports.", "paragraph", "dom:/p", "p"),
        *(RawBlock(f"Report {n}", "list-item", f"dom:/ul/li[{n}]", "li", link_chars=8) for n in range(1, 9)),
    ]
    reasons: list[str | None] = [P.NAVIGATION, *[None] * 9]
    link_runs(blocks, reasons, floor=0.5 * sum(len(b.text) for b in blocks))
    assert reasons[2:] == [None] * 8
    link_runs(blocks, reasons)
    assert reasons[2:] == [P.RELATED] * 8


def test_hidden_copies_of_the_article_do_not_come_back() -> None:
    page = _page(f"<p>{PROSE}</p><p>{PROSE * 2}</p>") + f'<div style="display:none"><p>{PROSE}</p></div>'
    result = _clean_html(page)
    assert result.text.count("The committee met on Thursday") == 3


def test_page_without_article_falls_back_and_still_gives_blocks() -> None:
    result = _clean_html("<html><body><div>Home</div><div>Contact</div></body></html>")
    assert result.blocks
    assert all(b.source.startswith("dom:") for b in result.blocks)


def test_xml_declaration_and_odd_markup() -> None:
    html = '<?xml version="1.0" encoding="utf-8"?><html><body><p>' + PROSE + "</p><p>" + PROSE + "</p></body></html>"
    result = _clean_html(html)
    assert "The committee met" in result.text


def test_the_headline_stays_in_the_body() -> None:
    # (A number-only block such as "0 : 0" used to be removed as metadata: that rule helped no page set
    # and hurt two, and went; such a block now follows the extractor's choice.)
    page = (
        "<html><head><title>Budget talks resume</title></head><body><article><h1>Budget talks resume</h1>"
        f"<p>{PROSE}</p><p>0 : 0</p><p>{PROSE * 2}</p><p>Budget talks resume</p></article></body></html>"
    )
    result = _clean_html(page)
    assert result.title == "Budget talks resume" and result.text.startswith("Budget talks resume")


def test_json_ld_article_body_recovers_what_the_extractor_missed(monkeypatch: pytest.MonkeyPatch) -> None:
    from triage_app.core.clean import html_prepare

    paragraphs = [f"{PROSE}Point number {n} of the council's long report." for n in range(4)]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    article_body = json.dumps({"@type": "NewsArticle", "headline": "Budget", "articleBody": "\n".join(paragraphs)})
    head = f'<html><head><title>Budget</title><script type="application/ld+json">{article_body}</script></head>'
    page = f"{head}<body><nav><a href='/'>Home</a></nav><div>{body}</div><footer><p>Contact</p></footer></body></html>"
    monkeypatch.setattr(html_prepare, "run_trafilatura", lambda html, tree=None: paragraphs[0])  # an extractor that misses most
    result = _clean_html(page)
    assert all(p in result.text for p in paragraphs)
    assert "Contact" not in result.text
    without = _clean_html(page.replace(head, "<html><head><title>Budget</title></head>"))
    assert without.text == paragraphs[0]


def test_double_encoded_character_references_in_metadata_are_decoded() -> None:
    from triage_app.core.clean import clean_document
    from triage_app.core.records import ParsedDocument

    page = (
        '<html><head><title>x</title><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "&#8216;The Medium&#8217; &#8211; a&nbsp;festival &amp; more"}'
        "</script></head><body><article><p>" + "The festival opened on Thursday with forty works of light. " * 6
        + "</p></article></body></html>"
    )
    result = clean_document(ParsedDocument("/p.html", page.encode(), "html", "utf-8", html=page))
    assert result.title == "\u2018The Medium\u2019 \u2013 a festival & more"


def test_the_headline_inside_a_page_header_is_removed_as_title_not_navigation() -> None:
    from triage_app.core.clean import clean_document
    from triage_app.core.records import ParsedDocument

    body = "".join(
        f"<p>The harbour council met on day {n} and agreed to fund repairs to the northern breakwater wall.</p>"
        for n in range(8)
    )
    page = (
        '<html><head><title>Breakwater repairs approved</title>'
        '<meta property="og:title" content="Breakwater repairs approved after long debate"></head><body>'
        '<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        "<h1>Breakwater repairs approved after long debate</h1>"
        "<div>Published Tue, Nov 19 2019 7:05 AM EST</div></header>"
        f"<article>{body}</article></body></html>"
    )
    result = clean_document(ParsedDocument("/p.html", page.encode(), "html", "utf-8", html=page))
    headline = next(b for b in result.blocks if b.text == "Breakwater repairs approved after long debate")
    dateline = next(b for b in result.blocks if b.text.startswith("Published Tue"))
    assert (headline.kept, headline.reason) == (False, "title")
    assert (dateline.kept, dateline.reason) == (False, "date line")


def test_unclosed_button_does_not_swallow_the_article() -> None:
    # An unclosed <button> becomes the parent of the rest of the page; holding paragraphs, it is read.
    button = (
        "<html><head><title>Budget talks</title></head><body><header><button>Menu<div>"
        f"<main><article><p>{PROSE}</p><p>{PROSE * 2}</p></article></main></div></header></body></html>"
    )
    assert "The committee met on Thursday" in _clean_html(button).text
    plain = "<html><body><noscript><img src='x.gif'>Please enable JavaScript</noscript><button>Share</button><p>Text.</p></body></html>"
    assert all("JavaScript" not in b.text and b.text != "Share" for b in _clean_html(plain).blocks)
