"""Forum threads in text dumps: every post is the page's text, and the thread's title is its subject."""

from __future__ import annotations

from clean_dump_support import COMMENT_TEXT, FOOTER, MENU, POST
from clean_dump_support import clean_dump as _clean
from clean_dump_support import kept_text as _kept

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
