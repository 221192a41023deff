"""Text dumps of pages the dump cleaner was not written on (issue 11, engineer 45).

Each test is a small page written for one class of error found on browser dumps of the wceb-dev pages:
a directory or catalogue with a blurb above it, a hard-wrapped dump whose menus hid the wrap, answers
or reviews in one run of lines, a consent dialog, an archive drop-down, verse.
"""

from __future__ import annotations

import textwrap

from triage_app.core.clean import clean_document
from triage_app.core.clean import patterns as P
from triage_app.core.clean import text_reasons as TR
from triage_app.core.clean.line_features import weight
from triage_app.core.clean.regions import heaviest_run
from triage_app.core.clean.text_lines import split_lines
from triage_app.core.clean.unwrap import rejoin_wrapped, wrap_width
from triage_app.core.records import CleanResult, ParsedDocument

MENU = ["Home", "News", "Reviews", "Music", "Shop", "About us", "Contact", ""]
FOOTER = ["", "Privacy Policy", "Terms of Use", "Copyright 2024 Example Media"]


def _clean(text: str) -> CleanResult:
    return clean_document(ParsedDocument("dump.txt", text.encode(), "text", "utf-8", text=text))


def _kept(result: CleanResult) -> str:
    return "\n".join(b.text for b in result.blocks if b.reason is None)


def _directory() -> list[str]:
    """Thirty sites, each a name and a line saying what it holds (no two alike)."""
    names = ["HARBOUR", "NORTH WIND", "OLD MILL", "LISTENING ROOM", "PAPER MOON", "GREEN DOOR", "BLUE HOUR", "SILVER LINE", "FAR SHORE", "RIVER SONG"]
    what = ["lyrics and chords", "tour dates and posters", "radio sessions and interviews"]
    where = ["from the early years", "in French and German", "with a message board"]
    lines = []
    for n, name in enumerate(names):
        for k, (w, x) in enumerate(zip(what, where[n % 3 :] + where[: n % 3])):
            lines += [f"{name} {'ABC'[k]}", f"Fan pages of {name.title()} with {w} of every album {x} and links"]
    return lines


def test_a_directory_with_a_blurb_above_it_keeps_its_entries() -> None:
    blurb = (
        "If you know of any related links not listed here, or if any of these links are dead, please write to me with the "
        "address and I will update the list accordingly."
    )
    text = "\n".join([*MENU, blurb, "", *_directory(), *FOOTER])
    kept = _kept(_clean(text))
    assert blurb in kept
    assert "OLD MILL B" in kept and "Fan pages of Far Shore with lyrics and chords of every album" in kept
    assert "Privacy Policy" not in kept


def test_a_short_post_among_menus_is_still_cut_out() -> None:
    post = (
        "The town council voted on Tuesday to keep the old harbour bridge open to cyclists, after a petition signed by more "
        "than four thousand residents asked it to drop the plan to close the bridge for two years of repairs."
    )
    related = ["Related stories", "Council approves new budget", "Harbour festival returns", "Bridge repairs delayed", ""]
    kept = _kept(_clean("\n".join([*MENU, "Bridge stays open to cyclists", "", post, "", *related, *FOOTER])))
    assert post in kept
    assert "Council approves new budget" not in kept and "Reviews" not in kept


def test_a_wrap_is_found_when_menu_lines_of_half_the_width_outnumber_it() -> None:
    menu = [f"Latest: the {word} story of the week in our city" for word in (
        "biggest", "strangest", "longest", "shortest", "oldest", "newest", "saddest", "happiest", "quietest", "loudest",
        "best", "worst", "first", "last", "next", "other", "second", "third", "fourth", "fifth")]
    paragraph = (
        "The ferry service between the two islands will run every hour from next month, the operator said, after a year in which "
        "the crossings were cut to four a day because the older of its two boats needed a new engine and a new hull."
    )
    text = "\n".join([*menu, "", *[textwrap.fill(paragraph, 72) + "\n" for _ in range(2)]])
    lines = split_lines(text)
    assert wrap_width(lines) is not None
    joined = rejoin_wrapped(lines)
    assert any(line.text == paragraph for line in joined)
    result = _clean(text)
    block = next(b for b in result.blocks if b.text == paragraph)
    first, last = block.source.removeprefix("lines:").split("-")
    assert int(last) > int(first)  # the joined block still names the source lines it came from


def test_answers_in_one_run_of_lines_outweigh_a_short_blurb() -> None:
    blurb = "You can edit the text in this area, and change where the contact form on the right of this page submits to."
    faq: list[str] = []
    for q in ("Who do I call with a question?", "What does the policy cover?", "When do I need cover?", "How are quotes made?"):
        faq += [
            f"Q. {q}",
            "Real people answer the phone during business hours, Monday to Friday, and outside those hours you can leave a "
            f"message and we call back the next working day; this answers: {q.lower()}",
        ]
    sidebar = ["Welcome", "Classes", "Retreats", "Workshops", ""]
    kept = _kept(_clean("\n".join([*MENU, blurb, "", *sidebar, "Frequently Asked Questions", "", *faq, *FOOTER])))
    assert "this answers: what does the policy cover?" in kept
    assert "this answers: how are quotes made?" in kept


