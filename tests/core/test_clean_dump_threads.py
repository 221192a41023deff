"""Text dumps of short posts followed by comments: the comments are not the article (issue 11).

Made after browser dumps of blog pages (wceb-dev dragnet) where a short post lost to the longer
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


def _clean(text: str) -> CleanResult:
    return clean_document(ParsedDocument("dump.txt", text.encode(), "text", "utf-8", text=text))


def _kept(result: CleanResult) -> str:
    return "\n".join(b.text for b in result.blocks if b.reason is None)


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


def test_a_list_page_without_prose_keeps_its_list() -> None:
    """A course catalogue: records of short lines, no paragraph to anchor an article. The lines are judged
    one by one (menus and boilerplate still go) instead of keeping one stray line of the page."""
    courses = {
        "Bookkeeping Basics": "An overview of the program so that you can see what it does for a small business of your size.",
        "Payroll Made Simple": "Learn to run the payroll each month, print the pay slips and file the returns on time.",
        "Invoices and Cheques": "Daily work such as invoicing, receiving payments, cash sales and bank deposits.",
        "Year-End Accounts": "Close the year, prepare the figures for your accountant and start the new year cleanly.",
    }
    records: list[str] = []
    for n, (course, blurb) in enumerate(courses.items()):
        records += ["New", course, blurb, f"Instructor: Jennifer Purkey, class {n + 1}", "1 - 4 p.m.", "Location: Room 111", "Fee: $95"]
    text = "\n".join(["Home", "Courses", "About Us", "Contact Us", "", "ACCOUNTING SOFTWARE", "", *records, "", "Privacy Policy"])
    kept = _kept(_clean(text))
    for blurb in courses.values():
        assert blurb in kept
    assert "Privacy Policy" not in kept


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


FORUM_POSTS = [
    ("harbourpilot", "Posts: 2", "Joined: Sun Dec 17, 2023 11:18 am",
     ["Hi,", "I just got a new tide gauge for the harbour office and I want to log its readings every ten minutes to a file.",
      "Do you know which settings make it write a line per reading?"]),
    ("quaymaster", "Posts: 9179", "Joined: Wed Feb 04, 2015 6:38 pm",
     ["This works on the newer gauges to write one reading per line:", "log_interval=600", "log_format=line",
      "I have run our three newer gauges like this since the spring and they have not missed a reading, even through the"
      " storms in October when the office lost power twice and the gauges ran on their own batteries for most of a day."
      " The file grows by about a megabyte a month, so keep an eye on the card if you log more than one gauge to it, and"
      " set the clock once a year: the gauges drift by a minute or two over the winter and the readings no longer line"
      " up with the tide tables. But the same settings did nothing on the older model we keep at the north quay."]),
    ("ropewalk", "Posts: 13", "Joined: Thu Aug 27, 2020 2:37 pm",
     ["The older model needs its firmware updated first; after that the interval setting is read at start."]),
    ("harbourpilot", "Posts: 2", "Joined: Sun Dec 17, 2023 11:18 am",
     ["That did it, thank you both. The gauge now writes a line every ten minutes and the file rolls over at midnight."]),
]


def _forum_dump(profile_label: str = "Joined", *, quoting: bool = False, terms: bool = False) -> str:
    """A phpBB thread's dump; with `terms`, each poster's details as vBulletin 4 and XenForo lay them out, a list of
    terms and values that a browser copies as a line each ("Join Date", "Dec 2023", "Posts", "2")."""
    lines = ["Forum index", "Search", "Login", "Register", "Board index » Harbour equipment", "Logging a tide gauge", "4 posts • Page 1 of 1", ""]
    for n, (name, posts, joined, body) in enumerate(FORUM_POSTS):
        if terms:
            month, year = joined.split()[2], joined.split()[4]  # "Joined: Sun Dec 17, 2023 11:18 am": "Dec 2023"
            profile = [profile_label, f"{month} {year}", *posts.split(": ")]
            lines += [name, "View Profile", "View Forum Posts", *profile, "", "Mon Jan 22, 2024 6:07 pm #" + str(n + 1), ""]
        else:
            lines += [name, posts, joined.replace("Joined", profile_label), "", "Re: Logging a tide gauge", "", "Mon Jan 22, 2024 6:07 pm", ""]
        if quoting and n == 2:  # a reply quoting the post before it, under the forum's "... wrote:" header
            lines += ["quaymaster wrote:", "", FORUM_POSTS[1][3][-1][-80:], ""]
        lines += [line for paragraph in body for line in (paragraph, "")]
    return "\n".join([*lines, "Return to Harbour equipment", "Jump to", "Who is online", "Contact us", "Delete cookies"])


def test_every_post_of_a_forum_thread_is_the_page_s_text() -> None:
    # A forum thread's dump: each post under its poster's profile lines ("Posts:", "Joined:"). The heaviest run of
    # prose is one post; the thread is the page, so every post's text is kept (it was one post). A reply's quote
    # header ("quaymaster wrote:") reads as a comments opener: inside the thread it is none.
    for label, quoting in (("Joined", False), ("Registered", False), ("Join Date", False), ("Joined", True)):
        kept = _kept(_clean(_forum_dump(label, quoting=quoting)))
        for _, _, _, body in FORUM_POSTS:
            assert body[-1] in kept, (label, body[-1])
        assert "Who is online" not in kept and "Delete cookies" not in kept


def test_a_thread_whose_posters_details_are_terms_and_values_keeps_every_post() -> None:
    # vBulletin 4 and XenForo set "Join Date" and its value as a term and its definition: two lines in a dump, which the
    # one-line profile test ("Join Date: Dec 2023") did not see, so only the heaviest post was kept
    for label in ("Join Date", "Joined", "Registriert"):
        kept = _kept(_clean(_forum_dump(label, terms=True)))
        for _, _, _, body in FORUM_POSTS:
            assert body[-1] in kept, (label, body[-1])
        assert "Who is online" not in kept and "View Profile" not in kept
    # a label alone is no profile line without a value after it, nor is a longer line that starts with the word
    from triage_app.core.clean.dump_threads import _is_profile
    from triage_app.core.clean.text_lines import split_lines

    lines = split_lines("Joined\nDec 2023\nJoined\nthe council in the spring\nRegistered users can post\n2024")
    assert [_is_profile(lines, i) for i in range(len(lines))] == [True, False, False, False, False, False]


def test_commenters_profiles_under_an_article_do_not_make_it_a_forum() -> None:
    # An article above comments whose commenters show their profiles: the comments stay out of the article.
    comments = []
    for n, text in enumerate(COMMENT_TEXT):
        comments += [f"reader{n}", f"Posts: {n + 3}", f"Joined: Mar {n + 2}, 2019", text, ""]
    body = [*POST[:3], *(p * 3 for p in POST[3:]), ""]
    kept = _kept(_clean("\n".join([*MENU, *body, *comments, *FOOTER])))  # no comments header: only the profiles tell
    assert POST[3] in kept and not any(text in kept for text in COMMENT_TEXT)


def test_a_thread_s_title_is_the_subject_its_replies_repeat() -> None:
    # Over each post a forum writes "Re: <the thread's title>"; the title finder took the breadcrumb or the post count
    # ("Board index » Harbour equipment", "16 posts • Page 1 of 1") from the lines above the first post.
    from triage_app.core.clean.dump_threads import thread_subject
    from triage_app.core.clean.text_lines import split_lines

    assert _clean(_forum_dump()).title == "Logging a tide gauge"
    assert _clean(_forum_dump(quoting=True)).title == "Logging a tide gauge"
    # the title line as a breadcrumb's last step: the subject's words, without the breadcrumb's mark
    assert _clean(_forum_dump().replace("\nLogging a tide gauge\n", "\n» Logging a tide gauge\n", 1)).title == "Logging a tide gauge"
    # Slashdot's comments all say "Re:(Score:2)": no title; one reply's subject is none either
    assert thread_subject(split_lines("Re:(Score:2)\nFine.\nRe:(Score:2)\nAgreed.\nRe:(Score:3)")) is None
    assert thread_subject(split_lines("Re: Bridge tolls\nI agree with the council.")) is None
    assert thread_subject(split_lines("Re: Bridge tolls\nYes.\nRE:  Bridge tolls\nNo.\nRe: Ferry times")) == "Bridge tolls"


def _xenforo_dump() -> str:
    """The made thread as XenForo 2 lays it out: breadcrumb, title, "Thread starter" and "Start date" under it, then
    each post under its poster's details as terms and values."""
    lines = ["Home", "Forums", "New posts", "Search forums", "Log in", "Register", "Forums", "Harbour equipment",
             "JavaScript is disabled. For a better experience, please enable JavaScript in your browser before proceeding.",
             "Logging a tide gauge", " Thread starter harbourpilot", " Start date Jan 22, 2024", "Status",
             "Not open for further replies.", ""]
    for n, (name, posts, joined, body) in enumerate(FORUM_POSTS):
        month, year = joined.split()[2], joined.split()[4]
        lines += [name[0].upper(), name, "Member", "Joined", f"{month} {year}", "Messages", posts.split(": ")[1],
                  "Jan 22, 2024", f"#{n + 1}", *[line for paragraph in body for line in (paragraph, "")]]
    return "\n".join([*lines, "Share:", "Facebook", "Similar threads", "Contact us", "Terms and rules"])


