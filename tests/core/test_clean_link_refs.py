"""Text-browser and mail dumps with numbered link references (`lynx -dump`, plain-text newsletters)."""

from __future__ import annotations

import shutil
import subprocess
import textwrap

import pytest

from triage_app.core.clean import clean_document
from triage_app.core.clean.engine import clean_text
from triage_app.core.clean.link_refs import reference_lines, split_references, without_markers
from triage_app.core.clean.text_lines import split_lines
from triage_app.core.clean.unwrap import rejoin_wrapped
from triage_app.core.records import ParsedDocument

PARAGRAPHS = [
    "The harbour authority said on Tuesday that the new container terminal would open in the spring, two years "
    "later than planned, after a dispute with the builders over the cost of the sea wall and the cranes.",
    "According to the [7]annual report, the port handled more ships last year than in any year since the "
    "terminal was first proposed, and the council expects the traffic to grow again once the terminal opens.",
    "Residents of the old town have asked for a night-time limit on lorries, which the council will debate at "
    "its next meeting; the mayor said she would support a limit if the port agreed to pay for new roads.",
]


def _lynx_like(paragraphs: list[str], links: int = 40) -> str:
    """A dump as `lynx -dump` writes one: menus of numbered links, indented paragraphs wrapped at 79
    columns, and the list of link targets ("References") at the end."""
    menu = "\n".join(f"     * [{n}]Section {n}" for n in range(1, 7))
    body = "\n\n".join(textwrap.fill(p, 76, initial_indent="   ", subsequent_indent="   ") for p in paragraphs)
    refs = "\n".join(f"  {n}. https://port.example/{'search/label/Harbour News' if n % 5 == 0 else f'page/{n}'}" for n in range(1, links + 1))
    return f"{menu}\n\n   [8]Harbour terminal delayed again\n\n{body}\n\n     * [9]Share\n     * [10]Print\n\nReferences\n\n{refs}\n"


def test_lynx_dump_keeps_the_article_without_markers_and_removes_the_link_list() -> None:
    result = clean_text(_lynx_like(PARAGRAPHS))
    kept = result.text
    for paragraph in PARAGRAPHS:
        assert paragraph.replace("[7]", "") in kept  # re-joined from its wrapped lines, the marker taken out
    assert "[7]" not in kept and "https://" not in kept and "Section 3" not in kept
    reasons = {b.text: b.reason for b in result.blocks}
    assert reasons["References"] == "link references"
    assert reasons["12. https://port.example/page/12"] == "link references"
    assert reasons["15. https://port.example/search/label/Harbour News"] == "link references"  # addresses may hold spaces
    joined = next(b for b in result.blocks if b.text.startswith("According to the annual report"))
    first, last = (int(n) for n in joined.source.removeprefix("lines:").split("-"))
    assert last > first  # provenance: the source lines the paragraph was joined from


def test_without_the_link_list_the_article_lost_to_it() -> None:
    """Before: the 40 numbered lines outweighed the article, which was removed as navigation."""
    lines = split_lines(_lynx_like(PARAGRAPHS))
    assert len(reference_lines(lines)) == 41  # the heading and the 40 targets
    body, refs, numbers = split_references(lines)
    assert len(refs) == 41 and numbers == frozenset(range(1, 41)) and len(body) == len(lines) - 41


def test_indented_wrapped_paragraphs_are_rejoined() -> None:
    """lynx wraps at 79 columns counting its 3-space indent: the width is judged with the indentation."""
    text = "\n\n".join(textwrap.fill(p, 76, initial_indent="   ", subsequent_indent="   ") for p in PARAGRAPHS * 2)
    joined = rejoin_wrapped(split_lines(text))
    assert [line.text for line in joined] == PARAGRAPHS * 2


def test_mail_links_list_and_note_markers() -> None:
    mail = (
        "Weekly harbour letter\n\n"
        f"{PARAGRAPHS[0]} Read the full notice[1] and the map[2].\n\n{PARAGRAPHS[2]}\n\n"
        "Links:\n------\n[1] https://port.example/notice\n[2] https://port.example/map.pdf\n[3] mailto:editor@port.example\n"
    )
    result = clean_text(mail)
    assert "Read the full notice and the map." in result.text and "[1]" not in result.text
    assert [b.reason for b in result.blocks if b.text.startswith(("Links", "---", "[1]", "[3]"))] == ["link references"] * 4


