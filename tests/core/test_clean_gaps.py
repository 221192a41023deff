"""Rule `gaps`: a paragraph the extractor left out between paragraphs it kept is kept again when it reads as one."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from triage_app.bench._clean_score import load_pages, page_f1, page_ids, page_scores
from triage_app.core.clean import clean_document, html_extract, html_prepare
from triage_app.core.clean import patterns as P
from triage_app.core.clean.gap_paragraphs import MAX_GAP
from triage_app.core.records import ParsedDocument

STORY = [
    "The river keepers of the northern valley measured the spring flood for the fortieth year running this March.",
    "Every morning they walked the bank from the old mill to the stone bridge with a notebook and a measuring pole.",
    "Their records show the water rising earlier each decade, a change the farmers had noticed long before them.",
    "In March the meadows below the village stood under water for eleven days, a length that nobody remembered.",
    "The council now plans a second channel east of the church, paid for by a levy on the new houses by the road.",
]
LEFT_OUT = "The keepers say the channel will help only if the old weirs upstream are repaired before the next winter."


def _page(middle: str) -> str:
    """The story with `middle` (markup) between its third and fourth paragraphs."""
    first = "".join(f"<p>{line}</p>" for line in STORY[:3])
    last = "".join(f"<p>{line}</p>" for line in STORY[3:])
    return f"<html><head><title>Flood records</title></head><body><h1>Flood records</h1>{first}{middle}{last}</body></html>"


def _extractor_keeps_the_story(monkeypatch: pytest.MonkeyPatch) -> None:
    """An extractor that keeps the headline and the story and leaves out whatever lies between its paragraphs."""
    monkeypatch.setattr(html_prepare, "run_trafilatura", lambda html, tree=None: "\n".join(["Flood records", *STORY]))


def _reasons(html: str, disabled: frozenset[str] = frozenset()) -> dict[str, str | None]:
    outcome = html_extract.clean_html(html, disabled=disabled)
    assert outcome is not None
    blocks, reasons, _meta = outcome
    return {b.text: r for b, r in zip(blocks, reasons)}


def test_a_paragraph_left_out_between_kept_ones_is_kept_again(monkeypatch: pytest.MonkeyPatch) -> None:
    _extractor_keeps_the_story(monkeypatch)
    page = _page(f"<p>{LEFT_OUT}</p>")
    assert _reasons(page)[LEFT_OUT] is None
    assert _reasons(page, frozenset({"gaps"}))[LEFT_OUT] == P.BOILERPLATE  # the rule is what keeps it
    text = clean_document(ParsedDocument("flood.html", b"", "html", "utf-8", html=page)).text
    assert f"{STORY[2]}\n\n{LEFT_OUT}\n\n{STORY[3]}" in text  # in its place, in reading order


def test_a_left_out_paragraph_after_a_picture_block_is_kept_too(monkeypatch: pytest.MonkeyPatch) -> None:
    _extractor_keeps_the_story(monkeypatch)
    page = _page(f"<div><img src='x.png'></div><div>Map of the valley</div><p>{LEFT_OUT}</p>")
    why = _reasons(page)
    assert why[LEFT_OUT] is None and why["Map of the valley"] is not None  # a short label is no paragraph


def test_a_caption_marked_up_apart_from_the_text_stays_out(monkeypatch: pytest.MonkeyPatch) -> None:
    _extractor_keeps_the_story(monkeypatch)
    caption = "The keepers on the stone bridge in March, measuring the highest water since the records began."
    assert _reasons(_page(f"<div class='wp-caption-dd'>{caption}</div>"))[caption] == P.BOILERPLATE
    # the same sentence marked up like the story's paragraphs is one of them
    assert _reasons(_page(f"<p>{caption}</p>"))[caption] is None


@pytest.mark.parametrize(
    "middle",
    [
        "The keepers on the bridge measure the flood at dawn, as every year since the records began. (Photo: Ann Lee)",
        "Read the whole series on the valley's floods, the keepers and their records at <a href='/s'>our special page about the river keepers and floods</a>.",
        "You are receiving this because you signed up for the valley newsletter on our website last spring.",
        "Short line.",
        "the keepers measured the flood again this morning and found it a little lower than yesterday",
    ],
    ids=["photo credit", "link text", "boilerplate pattern", "short", "no sentence end"],
)
def test_what_does_not_read_as_the_text_s_paragraph_stays_out(monkeypatch: pytest.MonkeyPatch, middle: str) -> None:
    _extractor_keeps_the_story(monkeypatch)
    outcome = html_extract.clean_html(_page(f"<p>{middle}</p>"))
    assert outcome is not None
    blocks, reasons, _meta = outcome
    left = [r for b, r in zip(blocks, reasons) if b.text not in STORY and b.text != "Flood records"]
    assert left and all(r is not None for r in left)


def test_a_paragraph_the_page_repeats_stays_out(monkeypatch: pytest.MonkeyPatch) -> None:
    _extractor_keeps_the_story(monkeypatch)
    page = _page(f"<p>{LEFT_OUT}</p>").replace("</body>", f"<div><p>{LEFT_OUT}</p></div></body>")
    outcome = html_extract.clean_html(page)
    assert outcome is not None
    assert all(r is not None for b, r in zip(*outcome[:2]) if b.text == LEFT_OUT)


def test_a_wide_gap_or_a_paragraph_outside_the_kept_text_stays_out(monkeypatch: pytest.MonkeyPatch) -> None:
    _extractor_keeps_the_story(monkeypatch)
    fillers = "".join(f"<div>Label {n}</div>" for n in range(MAX_GAP))  # with the paragraph: one block too many
    assert _reasons(_page(f"{fillers}<p>{LEFT_OUT}</p>"))[LEFT_OUT] == P.BOILERPLATE
    after = _page("").replace("</body>", f"<p>{LEFT_OUT}</p></body>")  # after the last kept paragraph: not a gap
    assert _reasons(after)[LEFT_OUT] == P.BOILERPLATE


def test_a_paragraph_removed_for_its_context_stays_out(monkeypatch: pytest.MonkeyPatch) -> None:
    _extractor_keeps_the_story(monkeypatch)
    related = f"<aside class='related-stories'><p>{LEFT_OUT}</p></aside>"
    assert _reasons(_page(related))[LEFT_OUT] == P.RELATED


STEPS = ["Close the sluice at the mill", "Lift the boards at the bridge", "Open the east channel slowly"]


def _list_page(items: list[str], wrap: str = "{}") -> str:
    return _page(wrap.format("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"))


def test_a_list_left_out_whole_between_kept_paragraphs_is_kept_again(monkeypatch: pytest.MonkeyPatch) -> None:
    _extractor_keeps_the_story(monkeypatch)
    why = _reasons(_list_page(STEPS))
    assert all(why[step] is None for step in STEPS)  # short items: kept as the list they are, not one by one
    off = _reasons(_list_page(STEPS), frozenset({"gaps"}))
    assert all(off[step] == P.BOILERPLATE for step in STEPS)
    many = [f"Step {n}: check the gauge at post {n}" for n in range(12)]  # a list may be longer than a paragraph gap
    assert all(r is None for t, r in _reasons(_list_page(many)).items() if t in many)


@pytest.mark.parametrize(
    ("items", "wrap"),
    [
        (STEPS, "<div><div>{}</div></div>"),  # not beside the text: in a box of its own
        ([f"<a href='/s{n}'>{step}</a>" for n, step in enumerate(STEPS)], "{}"),  # a list of links
        ([*STEPS, "Share"], "{}"),  # an item is page furniture
    ],
    ids=["set apart", "links", "furniture item"],
)
def test_a_list_that_is_not_the_text_s_stays_out(monkeypatch: pytest.MonkeyPatch, items: list[str], wrap: str) -> None:
    _extractor_keeps_the_story(monkeypatch)
    why = _reasons(_list_page(items, wrap))
    assert all(why[step] is not None for step in STEPS)


def test_a_subheading_left_out_between_kept_paragraphs_is_kept_again(monkeypatch: pytest.MonkeyPatch) -> None:
    _extractor_keeps_the_story(monkeypatch)
    assert _reasons(_page("<h2>What the records show</h2>"))["What the records show"] is None
    assert _reasons(_page("<h2>What the records show</h2>"), frozenset({"gaps"}))["What the records show"] == P.BOILERPLATE
    assert _reasons(_page("<h2>Related stories</h2>"))["Related stories"] is not None  # a boilerplate label
    linked = _reasons(_page("<h2><a href='/floods'>More about the floods</a></h2>"))
    assert linked["More about the floods"] is not None  # a link
    # with another block in the gap it is no subheading between paragraphs
    assert _reasons(_page("<h2>What the records show</h2><div>Photo gallery</div>"))["What the records show"] == P.BOILERPLATE


GERMAN = [
    "Die Pegelwärter im nördlichen Tal haben das Frühjahrshochwasser nun schon im vierzigsten Jahr gemessen.",
    "Jeden Morgen gingen sie mit Notizbuch und Messlatte das Ufer von der alten Mühle bis zur Steinbrücke ab.",
    "Ihre Aufzeichnungen zeigen, dass das Wasser mit jedem Jahrzehnt früher steigt, als die Bauern dachten.",
]
CHINESE = ["河谷北部的水位观测员已经连续四十年测量春季洪水，每天早上沿着河岸从旧磨坊走到石桥。", "他们的记录显示，水位每十年都会更早上涨，农民们早就注意到了这一变化。"]


def _story_page(story: list[str], middle: str) -> str:
    return f"<html><body><h1>Hochwasser</h1><p>{story[0]}</p>{middle}" + "".join(f"<p>{s}</p>" for s in story[1:]) + "</body></html>"


@pytest.mark.parametrize(
    ("story", "left_out"),
    [
        (GERMAN, "Der Rat plant nun einen zweiten Kanal östlich der Kirche, sagte die Bürgermeisterin: „Wir haben keine Wahl.“"),
        (GERMAN, "Die Wärter sagen: »Der Kanal hilft nur, wenn die alten Wehre flussaufwärts vor dem Winter repariert werden.«"),
        (CHINESE, "议会现在计划在教堂东边修建第二条水道，费用由新建房屋的附加税支付，工程将于明年春天开始。"),
    ],
    ids=["german quotes", "german guillemets", "chinese"],
)
def test_a_left_out_paragraph_in_another_language_is_kept_again(monkeypatch: pytest.MonkeyPatch, story: list[str], left_out: str) -> None:
    monkeypatch.setattr(html_prepare, "run_trafilatura", lambda html, tree=None: "\n".join(["Hochwasser", *story]))
    assert _reasons(_story_page(story, f"<p>{left_out}</p>"))[left_out] is None


@pytest.mark.parametrize(
    ("credit", "reason"),
    [
        # a credit in brackets is named as one in German too ("(Foto: ...)" as "(Photo: ...)")
        ("Die Pegelwärter auf der Steinbrücke im März, beim Messen des höchsten Wassers seit Beginn der Aufzeichnungen (Foto: Anna Berg).", P.CAPTION),
        ("Die Pegelwärter auf der Steinbrücke im März, beim Messen des höchsten Wassers seit Beginn der Aufzeichnungen. © Anna Berg.", P.BOILERPLATE),
    ],
)
def test_a_german_picture_credit_stays_out(monkeypatch: pytest.MonkeyPatch, credit: str, reason: str) -> None:
    monkeypatch.setattr(html_prepare, "run_trafilatura", lambda html, tree=None: "\n".join(["Hochwasser", *GERMAN]))
    assert _reasons(_story_page(GERMAN, f"<p>{credit}</p>"))[credit] == reason


def test_on_development_pages_the_rule_lowers_no_page_and_raises_the_set(shared_eval: Path) -> None:
    """A data check, not a figure: on a seeded sample of cleaneval pages (where the rule moves most pages)
    switching `gaps` on lowers no page's F1 by more than 0.05 and does not lower the sample's F1.
    The full measurement, every page of every set, is `python -m triage_app.bench clean --ablate`."""
    folder = shared_eval.parent / "wceb-dev" / "cleaneval"
    if not (folder / "ground-truth.json").is_file():
        pytest.skip("../shared/eval/wceb-dev/cleaneval is not present on this machine")
    pages = load_pages(folder, page_ids(folder, 60))
    on, off, changed = [], [], 0
    for page in pages:
        doc = ParsedDocument(page.page_id, b"", "html", "utf-8", html=page.html)
        with_rule, without = clean_document(doc).text, clean_document(doc, disabled=frozenset({"gaps"})).text
        on.append(page_scores(page.truth, with_rule))
        off.append(page_scores(page.truth, without))
        changed += with_rule != without
        assert page_f1(*on[-1]) >= page_f1(*off[-1]) - 0.05, page.page_id
    assert changed >= 3  # the sample exercises the rule

    def set_f1(scores: list[tuple[float | None, float | None]]) -> float:
        precision = statistics.fmean(p for p, _ in scores if p is not None)
        recall = statistics.fmean(r for _, r in scores if r is not None)
        return 2 * precision * recall / (precision + recall)

    assert set_f1(on) >= set_f1(off)
