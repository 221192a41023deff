"""Layout names on the page's roots and wrappers ("has-sidebar", "sidebar-right", "menu-open") name no part of it.

`<body class="single-post has-sidebar">` says the page has a sidebar, not that the body is one; a wrapper
`<div class="site sidebar-right">` that holds the article is the page's frame. Read as contexts they labelled
every block the extractor left out "navigation" and switched off the rules that trust a context."""

from __future__ import annotations

import pytest

from triage_app.core.clean import clean_document
from triage_app.core.clean.dom_names import context_reason
from triage_app.core.clean.html_extract import classify_blocks
from triage_app.core.clean.html_parse import parse_html
from triage_app.core.clean.html_walk import segment_tree
from triage_app.core.clean.patterns import HIDDEN, NAVIGATION
from triage_app.core.records import ParsedDocument

SENTENCE = "The committee met on Tuesday to discuss the proposal for the new bridge across the river, and members spoke at length about costs. "
REFRAIN = "<p>We shall overcome, we shall overcome, we shall overcome some day, oh deep in my heart.</p>"


def _html(html: str) -> ParsedDocument:
    return ParsedDocument("page.html", b"", "html", "utf-8", html=html)


def _paragraphs(count: int, word: str = "bridge") -> str:
    return "".join(f"<p>{SENTENCE.replace('bridge', f'{word} {n}') * 2}</p>" for n in range(count))


def test_the_page_roots_name_no_context() -> None:
    assert context_reason("body", "single-post has-sidebar menu-open") is None
    assert context_reason("html", "sidebar-right xb-sidebar-show") is None
    assert context_reason("div", "has-sidebar") == NAVIGATION
    tree = parse_html(f"<html class='sidebar-right'><body class='has-sidebar footer-widgets'><div>{_paragraphs(2)}</div></body></html>")
    assert tree is not None
    blocks = segment_tree(tree)
    assert blocks and all(block.context == () for block in blocks)


def test_a_body_hidden_until_a_script_runs_is_not_a_hidden_context() -> None:
    tree = parse_html(f"<html><body style='visibility:hidden'>{_paragraphs(2)}</body></html>")
    assert tree is not None
    assert all(HIDDEN not in block.context for block in segment_tree(tree))


def test_refrains_stay_on_a_page_whose_body_says_sidebar() -> None:
    body = "".join(f"<p>{SENTENCE.replace('bridge', w) * 2}</p>{REFRAIN}" for w in ("bridge", "tunnel", "dam"))
    page = f"<html><head><title>Notes</title></head><body class='post has-sidebar sidebar-right'><div class='x'>{body}</div></body></html>"
    assert clean_document(_html(page)).text.count("We shall overcome, we shall") == 3


def test_refrains_stay_inside_a_wrapper_that_says_sidebar() -> None:
    body = "".join(f"<p>{SENTENCE.replace('bridge', w) * 2}</p>{REFRAIN}" for w in ("bridge", "tunnel", "dam"))
    page = f"<html><head><title>Notes</title></head><body><div class='site-wrapper with-sidebar'><div class='x'>{body}</div></div></body></html>"
    assert clean_document(_html(page)).text.count("We shall overcome, we shall") == 3


def test_left_out_blocks_are_labelled_by_their_own_container_not_the_frame() -> None:
    sidebar = "<div class='sidebar'><ul>" + "".join(f"<li><a href='/t{n}'>Topic number {n}</a></li>" for n in range(8)) + "</ul></div>"
    notice = "<div class='notice'><p>Reader offers</p></div>"
    page = (
        "<html><head><title>Bridge plans</title></head><body><div id='page' class='site has-sidebar'>"
        f"<div class='content'><h1>Bridge plans</h1>{_paragraphs(6)}</div>{notice}{sidebar}</div></body></html>"
    )
    result = clean_document(_html(page))
    assert "bridge 5" in result.text
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons["Topic number 3"] == NAVIGATION  # the real sidebar is still one
    assert reasons["Reader offers"] != NAVIGATION  # not labelled by the wrapper's "has-sidebar"


