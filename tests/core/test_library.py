"""The library file: WAL, migrations with a backup, verbatim originals, dedup, transactions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from triage_app.core.errors import KnownError
from triage_app.core.library import Library, documents
from triage_app.core.library.migrations import MIGRATIONS
from triage_app.core.library.word_counts import word_count
from triage_app.core.records import Block, CleanResult, ParsedDocument, Resource


def _parsed(data: bytes = b"<html><title>T</title><p>Hello world</p></html>") -> ParsedDocument:
    return ParsedDocument(
        "/in/page.html", data, "html", "utf-8", html=data.decode("utf-8", "replace"), original_name="page.html",
        resources=[Resource("page_files/a.png", "image/png", b"\x89PNG" + bytes(range(256)) * 10)],
    )


def _cleaned(text: str = "Hello world") -> CleanResult:
    return CleanResult(
        blocks=[Block(0, "paragraph", text, True, None, "dom:/html/body/p[1]"), Block(1, "line", "Menu", False, "navigation")],
        title="T", site="Example", byline="A. Writer", published="2025-01-02",
    )


def test_open_creates_wal_library_with_all_migrations(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as library:
        assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert library.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert library.schema_version() == [m.name for m in MIGRATIONS._migrations]
        assert library.integrity_ok()


def test_original_bytes_round_trip_verbatim(fresh_library: Library) -> None:
    data = b"\xef\xbb\xbf<html>\r\n<p>caf\xc3\xa9 \xff</p></html>" * 50
    doc_id = documents.insert_document(fresh_library, _parsed(data), _cleaned())
    assert documents.get_original(fresh_library.db, doc_id) == data
    doc = documents.get_document(fresh_library.db, doc_id)
    assert doc["sha256"] == documents.sha256_hex(data)
    assert doc["size"] == len(data)
    assert doc["title"] == "T" and doc["site"] == "Example" and doc["author"] == "A. Writer"
    assert doc["text"] == "Hello world"
    assert documents.get_resources(fresh_library.db, doc_id)[0].data.startswith(b"\x89PNG")
    blocks = documents.get_blocks(fresh_library.db, doc_id)
    assert [(b.kept, b.reason) for b in blocks] == [(True, None), (False, "navigation")]


def test_a_failed_transaction_leaves_nothing(fresh_library: Library) -> None:
    with pytest.raises(RuntimeError), fresh_library.transaction() as db:
        db["documents"].insert({"sha256": "x", "size": 1, "format": "text", "imported_at": "now"})
        raise RuntimeError("boom")
    assert documents.document_count(fresh_library.db) == 0


def test_sha256_is_unique(fresh_library: Library) -> None:
    documents.insert_document(fresh_library, _parsed(), _cleaned())
    with pytest.raises(sqlite3.IntegrityError):
        documents.insert_document(fresh_library, _parsed(), _cleaned())
    assert documents.document_count(fresh_library.db) == 1


def test_upgrade_takes_a_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path, migrate=False) as library:
        MIGRATIONS.apply(library.db, stop_before="m005_entities_quotes")
        assert "m005_entities_quotes" not in library.schema_version()
    with Library.open(path) as library:
        assert "m005_entities_quotes" in library.schema_version()
    backups = list(tmp_path.glob("lib.sqlite.backup-*"))
    assert len(backups) == 1
    with Library.open(backups[0], migrate=False) as old:
        assert "m005_entities_quotes" not in old.schema_version()


def test_an_upgrade_keeps_calling_back_while_it_copies_and_migrates_and_a_new_library_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window's notice pumps its events from these calls (`gui/widgets/upgrade_notice.py`)."""
    from triage_app.core.library import db as library_db

    monkeypatch.setattr(library_db, "COPY_CHUNK", 4096)  # several chunks of a small library's backup
    path = tmp_path / "lib.sqlite"
    with Library.open(path, migrate=False) as library:
        MIGRATIONS.apply(library.db, stop_before="m041_search_index_reads_cjk_characters")
        library.db["documents"].insert_all([{"sha256": f"{n:064x}", "size": 1, "format": "text", "imported_at": "2026-01-01",
                                             "title": f"Doc {n}", "text": "word " * 200} for n in range(50)])
    calls: list[str] = []
    with Library.open(path, before_upgrade=lambda: calls.append("before"), during_upgrade=lambda: calls.append("tick")) as library:
        assert "m041_search_index_reads_cjk_characters" in library.schema_version()
        assert library.db.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 50  # the handler is gone
    assert calls[0] == "before" and calls.count("tick") > 3
    backup = next(tmp_path.glob("lib.sqlite.backup-*"))
    assert backup.stat().st_size > 4096 * 3  # copied in several chunks, a call after each
    with Library.open(backup, migrate=False) as old:
        assert "m041_search_index_reads_cjk_characters" not in old.schema_version()
        assert old.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 50
    fresh: list[str] = []
    with Library.open(tmp_path / "new.sqlite", before_upgrade=lambda: fresh.append("before"), during_upgrade=lambda: fresh.append("tick")):
        pass
    assert fresh == []


def test_not_a_database_gives_a_known_error(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(KnownError, match="damaged or is not a Triage library"):
        Library.open(path)


def test_folder_that_cannot_be_created_gives_a_known_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(KnownError):
        Library.open(blocker / "sub" / "lib.sqlite")


def test_audit_log_is_append_only(fresh_library: Library) -> None:
    from triage_app.core.library import triage

    doc_id = documents.insert_document(fresh_library, _parsed(), _cleaned())
    triage.set_relevance(fresh_library, doc_id, "relevant")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        fresh_library.db.execute("DELETE FROM audit")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        fresh_library.db.execute("UPDATE audit SET new = 'x'")


def test_chinese_and_japanese_characters_count_one_word_each() -> None:
    assert word_count("Hello world, two words.") == 4
    assert word_count("北京是中国的首都，也是一座历史悠久的城市。") == 19  # one per character, not one per clause
    assert word_count("東京は日本の首都です。") == 10  # kanji and kana alike
    assert word_count("iPhone 15发布了") == 5
    assert word_count("서울은 한국의 수도입니다.") == 3  # Korean spaces its words


def test_a_library_counts_its_chinese_documents_again(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    chinese = "北京是中国的首都，也是一座历史悠久的城市。"
    with Library.open(path) as library:
        zh = documents.insert_document(library, _parsed(), CleanResult([Block(0, "paragraph", chinese, True)], language="zh"))
        with library.transaction() as db:  # as the count was before: one word per clause
            db["documents"].update(zh, {"word_count": 2})
            db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm040_words_of_chinese_and_japanese'")
    with Library.open(path) as library:
        assert library.db["documents"].get(zh)["word_count"] == 19


def test_words_written_with_vowel_signs_count_once() -> None:
    """`\\w` takes a combining mark for a word break: "हिन्दी भारत की राजभाषा है" counted 12 words, not 5."""
    assert word_count("हिन्दी भारत की राजभाषा है।") == 5
    assert word_count("قال مُحَمَّد إن") == 3 and word_count("Mu\u0308nchen") == 1
    assert word_count("ตลาดหลักทรัพย์ แห่งประเทศไทย") == 2  # runs between spaces: no Thai word segmenter
