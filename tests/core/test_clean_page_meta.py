"""Titles, bylines, standfirsts and saved pages' addresses of real pages, each on a page made for the test."""

from __future__ import annotations

import json

from clean_page_support import SENTENCE, STORY
from clean_page_support import html_doc as _html
from clean_page_support import paragraphs as _paragraphs
from clean_page_support import story_paragraphs as _story_paragraphs

from triage_app.core.clean import clean_document
from triage_app.core.clean.byline import name_from_byline
from triage_app.core.clean.site_names import strip_site_suffix
from triage_app.core.ingest.html_reader import read_html
from triage_app.core.ingest.mhtml_reader import read_mhtml


def test_a_removed_byline_block_fills_the_byline() -> None:
    page = (
        "<html><head><title>Crypto flaw</title></head><body><article><h1>Crypto flaw</h1>"
        "<div class='byline'>Dan Goodin - Apr 16, 2015 8:02 pm UTC</div>" + _paragraphs(4) + "</article></body></html>"
    )
    result = clean_document(_html(page))
    assert result.byline == "Dan Goodin"
    assert any(b.reason == "byline" and "Goodin" in b.text for b in result.blocks)
    assert name_from_byline("By Daniel Kahn Gillmor") == "Daniel Kahn Gillmor"
    assert name_from_byline("Posted by Mark Twain on March 3, 2020") == "Mark Twain"
    assert name_from_byline("By the way, we like this") is None


def test_chrome_saved_from_comment_gives_the_url() -> None:
    data = b"<!DOCTYPE html>\n<!-- saved from url=(0032)https://example.org/news/bridge -->\n<html><body><p>x</p></body></html>"
    assert read_html(data, source_path="p.html", original=data, original_name="p.html").url == "https://example.org/news/bridge"


def test_mhtml_with_a_raw_multi_line_snapshot_title_opens() -> None:
    html = f"<html><head><title>Bridge</title></head><body>{_paragraphs(2)}</body></html>"
    data = (
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/news/bridge\r\nSubject: Bridge\r\n"
        "X-Snapshot-Title: The bridge\r\nreopens after\r\nrepairs\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B"\r\n\r\n'
        "------B\r\nContent-Type: text/html\r\nContent-Location: https://example.org/news/bridge\r\n\r\n"
        f"{html}\r\n------B--\r\n"
    ).encode()
    doc = read_mhtml(data, source_path="p.mhtml", original=data, original_name="p.mhtml")
    assert doc.url == "https://example.org/news/bridge" and "bridge 1" in (doc.html or "")


def test_titles_lose_the_site_suffix_and_type_headlines() -> None:
    assert strip_site_suffix("Vláda schválila rozpočet | Aktuálně.cz", None, "https://zpravy.aktualne.cz/x") == "Vláda schválila rozpočet"
    assert strip_site_suffix("List of bridges - Wikipedia", None, "https://en.wikipedia.org/wiki/List_of_bridges") == "List of bridges"
    assert strip_site_suffix("Part one - Part two", None, "https://example.org/") == "Part one - Part two"
    ld = json.dumps({"@context": "https://schema.org", "@type": "Article", "name": "List of bridges in Prague",
                     "headline": "Wikimedia list article"})
    page = (
        f"<html><head><title>List of bridges in Prague - Wikipedia</title><script type='application/ld+json'>{ld}</script>"
        "<link rel='canonical' href='https://en.wikipedia.org/wiki/List_of_bridges_in_Prague'></head>"
        f"<body><h1>List of bridges in Prague</h1>{_paragraphs(3)}</body></html>"
    )
    assert clean_document(_html(page)).title == "List of bridges in Prague"


def test_an_untitled_page_is_named_alike_by_clean_and_the_library() -> None:
    page = f"<html><body><ol><li>{SENTENCE}</li></ol>{_paragraphs(2)}</body></html>"
    assert clean_document(_html(page, "ol.html")).title == "ol.html"


