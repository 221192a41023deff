"""Finding a publication date in a line of text and writing it as ISO 8601 (with offset when known); the words of
the languages it reads are in `date_words`."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from triage_app.core.clean.date_words import (
    DATE_LABELS_ELSEWHERE,
    DATE_WORDS_ELSEWHERE,
    MONTHS,
    RELATIVE_TIMES_ELSEWHERE,
    SOLAR_HIJRI_MONTHS,
    SOLAR_HIJRI_YEARS,
    WEEKDAYS_ELSEWHERE,
)


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
_NUMERIC = re.compile(r"\b(?P<d>\d{1,2})[./](?P<mo>\d{1,2})[./](?P<y>\d{4})" + _TIME, re.I)  # "PM" as "pm": see `_YMD`
_YMD = re.compile(
    r"(?<![/\w.])(?P<y>\d{4})(?:/(?P<mo>\d{1,2})/(?P<d>\d{1,2})(?![/\w])|\.\s?(?P<mo2>\d{1,2})\.\s?(?P<d2>\d{1,2})\.|\.(?P<mo3>\d{2})\.(?P<d3>\d{2})\b"
    r"|\s*[年년]\s*(?P<mo4>\d{1,2})\s*[月월]\s*(?P<d4>\d{1,2})\s*[日일]?)" + _TIME,
    re.I,  # "10:05 PM" as "10:05 pm" (without it the "PM" was read as a time zone, and the afternoon lost)
)
"""Year first: "2024/03/12", "2024. 3. 12." and "2024.03.12" (Korean, Hungarian; a dotted date with one-digit parts
only with its closing dot, so "version 2024.1.3" is none), "2024年3月12日" (Chinese, Japanese), "2024년 3월 12일".
Not inside a path: "/2012/08/08/" of an address is no date of the line."""


_YEAR_FIRST = (_ISO, _YMD)
"""Year-first digits are a date in 1900-2099 or, as Iran's Solar Hijri calendar, in `SOLAR_HIJRI_YEARS` ("۱۴۰۳/۰۵/۱۲" is
2024-08-02; see there for the lunar calendar's dates, which are not converted). Persian digits are digits:
"۲۰۲۴/۰۳/۱۲" is 2024-03-12."""


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
        day, month = int(m["d"]), int(m["mo"])
        if month > 12 >= day:  # "11/27/2012": month first, as the United States write it (day first, no month 27)
            day, month = month, day
        return _build(int(m["y"]), month, day, m)
    m = _date_match(_YMD, text)
    if m:
        return _build(int(m["y"]), *_ymd(m), m, solar=int(m["y"]) < 1900)
    return None


_URL_DATE = re.compile(r"/((?:19|20)\d{2})([/-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
"""A day in an address's path, as newspapers and blogs write their articles' addresses ("/2012/12/07/slug",
"/2012-12-07-slug"); a year and month alone ("/2012/12/") is an archive's address, no day."""
FIRST_WEB_YEAR = 1995


def url_date(url: str | None) -> str | None:
    """The day a web page's address carries in its path, YYYY-MM-DD, or None (not an http(s) address, no day there,
    no such day, before `FIRST_WEB_YEAR` or after tomorrow). The date a page was published under when it states none
    itself."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not (m := _URL_DATE.search(parts.path)):  # a web address: a file's
        return None  # folders ("file:///captures/2024/03/12/page.html") say when it was saved, not published
    try:
        day = date(int(m[1]), int(m[3]), int(m[4]))
    except ValueError:
        return None
    return day.isoformat() if date(FIRST_WEB_YEAR, 1, 1) <= day <= date.today() + timedelta(days=1) else None


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
    rf"|\b({WEEKDAYS_ELSEWHERE}|{DATE_WORDS_ELSEWHERE}|wib|wita|wit|msk|мск)\b",
    re.IGNORECASE,
)


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
