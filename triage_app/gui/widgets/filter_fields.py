"""The filter bar's input fields: date boxes that Tab leaves, choice lists with counts, the entity completer.

The builders know nothing of the bar's state: the bar connects their signals itself. Their strings keep
the translation context "FilterBar".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from triage_app.core.library.sort_keys import sort_key
from triage_app.gui.models.entity_list import EntityListModel, MatchRole

NO_DATE = QDate(1900, 1, 1)
"""The date boxes' minimum, shown as "any": no bound on that side."""


class _DateEdit(QDateEdit):
    """A date box that Tab leaves (QDateEdit's Tab walks its year/month/day sections and never leaves
    while "any" is shown); the sections stay reachable with the Left and Right keys."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


def date_edit(tip: str) -> QDateEdit:
    """A yyyy-MM-dd box with a calendar that starts at `NO_DATE` ("any")."""
    edit = _DateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(QCoreApplication.translate("FilterBar", "any"))
    edit.setDate(NO_DATE)
    edit.setToolTip(tip)
    edit.setAccessibleDescription(tip)
    return edit


def labelled(text: str, widget: QWidget) -> QHBoxLayout:
    """`widget` after a label that is its buddy (the label names it for assistive tools)."""
    row = QHBoxLayout()
    label = QLabel(text)
    label.setBuddy(widget)
    row.addWidget(label)
    row.addWidget(widget, 1)
    return row


def choice_combo(choices: tuple[tuple[str, Any], ...], name: str, tip: str) -> QComboBox:
    """A narrow combo box of (label, value) choices; the labels are translated in the "FilterBar" context."""
    combo = QComboBox()
    combo.setToolTip(tip)
    combo.setAccessibleName(name)
    combo.setAccessibleDescription(tip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(6)
    for label, value in choices:
        combo.addItem(QCoreApplication.translate("FilterBar", label), value)
    return combo


def refill_choices(combo: QComboBox, items: list[tuple[str, str, int]], empty: str) -> None:
    """Replace `combo`'s entries by `empty` and `label (count)` per item, keeping the chosen value if it is still there."""
    current = combo.currentData()
    combo.clear()
    combo.addItem(empty, None)
    for label, value, count in items:
        combo.addItem(f"{label} ({count})", value)
    position = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(position, 0))


class _FoldingCompleter(QCompleter):
    """Matches the typed text against the names with case and accents folded (`MatchRole`): "eric" offers "Éric
    Zemmour", "lodz" offers "Łódź". A chosen entry puts its own name in the box, not the folded one."""

    def splitPath(self, path: str) -> list[str]:
        return [sort_key(path) or ""]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.EditRole) or "")


def entity_completer(entities: EntityListModel, edit: QLineEdit) -> QCompleter:
    """A completer for `edit` that offers the entities whose names contain the typed text, in any case, with or
    without its accents."""
    completer = _FoldingCompleter(entities, edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionRole(MatchRole)
    return completer
