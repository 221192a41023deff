"""Page structures the development sets hold few of, each on a small page made for the test.

Text separated by `<br>` only, `<font>` and `<center>`, a data table, lists, `<pre>` code, forty nested
`<div>`s, inline SVG and MathML, a two-paragraph page, a blockquote, a table layout, a definition list, a
figure caption, spans in `<body>`, a class word "hidden", a refrain, an aside in the middle, a paragraph of
links, a page that is only a list. On each, the cleaned text must hold the page's own text (F1 >= 0.93) and
score no lower than trafilatura with Triage's options (the library the cleaner is built on) by more than 0.02:
the cleaner's rules may not lose on a structure what the extractor finds. Eighth session of issue 11: on all
twenty pages Triage and trafilatura score the same.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from triage_app.bench._clean_score import page_f1, page_scores
from triage_app.core.clean import clean_document
from triage_app.core.clean.html_prepare import run_trafilatura
from triage_app.core.records import ParsedDocument

_WORDS = [
    'the', 'council', 'said', 'that', 'harbour', 'water', 'levels', 'rose', 'during', 'the', 'night', 'while',
    'engineers', 'checked', 'the', 'old', 'sea', 'wall', 'and', 'residents', 'waited', 'for', 'news', 'about',
    'the', 'repairs', 'planned', 'for', 'next', 'spring', 'season',
]
_NAV = ("<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li>"
        "<li><a href='/about'>About us</a></li></ul></nav>")
_FOOTER = ("<footer><p>Copyright 2024 Harbour Gazette. All rights reserved.</p>"
           "<p><a href='/privacy'>Privacy policy</a> | <a href='/terms'>Terms</a></p></footer>")

Page = tuple[str, str]  # (body markup, the page's own text)


class _Text:
    """Seeded sentences and paragraphs, so every run builds the same pages."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def sentence(self, words: int = 18) -> str:
        return " ".join(self.rng.choice(_WORDS) for _ in range(words)).capitalize() + "."

    def paragraph(self, sentences: int = 4) -> str:
        return " ".join(self.sentence(self.rng.randint(12, 22)) for _ in range(sentences))

    def paragraphs(self, count: int, sentences: int = 4) -> list[str]:
        return [self.paragraph(sentences) for _ in range(count)]


