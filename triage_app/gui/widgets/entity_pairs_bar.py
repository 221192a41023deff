"""A line under the filters while the list is filtered by an entity: the entities that appear with it
most, with document counts; clicking one lists the documents holding both."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget
from sqlite_utils import Database

from triage_app.core.library import entity_pairs


class EntityPairsBar(QLabel):
    """'Often with Zelenskyy: Kyiv (12) · NATO (8) …' as links; hidden when no entity is chosen."""

    pair_chosen = Signal(int, str)  # the other entity's id and name

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._names: dict[int, str] = {}
        self.setWordWrap(True)
        self.setTextInteractionFlags(self.textInteractionFlags() | self.textInteractionFlags().LinksAccessibleByMouse)
        self.setToolTip(self.tr("Entities found in the same documents; click one to list the documents mentioning both"))
        self.linkActivated.connect(self._clicked)
        self.hide()

    def set_entity(self, entity_id: int | None, name: str | None) -> None:
        """Show the pairs of this entity (or hide the bar for None)."""
        pairs = entity_pairs.co_occurring(self._db, entity_id) if entity_id is not None else []
        if not pairs:
            self._names = {}
            self.hide()
            return
        self._names = {p["entity_id"]: p["canonical"] for p in pairs}
        links = " · ".join(
            f'<a href="{p["entity_id"]}">{html.escape(p["canonical"])}</a> ({p["documents"]})' for p in pairs
        )
        self.setText(self.tr("Often with %1: %2").replace("%1", f"<b>{html.escape(name or '')}</b>").replace("%2", links))
        self.show()

    def _clicked(self, link: str) -> None:
        try:
            entity_id = int(link)
        except ValueError:
            return
        if entity_id in self._names:
            self.pair_chosen.emit(entity_id, self._names[entity_id])
