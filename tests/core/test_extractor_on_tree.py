"""trafilatura run on the cleaner's own tree (`extractor_call.extract_from_tree`): its text is the text of its own
`extract` on the markup, the pages whose tree it would make otherwise go to the markup, and what the cleaner reads
from the tree after the extractor pruned it is read as from the page itself."""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from trafilatura import utils

from triage_app.bench._clean_score import load_pages, page_ids
from triage_app.core.clean import html_prepare
from triage_app.core.clean.engine import clean_html_document
from triage_app.core.clean.extractor_call import extract_from_tree, options_on_a_tree, tree_is_trafilaturas
from triage_app.core.clean.html_parse import parse_html
from triage_app.core.clean.html_prepare import TRAFILATURA_OPTIONS
from triage_app.core.clean.html_walk import segment_tree

_STORY = (
    "The ferry crossing ran on time all winter while the old pier was rebuilt by a crew from the mainland. "
    "Passengers waited in a heated tent beside the ticket office, and the harbour master counted every sailing. "
    "Storms in February closed the route for three days; the council paid for hotel rooms on both shores. "
    "Engineers say the new pier will carry heavier lorries and stand a metre higher above the spring tides. "
    "A second vessel, bought second-hand from a Norwegian operator, joins the service before the summer."
)
_ARTICLE = f"<article><h1>Ferry crossing</h1><p>{_STORY}</p><p>{_STORY}</p></article>"
WHOLE_PAGES = [
    f"<!DOCTYPE html><html><head><title>Ferry</title></head><body><nav><a href='/'>Home</a></nav>{_ARTICLE}"
    "<div id='comments'><p>First comment on the ferry, long enough to be a paragraph of its own here.</p></div></body></html>",
    # a doctype on the first line with markup after it (trafilatura cuts it out before parsing)
    f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"><html lang="en"><body>{_ARTICLE}</body></html>',
    f"<html><body><div class='infinite-scroll'><p>{_STORY}</p></div>{_ARTICLE}<table><tr><td>Pier</td><td>12 m</td></tr>"
    "</table><form><input name='q'><select><option>a</option></select></form></body></html>",
    "<html><body><a href='/'>Home</a></body></html>",
    "<!doctype foo><html><body><p>One child only.</p></body></html>",
    # a self-closed <html/> (opened by parse_html as trafilatura opens it), a void element closed on the <html> line
    f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n<html lang="en"/>\n<head><title>Ferry</title></head>'
    f"<body><article><h1>Ferry</h1><p>{_STORY}</p><p>{_STORY}</p></article></body></html>",
    f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>\n<title>Ferry</title></head><body><p>{_STORY}</p></body></html>',
    # a control character written as a character reference: in the tree, and trafilatura discards the page
    f"<!DOCTYPE html><html><body><article><h1>Ferry</h1><p>{_STORY}&#1;{_STORY}</p></article></body></html>",
]


def _forget() -> None:
    utils.trim.cache_clear()
    utils.line_processing.cache_clear()


def _both(html: str) -> tuple[str | None, str | None]:
    _forget()
    expected = trafilatura.extract(html, **TRAFILATURA_OPTIONS)
    _forget()
    tree = parse_html(html)
    assert tree is not None and tree_is_trafilaturas(html, tree)
    return expected, extract_from_tree(html, tree, TRAFILATURA_OPTIONS)


@pytest.mark.parametrize("html", WHOLE_PAGES)
def test_the_text_from_our_tree_is_trafilatura_s_own(html: str) -> None:
    expected, got = _both(html)
    assert got == expected


FRAGMENTS = [
    # lxml.html.fromstring (trafilatura's parse) returns the body's only element, or the body renamed "div"
    # ("span" without a block-level element), or the document when it has a head
    f"<div id='x'><h1>Ferry crossing</h1><p>{_STORY}</p><p>{_STORY}</p></div>",
    f"<div id='banner'><a href='/'>Home</a></div><h1>Ferry crossing</h1><p>{_STORY}</p><p>{_STORY}</p>",
    f"Ferry crossing <b>{_STORY}</b> <i>{_STORY}</i> <b>{_STORY}</b>",
    f"<title>Ferry</title><div><h1>Ferry crossing</h1><p>{_STORY}</p><p>{_STORY}</p></div>",
    f"<!-- saved from url=(0022)https://example.org/ -->\n<html><head><title>Ferry</title></head><body>{_ARTICLE}</body></html>",
    # a doctype trafilatura cuts out of the first line, and what follows is no <html>
    f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"><body><div>{_ARTICLE}</div><p>{_STORY}</p></body>\n',
]


