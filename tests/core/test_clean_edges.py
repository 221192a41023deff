"""Boilerplate lines at the edges of the extractor's text (rule `edges`) and e-mailed newsletters' chrome."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from triage_app.core.clean import clean_document, html_extract, html_prepare
from triage_app.core.clean import patterns as P
from triage_app.core.clean import text_reasons as TR
from triage_app.core.ingest.readers import parse_bytes
from triage_app.core.records import ParsedDocument

STORY = [
    "The river keepers of the northern valley measured the spring flood for the fortieth year running.",
    "Every morning they walked the bank from the old mill to the stone bridge with a notebook and a pole.",
    "Their records show the water rising earlier each decade, a change the farmers had noticed long before.",
    "Readers who want the keepers' yearly figures can subscribe to the council newsletter, which prints them each spring.",
    "In March the meadows below the village stood under water for eleven days, a length nobody remembered.",
    "The council now plans a second channel east of the church, paid for by a levy on the new houses.",
]
TOP = ["Skip to main content", "View this email in your browser"]
BOTTOM = ["Subscribe to: Post Comments (Atom)", "Copyright 2026 Valley Courier. All rights reserved."]


def _page(title: str = "Flood records") -> str:
    cells = "".join(f"<div>{line}</div>" for line in TOP)
    body = "".join(f"<p>{line}</p>" for line in STORY)
    tail = "".join(f"<div>{line}</div>" for line in BOTTOM)
    return f"<html><head><title>{title}</title></head><body>{cells}<h1>{title}</h1>{body}{tail}</body></html>"


def _everything_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """An extractor whose region takes in the lines around the article (what the rule is for)."""
    monkeypatch.setattr(html_prepare, "run_trafilatura", lambda html, tree=None: "\n".join([*TOP, "Flood records", *STORY, *BOTTOM]))


def test_boilerplate_lines_at_both_edges_go_and_the_same_words_inside_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    _everything_kept(monkeypatch)
    outcome = html_extract.clean_html(_page())
    assert outcome is not None
    blocks, reasons, _meta = outcome
    why = {b.text: r for b, r in zip(blocks, reasons)}
    assert why["Skip to main content"] == P.NAVIGATION and why["View this email in your browser"] == P.NAVIGATION
    assert why[BOTTOM[0]] == P.NEWSLETTER and why[BOTTOM[1]] == P.COPYRIGHT
    # inside the text, a sentence about subscribing is the article's
    assert why[STORY[3]] is None and all(why[line] is None for line in STORY) and why["Flood records"] is None
    off = html_extract.clean_html(_page(), disabled=frozenset({"edges"}))
    assert off is not None and all(r is None for b, r in zip(*off[:2]) if b.text in TOP + BOTTOM)


def test_a_headline_that_reads_like_a_button_is_not_an_edge_line(monkeypatch: pytest.MonkeyPatch) -> None:
    title = "Print your own Halloween mask"  # matches the share pattern ("Print ...")
    monkeypatch.setattr(html_prepare, "run_trafilatura", lambda html, tree=None: "\n".join([title, *STORY]))
    page = f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{''.join(f'<p>{s}</p>' for s in STORY)}</body></html>"
    assert TR.text_reason(title) is not None
    assert clean_document(ParsedDocument("mask.html", b"", "html", "utf-8", html=page)).text.startswith(title)


def _newsletter() -> bytes:
    rows = [
        "<a href='https://valley.example/p/floods?utm_source=email'>View in browser</a>",
        "<h1 style='font-family:Georgia'>Flood records</h1>",
        *STORY,
        "<a href='https://valley.example/p/floods#comments'>Leave a comment</a> <a href='https://valley.example/share'>Share</a>",
        "You are receiving this because you subscribed to Valley Notes. <a href='https://valley.example/u'>Unsubscribe</a> · "
        "<a href='https://valley.example/prefs'>Update your preferences</a><br>Valley Notes, 12 Quay Street, 2000 Antwerp, Belgium"
        "<br>© 2026 Valley Notes",
    ]
    table = "".join(f"<tr><td style='padding:0 24px 16px'>{row}</td></tr>" for row in rows)
    html = f"<html><body><table width='600' cellpadding='0' cellspacing='0'>{table}</table></body></html>"
    message = EmailMessage()
    message["From"] = "Valley Notes <notes@valley.example>"
    message["Subject"] = "Flood records"
    message["Date"] = "Fri, 04 Dec 2026 07:00:00 +0000"
    message.set_content("\n\n".join(STORY))
    message.add_alternative(html, subtype="html")
    return bytes(message)


def test_an_e_mailed_newsletter_loses_its_browser_link_comment_buttons_and_unsubscribe_footer() -> None:
    """A newsletter laid out as one 600-pixel table: trafilatura keeps every row of it; the rows before and
    after the letter are its chrome."""
    doc = parse_bytes(_newsletter(), name="floods.eml", source_path="floods.eml")
    result = clean_document(doc)
    text = result.text
    assert all(line in text for line in STORY)
    for chrome in ("View in browser", "Leave a comment", "Unsubscribe", "Quay Street"):
        assert chrome not in text, chrome
    reasons = {b.reason for b in result.blocks if not b.kept}
    assert {P.NAVIGATION, P.COMMENTS, P.NEWSLETTER} <= reasons


def test_newsletter_footer_lines_read_as_boilerplate_at_any_length() -> None:
    footer = (
        "You received this email because you signed up for updates from the Valley Courier, the weekly paper of "
        "the northern valley and its villages, which you can stop at any time from the link below."
    )
    assert len(footer.split()) > 25 and TR.long_reason(footer) == P.NEWSLETTER
    assert TR.long_reason("Manage your email preferences") == P.NEWSLETTER
    # prose about receiving things is not a footer
    assert TR.long_reason("The council said it was receiving complaints about the levy every week.") is None


CHROME_BY_LANGUAGE = {
    "de": ["Zum Inhalt springen", "Im Browser ansehen", "Artikel teilen", "Jetzt abonnieren", "Anzeige",
           "© 2026 Hafenbote. Alle Rechte vorbehalten.", "Impressum | Datenschutz"],
    "fr": ["Aller au contenu principal", "Voir dans le navigateur", "Partager", "Abonnez-vous", "Publicité",
           "Tous droits réservés", "Mentions légales"],
    "es": ["Ir al contenido principal", "Ver en el navegador", "Compartir", "Suscríbete", "Publicidad",
           "Todos los derechos reservados", "Política de privacidad"],
    "it": ["Vai al contenuto", "Visualizza nel browser", "Condividi", "Iscriviti", "Pubblicità",
           "Tutti i diritti riservati", "Informativa sulla privacy"],
    "pt": ["Ir para o conteúdo", "Voltar ao topo", "Compartilhe", "Inscreva-se", "Publicidade",
           "Todos os direitos reservados", "Política de privacidade"],
    "nl": ["Naar de inhoud", "Bekijk in je browser", "Delen", "Afmelden", "Advertentie",
           "Alle rechten voorbehouden", "Privacyverklaring"],
}
PROSE_BY_LANGUAGE = [
    "Die Suche nach dem Täter dauert an, sagte die Polizei am Abend.",
    "Er wollte die Kosten mit der Stadt teilen.",
    "Der Datenschutz ist den Bürgern wichtig.",
    "Le maire veut partager les coûts avec la région.",
    "El inicio de la temporada se retrasa por la lluvia.",
]


@pytest.mark.parametrize("language", sorted(CHROME_BY_LANGUAGE))
def test_chrome_lines_are_named_in_the_languages_of_the_library(language: str) -> None:
    """Menus, share and subscribe buttons, adverts, copyright and legal links in six languages besides
    English: the same patterns the dump scorer and the edge rule read."""
    for line in CHROME_BY_LANGUAGE[language]:
        assert TR.text_reason(line) is not None, line


RELATED_BY_LANGUAGE = {
    "de": ["Meistgelesen", "Siehe auch", "Weiterlesen", "Mehr Nachrichten", "Das könnte Sie interessieren"],
    "fr": ["Les plus lus", "Voir aussi", "Lire la suite", "Sur le même sujet", "À ne pas manquer"],
    "es": ["Lo más leído", "Ver también", "Leer más", "Noticias relacionadas", "No te pierdas"],
    "it": ["I più letti", "Vedi anche", "Continua a leggere", "Altre notizie", "Da non perdere"],
    "pt": ["Mais lidas", "Ver também", "Leia mais", "Notícias relacionadas", "Não perca"],
    "nl": ["Meest gelezen", "Zie ook", "Lees meer", "Meer nieuws", "Lees ook"],
}


@pytest.mark.parametrize("language", sorted(RELATED_BY_LANGUAGE))
def test_related_headings_are_named_in_the_languages_of_the_library(language: str) -> None:
    """Most read, see also, read more, more news, don't miss: headings over the teasers after an article."""
    for line in RELATED_BY_LANGUAGE[language]:
        assert TR.text_reason(line) == P.RELATED, line


