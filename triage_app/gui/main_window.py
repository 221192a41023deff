"""The triage window: filters and the library list on the left, the reader on the right.

Triage commands, import/export and prioritised review are wired in by `triage_ui`, `import_export_ui` and
`review_ui`; the menus and toolbar come from `actions`.
"""

from __future__ import annotations

import logging
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QWidget

from triage_app import __version__
from triage_app.core.library.db import Library
from triage_app.core.library.writer import LibraryWriter
from triage_app.core.settings import Settings, StateStore
from triage_app.gui import theme, window_state
from triage_app.gui.actions import add_menus_and_toolbar, build_actions, shortcut_entries
from triage_app.gui.copies_ui import CopiesUi
from triage_app.gui.dialogs.error_dialog import report_error
from triage_app.gui.external_changes import ExternalChanges
from triage_app.gui.import_controller import ImportController
from triage_app.gui.import_export_ui import ImportExportUi
from triage_app.gui.library_view import LibraryView
from triage_app.gui.reader.pane import ReaderPane
from triage_app.gui.removal_ui import RemovalUi
from triage_app.gui.review_controller import ReviewController
from triage_app.gui.review_ui import ReviewUi
from triage_app.gui.triage_controller import TriageController
from triage_app.gui.triage_ui import TriageUi
from triage_app.gui.widgets.command_keys import CommandKeysInFields
from triage_app.gui.widgets.drop import DropCatcher
from triage_app.gui.widgets.overlay import ShortcutOverlay
from triage_app.gui.widgets.review_panel import ReviewPanel
from triage_app.gui.widgets.status import ProgressWidget, StatusLine
from triage_app.gui.workers import TaskRunner

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1280, 800)
FRAME_ALLOWANCE = 40  # title bar and borders the window manager adds around a first-run window


