"""The filter bar's words: the search help, the labels of its choice lists, and a filter described in words.

Every string keeps the translation context "FilterBar" (the widget's `tr()` context), so the catalogue's
entries stay where they are whichever module holds them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from triage_app.core.library.document_filter import DocumentFilter
from triage_app.gui.i18n import QT_TRANSLATE_NOOP, relevance_word

SEARCH_HELP = QT_TRANSLATE_NOOP(
    "FilterBar",
    "<b>Search syntax</b><br>"
    "words (all must match) · \"an exact phrase\" · prefix* · word OR word · -excluded<br>"
    "fields: site:example.org · tag:name · relevance:maybe · star:yes · entity:\"Name\" · kind:pdf · lang:de<br>"
    "Press / to come here from anywhere."
)
RELEVANCE_CHOICES = (
    (QT_TRANSLATE_NOOP("FilterBar", "Any relevance"), None),
    (QT_TRANSLATE_NOOP("FilterBar", "Unreviewed"), "unreviewed"),
    (QT_TRANSLATE_NOOP("FilterBar", "Relevant"), "relevant"),
    (QT_TRANSLATE_NOOP("FilterBar", "Maybe"), "maybe"),
    (QT_TRANSLATE_NOOP("FilterBar", "Not relevant"), "not-relevant"),
)
ANY_TAG = QT_TRANSLATE_NOOP("FilterBar", "Any tag")
ANY_SITE = QT_TRANSLATE_NOOP("FilterBar", "Any site")
ANY_KIND = QT_TRANSLATE_NOOP("FilterBar", "Any kind")
ANY_LANGUAGE = QT_TRANSLATE_NOOP("FilterBar", "Any language")
STAR_CHOICES = (
    (QT_TRANSLATE_NOOP("FilterBar", "Starred or not"), None),
    (QT_TRANSLATE_NOOP("FilterBar", "Starred"), True),
    (QT_TRANSLATE_NOOP("FilterBar", "Not starred"), False),
)


def describe_filter(flt: DocumentFilter, entity_name: str | None) -> str:
    """`flt` in words (translated), with the chosen entity's name; "" for every document."""
    parts = []
    if flt.query:
        parts.append(QCoreApplication.translate("FilterBar", 'search "{query}"').format(query=flt.query))
    if flt.relevance:
        parts.append(
            QCoreApplication.translate("FilterBar", "relevance: {value}").format(value=relevance_word(flt.relevance))
        )
    if flt.tag:
        parts.append(QCoreApplication.translate("FilterBar", "tag: {value}").format(value=flt.tag))
    if flt.site:
        parts.append(QCoreApplication.translate("FilterBar", "site: {value}").format(value=flt.site))
    if flt.kind:
        from triage_app.gui.models.document_columns import kind_label

        parts.append(QCoreApplication.translate("FilterBar", "kind: {value}").format(value=kind_label(flt.kind)))
    if flt.date_from:
        parts.append(QCoreApplication.translate("FilterBar", "date from: {value}").format(value=flt.date_from))
    if flt.date_to:
        parts.append(QCoreApplication.translate("FilterBar", "date to: {value}").format(value=flt.date_to))
    if flt.starred is not None:
        parts.append(
            QCoreApplication.translate("FilterBar", "starred")
            if flt.starred
            else QCoreApplication.translate("FilterBar", "not starred")
        )
    if entity_name is not None:
        parts.append(QCoreApplication.translate("FilterBar", "mentions {name}").format(name=entity_name))
    return "; ".join(parts)
