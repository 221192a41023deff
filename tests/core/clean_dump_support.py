"""Shared set-up for the text-dump cleaning tests: a dump cleaned as a text file, the text its cleaning keeps, and
a short blog post with its menu, comments and footer.

The post was made after browser dumps of blog pages (wceb-dev dragnet) where a short post lost to the longer
prose of its comments: a reply form opened the comments after one paragraph, or the comments came
with no opener at all, each under a stamp with its author's name, a date and a clock time.
"""

from __future__ import annotations

from triage_app.core.clean import clean_document
from triage_app.core.records import CleanResult, ParsedDocument

POST = [
    "Making of the Loveseat",
    "Posted by Dave on August 13th, 2012",
    "",
    "A British designer has made a short film that shows how his new loveseat is built by hand in his workshop.",
    "",
    "The film follows the frame from the first cut of the timber to the last stitch of the leather cover.",
    "",
    "Only four of the seats will be made this year, and each of them takes about three weeks of work.",
]
MENU = ["Home", "Architecture", "Design", "Art", "Travel", ""]
COMMENT_TEXT = [
    "Thank you for sharing this film, it is a real pleasure to watch how carefully every part of the seat is made and finished.",
    "I have been following this designer for years and every new piece is better than the last one; the leather work here is superb.",
    "Does anyone know where this loveseat can be bought, and whether the workshop also takes orders from abroad for custom sizes?",
    "My grandfather was an upholsterer and this brings back memories of his workshop, the smell of the glue and the sound of the tacks.",
]
FOOTER = ["", "About", "Contact us", "Privacy Policy"]


def clean_dump(text: str) -> CleanResult:
    return clean_document(ParsedDocument("dump.txt", text.encode(), "text", "utf-8", text=text))


def kept_text(result: CleanResult) -> str:
    return "\n".join(b.text for b in result.blocks if b.reason is None)
