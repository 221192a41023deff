"""Issue #16: one test per hardening defect (each failed before its fix)."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

from triage_app.cli import run
from triage_app.core.errors import KnownError
from triage_app.core.library import Library


def test_d10_audit_rows_cannot_be_replaced(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    library.db.execute("INSERT INTO audit(at, user, doc_id, field, old, new, origin) VALUES ('t', 'u', 1, 'f', 'a', 'b', 'local')")
    row_id = library.db.execute("SELECT max(id) FROM audit").fetchone()[0]
    # Delete triggers fire on REPLACE only with recursive triggers on; another tool may open the file without.
    library.db.execute("PRAGMA recursive_triggers = OFF")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        library.db.execute("INSERT OR REPLACE INTO audit(id, at, user, doc_id, field, old, new, origin) "
                           "VALUES (?, 'x', 'evil', 1, 'f', 'a', 'z', 'local')", [row_id])
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        library.db.execute("REPLACE INTO audit(id, at) VALUES (?, 'x')", [row_id])
    assert library.db.execute("SELECT user, new FROM audit WHERE id = ?", [row_id]).fetchone() == ("u", "b")
    library.close()


def test_d11_a_library_from_a_newer_triage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    Library.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) VALUES ('triage', 'm999_future', 'x')")
    conn.execute("ALTER TABLE documents RENAME COLUMN note TO analyst_note")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(KnownError, match="made by a newer Triage"):
        Library.open(path)
    assert path.read_bytes() == before
    code, out, err = cli("list", "--library", str(path))
    assert code == 1 and out == "" and err.count("\n") == 1 and "made by a newer Triage" in err
    assert path.read_bytes() == before


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _library_with_pages(tmp_path: Path, count: int = 3) -> Library:
    from triage_app.core import jobs

    folder = tmp_path / "pages"
    folder.mkdir(exist_ok=True)
    for n in range(count):
        (folder / f"p{n}.txt").write_text(f"Page {n} about the harbour and alpha{n} matters.\n", encoding="utf-8")
    library = Library.open(tmp_path / "lib.sqlite")
    list(jobs.import_documents(library, [folder]))
    return library


@pytest.mark.parametrize("query", ["relevance:m", "relevance:maybe", "relevance:bogus", "harbour relevance:", "relevance:\"re"])
def test_d4_an_incomplete_or_unknown_field_value_is_a_message(tmp_path: Path, query: str) -> None:
    from triage_app.core.library import document_filter, query_syntax

    library = _library_with_pages(tmp_path)
    ids = document_filter.find_ids(library.db, document_filter.DocumentFilter(query=query))
    problems = query_syntax.parse_query(query).problems
    if query == "relevance:maybe":
        assert ids == [] and problems == []
    elif query != "harbour relevance:":
        assert problems and "relevance" in problems[0]
    library.close()


def test_d4_cli_search_with_a_bogus_relevance_is_one_line(tmp_path: Path) -> None:
    _library_with_pages(tmp_path).close()
    code, _out, err = cli("search", "relevance:bogus", "--library", str(tmp_path / "lib.sqlite"))
    assert code == 2 and "Traceback" not in err and err.count("\n") == 1 and "relevance" in err


def test_d5_a_duplicate_found_only_at_insert_time_is_a_duplicate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from triage_app.core import jobs
    from triage_app.core.library import documents

    library = _library_with_pages(tmp_path, 1)
    other = Library.open(tmp_path / "lib.sqlite")  # the second import, in another process, looked before the first stored
    real = documents.find_by_sha256
    calls: list[str] = []

    def not_yet(db: object, digest: str) -> int | None:
        calls.append(digest)
        return None if len(calls) == 1 else real(db, digest)  # type: ignore[arg-type]

    monkeypatch.setattr(documents, "find_by_sha256", not_yet)
    outcomes = [p.result for p in jobs.import_documents(other, [tmp_path / "pages" / "p0.txt"]) if p.result]
    assert [(o.status, o.doc_id) for o in outcomes] == [("duplicate", 1)]  # type: ignore[union-attr]
    assert "duplicate of #1" in outcomes[0].describe()  # type: ignore[union-attr]
    other.close()
    library.close()


EVIL_TITLE = "Evil \x1b]0;pwned\x07 \x1b[2J\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ \x1b]52;c;cm0gLXJmIH4=\x07 \x9b31m end"


def _no_controls(text: str) -> bool:
    return not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in text)


def test_d8_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    from triage_app.core.library import documents

    library = _library_with_pages(tmp_path, 1)
    library.db.execute("UPDATE documents SET title = ?, site = ?, note = ? WHERE id = 1", [EVIL_TITLE, "s\x1b[1m", "n\x07"])
    library.db.conn.commit()
    library.close()
    lib = str(tmp_path / "lib.sqlite")
    for args in (["list"], ["show", "1"], ["search", "harbour"], ["log"], ["list", "--json"], ["show", "1", "--json"]):
        code, out, err = cli(*args, "--library", lib)
        assert code == 0 and _no_controls(out) and _no_controls(err), (args, out)
        if args == ["list"]:
            assert out.count("\n") == 1 and "\\x1b]0;pwned" in out
    library = Library.open(lib)
    assert documents.get_document(library.db, 1)["title"] == EVIL_TITLE  # stored as it was
    library.close()
    odd = tmp_path / "odd"
    odd.mkdir()
    (odd / "two\nlines \x1b[31mred.txt").write_text("A page whose file name has a newline in it.\n", encoding="utf-8")
    code, out, err = cli("import", str(odd), "--library", lib)
    assert code == 0 and _no_controls(out) and _no_controls(err)
    assert len(out.splitlines()) == 2 and "imported as #2" in out.splitlines()[0]


def test_bidirectional_overrides_in_a_title_are_made_visible_on_the_terminal_and_in_csvs(tmp_path: Path) -> None:
    """"Invoice<RLO>fdp.exe" would show as "Invoiceexe.pdf" (Trojan Source): escaped like the other controls."""
    from triage_app.core.export.csvs import cell

    library = _library_with_pages(tmp_path, 1)
    library.db.execute("UPDATE documents SET title = ? WHERE id = 1", ["Invoice \u202efdp.exe \u2066isolated\u2069"])
    library.db.conn.commit()
    library.close()
    code, out, _ = cli("list", "--library", str(tmp_path / "lib.sqlite"))
    assert code == 0 and "Invoice \\u202efdp.exe \\u2066isolated\\u2069" in out and "\u202e" not in out
    assert cell("Invoice \u202efdp.exe") == "Invoice \\u202efdp.exe"
    assert cell("שלום עולם and العربية") == "שלום עולם and العربية"  # right-to-left text itself is text


def test_d8_control_characters_are_not_written_into_packet_csvs() -> None:
    from triage_app.core.export.csvs import cell

    assert _no_controls(cell(EVIL_TITLE)) and "\\x1b" in cell(EVIL_TITLE)
    assert cell("two\nlines\tok") == "two\nlines\tok"


def test_d7_a_huge_query_is_bounded_and_says_so(tmp_path: Path) -> None:
    import random
    import time

    from triage_app.core.library import document_filter, query_syntax, search

    library = _library_with_pages(tmp_path, 5)
    words = [f"w{random.Random(n).randrange(10**6)}" for n in range(5000)]
    parsed = query_syntax.parse_query(" ".join(words))
    assert parsed.match.count('"') // 2 <= query_syntax.MAX_TERMS
    assert any("terms" in p for p in parsed.problems)
    prefixes = query_syntax.parse_query(" OR ".join(f"x{n}*" for n in range(300)))
    assert prefixes.match.count("*") <= query_syntax.MAX_QUERY_PREFIXES and prefixes.problems
    hostile = query_syntax.parse_query('"a* OR "' * 3000)
    assert hostile.match.count('"') // 2 <= query_syntax.MAX_TERMS and hostile.problems
    long = query_syntax.parse_query("harbour " * 2000)
    assert len(long.match) < 2 * query_syntax.MAX_QUERY_CHARS and long.problems
    started = time.perf_counter()
    for query in (" ".join(words), '"a* OR "' * 3000, "a* " * 3000):
        document_filter.find_ids(library.db, document_filter.DocumentFilter(query=query))
        document_filter.count_matching(library.db, document_filter.DocumentFilter(query=query))
        search.search(library.db, query)
    assert time.perf_counter() - started < 5
    library.close()


def test_d7_a_running_search_can_be_stopped(tmp_path: Path) -> None:
    from triage_app.core.library import document_filter

    library = _library_with_pages(tmp_path, 3)
    with pytest.raises(document_filter.SearchStopped):
        document_filter.find_ids(library.db, document_filter.DocumentFilter(query="harbour"), is_cancelled=lambda: True)
    with pytest.raises(document_filter.SearchStopped):
        document_filter.count_matching(library.db, document_filter.DocumentFilter(query="harbour"), is_cancelled=lambda: True)
    assert document_filter.find_ids(library.db, document_filter.DocumentFilter(query="harbour"), is_cancelled=lambda: False)
    library.close()