def test_prose_that_starts_like_a_related_heading_is_not_one() -> None:
    for line in ["Die Empfehlungen der Kommission liegen seit Montag vor.", "Lo más leído del año fue un libro de cocina.",
                 "Siehe auch die Zahlen des Vorjahres, sagte der Sprecher.", "Lees meer over de plannen in het rapport van de gemeente."]:
        assert TR.text_reason(line) is None, line


def test_prose_with_those_words_is_not_chrome() -> None:
    for line in PROSE_BY_LANGUAGE:
        assert TR.text_reason(line) is None, line


def test_a_german_page_loses_the_chrome_around_its_article(monkeypatch: pytest.MonkeyPatch) -> None:
    story = [
        "Die Hafenbehörde hat am Freitag den Vertrag für die Ausbaggerung der Fahrrinne veröffentlicht.",
        "Die Kosten liegen bei 38 Millionen Euro und damit fast doppelt so hoch wie im Frühjahr angekündigt.",
        "Umweltverbände begrüßen die neuen Regeln, bezweifeln aber, dass die Arbeiten überhaupt nötig sind.",
    ]
    top, bottom = CHROME_BY_LANGUAGE["de"][:2], CHROME_BY_LANGUAGE["de"][-2:]
    monkeypatch.setattr(html_prepare, "run_trafilatura", lambda html, tree=None: "\n".join([*top, "Der Hafen wird teurer", *story, *bottom]))
    cells = "".join(f"<div>{line}</div>" for line in top)
    tail = "".join(f"<div>{line}</div>" for line in bottom)
    page = (f"<html lang='de'><head><title>Der Hafen wird teurer</title></head><body>{cells}<h1>Der Hafen wird teurer</h1>"
            f"{''.join(f'<p>{s}</p>' for s in story)}{tail}</body></html>")
    text = clean_document(ParsedDocument("hafen.html", b"", "html", "utf-8", html=page)).text
    assert text.split("\n\n") == ["Der Hafen wird teurer", *story]