class MainWindow(QMainWindow):
    """The library list with filters, the reader, triage keys, import by drop, remembered layout."""

    def __init__(
        self,
        library: Library,
        writer: LibraryWriter,
        settings: Settings,
        state: StateStore,
        *,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library, self.writer, self.settings, self.state = library, writer, settings, state
        self.setWindowTitle(self.tr("Triage"))
        self.setWindowIcon(theme.app_icon())
        self.runner = runner or TaskRunner(writer, parent=self)
        self.triage = TriageController(self.runner, self)
        self._closing = False
        self._annotate_shown = True  # False only while the start-up document is shown (see below)
        self.library_view = LibraryView(library.db)
        view = self.library_view
        self.documents, self.entities, self.filter_bar = view.documents, view.entities, view.filter_bar
        self.banner, self.table = view.banner, view.table
        self._build_reader()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.library_view)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.setCentralWidget(self.splitter)
        self.status_line = StatusLine()
        self.status_line.setMinimumWidth(1)  # a long description is cut (tooltip has it all), never widens the window
        self.progress = ProgressWidget(self)
        self.statusBar().addWidget(self.status_line, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.imports = ImportController(self.runner, settings, self.progress, self)
        self.review = ReviewController(self.runner, library.db, library.path, self)
        self.review_panel = ReviewPanel()
        self.library_view.add_panel(self.review_panel)
        self.actions_by_name = build_actions(self)
        self.toolbar = add_menus_and_toolbar(self, self.actions_by_name)
        self.actions_by_name["toggle_reader"].setChecked(True)
        self.actions_by_name["undo"].setEnabled(False)
        self.overlay = ShortcutOverlay(self)
        self.overlay.set_shortcuts(shortcut_entries())
        self._connect()
        self.triage_ui = TriageUi(self)
        self.import_export_ui = ImportExportUi(self)
        self.review_ui = ReviewUi(self)
        self._set_tab_order()
        self.command_keys = CommandKeysInFields((k for a in self.actions_by_name.values() for k in a.shortcuts()), self)
        self.command_keys.watch_fields_of(self)
        self.copies = CopiesUi(self)
        self.removal = RemovalUi(self)
        self.external = ExternalChanges(library.db, self)
        self.external.changed.connect(self._changed_elsewhere)
        self.drops = DropCatcher(self, self.import_paths)
        self._restore_state()
        self.refresh_choices()
        self._annotate_shown = False  # the document shown at start-up is annotated once the window is idle
        self.library_view.reload(select_first=True)
        self._annotate_shown = True
        # A zero timer fires once the event queue is empty: after the first paint, not before it.
        self._idle_annotation = QTimer(self)
        self._idle_annotation.setObjectName("startUpAnnotationTimer")
        self._idle_annotation.setSingleShot(True)
        self._idle_annotation.setInterval(0)
        self._idle_annotation.timeout.connect(self.reader_pane.annotate_shown)
        self._first_show = True
        self.import_export_ui.show_empty_banner()

    # -- construction -----------------------------------------------------------------------
    def _build_reader(self) -> None:
        self.reader_pane = ReaderPane(self.library, self.runner, self.settings, self.state, parent=self)
        self.reader: QWidget = self.reader_pane
        self.reader_pane.entity_filter_requested.connect(self.filter_by_entity)
        self.reader_pane.document_changed.connect(self._document_changed_in_reader)

    def _set_tab_order(self) -> None:
        """Tab follows the reading order: search and filters, the list, then the reader left to right."""
        chain = [*self.filter_bar.tab_chain(), self.table, *self.reader_pane.tab_chain()]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        """The window's own commands and signals; triage, import/export and review wire themselves (see __init__)."""
        acts = self.actions_by_name
        handlers = {
            "quit": self.close,
            "search": self.filter_bar.focus_search,
            "select_all": self.table.selectAll,
            "clear_filters": self.filter_bar.clear,
            "next": lambda: self.library_view.move_current(1),
            "previous": lambda: self.library_view.move_current(-1),
            "shortcuts": self.show_shortcuts,
            "about": self.show_about,
        }
        for name, handler in handlers.items():
            acts[name].triggered.connect(lambda _checked=False, h=handler: h())
        acts["toggle_reader"].toggled.connect(self.reader.setVisible)
        self.library_view.current_document_changed.connect(self.show_in_reader)
        self.table.clicked.connect(self._document_clicked)
        self.table.activated.connect(self._document_clicked)
        self.runner.call_failed.connect(self.show_error)
        self.banner.dismissed.connect(lambda: self.state.values.__setitem__(window_state.BANNER_DISMISSED, True))

    # -- state ------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        if not window_state.restore_geometry(self.state, self):
            self.resize(self._first_size())
        if not window_state.restore_splitter(self.state, self.splitter):
            self.splitter.setSizes([int(self.width() * 0.45), int(self.width() * 0.55)])
        header = self.table.horizontalHeader()
        window_state.restore_columns(self.state, header)
        height = self.state.values.get(window_state.TIMELINE_HEIGHT)
        if isinstance(height, int) and height > 0:
            self.library_view.set_timeline_height(height)
        visible = self.state.values.get(window_state.READER_VISIBLE, True)
        self.actions_by_name["toggle_reader"].setChecked(bool(visible))
        self.reader.setVisible(bool(visible))
        sort = window_state.remembered_sort(self.state)
        column, descending = sort if sort else (-1, False)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(column, order)

    def _first_size(self) -> QSize:
        """1280x800, or less on a small (or highly scaled) screen: 1920x1080 at 200% is 960x540."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        size = QSize(*DEFAULT_SIZE)
        if screen is not None:
            room = screen.availableGeometry().size()
            size = size.boundedTo(QSize(room.width() - FRAME_ALLOWANCE, room.height() - FRAME_ALLOWANCE))
        return size.expandedTo(self.minimumSizeHint())

    def save_state(self) -> None:
        """Write geometry, splitter, columns and sort to the state file."""
        window_state.save_window(self.state, self, self.splitter, self.table.horizontalHeader())
        self.state.values[window_state.READER_VISIBLE] = self.actions_by_name["toggle_reader"].isChecked()
        if self.library_view.timeline_height() > 0:
            self.state.values[window_state.TIMELINE_HEIGHT] = self.library_view.timeline_height()
        try:
            self.state.save()
        except OSError as exc:
            log.warning("could not save the window state: %s", exc)

    @property
    def closing(self) -> bool:
        """True once the window is closing: late job results then refresh nothing and open no dialogs."""
        return self._closing

    def showEvent(self, event: QShowEvent) -> None:
        """On the first show, annotate the start-up document in the background once the window is idle."""
        super().showEvent(event)
        if self._first_show:
            self._first_show = False
            if self.settings.get("annotate_in_background"):
                self._idle_annotation.start()
            self.external.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        self._idle_annotation.stop()
        self.external.stop()
        self.review.close()
        self.save_state()
        self.filter_bar.stop()
        self.documents.stop_search()
        self.imports.cancel()
        self.runner.shutdown()
        self.progress.finish()
        super().closeEvent(event)

    # -- the list (see LibraryView) ---------------------------------------------------------
    def current_id(self) -> int | None:
        return self.library_view.current_id()

    def selected_ids(self) -> list[int]:
        return self.library_view.selected_ids()

    def select_row(self, row: int, *, scroll: bool = True) -> None:
        self.library_view.select_row(row, scroll=scroll)

    def select_document(self, doc_id: int, *, scroll: bool = True) -> bool:
        return self.library_view.select_document(doc_id, scroll=scroll)

    def filter_by_entity(self, entity_id: int, name: str) -> None:
        """Show only the documents mentioning this entity."""
        self.library_view.filter_by_entity(entity_id, name)

    def refresh_choices(self) -> None:
        self.library_view.refresh_choices()

    def _changed_elsewhere(self) -> None:
        """Another program added or removed documents: read the list (and its filter choices) again."""
        if self.closing:
            return
        self.refresh_choices()
        self.library_view.reload()
        self.review.request()

    def go_next_unreviewed(self) -> None:
        """U: the next unreviewed document (see ReviewUi)."""
        self.review_ui.go_next_unreviewed()

    # -- the reader -------------------------------------------------------------------------
    def show_in_reader(self, doc_id: int | None) -> None:
        """Show a document (None: nothing), annotated unless it is the one shown at start-up."""
        self.reader_pane.show_document(doc_id, annotate=self._annotate_shown)

    def _document_clicked(self, _index: QModelIndex) -> None:
        """A click on the document already on show (the start-up one) annotates it, as opening it would."""
        self.reader_pane.annotate_shown()

    def _document_changed_in_reader(self, doc_id: int) -> None:
        self.documents.refresh_documents([doc_id])
        self.entities.reload()

    # -- triage and import (see TriageUi and ImportExportUi) --------------------------------
    def mark(self, relevance: str) -> None:
        """1/2/3/0: set the relevance of the selected documents."""
        self.triage_ui.mark(relevance)

    def import_paths(self, paths: list[Path], *, show_summary: bool = True) -> None:
        """Import files, folders and zips in the background."""
        self.import_export_ui.import_paths(paths, show_summary=show_summary)

    def import_first_run(self, seeds: Path) -> None:
        """Import the bundled sample pages and say how to import one's own."""
        self.import_export_ui.import_first_run(seeds)

    # -- help and errors --------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        """? / F1: the overlay listing every key."""
        self.overlay.popup()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Triage"),
            self.tr(
                "<h3>Triage {version}</h3><p>Read, mark and export saved web pages, offline.</p>"
                "<p>Decisions are saved as you make them and recorded in the audit log.</p><p>MIT licence.</p>"
            ).format(version=__version__),
        )

    def show_error(self, exc: BaseException) -> None:
        report_error(self, exc)

    def action(self, name: str) -> QAction:
        return self.actions_by_name[name]
