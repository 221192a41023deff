"""Text dumps: the article is the dense run of prose; every other line is removed with its reason."""

from __future__ import annotations

import pytest

from triage_app.core.clean import clean_document
from triage_app.core.clean import patterns as P
from triage_app.core.clean.dates import find_date, is_date_line
from triage_app.core.clean.engine import clean_text
from triage_app.core.records import CleanResult, ParsedDocument

PARA = [
    "The regional council approved the new water plan on Tuesday after a debate that lasted most of the afternoon.",
    "Under the plan, three reservoirs will be enlarged and the old pipes in the eastern districts will be replaced by 2030.",
    "Opponents said the cost was too high, but the council's engineers argued that repairs would cost more in the long run.",
    "The first work is due to start in the spring, when the water level in the reservoirs is at its highest.",
    "Farmers in the valley, who depend on the reservoirs in dry summers, said they would watch the work closely and ask for regular reports.",
    "The council will publish a progress report every six months, and residents can follow the work on a public map of the sites.",
]


def _clean(text: str) -> CleanResult:
    return clean_document(ParsedDocument("dump.txt", text.encode(), "text", "utf-8", text=text))


def _reason(result: CleanResult, text: str) -> str | None:
    (block,) = [b for b in result.blocks if b.text == text]
    return block.reason


def _dump(*, before: list[str], after: list[str], middle: list[str] | None = None) -> str:
    body = [PARA[0], "", PARA[1], "", *(middle or []), "", PARA[2], "", PARA[3], "", PARA[4], "", PARA[5]]
    return "\n".join([*before, "", *body, "", *after]) + "\n"


def test_menu_title_byline_and_footer() -> None:
    text = _dump(
        before=["Home", "News", "Politics", "Business", "Sport", "", "Council Approves Water Plan", "", "By Maria Lopez | 12 March 2024"],
        after=["Share on Facebook", "Sign up for the morning briefing newsletter", "3 Comments", "Privacy Policy", "Contact us", "About"],
    )
    result = _clean(text)
    assert [b.text for b in result.blocks if b.kept] == PARA
    assert result.title == "Council Approves Water Plan"
    assert result.byline == "Maria Lopez"
    assert result.published == "2024-03-12"
    assert _reason(result, "Home") == P.NAVIGATION
    assert _reason(result, "Council Approves Water Plan") == P.TITLE
    assert _reason(result, "By Maria Lopez | 12 March 2024") == P.BYLINE
    assert _reason(result, "Share on Facebook") == P.SHARE
    assert _reason(result, "Sign up for the morning briefing newsletter") == P.NEWSLETTER
    assert _reason(result, "3 Comments") == P.COMMENTS
    assert _reason(result, "Privacy Policy") == P.PRIVACY
    assert _reason(result, "About") == P.FOOTER
    assert all(b.source.startswith("lines:") for b in result.blocks)


def test_lines_inside_the_article_with_clear_reasons() -> None:
    lines = [
        "Menu", PARA[0], PARA[1], "Read more: Drought warnings issued for the south", PARA[2], "Advertisement", PARA[3],
        "Photo: Getty Images", PARA[4], PARA[1], "Updated 3 hours ago", PARA[5], "© 2024 Daily Example",
    ]
    result = _clean("\n\n".join(lines))
    assert _reason(result, "Read more: Drought warnings issued for the south") == P.RELATED
    assert _reason(result, "Advertisement") == P.ADVERT
    assert _reason(result, "Photo: Getty Images") == P.CAPTION
    assert _reason(result, "Updated 3 hours ago") == P.DATE
    # A repeated paragraph inside the article stays (recipes and interviews repeat lines on purpose).
    assert [b.reason for b in result.blocks if b.text == PARA[1]] == [None, None]
    assert [b.text for b in result.blocks if b.kept] == [*PARA[:5], PARA[1], PARA[5]]
    assert result.site == "Daily Example"


def test_comment_section_after_the_article_is_cut() -> None:
    comments = ["12 Comments", "", "reader99 says:", "", PARA[0].replace("council", "mayor") + " I disagree with all of it.", ""]
    result = _clean(_dump(before=["Home"], after=comments))
    assert "I disagree" not in result.text
    assert _reason(result, "12 Comments") == P.COMMENTS


def test_teaser_lists_and_related_groups_are_not_body() -> None:
    teasers = ["More in Politics"] + [f"Story {n} about something else entirely that happened in the city this week" for n in range(5)]
    result = _clean(_dump(before=["Home"], after=["\n".join(teasers)]))
    assert all(not b.kept for b in result.blocks if b.text.startswith("Story "))
    assert result.text == "\n\n".join(PARA)


def test_subheadings_and_list_items_inside_the_article_stay() -> None:
    middle = ["What changes", "", "- new pipes in the eastern districts", "- bigger reservoirs"]
    result = _clean(_dump(before=["Home", "News", "Sport"], after=["All rights reserved"], middle=middle))
    kept = [b for b in result.blocks if b.kept]
    assert "What changes" in [b.text for b in kept]
    assert {b.kind for b in kept if b.text.startswith("- ")} == {"list-item"}
    assert [b.kind for b in kept if b.text == "What changes"] == ["heading"]


