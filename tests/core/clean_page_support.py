"""Shared set-up for the made-up HTML pages of the cleaning tests: sentences, stories and the documents they make."""

from __future__ import annotations

from triage_app.core.clean import clean_document
from triage_app.core.records import CleanResult, ParsedDocument

SENTENCE = "The committee met on Tuesday to discuss the proposal for the new bridge across the river, and members spoke at length about costs. "


def html_doc(html: str, name: str = "") -> ParsedDocument:
    return ParsedDocument(name or "page.html", b"", "html", "utf-8", html=html, original_name=name)


def paragraphs(count: int, word: str = "bridge") -> str:
    return "".join(f"<p>{SENTENCE.replace('bridge', f'{word} {n}') * 2}</p>" for n in range(count))


STORY = [
    "The river keepers of the northern valley measured the spring flood for the fortieth year running.",
    "Every morning they walked the bank from the old mill to the stone bridge with a notebook and a pole.",
    "Their records show the water rising earlier each decade, a change the farmers had noticed long before.",
    "In March the meadows below the village stood under water for eleven days, a length nobody remembered.",
    "The council now plans a second channel east of the church, paid for by a levy on the new houses.",
    "Opponents say the channel will dry the wetland where herons nest and ask for a smaller scheme instead.",
]


def story_paragraphs() -> str:
    """Six paragraphs of varied prose (enough distinct word sequences to count as an article)."""
    return "".join(f"<p>{line}</p>" for line in STORY)


BODY = (
    "<p>The harbour authority confirmed on Tuesday that the old crane will be taken down next spring, after "
    "engineers found that its steel frame had rusted far beyond what a repair could fix.</p>"
    "<p>Residents who have watched the crane over the water for sixty years said they would miss it, and a local "
    "group has asked that one of its arms be kept as a monument near the quay.</p>"
    "<p>The authority said the work would take about six weeks and that the quay would stay open to walkers for "
    "most of that time, apart from a few days when the heaviest parts are lifted away.</p>"
)
"""The body of the title and byline pages: three paragraphs of a harbour story."""


def clean_page(head: str, body: str) -> CleanResult:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return clean_document(ParsedDocument("page.html", html.encode(), "html", "utf-8", html=html, original_name="page.html"))
