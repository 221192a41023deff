"""What the reader keeps in the state store between runs: its splitter sizes, hidden panes and hidden entity labels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from triage_app.core.settings import Settings, StateStore

STATE_SPLITTER = "reader.splitter"
DEFAULT_SIZES = [380, 420, 300]  # original, cleaned view, side panel: room for entity names beside their counts
STATE_HIDDEN_LABELS = "reader.hidden_labels"
STATE_HIDDEN_PANES = "reader.hidden_panes"


def saved_sizes(state: StateStore) -> list[int]:
    """The splitter sizes of the original, cleaned view and side panel from last time, else the defaults."""
    sizes = state.values.get(STATE_SPLITTER)
    return sizes if isinstance(sizes, list) and len(sizes) == 3 else DEFAULT_SIZES


def remember_sizes(state: StateStore, sizes: list[int]) -> None:
    """Keep the splitter sizes (written with the rest of the state)."""
    state.values[STATE_SPLITTER] = sizes


def saved_hidden_labels(state: StateStore, settings: Settings) -> set[str]:
    """The entity labels hidden last time, else those the settings hide."""
    hidden = state.values.get(STATE_HIDDEN_LABELS)
    if not isinstance(hidden, list):
        hidden = list(settings.get("hidden_entity_labels") or [])
    return set(hidden)


def save_hidden_labels(state: StateStore, hidden: list[str]) -> None:
    """Save the entity labels hidden now."""
    state.values[STATE_HIDDEN_LABELS] = list(hidden)
    state.save()


def pane_toggle_action(text: str, widget: QWidget, key: str, state: StateStore, parent: QObject) -> QAction:
    """A checked action that shows `widget`; unchecked, it hides it and saves `key` among the hidden panes.

    Its tooltip keeps the pane's translation context ("ReaderPane"), where the catalogue has it.
    """
    action = QAction(text, parent)
    action.setCheckable(True)
    hidden = state.values.get(STATE_HIDDEN_PANES) or []
    action.setChecked(key not in hidden)
    widget.setVisible(key not in hidden)
    action.setToolTip(QCoreApplication.translate("ReaderPane", "{pane} in the reader").format(pane=text.replace("&", "")))

    def toggled(on: bool) -> None:
        widget.setVisible(on)
        current = set(state.values.get(STATE_HIDDEN_PANES) or [])
        current.discard(key) if on else current.add(key)
        state.values[STATE_HIDDEN_PANES] = sorted(current)
        state.save()

    action.toggled.connect(toggled)
    return action
