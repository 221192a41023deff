"""Text dumps of short posts followed by comments: the comments are not the article (issue 11)."""

from __future__ import annotations

from clean_dump_support import COMMENT_TEXT, FOOTER, MENU, POST
from clean_dump_support import clean_dump as _clean
from clean_dump_support import kept_text as _kept


def _thread(stamps: list[str]) -> list[str]:
    lines: list[str] = []
    for stamp, text in zip(stamps, COMMENT_TEXT):
        lines += [stamp, "", text, "", "Reply", ""]
    return lines


def test_reply_form_after_one_short_paragraph_ends_the_article() -> None:
    long_blurb = (
        "WORKSHOP JOURNAL is a celebration of contemporary craft, focused on furniture, design, materials and the "
        "people who make things by hand in small workshops around the world."
    )
    text = "\n".join([*MENU, *POST[:4], "", "Leave a Reply", "Name (required)", "Mail (required)", "Website", "", long_blurb, *FOOTER])
    kept = _kept(_clean(text))
    assert "short film that shows how his new loveseat" in kept
    assert "WORKSHOP JOURNAL" not in kept


def test_comment_thread_stamped_by_different_people_is_not_the_article() -> None:
    stamps = ["Maria July 7, 2012 at 2:31 pm", "Lynnette Matebese July 5, 2012 at 9:42 am", "Yan July 5, 2012 at 6:51 am", "Keith July 4, 2012 at 8:00 pm"]
    text = "\n".join([*MENU, *POST, "", *_thread(stamps), *FOOTER])
    kept = _kept(_clean(text))
    assert "short film that shows how his new loveseat" in kept
    assert "last stitch of the leather cover" in kept
    for comment in COMMENT_TEXT:
        assert comment not in kept


def test_entries_stamped_by_one_author_are_the_page() -> None:
    """A blog's home page or a mail archive: every entry has a stamp, all saying the same besides the date."""
    stamps = [f"Posted by Harry on December {day}, 2006 {day}:21 PM" for day in (24, 19, 14, 2)]
    text = "\n".join([*MENU, *POST, "", *_thread(stamps), *FOOTER])
    kept = _kept(_clean(text))
    assert sum(comment in kept for comment in COMMENT_TEXT) >= 3


def test_forum_question_stamped_like_its_answers_keeps_the_answers() -> None:
    """On a forum or Q&A page the question carries a stamp too, before its text: the thread is the content."""
    question = "I started using the program a month ago for my reading notes and would like advice on which plugins help most with daily notes and tasks?"
    stamps = ["blue_emperor September 22, 2024, 11:24pm 2", "Naranya September 23, 2024, 7:20am 3", "iamiq September 26, 2024, 8:43pm 4", "Yurcee September 26, 2024, 10:37pm 5"]
    text = "\n".join(["Forum", "Plugin Recommendations?", "Help", "blumo September 22, 2024, 2:43pm 1", "", question, "", *_thread(stamps), *FOOTER])
    kept = _kept(_clean(text))
    assert question in kept
    assert sum(comment in kept for comment in COMMENT_TEXT) >= 3


def _says_thread() -> list[str]:
    """Comments under "Name says:" and a date without a clock time (no stamp `thread_start` reads)."""
    lines: list[str] = []
    for name, text in zip(["Maria", "Lynnette Matebese", "Yan", "Keith"], COMMENT_TEXT):
        lines += [f"{name} says:", "July 7, 2012", "", text, "", "Reply", ""]
    return lines


def test_a_one_paragraph_post_before_its_comments_header_is_the_article() -> None:
    """Under a comments header ("4 Comments"), a thread marked by its commenters' stamps outweighs a
    one-paragraph post (too short for the header to end the article by itself): the post is the article."""
    text = "\n".join([*MENU, *POST[:4], "", "Share this:", "Related Posts", "4 Comments", "", *_says_thread(), *FOOTER])
    kept = _kept(_clean(text))
    assert "short film that shows how his new loveseat" in kept
    for comment in COMMENT_TEXT:
        assert comment not in kept


def test_a_comment_count_above_the_article_does_not_make_the_standfirst_the_article() -> None:
    """A post's comment count shown under its headline and standfirst, the article after it with no
    commenter's stamp: the article stays the article."""
    standfirst = (
        "We get better design when we understand our medium. Yet even at this late hour, many people who commission, "
        "judge and write about websites do not understand the web at all, and the work suffers for it: clients ask for "
        "print layouts, juries reward screenshots, and critics review pictures of pages instead of pages. This article "
        "looks at where the misunderstanding comes from and what the people who make websites can do about it."
    )
    article = [
        f"Paragraph {n} of the article explains how the web differs from print, and why the people who commission sites "
        "should learn how it works before they judge the work of the designers they hire."
        for n in range(1, 9)
    ]
    text = "\n".join([*MENU, "Understanding Web Design", "by Jeffrey Zeldman", "", standfirst, "", "124 Comments", "Share this:", "", *"\n\n".join(article).split("\n"), *FOOTER])
    kept = _kept(_clean(text))
    assert all(paragraph in kept for paragraph in article)


