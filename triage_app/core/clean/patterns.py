"""Reasons a block is removed, the section openers and line patterns, and the normalised forms of a text (the text
patterns that point to the reasons: `text_reasons`; what tags and class/id names say: `dom_names`)."""

from __future__ import annotations

import functools
import hashlib
import re

from triage_app.core.clean.date_words import DATE_LABELS_ELSEWHERE
from triage_app.core.clean.tokens import words

# The reasons shown to the analyst, one vocabulary for HTML and text dumps.
NAVIGATION = "navigation"
FOOTER = "footer"
NEWSLETTER = "newsletter prompt"
RELATED = "related links"
COMMENTS = "comments"
SHARE = "share buttons"
BYLINE = "byline"
METADATA = "metadata repeat"
FRONT_MATTER = "front matter"  # a Markdown file's YAML header, read as the document's metadata
AUTHOR_BIO = "author bio"
ADVERT = "advert"
TITLE = "title"
SUMMARY = "summary"
TAGS = "tag list"
COPYRIGHT = "copyright"
PRIVACY = "privacy links"
DATE = "date line"
HIDDEN = "hidden"
CAPTION = "caption"
LINK_REFERENCES = "link references"
BOILERPLATE = "not main content"
USER_OVERRIDE = "user override"


def template_reason(count: int, site: str) -> str:
    """The reason for a block found on other pages of the same site."""
    return f"site template: seen on {count} other page{'s' if count != 1 else ''} of {site}"


def compiled(pattern: str) -> re.Pattern[str]:
    """A pattern matched case-insensitively, as all of these (and `text_reasons`) are."""
    return re.compile(pattern, re.IGNORECASE)


RELATED_START_RE = compiled(
    r"^(related( (stories|articles|posts|content|news|coverage|links))?|you (may|might) (also )?(like|enjoy)|more (stories|articles|news)"
    r"|recommended( for you| stories)?|most (read|popular|viewed|shared)|trending( now| news| stories)?|read next|what to read next"
    r"|você (também )?pode gostar|veja também|leia também|potrebbe interessarti|ti potrebbe interessare|das könnte sie auch interessieren"
    r"|vous aimerez aussi|à lire aussi|te puede interesar|también te puede interesar|lesen sie auch"
    r"|artigos relacionados|articoli correlati|artículos relacionados|verwandte artikel|articles liés|posts relacionados)\W*$"
)
_COMMENT_WORDS = "responses?|comments?|replies"
COMMENT_COUNT_HEADER_RE = compiled(rf"^[{{[(]?\s*\d+\s+({_COMMENT_WORDS})\b")
"""A comments header that starts with its count ("12 Responses to “Title”", "{ 53 comments… read them below or add
one }"), read with up to 12 words by the dump's comments cut (`dump_threads._long_count_header`)."""
COMMENTS_START_RE = compiled(
    rf"^([{{[(]\s*)?(\d+\s+({_COMMENT_WORDS}|kommentare|comentários|commenti|commentaires)\b"
    r"|(leave a (reply|comment)|reader comments|join the conversation|post a comment|comments are closed|add (a|your) comment"
    r"|deixe (uma resposta|um comentário|seu comentário)|deja (una respuesta|un comentario)|lascia un commento"
    r"|schreibe einen kommentar|laisser un commentaire|laissez un commentaire)\b"
    r"|comments?\s*(\(\d+\))?$"
    # the same in other languages: a count of comments ("12 комментариев", "5 yorum", "12条评论") or the bare header
    # ("Комментарии (12)", "Kommentare", "Yorumlar", "التعليقات", "コメント", "댓글")
    r"|\d+\s*(комментари[йяев]|коментар(і|ів)?\b|komentarz[ey]?\b|komentář[eů]?\b|yorum\b|σχόλια|comentarii|kommentarer|komentar\b"
    r"|hozzászólás|تعليقات?|条评论|條評論|件のコメント|개의 댓글)"
    r"|(комментарии|коментарі|komentarze|komentáře|yorumlar|σχόλια|comentarii|kommentarer|kommentare|commentaires|comentarios"
    r"|comentários|commenti|reacties|komentar|hozzászólások|التعليقات|تعليقات|评论|評論|コメント|댓글)\s*(\(\d+\))?$"
    r"|[\w.@-]+( [\w.@-]+){0,3} (says|wrote):$"
    # WordPress's "2 thoughts on “Title”", "One thought on “Title”" and its translations ("2 Gedanken zu „...“", "2 réflexions
    # sur « ... »", "2 comentarios en «...»", "2 pensieri su “...”", "2 reacties op “...”"): only with the quoted title after
    r"|(\d+|one|ein|eine|une|un|uma|uno|één) (thoughts?|responses?|comments?|gedanken?|antworten|antwort|kommentare?|réflexions?|réponses?"
    r"|commentaires?|respuestas?|comentarios?|respostas?|comentários?|pensier[oi]|rispost[ae]|comment[oi]|reacties|reactie|gedachten?)"
    r" (on|to|zu|auf|sur|à|a|en|em|para|su|op|over|bij) [\"“„«‘'])"
)


