"""Titles and bylines of HTML pages, one made-up page per class of failure seen on the development pages."""

from __future__ import annotations

from triage_app.core.clean import clean_document
from triage_app.core.clean.byline import element_name, names_only, site_like
from triage_app.core.records import CleanResult, ParsedDocument

BODY = (
    "<p>The harbour authority confirmed on Tuesday that the old crane will be taken down next spring, after "
    "engineers found that its steel frame had rusted far beyond what a repair could fix.</p>"
    "<p>Residents who have watched the crane over the water for sixty years said they would miss it, and a local "
    "group has asked that one of its arms be kept as a monument near the quay.</p>"
    "<p>The authority said the work would take about six weeks and that the quay would stay open to walkers for "
    "most of that time, apart from a few days when the heaviest parts are lifted away.</p>"
)


def _clean(head: str, body: str) -> CleanResult:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return clean_document(ParsedDocument("page.html", html.encode(), "html", "utf-8", html=html, original_name="page.html"))


# --- titles -------------------------------------------------------------------------------------------


def test_blog_name_before_the_post_title_is_dropped() -> None:
    """<title> "Blog: Post"; the blog's name is the masthead h1, the post title an h3."""
    result = _clean(
        "<title>The Harbour Log: Old crane will come down next spring</title>",
        '<div id="header"><h1><a href="https://harbourlog.example/">The Harbour Log</a></h1></div>'
        "<h2>Tuesday, November 3, 2021</h2><h3>Old crane will come down next spring</h3>" + BODY,
    )
    assert result.title == "Old crane will come down next spring"


def test_site_suffix_not_named_in_metadata_is_dropped() -> None:
    result = _clean(
        "<title>Old crane will come down next spring - The Quay Blog of Harbour Times</title>",
        "<h1>The Quay Blog of Harbour Times</h1><h3>Old crane will come down next spring</h3>" + BODY,
    )
    assert result.title == "Old crane will come down next spring"


def test_visible_headline_wins_over_an_seo_variant() -> None:
    result = _clean(
        '<title>Harbour crane removal 2021 | Harbour Times</title>'
        '<meta property="og:title" content="Harbour crane removal 2021">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour crane removal 2021"}</script>',
        "<h1>The harbour crane removal starts in 2021</h1>" + BODY,
    )
    assert result.title == "The harbour crane removal starts in 2021"


def test_heading_with_a_comment_count_gives_the_title() -> None:
    result = _clean(
        "<title>Is today the day you build your business?</title>",
        '<h1>Is today the day you build your business? <a href="#comments">153 Comments</a></h1>' + BODY,
    )
    assert result.title == "Is today the day you build your business?"


def test_section_heading_around_the_title_does_not_replace_it() -> None:
    result = _clean(
        '<title>Get Free Tax Help | United Way of Harbour County</title>'
        '<meta property="og:site_name" content="United Way of Harbour County">',
        "<h1>United Way of Harbour County</h1><h2>Choose a Way to Get Free Tax Help</h2>" + BODY,
    )
    assert result.title == "Get Free Tax Help"


def test_line_break_in_a_heading_reads_as_a_space() -> None:
    result = _clean("<title>Cosmetic Packaging Design | Doodlo</title>", "<h1>Cosmetic Packaging<br>Design</h1>" + BODY)
    assert result.title == "Cosmetic Packaging Design"


def test_a_subtitle_inside_the_heading_is_not_part_of_it() -> None:
    result = _clean(
        "<title>Tuition and Financing | Harbour College</title>",
        '<h1><span class="header__title">Harbour College Tuition and Fees</span>'
        '<span class="header__subtitle">Rates that stay the same for a decade</span></h1>' + BODY,
    )
    assert result.title == "Harbour College Tuition and Fees"


def test_permalink_mark_is_not_part_of_the_heading() -> None:
    result = _clean(
        "<title>Submitting patches: the essential guide — The Kernel documentation</title>",
        '<h1>Submitting patches: the essential guide<a class="headerlink" href="#submitting">¶</a></h1>' + BODY,
    )
    assert result.title == "Submitting patches: the essential guide"


def test_site_name_words_do_not_make_a_heading_agree() -> None:
    """The h2 shares only the site's name with the title; the page's one h1 is its headline."""
    result = _clean(
        '<title>Headlamps for Camping, Hiking & Running | REI Co-op</title>'
        '<meta property="og:site_name" content="REI Co-op">',
        "<h2>Apply for the REI Co-op Mastercard</h2><h1>Headlamps</h1>" + BODY,
    )
    assert result.title == "Headlamps"


