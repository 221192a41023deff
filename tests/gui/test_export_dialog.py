"""The Export dialog: preview of what goes in, export on a pool thread with progress, Open folder, cancel."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from triage_app.core import jobs
from triage_app.core.export import builder
from triage_app.core.export.verify import verify_packet
from triage_app.core.library import Library, triage
from triage_app.core.library.document_filter import DocumentFilter
from triage_app.core.settings import Settings
from triage_app.gui.dialogs.export_dialog import ExportDialog


@pytest.fixture
def library(tmp_path: Path) -> Any:
    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(1, 6):
        (pages / f"p{number}.txt").write_text(f"Page {number} title\n\nBody of page {number}.\n", encoding="utf-8")
    library = Library.open(tmp_path / "lib.sqlite")
    list(jobs.import_documents(library, sorted(pages.iterdir())))
    triage.set_relevance(library, 1, "relevant")
    triage.set_relevance(library, 2, "relevant")
    triage.set_starred(library, 2, True)
    yield library
    library.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = Settings(tmp_path / "settings.json")
    settings.set("analyst_name", "J. Doe")
    return settings


def make(qtbot: Any, library: Library, settings: Settings, flt: DocumentFilter | None = None,
         selected: list[int] | None = None) -> ExportDialog:
    dialog = ExportDialog(library, None, settings, flt, selected or [])
    qtbot.addWidget(dialog)
    return dialog


def test_preview_shows_the_selection_or_the_list(qtbot: Any, library: Library, settings: Settings) -> None:
    dialog = make(qtbot, library, settings, DocumentFilter(relevance="relevant"), [3, 4, 5])
    assert dialog.selected_radio.isChecked() and dialog.chosen_ids() == [3, 4, 5]
    assert dialog.preview_model.rowCount() == 3 and dialog.summary.text() == "3 documents: 3 unreviewed"
    dialog.list_radio.setChecked(True)
    assert dialog.chosen_ids() == [1, 2]
    assert dialog.preview_model.stringList() == ["Page 1 title  —  relevant", "Page 2 title  —  relevant  ★"]
    assert "relevance: relevant" in dialog.list_radio.text()
    assert dialog.analyst_edit.text() == "J. Doe"


def test_export_runs_off_the_gui_thread_and_offers_the_folder(
    qtbot: Any, library: Library, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    real = builder.build_packet

    def spying(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        yield from real(*args, **kwargs)

    monkeypatch.setattr("triage_app.gui.dialogs.export_dialog.build_packet", spying)
    opened: list[QUrl] = []
    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    dialog = make(qtbot, library, settings, None, [])
    dialog.title_edit.setText("Weekly: harbour")
    dialog.caveat_edit.setText("Internal use only")
    out = tmp_path / "out" / "weekly.zip"
    dialog.out_edit.setText(str(out))
    progress: list[Any] = []
    with qtbot.waitSignal(dialog.export_finished, timeout=60000) as blocker:
        dialog.export_button.click()
        assert dialog.is_running() and not dialog.export_button.isEnabled()
        dialog.worker.signals.progress.connect(progress.append)  # type: ignore[union-attr]
    packet = blocker.args[0]
    assert packet.path == out and packet.documents == 5 and out.is_file()
    assert threads and threads[0] != threading.main_thread().name
    assert verify_packet(out).ok
    assert not dialog.open_button.isHidden() and dialog.progress.isHidden()
    dialog.open_folder()
    assert opened == [QUrl.fromLocalFile(str(out.parent))]
    assert "Exported 5 documents" in dialog.status.text()
    assert settings.get("analyst_name") == "J. Doe"


def test_cancel_writes_nothing(qtbot: Any, library: Library, settings: Settings, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    gate = threading.Event()
    real = builder.build_packet

    def slow(*args: Any, is_cancelled: Any, **kwargs: Any) -> Any:
        def wait_then_ask() -> bool:
            gate.wait(10)
            return bool(is_cancelled())

        yield from real(*args, is_cancelled=wait_then_ask, **kwargs)

    monkeypatch.setattr("triage_app.gui.dialogs.export_dialog.build_packet", slow)
    dialog = make(qtbot, library, settings)
    out = tmp_path / "cancelled.zip"
    dialog.out_edit.setText(str(out))
    dialog.pdf_box.setChecked(False)
    dialog.export_button.click()
    worker = dialog.worker
    assert worker is not None
    with qtbot.waitSignal(worker.signals.cancelled, timeout=30000):
        dialog.close_button.click()  # "Cancel" while running only cancels
        gate.set()
    assert dialog.worker is None and not out.exists()
    assert "cancelled" in dialog.status.text()
    assert list(tmp_path.glob("*.part")) == []


def test_ask_returns_none_when_closed(qtbot: Any, library: Library, settings: Settings,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ExportDialog, "exec", lambda self: self.reject() or 0)
    assert ExportDialog.ask(None, library, None, settings, None, [1]) is None


def test_the_window_opens_the_dialog_with_its_list_and_selection(
    make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_window.populate(pages)
    window = make_window()
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, *args, **kwargs: calls.append(args)))
    window.select_row(1)
    window.action("export").trigger()
    assert len(calls) == 1
    parent, library, _writer, _settings, flt, selected = calls[0]
    assert parent is window and library is window.library
    assert isinstance(flt, DocumentFilter) and selected == [window.documents.id_at(1)]


def test_the_dialog_exports_from_a_real_window_library(
    qtbot: Any, make_window: Any, pages: list[Path], tmp_path: Path
) -> None:
    make_window.populate(pages)
    window = make_window()
    dialog = ExportDialog(window.library, window.writer, window.settings, window.documents.filter, [],
                          runner=window.runner, parent=window)
    dialog.out_edit.setText(str(tmp_path / "from-window.zip"))
    dialog.pdf_box.setChecked(False)
    with qtbot.waitSignal(dialog.export_finished, timeout=60000) as blocker:
        dialog.export_button.click()
    assert blocker.args[0].documents == 3 and verify_packet(tmp_path / "from-window.zip").ok
    dialog.reject()