CREDIT_RE = compiled(r"^\(?(photo|image|picture|credit|source|foto|bild)s?\s*(:|by)|getty images|shutterstock|\bafp\b|\bap photo\b|/\s*reuters\)?$")
AUTHOR_BIO_RE = re.compile(
    r"^(?P<name>[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}) (?:is|was|has been|covers|writes)\b.{0,250}\b(?:reporter|writer|journalist|editor|correspondent|author|contributor|columnist|producer|analyst|staff)"
)
AUTHOR_LABELS_ELSEWHERE = (
    r"autor(?:e|es|a|i|s|ius|ka|en)|autrice|auteure?s|szerző|kirjoittaja|författare|forfatter|συντάκτης|συγγραφέας|аутор"
)
"""More words that label a byline before a colon ("Autori: Anna Ūdre", "Szerző: Kiss Péter"): the author or authors in
Spanish, Portuguese, Italian, German, French, Latvian, Lithuanian, Polish, Czech and Slovak, Hungarian, Finnish, Swedish,
Norwegian and Danish, Greek and Serbian, beside the words each byline reader already lists ("author", "autor", "автор",
"yazar" ...). A regular-expression fragment, matched case-insensitively, always with the colon after it."""
BYLINE_RE = compiled(
    r"^(by|von|par|por|di|door|av|af)(\s+\S.*)?$|^(written|posted|published|reported|updated) (by|on)\b"
    r"|(^|\W)(publicado por|pubblicato da|veröffentlicht von|publié par|escrito por|scritto da)\W"
    r"|^(authors?|autor(in)?|auteur|автор|текст|yazar|penulis|oleh|" + AUTHOR_LABELS_ELSEWHERE + r")\s*:\s*\S"
    # XenForo's line under a thread's title: "Thread starter <user name>" (a name of one to three words)
    r"|^thread starter\s+\S+(\s+\S+){0,2}$"
)
PUBLISHED_LINE_RE = compiled(
    # the same labels in German, French, Spanish, Portuguese, Italian and Dutch ("Stand:" only with its colon)
    rf"^(published|posted|updated|last updated|first published|zuletzt aktualisiert|laatst bijgewerkt|{DATE_LABELS_ELSEWHERE})\b|^stand\s*:"
)
_NUMBER_ONLY_RE = re.compile(r"^[\W\d_]+$")


def is_number_only(text: str) -> bool:
    """A line of digits and punctuation only ("456", "2025-46-15", "0 : 0")."""
    return bool(_NUMBER_ONLY_RE.match(text))


@functools.lru_cache(maxsize=8192)  # a page's lines fit; a 16 MB dump's 100,000+ would cost ~20 MB
def normalise(text: str) -> str:
    """Lowercase words joined by single spaces: the form compared across blocks and pages.

    Runs of non-word characters replaced by one space, ends stripped: that is the word tokens joined by
    spaces, which `tokens.words` makes 3-4x faster than a regex substitution."""
    return " ".join(words(text))


_DIGIT_RE = re.compile(r"\d")
_ASCII_DIGITS_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")


def template_key(text: str) -> str:
    """A short stable key for the normalised text of a block (used by site templates and overrides)."""
    return normalised_key(normalise(text))


def normalised_key(norm: str) -> str:
    """`template_key` of a text whose normalised form (`normalise`) is `norm`."""
    if norm.isascii():  # the common case: digits zeroed by a byte translation, not a regex scan
        data = norm.encode("ascii").translate(_ASCII_DIGITS_TO_ZERO)
    else:
        data = _DIGIT_RE.sub("0", norm).encode("utf-8")
    return hashlib.blake2b(data, digest_size=8).hexdigest()
