"""Finding a publication date in a line of text and writing it as ISO 8601 (with offset when known)."""

from __future__ import annotations

import re
from datetime import datetime

# Month names and their common abbreviations: English, German, French, Spanish, Italian, Portuguese, Dutch, Indonesian,
# Swedish and Danish (the rest of theirs are the same words), and the genitive (and nominative) of Russian, Ukrainian,
# Polish and Czech, Turkish, Romanian, Greek's genitive, Arabic's (Egyptian and Gulf), Hungarian and Persian.
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan janvier janv januar enero ene gennaio janeiro januari"
            " января январь янв січня stycznia styczeń ledna leden ocak ianuarie ιανουαρίου يناير január ژانویه",
            "february feb febr février févr fevr februar febrero febbraio fevereiro fev februari"
            " февраля февраль фев лютого lutego luty února únor şubat februarie φεβρουαρίου فبراير február فوریه",
            "march mar mars marts märz mär mrz marzo março maart mrt maret"
            " марта март березня marca marzec března březen mart martie μαρτίου مارس március",
            "april apr avril avr abril abr aprile"
            " апреля апрель апр квітня kwietnia kwiecień dubna duben nisan aprilie απριλίου أبريل إبريل április آوریل",
            "may mai mayo maggio maio mei maj"
            " мая май травня maja května květen mayıs μαΐου مايو május مه",
            "june jun juin juni junio giugno giu junho"
            " июня июнь червня czerwca czerwiec června červen haziran iunie ιουνίου يونيو يونيه június ژوئن",
            "july jul juillet juil juli julio luglio lug julho"
            " июля июль липня lipca lipiec července červenec temmuz iulie ιουλίου يوليو يوليه július ژوئیه",
            "august aug août agosto augustus agustus augusti"
            " августа август серпня sierpnia sierpień srpna srpen ağustos αυγούστου أغسطس augusztus اوت",
            "september sep sept septembre septiembre settembre setembro"
            " сентября сентябрь вересня września wrzesień září eylül septembrie σεπτεμβρίου سبتمبر szeptember سپتامبر",
            "october oct octobre oktober okt octubre ottobre ott outubro"
            " октября октябрь жовтня października październik října říjen ekim octombrie οκτωβρίου أكتوبر október اکتبر",
            "november nov novembre noviembre novembro"
            " ноября ноябрь листопада listopada listopad listopadu kasım noiembrie νοεμβρίου نوفمبر نوامبر",
            "december dec décembre déc dezember dez diciembre dic dicembre dezembro desember"
            " декабря декабрь грудня grudnia grudzień prosince prosinec aralık decembrie δεκεμβρίου ديسمبر دسامبر",
        ),
        start=1,
    )
    for name in names.split()
}
SOLAR_HIJRI_MONTHS = {
    name: number
    for number, names in enumerate(
        ("فروردین حمل", "اردیبهشت ثور", "خرداد جوزا", "تیر سرطان", "مرداد امرداد اسد", "شهریور سنبله", "مهر میزان",
         "آبان عقرب", "آذر قوس", "دی جدی", "بهمن دلو", "اسفند حوت"),
        start=1,
    )
    for name in names.split()
}
"""The months of the Solar Hijri calendar, Iran's (Farvardin ... Esfand) and Afghanistan's (Hamal ... Hut): a date
named with one ("۱۲ مرداد ۱۴۰۳") is converted to the Gregorian date (`solar_hijri_to_gregorian`)."""
SOLAR_HIJRI_YEARS = (1300, 1420)
"""Year-first digits in these years ("۱۴۰۳/۰۵/۱۲", "1403-05-12", Gregorian 1921-2042) are Solar Hijri dates. The lunar
Hijri calendar of Arabic sites counts its years in the same digits (1446 is 2024) and is not converted: such a date
in 1421 or later, one written in Arabic-Indic digits (٠-٩, not Persian ۰-۹) or marked "هـ" gives no date; a lunar
date before 1421 (the year 2000) written without its mark would be read as Solar Hijri."""


def solar_hijri_to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int] | None:
    """The Gregorian (year, month, day) of a Solar Hijri date, or None when there is no such day (jdatetime's
    arithmetic calendar, which agrees with Iran's official one in these years)."""
    import jdatetime  # type: ignore[import-untyped]  # only when a Solar Hijri date is found (13 ms to import)

    try:
        gregorian = jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return None
    return gregorian.year, gregorian.month, gregorian.day