def test_site_name_words_do_not_make_a_heading_agree_without_an_h1() -> None:
    result = _clean(
        '<title>Headlamps for Camping, Hiking & Running | REI Co-op</title>'
        '<meta property="og:site_name" content="REI Co-op">',
        "<h2>Apply for the REI Co-op Mastercard</h2><h2>Headlamps</h2>" + BODY,
    )
    assert result.title == "Headlamps for Camping, Hiking & Running"


def test_the_one_h1_wins_over_a_seo_title_with_other_words() -> None:
    result = _clean(
        "<title>Best harbour walks 2021: list of routes | Harbour Times</title>"
        '<meta property="og:title" content="Best harbour walks 2021: list of routes">',
        '<div class="logo"><h1>Harbour Times</h1></div><h1>Twelve quays to stroll along this winter</h1>' + BODY,
    )
    assert result.title == "Twelve quays to stroll along this winter"


def test_several_h1_that_disagree_with_the_title_leave_the_title() -> None:
    result = _clean(
        "<title>Best harbour walks 2021</title>",
        "<h1>Twelve quays to stroll along this winter</h1><h1>Our newsletter</h1>" + BODY,
    )
    assert result.title == "Best harbour walks 2021"


def test_a_lone_h1_that_is_a_section_label_is_not_the_headline() -> None:
    result = _clean("<title>Best harbour walks 2021</title>", "<h1>Search</h1>" + BODY)
    assert result.title == "Best harbour walks 2021"


def test_a_lone_h1_that_is_a_date_or_a_lead_in_label_is_not_the_headline() -> None:
    for h1 in ("February 14, 2003", "LATEST:"):
        result = _clean("<title>Statement on the harbour, February 14, 2003</title>", f"<h1>{h1}</h1>" + BODY)
        assert result.title == "Statement on the harbour, February 14, 2003"


def test_a_hidden_h1_is_not_the_headline() -> None:
    result = _clean(
        "<title>Harbour Times</title>",
        '<h1 class="sr-only">Harbour Times homepage</h1><h2>Latest stories</h2>' + BODY,
    )
    assert result.title == "Harbour Times"


def test_hidden_parts_of_a_heading_are_not_its_text() -> None:
    result = _clean(
        "<title>Compare harbour cranes</title>",
        '<h1>Compare harbour cranes<div hidden><span>Save to your collection</span></div></h1>' + BODY,
    )
    assert result.title == "Compare harbour cranes"


def test_a_logo_svg_title_and_a_block_span_in_a_heading() -> None:
    result = _clean(
        "<title>Harbour Times</title>",
        '<h1><svg><title>Harbour</title><path d="M0 0"/></svg>Best quay walks'
        '<span class="block text-sm">Twelve routes for the winter</span></h1>' + BODY,
    )
    assert result.title == "Best quay walks Twelve routes for the winter"


def test_a_credit_line_in_the_one_h1_is_not_the_headline() -> None:
    result = _clean("<title>Harbour Poems</title>", "<h1>Edited by Mara Lindqvist, Harbour County</h1>" + BODY)
    assert result.title == "Harbour Poems"


def test_a_line_in_large_type_that_agrees_with_the_title_is_the_headline() -> None:
    """No h1-h3: the headline is set with <font size>; the <title> adds a site name and a word."""
    result = _clean(
        "<title>Harbour Friends - Become a Member page</title>",
        '<table><tr><td><a href="/">Home</a> <a href="/join">Join</a></td></tr></table>'
        '<font face="Arial" size="4">Become a Member of <i>Harbour Friends</i>!</font>' + BODY,
    )
    assert result.title == "Become a Member of Harbour Friends!"


def test_a_headline_class_line_that_agrees_with_the_title() -> None:
    result = _clean(
        "<title>Harbour Times - Old crane to come down next spring, says authority</title>",
        '<span class="storytitle">Old crane to come down next spring, says authority</span>' + BODY,
    )
    assert result.title == "Old crane to come down next spring, says authority"


def test_a_large_organisation_name_is_not_a_headline() -> None:
    """Front page: the name set large agrees only loosely with the <title> (the full name), which stays."""
    result = _clean(
        "<title>The Harbour County Old Crane Preservation Society Inc.</title>",
        '<p align="center"><font size="6"><b>THE OLD CRANE SOCIETY</b></font></p>' + BODY,
    )
    assert result.title == "The Harbour County Old Crane Preservation Society Inc."