def _ps(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def _br_paragraphs(t: _Text) -> Page:
    ps = t.paragraphs(5)
    return "<div id='main'><h1>Breaks</h1>" + "<br><br>".join(ps) + "</div>", "\n\n".join(ps)


def _font_tags(t: _Text) -> Page:
    ps = t.paragraphs(4)
    return "<center><h1>Old page</h1></center>" + "".join(f"<font face='Arial' size='2'>{p}</font><br><br>" for p in ps), "\n\n".join(ps)


def _data_table(t: _Text) -> Page:
    intro = t.paragraph(2)
    rows = [(f"Station {i}", str(t.rng.randint(10, 99)), str(t.rng.randint(100, 999))) for i in range(12)]
    cells = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
    table = f"<table><thead><tr><th>Station</th><th>Level</th><th>Flow</th></tr></thead><tbody>{cells}</tbody></table>"
    return f"<main><h1>Water levels</h1><p>{intro}</p>{table}</main>", intro + "\n\n" + "\n".join(" ".join(r) for r in rows)


def _ordered_list(t: _Text) -> Page:
    intro, items = t.paragraph(2), [t.sentence(10) for _ in range(8)]
    return f"<article><h1>Steps</h1><p>{intro}</p><ol>" + "".join(f"<li>{x}</li>" for x in items) + "</ol></article>", intro + "\n\n" + "\n".join(items)


def _pre_code(t: _Text) -> Page:
    ps, code = t.paragraphs(3, 3), "def level(x):\n    return x * 2\n\nprint(level(4))"
    return f"<article><h1>Code</h1><p>{ps[0]}</p><pre><code>{code}</code></pre>{_ps(ps[1:])}</article>", "\n\n".join([ps[0], code, *ps[1:]])


def _deep_divs(t: _Text) -> Page:
    ps = t.paragraphs(4)
    inner = _ps(ps)
    for _ in range(40):
        inner = f"<div class='wrap'>{inner}</div>"
    return "<h1>Deep</h1>" + inner, "\n\n".join(ps)


def _svg_and_math(t: _Text) -> Page:
    ps = t.paragraphs(4)
    return (f"<article><h1>Svg</h1><p>{ps[0]}</p><svg width='10' height='10'><title>icon</title><circle r='4'/></svg>"
            f"<p>{ps[1]}</p><math><mi>x</mi></math>{_ps(ps[2:])}</article>"), "\n\n".join(ps)


def _two_paragraphs(t: _Text) -> Page:
    ps = [t.sentence(15), t.sentence(14)]
    return f"<div><h1>Short note</h1>{_ps(ps)}</div>", "\n\n".join(ps)


def _blockquote(t: _Text) -> Page:
    ps, quote = t.paragraphs(3), t.sentence(20)
    return f"<article><h1>Quote</h1><p>{ps[0]}</p><blockquote><p>{quote}</p></blockquote>{_ps(ps[1:])}</article>", "\n\n".join([ps[0], quote, *ps[1:]])


def _table_layout(t: _Text) -> Page:
    ps = t.paragraphs(4)
    return ("<table width='100%'><tr><td width='20%'><a href='/a'>Link A</a><br><a href='/b'>Link B</a></td>"
            f"<td><h1>Layout</h1>{_ps(ps)}</td></tr></table>"), "\n\n".join(ps)


def _definition_list(t: _Text) -> Page:
    intro, terms = t.paragraph(2), [(f"Term {i}", t.sentence(12)) for i in range(5)]
    dl = "".join(f"<dt>{a}</dt><dd>{b}</dd>" for a, b in terms)
    return f"<article><h1>Terms</h1><p>{intro}</p><dl>{dl}</dl></article>", intro + "\n\n" + "\n".join(f"{a}\n{b}" for a, b in terms)


def _figure_caption(t: _Text) -> Page:
    ps, caption = t.paragraphs(3), "The old sea wall at dawn, seen from the north pier."
    return (f"<article><h1>Figure</h1><p>{ps[0]}</p><figure><img src='a.jpg' alt=''><figcaption>{caption}</figcaption></figure>"
            f"{_ps(ps[1:])}</article>"), "\n\n".join([ps[0], caption, *ps[1:]])


def _spans_in_body(t: _Text) -> Page:
    ps = t.paragraphs(3)
    return "<h1>Spans</h1>" + "".join(f"<span>{p}</span><br><br>" for p in ps), "\n\n".join(ps)


def _class_word_hidden(t: _Text) -> Page:
    ps = t.paragraphs(4)
    return f"<div class='js-hidden-until-loaded content'><h1>Hidden?</h1>{_ps(ps)}</div>", "\n\n".join(ps)


def _refrain(t: _Text) -> Page:
    verse, chorus = t.paragraph(2), t.sentence(12)
    return f"<div><h1>Song</h1>{_ps([verse, chorus, verse, chorus])}</div>", "\n\n".join([verse, chorus, verse, chorus])


def _aside_in_the_middle(t: _Text) -> Page:
    ps = t.paragraphs(4)
    aside = "<aside><h3>Read more</h3><ul><li><a href='/x'>Other story one</a></li><li><a href='/y'>Other story two</a></li></ul></aside>"
    return f"<article><h1>Aside</h1>{_ps(ps[:2])}{aside}{_ps(ps[2:])}</article>", "\n\n".join(ps)


def _paragraph_of_links(t: _Text) -> Page:
    ps, words = t.paragraphs(3), t.sentence(16).split()
    linked = " ".join(f"<a href='/r{i}'>{w}</a>" for i, w in enumerate(words))
    return f"<article><h1>Links</h1><p>{ps[0]}</p><p>{linked}</p>{_ps(ps[1:])}</article>", "\n\n".join([ps[0], " ".join(words), *ps[1:]])


def _only_a_list(t: _Text) -> Page:
    items = [t.sentence(6) for _ in range(10)]
    return "<main><h1>Checklist</h1><ul>" + "".join(f"<li>{x}</li>" for x in items) + "</ul></main>", "\n".join(items)


def _sections(t: _Text) -> Page:
    parts = [(f"Part {i}", t.paragraph(3)) for i in range(4)]
    return "<article><h1>Report</h1>" + "".join(f"<h2>{h}</h2><p>{p}</p>" for h, p in parts) + "</article>", "\n\n".join(f"{h}\n\n{p}" for h, p in parts)


STRUCTURES: dict[str, Callable[[_Text], Page]] = {
    "br-paragraphs": _br_paragraphs, "font-tags": _font_tags, "data-table": _data_table, "ordered-list": _ordered_list,
    "pre-code": _pre_code, "deep-divs": _deep_divs, "svg-and-math": _svg_and_math, "two-paragraphs": _two_paragraphs,
    "blockquote": _blockquote, "table-layout": _table_layout, "definition-list": _definition_list,
    "figure-caption": _figure_caption, "spans-in-body": _spans_in_body, "class-word-hidden": _class_word_hidden,
    "refrain": _refrain, "aside-in-the-middle": _aside_in_the_middle, "paragraph-of-links": _paragraph_of_links,
    "only-a-list": _only_a_list, "sections": _sections,
}


@pytest.mark.parametrize("name", sorted(STRUCTURES))
def test_the_cleaner_keeps_what_the_extractor_finds_on_each_structure(name: str) -> None:
    body, own_text = STRUCTURES[name](_Text(sorted(STRUCTURES).index(name)))
    html = f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{name} - Harbour Gazette</title></head><body>{_NAV}{body}{_FOOTER}</body></html>"
    cleaned = clean_document(ParsedDocument(f"{name}.html", b"", "html", "utf-8", html=html))
    ours = page_f1(*page_scores(own_text, cleaned.text))
    library = page_f1(*page_scores(own_text, run_trafilatura(html) or ""))
    assert ours >= 0.93, (name, ours, cleaned.text[:300])
    assert ours >= library - 0.02, (name, ours, library)
    assert "Privacy policy" not in cleaned.text and "About us" not in cleaned.text