def test_a_hidden_frame_stays_hidden() -> None:
    page = (
        "<html><head><title>Bridge plans</title></head><body><div style='display:none'>"
        f"<p><a href='/'>Home</a> | <a href='/news'>News</a></p><h1>Bridge plans</h1>{_paragraphs(6)}</div></body></html>"
    )
    result = clean_document(_html(page))
    assert "bridge 5" in result.text
    assert {b.text: b.reason for b in result.blocks}["Home | News"] == HIDDEN


def test_without_an_extractor_a_sidebar_body_keeps_its_text() -> None:
    tree = parse_html(f"<html><body class='has-sidebar'><div>{_paragraphs(5)}</div></body></html>")
    assert tree is not None
    reasons = classify_blocks(segment_tree(tree))
    assert reasons.count(None) == 5


def test_a_frameset_pages_noframes_text_is_read_as_paragraphs_not_markup() -> None:
    # libxml2 keeps <noframes> content as raw text: the tags were shown in the cleaned text ("<body><p>...").
    page = f"<html><head><title>Frames</title></head><frameset><frame src='a.html'><noframes><body>{_paragraphs(3)}</body></noframes></frameset></html>"
    result = clean_document(_html(page))
    assert "<p>" not in result.text and "<body>" not in result.text
    assert [b.text for b in result.blocks if b.kept] == [(SENTENCE.replace("bridge", f"bridge {n}") * 2).strip() for n in range(3)]


def test_applying_the_rules_leaves_the_prepared_page_as_it_was() -> None:
    # The benchmark switches rules off one by one on one prepared page: `frames` may not change its blocks.
    from triage_app.core.clean.html_extract import apply_rules
    from triage_app.core.clean.html_prepare import prepare_html

    body = "".join(f"<p>{SENTENCE.replace('bridge', w) * 2}</p>{REFRAIN}" for w in ("bridge", "tunnel", "dam"))
    page = prepare_html(f"<html><head><title>Notes</title></head><body><div class='wrap with-sidebar'>{body}</div></body></html>")
    assert page is not None
    contexts = [block.context for block in page.blocks]
    with_frames = apply_rules(page)
    without = apply_rules(page, frozenset({"frames"}))
    assert [block.context for block in page.blocks] == contexts
    assert with_frames.count(None) == 6 and without.count(None) == 4  # the refrains need the frame gone


@pytest.mark.parametrize("spelling", ["noframes", "NOFRAMES", "NoFrAmEs"])
def test_noframes_text_is_read_however_the_tag_is_spelled(spelling: str) -> None:
    # libxml2 names the element in lower case: the tree is asked, not the markup (a mixed-case spelling was missed)
    page = f"<html><head><title>Frames</title></head><frameset><frame src='a.html'><{spelling}><body>{_paragraphs(2)}</body></{spelling}></frameset></html>"
    result = clean_document(_html(page))
    assert "<p>" not in result.text and len([b for b in result.blocks if b.kept]) == 2


def test_a_block_taken_out_of_its_frame_keeps_every_other_field() -> None:
    # `RawBlock.with_context` copies field by field (faster than `dataclasses.replace`): a field added to the
    # block and not copied there would be lost by every block under a frame.
    from dataclasses import fields

    from triage_app.core.clean.html_blocks import RawBlock

    values = {
        "text": "A paragraph.", "kind": "list-item", "path": "dom:/html/body/ul/li[2]", "tag": "li", "link_chars": 3,
        "context": ("navigation", "comments"), "context_paths": ("#2", "#7"), "in_article": True, "own_attrs": "item",
        "tokens": ["a", "paragraph"], "shown": ("A\nparagraph.", "preformatted"),
    }
    assert set(values) == {f.name for f in fields(RawBlock)}, "a new RawBlock field: give it a value here and copy it in with_context"
    block = RawBlock(**values)  # type: ignore[arg-type]
    moved = block.with_context(("comments",), ("#7",))
    for name, value in values.items():
        if name not in ("context", "context_paths"):
            assert getattr(moved, name) == value, name
    assert moved.context == ("comments",) and moved.context_paths == ("#7",)
    assert moved.tokens is block.tokens and block.context == ("navigation", "comments")