# Offsets of common zone abbreviations (the ones news sites print after a time).
ZONES = {
    "utc": "+00:00", "gmt": "+00:00", "z": "+00:00", "est": "-05:00", "edt": "-04:00", "cst": "-06:00",
    "cdt": "-05:00", "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00", "bst": "+01:00",
    "cet": "+01:00", "cest": "+02:00", "ist": "+05:30", "jst": "+09:00", "aest": "+10:00", "et": None,
    "msk": "+03:00", "wib": "+07:00", "wita": "+08:00", "wit": "+09:00",
}
_TIME = r"(?:\s*(?:at|às|à|um|om|alle|a las|ساعت|,|-|–)?\s*(?P<h>\d{1,2})[:.h](?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*(?P<tz>[A-Za-z]{1,4})\b)?)?"
# A month's place holds any word of letters; it is a month when `MONTHS` has it (`_named`). One alternation of all
# the names in all the languages made these searches three times slower than the table lookup.
_MONTH = r"(?P<mon>[^\W\d_]{2,12})"
_DMY = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?{_MONTH}\.?,?\s+(?:de\s+)?(?P<y>\d{{4}}){_TIME}", re.I)
_MDY = re.compile(rf"\b{_MONTH}\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_TIME}", re.I)
_YMD_NAMED = re.compile(rf"\b(?P<y>\d{{4}})\.?\s+{_MONTH}\.?\s+(?P<d>\d{{1,2}})\.?(?!\d){_TIME}", re.I)
"""Year first with the month's name: Hungarian "2024. március 12."."""
_NAMED = (_DMY, _MDY, _YMD_NAMED)
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\.\d+)?(?P<off>Z|[+-]\d{2}:?\d{2})?)?")
_NUMERIC = re.compile(r"\b(?P<d>\d{1,2})[./](?P<mo>\d{1,2})[./](?P<y>\d{4})" + _TIME)
_YMD = re.compile(
    r"(?<![/\w.])(?P<y>\d{4})(?:/(?P<mo>\d{1,2})/(?P<d>\d{1,2})(?![/\w])|\.\s?(?P<mo2>\d{1,2})\.\s?(?P<d2>\d{1,2})\.|\.(?P<mo3>\d{2})\.(?P<d3>\d{2})\b"
    r"|\s*[年년]\s*(?P<mo4>\d{1,2})\s*[月월]\s*(?P<d4>\d{1,2})\s*[日일]?)" + _TIME
)
"""Year first: "2024/03/12", "2024. 3. 12." and "2024.03.12" (Korean, Hungarian; a dotted date with one-digit parts
only with its closing dot, so "version 2024.1.3" is none), "2024年3月12日" (Chinese, Japanese), "2024년 3월 12일".
Not inside a path: "/2012/08/08/" of an address is no date of the line."""


_YEAR_FIRST = (_ISO, _YMD)
"""Year-first digits are a date only in 1900-2099: a Persian site writes its dates in Iran's Solar Hijri calendar in
the same shapes ("۱۴۰۳/۰۵/۱۲", "۱۴۰۳-۰۵-۱۲"), which read as Gregorian were dates in the year 1403 (they are not
converted; they give no date). Persian digits are digits: "۲۰۲۴/۰۳/۱۲" is 2024-03-12."""


def _ymd(m: re.Match[str]) -> tuple[int, int]:
    """Month and day of a `_YMD` match, whichever of its spellings matched."""
    for mo, d in (("mo", "d"), ("mo2", "d2"), ("mo3", "d3"), ("mo4", "d4")):
        if m[mo]:
            return int(m[mo]), int(m[d])
    raise ValueError(m.group(0))