def test_only_short_lines_keeps_what_is_not_boilerplate() -> None:
    result = _clean("eggs\nbuy milk\n")
    assert result.text == "eggs\n\nbuy milk"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Monday, 15 December 2025 04:46 PM EST", "2025-12-15T16:46:00-05:00"),
        ("Nov. 19, 2019 8:03 am", "2019-11-19T08:03:00"),
        ("2019-11-19T08:03:00Z", "2019-11-19T08:03:00+00:00"),
        ("sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22T20:13:00"),
        ("2025-46-15", None),
        ("no date here", None),
        # numeric dates are read day first; one whose first number cannot be a month is read month first, as the United
        # States write it (it was no date at all)
        ("Posted 11/27/2012 at 10:05 PM", "2012-11-27T22:05:00"),
        ("27/11/2012", "2012-11-27"),
        ("11/07/2012", "2012-07-11"),
        ("13/13/2012", None),
        ("2012/11/07 10:05 PM", "2012-11-07T22:05:00"),  # "PM" in capitals is the afternoon, no time zone
    ],
)
def test_find_date(text: str, iso: str | None) -> None:
    assert find_date(text) == iso


def test_date_lines() -> None:
    assert is_date_line("Monday, 15 December 2025 04:46 PM")
    assert is_date_line("2025-46-15")
    assert is_date_line("14 hours ago")
    assert not is_date_line("In 2019 the council met on 5 December 2019 to vote")
    assert not is_date_line("456")


@pytest.mark.parametrize("line", ["vor 3 Std.", "vor 5 Minuten", "il y a 2 jours", "hace 3 horas", "há 2 dias", "3 ore fa", "3 uur geleden"])
def test_relative_times_in_other_languages_are_date_lines(line: str) -> None:
    assert is_date_line(line)


@pytest.mark.parametrize("line", ["vor 3 Jahren wurde die Brücke gebaut", "il y a 2 ans, la ville a voté", "hace 3 años que vivo aquí"])
def test_prose_that_starts_like_a_relative_time_is_no_date_line(line: str) -> None:
    assert not is_date_line(line)


STANZAS = [
    ["The river keeps its counsel, slow,", "Beneath the alders, green and low;", "The ferry waits, the rope is wet,", "The boatman has not crossed it yet,",
     "And on the bank the lanterns glow:", "Who knows how far the waters go?"],
    ["He counts the travellers one by one,", "From early light to setting sun,", "The merchant with his silver case,", "The widow with her quiet face,",
     "The children when the school is done,", "And takes a penny from each one."],
    ["At night he sings to keep awake,", "A song for every turn he'll make,", "Of towns upstream he's never seen,", "Of hills beyond the meadow green,",
     "Of bread his mother used to bake,", "And all the roads he did not take."],
    ["So when you cross, remember him,", "The lantern bright, the water dim,", "The patient oar, the steady hand,", "That brings the stranger safe to land,",
     "And if the light is growing dim,", "Then leave a song behind for him."],
]


def test_a_poem_in_stanzas_is_the_article_not_a_menu() -> None:
    """Verse: groups of short lines that carry a sentence on from line to line (ending in "," ";" ":").
    Each line is too short to read as prose; the stanzas, not the blog's one paragraph about itself, are the article."""
    about = (
        "We are a small group of readers and writers who meet every month in the back room of the town library to share "
        "the poems we have written, to read them aloud and to talk about them over tea. Everyone is welcome to join us."
    )
    stanzas = [line for stanza in STANZAS for line in [*stanza, ""]]
    archive = [f"{month} 2012 ({n})" for month, n in [("October", 33), ("September", 37), ("August", 37), ("July", 21), ("June", 35)]]
    text = "\n".join(["Home", "Poems", "Hymns", "About", "", "The Ferryman's Song", "Posted by Ada Marsh", "", *stanzas,
                      "Tags: ferry, river", "", "Archives", *archive, "", "About us", "", about, "", "Privacy Policy"])
    kept = "\n".join(b.text for b in _clean(text).blocks if b.reason is None)
    for stanza in STANZAS:
        assert all(line in kept for line in stanza)
    assert about not in kept


@pytest.mark.parametrize("quote", ["„Wir haben keine andere Wahl als den Kanal zu bauen“", "»Wir haben keine andere Wahl als den Kanal zu bauen«"])
def test_a_line_closed_by_a_german_quote_mark_is_a_paragraph_not_a_heading(quote: str) -> None:
    """German closes quotations with “ and «: a quoted line ends a sentence there as an English one ends with ”."""
    body = "Die Pegelwärter im nördlichen Tal haben das Frühjahrshochwasser nun schon im vierzigsten Jahr gemessen, jeden Morgen."
    tail = "Ihre Aufzeichnungen zeigen, dass das Wasser mit jedem Jahrzehnt früher steigt, als die Bauern gedacht hatten."
    blocks = clean_text(f"Hochwasser im Tal\n\n{body}\n\n{quote}\n\n{tail}\n").blocks
    line = next(b for b in blocks if b.text == quote)
    assert line.kept and line.kind == "paragraph"


@pytest.mark.parametrize(
    ("footer", "site"),
    [
        (["Community platform by XenForo® © 2010-2026 XenForo Ltd."], None),  # the forum software's own notice
        (["Powered by phpBB® Forum Software © phpBB Limited"], None),
        (["Community platform by XenForo® © 2010-2024 XenForo Ltd.", "Copyright © Harbour Talk Ltd. All rights reserved."], "Harbour Talk"),
        (["© 2024 Quayside Studio Powered by Shopify"], "Quayside Studio"),  # the platform after the owner's name
        (["Copyright © 2002-2019 - Designed by Gray Digital Media - Powered by Clickability"], None),  # no owner, two credits
        (["© 2012 Rotoprofessor - Powered by WordPress"], "Rotoprofessor"),
    ],
)
def test_a_software_credit_in_the_copyright_line_is_not_the_site(footer: list[str], site: str | None) -> None:
    # A forum's footer credits its software with that vendor's own copyright ("Community platform by XenForo® © ...
    # XenForo Ltd."): 13 forum dumps of the development sets were the site "XenForo"
    assert _clean("\n\n".join(["Menu", *PARA, *footer])).site == site
