"""E-mail headers written in raw 8-bit bytes (no RFC 2047 encoding): read in the charset the message's text is in,
not turned into U+FFFD."""

from __future__ import annotations

import pytest

from triage_app.core.ingest import parse_bytes


def _message(headers: bytes, body: bytes, content_type: bytes = b"text/plain") -> bytes:
    return (
        headers
        + b"Date: Tue, 01 Dec 2026 09:00:00 +0000\nMIME-Version: 1.0\nContent-Type: "
        + content_type
        + b"\nContent-Transfer-Encoding: 8bit\n\n"
        + body
        + b"\n"
    )


FRENCH = "Le conseil municipal s'est réuni lundi à Genève pour discuter du budget. Le maire a déclaré que les impôts ne changeraient pas, malgré la hausse des dépenses."
GERMAN = "Die Fähre nach Helgoland fährt diese Woche nicht, sagte der Kapitän am Montag. Die Reederei nannte technische Gründe für den Ausfall."
RUSSIAN = "Переговоры о новом бюджете продолжаются, сообщил в понедельник представитель городского совета. Решение ожидается на следующей неделе."
POLISH = "Rada miasta zebrała się w poniedziałek, żeby omówić budżet. Burmistrz powiedział, że podatki nie wzrosną w przyszłym roku."


@pytest.mark.parametrize(
    ("subject", "sender", "body", "charset", "declared"),
    [
        ("Réunion du conseil à Genève", "François Dupré", FRENCH, "cp1252", None),  # nothing declared: read by language
        ("Fähre fällt aus: Gründe", "Jürgen Maß", GERMAN, "iso-8859-1", "iso-8859-1"),
        ("Бюджет города: решение на следующей неделе", "Пётр Иванов", RUSSIAN, "cp1251", None),
        ("Бюджет города: решение на следующей неделе", "Пётр Иванов", RUSSIAN, "koi8-r", "koi8-r"),
        ("Budżet miasta: podatki nie wzrosną", "Łukasz Żółć", POLISH, "iso-8859-2", "iso-8859-2"),
        ("Café in the harbour, Zürich and Łódź", "Zoë", "The harbour café opened again on Monday.", "utf-8", "iso-8859-1"),  # RFC 6532
    ],
)
def test_raw_8bit_headers_are_read_in_the_messages_charset(subject: str, sender: str, body: str, charset: str, declared: str | None) -> None:
    content_type = b"text/plain" + (f"; charset={declared}".encode() if declared else b"")
    body_charset = charset if charset != "utf-8" else (declared or "utf-8")
    data = _message(
        f"From: {sender} <news@example.org>\nTo: Desk <desk@example.org>\nSubject: {subject}\n".encode(charset),
        body.encode(body_charset, errors="replace"),
        content_type,
    )
    parsed = parse_bytes(data, name="message.eml", source_path="message.eml")
    assert parsed.title == subject
    assert parsed.meta["author"] == f"{sender} <news@example.org>"
    assert parsed.meta["to"] == "Desk <desk@example.org>"


def test_a_utf8_body_says_nothing_of_latin1_headers() -> None:
    data = _message("Subject: Café news from the harbour\nFrom: Zoë <z@example.org>\n".encode("latin-1"), "Café opens, the owner said.".encode(), b"text/plain; charset=utf-8")
    parsed = parse_bytes(data, name="message.eml", source_path="message.eml")
    assert (parsed.title, parsed.meta["author"]) == ("Café news from the harbour", "Zoë <z@example.org>")


def test_encoded_words_beside_raw_bytes_and_ascii_headers_are_read_as_before() -> None:
    mixed = _message(b"Subject: R\xe9union =?utf-8?q?=C3=A0_Gen=C3=A8ve?=\nFrom: a@example.org\n", FRENCH.encode("cp1252"), b"text/plain; charset=windows-1252")
    assert parse_bytes(mixed, name="m.eml", source_path="m.eml").title == "Réunion à Genève"
    encoded = _message(b"Subject: =?iso-8859-1?q?R=E9union?= du conseil\nFrom: =?utf-8?b?Wm/Dqw==?= <z@example.org>\n", b"Plain text.")
    parsed = parse_bytes(encoded, name="m.eml", source_path="m.eml")
    assert (parsed.title, parsed.meta["author"]) == ("Réunion du conseil", "Zoë <z@example.org>")


def test_an_attachments_raw_8bit_file_name_is_read_in_the_messages_charset() -> None:
    from triage_app.core.ingest.email_reader import attachments, parse_message

    data = (
        b'From: a@example.org\nSubject: CV\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="B"\n\n'
        b"--B\nContent-Type: text/plain; charset=iso-8859-1\n\nMon r\xe9sum\xe9 est joint.\n"
        b'--B\nContent-Type: text/html\nContent-Disposition: attachment; filename="r\xe9sum\xe9.html"\n\n<p>CV</p>\n--B--\n'
    )
    assert [a.filename for a in attachments(parse_message(data))] == ["résumé.html"]
    assert parse_bytes(data, name="m.eml", source_path="m.eml").meta["attachments"] == "résumé.html (text/html)"
