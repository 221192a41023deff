"""Annotation with the model in one spawned child process: same results, one child per run, none left behind."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterable, Iterator
from multiprocessing.process import BaseProcess
from pathlib import Path

import pytest

from triage_app.core.library import Library, annotation_queries, annotations, documents
from triage_app.core.nlp import get_engine
from triage_app.core.records import Annotation, Block, CleanResult, ParsedDocument, Progress

TEXT = 'Anna Berg met Omar Haddad in Paris on Monday. "We will not give up," said Anna Berg after the talks.'


def _add(library: Library, count: int, *, repeat: int = 1) -> list[int]:
    ids = []
    for n in range(count):
        text = f"{TEXT} Report number {n} came from the Oslo office. " * repeat
        parsed = ParsedDocument(f"/doc{n}.txt", text.encode(), "text", "utf-8", text=text)
        ids.append(documents.insert_document(library, parsed, CleanResult([Block(0, "line", text, True)])))
    return ids


def _alive(pid: int) -> bool:
    """True while `pid` runs (a zombie nobody reaped yet counts as ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] not in {"Z", "X"}
    except (OSError, IndexError):
        return True


def _run(steps: Iterator[Progress], children: dict[int, BaseProcess]) -> list[Progress]:
    """Every step, noting the child processes alive at each one."""
    seen = []
    for progress in steps:
        children.update((child.pid, child) for child in multiprocessing.active_children() if child.pid is not None)
        seen.append(progress)
    return seen


@pytest.mark.nlp
@pytest.mark.slow
def test_the_child_annotates_like_the_engine_here_and_is_gone_afterwards(tmp_path: Path) -> None:
    with Library.open(tmp_path / "child.sqlite") as library, Library.open(tmp_path / "here.sqlite") as here:
        ids = _add(library, 5)
        _add(here, 5)
        children: dict[int, BaseProcess] = {}
        steps = _run(annotations.annotate_documents(library, off_process=True, batch_size=2), children)
        list(annotations.annotate_documents(here, batch_size=2))
        assert len(children) == 1, "one child process for the whole run"
        assert not any(_alive(pid) for pid in children)
        assert [child.exitcode for child in children.values()] == [0]
        assert sorted(i for p in steps if isinstance(p.result, list) for i in p.result) == ids
        assert steps[-1].done == steps[-1].total == 5
        for doc_id in ids:
            found = [(e["canonical"], e["label"], e["start"]) for e in annotation_queries.document_entities(library.db, doc_id)]
            assert found == [(e["canonical"], e["label"], e["start"]) for e in annotation_queries.document_entities(here.db, doc_id)]
            assert ("Anna Berg", "PERSON", 0) in found
            quotes = annotation_queries.document_quotes(library.db, doc_id)
            assert [(q["text"], q["speaker_canonical"]) for q in quotes] == [
                (q["text"], q["speaker_canonical"]) for q in annotation_queries.document_quotes(here.db, doc_id)
            ]
            assert quotes and quotes[0]["speaker_canonical"] == "Anna Berg"
        assert annotations.pending_ids(library.db, get_engine().name) == []


@pytest.mark.nlp
@pytest.mark.slow
def test_cancelling_ends_the_child_at_once(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib.sqlite") as library:
        _add(library, 60, repeat=8)
        children: dict[int, BaseProcess] = {}
        stored: list[int] = []
        cancel = threading.Event()

        def steps() -> Iterator[Progress]:
            for progress in annotations.annotate_documents(library, off_process=True, batch_size=20, is_cancelled=cancel.is_set):
                if isinstance(progress.result, list):
                    stored.extend(progress.result)
                elif stored:  # waiting for the second batch: the child is busy with it
                    cancel.set()
                yield progress

        seen = _run(steps(), children)
        assert seen[-1].message == "Cancelled"
        assert len(stored) == 20, "the first batch is stored, the one the child was working on is not"
        assert len(children) == 1 and not any(_alive(pid) for pid in children)
        assert [child.exitcode for child in children.values()] == [-signal.SIGTERM], "ended, not waited for"


class FakeEngine:
    """Not the shared spaCy engine, so it cannot be rebuilt in a child: it must run in a thread here."""

    name = "fake/1"

    def __init__(self) -> None:
        self.threads: set[str] = set()

    def annotate(self, text: str) -> Annotation:
        return next(self.annotate_many([text]))

    def annotate_many(self, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Annotation]:
        self.threads.add(threading.current_thread().name)
        for _ in texts:
            yield Annotation(entities=[], quotes=[], engine=self.name)


def test_an_engine_passed_in_runs_in_a_thread_instead(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib.sqlite") as library:
        ids = _add(library, 3)
        engine = FakeEngine()
        children: dict[int, BaseProcess] = {}
        _run(annotations.annotate_documents(library, engine=engine, off_process=True), children)  # type: ignore[arg-type]
        assert not children
        assert engine.threads and all(name.startswith("triage-nlp") for name in engine.threads)
        assert all(documents.get_document(library.db, i)["annotated_engine"] == "fake/1" for i in ids)


@pytest.mark.nlp
@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_the_child_ends_when_its_parent_is_killed(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    with Library.open(path) as library:
        _add(library, 4)
    script = textwrap.dedent(
        f"""
        import multiprocessing, sys, time
        from triage_app.core.library import Library, annotations

        if __name__ == "__main__":
            library = Library.open({str(path)!r})
            for progress in annotations.annotate_documents(library, off_process=True):
                children = multiprocessing.active_children()
                if children:
                    print(children[0].pid, flush=True)
                    time.sleep(600)
        """
    )
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = proc.stdout.readline() if proc.stdout else b""
        assert line.strip().isdigit(), proc.stderr.read().decode() if proc.stderr else ""
        child = int(line)
        assert _alive(child)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 15
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(child), "the model process outlived its parent"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


@pytest.mark.nlp
@pytest.mark.slow
def test_annotate_texts_runs_the_model_in_a_child_and_returns_what_the_engine_here_finds() -> None:
    """What the reader uses for the document it opens: the model never loads in this process."""
    engine = get_engine()
    loaded_before = engine.loaded
    children: dict[int, BaseProcess] = {}
    steps = _run(annotations.annotate_texts([TEXT]), children)
    assert len(children) == 1 and not any(_alive(pid) for pid in children)
    assert engine.loaded is loaded_before  # parsed over there, not here
    (found,) = steps[-1].result
    here = engine.annotate(TEXT)
    assert [(e.canonical, e.label, e.start) for e in found.entities] == [(e.canonical, e.label, e.start) for e in here.entities]
    assert [q.text for q in found.quotes] == [q.text for q in here.quotes]
