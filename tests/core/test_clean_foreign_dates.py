"""Date lines in other languages, scripts and calendars: labels, weekdays, relative times, Solar Hijri dates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage_app.core.clean import patterns as P
from triage_app.core.clean.dates import find_date, is_date_line

DATE_LINES = {
    "Veröffentlicht am 12. März 2024, 14:05 Uhr": "2024-03-12T14:05:00",
    "Stand: 12.03.2024, 14:05 Uhr": "2024-03-12T14:05:00",
    "publiziert am 25. September 2018": "2018-09-25",
    "Publié le 12 mars 2024 à 14h05": "2024-03-12T14:05:00",
    "Mis à jour le 3 avril 2023": "2023-04-03",
    "Publicado el 12 de marzo de 2024 a las 9:30": "2024-03-12T09:30:00",
    "Atualizado em 5 de maio de 2021": "2021-05-05",
    "Pubblicato il 12 marzo 2024 alle 14:05": "2024-03-12T14:05:00",
    "sabato 12 marzo 2024": "2024-03-12",
    "Gepubliceerd op 12 maart 2024": "2024-03-12",
    "Bijgewerkt op 3 mei 2023 om 14:05": "2023-05-03T14:05:00",
    "zaterdag 12 augustus 2023": "2023-08-12",
}


@pytest.mark.parametrize("line", sorted(DATE_LINES))
def test_a_labelled_date_is_a_date_line(line: str) -> None:
    """"Published on ..." is a date line in English; its German, French, Spanish, Portuguese, Italian and Dutch forms
    (with Dutch month names, Italian and Dutch weekdays and "alle", "om", "a las" before the time) are too."""
    assert is_date_line(line)
    assert find_date(line) == DATE_LINES[line]


@pytest.mark.parametrize(
    "line",
    ["Am 12. März 2024 stimmte der Bundestag zu", "Die Opposition hat am 12.03.2024 protestiert", "Le 12 mars 2024, le maire a démissionné",
     "Stand der Arbeiten am 12. März 2024", "Op 12 maart 2024 opende de burgemeester de brug"],
)
def test_prose_with_a_date_is_not_a_date_line(line: str) -> None:
    assert not is_date_line(line)


@pytest.mark.parametrize("line", ["Veröffentlicht am 12. März 2024", "Stand: 12.03.2024", "Publié le 12 mars 2024", "Pubblicato il 12 marzo 2024",
                                  "Gepubliceerd op 12 maart 2024"])
def test_a_labelled_date_opens_a_published_line(line: str) -> None:
    assert P.PUBLISHED_LINE_RE.match(line)
    assert not P.PUBLISHED_LINE_RE.match("Standard-Tarife steigen am 12.03.2024")


DATES_OF_OTHER_SCRIPTS = {
    "2024年3月12日 14:05": "2024-03-12T14:05:00", "2024년 3월 12일": "2024-03-12", "2024/03/12 14:05": "2024-03-12T14:05:00",
    "2024. 3. 12.": "2024-03-12", "2024.03.12": "2024-03-12", "2024. március 12.": "2024-03-12", "12 марта 2024": "2024-03-12",
    "12 березня 2024": "2024-03-12", "12 marca 2024": "2024-03-12", "12. března 2024": "2024-03-12", "12 Mart 2024 14:05": "2024-03-12T14:05:00",
    "12 Μαρτίου 2024": "2024-03-12", "١٢ مارس ٢٠٢٤": "2024-03-12", "12 martie 2024": "2024-03-12", "Maret 30, 2015": "2015-03-30",
    "12 augusti 2024": "2024-08-12",
}
"""Year-first dates and month names of the languages read since the eighteenth session."""


SOLAR_HIJRI_DATES = {
    "۱۴۰۳/۰۵/۱۲": "2024-08-02",
    "1403/05/12": "2024-08-02",
    "۱۴۰۳-۰۵-۱۲": "2024-08-02",
    "۱۴۰۳-۰۵-۱۲ ۱۰:۳۰": "2024-08-02T10:30:00",
    "۱۲ مرداد ۱۴۰۳": "2024-08-02",
    "سه‌شنبه ۱۲ مرداد ۱۴۰۳ ساعت ۱۴:۰۵": "2024-08-02T14:05:00",
    "جمعه ۱۲ دی ۱۴۰۲": "2024-01-02",
    "۱ فروردین ۱۴۰۴": "2025-03-21",
    "۳۰ اسفند ۱۴۰۳": "2025-03-20",
    "۱۵ حمل ۱۴۰۳": "2024-04-03",
    "۲ اوت ۲۰۲۴": "2024-08-02",
}
"""Iran's and Afghanistan's calendar (Farvardin ... Esfand, Hamal ... Hut; year-first digits in 1300-1420), and the
Gregorian months as Persian writes them ("اوت")."""


WEEKDAY_DATE_LINES = {
    "Selasa, 12 Maret 2024 14:05 WIB": "2024-03-12T14:05:00+07:00",
    "Вторник, 12 марта 2024": "2024-03-12",
    "вівторок, 12 березня 2024": "2024-03-12",
    "wtorek, 12 marca 2024": "2024-03-12",
    "úterý 12. března 2024": "2024-03-12",
    "12 Mart 2024 Salı": "2024-03-12",
    "Τρίτη, 12 Μαρτίου 2024": "2024-03-12",
    "marți, 12 martie 2024": "2024-03-12",
    "tisdag 12 mars 2024": "2024-03-12",
    "mandag 12. marts 2024": "2024-03-12",
    "2024. március 12., kedd": "2024-03-12",
    "يوم الثلاثاء 12 مارس 2024": "2024-03-12",
    "2024年3月12日 星期二": "2024-03-12",
    "2024年3月12日 火曜日": "2024-03-12",
    "2024년 3월 12일 화요일": "2024-03-12",
}
"""The weekdays of the languages whose months are read (and Indonesia's and Moscow's time zones): such a line is a
date line as "Tuesday, 12 March 2024" is, not a line of text."""


DATES_ELSEWHERE = {**DATES_OF_OTHER_SCRIPTS, **SOLAR_HIJRI_DATES, **WEEKDAY_DATE_LINES}


@pytest.mark.parametrize("line", sorted(DATES_ELSEWHERE))
def test_dates_of_other_languages_scripts_and_calendars_are_date_lines(line: str) -> None:
    """Year-first dates (Chinese, Japanese, Korean, Hungarian; slashes and dots), month names of Russian, Ukrainian,
    Polish, Czech, Turkish, Greek, Arabic (with its own digits), Romanian, Indonesian and Swedish, Solar Hijri dates
    converted to Gregorian ones, and those dates with their weekdays: a date line with its date in ISO 8601."""
    assert is_date_line(line)
    assert find_date(line) == DATES_ELSEWHERE[line]


@pytest.mark.parametrize("line", ["Version 2024.1.3 released", "https://example.com/2012/08/08/world/story.html", "3 items 2024",
                                  "١٤٤٦/٠١/٠١", "1446/01/01", "Born 1789-07-14 in Paris"])
def test_a_version_an_address_or_a_lunar_hijri_date_is_no_date(line: str) -> None:
    """A year-first date gives a date only in 1900-2099 or in the Solar Hijri years (`SOLAR_HIJRI_YEARS`): an Arabic
    site's lunar Hijri "١٤٤٦/٠١/٠١" (its own digits) or "1446/01/01" (past the Solar years) is not converted, and
    read as Gregorian it would be a date in 1446. A line that is only such a date is still a date line."""
    assert find_date(line) is None
    assert is_date_line(line) == (line[:1] in "١1")


def test_a_day_the_solar_hijri_year_does_not_have_is_no_date() -> None:
    """1402 is no leap year: it has no 30 Esfand. 1403 has (test above)."""
    assert find_date("۳۰ اسفند ۱۴۰۲") is None
    assert find_date("1403/05/12 هـ") is None  # marked lunar Hijri


def test_a_persian_dump_gets_its_solar_hijri_date() -> None:
    """A Persian news page saved as text: the date line under the headline gives the Gregorian publication date."""
    from triage_app.core.clean import clean_text

    paragraphs = [
        "دولت روز سه‌شنبه اعلام کرد که برنامه تازه‌ای برای کاهش آلودگی هوا در پایتخت در سال آینده اجرا خواهد شد و"
        " خودروهای فرسوده به تدریج از خیابان‌ها جمع‌آوری می‌شوند.",
        "به گفته سخنگوی وزارت، حمل و نقل عمومی گسترش می‌یابد و ایستگاه‌های تازه مترو تا پایان سال ساخته می‌شوند تا"
        " مردم کمتر از خودروی شخصی استفاده کنند.",
        "کارشناسان می‌گویند این اقدامات کافی نیست و برای بهبود کیفیت هوا به سیاست‌های بلندمدت و هماهنگی میان"
        " نهادهای مختلف نیاز است.",
    ]
    dump = "\n".join(["خانه", "سیاست", "اقتصاد", "ورزش", "", "برنامه تازه دولت برای هوای پاک", "",
                      "سه‌شنبه ۱۲ مرداد ۱۴۰۳ ساعت ۱۴:۰۵", "", *(p + "\n" for p in paragraphs)])
    result = clean_text(dump)
    assert result.published == "2024-08-02T14:05:00"
    assert all(p in result.text for p in paragraphs)


def test_a_gregorian_date_in_persian_digits_is_a_date() -> None:
    assert find_date("۲۰۲۴/۰۳/۱۲") == find_date("۲۰۲۴-۰۳-۱۲") == "2024-03-12"


RELATIVE_TIMES = ["3 часа назад", "5 минут назад", "3 години тому", "3 godziny temu", "3 saat önce", "3小时前", "3時間前", "3시간 전",
                  "منذ 3 ساعات", "לפני 3 שעות"]


@pytest.mark.parametrize("line", RELATIVE_TIMES)
def test_relative_times_of_more_languages_are_date_lines_and_commenters_stamps(line: str) -> None:
    """Russian, Ukrainian, Polish, Turkish, Chinese, Japanese, Korean, Arabic and Hebrew relative times: a date line as
    the whole line, a stamp at the end of a commenter's line ("Иван Петров 3 часа назад"), from one fragment."""
    from triage_app.core.clean.dump_threads import _THREAD_MARK_RE

    assert is_date_line(line)
    assert _THREAD_MARK_RE.search(f"Иван Петров {line}")


