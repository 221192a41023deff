"""Invisible characters in pages (issue 11, eighteenth session): soft hyphens and word joiners are no part of the
cleaned text; the zero-width characters trafilatura deletes from its text are no part of the words the cleaner
compares with it, and accents written decomposed are composed for that comparison (and for the language), as
trafilatura composes its text.

German and Dutch news sites write `&shy;` into long words, Persian writes a zero-width non-joiner inside most of its
words. trafilatura deletes both from its text; the page's own blocks kept them, so a headline with soft hyphens, and
most Persian paragraphs, no longer matched the extractor's text and were removed, and a search for a word written
with soft hyphens found nothing (SQLite's tokenizer splits the word there).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from triage_app.core import jobs
from triage_app.core.clean import clean_document
from triage_app.core.clean import patterns as P
from triage_app.core.clean.invisible import without_invisible
from triage_app.core.library import Library, document_filter
from triage_app.core.library.document_filter import DocumentFilter
from triage_app.core.records import ParsedDocument

SHY = "&shy;"
GERMAN = [
    f"Die Bundes{SHY}regierung hat am Mittwoch ein neues Klima{SHY}schutz{SHY}programm beschlossen, das bis 2030 gelten soll und viele Bereiche betrifft.",
    f"Nach Angaben des Umwelt{SHY}ministeriums sollen die Emissionen im Verkehrs{SHY}sektor um ein Drittel sinken, vor allem durch mehr Bahn{SHY}verkehr.",
    f"Kritiker halten die Maß{SHY}nahmen für unzureichend und verweisen auf die Ziele, die sich die Regierung selbst gesetzt hat.",
]
GERMAN_TITLE = f"Neues Klima{SHY}schutz{SHY}programm"
PERSIAN = [
    "دولت ایران روز چهارشنبه اعلام کرد که برنامه‌های تازه‌ای برای کاهش آلودگی هوا در تهران اجرا خواهد کرد و این طرح‌ها از ماه آینده آغاز می‌شوند.",
    "به گفته سخنگوی وزارت محیط زیست، خودروهای فرسوده به تدریج از خیابان‌ها جمع‌آوری می‌شوند و حمل و نقل عمومی گسترش می‌یابد.",
    "کارشناسان می‌گویند این اقدامات کافی نیست و باید سیاست‌های بلندمدت‌تری در نظر گرفته شود تا کیفیت هوا بهتر شود.",
]
PERSIAN_TITLE = "برنامه‌های تازه برای هوای پاک"


def _page(title: str, paragraphs: list[str], lang: str, menu: str, footer: str) -> str:
    return (f"<html lang='{lang}'><head><title>{title}</title></head><body><nav><a href='/'>{menu}</a> <a href='/p'>{menu}</a></nav>"
            f"<article><h1>{title}</h1>{''.join(f'<p>{p}</p>' for p in paragraphs)}</article><footer>{footer}</footer></body></html>")


def _html(html: str) -> ParsedDocument:
    return ParsedDocument("page.html", html.encode(), "html", "utf-8", html=html)


def test_soft_hyphens_leave_the_text_and_the_headline_stays() -> None:
    result = clean_document(_html(_page(GERMAN_TITLE, GERMAN, "de", "Politik", "Impressum")))
    plain = [p.replace(SHY, "") for p in GERMAN]
    assert result.text.split("\n\n") == ["Neues Klimaschutzprogramm", *plain]
    assert result.title == "Neues Klimaschutzprogramm"
    assert "\xad" not in result.text and not any("\xad" in b.text for b in result.blocks)


def test_a_persian_page_keeps_every_paragraph_and_its_non_joiners() -> None:
    """The zero-width non-joiner is part of Persian spelling: it stays in the text; only the comparison with the
    extractor's text (which has none) leaves it out."""
    result = clean_document(_html(_page(PERSIAN_TITLE, PERSIAN, "fa", "خانه", "تماس با ما")))
    assert result.text.split("\n\n") == [PERSIAN_TITLE, *PERSIAN]
    assert "\u200c" in result.text


def test_a_dump_loses_its_soft_hyphens_and_word_joiners() -> None:
    text = "\ufeffStartseite\n\n" + "\n\n".join(p.replace(SHY, "\xad") for p in GERMAN) + "\n\nKlima\u2060schutz ist teuer, sagte die Ministerin am Abend.\n"
    result = clean_document(ParsedDocument("dump.txt", text.encode(), "text", "utf-8", text=text))
    assert "Die Bundesregierung hat am Mittwoch" in result.text
    assert "Klimaschutz ist teuer" in result.text
    assert not any(ch in b.text for b in result.blocks for ch in "\xad\u2060\ufeff")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Bundes\xadregierung", "Bundesregierung"), ("Klima\u2060schutz", "Klimaschutz"), ("\ufeffTitel", "Titel"),
     ("می‌خواهم", "می‌خواهم"), ("a\u200bb", "a\u200bb"), ("plain", "plain")],
)
def test_only_the_joining_invisible_characters_are_deleted(text: str, expected: str) -> None:
    assert without_invisible(text) == expected


def test_a_word_written_with_soft_hyphens_is_found_by_search(tmp_path: Path, fresh_library: Library) -> None:
    page = tmp_path / "klima.html"
    page.write_text(_page(GERMAN_TITLE, GERMAN, "de", "Politik", "Impressum"), encoding="utf-8")
    list(jobs.import_documents(fresh_library, [page]))
    for query in ("Bundesregierung", "Klimaschutzprogramm", "Umweltministeriums"):
        assert document_filter.find_ids(fresh_library.db, DocumentFilter(query=query)) == [1], query


VIETNAMESE = [
    "Chính phủ Việt Nam hôm thứ Tư đã công bố một chương trình mới nhằm giảm ô nhiễm không khí tại Hà Nội và Thành phố Hồ Chí Minh.",
    "Theo người phát ngôn của Bộ Tài nguyên và Môi trường, các phương tiện cũ sẽ dần bị loại bỏ khỏi đường phố và giao thông công cộng mở rộng.",
    "Các chuyên gia cho rằng những biện pháp này là chưa đủ và cần có những chính sách dài hạn hơn để cải thiện chất lượng không khí.",
]


def test_a_page_written_with_decomposed_accents_is_mapped_block_by_block_and_has_its_language() -> None:
    """trafilatura composes its text (NFC); the blocks of a page written decomposed (a letter, then its combining
    accents) had other word tokens, the extraction was found in none of them, and the page was cleaned from the
    extractor's lines alone: its menu and footer were not shown as removed, and its language was unknown."""
    title = unicodedata.normalize("NFD", "Chương trình mới cho không khí sạch")
    paragraphs = [unicodedata.normalize("NFD", p) for p in VIETNAMESE]
    result = clean_document(_html(_page(title, paragraphs, "vi", "Trang chủ", "Liên hệ")))
    assert [b.reason for b in result.blocks] == [P.NAVIGATION, None, None, None, None, P.FOOTER]
    assert all(b.source.startswith("dom:") for b in result.blocks)
    assert result.text.split("\n\n") == [title, *paragraphs]  # the text itself is the page's
    assert result.language == "vi"
