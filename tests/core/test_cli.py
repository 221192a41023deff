"""The command line, run in-process through `triage_app.cli.run` and once as a real process."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from triage_app.__main__ import wants_cli
from triage_app.cli import run


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def lib(tmp_path: Path) -> str:
    return str(tmp_path / "lib.sqlite")


def test_import_then_duplicate_then_search(seeds_copy: Path, lib: str) -> None:
    code, out, _ = cli("import", str(seeds_copy), "--library", lib)
    assert code == 0 and "imported as #1" in out and "1 imported" in out
    code, out, _ = cli("--library", lib, "import", str(seeds_copy))
    assert code == 0 and "duplicate of #1" in out
    code, out, _ = cli("search", "guarantees", "--library", lib, "--json")
    hits = json.loads(out)
    assert [h["id"] for h in hits] == [1] and "[guarantees]" in hits[0]["snippet"]


def test_list_json_and_triage_commands(seeds_copy: Path, lib: str) -> None:
    cli("import", str(seeds_copy), "--library", lib)
    assert cli("mark", "1", "not_relevant", "--library", lib)[0] == 0
    assert cli("star", "1", "--library", lib)[0] == 0
    assert cli("tag", "1", "nato", "kyiv", "--library", lib)[0] == 0
    assert cli("note", "1", "follow", "up", "--library", lib)[0] == 0
    code, out, _ = cli("list", "--json", "--library", lib)
    (row,) = json.loads(out)
    assert set(row) >= {"id", "title", "site", "relevance"}
    assert row["relevance"] == "not-relevant" and row["starred"] and row["tags"] == ["kyiv", "nato"]
    code, out, _ = cli("log", "1", "--json", "--library", lib)
    assert code == 0
    assert [r["field"] for r in json.loads(out)] == ["relevance", "starred", "tags", "note"]
    code, out, _ = cli("show", "1", "--library", lib, "--json")
    assert code == 0
    assert json.loads(out)["note"] == "follow up"


def test_errors_are_one_line_with_exit_codes(lib: str, tmp_path: Path) -> None:
    code, _, err = cli("mark", "1", "urgent", "--library", lib)
    assert code == 2 and err.count("\n") == 1 and "relevance must be one of" in err
    code, _, err = cli("show", "42", "--library", lib)
    assert code == 1 and "no document #42" in err
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 200)
    code, _, err = cli("list", "--library", str(bad))
    assert code == 1 and "damaged" in err and err.count("\n") == 1


def test_text_arguments_that_are_not_utf8_are_refused_in_one_line_and_paths_are_not(seeds_copy: Path, tmp_path: Path) -> None:
    """A terminal set to Latin-1 under a UTF-8 system passes "résumé" as bytes Python keeps as lone surrogates:
    SQLite refused them with a traceback. A file's name may be such bytes."""
    folder = tmp_path / os.fsdecode(b"dossier \xe9t\xe9")
    shutil.copytree(seeds_copy, folder)
    lib = str(tmp_path / os.fsdecode(b"biblioth\xe8que.sqlite"))
    code, out, _ = cli("import", str(folder), "--library", lib)
    assert code == 0 and "imported as #1" in out and "dossier \\xe9t\\xe9" in out
    latin = os.fsdecode(b"r\xe9sum\xe9")
    for args in (["note", "1", latin], ["tag", "1", latin], ["search", latin], ["export", "--out", str(tmp_path / "p.zip"), "--title", latin]):
        code, _, err = cli(*args, "--library", lib)
        assert code == 2 and err.count("\n") == 1 and '"r\\xe9sum\\xe9" is not UTF-8 text' in err, (args, err)
    assert cli("show", "1", "--library", lib, "--json")[0] == 0 and not (tmp_path / "p.zip").exists()


def test_remove_takes_documents_out_and_a_missing_id_removes_nothing(seeds_copy: Path, lib: str) -> None:
    assert cli("import", str(seeds_copy), "--library", lib)[0] == 0
    code, _, err = cli("remove", "1", "7", "--library", lib)
    assert code == 2 and "no document #7: nothing was removed" in err
    assert json.loads(cli("list", "--json", "--library", lib)[1])[0]["id"] == 1
    code, out, _ = cli("remove", "1", "--library", lib, "--yes")
    assert code == 0 and out == "removed 1 document: #1\n"
    assert json.loads(cli("list", "--json", "--library", lib)[1]) == []
    assert cli("search", "guarantees", "--library", lib)[1].startswith("No documents match")
    assert [r["field"] for r in json.loads(cli("log", "1", "--json", "--library", lib)[1])] == ["removed"]
    line = cli("log", "1", "--library", lib)[1]
    assert " #1 removed: " in line and " · sha256 " in line and "->" not in line
    code, out, _ = cli("import", str(seeds_copy), "--library", lib)
    assert code == 0 and "imported as #2" in out  # the file again: a new document


class _Terminal(io.StringIO):
    """Typed answers on a terminal."""

    def isatty(self) -> bool:
        return True