def test_citation_markers_without_a_list_of_addresses_are_left_alone() -> None:
    """An encyclopedia article copied with its citations: "[1]" is a footnote, the list holds text."""
    text = (
        f"{PARAGRAPHS[0]}[1]\n\n{PARAGRAPHS[1]}[2]\n\nReferences\n\n"
        "1. Smith, J. (2001). The harbour and the town. Port Press.\n2. Jones, A. (2019). Cranes. Harbour Review.\n"
        "3. Harbour authority annual report 2020.\n"
    )
    lines = split_lines(text)
    assert reference_lines(lines) == set()
    assert without_markers(lines, frozenset()) == (lines, set())
    assert "[1]" in clean_text(text).text


def test_dumps_without_references_are_cleaned_as_before() -> None:
    text = "Home\nNews\nSport\n\n" + "\n\n".join(PARAGRAPHS) + "\n\nCopyright 2026 Port News\n"
    lines = split_lines(text)
    assert split_references(lines)[0] is lines
    assert all(p in clean_text(text).text for p in PARAGRAPHS)


@pytest.mark.skipif(shutil.which("lynx") is None, reason="lynx is not installed")
def test_a_real_lynx_dump() -> None:
    links = "".join(f'<li><a href="/section/{n}">Section {n}</a></li>' for n in range(30))
    page = (f"<html><body><ul>{links}</ul><h1>Harbour terminal delayed again</h1>"
            + "".join(f"<p>{p.replace('[7]annual report', '<a href=/report>annual report</a>')}</p>" for p in PARAGRAPHS)
            + "</body></html>")
    dump = subprocess.run(["lynx", "-dump", "-stdin", "-force_html"], input=page.encode(), capture_output=True, check=True).stdout.decode()
    assert "References" in dump and "[31]annual" in dump
    kept = clean_document(ParsedDocument("lynx", b"", "text", "utf-8", text=dump)).text
    assert all(p.replace("[7]", "") in kept for p in PARAGRAPHS) and "Section 12" not in kept and "http" not in kept


def test_a_bulleted_line_is_not_the_title() -> None:
    """Text browsers write list items with "*" bullets: a related-story item above the headline is no title."""
    dump = ("* Home\n* World\n\n* Harbour strike enters its third week\n\nHarbour terminal delayed again\n\nBy Ann Lee\n\n"
            + "\n\n".join(PARAGRAPHS) + "\n")
    assert clean_text(dump).title == "Harbour terminal delayed again"


def test_a_long_line_of_few_words_is_not_prose() -> None:
    """lynx writes a frame's address on its own line ("IFRAME:" above it), wrapped and then re-joined: 200
    characters in 2 words weighed like a paragraph and drew the article region to the player."""
    from triage_app.core.clean.line_features import is_prose
    from triage_app.core.clean.text_lines import Line

    address = "https://w.soundcloud.com/player/?url=https://soundcloud.com/rttv/" + "cross-talk-on-the-harbour-strike-" * 4 + " x&auto_play=false"
    assert not is_prose(Line(1, address, 0))
    assert not is_prose(Line(1, "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB" * 6, 0))
    assert is_prose(Line(1, PARAGRAPHS[0], 0))
    assert is_prose(Line(1, "政府は水曜日、学校の財政制度を変更する法案を承認した。大臣によると、地方自治体が増え続ける費用に対応できないため、この変更は必要だという。" * 2, 0))


def test_both_headings_of_a_lynx_list_go_with_it() -> None:
    refs = "\n".join(f"   {n}. https://port.example/page/{n}" for n in range(1, 6))
    result = clean_text("\n\n".join(PARAGRAPHS) + f"\n\nReferences\n\n   Visible links:\n{refs}\n\n   Hidden links:\n  6. https://port.example/a\n  7. https://port.example/b\n  8. https://port.example/c\n")
    assert {b.text: b.reason for b in result.blocks if not b.kept} == {
        "References": "link references", "Visible links:": "link references", "Hidden links:": "link references",
        **{f"{n}. https://port.example/page/{n}": "link references" for n in range(1, 6)},
        **{f"{n}. https://port.example/{c}": "link references" for n, c in ((6, "a"), (7, "b"), (8, "c"))},
    }
