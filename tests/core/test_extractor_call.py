"""trafilatura called with the C-lookup parser (`core/clean/extractor_call.py`): the same text as its own
`extract`, its own parser back in place after every call, and the swap really in effect during it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import trafilatura
from lxml.html import FormElement, HtmlElement
from trafilatura import core, utils

from triage_app.bench._clean_score import load_pages, page_ids
from triage_app.core.clean.extractor_call import c_lookup_parser, extract_text
from triage_app.core.clean.html_prepare import TRAFILATURA_OPTIONS

_STORY = " ".join(
    f"Paragraph {n} of the harbour story says the sea wall held while engineers checked the old stones." for n in range(4)
)
PAGES = [
    # a form, inputs, a select, a label and a text area: the elements lxml.html gives classes of their own
    "<html><head><title>Forms</title></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
    f"<article><h1>Harbour</h1><p>{_STORY}</p><form action='/s'><label for='q'>Search the archive</label>"
    "<input id='q' name='q' value='wall'><select name='s'><option>all</option><option>news</option></select>"
    f"<textarea name='t'>Your comment</textarea></form><p>{_STORY}</p></article><footer>(c) 2024</footer></body></html>",
    # a table, a list and a legacy charset declaration
    "<html><head><meta charset='windows-1252'><title>T</title></head><body><div class='content'>"
    f"<p>{_STORY}</p><table><tr><td>Pier</td><td>12 m</td></tr><tr><td>Wall</td><td>3 m</td></tr></table>"
    f"<ul><li>{_STORY}</li><li>Second item of the list, long enough to be kept as text.</li></ul></div></body></html>",
    # a page the extractor finds nothing in, and one that is not HTML at all
    "<html><body><a href='/'>Home</a></body></html>",
    "plain words only",
]


def _forget() -> None:
    utils.trim.cache_clear()
    utils.line_processing.cache_clear()


@pytest.mark.parametrize("html", PAGES)
def test_the_text_is_trafilatura_s_own(html: str) -> None:
    _forget()
    expected = trafilatura.extract(html, **TRAFILATURA_OPTIONS)
    _forget()
    assert extract_text(html, TRAFILATURA_OPTIONS) == expected


def test_the_text_is_trafilatura_s_own_on_development_pages(shared_eval: Path) -> None:
    for page in load_pages(shared_eval, page_ids(shared_eval)[:25]):
        html, page_id = page.html, page.page_id
        _forget()
        expected = trafilatura.extract(html, **TRAFILATURA_OPTIONS)
        _forget()
        assert extract_text(html, TRAFILATURA_OPTIONS) == expected, page_id


def test_the_parser_gives_every_element_the_plain_html_class() -> None:
    from lxml.html import fromstring

    own = fromstring("<html><body><form><input name='a'></form></body></html>")
    ours = fromstring("<html><body><form><input name='a'></form></body></html>", parser=c_lookup_parser())
    assert isinstance(own.find(".//form"), FormElement)
    form = ours.find(".//form")
    assert type(form) is HtmlElement and type(ours.find(".//input")) is HtmlElement


def test_the_swap_is_in_effect_during_the_call_and_undone_after(monkeypatch: pytest.MonkeyPatch) -> None:
    own = utils.HTML_PARSER
    seen = []
    load_html = core.load_html

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(utils.HTML_PARSER)
        return load_html(*args, **kwargs)

    monkeypatch.setattr(core, "load_html", spy)
    extract_text(PAGES[0], TRAFILATURA_OPTIONS)
    assert seen and seen[0] is not own
    assert utils.HTML_PARSER is own


def test_trafilatura_s_parser_is_put_back_when_the_call_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    own = utils.HTML_PARSER

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(trafilatura, "extract", broken)
    with pytest.raises(RuntimeError):
        extract_text(PAGES[0], TRAFILATURA_OPTIONS)
    assert utils.HTML_PARSER is own


def test_calls_from_several_threads_leave_trafilatura_s_parser_in_place() -> None:
    own = utils.HTML_PARSER
    results: list[str | None] = []
    threads = [threading.Thread(target=lambda: results.append(extract_text(PAGES[0], TRAFILATURA_OPTIONS))) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 6 and len(set(results)) == 1 and results[0]
    assert utils.HTML_PARSER is own
