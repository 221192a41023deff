"""Titles of plain-text dumps: the headline, not the page furniture around it (made-up dumps)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from triage_app.bench.titles import normalise_title, reference_title, titles_match
from triage_app.core.clean import clean_document, clean_text
from triage_app.core.ingest.text_reader import guess_title, read_text
from triage_app.core.records import ParsedDocument

BODY = (
    "The harbour authority confirmed on Tuesday that the old crane will be taken down next spring, "
    "after engineers found that its steel frame had rusted far beyond what a repair could fix.\n\n"
    "Residents who have watched the crane over the water for sixty years said they would miss it, "
    "and a local group has asked that one of its arms be kept as a monument near the quay.\n\n"
    "The authority said the work would take about six weeks and that the quay would stay open to "
    "walkers for most of that time, apart from a few days when the heaviest parts are lifted away.\n"
)


def _title(dump: str) -> str | None:
    return clean_text(dump).title


def test_title_after_a_menu_is_not_the_menu_label() -> None:
    dump = (
        "Primary Menu\nHome\nNews\nSport\nWeather\nCulture\nTop Stories\n"
        "Old Harbour Crane Will Come Down Next Spring\n"
        "By Mara Lindqvist\nNovember 3, 2021\n\n" + BODY
    )
    assert _title(dump) == "Old Harbour Crane Will Come Down Next Spring"


def test_gallery_and_reading_labels_near_the_body_are_skipped() -> None:
    dump = (
        "Currently Reading\n\nOld harbour crane will come down next spring\n"
        "Image 1 of 4\nPhoto: Town Archive\nBack to Gallery\n\n" + BODY
    )
    assert _title(dump) == "Old harbour crane will come down next spring"


def test_a_date_line_is_never_the_title() -> None:
    dump = (
        "SKIP NAVIGATION\nMARKETS\nMENU\n"
        "Shipping costs fall as the harbour adds a second container berth\n"
        "PUBLISHED WED, MAR 3 20218:15 AM ESTUPDATED WED, MAR 3 20219:02 AM EST\n"
        "Jonas Berg\n\n" + BODY
    )
    assert _title(dump) == "Shipping costs fall as the harbour adds a second container berth"


def test_back_link_before_the_byline_is_not_the_title() -> None:
    dump = (
        "Zurück zur Übersicht\n\nVon Anna Keller publiziert am 4. Mai 2021\n\n"
        "Der alte Hafenkran wird im Frühjahr abgebaut\n\n" + BODY
    )
    assert _title(dump) == "Der alte Hafenkran wird im Frühjahr abgebaut"


def test_a_title_repeated_in_share_text_wins_over_a_section_label() -> None:
    dump = (
        "Programmi TV\nCinema\nSerie TV\nMusica\n"
        "Il vecchio gru del porto sarà smontato in primavera\n"
        "1.204\nletture\nNessun commento\n"
        "Condividi: Il vecchio gru del porto sarà smontato in primavera\n\n" + BODY
    )
    assert _title(dump) == "Il vecchio gru del porto sarà smontato in primavera"


def test_the_title_beats_the_standfirst_that_follows_it() -> None:
    dump = (
        "Home\nLocal\nBusiness\n"
        "Old Harbour Crane Will Come Down Next Spring\n"
        "Engineers say the rusted frame cannot be saved and the work will take six weeks\n"
        "By Mara Lindqvist\nPublished March 3, 2021\n\n" + BODY
    )
    assert _title(dump) == "Old Harbour Crane Will Come Down Next Spring"


def test_name_and_credit_lines_are_not_titles() -> None:
    dump = (
        "Log in\nSubscribe\n\nOld harbour crane will come down next spring\n"
        "Mara Lindqvist, Harbour Gazette\n03.03.2021, 08:15\n"
        "Credit...\nJonas Berg/Harbour Gazette\n\n" + BODY
    )
    assert _title(dump) == "Old harbour crane will come down next spring"


def test_title_is_removed_from_the_article_and_body_is_kept() -> None:
    dump = "Primary Menu\nHome\nNews\n\nOld Harbour Crane Will Come Down Next Spring\nBy Mara Lindqvist\n\n" + BODY
    result = clean_text(dump)
    assert result.title == "Old Harbour Crane Will Come Down Next Spring"
    kept = result.text
    assert "Old Harbour Crane" not in kept and "Primary Menu" not in kept
    assert "rusted far beyond what a repair could fix" in kept


def test_no_title_when_only_furniture_is_above_the_body() -> None:
    assert _title("Home\nNews\nSport\n\n" + BODY) is None


def test_reader_guess_skips_furniture_lines() -> None:
    text = "Primary Menu\nSkip to content\nBack to Gallery\nOld Harbour Crane Will Come Down Next Spring\n\n" + BODY
    assert guess_title(text) == "Old Harbour Crane Will Come Down Next Spring"
    assert guess_title("# A Markdown Title\n\nSome text.") == "A Markdown Title"


def test_imported_dump_gets_the_cleaner_title() -> None:
    data = ("Top Stories\nWorld\nOld Harbour Crane Will Come Down Next Spring\nBy Mara Lindqvist\n\n" + BODY).encode()
    doc = read_text(data, source_path="crane.txt", original=data, original_name="crane.txt")
    assert clean_document(doc).title == "Old Harbour Crane Will Come Down Next Spring"
    empty = ParsedDocument("x.txt", b"", "text", "utf-8", text="Home\nNews\n\n" + BODY, title="From the reader")
    assert clean_document(empty).title == "From the reader"


@pytest.mark.parametrize(
    ("found", "reference", "expected"),
    [
        ("Old Harbour Crane Will Come Down", "old harbour crane will come down | Harbour Gazette", True),
        ("‘Crane’ comes down", "'Crane' comes down - Gazette", True),
        ("Old Harbour Crane Will Come Down Next Spring", "Old Harbour Crane Will Come Down Next Spring Soon", True),
        ("Top Stories", "Old Harbour Crane Will Come Down", False),
        ("Crane", "Old Harbour Crane Will Come Down", False),
        (None, "Old Harbour Crane", False),
    ],
)
def test_title_matching(found: str | None, reference: str, expected: bool) -> None:
    assert titles_match(found, reference) is expected


def test_reference_title_prefers_og_title_then_headline_then_title() -> None:
    og = '<html><head><title>Tab | Site</title><meta property="og:title" content="The OG Title"></head></html>'
    ld = (
        '<html><head><title>Tab | Site</title><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "The Headline"}</script></head></html>'
    )
    assert reference_title(og) == "The OG Title"
    assert reference_title(ld) == "The Headline"
    assert normalise_title(reference_title("<html><head><title>Tab  Title | Site</title></head></html>")) == "tab title"


@pytest.mark.slow
def test_titles_bench_on_the_eval_set(shared_eval: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "triage_app.bench", "titles", str(shared_eval), "--json"],
        capture_output=True, text=True, check=True, timeout=300,
    ).stdout
    import json

    figures = json.loads(out)
    assert figures["pages"] >= 100
    assert figures["accuracy"] >= 0.7


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("Posted by Scott Zuccarino, Product Manager", "Scott Zuccarino"),  # read "Posted by Scott Zuccarino, ..."
        ("Written By Tina Flint Huffman", "Tina Flint Huffman"),
        ("By\nRyan Reed", "Ryan Reed"),  # read "By": a browser's text sets the linked name on its own line
        ("By Jane Doe | March 3, 2024", "Jane Doe"),
    ],
)
def test_a_dump_byline_is_read_as_the_page_cleaner_reads_an_author_element(byline: str, name: str) -> None:
    para = "The harbour authority said on Monday that the northern quay would reopen next month after two years of repairs. " * 2
    dump = f"Home\nNews\nSport\n\nHarbour reopens after two years\n{byline}\n\n{para}\n\n{para}\n\n{para}\n"
    assert clean_text(dump).byline == name


@pytest.mark.parametrize(
    "menu",
    [
        "Welcome | Daily news | Briefs | Feature articles | Events | Contact us",
        "Articles / Harbour News / Port Authority Updates",
        "More Articles About The Harbour Authority:",  # a label that introduces a list
        "Start My Free Trial Today",  # a button's label
    ],
)
def test_a_menu_breadcrumb_or_label_is_not_a_dump_title(menu: str) -> None:
    para = "The harbour authority said on Monday that the northern quay would reopen next month after two years of repairs. " * 2
    dump = f"Example News\n{menu}\nHarbour reopens after two years\n\n{para}\n\n{para}\n\n{para}\n"
    assert clean_text(dump).title == "Harbour reopens after two years"


@pytest.mark.parametrize("mark", ["» ", "> ", "›", "→ "])
def test_a_breadcrumb_s_mark_before_the_title_line_is_not_part_of_the_title(mark: str) -> None:
    # a shop or forum writes its breadcrumb's last step, the page's title, on a line of its own after a mark
    dump = f"Home\nShop\nLaptops\n{mark}Old Harbour Crane Will Come Down Next Spring\nBy Mara Lindqvist\nNovember 3, 2021\n\n" + BODY
    assert _title(dump) == "Old Harbour Crane Will Come Down Next Spring"
    from triage_app.core.clean.dump_title import title_text

    assert title_text(f"{mark}Harbour") == "Harbour" and title_text(mark) is None  # marks alone give no empty title
