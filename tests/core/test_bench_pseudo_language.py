"""`bench clean --pseudo-language`: pages, expected texts and dumps rewritten word for word into a made-up language."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import lxml.html
import pytest

from triage_app.bench import clean as bench
from triage_app.bench._clean_score import Page, page_scores
from triage_app.bench._pseudo_language import disguise, disguise_page, disguise_text, pseudo_word
from triage_app.core.language import detect_language

STORY = ("The harbour authority said on Monday that the new ferry will sail twice a day from March. "
         "Local traders have asked for the service since 2019, and the council agreed to pay for the pier.")


def test_a_word_is_the_same_made_word_everywhere_with_its_capitals() -> None:
    assert pseudo_word("harbour") == pseudo_word("harbour") != "harbour"
    assert pseudo_word("Harbour") == pseudo_word("harbour").capitalize()
    assert pseudo_word("HARBOUR") == pseudo_word("harbour").upper()
    assert pseudo_word("the") == "der" and pseudo_word("The") == "Der" and pseudo_word("and") == "und"
    assert pseudo_word("harbour") != pseudo_word("harbours")


def test_the_text_keeps_its_numbers_foreign_words_and_word_boundaries() -> None:
    text = "In 2019, 3G phones cost 40 € at the café; naïve buyers queued (twice)."
    made = disguise_text(text)
    assert "2019" in made and "3G" in made and "40 €" in made and "café" in made and "naïve" in made
    assert "phones" not in made and "buyers" not in made and made.startswith("In 2019, 3G ")
    # The scorer's tokens stay one for one: shingles of the made text are the made shingles of the text.
    assert len(re.findall(r"\w+", made)) == len(re.findall(r"\w+", text))
    assert page_scores(disguise_text(STORY), disguise_text(STORY)) == (1.0, 1.0)


def test_the_made_language_reads_as_german() -> None:
    assert detect_language(disguise_text(STORY * 3)).code == "de"


def _rewritten(html: str) -> lxml.html.HtmlElement:
    made = disguise_page(html)
    assert made is not None
    return lxml.html.document_fromstring(made)


def test_a_page_keeps_its_markup_scripts_and_classes() -> None:
    html = ("<html><head><title>Ferry news</title><meta name='description' content='The ferry sails'>"
            "<script>var menu = 'Home';</script></head><body><nav class='site-menu'><a href='/'>Home</a></nav>"
            f"<article id='story'><p>{STORY}</p><img src='a.png' alt='The new ferry'></article></body></html>")
    doc = _rewritten(html)
    assert doc.find(".//nav").get("class") == "site-menu" and doc.find(".//article").get("id") == "story"
    assert doc.findtext(".//script") == "var menu = 'Home';"
    assert doc.findtext(".//p") == disguise_text(STORY)
    assert doc.find(".//img").get("alt") == disguise_text("The new ferry")
    assert doc.find(".//meta").get("content") == disguise_text("The ferry sails")
    assert doc.findtext(".//title") == disguise_text("Ferry news")


def test_the_page_s_metadata_is_rewritten_as_its_text_is() -> None:
    """The cleaner reads authors and headlines from `<meta>` and JSON-LD and checks them against the text: they are
    rewritten with the same words, URLs, dates, types and the charset left as they are."""
    ld = ('{"@type": "NewsArticle", "headline": "Ferry sails again", "author": {"@type": "Person", "name": "Ed Cara"},'
          ' "url": "https://example.com/ferry", "datePublished": "2019-11-19T06:21:00Z", "description": "See <\\/script> here"}')
    html = ("<html><head><meta charset='utf-8'><meta name='author' content='Ed Cara'>"
            "<meta property='og:url' content='https://example.com/ferry'>"
            f"<script type='application/ld+json'>{ld}</script></head><body><p>By Ed Cara</p></body></html>")
    doc = _rewritten(html)
    assert doc.find(".//meta[@name='author']").get("content") == disguise_text("Ed Cara")
    assert doc.find(".//meta[@property='og:url']").get("content") == "https://example.com/ferry"
    assert doc.find(".//meta[@charset]").get("charset") == "utf-8"
    data = json.loads(doc.findtext(".//script"))
    assert data["author"] == {"@type": "Person", "name": disguise_text("Ed Cara")}
    assert data["headline"] == disguise_text("Ferry sails again") and data["@type"] == "NewsArticle"
    assert data["url"] == "https://example.com/ferry" and data["datePublished"] == "2019-11-19T06:21:00Z"
    assert data["description"] == disguise_text("See </script> here")


def test_a_page_with_a_control_character_is_rewritten_without_it() -> None:
    made = disguise_page("<html><body><p>Ferry\x0b sails today</p></body></html>")
    assert made is not None and disguise_text("Ferry sails today") in made


def test_a_page_with_an_xml_declaration_is_rewritten() -> None:
    made = disguise_page('<?xml version="1.0" encoding="iso-8859-1"?>\n<html><body><p>Ferry sails today</p></body></html>')
    assert made is not None and disguise_text("Ferry sails today") in made


def test_a_page_lxml_cannot_parse_is_left_out() -> None:
    assert disguise(Page("p", "text", "", None)) is None


@pytest.fixture
def tiny_set(tmp_path: Path) -> Path:
    folder = tmp_path / "eval" / "made"
    (folder / "html").mkdir(parents=True)
    (folder / "dumps").mkdir()
    page = ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article><h1>Ferry</h1><p>{STORY}</p><p>{STORY.replace('Monday', 'Tuesday')}</p></article>"
            "<footer>Copyright 2024 Harbour News. All rights reserved.</footer></body></html>")
    (folder / "html" / "p1.html.gz").write_bytes(gzip.compress(page.encode()))
    (folder / "dumps" / "p1.txt").write_text(f"Home\nNews\n\n{STORY}\n\n{STORY}\n\nCopyright 2024 Harbour News\n", encoding="utf-8")
    truth = f"{STORY}\n\n{STORY.replace('Monday', 'Tuesday')}"
    (folder / "ground-truth.json").write_text(json.dumps({"p1": {"articleBody": truth}}), encoding="utf-8")
    return tmp_path / "eval"


def test_the_bench_scores_the_made_pages_against_the_made_truth(tiny_set: Path) -> None:
    results = {item["set"]: {row["method"]: row for row in item["rows"]}
               for item in bench.run(tiny_set, [], pseudo_language=True)}
    assert set(results) == {"made (pseudo-language)", "made (pseudo-language) dumps", "made (pseudo-language) dumps wrapped at 72"}
    html = results["made (pseudo-language)"]
    # The article is found in the made language too, and scored against the made truth (not the English one).
    assert html["triage"]["f1"] > 0.9 and html["trafilatura, triage's options"]["f1"] > 0.9
    assert results["made (pseudo-language) dumps"]["raw dump"]["f1"] > 0.5


def test_the_command_refuses_to_write_made_figures_into_the_main_tables(tiny_set: Path, tmp_path: Path) -> None:
    from triage_app.bench.__main__ import main

    readme = tmp_path / "README.md"
    readme.write_text("<!-- clean bench table -->\n<!-- /clean bench table -->\n", encoding="utf-8")
    assert main(["clean", "--root", str(tiny_set), "--pseudo-language", "--out", str(readme)]) == 2
    assert main(["clean", "--root", str(tiny_set), "--pseudo-language", "--mode", "pdf"]) == 2
    assert main(["clean", "--root", str(tiny_set), "--pseudo-language", "--mode", "html", "--json"]) == 0
