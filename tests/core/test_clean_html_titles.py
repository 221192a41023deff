"""Titles of HTML pages, one made-up page per class of failure seen on the development pages."""

from __future__ import annotations

from clean_page_support import BODY
from clean_page_support import clean_page as _clean


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


def test_a_line_under_the_headline_inside_its_heading_is_left_out() -> None:
    """Thirtieth session (newspaper4k's test pages, never tuned on): a Japanese daily sets its writer under the
    headline inside the h1 ("<br>編集委員　中沢克二"), a blog its date; the title took them in. The first lines that
    agree with the metadata title better than the whole heading are the title; a line above the headline stays."""
    writer = _clean(
        '<meta property="og:title" content="港湾クレーン撤去　来春に着工（写真＝共同）">',
        '<h1><span>港湾クレーン撤去　来春に着工</span><br/><span>編集委員　山田太郎</span></h1>' + BODY,
    )
    assert writer.title == "港湾クレーン撤去 来春に着工"
    dated = _clean(
        "<title>Old crane will come down next spring</title>",
        "<h1>Old crane will come down next spring<br><small>Posted on July 1, 2025</small></h1>" + BODY,
    )
    assert dated.title == "Old crane will come down next spring"
    marked = _clean(
        "<title>Old crane will come down next spring</title>",
        '<h1>Old crane will come down next spring<a class="headerlink" href="#x">¶</a><br>By Sam Jones</h1>' + BODY,
    )
    assert marked.title == "Old crane will come down next spring"  # the first line's permalink mark goes too
    kicker = _clean(
        "<title>Labour relations in the old harbour - Harbour History Society</title>",
        "<h1>Masters and Dockers:<br>Labour relations in the old harbour</h1>" + BODY,
    )
    assert kicker.title == "Masters and Dockers: Labour relations in the old harbour"


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
