"""The side panel: the document's entities by type with counts, and its quotes with speakers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyle,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from triage_app.core.records import SHOWN_ENTITY_LABELS
from triage_app.gui.reader.models import (
    CanonicalRole,
    EntityIdRole,
    EntitySummaryModel,
    QuoteStartRole,
    QuoteTableModel,
)


class SidePanel(QWidget):
    """Entity tree above quote table, with a status line about annotation."""

    entity_menu_requested = Signal(int, str, QPoint)  # entity id, canonical name, global position
    quote_activated = Signal(int)  # start offset of the quote in the cleaned text

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel(self)
        self.status.setObjectName("annotationStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Annotation status"))
        self.entity_model = EntitySummaryModel(self)
        self.quote_model = QuoteTableModel(self)
        self.entity_view = QTreeView(self)
        self.entity_view.setModel(self.entity_model)
        self.entity_view.setAccessibleName(self.tr("Entities of this document"))
        self.entity_view.setAccessibleDescription(
            self.tr("People, organisations and places by type with their mention counts; Enter or the menu key acts on one")
        )
        self.entity_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entity_view.setUniformRowHeights(True)
        self.entity_view.header().setStretchLastSection(False)
        self.entity_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A fixed count column sized from the font: ResizeToContents would ask every row on each document.
        self.entity_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.entity_view.header().resizeSection(1, self.count_column_width())
        self.entity_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.entity_view.customContextMenuRequested.connect(self._on_entity_menu)
        self.entity_view.activated.connect(self._on_entity_activated)
        self.quote_view = QTableView(self)
        self.quote_view.setModel(self.quote_model)
        self.quote_view.setAccessibleName(self.tr("Quotes of this document"))
        self.quote_view.setAccessibleDescription(self.tr("Quotations with their speakers; Enter shows the quote in the cleaned text"))
        self.quote_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.quote_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.quote_view.setWordWrap(True)
        self.quote_view.setTabKeyNavigation(False)  # Tab leaves the table
        self.quote_view.verticalHeader().hide()
        self.quote_view.horizontalHeader().setStretchLastSection(True)
        self.quote_view.activated.connect(self._on_quote_activated)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._titled(self.tr("Entities"), self.entity_view))
        splitter.addWidget(self._titled(self.tr("Quotes"), self.quote_view))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

    def count_column_width(self) -> int:
        """Room for the count header or a five-digit count, whichever is wider, from the font metrics."""
        header = self.entity_view.header()
        title = str(self.entity_model.headerData(EntitySummaryModel.COL_COUNT, Qt.Orientation.Horizontal))
        digits = self.entity_view.fontMetrics().horizontalAdvance("99999")
        text = max(header.fontMetrics().horizontalAdvance(title), digits)
        return text + 4 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 8

    def _titled(self, title: str, view: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        heading = QLabel(f"<b>{title}</b>", box)
        heading.setBuddy(view)
        layout.addWidget(heading)
        layout.addWidget(view)
        return box

    def set_content(self, summary: list[dict[str, Any]], quotes: list[dict[str, Any]]) -> None:
        """Show a document's entity summary and quotes."""
        self.entity_model.set_summary(summary, SHOWN_ENTITY_LABELS)
        self.quote_model.set_quotes(quotes)
        self.entity_view.expandAll()
        self.quote_view.resizeColumnToContents(QuoteTableModel.COL_SPEAKER)

    def _on_entity_menu(self, pos: QPoint) -> None:
        index = self.entity_view.indexAt(pos)
        entity_id = index.siblingAtColumn(0).data(EntityIdRole) if index.isValid() else None
        if entity_id is not None:
            name = index.siblingAtColumn(0).data(CanonicalRole)
            self.entity_menu_requested.emit(int(entity_id), str(name), self.entity_view.viewport().mapToGlobal(pos))

    def _on_entity_activated(self, index: QModelIndex) -> None:
        entity_id = index.siblingAtColumn(0).data(EntityIdRole)
        if entity_id is not None:
            rect = self.entity_view.visualRect(index)
            name = str(index.siblingAtColumn(0).data(CanonicalRole))
            self.entity_menu_requested.emit(int(entity_id), name, self.entity_view.viewport().mapToGlobal(rect.center()))

    def _on_quote_activated(self, index: QModelIndex) -> None:
        start = index.data(QuoteStartRole)
        if start is not None:
            self.quote_activated.emit(int(start))