def test_a_long_thread_under_a_short_post_is_not_the_page_s_own_text() -> None:
    """A light article beside ten times its text elsewhere is no article (a directory's blurb): but a comment
    thread known by its header and stamps is not the page's own text, so the short post stays the article."""
    lines: list[str] = []
    for n in range(12):
        lines += [f"Reader {n} says:", f"July {n + 1}, 2012", "", f"Comment {n}: {COMMENT_TEXT[n % 4]}", "", "Reply", ""]
    text = "\n".join([*MENU, *POST[:4], "", "Share this:", "12 Comments", "", *lines, *FOOTER])
    kept = _kept(_clean(text))
    assert "short film that shows how his new loveseat" in kept
    assert not any(f"Comment {n}:" in kept for n in range(12))


GERMAN_POST = [
    "Das Sofa aus der Werkstatt",
    "Von Dave am 13. August 2012",
    "",
    "Ein britischer Designer zeigt in einem kurzen Film, wie sein neues Sofa in der eigenen Werkstatt von Hand gebaut wird.",
]
GERMAN_COMMENTS = [
    "Vielen Dank für den Film, es ist eine Freude zu sehen, wie sorgfältig jedes Teil des Sofas gebaut und verarbeitet wird.",
    "Ich verfolge die Arbeit dieses Designers seit Jahren, und jedes neue Stück ist besser als das letzte; das Leder ist großartig.",
    "Weiß jemand, wo man dieses Sofa kaufen kann und ob die Werkstatt auch Bestellungen aus dem Ausland in anderen Größen annimmt?",
    "Mein Großvater war Polsterer, und der Film erinnert mich an seine Werkstatt, an den Geruch des Leims und den Klang der Nägel.",
]


def test_a_german_thread_marked_by_its_commenters_is_not_the_article() -> None:
    """WordPress's German comment headers ("Maria sagt:") and relative stamps ("vor 3 Tagen") mark a thread as its
    English ones do: the one-paragraph post before "4 Kommentare" stays the article."""
    lines: list[str] = []
    for n, (name, comment) in enumerate(zip(["Maria", "Jonas Becker", "Lena", "Karl"], GERMAN_COMMENTS)):
        lines += [f"{name} sagt:", f"vor {n + 2} Tagen", "", comment, ""]
    text = "\n".join(["Startseite", "Design", "Kunst", "", *GERMAN_POST, "", "4 Kommentare", "", *lines, "", "Impressum", "Datenschutz"])
    kept = _kept(_clean(text))
    assert "wie sein neues Sofa in der eigenen Werkstatt" in kept
    for comment in GERMAN_COMMENTS:
        assert comment not in kept


def test_a_quotation_introduced_by_dit_does_not_end_a_french_article() -> None:
    """"Le ministre a dit :" on a line of its own reads like WordPress's "Pierre dit :", but without a comments header
    above it it introduces a quotation: the article goes on after it."""
    paragraphs = [
        f"Paragraphe {n} : le conseil municipal a voté lundi soir le budget du port, après trois heures de débat "
        "entre la majorité et l'opposition sur le prix des nouveaux quais et le calendrier des travaux."
        for n in range(1, 6)
    ]
    quote = "« Nous allons rouvrir le port avant l'été, et les pêcheurs pourront reprendre leur travail dès le mois de mai », a-t-il ajouté."
    text = "\n".join(["Accueil", "Politique", "", "Le budget du port adopté", "", *"\n\n".join(paragraphs[:4]).split("\n"), "",
                      "Le ministre a dit :", "", quote, "", paragraphs[4], "", "Mentions légales"])
    kept = _kept(_clean(text))
    assert quote in kept and paragraphs[4] in kept


MORE = ["", "The designer says that the hardest part is the curve of the back, which is bent from a single piece of ash"
        " that has been steamed for an hour and then clamped to a form overnight.", "",
        "He hopes that the film will show buyers why a seat made this way costs more than one from a factory."]
"""More of the post: a comments header ends the article only after 500 characters of prose."""


def test_a_comment_count_in_brackets_opens_the_comments() -> None:
    """A theme writes its comments header with the count in braces ("{ 4 comments… add one }", "[4 comments]") or
    goes on after the count ("{ 4 comments… read them below or add one }", "4 Responses to “Title”", up to 12 words):
    after the post it ends the article as "4 Comments" does, and the comments under it (unstamped here) are not kept."""
    for header in ("4 Comments", "{ 4 comments… add one now }", "[4 comments]", "(4 responses)",
                   "{ 4 comments… read them below or add one }", "4 Responses to “Making of the Loveseat”"):
        comments = [line for text in COMMENT_TEXT for line in (text, "")]
        text = "\n".join([*MENU, *POST, *MORE, "", header, "", *comments, *FOOTER])
        kept = _kept(_clean(text))
        assert "Only four of the seats will be made this year" in kept, header
        for comment in COMMENT_TEXT:
            assert comment not in kept, header


def test_a_sentence_that_starts_with_a_comment_count_is_no_comments_header() -> None:
    """A post that answers its readers ("3 comments in yesterday's post! Allow me to answer each:") goes on after it."""
    answer = "Maria: thank you, the frame is ash and the cover is a vegetable-tanned leather from a tannery in Tuscany."
    text = "\n".join([*MENU, *POST, *MORE, "", "3 comments in yesterday’s post! Allow me to answer each:", "", answer, *FOOTER])
    assert answer in _kept(_clean(text))
