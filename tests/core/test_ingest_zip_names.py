"""Zip member names written without the UTF-8 flag (Windows' own zip before Windows 11, old tools): read in the
codepage they were written in, not as cp437 mojibake ("Новости" read as "ì«ó«ßΓ¿")."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from triage_app.core import jobs
from triage_app.core.library import Library
from triage_app.core.records import ImportOutcome


def _write_zip(path: Path, members: dict[str, str], encoding: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A zip whose names are `encoding`'s bytes with no UTF-8 flag, as a DOS-codepage tool writes them (zipfile
    itself flags every non-ASCII name and writes UTF-8: its name encoder is told to write the bytes as they are)."""
    with monkeypatch.context() as patch:
        patch.setattr(zipfile.ZipInfo, "_encodeFilenameFlags", lambda info: (info.filename.encode("cp437"), info.flag_bits))
        with zipfile.ZipFile(path, "w") as archive:
            for name, text in members.items():
                archive.writestr(zipfile.ZipInfo(name.encode(encoding).decode("cp437")), text)
    data = path.read_bytes()
    assert all(name.encode(encoding) in data for name in members)


def _page(title: str, text: str) -> str:
    return f"<html><head><title>{title}</title></head><body><article><p>{text * 12}</p></article></body></html>"


RUSSIAN = "Городской совет обсудил бюджет на следующий год, сообщил мэр в понедельник. "
JAPANESE = "東京の天気は明日も晴れる見込みだと気象庁が発表しました。"
POLISH = "Rada miasta zebrała się w poniedziałek, żeby omówić przyszłoroczny budżet. "
KOREAN = "서울시 의회는 월요일에 내년 예산을 논의했다고 시장이 밝혔다. "
CHINESE = "上海市政府周一表示，明年的预算将在下周公布。"


@pytest.mark.parametrize(
    ("encoding", "members"),
    [
        ("cp866", {"Новости/Бюджет города.html": _page("Бюджет", RUSSIAN), "Новости/Погода.txt": RUSSIAN * 5}),
        ("cp932", {"ニュース/東京の天気.html": _page("天気", JAPANESE)}),
        ("cp852", {"Wiadomości/Budżet miasta.html": _page("Budżet", POLISH)}),
        ("cp949", {"뉴스/서울 예산.html": _page("예산", KOREAN)}),  # read as Chinese characters unless the pages say Korean
        ("cp936", {"新闻/上海预算.html": _page("预算", CHINESE)}),
        ("utf-8", {"Новости/Бюджет.html": _page("Бюджет", RUSSIAN)}),  # Info-ZIP on Linux and macOS: UTF-8, no flag
    ],
)
def test_unflagged_member_names_are_read_in_their_codepage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str, members: dict[str, str]
) -> None:
    archive = tmp_path / "from windows.zip"
    _write_zip(archive, members, encoding, monkeypatch)
    assert all(not info.flag_bits & 0x800 for info in zipfile.ZipFile(archive).infolist())
    library = Library.open(tmp_path / "library.sqlite")
    try:
        outcomes = [p.result for p in jobs.import_documents(library, [archive]) if isinstance(p.result, ImportOutcome)]
        stored = {row[0] for row in library.db.execute("SELECT original_name FROM documents")}
    finally:
        library.close()
    assert sorted(o.source for o in outcomes) == sorted(f"{archive}!/{name}" for name in members)
    assert all(o.status == "imported" for o in outcomes)
    assert stored == {name.rsplit("/", 1)[-1] for name in members}


def test_ascii_and_flagged_names_are_as_before(tmp_path: Path) -> None:
    archive = tmp_path / "plain.zip"
    with zipfile.ZipFile(archive, "w") as writer:
        writer.writestr("a.html", _page("A", "Plain English text about the harbour. "))
        writer.writestr("Café/Übersicht.html", _page("B", "Der Hafen wurde am Montag wieder geöffnet. "))  # UTF-8 flag set
    library = Library.open(tmp_path / "library.sqlite")
    try:
        outcomes = [p.result for p in jobs.import_documents(library, [archive]) if isinstance(p.result, ImportOutcome)]
    finally:
        library.close()
    assert sorted(o.source.rsplit("!/", 1)[1] for o in outcomes) == ["Café/Übersicht.html", "a.html"]


@pytest.mark.parametrize(
    ("encoding", "names"),
    [
        ("cp850", ["Résumé de la réunion.html", "Procès-verbal.txt"]),
        ("cp737", ["Ειδήσεις/Καιρός.html"]),
        ("cp857", ["Haberler/Güneş ve yağmur.html"]),
        ("cp862", ["חדשות/מזג אוויר.html"]),
        ("cp775", ["Naujienos/Orų prognozė.html"]),
        ("cp950", ["新聞/台北天氣.html"]),
        ("cp866", ["Доклад.html"]),
    ],
)
def test_names_alone_are_read_in_the_codepage_that_fits_their_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str, names: list[str]
) -> None:
    from triage_app.core.ingest.zip_names import member_names

    archive = tmp_path / "names.zip"
    _write_zip(archive, dict.fromkeys(names, "x"), encoding, monkeypatch)
    with zipfile.ZipFile(archive) as reader:
        assert member_names(reader.infolist()) == names
