"""Pages drawn by web components: a declarative shadow root's content is the page's text, an inert
`<template>` is not (SingleFile and Chrome's MHTML save rendered shadow DOM as `<template shadowrootmode>`)."""

from __future__ import annotations

import pytest

from triage_app.core.clean import clean_document
from triage_app.core.clean.fallback import segment_markup
from triage_app.core.records import ParsedDocument

SENTENCE = "The harbour board approved the new breakwater after a long night of questions from the fishing families."


def _page(template_attributes: str) -> str:
    body = "".join(f"<p>{n}. {SENTENCE} {SENTENCE}</p>" for n in range(5))
    return (
        "<html><head><title>Harbour | Coast Gazette</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
        f"<story-page><template {template_attributes}><article><h1>Breakwater approved</h1>{body}</article>"
        "</template></story-page><footer>Copyright 2026 Coast Gazette</footer></body></html>"
    )


def _clean(html: str) -> str:
    return clean_document(ParsedDocument("p", b"", "html", "utf-8", html=html)).text


@pytest.mark.parametrize("attributes", ['shadowrootmode="open"', 'shadowrootmode="closed"', 'shadowroot="open"', 'shadowmode="open"'])
def test_the_article_in_a_declarative_shadow_root_is_kept(attributes: str) -> None:
    result = clean_document(ParsedDocument("p", b"", "html", "utf-8", html=_page(attributes)))
    kept = [b for b in result.blocks if b.kept]
    assert len(kept) >= 5 and all(SENTENCE in b.text for b in kept if b.kind == "paragraph")
    assert kept[-1].source == "dom:/html/body/story-page/template/article/p[5]"
    assert not any("Copyright" in b.text or "Sport" in b.text for b in kept)


def test_an_inert_template_stays_unread() -> None:
    assert SENTENCE not in _clean(_page(""))
    assert SENTENCE not in _clean(_page('id="row-template"'))


def test_the_stream_segmenter_reads_shadow_roots_and_skips_inert_templates() -> None:
    shadow = segment_markup(_page('shadowrootmode="open"'))
    inert = segment_markup(_page(""))
    assert sum(SENTENCE in b.text for b in shadow) == 5
    assert shadow[1].path.startswith("dom:/html[1]/body[1]/story-page[1]/template[1]/article[1]")
    assert not any(SENTENCE in b.text for b in inert)
    # a template closed inside the shadow root does not end it
    nested = _page('shadowrootmode="open"').replace("<article>", "<template><p>row</p></template><article>")
    assert sum(SENTENCE in b.text for b in segment_markup(nested)) == 5


def test_the_headline_and_byline_in_a_shadow_root_are_read() -> None:
    html = _page('shadowrootmode="open"').replace("</h1>", "</h1><div class='meta'><span class='author-name'>Jane Roe</span></div>")
    result = clean_document(ParsedDocument("p", b"", "html", "utf-8", html=html))
    assert result.title == "Breakwater approved"
    assert result.byline == "Jane Roe"
