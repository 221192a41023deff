"""Small questions the reader asks: a new name for an entity, its type, the entity to merge into."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from triage_app.core.records import SHOWN_ENTITY_LABELS


class RenameEntityDialog:
    """Asks for an entity's new canonical name."""

    @classmethod
    def ask(cls, parent: QWidget | None, current: str) -> str | None:
        """The new name, or None when cancelled or unchanged."""
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("RenameEntityDialog", "Rename entity"),
            QCoreApplication.translate("RenameEntityDialog", "New name for \u201c{name}\u201d:").format(name=current),
            text=current,
        )
        text = text.strip()
        return text if ok and text and text != current else None


class SplitMentionDialog:
    """Asks which entity one mention of another entity stands for."""

    @classmethod
    def ask(cls, parent: QWidget | None, mention: str, entity: str) -> str | None:
        """The other entity's name, or None when cancelled, empty or the entity's own name."""
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("SplitMentionDialog", "Split mention off"),
            QCoreApplication.translate(
                "SplitMentionDialog", "This mention, \u201c{mention}\u201d, stands for another entity than \u201c{entity}\u201d. Its name:"
            ).format(mention=mention, entity=entity),
            text=mention,
        )
        text = text.strip()
        return text if ok and text and text != entity else None


class MergeEntityDialog:
    """Asks which entity another one should be merged into."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str, candidates: list[tuple[int, str]]) -> int | None:
        """The id of the entity to keep, or None when cancelled."""
        if not candidates:
            return None
        labels = [f"{canonical}  (#{entity_id})" for entity_id, canonical in candidates]
        choice, ok = QInputDialog.getItem(
            parent,
            QCoreApplication.translate("MergeEntityDialog", "Merge entity"),
            QCoreApplication.translate("MergeEntityDialog", "Merge \u201c{name}\u201d into:").format(name=name),
            labels,
            0,
            False,
        )
        if not ok:
            return None
        return candidates[labels.index(choice)][0]


class EncodingDialog:
    """Asks which text encoding to re-open a document with."""

    @classmethod
    def ask(cls, parent: QWidget | None, current: str, choices: tuple[str, ...]) -> str | None:
        """The chosen encoding name, or None when cancelled or unchanged."""
        items = [current, *(c for c in choices if c != current)]
        choice, ok = QInputDialog.getItem(
            parent,
            QCoreApplication.translate("EncodingDialog", "Re-open with encoding"),
            QCoreApplication.translate("EncodingDialog", "Decode the original as (now {encoding}):").format(encoding=current),
            items,
            0,
            True,
        )
        choice = choice.strip()
        return choice if ok and choice and choice != current else None


class RetypeEntityDialog:
    """Asks for an entity's type (PERSON, ORG, PLACE, ...)."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str, current: str) -> str | None:
        """The new type, or None when cancelled or unchanged."""
        labels = list(SHOWN_ENTITY_LABELS)
        start = labels.index(current) if current in labels else 0
        choice, ok = QInputDialog.getItem(parent, QCoreApplication.translate("RetypeEntityDialog", "Change entity type"), QCoreApplication.translate("RetypeEntityDialog", "Type of \u201c{name}\u201d:").format(name=name), labels, start, False)
        return choice if ok and choice != current else None
