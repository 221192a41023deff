"""Line-group statistics of a dump (`text_lines.annotate_groups`): the same figures however they are counted."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from triage_app.core.clean import patterns as P
from triage_app.core.clean.line_features import is_prose
from triage_app.core.clean.text_lines import _VERSE_END, Line, _patterned, annotate_groups


def _reference(lines: list[Line]) -> list[tuple[int, int, float, float, float, bool]]:
    """The statistics as first written: every normalised text kept, groups gathered in a dict."""
    keys = [P.normalise(line.text) for line in lines]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    by_group: dict[int, list[Line]] = {}
    for line in lines:
        by_group.setdefault(line.group, []).append(line)
    stats: dict[int, tuple[int, float, float, float, bool]] = {}
    for group, members in by_group.items():
        stats[group] = (
            len(members),
            sum(1 for m in members if m.length < 40) / len(members),
            sum(1 for m in members if is_prose(m)) / len(members),
            sum(1 for m in members if m.words >= 3 and _VERSE_END.search(m.text)) / len(members),
            len(members) >= 4 and _patterned(members),
        )
    return [(counts[key], *stats[line.group]) for line, key in zip(lines, keys)]


TEXTS = ["Home", "News", "Menu | Home | News", "12 March 2024", "- item one", "The council met on Tuesday.",
         "A longer line of prose that goes on, with a comma, and ends with a full stop as sentences do.",
         "Sing it again,", "SHOUTING LABEL", "Ünïcödé wörds hère", "3.", "Share"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(TEXTS), st.integers(0, 6), st.booleans()), max_size=40), st.booleans())
def test_group_statistics_match_the_reference(rows: list[tuple[str, int, bool]], ordered: bool) -> None:
    """Repeated texts (also texts differing in case and punctuation only), groups in reading order or not."""
    texts = [text.upper() if shout else text for text, _, shout in rows]
    groups = sorted(group for _, group, _ in rows) if ordered else [group for _, group, _ in rows]
    lines = [Line(n + 1, text, group) for n, (text, group) in enumerate(zip(texts, groups))]
    expected = _reference([Line(n + 1, text, group) for n, (text, group) in enumerate(zip(texts, groups))])
    annotate_groups(lines)
    got = [(m.repeats, m.group_size, m.group_short_share, m.group_prose_share, m.group_verse_share, m.listed) for m in lines]
    assert got == expected


def test_lines_of_one_text_are_counted_as_repeats_in_any_case_and_punctuation() -> None:
    lines = [Line(1, "Read more", 0), Line(2, "READ MORE!", 1), Line(3, "read more", 2), Line(4, "Read on", 2)]
    annotate_groups(lines)
    assert [m.repeats for m in lines] == [3, 3, 3, 1]
    assert [m.group_size for m in lines] == [1, 1, 2, 2]
