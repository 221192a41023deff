"""Dialogs: tag completion, the error families, the import summary, and tags over a multi-selection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from triage_app.core.errors import KnownError
from triage_app.core.library import triage
from triage_app.core.records import ImportOutcome
from triage_app.gui.dialogs.error_dialog import BugDialog, KnownErrorDialog, report_error
from triage_app.gui.dialogs.import_summary import ImportSummaryDialog, log_text, summary_text
from triage_app.gui.dialogs.tag_dialog import TagDialog, split_tags

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_split_tags() -> None:
    assert split_tags(" ports, , sanctions,ports ,follow-up ") == ["ports", "sanctions", "follow-up"]


def test_tag_completion_completes_only_the_last_tag(qtbot: Any) -> None:
    dialog = TagDialog(["ports"], ["sanctions", "shipping", "ports"])
    qtbot.addWidget(dialog)
    completer = dialog.edit.completer()
    dialog.edit.setText("ports, sanc")
    assert completer.splitPath(dialog.edit.text()) == ["sanc"]
    completer.setCompletionPrefix("sanc")
    assert completer.currentIndex().data(Qt.ItemDataRole.EditRole) == "sanctions"
    assert completer.currentCompletion() == "ports, sanctions, "  # the earlier tags stay
    dialog.edit.setText("ports, sanctions, ")
    assert dialog.tags() == ["ports", "sanctions"]


def test_known_errors_say_what_to_do_and_bugs_are_logged(monkeypatch: pytest.MonkeyPatch, qapp: Any) -> None:
    known: list[str] = []
    bugs: list[Path | None] = []
    monkeypatch.setattr(KnownErrorDialog, "ask", classmethod(lambda cls, parent, message, title="": known.append(message)))
    monkeypatch.setattr(BugDialog, "ask", classmethod(lambda cls, parent, exc, path: bugs.append(path)))
    assert report_error(None, KnownError("The disk is full. Free some space, then try again.")) is None
    assert known == ["The disk is full. Free some space, then try again."] and bugs == []
    try:
        raise RuntimeError("unexpected state")
    except RuntimeError as exc:
        path = report_error(None, exc)
    assert path is not None and bugs == [path]
    text = path.read_text(encoding="utf-8")
    assert "RuntimeError: unexpected state" in text and "Traceback" in text


def test_bug_dialog_shows_where_the_log_is(qtbot: Any, tmp_path: Path) -> None:
    dialog = BugDialog(ValueError("bad"), tmp_path / "crash.log")
    qtbot.addWidget(dialog)
    assert str(tmp_path / "crash.log") in dialog.informativeText()
    assert "ValueError: bad" in dialog.detailedText()


def test_import_summary_lists_failures_with_reasons(qtbot: Any) -> None:
    outcomes = [
        ImportOutcome("/p/a.html", "imported", 1, title="A"),
        ImportOutcome("/p/b.html", "duplicate", 1),
        ImportOutcome("/p/c.zip", "failed", reason="the zip archive is damaged"),
    ]
    assert summary_text(outcomes) == "1 imported · 1 duplicate · 1 failed"
    assert summary_text(outcomes, cancelled=True).startswith("Import cancelled: ")
    assert "/p/c.zip: failed: the zip archive is damaged" in log_text(outcomes)
    dialog = ImportSummaryDialog(outcomes)
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "1 imported · 1 duplicate · 1 failed"
    assert dialog.table.model().index(0, 2).data() == "the zip archive is damaged"


def test_tags_over_several_documents_keep_what_is_not_shared(
    qtbot: Any, make_window: Any, pages: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_window.populate(pages[:2])
    window = make_window()
    first, second = window.documents.ids
    triage.set_tags(window.library, first, ["ports", "labour"])
    triage.set_tags(window.library, second, ["ports"])
    asked: list[tuple[list[str], list[str], int]] = []

    def ask(cls: Any, parent: Any, current: list[str], known: list[str], count: int = 1) -> list[str]:
        asked.append((current, known, count))
        return ["urgent"]  # "ports" removed from both, "urgent" added to both

    monkeypatch.setattr(TagDialog, "ask", classmethod(ask))
    window.show()
    window.select_row(0)
    window.table.selectAll()
    with qtbot.waitSignal(window.triage.documents_changed):
        window.action("tag").trigger()
    assert asked[0][0] == ["ports"] and asked[0][2] == 2 and set(asked[0][1]) == {"ports", "labour"}
    assert triage.get_tags(window.library.db, first) == ["labour", "urgent"]
    assert triage.get_tags(window.library.db, second) == ["urgent"]
    with qtbot.waitSignal(window.triage.documents_changed):
        QTest.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert triage.get_tags(window.library.db, first) == ["labour", "ports"]
    make_window.wait_idle(window)


def test_the_diff_panes_write_chinese_without_spaces_between_segments() -> None:
    from triage_app.core.library import text_diff
    from triage_app.gui.dialogs.diff_dialog import side_html

    diff = text_diff.DocumentDiff(1, 2, [], text_diff.diff_texts("港口在黎明时记录了船只。The harbour authority", "港口在清晨时记录了船只。The port authority"))
    left, right = side_html(diff)
    assert "港口在<span" in left and "</span>时记录了船只。The <span" in right  # none beside Chinese, one between English words
    assert "清晨</span>时" in right and "port</span> authority" in right
