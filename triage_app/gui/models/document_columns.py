"""The library list's columns and roles, and what its header and each cell of a document row show.

Plain functions over a row dict (as `search.fetch_rows` returns it): the list model's `data()`
answers the roles about the list itself and hands the rest to `cell_data`. Texts keep the translation
contexts they had in the model's module ("DocumentTableModel", "CaptureKind", "Relevance").
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from triage_app.core.language import language_name
from triage_app.gui import theme
from triage_app.gui.i18n import QT_TRANSLATE_NOOP

COL_RELEVANCE, COL_STAR, COL_TITLE, COL_SITE, COL_PUBLISHED, COL_IMPORTED, COL_WORDS, COL_TAGS = range(8)
COL_KIND = 8
COL_LANGUAGE = 9
COL_LIKELY = 10  # prioritised review (issue 13): the model's percentile, not a decision
COLUMN_COUNT = 11
HEADERS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("DocumentTableModel", "Relevance"), "★", QT_TRANSLATE_NOOP("DocumentTableModel", "Title"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Site"), QT_TRANSLATE_NOOP("DocumentTableModel", "Published"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Imported"), QT_TRANSLATE_NOOP("DocumentTableModel", "Words"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Tags"), QT_TRANSLATE_NOOP("DocumentTableModel", "Kind"),
    QT_TRANSLATE_NOOP("DocumentTableModel", "Language"), QT_TRANSLATE_NOOP("DocumentTableModel", "Likely relevant"),
)  # fmt: skip
SORT_KEYS: tuple[str, ...] = (
    "relevance", "starred", "title", "site", "published", "imported_at", "word_count", "tags", "format", "language",
    "likely",
)  # fmt: skip
"""The `document_filter.SORT_COLUMNS` key each column sorts by ('likely' sorts by the relevance model, in memory)."""
LIKELY = "likely"
# Columns added by later issues, each appended on its own lines.
COL_COPIES = COLUMN_COUNT  # near-duplicate cluster size (issue 15)
COLUMN_COUNT += 1
HEADERS += (QT_TRANSLATE_NOOP("DocumentTableModel", "Copies"),)
SORT_KEYS += ("copies",)
KIND_LABELS = {
    "html": QT_TRANSLATE_NOOP("CaptureKind", "Web page"),
    "mhtml": QT_TRANSLATE_NOOP("CaptureKind", "MHTML"),
    "singlefile": QT_TRANSLATE_NOOP("CaptureKind", "SingleFile"),
    "webarchive": QT_TRANSLATE_NOOP("CaptureKind", "Safari web archive"),
    "text": QT_TRANSLATE_NOOP("CaptureKind", "Text dump"),
    "warc": QT_TRANSLATE_NOOP("CaptureKind", "Web archive"),
    "pdf": QT_TRANSLATE_NOOP("CaptureKind", "PDF"),
    "email": QT_TRANSLATE_NOOP("CaptureKind", "E-mail"),
}
"""How each capture kind (documents.format) is named in the list and the kind filter (translated on display)."""

SortRole = Qt.ItemDataRole.UserRole
DocumentRole = Qt.ItemDataRole.UserRole + 1  # the document id
RelevanceRole = Qt.ItemDataRole.UserRole + 2
StarredRole = Qt.ItemDataRole.UserRole + 3
SnippetRole = Qt.ItemDataRole.UserRole + 4  # the search snippet (plain text, hit words in «»)
RowRole = Qt.ItemDataRole.UserRole + 5  # the whole row dict

# Roles as plain ints: a view asks ~7 roles per visible cell, and most of them (decoration, font,
# background, check state) are not ours, so `data()` turns them away at once.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_SORT, _DOCUMENT, _RELEVANCE, _STARRED, _SNIPPET, _ROW = (
    int(r) for r in (SortRole, DocumentRole, RelevanceRole, StarredRole, SnippetRole, RowRole)
)
HANDLED_ROLES = frozenset(
    (_DISPLAY, _TOOLTIP, _FOREGROUND, _ALIGNMENT, _ACCESSIBLE, _SORT, _DOCUMENT, _RELEVANCE, _STARRED, _SNIPPET, _ROW)
)
"""The roles the list model's `data()` answers, as ints."""
LIKELY_ROLES = frozenset((_DISPLAY, _SORT, _ALIGNMENT))
"""The roles of the likelihood column that come from the relevance model, not the row."""
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)

MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
"""What FTS puts around a snippet's hit words; `plain_snippet` and `title_tooltip` turn them into «» or bold."""


def kind_label(kind: str | None) -> str:
    """A capture kind as shown ("pdf" -> "PDF", "warc" -> "Web archive"; unknown kinds as stored)."""
    text = str(kind or "")
    return QCoreApplication.translate("CaptureKind", KIND_LABELS[text]) if text in KIND_LABELS else text