@pytest.mark.parametrize("html", FRAGMENTS)
def test_a_fragment_runs_on_our_tree_from_the_root_trafilatura_would_have(html: str) -> None:
    """Markup that is not a whole document to lxml.html (cleaneval's pages, a page saved with a comment before
    `<html>`): trafilatura's root is an element of the parsed document, which ours holds too."""
    from lxml import etree
    from lxml.html import fromstring

    from triage_app.core.clean.extractor_call import c_lookup_parser, trafilaturas_root

    theirs = fromstring(utils.repair_faulty_html(html, html[:50].lower()), parser=c_lookup_parser())  # as `load_html`
    tree = parse_html(html)
    assert tree is not None
    found = trafilaturas_root(html, tree)
    assert found is not None
    root, renamed = found
    assert (renamed or root.tag) == theirs.tag
    root.tag = theirs.tag
    assert etree.tostring(root) == etree.tostring(theirs)
    expected, got = _both(html)
    assert expected and got == expected


_STARTS = st.sampled_from(["", "<!DOCTYPE html>\n", '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">',
                           "<!-- saved from url=(0022)https://example.org/ -->\n", "  \n"])
_WRAPS = st.sampled_from(["<html><head><title>T</title></head><body>{}</body></html>", "<html><body>{}</body></html>",
                          "<title>T</title>{}", "<body>{}</body>", "<head><meta charset='utf-8'></head>{}", "{}"])