@pytest.mark.parametrize("line", ["Он пришёл 3 часа назад и ушёл", "这座桥建于100年前", "3 saat önce başlayan toplantı sürüyor"])
def test_prose_with_a_relative_time_inside_is_neither(line: str) -> None:
    from triage_app.core.clean.dump_threads import _THREAD_MARK_RE

    assert not is_date_line(line) and not _THREAD_MARK_RE.search(line)


_DATE_PIECES = ["۱۴۰۳", "۱۴۲۰", "۱۲۹۹", "۰۵", "۳۰", "۳۱", "۱۲", "1403", "1446", "2024", "1899", "13", "32", "0", "/", "-", ".",
                " ", "مرداد", "اسفند", "دی", "مه", "حمل", "هـ", "March", "سه‌شنبه", "ساعت", "14:05", "٠١", "١٤٤٦"]


@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=9).map("".join))
@settings(max_examples=300, deadline=None)
def test_a_date_of_either_calendar_is_a_real_gregorian_day_or_none(text: str) -> None:
    """Whatever mix of Solar Hijri, lunar and Gregorian pieces a line holds, `find_date` gives a day that exists (in
    ISO 8601) or None, and never raises; a day named with a Solar Hijri month lands in the converted years."""
    from datetime import date

    from triage_app.core.clean.date_words import MONTHS

    found = find_date(text)
    if found is not None:
        day = date.fromisoformat(found[:10])
        if not any(word.lower() in MONTHS for word in text.split()) and not any(ch.isascii() and ch.isdigit() for ch in text):
            assert 1921 <= day.year <= 2099  # Persian digits only: Solar Hijri 1300-1420 or a Gregorian year-first date


