"""The faster cleaner's metadata readers: date lines, the site in a copyright notice, the byline shown on a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage_app.core.clean.dates import is_date_line
from triage_app.core.clean.html_parse import parse_html


def test_date_lines_need_a_digit_of_any_script() -> None:
    assert is_date_line("15 December 2025")
    assert is_date_line("١٥/١٢/٢٠٢٥")  # Arabic-Indic digits are digits too
    assert not is_date_line("December")


def test_site_from_copyright_lines_does_not_depend_on_the_hash_seed() -> None:
    """Two copyright names seen as often and as long: the first in the text wins, in every process
    (the clean-same check found the winner changing with PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys

    code = (
        "from triage_app.core.clean.text_lines import split_lines\n"
        "from triage_app.core.clean.dump_metadata import site_from_copyright\n"
        "print(site_from_copyright(split_lines('© 2015 Associated Press\\nA line of text.\\n© 2015 CBS Broadcasting\\n')))\n"
    )
    root = Path(__file__).resolve().parents[2]
    seen = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        seen.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout.strip())
    assert seen == {"Associated Press"}


def test_the_shown_byline_is_read_only_when_the_metadata_author_is_not_on_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """The author-marked elements are looked at only when the JSON-LD author is not named on the page."""
    from triage_app.core.clean import metadata
    from triage_app.core.clean.engine import clean_html_document

    calls: list[object] = []
    real = metadata.shown_byline

    def counting(tree: object, anchor: object) -> str | None:
        calls.append(anchor)
        return real(tree, anchor)

    monkeypatch.setattr(metadata, "shown_byline", counting)
    body = "<p>" + "Plain words of the article about the harbour and its boats. " * 8 + "</p>"
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": "Maria Lindqvist"}}</script>'
    named = f"<html><head>{ld}</head><body><h1>Harbour boats</h1><p>By Maria Lindqvist</p>{body}</body></html>"
    assert clean_html_document(named).byline == "Maria Lindqvist"
    assert calls == []
    unnamed = f"<html><head>{ld.replace('Maria Lindqvist', 'Editorial Desk Team')}</head><body><h1>Harbour boats</h1>" \
        f"<span class='author'>Jonas Berg</span>{body}</body></html>"
    assert clean_html_document(unnamed).byline == "Jonas Berg"
    assert len(calls) == 1
    tree = parse_html(unnamed)
    meta = metadata.page_metadata(tree)
    assert meta.shown_byline == meta.shown_byline == "Jonas Berg" and len(calls) == 2  # read once per page


def test_site_from_a_copyright_line_leaves_out_the_address_in_brackets() -> None:
    from triage_app.core.clean.dump_metadata import site_from_copyright
    from triage_app.core.clean.text_lines import split_lines

    assert site_from_copyright(split_lines("A line of text.\n© 2000 - 2019 Al Bawaba (www.albawaba.com)\n")) == "Al Bawaba"
    assert site_from_copyright(split_lines("© 2019 The Printers (Mysore) Private Ltd.\n")) == "The Printers (Mysore) Private"


def test_site_from_copyright_lines_skips_a_policy_link_and_reads_past_a_second_sign() -> None:
    """A printed WSJ page's footer: "Copyright Policy" is a link (no sign, no year), "Copyright ©2012" has
    both markers, and "Dow Jones & Company" names Dow Jones (it read "Policy")."""
    from triage_app.core.clean.dump_metadata import site_from_copyright
    from triage_app.core.clean.text_lines import split_lines

    footer = ("Copyright 2012 Dow Jones & Company, Inc. All Rights Reserved\nCopyright Policy\n"
              "Copyright ©2012 Dow Jones & Company, Inc. All Rights Reserved.\n")
    assert site_from_copyright(split_lines(footer)) == "Dow Jones"
    assert site_from_copyright(split_lines("Copyright Policy\nCopyright Notice\nImage copyright Getty Images\n")) is None


def test_site_from_copyright_lines_reads_the_common_forms_of_a_notice() -> None:
    from triage_app.core.clean.dump_metadata import site_from_copyright
    from triage_app.core.clean.text_lines import split_lines

    for notice, site in [
        ("Copyright © 2010 AUTORACING. All rights reserved.", "AUTORACING"),  # read "© 2010 AUTORACING"
        ("© Copyright 2018 Rolling Stone", "Rolling Stone"),
        ("Copyright Thomson Reuters 2012. Click for restrictions.", "Thomson Reuters"),  # the year after the name
        ("© 2006 by Ted Tate", "Ted Tate"),
        ("©1998—2025 The Independent Traveler", "The Independent Traveler"),  # read "—2025 The Independent Traveler"
        ("Copyright 2010-2025 © Synrgys Solutions", "Synrgys Solutions"),
        ("© 47Hats 2012", "47Hats"),  # a name that starts with digits keeps them
        ("© 2019 All rights reserved.", None),  # no owner named (it read "All rights reserved")
    ]:
        assert site_from_copyright(split_lines(notice + "\n")) == site, notice
