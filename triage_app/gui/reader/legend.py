"""The colour legend of entity types, one toggle button per type."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from triage_app.core.records import SHOWN_ENTITY_LABELS
from triage_app.gui.i18n import QT_TRANSLATE_NOOP, entity_type
from triage_app.gui.reader.cleaned_html import ENTITY_COLOURS
from triage_app.gui.widgets.flow_layout import FlowLayout

LABEL_NAMES = {
    "PERSON": QT_TRANSLATE_NOOP("EntityLegend", "People"),
    "ORG": QT_TRANSLATE_NOOP("EntityLegend", "Organisations"),
    "PLACE": QT_TRANSLATE_NOOP("EntityLegend", "Places"),
    "DATE": QT_TRANSLATE_NOOP("EntityLegend", "Dates"),
    "NORP": QT_TRANSLATE_NOOP("EntityLegend", "Groups (nationalities, religions, parties)"),
    "MONEY": QT_TRANSLATE_NOOP("EntityLegend", "Money"),
}


class EntityLegend(QWidget):
    """Checkable, coloured buttons; unchecking one hides that type's highlights.

    The buttons wrap onto further lines when the reader is narrow (a flow layout), so the legend never
    sets the window's minimum width.
    """

    hidden_labels_changed = Signal(list)

    def __init__(self, hidden: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = FlowLayout(self, h_spacing=4, v_spacing=4)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Highlight:"), self))
        self.setAccessibleName(self.tr("Entity highlights"))
        self.buttons: dict[str, QToolButton] = {}
        for label in SHOWN_ENTITY_LABELS:
            button = QToolButton(self)
            button.setText(self._caption(label, label not in hidden))
            button.setCheckable(True)
            button.setChecked(label not in hidden)
            kind = self.tr(LABEL_NAMES.get(label, label))
            button.setToolTip(self.tr("Show or hide the highlights of {kind}").format(kind=kind))
            button.setAccessibleName(self.tr("Highlight {kind}").format(kind=kind))
            button.setAccessibleDescription(button.toolTip())
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # tool buttons take no Tab focus by default
            button.setStyleSheet(
                f"QToolButton {{ background: {ENTITY_COLOURS[label]}; color: #000; border: 1px solid #888;"
                " border-radius: 3px; padding: 1px 6px; }"
                " QToolButton:!checked { background: transparent; color: palette(placeholder-text); }"
                " QToolButton:focus { border: 2px solid palette(highlight); }"
            )
            button.toggled.connect(lambda on, b=button, lbl=label: b.setText(self._caption(lbl, on)))
            button.toggled.connect(self._emit)
            layout.addWidget(button)
            self.buttons[label] = button

    @staticmethod
    def _caption(label: str, on: bool) -> str:
        return f"\u2713 {entity_type(label)}" if on else f"\u2715 {entity_type(label)}"

    def hidden_labels(self) -> set[str]:
        """Types whose highlights are switched off."""
        return {label for label, button in self.buttons.items() if not button.isChecked()}

    def _emit(self) -> None:
        self.hidden_labels_changed.emit(sorted(self.hidden_labels()))