def test_a_xenforo_thread_s_title_is_the_line_over_its_starter() -> None:
    # XenForo writes "Thread starter <name>" under the thread's title: the title finder took that line, which stood
    # out from the short lines around it and had the "Start date" line under it
    cleaned = _clean(_xenforo_dump())
    assert cleaned.title == "Logging a tide gauge"
    kept = _kept(cleaned)
    assert all(body[-1] in kept for _, _, _, body in FORUM_POSTS) and "Thread starter" not in kept
    from triage_app.core.clean.patterns import BYLINE_RE

    assert BYLINE_RE.match("Thread starter Jane Q Public") and BYLINE_RE.match("thread starter x_42")
    assert not BYLINE_RE.match("Thread starter kits are sold in every craft shop in town.")


RECENT_COMMENTS = [
    "\u201c Great list, but you missed the paintings in the second series, which are better than anything in the first one and deserve a mention... \u201d Robert posted on A Collection of Great Art Made by TV Characters on Thursday Aug 9",
    "\u201c Two more additions for the list: the forgeries in the detective show and the murals in the hospital drama that ran for years... \u201d Caroline posted on A Collection of Great Art Made by TV Characters on Thursday Aug 9",
    "\u201c Where is the text for the last entry? The picture is there but the paragraph about the author seems to be missing from the page... \u201d Anne posted on What Your Favourite Series Says About You on Thursday Aug 9",
    "\u201c I would love to know who made the illustrations in the third slide, they are beautiful and I cannot find the artist anywhere... \u201d Luis posted on The Most Beautiful Book Covers of the Year on Wednesday Aug 8",
    "\u201c The argument that you can try on a culture for a day is exactly what the essay takes apart, and it does so very well in my view... \u201d Nadia posted on Books That Everyone Pretends to Have Read on Wednesday Aug 8",
]
GALLERY_POST = [
    "Photography", "Awesome Photographs of Harbour Pilots at Work",
    "by Emily Park. Posted on 1:00 pm Thursday Aug 9, 2012", "+", "\u00ab Previous", "of 15", "Next \u00bb", "",
    "Jake Warga is a photographer who has followed the harbour pilots of the northern ports for ten years, from the first "
    "boarding at dawn to the last berth at night, and his new series shows them as few people ever see them.",
    "",
    "Warga asks each pilot to pose as if for a passport photo first, and then lets them do whatever they want: some "
    "climb the rope ladder again, some stand at the wheel of the launch, and one of them fell asleep on the bench of the "
    "pilot station after a night of three ships. The results are the pictures below, fifteen of them, with the name of "
    "the port where each was taken and a line from the pilot about the work.",
    "", "Port of Leith. Image credit: Jake Warga", "", "\u00ab Previous", "of 15|View as single page", "Next \u00bb", "",
    "Tags: Photography, Harbours", "", "Name (required) Email (required) Website (optional)", "",
]


