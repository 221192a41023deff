"""Hidden text on real pages: what hiding removes, and collapsed, noscript and aria-hidden text that stays."""

from __future__ import annotations

from clean_page_support import STORY
from clean_page_support import html_doc as _html
from clean_page_support import paragraphs as _paragraphs
from clean_page_support import story_paragraphs as _story_paragraphs

from triage_app.core.clean import clean_document
from triage_app.core.clean.dom_names import context_reason
from triage_app.core.clean.html_parse import parse_html
from triage_app.core.clean.html_walk import segment_tree
from triage_app.core.clean.patterns import HIDDEN


def test_only_real_hiding_removes_text() -> None:
    assert context_reason("div", "content snippet-hidden") is None
    assert context_reason("div", "hidden-xs col-md-8") is None
    assert context_reason("span", "sr-only") == HIDDEN and context_reason("div", "visually-hidden") == HIDDEN
    code = "<div class='snippet-hidden'><p>" + "Use a context manager so the file is closed even when the parser raises. " * 2 + "</p></div>"
    page = f"<html><body><div id='content'><h1>Closing files</h1>{_paragraphs(4)}{code}{_paragraphs(2, 'road')}</div></body></html>"
    result = clean_document(_html(page))
    assert "context manager" in result.text


def test_aria_hidden_wrapper_around_an_article_does_not_hide_it() -> None:
    page = f"<html><body><div aria-hidden='true'><span>★</span></div><div aria-hidden='true'>{_paragraphs(4)}</div></body></html>"
    assert "bridge 3" in clean_document(_html(page)).text


def test_article_served_only_in_noscript_is_read() -> None:
    from triage_app.core.clean.html_extract import clean_html

    shell = "<div id='app'></div><noscript><p>Please enable JavaScript.</p></noscript>"
    page = (
        f"<html><head><title>River keepers</title></head><body>{shell}<noscript><article><h1>River keepers</h1>"
        f"{_story_paragraphs()}</article></noscript><footer><a href='/a'>About</a> <a href='/b'>Contact</a></footer></body></html>"
    )
    result = clean_document(_html(page))
    assert "herons nest" in result.text and "About" not in result.text
    outcome = clean_html(page, disabled=frozenset({"noscript", "unmapped"}))
    assert outcome is not None and not any("herons" in b.text for b in outcome[0])
    # A page with its text outside <noscript> is read as before: the <noscript> note stays out
    visible = f"<html><body>{shell}<article>{_paragraphs(5)}</article></body></html>"
    assert "JavaScript" not in clean_document(_html(visible)).text


def test_collapsed_content_is_not_hidden() -> None:
    answer = "You report the accident in the app first, then call the insurer within two days of it. " * 2
    page = (
        "<html><body><main><h1>Help</h1>"
        f"<div role='tabpanel' hidden><p>{answer}</p></div>"
        f"<div class='faq__answer' style='display: none'><p>{answer}</p></div>"
        f"<div hidden id='S:0'><p>{answer}</p></div>"
        f"<div hidden id='S:1c'><p>{answer}</p></div>"  # React numbers its streamed segments in hex
        f"<div hidden='until-found'><p>{answer}</p></div>"
        "<div class='modal' style='display:none'><p>Sign in to continue reading this and other stories.</p></div>"
        "<div hidden id='S:zz'><p>Not one of React's segments: hidden.</p></div>"
        "</main></body></html>"
    )
    tree = parse_html(page)
    assert tree is not None
    blocks = segment_tree(tree)
    assert [HIDDEN in b.context for b in blocks if b.text != "Help"] == [False, False, False, False, False, True, True]


def test_a_hidden_schema_copy_of_the_article_is_removed_however_long() -> None:
    # A CMS repeats the article in a display:none schema.org block (headline, dates, publisher, the
    # whole body). The copy is as long as the article, so it is no small widget, and removing it takes
    # half of what the extractor kept; neither may save it: a copy of shown text loses nothing.
    body = " ".join(STORY)
    copy = (
        '<div style="display:none;" itemscope itemtype="http://schema.org/NewsArticle">'
        '<h1 itemprop="name">River keepers record an early flood</h1>'
        '<div itemprop="datePublished">2019-11-19T08:57:40+01:00</div>'
        '<div itemprop="publisher" itemscope><div itemprop="name">ValleyNewsDe</div></div>'
        f'<div itemprop="articleBody">{body}</div></div>'
    )
    page = (
        "<html><head><title>River keepers record an early flood</title></head><body><main>"
        f"<h1>River keepers record an early flood</h1>{_story_paragraphs()}</main>{copy}{copy}</body></html>"
    )
    result = clean_document(_html(page))
    assert result.text.count(STORY[0]) == 1
    assert "ValleyNewsDe" not in result.text and "2019-11-19T08" not in result.text
    assert all(line in result.text for line in STORY)