def test_the_chrome_under_the_headline_goes_and_the_headline_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    under = ["Lena Berg · Dec 4, 2026 · 5 min read", "Listen to this article"]
    monkeypatch.setattr(html_prepare, "run_trafilatura", lambda html, tree=None: "\n".join(["Flood records", *under, *STORY]))
    page = (f"<html><head><title>Flood records</title></head><body><h1>Flood records</h1>{''.join(f'<div>{u}</div>' for u in under)}"
            f"{''.join(f'<p>{s}</p>' for s in STORY)}</body></html>")
    outcome = html_extract.clean_html(page)
    assert outcome is not None
    why = {b.text: r for b, r in zip(*outcome[:2])}
    assert why["Flood records"] is None and why[under[0]] == P.DATE and why[under[1]] == P.SHARE
    assert all(why[line] is None for line in STORY)


@pytest.mark.parametrize("line", ["5 min read", "12-minute read", "3 Min. Lesezeit", "Tempo de leitura: 2 minutos", "Estimated reading time: 4 minutes"])
def test_reading_times_are_date_lines(line: str) -> None:
    assert TR.text_reason(line) == P.DATE
    assert TR.text_reason("I read it in five minutes and then read it again the next morning.") is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Skip to product list", P.NAVIGATION), ("Top of page", P.NAVIGATION), ("Accessibility links", P.NAVIGATION),
        ("You are here:", P.NAVIGATION), ("No comments yet.", P.COMMENTS), ("The comments to this entry are closed.", P.COMMENTS),
        ("Mail (will not be published) (required)", P.COMMENTS), ("Printable version", P.SHARE), ("Enlarge photo", P.SHARE),
        ("Published 4 hours ago", P.DATE),
    ],
)
def test_more_chrome_lines_seen_at_the_edges_of_several_sets(line: str, reason: str) -> None:
    assert TR.text_reason(line) == reason


