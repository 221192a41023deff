"""Re-opening a text document with another encoding from the reader: re-cleaned, shown and audited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from reader_support import delete_closed_widgets, show

from triage_app.core.clean import clean_document
from triage_app.core.ingest.text_reader import read_text
from triage_app.core.library import Library, documents, triage
from triage_app.core.library.writer import LibraryWriter
from triage_app.core.settings import Settings, StateStore
from triage_app.gui.reader import dialogs
from triage_app.gui.reader.pane import ReaderPane
from triage_app.gui.workers import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

TEXT = "Zprávy z Prahy\n\n" + "Vláda dnes schválila nový zákon o daních, který začne platit od příštího roku. " * 4 + "\n"


def test_reopen_with_encoding_from_the_reader(qtbot: Any, library: Library, writer: LibraryWriter, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    data = TEXT.encode("cp1250")
    parsed = read_text(data, source_path=str(tmp_path / "zpravy.txt"), original=data, original_name="zpravy.txt")
    doc_id = documents.insert_document(library, parsed, clean_document(parsed))
    with library.transaction() as db:
        db["documents"].update(doc_id, {"annotated_engine": "test-rows"})
    pane = ReaderPane(library, TaskRunner(writer), Settings(None), StateStore(tmp_path / "state.json"))
    qtbot.addWidget(pane)
    pane.resize(1400, 800)
    show(qtbot, pane, doc_id)
    assert "encoding cp1250" in pane.cleaned.toPlainText()
    asked: list[str] = []

    def ask(_parent: Any, current: str, choices: tuple[str, ...]) -> str:
        asked.append(current)
        assert "cp1252" in choices
        return "cp1252"

    monkeypatch.setattr(dialogs.EncodingDialog, "ask", classmethod(lambda cls, *a: ask(*a)))
    action = pane.commands.encoding_action()
    assert action is not None and "cp1250" in action.text()
    with qtbot.waitSignal(pane.document_changed, timeout=30000):
        action.trigger()
    qtbot.waitUntil(lambda: not pane.original_pending, timeout=30000)
    assert asked == ["cp1250"]
    assert "encoding cp1252" in pane.cleaned.toPlainText() and "zaène" in pane.cleaned.toPlainText()
    log = triage.audit_log(library.db, doc_id)
    assert [(r["field"], r["old"], r["new"], r["origin"]) for r in log] == [("encoding", "cp1250", "cp1252", "app")]
    qtbot.waitUntil(lambda: not pane.busy, timeout=30000)
    delete_closed_widgets()