def test_a_sentence_with_a_weekday_and_a_date_is_no_date_line() -> None:
    assert not is_date_line("Правительство в среду объявило 12 марта 2024")
    assert not is_date_line("Pemerintah pada hari Selasa, 12 Maret 2024 mengumumkan")


LABELLED_DATE_LINES = [
    "Опубликовано: 12 марта 2024, 14:05", "Обновлено: 12 марта 2024", "Опубліковано: 12 березня 2024",
    "Opublikowano: 12 marca 2024", "Publikováno: 12. března 2024", "Yayınlanma: 12 Mart 2024 14:05",
    "Δημοσιεύθηκε: 12 Μαρτίου 2024", "Publicat: 12 martie 2024", "Publicerad: 12 mars 2024", "Diterbitkan: 12 Maret 2024",
    "Publikálva: 2024. március 12.", "نشر في: 12 مارس 2024", "آخر تحديث: 12 مارس 2024", "发布时间：2024年3月12日",
    "公開日：2024年3月12日", "입력 2024.03.12 14:05", "Дата: 12 марта 2024",
]


@pytest.mark.parametrize("line", LABELLED_DATE_LINES)
def test_a_labelled_date_in_another_language_is_a_date_line(line: str) -> None:
    """"Published: <date>" in the languages whose months are read: a date line with its date."""
    assert is_date_line(line)
    assert find_date(line) is not None and find_date(line)[:10] == "2024-03-12"
