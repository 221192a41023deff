"""The generic worker, the writer-job bridge and the runner that owns them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from triage_app.core.library import Library
from triage_app.core.library.writer import LibraryWriter
from triage_app.core.records import Progress
from triage_app.gui.workers import TaskRunner


@pytest.fixture
def runner(tmp_path: Path) -> Iterator[TaskRunner]:
    writer = LibraryWriter(tmp_path / "w.sqlite")
    runner = TaskRunner(writer)
    yield runner
    runner.shutdown()
    writer.shutdown()


def counting(n: int, gate: threading.Event | None = None) -> Any:
    def factory(is_cancelled: Any) -> Iterator[Progress]:
        for i in range(1, n + 1):
            if gate is not None:
                gate.wait(5)
            if is_cancelled():
                return
            yield Progress(i, n, f"step {i}", result=threading.current_thread().name)

    return factory


def test_generator_worker_reports_progress_on_the_gui_thread(qtbot: Any, runner: TaskRunner) -> None:
    seen: list[Progress] = []
    threads: list[str] = []
    worker = runner.run_generator(counting(3))
    worker.signals.progress.connect(lambda p: (seen.append(p), threads.append(threading.current_thread().name)))
    with qtbot.waitSignal(worker.signals.finished) as blocker:
        pass
    assert [p.done for p in seen] == [1, 2, 3]
    assert blocker.args[0].done == 3
    assert set(threads) == {threading.main_thread().name}  # slots run on the GUI thread
    assert seen[0].result != threading.main_thread().name  # the work did not
    qtbot.waitUntil(lambda: runner.active_count() == 0)


def test_cancel_only_sets_a_flag_and_the_worker_ends_cancelled(qtbot: Any, runner: TaskRunner) -> None:
    gate = threading.Event()
    worker = runner.run_generator(counting(100, gate))
    with qtbot.waitSignal(worker.signals.cancelled), qtbot.assertNotEmitted(worker.signals.finished):
        worker.cancel()
        gate.set()
    qtbot.waitUntil(lambda: runner.active_count() == 0)


def test_a_failing_generator_reports_its_exception(qtbot: Any, runner: TaskRunner) -> None:
    def broken(is_cancelled: Any) -> Iterator[Progress]:
        yield Progress(0, 1)
        raise ValueError("boom")

    with qtbot.waitSignal(runner.run_generator(broken).signals.failed) as blocker:
        pass
    assert isinstance(blocker.args[0], ValueError)


def test_writer_job_runs_on_the_writer_thread(qtbot: Any, runner: TaskRunner) -> None:
    def job(library: Library, is_cancelled: Any) -> Iterator[Progress]:
        library.db["notes"].insert({"n": 1})
        yield Progress(1, 1, "wrote", result=threading.current_thread().name)

    seen: list[Progress] = []
    job_handle = runner.run_writer_job(job, progress=seen.append)
    with qtbot.waitSignal(job_handle.signals.finished):
        pass
    assert seen[0].result == "triage-writer"


def test_writer_calls_come_back_on_the_gui_thread(qtbot: Any, runner: TaskRunner) -> None:
    results: list[Any] = []
    runner.call(lambda library: 41 + 1, results.append)
    runner.call(lambda library: 1 / 0, None, results.append)
    qtbot.waitUntil(lambda: len(results) == 2)
    assert results[0] == 42 and isinstance(results[1], ZeroDivisionError)
    with qtbot.waitSignal(runner.call_failed):
        runner.call(lambda library: {}["missing"])


def test_shutdown_cancels_and_waits(qtbot: Any, runner: TaskRunner) -> None:
    gate = threading.Event()
    worker = runner.run_generator(counting(1000, gate))
    qtbot.waitUntil(lambda: worker in runner._active)
    ended: list[str] = []
    worker.signals.cancelled.connect(lambda: ended.append("cancelled"))
    worker.signals.finished.connect(lambda _last: ended.append("finished"))
    gate.set()
    runner.shutdown(timeout=10)
    assert worker.is_cancelled()
    qtbot.waitUntil(lambda: ended == ["cancelled"])  # it ended cancelled, not finished
    qtbot.waitUntil(lambda: runner.active_count() == 0)


def test_unknown_handler_names_are_refused(runner: TaskRunner) -> None:
    with pytest.raises(TypeError):
        runner.run_generator(counting(1), done=print)


def test_many_progress_emits_do_not_wear_out_true(qtbot: Any, runner: TaskRunner) -> None:
    """PySide6 6.12.0's emit takes a reference from True each time (the process aborts after a few thousand);
    the workers' emit gives it back, so a chatty job leaves True's reference count where it was."""
    import sys

    from triage_app.core.records import Progress

    def chatty(is_cancelled: Any) -> Iterator[Progress]:
        for n in range(3000):
            yield Progress(n, 3000, "tick")

    before = sys.getrefcount(True)
    with qtbot.waitSignal(runner.run_generator(chatty).signals.finished, timeout=30000):
        pass
    assert sys.getrefcount(True) - before > -300  # without the fix: about -3000