def test_a_plain_line_is_not_a_headline_by_agreement_alone() -> None:
    result = _clean(
        "<title>Harbour Times - Old crane to come down next spring</title>",
        "<p>Old crane to come down next spring</p>" + BODY,
    )
    assert result.title == "Harbour Times - Old crane to come down next spring"


def test_a_trail_title_names_the_page_last() -> None:
    result = _clean(
        "<title>HPA : Public Information : News : Chair's testimony on the old crane</title>",
        '<span class="fH">Chair\'s testimony on the old crane</span><br>' + BODY,
    )
    assert result.title == "Chair's testimony on the old crane"


def test_a_trail_title_whose_last_part_the_page_does_not_show_stays() -> None:
    result = _clean("<title>HPA : Public Information : News</title>", BODY)
    assert result.title == "HPA : Public Information : News"


def test_an_untitled_page_takes_its_first_large_line_not_the_file_name() -> None:
    result = _clean(
        "",
        '<font class="header">Going with the tide</font>'
        '<p>A new crane design for small harbours.</p><font class="subheader"><b>Mara Lindqvist</b></font>' + BODY,
    )
    assert result.title == "Going with the tide"


def test_an_untitled_page_passes_over_label_lines() -> None:
    result = _clean("", '<font size="+1">LATEST:</font><font size="+2">Old crane to come down next spring</font>' + BODY)
    assert result.title == "Old crane to come down next spring"


def test_a_large_line_does_not_replace_an_untitled_page_heading() -> None:
    result = _clean("", '<font size="+2">Harbour news</font><h3>Old crane to come down next spring</h3>' + BODY)
    assert result.title == "Old crane to come down next spring"


def test_page_without_a_title_skips_section_labels() -> None:
    result = _clean("", "<h2>Comments</h2><h2>Former Defense Secretary's remarks at the 2001 summit</h2>" + BODY)
    assert result.title == "Former Defense Secretary's remarks at the 2001 summit"


def test_page_without_title_takes_its_first_heading() -> None:
    result = _clean("", "<h3>TASA reports first quarter revenues up 18%</h3>" + BODY)
    assert result.title == "TASA reports first quarter revenues up 18%"


def test_heading_naming_the_site_is_not_the_headline() -> None:
    result = _clean(
        '<title>Old crane will come down | Harbour Times</title><meta property="og:site_name" content="Harbour Times">',
        "<h1>Harbour Times</h1>" + BODY,
    )
    assert result.title == "Old crane will come down"


# --- bylines ------------------------------------------------------------------------------------------


def test_byline_from_the_author_element_next_to_the_headline_not_related_stories() -> None:
    related = "".join(
        f'<div class="post"><h4>Story {n}</h4><div class="byline"><span class="author vcard">{name}</span></div></div>'
        for n, name in enumerate(["Timothy Noah", "Clare Kim"])
    )
    result = _clean(
        "<title>Old crane will come down next spring</title>",
        '<div id="content-sidebar-wrap"><div class="post-info"><h1>Old crane will come down next spring</h1>'
        '<span class="author vcard"><a class="fn">Meredith Clark</a>, @MeredithLClark</span></div>'
        + BODY + f'<div class="related-stories">{related}</div></div>',
    )
    assert result.byline == "Meredith Clark"


def test_blog_posted_by_line_in_the_post_footer() -> None:
    result = _clean(
        "<title>Science of Harbours: Old crane will come down</title>",
        '<div class="widget Blog"><div class="post"><h3>Old crane will come down</h3>' + BODY
        + '<div class="post-footer"><span class="post-author vcard">Posted by Ross Tucker and Jonathan Dugas</span>'
        "</div></div></div>",
    )
    assert result.byline == "Ross Tucker and Jonathan Dugas"


def test_unmarked_by_line_under_the_headline() -> None:
    result = _clean(
        "<title>Making email more scalable</title>",
        "<h2>Making email more scalable</h2><p>by randfish on February 8, 2012</p>" + BODY,
    )
    assert result.byline == "randfish"


def test_comment_authors_are_not_the_byline() -> None:
    result = _clean(
        "<title>Old crane will come down</title>",
        "<h1>Old crane will come down</h1>" + BODY
        + '<div id="comments"><div class="comment-author">Great post, by Jane Reader</div></div>',
    )
    assert result.byline is None


