"""How a page's text is read: repeats, unmapped extraction, a self-closed <html>, wrapped and CJK/Thai dumps."""

from __future__ import annotations

import textwrap

import pytest
from clean_page_support import SENTENCE, STORY
from clean_page_support import html_doc as _html

from triage_app.core.clean import clean_document, clean_text
from triage_app.core.clean.html_parse import parse_html


def test_repeated_paragraphs_stay_without_article_element() -> None:
    refrain = "<p>We shall overcome, we shall overcome, we shall overcome some day, oh deep in my heart.</p>"
    body = "".join(f"<p>{SENTENCE.replace('bridge', w) * 2}</p>{refrain}" for w in ("bridge", "tunnel", "dam"))
    result = clean_document(_html(f"<html><head><title>Notes</title></head><body><div class='x'>{body}</div></body></html>"))
    assert result.text.count("We shall overcome, we shall") == 3


def test_hard_wrapped_dump_is_rejoined_with_line_provenance() -> None:
    paragraphs = [SENTENCE.replace("bridge", w) * 3 for w in ("bridge", "tunnel", "dam", "road")]
    menu = "Home\nNews\nSport\nWeather\nContact\n"
    dump = menu + "\nBridge plans\n\n" + "\n\n".join(textwrap.fill(p, 72) for p in paragraphs) + "\n\nCopyright 2024 Example News\n"
    result = clean_text(dump)
    kept = [b for b in result.blocks if b.kept]
    assert [b.text for b in kept] == [" ".join(p.split()) for p in paragraphs]
    first = kept[0].source
    start, end = (int(n) for n in first.removeprefix("lines:").split("-"))
    assert end - start == len(textwrap.wrap(paragraphs[0], 72)) - 1
    assert not any(b.kept for b in result.blocks if b.text in ("Home", "News", "Sport"))


def test_browser_dump_with_long_lines_is_left_alone() -> None:
    dump = "\n\n".join(SENTENCE * 3 for _ in range(4))
    assert [b.source for b in clean_text(dump).blocks] == [f"lines:{n}-{n}" for n in (1, 3, 5, 7)]


def test_cjk_caption_lines_are_not_navigation() -> None:
    dump = (
        "首页\n新闻\n博客\n关于我们\n\n"
        "这是我们今年春天去北京旅行时拍的照片，天气很好，游客也不多。我们第一天去了故宫，人非常多，但是建筑非常壮观，值得一看。\n\n"
        "图为天坛公园的祈年殿，摄于清晨\n图为颐和园的长廊，阳光很好\n图为什刹海边的胡同，非常安静\n图为长城慕田峪段，山上风很大\n\n"
        "第二天我们去了长城，虽然很累，但是风景非常美丽。下山的时候我们坐了滑道，孩子们都很喜欢。晚上我们在胡同里吃了烤鸭，味道很好。\n"
    )
    result = clean_text(dump)
    kept = {b.text for b in result.blocks if b.kept}
    assert "图为颐和园的长廊，阳光很好" in kept and "图为长城慕田峪段，山上风很大" in kept
    assert "关于我们" not in kept


def test_thai_is_measured_like_cjk_in_dumps() -> None:
    """Thai (like Lao, Myanmar, Khmer) puts no spaces between words: a long Thai sentence is not a one-word title line."""
    story = ("รัฐบาลอนุมัติกฎหมายใหม่เพื่อสนับสนุนธุรกิจขนาดเล็กเมื่อวันพุธ รัฐมนตรีกล่าวว่าภาระภาษีของผู้ประกอบการ"
             "จะลดลงตั้งแต่ปีหน้า ฝ่ายค้านวิจารณ์ร่างกฎหมายและเรียกร้องความโปร่งใสมากขึ้นในการจัดสรรเงินอุดหนุน")
    result = clean_text(f"ข่าวเศรษฐกิจ\n\n{story}\n\n{story[::-1]}\n")
    assert result.title == "ข่าวเศรษฐกิจ"


def test_extraction_our_walk_cannot_map_is_kept_as_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    from triage_app.core.clean import html_extract, html_prepare

    story = STORY
    # The extractor found text that is not in any block of our walk (as from a JSON blob in <head>)
    monkeypatch.setattr(html_prepare, "run_trafilatura", lambda html, tree=None: "\n".join(story))
    other = "Opening hours of the museum shop change in winter; please call ahead before you visit us. " * 2
    page = f"<html><head><title>Tunnel</title></head><body><nav><a href='/'>Home</a></nav><p>{other}</p></body></html>"
    outcome = html_extract.clean_html(page)
    assert outcome is not None
    blocks, reasons, _meta = outcome
    kept = [b for b, r in zip(blocks, reasons) if r is None]
    assert [b.text for b in kept] == [s.strip() for s in story] and kept[0].path == "extraction:/line[1]"
    off = html_extract.clean_html(page, disabled=frozenset({"unmapped"}))
    assert off is not None and not any("herons" in b.text for b in off[0])
    # When the page's blocks hold the extraction, they are used as before
    monkeypatch.setattr(html_prepare, "run_trafilatura", lambda html, tree=None: other)
    mapped = html_extract.clean_html(page)
    assert mapped is not None and not mapped[0][0].path.startswith("extraction:")


def test_a_self_closed_html_tag_does_not_empty_the_page() -> None:
    """`<html lang="en"/>` (an XHTML page written wrong): libxml2 took it for the whole page and dropped the rest, so
    the page was cleaned without its DOM (no title, the headline called navigation, no paths for the reader).
    trafilatura and browsers open it; so does the parse now."""
    from triage_app.core.clean.engine import clean_html_document

    story = " ".join(f"Paragraph {n} says the ferry ran on time all winter while the old pier was rebuilt." for n in range(5))
    page = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml" lang="en"/>\n'
        "<head><title>Ferry crossing - Gazette</title></head><body><div id='nav'><a href='/'>Home</a> <a href='/n'>News</a></div>"
        f"<div id='content'><h1>Ferry crossing</h1><p>{story}</p><p>{story} Again.</p></div></body></html>"
    )
    tree = parse_html(page)
    assert tree is not None and tree.find(".//h1") is not None
    result = clean_html_document(page)
    assert result.title == "Ferry crossing"
    assert result.text.startswith("Ferry crossing") and all(b.source.startswith("dom:/html/body") for b in result.blocks)
