"""The real window importing: files dropped on it or any child widget, the File menu, the layout and menus."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote_from_bytes

import pytest
from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from window_support import drop_files, shown, titles

from triage_app.gui.dialogs.import_summary import ImportSummaryDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform


def test_import_by_drop_shows_new_documents_and_a_summary(
    qtbot: Any, make_window: Any, pages: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summaries: list[tuple[list[Any], bool]] = []
    monkeypatch.setattr(ImportSummaryDialog, "ask", classmethod(lambda cls, parent, outcomes, cancelled=False: summaries.append((outcomes, cancelled))))
    empty = tmp_path / "pages" / "empty.txt"
    empty.write_text("   ", encoding="utf-8")
    window = shown(qtbot, make_window())
    assert window.documents.rowCount() == 0
    assert window.banner.isVisible() and "Import" in window.banner.label.text()
    drop_files(window, [pages[0].parent])  # a folder: three pages and an empty file
    qtbot.waitUntil(lambda: bool(summaries), timeout=30000)
    outcomes, cancelled = summaries[0]
    assert not cancelled
    assert sorted(o.status for o in outcomes) == ["failed", "imported", "imported", "imported"]
    failed = next(o for o in outcomes if o.status == "failed")
    assert failed.source.endswith("empty.txt") and failed.reason
    assert window.documents.rowCount() == 3
    assert "Storm warning for the coast" in titles(window)
    assert window.status_line.text().startswith("3 of 3 · 3 unreviewed")
    assert not window.banner.isVisible()
    drop_files(window, [pages[1]])  # again: a duplicate
    qtbot.waitUntil(lambda: len(summaries) == 2, timeout=30000)
    assert [o.status for o in summaries[1][0]] == ["duplicate"]
    make_window.wait_idle(window)


def test_an_import_keeps_the_selection_and_does_not_reload_the_reader(
    qtbot: Any, make_window: Any, pages: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ImportSummaryDialog, "ask", classmethod(lambda cls, *a, **k: None))
    make_window.populate(pages[:2])
    window = shown(qtbot, make_window())
    window.select_row(0)
    QTest.keyClick(window.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    current, selected = window.current_id(), sorted(window.selected_ids())
    with qtbot.assertNotEmitted(window.library_view.current_document_changed, wait=0):
        with qtbot.waitSignal(window.imports.import_finished, timeout=30000):
            window.import_paths([pages[2]])
        assert window.documents.rowCount() == 3
    assert window.current_id() == current
    assert sorted(window.selected_ids()) == selected
    make_window.wait_idle(window)


def test_files_dropped_on_any_child_widget_are_imported(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    summaries: list[Any] = []
    monkeypatch.setattr(ImportSummaryDialog, "ask", classmethod(lambda cls, parent, outcomes, cancelled=False: summaries.append(outcomes)))
    window = shown(qtbot, make_window())
    targets = [window.filter_bar.search, window.table.viewport()]  # both would take a drop of text themselves
    targets += [w for w in window.reader_pane.findChildren(QWidget) if w.acceptDrops()][:1]
    for number, target in enumerate(targets):
        drop_files(target, [pages[number % len(pages)]])
        qtbot.waitUntil(lambda n=number: len(summaries) == n + 1, timeout=30000)
    assert window.filter_bar.search.text() == ""  # the path was not typed into the search box
    assert window.documents.rowCount() == min(len(targets), len(pages))
    make_window.wait_idle(window)


def test_a_dropped_file_whose_name_is_not_utf8_is_imported(
    qtbot: Any, make_window: Any, pages: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file manager drags the name's bytes; Qt's `toLocalFile` made a Latin-1 name's é U+FFFD: "no such file"."""
    summaries: list[Any] = []
    monkeypatch.setattr(ImportSummaryDialog, "ask", classmethod(lambda cls, parent, outcomes, cancelled=False: summaries.append(outcomes)))
    latin = tmp_path / os.fsdecode(b"r\xe9sum\xe9.html")
    latin.write_bytes(pages[0].read_bytes())
    window = shown(qtbot, make_window())
    drop_files(window, [latin])
    qtbot.waitUntil(lambda: bool(summaries), timeout=30000)
    assert [(o.status, o.source) for o in summaries[0]] == [("imported", f"{tmp_path}/r\\xe9sum\\xe9.html")]
    assert window.documents.rowCount() == 1
    make_window.wait_idle(window)


def test_file_menu_imports_chosen_files_and_folders(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(ImportSummaryDialog, "ask", classmethod(lambda cls, *a, **k: None))
    latin = pages[0].parent / os.fsdecode(b"caf\xe9.html")  # the portal's chooser hands over a name's bytes in a URL
    latin.write_bytes(pages[0].read_bytes())
    chosen = QUrl.fromEncoded(QByteArray(b"file://" + quote_from_bytes(os.fsencode(latin)).encode()))
    monkeypatch.setattr(QFileDialog, "getOpenFileUrls", staticmethod(lambda *a, **k: ([chosen], "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectoryUrl", staticmethod(lambda *a, **k: QUrl.fromLocalFile(str(pages[0].parent))))
    window = make_window()
    file_menu = window.menuBar().actions()[0].menu()
    assert window.action("import") in file_menu.actions() and window.action("import_folder") in file_menu.actions()
    with qtbot.waitSignal(window.imports.import_finished, timeout=30000):
        window.action("import").trigger()
    assert window.documents.rowCount() == 1
    with qtbot.waitSignal(window.imports.import_finished, timeout=30000) as blocker:
        window.action("import_folder").trigger()
    assert sorted(o.status for o in blocker.args[0]) == ["duplicate", "duplicate", "imported", "imported"]
    assert window.documents.rowCount() == 3
    make_window.wait_idle(window)


def test_every_triage_key_has_a_visible_control_naming_it(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    toolbar_actions = set(window.toolbar.actions())
    for name, key in (("relevant", "1"), ("maybe", "2"), ("not_relevant", "3"), ("unreviewed", "0"),
                      ("star", "S"), ("tag", "T"), ("note", "N"), ("next", "J"), ("previous", "K"),
                      ("next_unreviewed", "U"), ("undo", "Ctrl+Z")):  # fmt: skip
        action = window.action(name)
        assert f"({key})" in action.toolTip(), name
        assert action in toolbar_actions, name
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Document", "&Help"]
    assert "/" in window.action("search").toolTip() and "F1" in window.action("shortcuts").toolTip()


def test_the_reader_sits_beside_the_library(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    assert window.splitter.widget(1) is window.reader_pane