def test_consent_dialog_text_is_privacy_boilerplate() -> None:
    for text in (
        "We, and our 228 partners use cookies and similar methods to recognize visitors and remember their preferences.",
        "We, in collaboration with our partners, store and/or access information on a device and process personal data.",
        "We and our partners process data to provide:",
    ):
        assert TR.long_reason(text) == P.PRIVACY, text
    assert TR.long_reason("We and our partners are proud to open the new bridge to cyclists this spring.") is None


def test_an_archive_drop_down_does_not_outweigh_a_short_post() -> None:
    post = [
        "One Duck at a Time",
        "",
        "Getting your ducks in a row before you start something can stop you from ever starting it at all.",
        "",
        "Some people need to move from ducks in a row to ducks in a bunch just to get going on a project.",
        "",
        "If you are having a tough time getting started, stop trying to herd ducks and attend to one at a time.",
    ]
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    archive = ["Archives", "Select Month", *[f"{m} {y}" for y in range(2008, 2013) for m in months]]
    text = "\n".join([*MENU, *post, "", "Tweet", "Share", "", *archive, *FOOTER])
    short_months = [line for line in split_lines(text) if line.listed and line.length < 20]
    assert len(short_months) == 62 and all(weight(line) == 0 for line in short_months)  # with "Archives", "Select Month"
    found = heaviest_run(split_lines(text))
    assert found is not None and split_lines(text)[found[0][1]].text.startswith("If you are having a tough time")
    kept = _kept(_clean(text))
    assert "attend to one at a time" in kept
    assert "October 2012" not in kept


def test_verse_is_not_a_menu() -> None:
    stanzas = [
        ["I wander often from the way,", "And sin afflicts me every day:", "Oh, when shall I be pure?",
         "Christ leads me to the path again,", "And washes me from every stain,", "A cleansing full and sure."],
        ["I hear the world's enticing voice,", "That tempts me to a godless choice:", "How shall I stand the test?",
         "Christ draws my mind to things above,", "To that which I should truly love,", "And there I see what's best."],
    ]
    text = "\n".join([*MENU, "I wander often from the way", "Posted by Jeremy Walker", "", *stanzas[0], "", *stanzas[1], *FOOTER])
    kept = _kept(_clean(text))
    assert "And sin afflicts me every day:" in kept and "And there I see what's best." in kept
    assert "Contact" not in kept.splitlines()


def test_a_dump_judged_line_by_line_cleans_to_the_same_text_twice() -> None:
    # Found by the idempotence property while the later passes carried "no article" over: the first
    # cleaning kept a stray "A" that cleaning its own output then dropped.
    first = _clean("0\r0\r" + "0" * 98 + "A.\rA")
    assert _clean(first.text).text == first.text


def test_a_tables_rows_are_not_menu_items() -> None:
    # Eighth session: a browser's text writes a table's cells apart with tabs; a standings table (aeb-dev) and a
    # page of water levels made for this test lost every row as "navigation", as short lines in a long group.
    intro = ("The harbour authority published the water levels measured at every station on Monday, after a week "
             "of storms raised the tide above the old sea wall in three places along the northern shore.")
    outro = ("Engineers will inspect the northern stretch of the wall again on Friday, and the authority said it would "
             "publish the next readings as soon as the storm passes and the gauges can be reached safely.")
    rows = ["Station\tLevel\tFlow", *(f"Station {n}\t{10 + 7 * n}\t{900 - 31 * n}" for n in range(12))]
    specs = [f"Gauge {n}\t{n + 2}.5 m" for n in range(7)]
    text = "\n".join([*MENU, "Water levels", "", intro, "", *rows, "", *specs, "", outro, *FOOTER])
    kept = _kept(_clean(text)).splitlines()
    assert all(row in kept for row in [*rows, *specs]) and outro in kept
    assert "Contact" not in kept and "Privacy Policy" not in kept


def test_a_line_of_code_that_calls_print_is_not_a_print_button() -> None:
    # Eighth session: "print(level(4))" in a code listing matched the "Print" button label (-15): the listing
    # cut the article in two and the paragraph above it went as navigation (documentation pages of tiptopjaw-2026).
    first = ("The level function doubles a reading from the harbour gauge, which is how the authority converts the "
             "raw numbers into the figures it publishes every morning for the boats leaving the port.")
    last = ("Run it with a reading of four and it prints eight; the same function serves every gauge along the "
            "coast, so a change to the conversion only has to be made once and is checked by the tests.")
    code = ["def level(x):", "    return x * 2", "", "print(level(4))", "share(level(4))"]
    text = "\n".join([*MENU, "Code", "", first, "", *code, "", last, *FOOTER])
    kept = _kept(_clean(text)).splitlines()
    assert first in kept and last in kept and "print(level(4))" in kept and "share(level(4))" in kept
    assert TR.text_reason("Print") == P.SHARE and TR.text_reason("Share (23)") == P.SHARE