def test_a_short_post_under_its_headline_and_byline_is_the_article_not_a_heavier_box_further_down() -> None:
    """A gallery post of two paragraphs under its headline and byline, and further down a "recent comments" box whose
    quoted comments outweigh it (a Flavorwire page of wceb-dev dragnet): the post is the article."""
    editors = ["Follow Us:", "Facebook", "Twitter", "Editors"]
    for name, role in (("Caroline Stanley", "Managing Editor"), ("Mark Mangan", "Executive Editor"), ("Judy Berg", "Deputy Editor"),
                       ("Marina Gal", "Art Editor"), ("Alison Nash", "Night Editor"), ("Jason Bail", "Film Editor"),
                       ("Tom Hawk", "Music Editor"), ("Claire Cott", "Photo Editor")):
        editors += [name, role]
    text = "\n".join([*MENU, *GALLERY_POST, *editors, "Recent Comments", "", *(c + "\n" for c in RECENT_COMMENTS), *FOOTER])
    result = _clean(text)
    kept = _kept(result)
    assert "followed the harbour pilots of the northern ports" in kept
    assert "pose as if for a passport photo" in kept
    assert not any(comment[:40] in kept for comment in RECENT_COMMENTS)
    assert result.title == "Awesome Photographs of Harbour Pilots at Work" and result.byline == "Emily Park"


