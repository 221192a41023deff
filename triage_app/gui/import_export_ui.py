"""Import and export in the window: the file pickers, the first-run and empty-library banners, refreshing the
list as imports and background jobs finish, the import summary, and the export dialog."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtWidgets import QFileDialog

from triage_app.core.library import upgrade
from triage_app.core.records import ImportOutcome
from triage_app.gui import window_state
from triage_app.gui.dialogs.export_dialog import ExportDialog
from triage_app.gui.dialogs.import_summary import ImportSummaryDialog, summary_text
from triage_app.gui.i18n import QT_TRANSLATE_NOOP
from triage_app.gui.widgets.drop import local_path

if TYPE_CHECKING:
    from triage_app.gui.main_window import MainWindow

BANNER_EMPTY, BANNER_FIRST_RUN = "empty", "first-run"
FIRST_RUN_MESSAGE = QT_TRANSLATE_NOOP(
    "MainWindow",
    "<b>Welcome to Triage.</b> The sample pages listed here are only to explore. To add your own, drop "
    "saved pages, folders or zip archives anywhere on this window, or use <b>File › Import…</b> (Ctrl+O)."
)
EMPTY_MESSAGE = QT_TRANSLATE_NOOP(
    "MainWindow",
    "<b>Your library is empty.</b> Drop saved pages (HTML, MHTML, SingleFile, text), folders or zip archives "
    "anywhere on this window, or use <b>File › Import…</b> (Ctrl+O)."
)


class ImportExportUi(QObject):
    """Wires the import and export actions and the import controller's results into the window.

    Its texts keep the window's translation context ("MainWindow"), where the catalogue has them.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        handlers = {"import": self.choose_import, "import_folder": self.choose_import_folder, "export": self.export_packet}
        for name, handler in handlers.items():
            window.actions_by_name[name].triggered.connect(lambda _checked=False, h=handler: h())
        imports = window.imports
        imports.documents_imported.connect(self._documents_imported)
        imports.import_finished.connect(self._import_finished)
        imports.documents_updated.connect(self._documents_updated)
        imports.failed.connect(window.show_error)
        imports.upgraded.connect(self._upgraded)
        if upgrade.cleaned_by_older_engine(window.library.db):  # an update of Triage cleans better: the library follows
            imports.reclean_older_in_background()

    def import_paths(self, paths: list[Path], *, show_summary: bool = True) -> None:
        """Import files, folders and zips in the background."""
        if not paths:
            return
        if self._window.banner.kind == BANNER_EMPTY:
            self._window.banner.clear()
        self._window.imports.import_paths(paths, show_summary=show_summary)

    def import_first_run(self, seeds: Path) -> None:
        """Import the bundled sample pages and say how to import one's own."""
        window = self._window
        title = QCoreApplication.translate("MainWindow", "Importing the sample pages")
        window.imports.import_paths([seeds], show_summary=False, title=title)
        if not window.state.values.get(window_state.BANNER_DISMISSED):
            window.banner.show_message(QCoreApplication.translate("MainWindow", FIRST_RUN_MESSAGE), kind=BANNER_FIRST_RUN)

    def show_empty_banner(self) -> None:
        """Say how to import when the library has no documents at all."""
        if self._window.documents.counts()["total"] == 0:
            self._window.banner.show_message(QCoreApplication.translate("MainWindow", EMPTY_MESSAGE), kind=BANNER_EMPTY)

    def choose_import(self) -> None:
        """File > Import…: pick files (zips included)."""
        # URLs, not names: a desktop's file chooser (the portal) hands over a name's bytes, which need not be UTF-8
        urls, _filter = QFileDialog.getOpenFileUrls(
            self._window,
            QCoreApplication.translate("MainWindow", "Import saved pages"),
            QUrl.fromLocalFile(str(Path.home())),
            QCoreApplication.translate(
                "MainWindow",
                "Saved pages (*.html *.htm *.xhtml *.mhtml *.mht *.txt *.text *.md *.zip *.gz *.pdf *.eml *.mbox *.warc *.wacz);;All files (*)",
            ),
        )
        self.import_paths([local_path(url) for url in urls if url.isLocalFile()])

    def choose_import_folder(self) -> None:
        """File > Import folder…: every page under a folder."""
        title = QCoreApplication.translate("MainWindow", "Import a folder of saved pages")
        folder = QFileDialog.getExistingDirectoryUrl(self._window, title, QUrl.fromLocalFile(str(Path.home())))
        if folder.isLocalFile():
            self.import_paths([local_path(folder)])

    def export_packet(self) -> None:
        """File > Export packet…: the selection, or else the current filter, as a briefing packet."""
        window = self._window
        ExportDialog.ask(
            window, window.library, window.writer, window.settings, window.documents.filter, window.selected_ids(),
            runner=window.runner,
        )

    def _documents_imported(self, ids: list[int]) -> None:
        if not self._window.closing:
            self._window.library_view.reload(select_first=self._window.current_id() is None)

    def _import_finished(self, outcomes: list[ImportOutcome], cancelled: bool, show_summary: bool) -> None:
        window = self._window
        if window.closing:  # a job stopped by closing the window: no dialogs any more
            return
        window.refresh_choices()
        window.library_view.reload(select_first=window.current_id() is None)
        window.review.request()
        window.statusBar().showMessage(summary_text(outcomes, cancelled=cancelled), 8000)
        if show_summary:
            ImportSummaryDialog.ask(window, outcomes, cancelled=cancelled)

    def _upgraded(self, count: int) -> None:
        """Say in the status bar how many documents the start-up re-clean brought up to this cleaner."""
        if count and not self._window.closing:
            text = QCoreApplication.translate("MainWindow", "%n document(s) re-cleaned with this version of the cleaner", "", count)
            self._window.statusBar().showMessage(text, 8000)

    def _documents_updated(self, kind: str) -> None:
        """A background job (re-cleaning, clustering, annotating) changed many documents."""
        window = self._window
        if window.closing:
            return
        if kind == "cluster":  # only the copies column and the folded list change
            window.library_view.reload()
            return
        window.refresh_choices()
        window.library_view.reload()
        window.show_in_reader(window.current_id())  # its text or entities may have changed
