"""Charset order: byte-order mark, then the declared charset, then detection; decoding never raises."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage_app.core.ingest import parse_bytes
from triage_app.core.ingest.charset import declared_html_charset, decode_bytes, looks_binary, normalise_label

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def test_utf16_with_bom() -> None:
    doc = parse_bytes((DATA / "utf16_bom.html").read_bytes(), name="p.html", source_path="p.html")
    assert doc.charset == "utf-16-le"
    assert doc.title == "Überblick: Verhandlungen"
    assert not (doc.html or "").startswith("\ufeff")


def test_utf16_big_endian_without_bom() -> None:
    data = "<html><title>Ohne BOM</title></html>".encode("utf-16-be")
    doc = parse_bytes(data, name="p.html", source_path="p.html")
    assert doc.charset == "utf-16-be"
    assert doc.title == "Ohne BOM"


def test_windows_1251_declared_in_meta() -> None:
    doc = parse_bytes((DATA / "cp1251.html").read_bytes(), name="p.html", source_path="p.html")
    assert doc.charset == "cp1251"
    assert doc.title == "Новости дня"
    assert "Переговоры продолжаются" in (doc.html or "")


def test_bom_beats_a_wrong_declaration() -> None:
    data = codecs.BOM_UTF8 + '<meta charset="windows-1251"><title>Café</title>'.encode()
    decoded = decode_bytes(data, html=True)
    assert decoded.charset == "utf-8"
    assert "Café" in decoded.text


def test_xml_declaration() -> None:
    data = '<?xml version="1.0" encoding="ISO-8859-2"?><html><title>Łódź</title></html>'.encode("iso-8859-2")
    assert declared_html_charset(data) == "iso8859-2"
    assert parse_bytes(data, name="p.xhtml", source_path="p").title == "Łódź"


def test_latin1_label_means_windows_1252_as_in_browsers() -> None:
    assert normalise_label("ISO-8859-1") == "cp1252"
    assert normalise_label("no-such-charset") is None
    data = b'<meta charset="iso-8859-1"><title>\x93Quoted\x94</title>'
    assert parse_bytes(data, name="p.html", source_path="p").title == "\u201cQuoted\u201d"


def test_invalid_utf8_does_not_crash_and_keeps_the_good_text() -> None:
    data = "<html><title>Zürich talks</title><p>Straße</p>".encode() + b"\xff\xfe\xc3 broken" + b"<p>more</p>"
    doc = parse_bytes(data, name="p.html", source_path="p")
    assert doc.charset == "utf-8"
    assert doc.title == "Zürich talks"
    assert "\ufffd" in (doc.html or "")


def test_undeclared_legacy_bytes_are_detected() -> None:
    text = "Переговоры продолжаются в Женеве, сообщили официальные лица в понедельник. " * 20
    decoded = decode_bytes(text.encode("cp1251"))
    assert decoded.text == text
    assert decoded.charset == "cp1251"


def test_nul_bytes_never_reach_the_text() -> None:
    assert "\x00" not in decode_bytes(b"a\x00b").text


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, True),
        (bytes(range(256)) * 40, True),
        ("plain words, Straße".encode() * 100, False),
        (b"<html>\n\t<body>\x0c</body></html>", False),
    ],
)
def test_looks_binary(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(["p.html", "p.txt", "p.mhtml", "p"]))
def test_any_bytes_either_parse_or_fail_plainly(data: bytes, name: str) -> None:
    from triage_app.core.errors import IngestError

    try:
        doc = parse_bytes(data, name=name, source_path=name)
    except IngestError as exc:
        assert str(exc)
    else:
        assert doc.charset
        assert "\x00" not in doc.body_source


def test_utf8_bytes_under_an_old_legacy_declaration() -> None:
    data = '<meta charset="windows-1252"><title>Zürich – Genève</title>'.encode()
    doc = parse_bytes(data, name="p.html", source_path="p")
    assert (doc.charset, doc.title) == ("utf-8", "Zürich – Genève")


def test_legacy_bytes_under_a_wrong_utf8_declaration() -> None:
    body = "Переговоры продолжаются в Женеве, сообщили официальные лица в понедельник. " * 10
    data = f'<meta charset="utf-8"><title>Новости</title><p>{body}</p>'.encode("cp1251")
    doc = parse_bytes(data, name="p.html", source_path="p")
    assert (doc.charset, doc.title) == ("cp1251", "Новости")