def test_a_table_of_contents_heading_and_sentences_with_those_words_are_not_chrome() -> None:
    """cleaneval's gold keeps a "Table of Contents" heading: a dump lost its article when it weighed as chrome."""
    for line in ("Table of Contents", "Contents", "Skip to the end of the story, he said, and you will see why.",
                 "The page you are here to read was published four hours ago."):
        assert TR.text_reason(line) is None, line


def _ungated(text: str) -> str | None:
    for pattern, reason in TR.TEXT_PATTERNS:
        if pattern.search(text):
            return reason
    return TR.long_reason(text)


def test_the_cheap_word_gates_never_hide_a_pattern_s_match() -> None:
    """`text_reason` tries a pattern only when one of its gate's words is in the line: each line a pattern
    matches must pass its gate (a missing gate word once hid "Inscreva-se")."""
    assert len(TR.TEXT_PATTERNS) == len(TR._TRIGGERS) == len(TR._GATES)
    lines = [
        *TOP, *BOTTOM, *(line for lines in CHROME_BY_LANGUAGE.values() for line in lines), *PROSE_BY_LANGUAGE,
        "Leave a comment Share", "Read it Online", "5 min read", "Tempo de leitura: 2 minutos", "Listen to this article",
        "Skip to product list", "You are here:", "No comments yet.", "Name (required)", "Printable version",
        "Enlarge photo", "Published 4 hours ago", "Copyright 2026 Valley Courier. All rights reserved.",
    ]
    for line in lines:
        assert TR.text_reason(line) == _ungated(line), line


def test_what_comes_before_the_article_is_named_by_what_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before the first block the extractor kept, a block with no context of its own was always "navigation".
    Links and a few words are a menu; the page's description shown above the article is its standfirst; a
    sentence (a site's tagline, a notice) is only not the article."""
    description = "Engineers checked the old sea wall all night while the river rose to a record height."
    tagline = "Independent reporting from the valley towns since 1887, read by farmers and mayors alike."
    monkeypatch.setattr(html_prepare, "run_trafilatura", lambda html, tree=None: "\n".join(["Flood records", *STORY]))
    page = (
        f"<html><head><title>Flood records</title><meta name='description' content='{description}'></head><body>"
        "<div><a href='/'>Home</a> <a href='/n'>News</a> <a href='/s'>Sport</a></div>"
        f"<div>{tagline}</div><div>{description}</div>"
        f"<h1>Flood records</h1>{''.join(f'<p>{s}</p>' for s in STORY)}</body></html>"
    )
    outcome = html_extract.clean_html(page)
    assert outcome is not None
    why = {b.text: r for b, r in zip(*outcome[:2])}
    assert why["Home News Sport"] == P.NAVIGATION
    assert why[tagline] == P.BOILERPLATE
    assert why[description] == P.SUMMARY
    assert why["Flood records"] is None and all(why[s] is None for s in STORY)