def _named(regex: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of a named-month regex whose month word is a month (of either calendar)."""
    for m in regex.finditer(text):
        word = m["mon"].lower().rstrip(".")
        if word in MONTHS or word in SOLAR_HIJRI_MONTHS:
            return m
    return None


_ARABIC_INDIC_DIGITS = frozenset("٠١٢٣٤٥٦٧٨٩")
_LUNAR_MARK = re.compile(r"\s*(?:هـ|ه‍|ھ|ق\b|AH\b)")


def _solar_year_first(m: re.Match[str]) -> bool:
    """A year-first date in `SOLAR_HIJRI_YEARS` that is not a lunar Hijri one (see there)."""
    low, high = SOLAR_HIJRI_YEARS
    return (low <= int(m["y"]) <= high and not _ARABIC_INDIC_DIGITS.intersection(m["y"])
            and _LUNAR_MARK.match(m.string, m.end()) is None)


def _date_match(regex: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of `regex` that is a date: a named month that is a month, a year-first date in 1900-2099 or
    in the Solar Hijri years."""
    if regex in _NAMED:
        return _named(regex, text)
    if regex in _YEAR_FIRST:
        return next((m for m in regex.finditer(text) if 1900 <= int(m["y"]) <= 2099 or _solar_year_first(m)), None)
    return regex.search(text)


def _build(y: int, mo: int, d: int, m: re.Match[str], *, solar: bool = False) -> str | None:
    """The ISO text of a date and the time `m` holds; a `solar` (Solar Hijri) date is converted first."""
    if solar:
        if (gregorian := solar_hijri_to_gregorian(y, mo, d)) is None:
            return None
        y, mo, d = gregorian
    try:
        datetime(y, mo, d)
    except ValueError:
        return None
    h = m.groupdict().get("h")
    if not h:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    hour, minute, second = int(h), int(m["mi"]), int(m["s"] or 0)
    ampm = (m.groupdict().get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    offset = ZONES.get((m.groupdict().get("tz") or "").lower()) or ""
    return f"{y:04d}-{mo:02d}-{d:02d}T{hour:02d}:{minute:02d}:{second:02d}{offset}"


def find_date(text: str) -> str | None:
    """The first plausible date in `text` as ISO 8601, or None ("2025-46-15" is not a date)."""
    if len(text) > 400:
        text = text[:400]
    for regex in _NAMED:
        m = _named(regex, text)
        if m:
            word = m["mon"].lower().rstrip(".")
            solar = word not in MONTHS
            iso = _build(int(m["y"]), SOLAR_HIJRI_MONTHS[word] if solar else MONTHS[word], int(m["d"]), m, solar=solar)
            if iso:
                return iso
    m = _date_match(_ISO, text)
    if m:
        y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
        if y < 1900:  # a Solar Hijri date (`_solar_year_first`)
            return _build(y, mo, d, m, solar=True)
        try:
            datetime(y, mo, d)
        except ValueError:
            return None
        if not m["h"]:
            return f"{y:04d}-{mo:02d}-{d:02d}"
        off = m["off"] or ""
        if off == "Z":
            off = "+00:00"
        elif off and ":" not in off:
            off = off[:3] + ":" + off[3:]
        return f"{y:04d}-{mo:02d}-{d:02d}T{int(m['h']):02d}:{int(m['mi']):02d}:{int(m['s'] or 0):02d}{off}"
    m = _NUMERIC.search(text)
    if m:
        return _build(int(m["y"]), int(m["mo"]), int(m["d"]), m)
    m = _date_match(_YMD, text)
    if m:
        return _build(int(m["y"]), *_ymd(m), m, solar=int(m["y"]) < 1900)
    return None


DATE_LABELS_ELSEWHERE = (
    "veröffentlicht|aktualisiert|publiziert|erschienen|publié|publiée|mis à jour|publicado|publicada|actualizado"
    "|atualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt"
)
"""A date's label in German, French, Spanish, Portuguese, Italian and Dutch ("Veröffentlicht am", "Publié le",
"Publicado el", "Atualizado em", "Pubblicato il", "Gepubliceerd op"): filler of a date line here, the start of a
published line in `patterns.PUBLISHED_LINE_RE`."""


WEEKDAYS_ELSEWHERE = (
    "понедельник|вторник|среда|среду|четверг|пятница|пятницу|суббота|субботу|воскресенье|пн|вт|ср|чт|пт|сб|вс"
    "|понеділок|вівторок|середа|середу|четвер|п[’']ятниця|п[’']ятницю|субота|суботу|неділя|неділю"
    "|poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela|pondělí|úterý|středa|čtvrtek|pátek|neděle"
    "|pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar|δευτέρα|τρίτη|τετάρτη|πέμπτη|παρασκευή|σάββατο|κυριακή"
    "|luni|marți|marţi|miercuri|joi|vineri|sâmbătă|sîmbătă|duminică|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag"
    "|mandag|tirsdag|lørdag|søndag|senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu"
    "|hétfő|kedd|szerda|csütörtök|péntek|szombat|vasárnap"
    "|يوم|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت"
    "|星期[一二三四五六日天]|礼拜[一二三四五六日天]|禮拜[一二三四五六日天]|周[一二三四五六日]|週[一二三四五六日]"
    "|[月火水木金土日]曜日?|[월화수목금토일]요일"
)
"""Weekdays of the languages whose month names `MONTHS` holds (Russian "вторник", Indonesian "Selasa", Arabic
"الثلاثاء", Chinese "星期二", Japanese "火曜日", Korean "화요일" ...): filler of a date line, as the Western ones are."""


_FILLER = re.compile(
    r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(segunda|terça|terca|quarta|quinta|sexta)-feira\b|\b(sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì"
    r"|sabato|domenica|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes"
    r"|miércoles|jueves|viernes|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b"
    r"|\b(ago|hours?|minutes?|mins?|days?|first|published|posted|updated|last updated|on|at|de|às|um|le|el|il|am|pm|a\.m\.|p\.m\.|et|est|edt|pst|pdt|cst|cdt|gmt|utc|bst|cet|cest|ist|jst|hrs|uhr)\b"
    # those labels, and the words around them and the time ("Stand:", "zuletzt", "alle ... ore", "op", "em", "a las")
    rf"|\b({DATE_LABELS_ELSEWHERE}|zuletzt|stand|modifié|alle|ore|laatst|op|em|a las)\b"
    # Persian weekdays ("سه‌شنبه", written with a zero-width non-joiner or a space) and "ساعت" (at, before a time)
    r"|\b(?:(?:یک|دو|سه|چهار|پنج)[\u200c ]?)?شنبه\b|\b(?:جمعه|ساعت)\b"
    # the other languages' weekdays and their time zones ("14:05 WIB", "МСК")
    rf"|\b({WEEKDAYS_ELSEWHERE}|wib|wita|wit|msk|мск)\b",
    re.IGNORECASE,
)


RELATIVE_TIMES_ELSEWHERE = (
    r"\d+\s*(?:секунд[уы]?|минут[уы]?|мин\.?|час(?:а|ов)?|ч\.|дн(?:я|ей)|день|недел[юиь]|месяц(?:а|ев)?|год(?:а)?|лет"
    r"|хвилин[уи]?|годин[уи]?|дн(?:і|ів)|тижн(?:і|ів)|місяц(?:і|ів)|рок(?:и|ів))\s+(?:назад|тому)"
    r"|\d+\s*(?:sekund[ya]?|minut[ya]?|godzin[ya]?|godz\.|dni|dzień|tygodni[ea]?|miesiąc[ea]?|miesięcy|lat[a]?|rok)\s+temu"
    r"|\d+\s*(?:saniye|dakika|dk\.|saat|gün|hafta|ay|yıl)\s+önce"
    r"|\d+\s*(?:秒|分钟|分鐘|分|小时|小時|時間|天|日|周|週間|个月|個月|ヶ月|か月|年)前"
    r"|\d+\s*(?:초|분|시간|일|주|개월|달|년)\s*전"
    r"|منذ\s+\d+\s*(?:ثانية|ثوان|دقيقة|دقائق|ساعة|ساعات|يوم|أيام|أسبوع|أسابيع|شهر|أشهر|سنة|سنوات)"
    r"|לפני\s+\d+\s*(?:שניות|דקות|דקה|שעות|שעה|ימים|יום|שבועות|שבוע|חודשים|חודש|שנים|שנה)"
)
"""A relative time in Russian, Ukrainian, Polish, Turkish, Chinese, Japanese, Korean, Arabic and Hebrew ("3 часа назад",
"3 godziny temu", "3 saat önce", "3小时前", "3시간 전", "منذ 3 ساعات", "לפני 3 שעות"): a date line when it is the whole
line (`_RELATIVE`), a commenter's stamp when it ends one (`dump_threads`); one fragment for both."""


_RELATIVE = re.compile(
    r"^((published|posted|updated|first published)\s+)?(about\s+)?\d+\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|years?)\s+ago\W*$"
    # the same in German, French, Spanish, Portuguese, Italian and Dutch ("vor 3 Std.", "il y a 2 jours", "3 ore fa")
    r"|^vor\s+\d+\s*(sek(\.|unden?)?|min(\.|uten?)?|std\.?|stunden?|tag(en)?|wochen?|monat(en)?|jahr(en)?)\W*$"
    r"|^il y a\s+\d+\s*(s|sec(\.|ondes?)?|min(\.|utes?)?|h|heures?|jours?|semaines?|mois|ans?)\W*$"
    r"|^(hace|há)\s+\d+\s*(s|seg(\.|undos?)?|min(\.|utos?)?|h|horas?|días?|dias?|semanas?|mes(es)?|mês|años?|anos?)\W*$"
    r"|^\d+\s*(secondi|minuti|min\.?|ore|ora|giorni|giorno|settimane|settimana|mesi|mese|anni|anno)\s+fa\W*$"
    r"|^\d+\s*(seconden|minuten|min\.?|uur|dagen|dag|weken|week|maanden|maand|jaar)\s+geleden\W*$"
    rf"|^(?:{RELATIVE_TIMES_ELSEWHERE})\W*$",
    re.IGNORECASE,
)


def is_date_line(text: str) -> bool:
    """A line that holds a date or time and little else ("Monday, 15 December 2025 04:46 PM", "2025-46-15")."""
    stripped = text.strip()
    if not stripped or len(stripped) > 80 or not any(map(str.isdigit, stripped)):
        return False
    # a line of digits in a date's shape is a date line whatever its calendar (a Solar Hijri "۱۴۰۳/۰۵/۱۲" gives no date)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", stripped) or _RELATIVE.match(stripped):
        return True
    rest = stripped
    for regex in (*_NAMED, _ISO, _NUMERIC, _YMD):
        m = _date_match(regex, rest)
        if m:
            rest = rest[: m.start()] + " " + rest[m.end() :]
            break
    else:
        return False
    rest = _FILLER.sub(" ", rest)
    return len(re.findall(r"[^\W\d_]{2,}", rest)) == 0
