"""The page's chrome in other languages, second part (issue 11, eighteenth session): date lines with their label,
cookie notices, newsletter footers, "follow us", "no comments" and WordPress's comments header in German, French,
Spanish, Portuguese, Italian and Dutch, read as their English forms are; and prose with the same words is not.

No development text holds these lines (the sets are English), so each class is checked on lines and pages made here.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage_app.core.clean import clean_document, html_prepare
from triage_app.core.clean import patterns as P
from triage_app.core.clean import text_reasons as TR
from triage_app.core.clean.dates import find_date, is_date_line
from triage_app.core.records import CleanResult, ParsedDocument

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


COOKIE_NOTICES = [
    "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis bieten zu können.",
    "Diese Website verwendet Cookies. Wenn Sie die Website weiter nutzen, gehen wir von Ihrem Einverständnis aus.",
    "Ce site utilise des cookies pour vous garantir la meilleure expérience sur notre site.",
    "Utilizamos cookies para asegurar que damos la mejor experiencia al usuario en nuestro sitio web.",
    "Este site usa cookies para garantir que você obtenha a melhor experiência.",
    "Utilizziamo i cookie per essere sicuri che tu possa avere la migliore esperienza sul nostro sito.",
    "Deze website gebruikt cookies om je de beste ervaring te bieden.",
]
NEWSLETTER_FOOTERS = [
    "Sie erhalten diese E-Mail, weil Sie sich auf unserer Website angemeldet haben.",
    "Vous recevez cet e-mail car vous vous êtes inscrit sur notre site.",
    "Recibes este correo porque te registraste en nuestra web.",
    "Você está recebendo este e-mail porque se cadastrou em nosso site.",
    "Ricevi questa email perché ti sei registrato sul nostro sito.",
    "Je ontvangt deze e-mail omdat je je hebt aangemeld op onze website.",
]
PROSE = [
    "Die Kommission hat am Mittwoch neue Regeln für Cookies im Netz vorgestellt.",
    "Wir backen Cookies für das Fest am Samstag.",
    "Le gouvernement utilise des données pour ses prévisions.",
    "Das Erhalten der Daten dauerte drei Wochen.",
    "El museo recibe este mes una colección de pintura flamenca.",
    "Ich folge uns nicht mehr auf diesen Wegen, sagte sie.",
    "Il commento del ministro è arrivato in serata.",
]


@pytest.mark.parametrize("line", COOKIE_NOTICES)
def test_a_cookie_notice_is_named_in_six_languages(line: str) -> None:
    assert TR.long_reason(line) == P.PRIVACY


@pytest.mark.parametrize("line", NEWSLETTER_FOOTERS)
def test_a_newsletter_footer_is_named_in_six_languages(line: str) -> None:
    assert TR.long_reason(line) == P.NEWSLETTER


@pytest.mark.parametrize("line", ["Folgen Sie uns auf Instagram", "Suivez-nous sur Facebook", "Síguenos en X", "Siga-nos no Instagram", "Seguici su Facebook",
                                  "Volg ons op LinkedIn"])
def test_follow_us_is_the_footer(line: str) -> None:
    assert TR.text_reason(line) == P.FOOTER


@pytest.mark.parametrize("line", ["Keine Kommentare", "Aucun commentaire", "Sin comentarios", "Nenhum comentário", "Nessun commento", "Geen reacties",
                                  "1 Kommentar", "1 commento", "3 reacties"])
def test_no_comments_is_the_comments(line: str) -> None:
    assert TR.text_reason(line) == P.COMMENTS


@pytest.mark.parametrize("line", PROSE)
def test_prose_with_those_words_is_neither(line: str) -> None:
    assert TR.text_reason(line) is None and TR.long_reason(line) is None


@pytest.mark.parametrize(
    "line",
    ["2 thoughts on “Hello world!”", "One thought on “Hello world!”", "3 Gedanken zu „Das Sofa“", "Ein Gedanke zu „Das Sofa“",
     "3 réflexions sur « Le canapé »", "2 comentarios en «El sofá»", "2 comentários em “O sofá”", "2 pensieri su “Il divano”",
     "2 reacties op “De bank”"],
)
def test_wordpress_comments_header_opens_the_comments(line: str) -> None:
    assert P.COMMENTS_START_RE.match(line)


@pytest.mark.parametrize("line", ["3 Antworten auf die wichtigsten Fragen", "2 thoughts on the matter", "Ein Gedanke zum Schluss"])
def test_a_heading_that_counts_something_else_opens_no_comments(line: str) -> None:
    assert not P.COMMENTS_START_RE.match(line)


def _clean(text: str) -> CleanResult:
    return clean_document(ParsedDocument("dump.txt", text.encode(), "text", "utf-8", text=text))


def _kept(result: CleanResult) -> str:
    return "\n".join(b.text for b in result.blocks if b.reason is None)


POST = [
    "Ein britischer Designer hat einen kurzen Film gedreht, der zeigt, wie sein neues Sofa in der eigenen Werkstatt von Hand gebaut wird.",
    "Der Film folgt dem Rahmen vom ersten Schnitt in das Holz bis zum letzten Stich im Lederbezug, und er lässt sich dabei viel Zeit.",
    "Nur vier dieser Sofas entstehen in diesem Jahr, und an jedem arbeitet die Werkstatt ungefähr drei Wochen lang mit zwei Leuten.",
    "Die Kunden kommen aus ganz Europa, sagt der Designer, und die meisten von ihnen haben die Werkstatt vorher selbst besucht.",
]
COMMENTS = [
    "Vielen Dank für den Film, es ist eine Freude zu sehen, wie sorgfältig jedes Teil des Sofas gebaut und verarbeitet wird.",
    "Ich verfolge die Arbeit dieses Designers seit Jahren, und jedes neue Stück ist besser als das letzte; das Leder ist großartig.",
    "Weiß jemand, wo man dieses Sofa kaufen kann und ob die Werkstatt auch Bestellungen aus dem Ausland in anderen Größen annimmt?",
]


def test_a_german_blog_dump_loses_its_comments_under_wordpress_s_header_and_keeps_its_date() -> None:
    """A German WordPress dump: "Veröffentlicht am ..." under the title gives the date and is not the text; the
    comments under "3 Gedanken zu „...“" (each under its author and a date without a clock time, so no thread of
    stamps gives them away) are not the article."""
    comments: list[str] = []
    for name, day, comment in zip(["Maria", "Jonas Becker", "Lena"], [13, 14, 15], COMMENTS):
        comments += [name, f"{day}. März 2024", "", comment, ""]
    text = "\n".join(["Startseite", "Design", "Kunst", "", "Das Sofa aus der Werkstatt", "Veröffentlicht am 12. März 2024, 14:05 Uhr", "",
                      *"\n\n".join(POST).split("\n"), "", "3 Gedanken zu „Das Sofa aus der Werkstatt“", "", *comments,
                      "Folgen Sie uns auf Instagram", "Impressum", "Datenschutz"])
    result = _clean(text)
    kept = _kept(result)
    assert result.published == "2024-03-12T14:05:00"
    assert all(p in kept for p in POST)
    assert not any(c in kept for c in COMMENTS)
    assert "Veröffentlicht am" not in kept and "Folgen Sie uns" not in kept


def test_a_french_page_loses_the_cookie_notice_the_extractor_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """The extractor's text ends with the site's cookie notice: at the edge of the text it goes, as "We use cookies"
    does in English."""
    story = [
        "Le conseil municipal a voté lundi soir le budget du port, après trois heures de débat entre la majorité et l'opposition.",
        "Les travaux des nouveaux quais commenceront au printemps et dureront deux ans, selon le calendrier présenté par le maire.",
    ]
    notice = "Ce site utilise des cookies pour vous garantir la meilleure expérience sur notre site. Si vous continuez, nous considérons que vous acceptez."
    monkeypatch.setattr(html_prepare, "run_trafilatura", lambda html, tree=None: "\n".join(["Le budget du port adopté", *story, notice]))
    page = (f"<html lang='fr'><head><title>Le budget du port adopté</title></head><body><h1>Le budget du port adopté</h1>"
            f"{''.join(f'<p>{s}</p>' for s in story)}<div>{notice}</div></body></html>")
    result = clean_document(ParsedDocument("port.html", b"", "html", "utf-8", html=page))
    assert result.text.split("\n\n") == ["Le budget du port adopté", *story]
    assert {b.text: b.reason for b in result.blocks}[notice] == P.PRIVACY


@pytest.mark.parametrize(
    ("notice", "site"),
    [("© 2026 Hafenbote Alle Rechte vorbehalten", "Hafenbote"), ("© 2024 Le Monde Tous droits réservés", "Le Monde"),
     ("© 2024 El País Todos los derechos reservados", "El País"), ("Copyright © 2023 Corriere della Sera Tutti i diritti riservati", "Corriere della Sera"),
     ("© 2025 Heise Medien GmbH & Co. KG", "Heise Medien"), ("© 2024 Mediahuis NV", "Mediahuis"), ("© 2024 Reuters All rights reserved", "Reuters")],
)
def test_a_dump_s_site_is_the_owner_its_copyright_line_names(notice: str, site: str) -> None:
    """"All rights reserved" in six more languages ends the owner's name, as in English, and a continental company form
    (GmbH, KG, NV, SA, ...) is not a part of it; a notice with no owner ("© 2024 Tous droits réservés") names no site."""
    text = "\n".join(["Startseite", "", "Das Sofa aus der Werkstatt", "", *"\n\n".join(POST).split("\n"), "", notice])
    assert _clean(text).site == site
    assert _clean("\n".join(["Accueil", "", *"\n\n".join(POST).split("\n"), "", "© 2024 Tous droits réservés"])).site is None


SCRIPT_DUMPS = {
    "hindi": (["होम", "देश", "दुनिया", "खेल", "मनोरंजन"], [
        "सरकार ने बुधवार को दिल्ली में वायु प्रदूषण कम करने के लिए नई योजना की घोषणा की।",
        "मंत्रालय के प्रवक्ता के अनुसार पुराने वाहनों को धीरे-धीरे सड़कों से हटाया जाएगा।",
        "विशेषज्ञों का कहना है कि ये कदम पर्याप्त नहीं हैं और लंबी अवधि की नीतियों की जरूरत है।",
        "शहर के कई इलाकों में हवा की गुणवत्ता पिछले सप्ताह बेहद खराब दर्ज की गई थी।"]),
    "urdu": (["صفحہ اول", "پاکستان", "دنیا", "کھیل", "تفریح"], [
        "حکومت نے بدھ کے روز لاہور میں فضائی آلودگی کم کرنے کے لیے ایک نئے منصوبے کا اعلان کیا۔",
        "وزارت کے ترجمان کے مطابق پرانی گاڑیوں کو آہستہ آہستہ سڑکوں سے ہٹا دیا جائے گا۔",
        "ماہرین کا کہنا ہے کہ یہ اقدامات کافی نہیں ہیں اور طویل مدتی پالیسیوں کی ضرورت ہے۔",
        "گزشتہ ہفتے شہر کے کئی علاقوں میں ہوا کا معیار انتہائی خراب ریکارڈ کیا گیا تھا۔"]),
    "arabic": (["الرئيسية", "سياسة", "اقتصاد", "رياضة", "ثقافة"], [
        "هل تكفي الخطة الجديدة التي أعلنتها الحكومة يوم الأربعاء للحد من تلوث الهواء في العاصمة؟",
        "وقال المتحدث باسم الوزارة إن المركبات القديمة ستسحب تدريجيا من الشوارع؛",
        "ويسأل الخبراء لماذا لا توجد سياسات طويلة الأمد لتحسين جودة الهواء في المدينة؟",
        "فمن يتحمل المسؤولية عن المستويات السيئة التي سجلت خلال الأسبوع الماضي؟"]),
}


@pytest.mark.parametrize("script", sorted(SCRIPT_DUMPS))
def test_a_dump_whose_sentences_end_with_another_script_s_stop_has_an_article(script: str) -> None:
    """A line of 60-150 characters is prose when it ends a sentence; the danda "।", Urdu's "۔" and the Arabic
    question mark "؟" end sentences as "." does. Without them the dump had no prose line, found no article and
    kept its menu, where the same dump in English loses it."""
    menu, paragraphs = SCRIPT_DUMPS[script]
    text = "\n".join([*menu, "", *"\n\n".join(paragraphs).split("\n")])
    result = _clean(text)
    kept = _kept(result)
    assert all(p in kept for p in paragraphs)
    assert not any(item in kept.split("\n") for item in menu)


THAI_MENU = ["หน้าแรก", "ข่าวในประเทศ", "ต่างประเทศ", "กีฬา", "บันเทิง"]
THAI = [
    "รัฐบาลประกาศแผนใหม่เมื่อวันพุธเพื่อลดมลพิษทางอากาศในเมืองหลวงในปีหน้า",
    "โฆษกกระทรวงกล่าวว่ารถยนต์เก่าจะถูกนำออกจากท้องถนนทีละน้อยและจะขยายระบบขนส่งสาธารณะ",
    "ผู้เชี่ยวชาญกล่าวว่ามาตรการเหล่านี้ยังไม่เพียงพอและจำเป็นต้องมีนโยบายระยะยาว",
    "คุณภาพอากาศในหลายพื้นที่ของเมืองถูกบันทึกว่าแย่มากเมื่อสัปดาห์ที่แล้ว",
]


def test_a_thai_dump_reads_its_runs_of_letters_as_prose_and_its_menu_as_a_menu() -> None:
    """Thai puts no space between words and no stop after a sentence: a sentence is a long run of letters. Its
    letters were counted as CJK characters are, so a twelve-letter menu label ("ข่าวในประเทศ") was a sentence, and
    no paragraph of 69-82 letters was prose: the dump found no article and kept its menu and footer."""
    text = "\n".join([*THAI_MENU, "", *"\n\n".join(THAI).split("\n"), "", "เกี่ยวกับเรา", "ติดต่อเรา"])
    kept = _kept(_clean(text))
    assert all(p in kept for p in THAI)
    assert not any(item in kept.split("\n") for item in [*THAI_MENU, "เกี่ยวกับเรา", "ติดต่อเรา"])


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


RUSSIAN = [
    "Правительство в среду объявило о новом плане по снижению загрязнения воздуха в столице в следующем году.",
    "По словам представителя министерства, старые автомобили будут постепенно убраны с улиц, а транспорт расширен.",
    "Эксперты считают, что этих мер недостаточно и нужна долгосрочная политика для улучшения качества воздуха.",
]


@pytest.mark.parametrize(
    ("byline", "name", "date"),
    [("Текст: Венера Ерофеева·24 сентября 2018", "Венера Ерофеева", "2018-09-24"),
     ("Автор: Иван Петров, 24 сентября 2018", "Иван Петров", "2018-09-24"),
     ("Yazar: Ahmet Yılmaz · 12 Mart 2024", "Ahmet Yılmaz", "2024-03-12"),
     ("Oleh: Budi Santoso, Maret 12, 2024", "Budi Santoso", "2024-03-12")],
)
def test_a_dump_s_byline_labelled_in_another_language_gives_its_author_and_date(byline: str, name: str, date: str) -> None:
    """"Текст:" and "Автор:" (Russian, Ukrainian), "Yazar:" (Turkish), "Oleh:" and "Penulis:" (Indonesian) label a
    byline as "Author:" does (an aeb-dev Russian page's dump has the first form); "Oleh" only with its colon, since
    it is also a Ukrainian first name."""
    text = "\n".join(["Главная", "Новости", "Спорт", "", "Новый план для чистого воздуха", byline, "", *"\n\n".join(RUSSIAN).split("\n")])
    result = _clean(text)
    assert (result.byline, result.published) == (name, date)
    assert {b.text: b.reason for b in result.blocks}[byline] == P.BYLINE


def test_oleh_without_a_colon_is_a_name_not_a_byline_label() -> None:
    assert not P.BYLINE_RE.match("Oleh Sentsov")
    assert P.BYLINE_RE.match("Oleh: Budi Santoso")


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


READ_ALSO = [
    "Читайте также: Правительство объявило о новом плане", "Читайте також: Уряд оголосив новий план",
    "Czytaj także: Rząd ogłosił nowy plan", "Čtěte také: Vláda oznámila nový plán", "Ayrıca okuyun: Hükümet yeni planı açıkladı",
    "Διαβάστε επίσης: Η κυβέρνηση ανακοίνωσε νέο σχέδιο", "Citește și: Guvernul a anunțat un nou plan",
    "Läs också: Regeringen presenterade en ny plan", "Baca juga: Pemerintah umumkan rencana baru",
    "Kapcsolódó cikkek", "اقرأ أيضا: الحكومة تعلن خطة جديدة", "相关阅读：政府宣布新计划", "関連記事", "관련기사",
]


@pytest.mark.parametrize("line", READ_ALSO)
def test_read_also_in_other_languages_is_a_related_link(line: str) -> None:
    """"Read also: <another story>" and "related articles" in the languages whose dates are read: a line that links
    another story, not the article's text."""
    assert TR.text_reason(line) == P.RELATED


def test_an_indonesian_read_also_line_inside_the_article_is_removed() -> None:
    paragraphs = [
        "Pemerintah pada hari Selasa mengumumkan rencana baru untuk mengurangi polusi udara di ibu kota pada tahun depan,"
        " termasuk pembatasan kendaraan tua dan perluasan transportasi umum.",
        "Menurut juru bicara kementerian, stasiun kereta baru akan dibangun sebelum akhir tahun agar warga lebih sedikit"
        " menggunakan kendaraan pribadi setiap hari.",
        "Para ahli mengatakan langkah ini belum cukup dan kebijakan jangka panjang diperlukan untuk memperbaiki kualitas"
        " udara di seluruh wilayah kota.",
    ]
    read_also = "Baca juga: Harga beras naik lagi di pasar tradisional"
    dump = "\n".join(["Beranda", "Berita", "Ekonomi", "Olahraga", "", "Rencana baru pemerintah untuk udara bersih", "",
                      "Selasa, 12 Maret 2024 14:05 WIB", "", paragraphs[0], "", read_also, "", *(p + "\n" for p in paragraphs[1:])])
    result = _clean(dump)
    kept = "\n".join(b.text for b in result.blocks if b.reason is None)
    assert all(p in kept for p in paragraphs)
    assert read_also not in kept
    assert result.published == "2024-03-12T14:05:00+07:00"


@pytest.mark.parametrize("header", ["12 комментариев", "Комментарии (12)", "5 yorum", "Yorumlar", "Σχόλια", "التعليقات",
                                    "12条评论", "コメント", "댓글", "Kommentare", "Komentarze (3)"])
def test_a_comments_header_in_another_language_ends_the_article(header: str) -> None:
    """A post of over 500 characters, then its comments under a header in the post's language: the comments go."""
    more = ["Власти также пообещали построить новые велосипедные дорожки и высадить деревья вдоль главных улиц города.",
            "Первые результаты программы будут представлены жителям осенью на открытых встречах в каждом районе."]
    comments = ["Отличная новость, давно пора было заняться воздухом в городе, надеюсь, что всё это не останется на бумаге.",
                "Посмотрим, что будет через год, обещаний мы слышали уже много, а машин на улицах становится только больше."]
    dump = "\n".join(["Главная", "Новости", "Политика", "", "Новый план по чистому воздуху", "",
                      *(p + "\n" for p in RUSSIAN + more), header, "", *(c + "\n" for c in comments), "О нас", "Контакты"])
    kept = "\n".join(b.text for b in _clean(dump).blocks if b.reason is None)
    assert all(p in kept for p in RUSSIAN + more)
    assert not any(c in kept for c in comments)


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
