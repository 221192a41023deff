"""Web archives, PDFs and e-mail dropped on the window: imported, listed with their kind, filtered by kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from format_samples import newsletter, printed_article_pdf, write_warc
from test_i18n import german  # noqa: F401 - the fixture that installs the German catalogue
from window_support import drop_files, shown, titles

from triage_app.gui.dialogs.import_summary import ImportSummaryDialog
from triage_app.gui.models.document_columns import COL_KIND, COL_TITLE

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_dropped_captures_are_listed_with_their_kind_and_filtered_by_it(
    qtbot: Any, make_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRIAGE_NO_WEBENGINE", "1")  # the list is tested here, not the original pane
    summaries: list[list[Any]] = []
    monkeypatch.setattr(ImportSummaryDialog, "ask", classmethod(lambda cls, parent, outcomes, cancelled=False: summaries.append(outcomes)))
    write_warc(tmp_path / "crawl.warc.gz", pages=2)
    (tmp_path / "article.pdf").write_bytes(printed_article_pdf(pages=2))
    (tmp_path / "letter.eml").write_bytes(newsletter(attach=False).as_bytes())
    window = shown(qtbot, make_window())
    drop_files(window, [tmp_path / "crawl.warc.gz", tmp_path / "article.pdf", tmp_path / "letter.eml"])
    qtbot.waitUntil(lambda: bool(summaries), timeout=30000)
    assert [o.status for o in summaries[0]] == ["imported"] * 4
    model = window.documents
    kinds = {model.index(r, COL_TITLE).data(): model.index(r, COL_KIND).data() for r in range(model.rowCount())}
    assert kinds == {
        "Harbour story number 0": "Web archive", "Harbour story number 1": "Web archive",
        "Harbour reopens after two years": "PDF", "Weekly harbour letter": "E-mail",
    }
    combo = window.filter_bar.kind
    qtbot.waitUntil(lambda: combo.findData("pdf") >= 0)
    assert combo.itemText(combo.findData("warc")) == "Web archive (2)"
    with qtbot.waitSignal(window.documents.modelReset):
        combo.setCurrentIndex(combo.findData("pdf"))
    assert titles(window) == ["Harbour reopens after two years"]
    assert "kind: PDF" in window.status_line.text()
    make_window.wait_idle(window)


def test_listing_progress_of_a_big_archive_is_translated(german: None) -> None:  # noqa: F811
    from triage_app.gui.i18n import progress_text

    assert progress_text("Looking for files… 300 found") == "Dateien werden gesucht… 300 gefunden"


def test_print_header_reasons_are_translated_on_display(german: None) -> None:  # noqa: F811
    from triage_app.gui.i18n import removal_reason

    assert removal_reason("print header/footer (print date, title)") == "Druck-Kopf-/Fußzeile (Druckdatum, Titel)"
    assert removal_reason("print header/footer (repeated on 3 pages)") == "Druck-Kopf-/Fußzeile (auf 3 Seiten wiederholt)"
    assert removal_reason("no text layer") == "keine Textebene"