def test_metadata_author_naming_the_site_is_no_byline() -> None:
    result = _clean(
        '<title>What harbour cranes can do</title><meta name="author" content="Harbour Clinic">'
        '<meta property="og:site_name" content="Harbour Clinic">',
        "<h1>What harbour cranes can do</h1>" + BODY + "<p>© Harbour Clinic</p>",
    )
    assert result.byline is None


def test_metadata_author_the_page_never_shows_is_no_byline() -> None:
    result = _clean(
        '<title>What harbour cranes can do</title><meta name="author" content="Thrive Agency">',
        "<h1>What harbour cranes can do</h1>" + BODY,
    )
    assert result.byline is None


def test_product_reviewer_is_not_the_page_author() -> None:
    result = _clean(
        '<title>Zero sandals</title><script type="application/ld+json">{"@type": "Product", "name": "Zero sandals",'
        ' "review": [{"@type": "Review", "author": {"@type": "Person", "name": "Raul"}}]}</script>',
        "<h1>Zero sandals</h1>" + BODY + "<div class='review'><strong>Raul</strong> Good sandals.</div>",
    )
    assert result.byline is None


def test_byline_is_names_only() -> None:
    assert names_only("Josh Levs, CNN") == "Josh Levs"
    assert names_only("Troy L. Smith, Cleveland.com") == "Troy L. Smith"
    assert names_only("Tomson Highway, From Masculindians") == "Tomson Highway"
    assert names_only("James Yum, Developer Programs Engineer") == "James Yum"
    assert names_only("Stefan Becket, Kathryn Watson, Grace Segers") == "Stefan Becket, Kathryn Watson, Grace Segers"
    assert names_only("Roger M. Boisjoly, Willard, Utah") == "Roger M. Boisjoly"
    assert names_only("By Jamelle Bouie") == "Jamelle Bouie"
    assert element_name("By Mike Wuerthele and Malcolm Owen Monday, November 18, 2019") == "Mike Wuerthele and Malcolm Owen"
    assert element_name("Written byJane Doe") == "Jane Doe"
    assert element_name("Liz Kenny Former McKinsey Consultant") == "Liz Kenny"
    assert element_name("James Clear (Author of Atomic Habits)") == "James Clear"
    assert element_name("This post was written by Nigel Subscribe To Our Feed") == "Nigel"
    assert element_name("View Profile Email Facebook Twitter AIM Google Plus RSS") is None
    assert element_name("Asset.javascript('http://platform.twitter.com/widgets.js'); Follow") is None
    assert element_name("Byron") == "Byron"
    assert element_name("Post written by Leo Babauta.") == "Leo Babauta"
    assert element_name("by on") is None
    # "on" and a weekday without a year or with it after a comma: the name ends before "on" (was "timothy on")
    assert element_name("Posted by timothy on Tuesday July 24, @12:06PM") == "timothy"
    assert element_name("by Lucy Zhang on Wednesday, October 19, 2011 at 1:31pm") == "Lucy Zhang"
    assert element_name("By Ann Lee in Politics on Friday") == "Ann Lee"
    assert site_like("AccountingDepartment.com", None, "accountingdepartment.com")
    assert not site_like("Laura Winter", "Al Jazeera", "aljazeera.com")


def test_a_byline_must_read_as_names() -> None:
    """Author-marked elements also hold greetings, labels, handles and e-mail addresses: those are no byline;
    a name followed by a comma and a role or outlet keeps the name."""
    from triage_app.core.clean.byline import claimed_byline, plausible_names, shown_names

    for junk in ("Hi, I'm Becky. I live", "[ Archives ]", "Sofia ●", "SEROLOGY: IT'S", "wmckenzie@dallasnews.com",
                 "Authorizing... Thanks for your patience", "View blog authority"):
        assert not plausible_names(junk), junk
    for name in ("Jeff Foust", "randfish", "hugh macleod", "Ludwig van Beethoven", "A.J. Daulerio", "Jane O'Brien",
                 "Ross Tucker and Jonathan Dugas", "Лида Буслаева", "Washington Post editors"):
        assert plausible_names(name), name
    text = "Joseph Dickerson wrote this. Hi, I'm Becky. I live here."
    assert shown_names("Joseph Dickerson, Filed under: Fan Productions", None, None) == "Joseph Dickerson"
    assert shown_names("Hi, I'm Becky. I live", None, None) is None
    assert claimed_byline("Hi, I'm Becky. I live", None, None, text) is None  # so the shown byline is asked
    assert claimed_byline("Joseph Dickerson", None, None, text) == "Joseph Dickerson"


