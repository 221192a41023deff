"""The search box (the library's FTS syntax) and the structured filters above the library list.

The bar holds the state and the wiring; its fields are built in `filter_fields`, its words live in `filter_labels`.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from triage_app.core.language import language_name
from triage_app.core.library.document_filter import DocumentFilter
from triage_app.core.library.query_syntax import UNKNOWN_LANGUAGE, query_messages
from triage_app.gui.models.entity_list import EntityIdRole, EntityListModel
from triage_app.gui.widgets.filter_fields import (
    NO_DATE,
    choice_combo,
    date_edit,
    entity_completer,
    labelled,
    refill_choices,
)
from triage_app.gui.widgets.filter_labels import (
    ANY_KIND,
    ANY_LANGUAGE,
    ANY_SITE,
    ANY_TAG,
    RELEVANCE_CHOICES,
    SEARCH_HELP,
    STAR_CHOICES,
    describe_filter,
)

SEARCH_DELAY_MS = 300


class FilterBar(QWidget):
    """Emits `filter_changed(DocumentFilter)` whenever the analyst changes the search or a filter."""

    filter_changed = Signal(object)

    def __init__(self, entities: EntityListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entities = entities
        self._entity: tuple[int, str] | None = None
        self._quiet = False
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr('Search  (words, "phrase", prefix*, OR, -not, site:, tag:, entity:, lang:)   /')
        )
        self.search.setToolTip(self.tr(SEARCH_HELP))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the library"))
        self.search.setAccessibleDescription(self.tr("Words, phrases and field filters such as site: or tag:; press / to come here"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._emit)
        self.search.textChanged.connect(lambda text: self._emit() if not text and not self._quiet else None)

        self.relevance = self._combo(RELEVANCE_CHOICES, self.tr("Relevance filter"), self.tr("Show only documents with this relevance"))
        self.starred = self._combo(STAR_CHOICES, self.tr("Star filter"), self.tr("Show starred documents only, or unstarred only"))
        self.tag = self._combo(((ANY_TAG, None),), self.tr("Tag filter"), self.tr("Show only documents with this tag"))
        self.site = self._combo(((ANY_SITE, None),), self.tr("Site filter"), self.tr("Show only documents from this site"))
        self.kind = self._combo(
            ((ANY_KIND, None),), self.tr("Kind filter"),
            self.tr("Show only documents captured this way (web page, PDF, web archive, e-mail …)"),
        )
        self.date_from = date_edit(self.tr("Dated on or after this day: the published date, else the captured date (as on the timeline)"))
        self.date_from.setAccessibleName(self.tr("Published from"))
        self.date_to = date_edit(self.tr("Dated on or before this day: the published date, else the captured date (as on the timeline)"))
        self.date_to.setAccessibleName(self.tr("Published until"))
        self.language = self._combo(
            ((ANY_LANGUAGE, None),), self.tr("Language filter"), self.tr("Show only documents in this language")
        )
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._changed)
        self.entity = QLineEdit()
        self.entity.setPlaceholderText(self.tr("Entity…"))
        self.entity.setAccessibleName(self.tr("Entity filter"))
        self.entity.setToolTip(self.tr("Show only documents mentioning this person, organisation or place"))
        self.entity.setAccessibleDescription(self.entity.toolTip())
        self.entity.setClearButtonEnabled(True)
        completer = entity_completer(entities, self.entity)
        completer.activated[QModelIndex].connect(self._entity_chosen)  # type: ignore[index]
        self.entity.setCompleter(completer)
        self.entity.editingFinished.connect(self._entity_typed)
        self.entity.textChanged.connect(lambda text: self._entity_cleared() if not text else None)
        self.collapse = QCheckBox(self.tr("Fold copies"))
        self.collapse.setToolTip(self.tr("List each cluster of near-identical documents once, by its representative"))
        self.collapse.toggled.connect(self._changed)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setToolTip(self.tr("Show every document again"))
        self.clear_button.setAccessibleDescription(self.clear_button.toolTip())
        self.clear_button.clicked.connect(self.clear)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 0, 0, 1, 3)
        layout.addWidget(self.clear_button, 0, 3)
        for column, widget in enumerate((self.relevance, self.starred, self.tag, self.site)):
            layout.addWidget(widget, 1, column)
        layout.addLayout(labelled(self.tr("from"), self.date_from), 2, 0)
        layout.addLayout(labelled(self.tr("to"), self.date_to), 2, 1)
        layout.addWidget(self.entity, 2, 2, 1, 2)
        layout.addWidget(self.kind, 1, 4)
        layout.addWidget(self.language, 2, 4)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Search problem"))
        self.problem.hide()
        layout.addWidget(self.problem, 3, 0, 1, 5)
        layout.addWidget(self.collapse, 4, 0)
        for column in range(4):
            layout.setColumnStretch(column, 1)
        for first, second in pairwise(self.tab_chain()):  # reading order, row by row
            QWidget.setTabOrder(first, second)

    def tab_chain(self) -> list[QWidget]:
        """The filter widgets in Tab order: search, Clear, then the filters row by row."""
        return [self.search, self.clear_button, self.relevance, self.starred, self.tag, self.site,
                self.date_from, self.date_to, self.entity, self.language, self.collapse]  # fmt: skip

    def _combo(self, choices: tuple[tuple[str, Any], ...], name: str, tip: str) -> QComboBox:
        combo = choice_combo(choices, name, tip)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    # -- choices ----------------------------------------------------------------------------
    def set_choices(
        self,
        tags: list[tuple[str, int]],
        sites: list[tuple[str, int]],
        kinds: list[tuple[str, int]] | None = None,
        languages: list[tuple[str | None, int]] | None = None,
    ) -> None:
        """Refill the tag, site, kind and language lists (keeping the current choice when it still exists)."""
        from triage_app.gui.models.document_columns import kind_label

        self._quiet = True
        named_languages = [
            (self.tr("Unknown language") if code is None else language_name(code), code or UNKNOWN_LANGUAGE, n)
            for code, n in (languages or [])
        ]
        try:
            lists: list[tuple[QComboBox, list[tuple[str, str, int]], str]] = [
                (self.tag, [(name, name, n) for name, n in tags], self.tr(ANY_TAG)),
                (self.site, [(name, name, n) for name, n in sites], self.tr(ANY_SITE)),
            ]
            if kinds is not None:
                lists.append((self.kind, [(kind_label(name), name, n) for name, n in kinds], self.tr(ANY_KIND)))
            if languages is not None:
                lists.append((self.language, named_languages, self.tr(ANY_LANGUAGE)))
            for combo, items, empty in lists:
                refill_choices(combo, items, empty)
        finally:
            self._quiet = False

    # -- state ------------------------------------------------------------------------------
    def current_filter(self) -> DocumentFilter:
        """The filter the widgets describe."""
        start, end = self.date_from.date(), self.date_to.date()
        return DocumentFilter(
            query=self.search.text().strip(),
            relevance=self.relevance.currentData(),
            starred=self.starred.currentData(),
            tag=self.tag.currentData(),
            site=self.site.currentData(),
            language=self.language.currentData(),
            date_from=start.toString("yyyy-MM-dd") if start != NO_DATE else None,
            date_to=end.toString("yyyy-MM-dd") if end != NO_DATE else None,
            entity_id=self._entity[0] if self._entity else None,
            kind=self.kind.currentData(),
            collapse_copies=self.collapse.isChecked(),
        )

    def entity_name(self) -> str | None:
        return self._entity[1] if self._entity else None

    def describe(self) -> str:
        """The current filter in words (translated), with the entity's name; "" for every document."""
        return describe_filter(self.current_filter(), self.entity_name())

    def set_entity(self, entity_id: int, name: str) -> None:
        """Show only documents mentioning this entity (from the reader or the completer)."""
        self._entity = (entity_id, name)
        self._quiet = True
        self.entity.setText(name)
        self._quiet = False
        self._emit()

    def set_query(self, text: str) -> None:
        """Replace the search text and apply it at once."""
        self._quiet = True
        self.search.setText(text)
        self._quiet = False
        self._emit()

    def set_date_range(self, first: str | None, last: str | None) -> None:
        """Set both published-date fields at once (the timeline's brush) and apply them."""
        self._quiet = True
        try:
            self.date_from.setDate(QDate.fromString(first, "yyyy-MM-dd") if first else NO_DATE)
            self.date_to.setDate(QDate.fromString(last, "yyyy-MM-dd") if last else NO_DATE)
        finally:
            self._quiet = False
        self._emit()

    def clear(self) -> None:
        """Back to every document."""
        self._quiet = True
        try:
            self.search.clear()
            for combo in (self.relevance, self.starred, self.tag, self.site, self.kind, self.language):
                combo.setCurrentIndex(0)
            self.date_from.setDate(NO_DATE)
            self.date_to.setDate(NO_DATE)
            self._entity = None
            self.entity.clear()
            self.collapse.setChecked(False)
        finally:
            self._quiet = False
        self._emit()

    def stop(self) -> None:
        """Stop the pending search delay (the window is closing)."""
        self._timer.stop()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- slots ------------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        if not self._quiet:
            self._emit()

    def show_search_state(self, text: str) -> None:
        """The list's state ('Searching…', why a search stopped; '' when done) after the query's own problems."""
        parts = [*query_messages(self.search.text().strip()), text]
        self.show_problem(" ".join(p for p in parts if p))

    def show_problem(self, text: str) -> None:
        """A line under the search box about what the search left out or could not do ('' hides it)."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _emit(self) -> None:
        self._timer.stop()
        flt = self.current_filter()
        self.show_problem(" ".join(query_messages(flt.query)))
        self.filter_changed.emit(flt)

    def _entity_chosen(self, index: QModelIndex) -> None:
        entity_id = index.data(EntityIdRole)
        name = index.data(Qt.ItemDataRole.EditRole)
        if entity_id is not None:
            self.set_entity(int(entity_id), str(name))

    def _entity_typed(self) -> None:
        text = self.entity.text().strip()
        if self._entity and text == self._entity[1]:
            return
        found = self._entities.find(text) if text else None
        if found:
            self.set_entity(int(found["entity_id"]), str(found["canonical"]))

    def _entity_cleared(self) -> None:
        if self._entity is not None and not self._quiet:
            self._entity = None
            self._emit()