def test_remove_asks_first_and_without_anyone_to_ask_needs_yes(seeds_copy: Path, lib: str) -> None:
    """Removing deletes the analyst's decisions, tags and notes for good: as the window does, the command lists what
    would go and asks, and where no one can answer (a script, a pipe) it removes only with --yes."""
    assert cli("import", str(seeds_copy), "--library", lib)[0] == 0
    assert cli("mark", "1", "relevant", "--library", lib)[0] == 0
    assert cli("tag", "1", "ports", "--library", lib)[0] == 0
    code, out, err = cli("remove", "1", "--library", lib)  # not a terminal
    assert code == 2 and out == "" and "pass --yes" in err and "nothing was removed" in err
    out, err = io.StringIO(), io.StringIO()
    code = run(["remove", "1", "--library", lib], stdout=out, stderr=err, stdin=_Terminal("n\n"))
    assert code == 1 and out.getvalue() == ""
    assert '#1 "Conditional US Offer' in err.getvalue() and ": relevant, 1 tag" in err.getvalue()
    assert err.getvalue().endswith("Remove them? [y/N] triage-app remove: nothing was removed\n")
    assert [d["id"] for d in json.loads(cli("list", "--json", "--library", lib)[1])] == [1]
    code = run(["remove", "1", "--library", lib], stdout=out, stderr=err, stdin=_Terminal("y\n"))
    assert code == 0 and out.getvalue() == "removed 1 document: #1\n"
    assert json.loads(cli("list", "--json", "--library", lib)[1]) == []


def test_a_command_on_an_older_library_says_it_upgrades_it_first(lib: str) -> None:
    from triage_app.core.library import Library
    from triage_app.core.library.migrations import MIGRATIONS

    with Library.open(Path(lib), migrate=False) as library:
        MIGRATIONS.apply(library.db, stop_before="m041_search_index_reads_cjk_characters")
    code, _out, err = cli("list", "--library", lib)
    assert code == 0 and err == "triage-app: upgrading the library for this version (a backup copy is made first)…\n"
    assert cli("list", "--library", lib)[2] == ""  # once


def test_strict_import_fails_when_a_file_failed(tmp_path: Path, lib: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    assert cli("import", str(tmp_path / "in"), "--library", lib)[0] == 0
    code, out, _ = cli("import", str(tmp_path / "in"), "--library", lib, "--strict")
    assert code == 1 and "failed" in out


def test_gui_or_cli_dispatch() -> None:
    assert wants_cli(["import", "x"]) and wants_cli(["--library", "L", "list"]) and wants_cli(["--version"])
    assert not wants_cli([]) and not wants_cli(["--library", "L"]) and not wants_cli(["page.html"])


def test_real_process_usage_error_exit_code(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "triage_app", "mark"], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert result.returncode == 2 and "usage:" in result.stderr


def test_the_command_line_loads_the_review_model_and_clustering_libraries_only_for_their_commands(tmp_path: Path) -> None:
    """Every command builds the whole parser: SciPy and scikit-learn (about a second together) must not load
    for `import`, `list` or `show`, only for `rank`, `estimate` and `duplicates`, which use them."""
    probe = (
        "import sys; from triage_app.cli import run; "
        "code = run(sys.argv[1:]); "
        "print(code, sorted(m for m in ('scipy', 'sklearn', 'datasketch') if m in sys.modules))"
    )
    page = tmp_path / "page.txt"
    page.write_text("The harbour authority logged a vessel arriving from the north at dawn.\n", encoding="utf-8")
    lib = str(tmp_path / "lib.sqlite")
    light = subprocess.run([sys.executable, "-c", probe, "import", str(page), "--library", lib],
                           capture_output=True, text=True, timeout=120, check=False)
    assert light.stdout.strip().endswith("0 []"), (light.stdout, light.stderr)
    heavy = subprocess.run([sys.executable, "-c", probe, "duplicates", "--library", lib],
                           capture_output=True, text=True, timeout=120, check=False)
    assert heavy.stdout.strip().endswith("0 ['datasketch', 'scipy']"), (heavy.stdout, heavy.stderr)


def test_import_recleans_a_site_that_gained_pages(tmp_path: Path, lib: str) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    stories = [
        "The harbour authority approved the new breakwater after a decade of storms and repairs.",
        "Fishermen in the northern bay reported record catches of cod this spring season.",
        "The council voted to restore the old lighthouse and open it to visitors next summer.",
    ]
    for n, story in enumerate(stories):
        body = " ".join([story] * 4)
        (folder / f"story{n}.html").write_text(
            "<html><head><title>Story</title><meta property='og:site_name' content='Harbour News'></head><body>"
            f"<article><h1>Story {n}</h1><p>{body}</p><p>{body} Again.</p>"
            "<p>Harbour News is an independent weekly paper serving the coast since 1901, read by thousands.</p>"
            "</article></body></html>",
            encoding="utf-8",
        )
    code, out, _ = cli("import", str(folder), "--library", lib, "--json")
    report = json.loads(out)
    assert code == 0 and report["counts"]["imported"] == 3
    assert report["recleaned"] == 3
    code, out, _ = cli("show", "3", "--library", lib, "--json", "--blocks")
    blocks = json.loads(out)["blocks"]
    template = [b for b in blocks if b["text"].startswith("Harbour News is an independent")]
    assert template and not template[0]["kept"] and "site template" in template[0]["reason"]
