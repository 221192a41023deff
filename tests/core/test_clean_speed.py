"""The cleaner's faster walk: block paths are still lxml's, and white space alone makes no block."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triage_app.core.clean.html_parse import parse_html
from triage_app.core.clean.html_walk import segment_tree

PIECES = [
    "<p>", "</p>", "<div class='share'>", "<div>", "</div>", "<nav>", "</nav>", "<ul><li>", "</li><li>", "</li></ul>",
    "<table><tr><td>", "</td><td>", "</td></tr><tr><td>", "</td></tr></table>", "<table><tbody><tr><th>",
    "</th></tr></tbody></table>", "<br>", "<a href='#'>", "</a>", "<span>", "</span>", "<section>", "</section>",
    "<script>x()</script>", "<h2>", "</h2>", " ", "\n  ", "word", "Two words", "<!-- c -->", "<svg><p>no</p></svg>",
]
pages = st.lists(st.sampled_from(PIECES), max_size=50).map(lambda parts: "<html><body>" + "".join(parts) + "</body></html>")


def _assert_paths_are_lxml_paths(html: str) -> None:
    tree = parse_html(html)
    assert tree is not None
    doc = tree.getroottree()
    for block in segment_tree(tree):
        path = block.path.removeprefix("dom:")
        found = doc.xpath(path)
        assert len(found) == 1, (path, html)
        assert doc.getpath(found[0]) == path


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages)
def test_block_paths_are_the_ones_lxml_gives(html: str) -> None:
    """Paths are counted during the walk and rendered once at its end, each shared prefix once: they
    must still be exactly lxml's getpath of the block's element."""
    _assert_paths_are_lxml_paths(html)


def test_paths_on_a_wide_deep_page_with_data_tables() -> None:
    rows = "".join(f"<tr><td>r{i}</td><td>{i}</td></tr>" for i in range(30))
    items = "".join(f"<li><a href='#'>link {i}</a></li>" for i in range(40))
    nested = "<div>" * 30 + "<p>deep <b>bold</b> text</p>" + "</div>" * 30
    html = f"<html><body><ul>{items}</ul><table><tbody>{rows}</tbody></table><table>{rows}</table>{nested}<p>end</p></body></html>"
    _assert_paths_are_lxml_paths(html)
    blocks = segment_tree(parse_html(html))
    assert [b.text for b in blocks[:2]] == ["link 0", "link 1"]
    assert blocks[40].text == "r0\t0" and blocks[40].path == "dom:/html/body/table[1]/tbody/tr[1]"
    assert blocks[70].path == "dom:/html/body/table[2]/tr[1]"
    assert blocks[-2].text == "deep bold text" and blocks[-1].text == "end"


def test_leading_white_space_and_line_breaks_do_not_make_blocks() -> None:
    html = "<html><body><div>\n   <br><br>\n<p>  one <a href='#'>two</a><br>three  </p>\n \t</div></body></html>"
    blocks = segment_tree(parse_html(html))
    assert [(b.text, b.link_chars) for b in blocks] == [("one two three", 3)]
