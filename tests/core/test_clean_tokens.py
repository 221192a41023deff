"""The cleaner's faster tokenizer and shingles give what the regular expressions and the plain count gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
