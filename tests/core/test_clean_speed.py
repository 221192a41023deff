"""The cleaner's faster walk and its unchanged-output check (`python -m triage_app.bench clean-same`)."""

from __future__ import annotations

import gzip
import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triage_app.bench import __main__ as bench_main
from triage_app.bench.clean_same import first_difference
from triage_app.core.clean.dates import is_date_line
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


def test_date_lines_need_a_digit_of_any_script() -> None:
    assert is_date_line("15 December 2025")
    assert is_date_line("١٥/١٢/٢٠٢٥")  # Arabic-Indic digits are digits too
    assert not is_date_line("December")


def test_first_difference_names_the_field() -> None:
    old = {"title": "A", "blocks": [{"reason": None}, {"reason": "footer"}]}
    assert first_difference(old, old | {"title": "B"}) == "title: 'A' != 'B'"
    new = {"title": "A", "blocks": [{"reason": None}, {"reason": "navigation"}]}
    assert first_difference(old, new) == "blocks[1].reason: 'footer' != 'navigation'"
    assert first_difference(old, {"title": "A", "blocks": [{"reason": None}]}) == "blocks: 2 items != 1"


def _page_set(root: Path) -> None:
    folder = root / "tiny"
    (folder / "html").mkdir(parents=True)
    article = "<p>The council voted on Tuesday to extend the bus lanes along the harbour road after a long debate.</p>" * 3
    pages = {
        "a": f"<html lang='en'><head><title>Bus lanes</title></head><body><nav><a href='/'>Home</a></nav><article>{article}</article></body></html>",
        "b": "<html><body><div><p>Kurz.</p><footer>© 2025 Example</footer></div></body></html>",
    }
    for page_id, html in pages.items():
        (folder / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
    (folder / "ground-truth.json").write_text(json.dumps({k: {"articleBody": ""} for k in pages}), encoding="utf-8")


def _bench(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = bench_main.main(list(argv))
    return code, out.getvalue()


def test_clean_same_records_and_finds_a_changed_result(tmp_path: Path) -> None:
    _page_set(tmp_path / "sets")
    record = tmp_path / "before.jsonl.gz"
    code, out = _bench("clean-same", "record", str(record), "--root", str(tmp_path / "sets"))
    assert code == 0 and "recorded 2 results" in out
    code, out = _bench("clean-same", "compare", str(record), "--root", str(tmp_path / "sets"))
    assert code == 0 and "2 results compared, 0 differ" in out
    lines = gzip.decompress(record.read_bytes()).decode("utf-8").splitlines()
    key, text = json.loads(lines[1])
    changed = json.loads(text)
    changed["blocks"][0]["reason"] = "tampered"
    lines[1] = json.dumps([key, json.dumps(changed, ensure_ascii=False, sort_keys=True)], ensure_ascii=False)
    record.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    code, out = _bench("clean-same", "compare", str(record), "--root", str(tmp_path / "sets"))
    assert code == 1
    assert f"{key}: blocks[0].reason: 'tampered' != " in out and "1 differ" in out


def test_clean_same_can_check_the_other_extractor_options(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`--option fast=false` runs the cleaner with that extractor option (the process's own options dict)."""
    from triage_app.core.clean import html_prepare

    monkeypatch.setattr(html_prepare, "TRAFILATURA_OPTIONS", dict(html_prepare.TRAFILATURA_OPTIONS))
    _page_set(tmp_path / "sets")
    code, _out = _bench("clean-same", "record", str(tmp_path / "r.jsonl.gz"), "--root", str(tmp_path / "sets"), "--option", "fast=false")
    assert code == 0
    assert html_prepare.TRAFILATURA_OPTIONS["fast"] is False


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


# Characters of every kind the tokenizer treats apart: ASCII words and punctuation, Latin-1 letters and
# signs, the typographic punctuation it blanks, other scripts, combining marks, white space of all kinds, the
# characters it deletes.
TEXT_CHARS = st.text(
    alphabet=st.sampled_from(
        list("aZ09_ .,;'-\t\n\r\x0b\x0c\x1c\x1f\x85\xa0\xadµ°ßÄéÿ×÷«»¿İΣσς") + list("\u2019\u201c\u2014\u2026\u20ac\u2192\u3000")
        + list("ąŁžİ字あ한\u0301\u0663\u00b2\u2167\ufb01\U0001d400\U0001f600\ud800")
        # invisible characters trafilatura deletes: zero-width space, non-joiner, joiner, direction mark, word joiner,
        # byte order mark, an unassigned code point
        + list("\u200b\u200c\u200d\u200e\u2060\ufeff\U00018cd6")
        # decomposed letters: "e" and a combining acute, a Hangul syllable's jamo
        + list("e\u0301\u1100\u1161")
    ),
    max_size=60,
)


def _printed(text: str) -> str:
    """`text` without what trafilatura deletes from its text (neither printable nor white space), composed (NFC)."""
    import unicodedata

    return unicodedata.normalize("NFC", "".join(ch for ch in text if ch.isprintable() or ch.isspace()))


@settings(max_examples=400, deadline=None)
@given(TEXT_CHARS)
def test_words_are_the_regex_tokens(text: str) -> None:
    """The byte-translation tokenizer gives exactly `re.findall(r"\\w+", text.lower())` once the characters
    trafilatura deletes are deleted (a soft hyphen or a zero-width non-joiner joins the word around it)."""
    import re

    from triage_app.core.clean.tokens import words

    assert words(text) == re.findall(r"\w+", _printed(text.lower()))


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXT_CHARS, max_size=8))
def test_words_of_lines_are_each_lines_words(texts: list[str]) -> None:
    """Many texts in one pass give each text's own tokens (texts holding line feeds included: those go
    one by one)."""
    from triage_app.core.clean.tokens import words, words_of_lines

    assert words_of_lines(texts) == [words(t) for t in texts]


@settings(max_examples=300, deadline=None)
@given(TEXT_CHARS)
def test_normalise_is_the_regex_substitution(text: str) -> None:
    """`normalise` (now the tokens joined) is still `\\W+` replaced by a space, ends stripped (on the text without
    what trafilatura deletes)."""
    import re

    from triage_app.core.clean.patterns import normalise

    assert normalise(text) == re.sub(r"\W+", " ", _printed(text.lower())).strip()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 0123456789.,é\u0663\u00b2")), max_size=30))
def test_template_key_zeroes_digits_as_the_regex_did(text: str) -> None:
    import hashlib
    import re

    from triage_app.core.clean.patterns import normalise, template_key

    expected = hashlib.blake2b(re.sub(r"\d", "0", normalise(text)).encode("utf-8"), digest_size=8).hexdigest()
    assert template_key(text) == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(TEXT_CHARS, max_size=8))
def test_a_block_norm_is_its_text_normalised(texts: list[str]) -> None:
    """`RawBlock.norm` (its tokens joined once they are made) is `normalise(text)`, and its template key
    is the text's."""
    from triage_app.core.clean.extraction_map import block_tokens
    from triage_app.core.clean.html_blocks import RawBlock
    from triage_app.core.clean.patterns import normalise, normalised_key, template_key

    blocks = [RawBlock(text, "paragraph", "dom:/p", "p") for text in texts]
    assert [b.norm for b in blocks] == [normalise(t) for t in texts]  # before the tokens are made
    block_tokens(blocks)
    assert [b.norm for b in blocks] == [normalise(t) for t in texts]
    assert [normalised_key(b.norm) for b in blocks] == [template_key(t) for t in texts]


WORDS = st.sampled_from(["alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta", "iota"])
SENTENCES = st.lists(WORDS, min_size=0, max_size=14).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(SENTENCES, min_size=1, max_size=8), st.lists(SENTENCES, max_size=10))
def test_numbered_block_shingles(extraction_lines: list[str], texts: list[str]) -> None:
    """Each listed block's shingles carry the extraction's id for a shingle it has and one shared new id
    past them otherwise; a block is listed exactly when it has 4+ tokens, most in the extraction; and
    the count of the extraction's shingles they hold is what `extraction_coverage` may stop at."""
    from triage_app.core.clean import extraction_map as H
    from triage_app.core.clean.html_blocks import RawBlock
    from triage_app.core.clean.html_prepare import ENOUGH_COVERAGE

    shingles = H.extraction_shingles("\n".join(extraction_lines))
    blocks = [RawBlock(text, "paragraph", "dom:/p", "p") for text in texts]
    token_lists = H.block_tokens(blocks)
    numbered = H.number_block_shingles(shingles, token_lists)
    vocabulary = set(shingles.tokens)
    expected = [i for i, t in enumerate(token_lists) if len(t) >= 4 and sum(w in vocabulary for w in t) >= 0.5 * len(t)]
    assert sorted(numbered.lists) == expected
    new_ids: dict[tuple[str, ...], int] = {}
    held = set()
    for i in expected:
        tokens = token_lists[i]
        grams = list(zip(tokens, tokens[1:], tokens[2:], tokens[3:]))
        assert len(numbered.lists[i]) == len(grams)
        for gram, ident in zip(grams, numbered.lists[i]):
            if gram in shingles.ids:
                assert ident == shingles.ids[gram]
                held.add(gram)
            else:
                assert ident >= len(shingles.sequence) and new_ids.setdefault(gram, ident) == ident
    assert numbered.in_extraction == len(held)
    exact = H.extraction_coverage(shingles, blocks, enough=ENOUGH_COVERAGE)
    quick = H.extraction_coverage(shingles, blocks, numbered, enough=ENOUGH_COVERAGE)
    assert quick == exact if exact < ENOUGH_COVERAGE else quick >= ENOUGH_COVERAGE
    # the mapping gives the same verdicts with the numbering made for it or made again
    extracted = "\n".join(extraction_lines)
    if shingles.tokens:
        assert H.map_extraction(blocks, extracted, shingles=shingles, numbered=numbered) == H.map_extraction(blocks, extracted)


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