def test_a_byline_that_closes_a_post_does_not_hand_the_article_to_the_comments_after_it() -> None:
    """Blogger writes "Posted by NAME at TIME" under the post, its comments after: the post stays the article."""
    post = POST[2:]  # the paragraphs, without the headline and byline above them
    stamps = ["Maria said...", "Lynnette said...", "Yan said...", "Keith said..."]
    comments: list[str] = []
    for stamp, body in zip(stamps, COMMENT_TEXT):
        comments += [stamp, "", body, "", "July 7, 2012 7:18 PM", ""]
    text = "\n".join([*MENU, "Saturday, November 10, 2012", "Making of the Loveseat", *post, "", "Easy Cheese Blintzes",
                      "", "Pin It", "Posted by Dave at 2:28 PM", "Labels: Blog News", "", *comments, *FOOTER])
    kept = _kept(_clean(text))
    assert "short film that shows how his new loveseat" in kept
    assert not any(comment in kept for comment in COMMENT_TEXT)


def _story_and_thread() -> str:
    """A news-discussion page (Slashdot's layout, dragnet): a headline, "Posted by", one paragraph of story, a teaser
    list, then a long thread whose comments carry reply links but no comments header and no dated stamps."""
    story = [
        "Harbour Authority Logs Every Vessel With a New Radar 313",
        "Posted by timothy on Tuesday July 24, @12:06PM",
        "from the who-goes-there dept.",
        "An anonymous reader writes \"The harbour authority of the northern port has installed a radar that logs every "
        "vessel entering the roads, from ferries to the smallest fishing boats, and publishes the log a day later. The "
        "authority says the log will help settle disputes over berths and fees; the fishermen's union says it will be "
        "used to fine its members for landing outside the hours, and has asked the council to stop the publication.\"",
        "", "100 of 313 comments loaded twitter facebook", "",
        "You may like to read:", "Council Votes on the Ferry Timetable", "", "Storm Closes the Coastal Road", "",
        "Post Load All Comments", "Full Abbreviated Hidden", "Score:", "5", "4", "3", "2", "1", "0", "",
        "Search 313 Comments Log In/Create an Account", "Comments Filter:", "All", "Insightful", "Informative", "Funny", "",
    ]
    thread: list[str] = []
    subjects = ["Who pays for it?", "Privacy", "Old news", "Fees", "The union", "Radar range", "Fishing hours",
                "Council", "Open data", "Berths", "Ferries", "Night shifts"]
    for n, subject in enumerate(subjects):
        thread += [f"{subject} (Score:{n % 5 + 1}, Insightful)", f"by harbourwatcher{n} ({1000 + n})", ""]
        for k in range(3):
            thread += [
                f"Comment {n}, part {k}: the log is a good idea as long as the fees stay where they are, but nobody in "
                "the port believes they will, and the union is right to ask who reads the log and what they do with it "
                "once it is public, because a log of every boat is also a log of every fisherman's working day.", "",
            ]
        thread += ["Reply to This Parent Share", "twitter facebook", "Flag as Inappropriate"]
    return "\n".join([*MENU, *story, *thread, *FOOTER])


def test_a_story_under_its_byline_is_the_article_when_a_heavier_thread_has_reply_marks_but_no_header() -> None:
    result = _clean(_story_and_thread())
    kept = _kept(result)
    assert "installed a radar that logs every vessel" in kept
    assert "Comment 3," not in kept and "Comment 11," not in kept
    assert result.title == "Harbour Authority Logs Every Vessel With a New Radar 313"


def test_a_paragraph_introducing_the_subject_is_not_the_author_s_bio() -> None:
    """"Jake Warga is an anthropologist ... The freelance journalist ..." under "by Emily Park" introduces the post's
    subject (a Flavorwire gallery of wceb-dev dragnet lost it as an author bio); a bio of the byline's author after the
    post is still one."""
    subject = ("Jake Warga is an anthropologist who studies the people of the harbours. The freelance journalist and "
               "photographer has followed the pilots of the northern ports for ten years, from the first boarding at dawn "
               "to the last berth at night.")
    bio = "Emily Park is a staff writer who covers photography, design and the sea for the magazine."
    text = "\n".join([*MENU, "Awesome Photographs of Harbour Pilots at Work", "by Emily Park", "", subject, "",
                      "Warga asks each pilot to pose as if for a passport photo first, and then lets them do whatever they "
                      "want; the results are the pictures below, with the name of the port where each was taken.",
                      "", bio, "", *FOOTER])
    result = _clean(text)
    kept = _kept(result)
    assert result.byline == "Emily Park"
    assert subject in kept and "pose as if for a passport photo" in kept
    assert bio not in kept
