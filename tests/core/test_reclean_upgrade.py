"""After an update of Triage, the library's cleaned text follows the new cleaner: the documents an earlier version
made are re-cleaned (core job, `reclean` command, and at the window's start: tests/gui/test_reclean_on_start.py),
each re-clean audited, with the analyst's decisions and block overrides kept."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from triage_app.cli import run
from triage_app.core import jobs
from triage_app.core.clean import CLEAN_ENGINE
from triage_app.core.library import Library, documents, triage, upgrade
from triage_app.core.library.block_overrides import set_block_override

PAGE = """<html><head><title>Harbour reopens</title></head><body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Harbour reopens</h1><p>The harbour reopened on Monday after the storm, the port authority said in a statement.</p>
<p>Fishing boats left at dawn, and the market expects its first catch on Tuesday morning, traders said.</p>
<pre>tide   high  05:12
tide   low   11:30</pre></article></body></html>"""


def _library(tmp_path: Path, count: int = 2) -> Library:
    paths = []
    for n in range(count):
        path = tmp_path / f"page{n}.html"
        path.write_text(PAGE.replace("Monday", f"Monday {n}"), encoding="utf-8")
        paths.append(path)
    library = Library.open(tmp_path / "l.sqlite")
    list(jobs.import_documents(library, paths))
    return library


def _age(library: Library, doc_id: int, engine: str) -> None:
    """Make a document look as an earlier cleaner left it."""
    with library.transaction() as db:
        db.execute("UPDATE documents SET clean_engine = ?, text = 'what the old cleaner kept' WHERE id = ?", [engine, doc_id])


def test_only_documents_of_an_earlier_version_of_this_cleaner_are_older(tmp_path: Path) -> None:
    library = _library(tmp_path, 4)
    _age(library, 1, "triage-clean/1.2")
    _age(library, 3, "")  # stored by something else: left as it is
    _age(library, 4, "triage-clean/999.1")  # a later Triage's: an older one opening the library leaves it
    assert upgrade.cleaned_by_older_engine(library.db) == [1]
    assert upgrade.engine_version("triage-clean/1.9") < upgrade.engine_version("triage-clean/1.10")  # type: ignore[operator]
    library.close()


def test_the_upgrade_re_cleans_audits_and_keeps_decisions_and_overrides(tmp_path: Path) -> None:
    library = _library(tmp_path)
    fresh = documents.get_document(library.db, 1)["text"]
    removed = next(b for b in documents.get_blocks(library.db, 1) if not b.kept)
    set_block_override(library, 1, removed.index, True)  # the analyst keeps the menu
    triage.set_relevance(library, 1, "relevant")
    triage.set_note(library, 1, "check the tide table")
    kept_text = documents.get_document(library.db, 1)["text"]
    assert kept_text != fresh and removed.text in kept_text
    _age(library, 1, "triage-clean/1.2")
    steps = list(upgrade.reclean_older_job(library))
    assert [s.result for s in steps if s.result is not None] == [1]
    doc = documents.get_document(library.db, 1)
    assert doc["clean_engine"] == CLEAN_ENGINE and doc["text"] == kept_text  # the override applied again
    assert doc["relevance"] == "relevant" and doc["note"] == "check the tide table"
    assert "tide   high  05:12\ntide   low   11:30" in doc["text"]
    rows = [r for r in triage.audit_log(library.db, 1) if r["field"] == "clean_engine"]
    assert [(r["old"], r["new"], r["origin"]) for r in rows] == [("triage-clean/1.2", CLEAN_ENGINE, upgrade.UPGRADE)]
    assert upgrade.cleaned_by_older_engine(library.db) == []
    library.close()


def test_a_cancelled_upgrade_leaves_the_rest_for_the_next_run(tmp_path: Path) -> None:
    library = _library(tmp_path)
    _age(library, 1, "triage-clean/1.2")
    _age(library, 2, "triage-clean/1.2")
    asked = iter([False, True])
    list(upgrade.reclean_older_job(library, is_cancelled=lambda: next(asked)))
    assert upgrade.cleaned_by_older_engine(library.db) == [2]
    assert documents.get_document(library.db, 2)["text"] == "what the old cleaner kept"  # untouched, not half-done
    library.close()


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_the_reclean_command(tmp_path: Path) -> None:
    library = _library(tmp_path)
    _age(library, 2, "triage-clean/1.2")
    library.close()
    lib = str(tmp_path / "l.sqlite")
    code, out, _ = _cli("reclean", "--dry-run", "--library", lib)
    assert code == 0 and out.startswith("1 document cleaned by an earlier version")
    code, out, _ = _cli("reclean", "--library", lib, "--json")
    assert code == 0 and json.loads(out)["recleaned"] == 1
    assert _cli("reclean", "--dry-run", "--library", lib, "--json")[1].count('"older": 0') == 1
    code, _, err = _cli("reclean", "7", "--library", lib)
    assert code == 2 and "no document #7" in err
    code, out, _ = _cli("reclean", "1", "--library", lib)
    assert code == 0 and out.startswith("1 document re-cleaned")
    code, out, _ = _cli("log", "2", "--library", lib)
    assert f"clean_engine: triage-clean/1.2 -> {CLEAN_ENGINE} (upgrade)" in out


def test_the_start_up_question_reads_an_index_not_the_texts(tmp_path: Path) -> None:
    """`cleaned_by_older_engine` runs at every start of the window: the engine is stored after the long text, so
    a table scan would read every text's overflow pages; the index answers it alone."""
    library = _library(tmp_path, 1)
    plan = " ".join(str(row) for row in library.db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM documents WHERE clean_engine >= ? AND clean_engine < ? AND clean_engine != ?",
        [upgrade.ENGINE_FAMILY, "triage-clean0", CLEAN_ENGINE],
    ))
    assert "COVERING INDEX documents_clean_engine" in plan
    library.close()


def test_many_documents_are_re_cleaned_in_a_pool_of_processes_with_the_same_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past `POOL_MIN_DOCUMENTS` the cleaning runs in worker processes (the writer only reads and stores): the texts,
    blocks, overrides and audit rows are those of the re-clean in this process."""
    count = upgrade.POOL_MIN_DOCUMENTS + 2
    library = _library(tmp_path, count)
    fresh = {i: (documents.get_document(library.db, i)["text"], [b.kept for b in documents.get_blocks(library.db, i)])
             for i in range(1, count + 1)}
    menu = next(b for b in documents.get_blocks(library.db, 3) if not b.kept)
    set_block_override(library, 3, menu.index, True)
    kept_by_hand = documents.get_document(library.db, 3)["text"]
    for doc_id in range(1, count + 1):
        _age(library, doc_id, "triage-clean/1.2")
    def in_this_process(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("re-cleaned in this process, not in the pool")

    monkeypatch.setattr(upgrade, "reclean_documents", in_this_process)
    steps = list(upgrade.reclean_older_job(library, workers=2))
    assert sorted(s.result for s in steps if s.result is not None) == list(range(1, count + 1))
    for doc_id, (text, kept) in fresh.items():
        if doc_id != 3:
            assert documents.get_document(library.db, doc_id)["text"] == text
            assert [b.kept for b in documents.get_blocks(library.db, doc_id)] == kept
    assert documents.get_document(library.db, 3)["text"] == kept_by_hand
    rows = [r for r in triage.audit_log(library.db) if r["field"] == "clean_engine"]
    assert len(rows) == count and {r["origin"] for r in rows} == {upgrade.UPGRADE}
    assert upgrade.cleaned_by_older_engine(library.db) == []
    library.close()