def test_blog_platforms_default_post_lines_give_the_author() -> None:
    """Eighth session: WordPress's "Posted on <date> by <name>" and Blogger's "posted by <name> at <time>" gave no
    byline (the date line was removed as a date line, the time ended no name), and a label alone ("Posted By",
    "Published Monday at 4:01 PM") read as a name."""
    from triage_app.core.clean.byline import name_from_byline

    wordpress = _clean("<title>Old crane</title>", f"<h1>Old crane</h1><div class='meta'>Posted on March 3, 2024 by Sam Jones</div>{BODY}")
    assert wordpress.byline == "Sam Jones"
    blogger = _clean("<title>Old crane</title>", f"<h1>Old crane</h1>{BODY}<div class='post-footer'>posted by Aaron J. Seigo at 1:02 PM</div>")
    assert blogger.byline == "Aaron J. Seigo"
    assert name_from_byline("Posted by DAVID J. PHILLIPS AT 12:16 AM") == "DAVID J. PHILLIPS"
    assert element_name("Posted on Thursday, Aug 9, 2012 by Keron Calame") == "Keron Calame"
    for label in ("Posted By", "Published Monday at 4:01 PM", "PUBLISHED WED 10:00", "Updated"):
        assert name_from_byline(label) is None and element_name(label) is None, label


def test_an_author_label_line_is_a_byline() -> None:
    """Eighth session: "Author: Name" (a documentation blog's header, a report's) was neither removed as a byline
    nor read as one, as "By Name" is. Over all pages: 2 HTML bylines and 13 of dumps and prints found, no page's F1
    moved by more than 0.05."""
    from triage_app.core.clean import clean_text
    from triage_app.core.clean import patterns as P

    dump = "\n".join(["Home", "News", "Blog", "", "Old crane will come down next spring", "Author: Rosie Ojo", "",
                      *(p.removeprefix("<p>") for p in BODY.split("</p>") if p)])
    result = clean_text(dump)
    assert result.byline == "Rosie Ojo"
    assert next(b.reason for b in result.blocks if b.text == "Author: Rosie Ojo") == P.BYLINE
    assert all(P.BYLINE_RE.match(line) for line in ("Author: Sam Jones", "Authors: A. Roy, J. Patel", "Autorin: Anna Berg"))
    assert not P.BYLINE_RE.match("Author of the report said the crane would go")


def test_bylines_in_other_languages_give_the_names() -> None:
    """"Written by" in six more languages, names whose capitals are outside Latin-1 (Polish, Czech, Cyrillic) and
    newsroom roles after a comma: the byline is the names (each failed before)."""
    from triage_app.core.clean.byline import name_from_byline

    assert name_from_byline("Von Łukasz Śliwiński") == "Łukasz Śliwiński"
    assert name_from_byline("By Šimon Kovář - 3. März 2024") == "Šimon Kovář"
    assert name_from_byline("Geschrieben von Max Mustermann") == "Max Mustermann"
    assert name_from_byline("Publié par Jean Dupont le 3 mars 2024") == "Jean Dupont"
    assert name_from_byline("Scritto da Mario Rossi") == "Mario Rossi"
    assert name_from_byline("Gepubliceerd door Jan de Vries") == "Jan de Vries"
    assert element_name("Beitrag geschrieben von Anna Becker.") == "Anna Becker"
    assert names_only("Max Mustermann, Redakteur") == "Max Mustermann"
    assert names_only("Marie Dupont, correspondante à Berlin") == "Marie Dupont"
    # still no name: lower-case words after "By", a label alone
    assert name_from_byline("By the way") is None and name_from_byline("Geschrieben von") is None
    assert name_from_byline("Posted By") is None


def test_a_german_page_s_byline_block_fills_the_byline() -> None:
    prose = "Der Stadtrat hat am Montag beschlossen, den Hafen im Frühjahr wieder zu öffnen, nachdem die Arbeiten am Kai beendet sind. "
    html = ("<html><head><title>Der Hafen öffnet wieder</title></head><body><article><h1>Der Hafen öffnet wieder</h1>"
            "<p class='byline'>Veröffentlicht von Łukasz Nowak</p>"
            f"<p>{prose * 3}</p><p>{prose * 2}</p></article></body></html>")
    result = clean_document(ParsedDocument("page.html", html.encode(), "html", "utf-8", html=html))
    assert result.byline == "Łukasz Nowak"