_PIECES = st.sampled_from([f"<p>{_STORY}</p>", _STORY[:120], f"<b>{_STORY[:90]}</b>", "<!-- c -->", "<a href='/x'>Home</a>",
                           "<h1>Ferry crossing</h1>", "<br>", f"<ul><li>{_STORY[:80]}</li><li>{_STORY[80:160]}</li></ul>",
                           f"<div><p>{_STORY}</p><p>{_STORY}</p></div>", "<nav><a href='/'>Home</a></nav>",
                           f"<article><p>{_STORY}</p></article>", f"<span>{_STORY[:70]}</span>"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(_STARTS, _WRAPS, st.lists(_PIECES, min_size=1, max_size=6), st.sampled_from(["", _STORY[:60]]))
def test_made_pages_of_every_shape_give_trafilatura_s_own_text(start: str, wrap: str, pieces: list[str], tail: str) -> None:
    """Whole documents, fragments, a head without a body, a body without `<html>`, a doctype that trafilatura cuts,
    a comment first: wherever the tree path is taken, the text is trafilatura's own (8,580 such pages of a throwaway
    generator of the same shapes agreed too)."""
    html = start + wrap.format("".join(pieces)) + tail
    tree = parse_html(html)
    assume(tree is not None and tree_is_trafilaturas(html, tree))
    _forget()
    expected = trafilatura.extract(html, **TRAFILATURA_OPTIONS)
    _forget()
    assert extract_from_tree(html, tree, TRAFILATURA_OPTIONS) == expected


def test_the_text_from_our_tree_is_trafilatura_s_own_on_development_pages(shared_eval: Path) -> None:
    checked = 0
    for page in load_pages(shared_eval, page_ids(shared_eval)[:30]):
        tree = parse_html(page.html)
        if tree is None or not tree_is_trafilaturas(page.html, tree):
            continue
        expected, got = _both(page.html)
        assert got == expected, page.page_id
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize(
    "html",
    [
        # a fragment whose root (lxml.html's choice) has no child: trafilatura parses the markup again, as bytes
        f"<!-- saved from url=(0022)https://example.org/ --><html><body><p>{_STORY}</p></body></html>",
        f"<?xml version='1.0' encoding='utf-8'?><div><p>{_STORY}</p><p>{_STORY}</p></div>",  # parsed as bytes by trafilatura
        f"<html><body><p>{_STORY}\x0c</p></body></html>",  # a character trafilatura deletes before parsing
        f"<html><frameset><frame src='a.html'></frameset><noframes><p>{_STORY}</p></noframes></html>",
        "<html><body>" + "<div>" * 300 + f"<p>{_STORY}</p>" + "</div>" * 300 + "</body></html>",  # past its depth limit
        # a "/>" on the <html> line that trafilatura rewrites, closing an element that is not void
        f'<!DOCTYPE html><html lang="en"><head><script src="a.js"/>\n</head><body><p>{_STORY}</p><p>{_STORY}</p></body></html>',
    ],
)
def test_pages_whose_tree_trafilatura_makes_otherwise_go_to_the_markup(html: str) -> None:
    tree = parse_html(html)
    assert tree is not None and not tree_is_trafilaturas(html, tree)


def test_only_the_options_it_knows_run_on_the_tree() -> None:
    assert options_on_a_tree(TRAFILATURA_OPTIONS)
    assert options_on_a_tree({"include_comments": False, "fast": True, "favor_recall": True})
    assert not options_on_a_tree({"include_comments": False, "target_language": "de"})


def test_the_tree_is_pruned_by_the_extractor() -> None:
    """Why the cleaner reads everything it needs first: the comment section is gone from the tree after the call."""
    tree = parse_html(WHOLE_PAGES[0])
    assert tree is not None and tree.find(".//div[@id='comments']") is not None
    extract_from_tree(WHOLE_PAGES[0], tree, TRAFILATURA_OPTIONS)
    assert tree.find(".//div[@id='comments']") is None


def test_the_shown_byline_is_read_before_the_extractor_prunes_its_element() -> None:
    """The author element nearest the headline sits in an endless-scroll container, which trafilatura prunes from
    the tree it is given: the byline is the page's all the same."""
    page = (
        "<!DOCTYPE html><html><head><title>Ferry crossing</title></head><body><h1>Ferry crossing</h1>"
        "<div class='infinite-scroll'><span class='author'>Jonas Berg</span></div>"
        f"<div class='story'><p>{_STORY}</p><p>{_STORY}</p></div></body></html>"
    )
    tree = parse_html(page)
    assert tree is not None and tree_is_trafilaturas(page, tree)
    assert clean_html_document(page).byline == "Jonas Berg"


def test_noscript_is_read_from_the_page_when_the_extractor_pruned_the_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page whose story is only in `<noscript>`, beside a comment section the extractor prunes: the blocks read
    with `<noscript>` are those of the page as parsed, comments and all (the rules decide about them later)."""
    page = (
        "<!DOCTYPE html><html><head><title>Ferry</title></head><body><div id='app'></div>"
        f"<noscript><article><h1>Ferry crossing</h1><p>{_STORY}</p><p>{_STORY}</p></article></noscript>"
        "<div id='comments'><p>First comment on the ferry, long enough to be a paragraph of its own here.</p></div></body></html>"
    )
    parsed = []
    real = html_prepare.parse_html

    def counting(markup: str):  # type: ignore[no-untyped-def]
        parsed.append(markup)
        return real(markup)

    monkeypatch.setattr(html_prepare, "parse_html", counting)
    prepared = html_prepare.prepare_html(page)
    assert prepared is not None and prepared.read_noscript
    expected_tree = real(page)
    assert expected_tree is not None
    assert [b.path for b in prepared.blocks] == [b.path for b in segment_tree(expected_tree, read_noscript=True)]
    assert any("First comment" in b.text for b in prepared.blocks)
    assert len(parsed) == 2  # the page itself, and again for <noscript> after the extractor pruned the first tree


def test_an_extractor_failure_on_the_tree_falls_back_to_its_own_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any other error of trafilatura's steps on our tree: the page is extracted from the markup, as before."""
    from trafilatura import core

    page = WHOLE_PAGES[0]
    _forget()
    expected = trafilatura.extract(page, **TRAFILATURA_OPTIONS)
    calls = []
    real = core.trafilatura_sequence

    def broken_on_the_first_call(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args)
        if len(calls) == 1:
            raise RuntimeError("extractor bug on a tree")
        return real(*args, **kwargs)

    monkeypatch.setattr(core, "trafilatura_sequence", broken_on_the_first_call)
    _forget()
    assert expected and html_prepare.run_trafilatura(page, parse_html(page)) == expected and len(calls) == 2


def test_a_page_that_may_hold_a_text_past_libxml2_s_limit_goes_to_the_markup() -> None:
    """trafilatura's parser is not `huge_tree`: a text node past 10 MB (an inline data script) cuts its tree there."""
    page = f"<!DOCTYPE html><html><body><p>{_STORY}</p><script>{'x' * 2_600_000}</script><p>{_STORY}</p></body></html>"
    tree = parse_html(page)
    assert tree is not None and not tree_is_trafilaturas(page, tree)


def test_the_self_closed_html_pattern_is_trafilatura_s() -> None:
    """`html_parse.open_self_closed_html` repeats trafilatura's own repair (its pattern is not imported: the reader's
    process does not load trafilatura); a new trafilatura that changes it fails here."""
    from triage_app.core.clean import html_parse

    assert html_parse._TRAFILATURA_FAULTY_HTML_RE.pattern == utils.FAULTY_HTML.pattern
    assert html_parse._TRAFILATURA_FAULTY_HTML_RE.flags == utils.FAULTY_HTML.flags


def _depth(tree: object) -> int:
    return max(len(list(el.iterancestors())) + 1 for el in tree.iter())  # type: ignore[attr-defined]


@pytest.mark.parametrize("divs", [60, 61, 62, 63, 250, 251, 252, 253, 1996, 1997, 1998])
def test_the_short_depth_test_first_gives_the_long_tests_answers(divs: int) -> None:
    # html, body, the divs and a p: the deepest element is at depth divs + 3, around QUICK_DEPTH, 255 and 2000
    from triage_app.core.clean.html_parse import tree_depth_exceeded

    html = "<html><body>" + "<div>" * divs + f"<p>{_STORY}</p>" + "</div>" * divs + "</body></html>"
    tree = parse_html(html)
    assert tree is not None
    depth = _depth(tree)
    assert tree_depth_exceeded(tree) == (depth >= 2000)
    if depth >= 255:
        assert not tree_is_trafilaturas(html, tree)
    else:
        assert tree_is_trafilaturas(html, tree)
