"""The words of dates in the languages the cleaner reads: month names of both calendars, weekdays, a date's
labels and the words around it, relative times. Tables only; `dates` reads lines with them."""

from __future__ import annotations

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
named with one ("۱۲ مرداد ۱۴۰۳") is converted to the Gregorian date (`dates.solar_hijri_to_gregorian`)."""
SOLAR_HIJRI_YEARS = (1300, 1420)
"""Year-first digits in these years ("۱۴۰۳/۰۵/۱۲", "1403-05-12", Gregorian 1921-2042) are Solar Hijri dates. The lunar
Hijri calendar of Arabic sites counts its years in the same digits (1446 is 2024) and is not converted: such a date
in 1421 or later, one written in Arabic-Indic digits (٠-٩, not Persian ۰-۹) or marked "هـ" gives no date; a lunar
date before 1421 (the year 2000) written without its mark would be read as Solar Hijri."""


DATE_LABELS_ELSEWHERE = (
    "veröffentlicht|aktualisiert|publiziert|erschienen|publié|publiée|mis à jour|publicado|publicada|actualizado"
    "|atualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt"
    "|опубликовано|обновлено|опубліковано|оновлено|opublikowano|zaktualizowano|publikováno|aktualizováno|zveřejněno"
    "|yayınlanma|güncellendi|güncelleme|δημοσιεύθηκε|ενημερώθηκε|publicat|actualizat|publicerad|publicerat|uppdaterad"
    "|uppdaterat|publiceret|opdateret|publisert|oppdatert|diterbitkan|dipublikasikan|diperbarui|publikálva|frissítve"
    "|közzétéve|发布时间|發布時間|更新时间|更新時間|公開日|更新日|기사입력"
)
"""A date's label in German, French, Spanish, Portuguese, Italian and Dutch ("Veröffentlicht am", "Publié le",
"Publicado el", "Atualizado em", "Pubblicato il", "Gepubliceerd op") and the other languages whose months are read
("Опубликовано:", "Opublikowano:", "Diterbitkan:", "发布时间：", "公開日："): filler of a date line here, the start of a
published line in `patterns.PUBLISHED_LINE_RE`."""
DATE_WORDS_ELSEWHERE = "дата|tarih|tarihi|datum|data|تاريخ|日期|日付|날짜|입력|수정|配信|发布|發布|更新|terbit|megjelent|نشر|نُشر|في|آخر|تحديث|النشر|الساعة"
"""Words around a date in those languages that are no label on their own ("date", "posted", "updated", Korean "입력"):
filler of a date line only."""


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