def _standfirst_page(wrapper_open: str, wrapper_close: str) -> str:
    lede = STORY[0]
    return (
        f'<html><head><title>Flood records</title><meta name="description" content="{lede}"></head><body>'
        f"{wrapper_open}<article><h1>Flood records</h1><header><p>{lede}</p></header>"
        f"{''.join(f'<p>{line}</p>' for line in STORY[1:])}</article>{wrapper_close}</body></html>"
    )


def test_the_standfirst_is_the_articles_own_header_not_a_site_header_around_everything() -> None:
    # The article's own <header> holds its standfirst (shown apart as the summary), but a page whose
    # markup leaves the whole page inside the site's <header> has no standfirst by that: its first
    # paragraph is the article's.
    own = clean_document(_html(_standfirst_page("", "")))
    assert STORY[0] not in own.text and STORY[1] in own.text
    page = _standfirst_page("<header><nav><a href='/'>Home</a></nav><div>", "</div></header>").replace(
        f"<header><p>{STORY[0]}</p></header>", f"<p>{STORY[0]}</p>"
    )
    assert STORY[0] in clean_document(_html(page)).text


def test_a_headline_the_meta_description_repeats_is_not_the_standfirst() -> None:
    # Sites often fill the description with the title: the heading is then the headline, which the body
    # keeps as on any other page, not a standfirst removed as the summary.
    headline = "River keepers record the earliest flood in forty years"
    page = (
        f'<html><head><title>{headline} | Valley News</title><meta name="description" content="{headline}"></head>'
        f"<body><div class='post'><h2 class='posttitle'>{headline}</h2>{_story_paragraphs()}</div></body></html>"
    )
    result = clean_document(_html(page))
    heading = next(b for b in result.blocks if b.text == headline)
    assert heading.kept, heading
    dek = page.replace("<div class='post'>", f"<div class='post'><h2 class='standfirst'>{STORY[0]} Now more.</h2>").replace(
        f'content="{headline}"', f'content="{STORY[0]} Now more."')
    assert f"{STORY[0]} Now more." not in clean_document(_html(dek)).text


def test_a_page_that_states_no_date_is_dated_by_the_day_in_its_address() -> None:
    """An older page with no date in its JSON-LD or meta tags is dated by its address's path, as news sites and blogs
    write it ("/2012/12/07/slug"), whether the address is the page's own (canonical) or where it was saved from; a
    date the page states wins, and what is no day is no date."""
    from triage_app.core.clean.dates import url_date

    def page(head: str = "") -> str:
        return f"<html><head><title>Fiscal cliff</title>{head}</head><body><article><h1>Fiscal cliff</h1>{_paragraphs(4)}</article></body></html>"

    canonical = '<link rel="canonical" href="http://tv.example.com/2012/12/07/people-dont-understand-the-fiscal-cliff/">'
    assert clean_document(_html(page(canonical))).published == "2012-12-07"
    saved = _html(page())
    saved.url = "https://blog.example.org/2019-11-19-harbour-budget.html"
    assert clean_document(saved).published == "2019-11-19"
    stated = '<meta property="article:published_time" content="2012-12-08T09:00:00Z">'
    assert clean_document(_html(page(canonical + stated))).published == "2012-12-08T09:00:00+00:00"
    assert clean_document(_html(page())).published is None
    assert url_date("https://example.com/2012/12/07") == "2012-12-07"
    assert url_date("https://example.com/news/2012/12/") is None  # an archive's month
    assert url_date("https://example.com/2019/02/30/slug") is None  # no such day
    assert url_date("https://example.com/1994/05/01/slug") is None  # before the web's pages
    assert url_date("https://example.com/2999/01/01/slug") is None
    assert url_date("https://example.com/2019/11-19/slug") is None  # two separators: no date written so
    assert url_date("https://example.com/story?d=2012/12/07") is None  # the path only
    assert url_date("https://example.com/id/20121207123/") is None
    assert url_date("file:///home/ana/captures/2024/03/12/page.html") is None  # when it was saved, not published
    assert url_date("/2012/12/07/slug") is None