def header_data(section: int, role: int) -> Any:
    """The header of column `section` in `role` (its title, or a tooltip on what sorting by it does)."""
    if role == Qt.ItemDataRole.DisplayRole:
        return QCoreApplication.translate("DocumentTableModel", HEADERS[section])
    if role == Qt.ItemDataRole.ToolTipRole:
        if section == COL_STAR:
            return QCoreApplication.translate("DocumentTableModel", "Starred")
        if section == COL_LIKELY:
            return QCoreApplication.translate(
                "DocumentTableModel", "How likely the relevance model finds it (0-100, a rank, not a decision); sort by it")
        column = QCoreApplication.translate("DocumentTableModel", HEADERS[section]).lower()
        return QCoreApplication.translate("DocumentTableModel", "Sort by {column}").format(column=column)
    return None


def likely_data(likely: int | None, role: int) -> Any:
    """The likelihood cell in one of `LIKELY_ROLES`, for the relevance model's percentile `likely`."""
    if role == _ALIGNMENT:
        return _RIGHT
    return likely if role == _SORT else ("" if likely is None else str(likely))


def cell_data(row: dict[str, Any], column: int, role: int, snippet: Callable[[], str]) -> Any:
    """What the cell of `row` in `column` shows in `role` (an int); `snippet` makes the search snippet if asked."""
    if role == _DISPLAY:
        return display_text(row, column)
    if role == _ALIGNMENT:
        if column in (COL_WORDS, COL_COPIES):
            return _RIGHT
        return _CENTRE if column == COL_STAR else None
    if role == _FOREGROUND:
        return theme.relevance_colour(row.get("relevance") or "", QApplication.palette()) if column == COL_RELEVANCE else None
    if role == _ROW:
        return row
    if role == _RELEVANCE:
        return row.get("relevance")
    if role == _STARRED:
        return bool(row.get("starred"))
    if role == _SNIPPET:
        return plain_snippet(snippet())
    if role == _SORT:
        return sort_value(row, column)
    if role == _TOOLTIP:
        if column == COL_COPIES:
            return copies_tooltip(row)
        return title_tooltip(row, snippet()) if column == COL_TITLE else None
    if role == _ACCESSIBLE and column == COL_STAR:
        if row.get("starred"):
            return QCoreApplication.translate("DocumentTableModel", "starred")
        return QCoreApplication.translate("DocumentTableModel", "not starred")
    return None


def display_text(row: dict[str, Any], column: int) -> str:
    """The text of `row` in `column` (DisplayRole); the likelihood column is the model's, not the row's."""
    if column == COL_RELEVANCE:
        relevance = row.get("relevance") or ""
        label = QCoreApplication.translate("Relevance", theme.RELEVANCE_LABELS.get(relevance, relevance))
        return f"{theme.RELEVANCE_GLYPHS.get(relevance, '')} {label}".strip()
    if column == COL_STAR:
        return theme.STAR_ON if row.get("starred") else ""
    if column == COL_TITLE:
        return str(row.get("title") or QCoreApplication.translate("DocumentTableModel", "(untitled)"))
    if column == COL_SITE:
        return str(row.get("site") or "")
    if column == COL_PUBLISHED:
        return str(row.get("published") or "")[:10]
    if column == COL_IMPORTED:
        return str(row.get("imported_at") or "")[:16].replace("T", " ")
    if column == COL_WORDS:
        return f"{int(row.get('word_count') or 0):,}"
    if column == COL_TAGS:
        return ", ".join(row.get("tags") or [])
    if column == COL_KIND:
        return kind_label(row.get("format"))
    if column == COL_LANGUAGE:
        return language_name(row.get("language")) if row.get("language") else ""
    if column == COL_COPIES:
        return str(row["copies"]) if row.get("copies") else ""
    return ""


def sort_value(row: dict[str, Any], column: int) -> Any:
    """The value of `row` that `column` sorts by (SortRole)."""
    key = SORT_KEYS[column]
    if key == "tags":
        return ", ".join(row.get("tags") or [])
    return row.get(key)


def plain_snippet(snippet: str) -> str:
    """A snippet with its hit words between «» (SnippetRole)."""
    return snippet.replace(MARK_OPEN, "«").replace(MARK_CLOSE, "»")


def title_tooltip(row: dict[str, Any], snippet: str) -> str:
    """The title cell's rich-text tooltip: the title over the search snippet (hits in bold), else the URL."""
    title = html.escape(str(row.get("title") or ""))
    if snippet:
        body = html.escape(snippet).replace(MARK_OPEN, "<b>").replace(MARK_CLOSE, "</b>")
        return f"<p><b>{title}</b></p><p>{body}</p>"
    url = row.get("url")
    return f"<p><b>{title}</b></p><p>{html.escape(str(url))}</p>" if url else f"<p>{title}</p>"


def copies_tooltip(row: dict[str, Any]) -> str | None:
    """'3 near-identical documents from 2 independent sites' for a document in a cluster."""
    copies = int(row.get("copies") or 0)
    if not copies:
        return None
    sites = int(row.get("sites") or 0)
    text = (
        QCoreApplication.translate("DocumentTableModel", "%n near-identical document(s)", "", copies)
        + " · "
        + QCoreApplication.translate("DocumentTableModel", "%n independent site(s)", "", sites)
    )
    if row.get("cluster_id") == row.get("id"):
        text += " · " + QCoreApplication.translate("DocumentTableModel", "this one represents the cluster")
    return text
