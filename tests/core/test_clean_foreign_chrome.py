"""Page chrome in German, French, Spanish, Portuguese, Italian and Dutch: cookies, footers, comments, copyright."""

from __future__ import annotations

import pytest
from clean_dump_support import clean_dump as _clean
from clean_dump_support import kept_text as _kept

from triage_app.core.clean import clean_document, html_prepare
from triage_app.core.clean import patterns as P
from triage_app.core.clean import text_reasons as TR
from triage_app.core.records import ParsedDocument

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
