"""The left half of the window: search and filters, a notice banner, and the library table."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QSplitter, QTableView, QVBoxLayout, QWidget
from sqlite_utils import Database

from triage_app.core.library import document_filter, languages, query_syntax, triage
from triage_app.gui.models.document_columns import COL_LIKELY, COL_RELEVANCE, COL_TITLE
from triage_app.gui.models.document_table import DocumentTableModel
from triage_app.gui.models.entity_list import EntityListModel
from triage_app.gui.navigation import next_unreviewed_row
from triage_app.gui.widgets.entity_pairs_bar import EntityPairsBar
from triage_app.gui.widgets.filter_bar import FilterBar
from triage_app.gui.widgets.overlay import Banner
from triage_app.gui.widgets.timeline import STRIP_HEIGHT, TimelineStrip

MAX_KEPT_SELECTION = 1000
DEFAULT_WIDTHS = (104, 26, 300, 120, 84, 112, 56, 120)


class LibraryView(QWidget):
    """Filter bar over the SQL-backed table; tells which document is current, once per change."""

    current_document_changed = Signal(object)  # int | None

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._current: int | None = None
        self.documents = DocumentTableModel(db, self)
        self.entities = EntityListModel(db, self)
        self.filter_bar = FilterBar(self.entities)
        self.banner = Banner()
        self.timeline = TimelineStrip(db)
        self.pairs = EntityPairsBar(db)
        self.table = QTableView()
        self.table.setModel(self.documents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # arrows move between rows; Tab leaves the list for the reader
        self.table.setAccessibleName(self.tr("Library"))
        self.table.setAccessibleDescription(self.tr("The documents that match the search and filters; 1, 2, 3 and 0 mark the selected ones"))
        header = self.table.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for column, width in enumerate(DEFAULT_WIDTHS):
            header.resizeSection(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.pairs)
        # The strip and the table share a splitter: drag its handle to make the strip taller (remembered).
        self.timeline_splitter = QSplitter(Qt.Orientation.Vertical)
        self.timeline_splitter.setChildrenCollapsible(False)
        self.timeline_splitter.addWidget(self.timeline)
        self.timeline_splitter.addWidget(self.table)
        self.timeline_splitter.setStretchFactor(0, 0)
        self.timeline_splitter.setStretchFactor(1, 1)
        self.timeline_splitter.setSizes([STRIP_HEIGHT, 10 * STRIP_HEIGHT])
        layout.addWidget(self.timeline_splitter, 1)
        self._layout = layout
        header.moveSection(COL_LIKELY, COL_RELEVANCE + 1)  # the model's column next to the decision
        self.filter_bar.filter_changed.connect(self._filter_changed)
        self.timeline.range_selected.connect(self.filter_bar.set_date_range)
        self.pairs.pair_chosen.connect(lambda _id, name: self.filter_bar.set_query(query_syntax.entity_query(name)))
        self.documents.counts_changed.connect(lambda: self.timeline.set_filter(self.documents.filter))
        self.documents.search_state.connect(self.filter_bar.show_search_state)
        self.documents.search_state.connect(self._search_state)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)

    def timeline_height(self) -> int:
        return self.timeline_splitter.sizes()[0]

    def set_timeline_height(self, height: int) -> None:
        """Give the strip `height` pixels (at least its minimum); the table keeps the rest."""
        total = sum(self.timeline_splitter.sizes()) or 11 * STRIP_HEIGHT
        height = max(self.timeline.minimumHeight(), height)
        self.timeline_splitter.setSizes([height, max(1, total - height)])

    def add_panel(self, panel: QWidget) -> None:
        """Put a panel (prioritised review) under the table."""
        self._layout.addWidget(panel)

    # -- which documents ----------------------------------------------------------------------
    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.documents.id_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        """The selected documents in list order, or the current one when nothing is selected."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [d for d in (self.documents.id_at(r) for r in rows) if d is not None]
        if not ids and (current := self.current_id()) is not None:
            ids = [current]
        return ids

    def select_row(self, row: int, *, scroll: bool = True) -> None:
        """Make `row` current and the only selected row."""
        index = self.documents.index(row, COL_TITLE)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        if scroll:
            self.table.scrollTo(index)

    def select_document(self, doc_id: int, *, scroll: bool = True) -> bool:
        """Make this document current; False when it is not in the list."""
        row = self.documents.row_of(doc_id)
        if row is None:
            return False
        self.select_row(row, scroll=scroll)
        return True

    def move_current(self, step: int) -> None:
        """J/K: the next or previous document in the list."""
        if not self.documents.rowCount():
            return
        index = self.table.currentIndex()
        row = index.row() + step if index.isValid() else 0
        self.select_row(max(0, min(row, self.documents.rowCount() - 1)))

    def go_next_unreviewed(self) -> bool:
        """U: the next unreviewed document after the current one (wrapping round); False if there is none."""
        index = self.table.currentIndex()
        row = next_unreviewed_row(self._db, self.documents.ids, index.row() if index.isValid() else -1)
        if row is None:
            return False
        self.select_row(row)
        return True

    # -- the list -----------------------------------------------------------------------------
    def reload(self, *, select_first: bool = False) -> None:
        """Query the list again, keeping the current and selected documents and the scroll position."""
        keep = None if select_first else self.current_id()
        selected = [] if select_first else self.selected_ids()[:MAX_KEPT_SELECTION]
        scroll = self.table.verticalScrollBar().value()
        self.documents.reload()
        if keep is not None and self.select_document(keep, scroll=False):
            selection = self.table.selectionModel()
            for doc_id in selected:
                row = self.documents.row_of(doc_id)
                if row is not None and doc_id != keep:
                    selection.select(
                        self.documents.index(row, 0),
                        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                    )
            self.table.verticalScrollBar().setValue(scroll)
            return
        if self.documents.rowCount() and (select_first or keep is not None):
            self.select_row(0)
        elif not self.documents.rowCount():
            self._announce(None)

    def refresh_choices(self) -> None:
        """Refill the tag, site and entity lists from the library."""
        self.filter_bar.set_choices(
            triage.all_tags(self._db), document_filter.distinct_sites(self._db), document_filter.distinct_kinds(self._db),
            languages.language_counts(self._db),
        )
        self.entities.reload()

    def filter_by_entity(self, entity_id: int, name: str) -> None:
        """Show only the documents mentioning this entity."""
        self.filter_bar.set_entity(entity_id, name)

    def _filter_changed(self, flt: document_filter.DocumentFilter) -> None:
        header = self.table.horizontalHeader()
        if flt.query and not self.documents.filter.query and header.sortIndicatorSection() != -1:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # best hits first
        self.documents.set_filter(flt)
        self.pairs.set_entity(flt.entity_id, self.filter_bar.entity_name())
        if self.documents.searching:
            return  # a long search runs in the background: the first row is chosen when it lands
        if self.documents.rowCount():
            self.select_row(0)
        else:
            self._announce(None)

    def _search_state(self, text: str) -> None:
        if text or self.documents.searching:
            return
        if self.documents.rowCount():
            self.select_row(0)
        else:
            self._announce(None)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._announce(self.documents.id_at(current.row()) if current.isValid() else None)

    def _announce(self, doc_id: int | None) -> None:
        if doc_id != self._current:  # a reload that kept the same document is no change
            self._current = doc_id
            self.current_document_changed.emit(doc_id)
