"""Dumps whose article is light: a list page, a short post under its byline beside heavier boxes and threads."""

from __future__ import annotations

from clean_dump_support import COMMENT_TEXT, FOOTER, MENU, POST
from clean_dump_support import clean_dump as _clean
from clean_dump_support import kept_text as _kept


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
