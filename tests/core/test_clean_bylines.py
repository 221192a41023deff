"""Bylines of HTML pages and dumps, and the names a byline line gives, from made-up pages and lines."""

from __future__ import annotations

from clean_page_support import BODY
from clean_page_support import clean_page as _clean

from triage_app.core.clean import clean_document
from triage_app.core.clean.byline import element_name, names_only, site_like
from triage_app.core.records import ParsedDocument


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
                 "Ross Tucker and Jonathan Dugas", "Лида Буслаева", "Washington Post editors",
                 'Amanda "Tania Mae" Tan', "Earvin “Magic” Johnson"):  # a nickname in quotes (newspaper4k's pages)
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
    # a Drupal page's "Submitted on <date>" read as the name "Submitted" (newspaper4k's Thai page)
    for label in ("Posted By", "Published Monday at 4:01 PM", "PUBLISHED WED 10:00", "Updated", "Submitted on Mon, 2019-01-21 13:49"):
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


def test_author_labels_in_more_languages_give_the_names() -> None:
    """Thirtieth session (newspaper4k's Latvian page, "Autori: Anna Ūdre (LTV ... redaktore)" under an author-marked
    element): the label before a colon in a dozen more languages; the label alone is still no name."""
    from triage_app.core.clean import patterns as P
    from triage_app.core.clean.byline import name_from_byline

    for line, name in [("Autori: Anna Ūdre", "Anna Ūdre"), ("Autors: Jānis Bērziņš", "Jānis Bērziņš"),
                       ("Autorius: Jonas Jonaitis", "Jonas Jonaitis"), ("Autore: Mario Rossi", "Mario Rossi"),
                       ("Autorka: Jana Nováková", "Jana Nováková"), ("Szerző: Kiss Péter", "Kiss Péter"),
                       ("Kirjoittaja: Matti Virtanen", "Matti Virtanen"), ("Författare: Anna Svensson", "Anna Svensson"),
                       ("Forfatter: Ola Nordmann", "Ola Nordmann"), ("Συντάκτης: Γιάννης Παπαδόπουλος", "Γιάννης Παπαδόπουλος"),
                       ("Аутор: Петар Петровић", "Петар Петровић"), ("Autores: Ana Silva", "Ana Silva")]:
        assert element_name(line) == name, line
        assert name_from_byline(line) == name, line
        assert P.BYLINE_RE.match(line), line
    assert element_name("Autori") is None and not P.BYLINE_RE.match("Autorka naší knihy je z Brna")
    html = ("<html><head><title>Zemes nogruvums Norvēģijā</title></head><body><article><h1>Zemes nogruvums Norvēģijā</h1>"
            "<div class='info-item authors'><strong>Autori:</strong> <a href='/autors/anna-udre/'>Anna Ūdre</a>"
            " <em>(LTV Ziņu dienesta redaktore)</em></div>"
            f"<p>{'Norvēģijas glābšanas komanda atrada vēl vienu bojāgājušo zemes nogruvuma vietā Askas ciematā. ' * 4}</p>"
            "</article></body></html>")
    assert clean_document(ParsedDocument("page.html", html.encode(), "html", "utf-8", html=html)).byline == "Anna Ūdre"


def test_a_german_page_s_byline_block_fills_the_byline() -> None:
    prose = "Der Stadtrat hat am Montag beschlossen, den Hafen im Frühjahr wieder zu öffnen, nachdem die Arbeiten am Kai beendet sind. "
    html = ("<html><head><title>Der Hafen öffnet wieder</title></head><body><article><h1>Der Hafen öffnet wieder</h1>"
            "<p class='byline'>Veröffentlicht von Łukasz Nowak</p>"
            f"<p>{prose * 3}</p><p>{prose * 2}</p></article></body></html>")
    result = clean_document(ParsedDocument("page.html", html.encode(), "html", "utf-8", html=html))
    assert result.byline == "Łukasz Nowak"
