"""The composition root: first-run import, "Open with" files, remembered state, errors at open, background jobs."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from triage_app.core.assets import seeds_dir
from triage_app.core.ingest import iter_inputs
from triage_app.core.library import annotations as annotation_store
from triage_app.core.library import cleaning
from triage_app.core.library.documents import document_count
from triage_app.core.paths import config_dir
from triage_app.core.records import Progress
from triage_app.core.settings import Settings
from triage_app.gui import app as gui_app
from triage_app.gui.dialogs.error_dialog import KnownErrorDialog
from triage_app.gui.dialogs.import_summary import ImportSummaryDialog
from triage_app.gui.import_export_ui import EMPTY_MESSAGE, FIRST_RUN_MESSAGE
from triage_app.gui.models.document_columns import COL_TITLE, COL_WORDS
from triage_app.gui.widgets.status import ProgressWidget

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _settings(**values: Any) -> None:
    settings = Settings(config_dir() / "settings.json")
    settings.set("annotate_in_background", False)
    for name, value in values.items():
        settings.set(name, value)


@pytest.fixture
def opened(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    """`opened(files=[...])` runs app.open_window on tmp_path/library.sqlite; everything closes at teardown."""
    made: list[tuple[Any, Any, Any]] = []

    def open_(files: list[Path] | None = None) -> Any:
        window, library, writer = gui_app.open_window(tmp_path / "library.sqlite", files or [])
        qtbot.addWidget(window)
        made.append((window, library, writer))
        return window

    yield open_
    for window, library, writer in made:
        window.close()
        writer.shutdown()
        QCoreApplication.sendPostedEvents()
        library.close()


def idle(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: not window.imports.is_busy() and window.runner.active_count() == 0, timeout=60000)


def test_first_run_imports_the_seeds_and_says_how_to_import(qtbot: Any, opened: Any) -> None:
    _settings()
    window = opened()
    expected = len(list(iter_inputs([seeds_dir()])))
    assert expected >= 1
    idle(qtbot, window)
    assert document_count(window.library.db) == expected
    assert window.documents.rowCount() == expected
    assert window.banner.label.text() == FIRST_RUN_MESSAGE and not window.banner.isHidden()
    assert window.current_id() is not None  # something is shown in the reader
    window.close()
    again = opened()  # not empty any more: nothing is imported twice
    assert not again.imports.is_busy()
    assert again.banner.isHidden()


def test_no_seed_import_when_the_setting_is_off(qtbot: Any, opened: Any) -> None:
    _settings(import_seeds_on_first_run=False)
    window = opened()
    assert not window.imports.is_busy()
    assert window.documents.rowCount() == 0
    assert window.banner.label.text() == EMPTY_MESSAGE and window.banner.kind == "empty"
    window.banner.label.setText(window.banner.label.text() + " ")  # what it says is not what decides
    with qtbot.waitSignal(window.imports.import_finished):
        window.import_paths([seeds_dir()], show_summary=False)
    assert window.banner.isHidden() and window.banner.kind == ""  # the "library is empty" notice goes


def test_files_given_on_the_command_line_are_imported_and_shown(qtbot: Any, opened: Any, pages: list[Path]) -> None:
    _settings()  # an empty library: the samples are imported first, then the file, which is shown
    window = opened([pages[2]])
    idle(qtbot, window)
    assert window.documents.rowCount() == 1 + len(list(iter_inputs([seeds_dir()])))
    assert window.documents.index(window.table.currentIndex().row(), COL_TITLE).data() == "Storm warning for the coast"
    window.select_row(window.documents.rowCount() - 1)
    with qtbot.waitSignal(window.imports.import_finished):  # a later import does not jump to its document
        window.import_paths([pages[0]], show_summary=False)
    assert window.current_id() == window.documents.id_at(window.table.currentIndex().row())
    assert window.documents.index(window.table.currentIndex().row(), COL_TITLE).data() != "Harbour strike enters second week"


def test_window_layout_is_remembered(qtbot: Any, opened: Any, pages: list[Path]) -> None:
    _settings(import_seeds_on_first_run=False)
    first = opened(pages)
    idle(qtbot, first)
    first.resize(760, 560)
    header = first.table.horizontalHeader()
    header.resizeSection(COL_TITLE, 333)
    first.table.sortByColumn(COL_WORDS, Qt.SortOrder.DescendingOrder)
    first.splitter.setSizes([420, 580])
    sizes = first.splitter.sizes()
    first.close()
    state = json.loads((config_dir() / "state.json").read_text(encoding="utf-8"))
    assert base64.b64decode(state["window.geometry"])  # base64 of saveGeometry()
    assert state["library.sort"] == [COL_WORDS, True]
    second = opened()
    assert second.table.horizontalHeader().sectionSize(COL_TITLE) == 333
    assert second.documents.sort_key == ("word_count", True)
    assert second.table.horizontalHeader().sortIndicatorSection() == COL_WORDS
    assert second.splitter.sizes() == sizes
    assert (second.width(), second.height()) == (760, 560)


def test_a_library_that_cannot_be_opened_gives_a_clear_dialog_and_exit_code_1(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(KnownErrorDialog, "ask", classmethod(lambda cls, parent, message, title="": messages.append(message)))
    folder = tmp_path / "a-folder-not-a-file"
    folder.mkdir()
    assert gui_app.main(["--library", str(folder)]) == 1
    assert messages and str(folder) in messages[0]


def test_after_an_import_sites_are_recleaned_and_documents_annotated(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, Any]] = []

    def fake_reclean(library: Any, site: str, *, is_cancelled: Any) -> Iterator[Progress]:
        calls.append(("reclean", site))
        yield Progress(1, 1, f"re-cleaned {site}")

    def fake_annotate(library: Any, doc_ids: Any, *, is_cancelled: Any, off_process: bool = False) -> Iterator[Progress]:
        calls.append(("annotate", doc_ids))
        yield Progress(1, 1, "annotated")

    def fake_sites(library: Any, doc_ids: Any) -> list[str]:
        calls.append(("sites", sorted(doc_ids)))
        return ["example.org"]

    monkeypatch.setattr(cleaning, "sites_to_reclean", fake_sites)  # the GUI asks the core, not its own SQL
    monkeypatch.setattr(cleaning, "reclean_site_job", fake_reclean)
    monkeypatch.setattr(annotation_store, "annotate_documents", fake_annotate)
    monkeypatch.setattr(ImportSummaryDialog, "ask", classmethod(lambda cls, *a, **k: None))
    window = make_window(annotate_in_background=True)
    with qtbot.waitSignals([window.imports.import_finished, window.imports.idle], timeout=30000):
        window.import_paths(pages)
    assert calls == [("sites", [1, 2, 3]), ("reclean", "example.org"), ("annotate", None)]
    assert window.documents.rowCount() == 3


def test_cancelling_an_import_stops_it(qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    results: list[tuple[list[Any], bool]] = []
    monkeypatch.setattr(
        ImportSummaryDialog, "ask", classmethod(lambda cls, parent, outcomes, cancelled=False: results.append((outcomes, cancelled)))
    )
    window = make_window()
    window.import_paths(pages)
    window.progress.cancel_button.click()
    qtbot.waitUntil(lambda: bool(results), timeout=30000)
    assert results[0][1] is True
    assert window.progress.isHidden()
    make_window.wait_idle(window)


def test_progress_appears_only_after_a_delay_with_a_busy_cursor(qtbot: Any) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    progress = ProgressWidget(owner)
    progress.start("Importing")
    assert progress.isHidden()
    qtbot.waitUntil(lambda: owner.cursor().shape() == Qt.CursorShape.BusyCursor, timeout=2000)
    assert progress.isHidden()  # the cursor comes first (300 ms), the bar later (600 ms)
    qtbot.waitUntil(lambda: not progress.isHidden(), timeout=2000)
    progress.update_progress(Progress(3, 10, "three"))
    assert progress.bar.value() == 3 and progress.bar.maximum() == 10
    with qtbot.waitSignal(progress.cancel_requested):
        progress.cancel_button.click()
    progress.finish()
    assert progress.isHidden() and owner.cursor().shape() == Qt.CursorShape.ArrowCursor
    progress.start("Quick")
    progress.finish()  # a quick job never shows anything
    assert progress.isHidden() and owner.cursor().shape() == Qt.CursorShape.ArrowCursor


@pytest.mark.nlp
def test_imported_documents_are_annotated_in_the_background_and_filterable_by_entity(
    qtbot: Any, make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ImportSummaryDialog, "ask", classmethod(lambda cls, *a, **k: None))
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "Talks resume in Geneva\n\nAngela Merkel met Emmanuel Macron in Geneva on Monday to discuss the "
        "pipeline. Merkel said the talks were useful.\n",
        encoding="utf-8",
    )
    (folder / "two.txt").write_text(
        "Pipeline vote delayed\n\nThe vote on the pipeline was delayed again, officials in Berlin said on "
        "Tuesday. Angela Merkel did not comment.\n",
        encoding="utf-8",
    )
    (folder / "three.txt").write_text("Storm warning\n\nA storm is expected on the coast this weekend.\n", encoding="utf-8")
    window = make_window(annotate_in_background=True)
    updated: list[str] = []
    window.imports.documents_updated.connect(updated.append)
    window.import_paths([folder])
    make_window.wait_idle(window, timeout=120000)
    assert "annotate" in updated
    engines = window.library.db.execute("SELECT count(*) FROM documents WHERE annotated_engine IS NOT NULL").fetchone()
    assert engines[0] == 3
    merkel = window.entities.find("Angela Merkel")
    assert merkel is not None and merkel["label"] == "PERSON"  # the completer's model was refreshed
    window.filter_bar.entity.setText("Angela Merkel")
    window.filter_bar.entity.editingFinished.emit()
    assert window.documents.rowCount() == 2
    assert "mentions Angela Merkel" in window.status_line.text()


def test_sigterm_closes_the_window_properly(qtbot: Any, qapp: Any, make_window: Any) -> None:
    import os
    import signal

    window = make_window()
    window.show()
    closer = gui_app._SignalCloser(qapp, window)
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: not window.isVisible())
    finally:
        closer.restore()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    assert "window.geometry" in window.state.values  # closing saved the layout


def test_an_older_library_is_upgraded_behind_a_notice(opened: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from triage_app.core.library import Library
    from triage_app.core.library.migrations import MIGRATIONS

    with Library.open(tmp_path / "library.sqlite", migrate=False) as library:  # a library of an earlier version
        MIGRATIONS.apply(library.db, stop_before="m041_search_index_reads_cjk_characters")
    shown: list[str] = []
    real = gui_app.show_upgrade_notice

    def notice() -> Any:
        widget = real()
        shown.append(widget.text())
        assert widget.isVisible()
        return widget

    widgets: list[Any] = []
    monkeypatch.setattr(gui_app, "show_upgrade_notice", lambda: widgets.append(notice()) or widgets[-1])
    window = opened()
    assert shown and "Upgrading the library" in shown[0]
    assert widgets[0].ticks > 0  # the upgrade kept calling it: the notice could repaint and answer the desktop
    assert "m041_search_index_reads_cjk_characters" in window.library.schema_version()
    assert list(tmp_path.glob("library.sqlite.backup-*"))


def test_a_new_or_current_library_opens_without_the_notice(opened: Any, monkeypatch: Any) -> None:
    shown: list[int] = []
    monkeypatch.setattr(gui_app, "show_upgrade_notice", lambda: shown.append(1))
    opened()
    assert shown == []
