"""Remembering the window between runs: geometry (base64 of saveGeometry()), splitters, columns, sort."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

from triage_app.core.settings import StateStore

GEOMETRY = "window.geometry"
SPLITTER = "window.splitter"
READER_VISIBLE = "window.reader_visible"
COLUMNS = "library.column_widths"
SORT = "library.sort"
TIMELINE_HEIGHT = "library.timeline_height"
BANNER_DISMISSED = "first_run.banner_dismissed"
REVIEW_RANKED = "review.likely_first"
REVIEW_QUERY = "review.looking_for"


def save_window(state: StateStore, window: QMainWindow, splitter: QSplitter, header: QHeaderView) -> None:
    """Put the window's geometry, splitter sizes, column widths and sort into `state` (not yet saved)."""
    state.values[GEOMETRY] = bytes(window.saveGeometry().toBase64().data()).decode("ascii")
    sizes = splitter.sizes()
    if any(sizes):
        state.values[SPLITTER] = sizes
    state.values[COLUMNS] = [header.sectionSize(i) for i in range(header.count())]
    state.values[SORT] = [header.sortIndicatorSection(), header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder]


def restore_geometry(state: StateStore, window: QMainWindow) -> bool:
    """Apply the remembered geometry; False when there is none (or it is unreadable)."""
    value = state.values.get(GEOMETRY)
    if not isinstance(value, str) or not value:
        return False
    return bool(window.restoreGeometry(QByteArray.fromBase64(QByteArray(value.encode("ascii")))))


def restore_splitter(state: StateStore, splitter: QSplitter) -> bool:
    """Apply the remembered splitter sizes; False when there are none."""
    sizes = state.values.get(SPLITTER)
    if isinstance(sizes, list) and _int_list(sizes, splitter.count()):
        splitter.setSizes(sizes)
        return True
    return False


def restore_columns(state: StateStore, header: QHeaderView) -> None:
    widths = state.values.get(COLUMNS)
    if isinstance(widths, list) and _int_list(widths, header.count()):
        for section, width in enumerate(widths):
            if width > 0:
                header.resizeSection(section, width)


def remembered_sort(state: StateStore) -> tuple[int, bool] | None:
    """(column, descending) of the remembered sort; column -1 is search rank / newest first."""
    value = state.values.get(SORT)
    if isinstance(value, list) and len(value) == 2 and isinstance(value[0], int):
        return value[0], bool(value[1])
    return None


def _int_list(value: Any, length: int) -> bool:
    return isinstance(value, list) and len(value) == length and all(isinstance(v, int) for v in value)
