"""What changed between two documents: metadata changes on top, the cleaned texts side by side with
removed words struck out on the left and added words marked on the right (scrolling together)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from triage_app.core.library.text_diff import DocumentDiff, joined

_DEL = '<span style="background:#f8c9c9;text-decoration:line-through">{}</span>'
_INS = '<span style="background:#c8efc8">{}</span>'
_REP_LEFT = '<span style="background:#f3d9a4;text-decoration:line-through">{}</span>'
_REP_RIGHT = '<span style="background:#f3d9a4">{}</span>'


def side_html(diff: DocumentDiff) -> tuple[str, str]:
    """The left and right panes as HTML (all text escaped)."""
    left, right = [], []
    for para in diff.paragraphs:
        lparts: list[tuple[str, str]] = []  # (text, its HTML)
        rparts: list[tuple[str, str]] = []
        for seg in para.segments:
            a, b = html.escape(seg.left), html.escape(seg.right)
            if seg.op == "equal":
                lparts.append((seg.left, a))
                rparts.append((seg.right, b))
            elif seg.op == "delete":
                lparts.append((seg.left, _DEL.format(a)))
            elif seg.op == "insert":
                rparts.append((seg.right, _INS.format(b)))
            else:
                lparts.append((seg.left, _REP_LEFT.format(a)))
                rparts.append((seg.right, _REP_RIGHT.format(b)))
        left.append(f"<p>{joined(lparts) or '&nbsp;'}</p>")  # no space beside Chinese or Japanese (`text_diff.gap`)
        right.append(f"<p>{joined(rparts) or '&nbsp;'}</p>")
    return "".join(left), "".join(right)


def meta_html(diff: DocumentDiff) -> str:
    """Headline, byline, date, site and URL changes as a small table."""
    counts = diff.counts()
    summary = f"#{diff.left_id} → #{diff.right_id}: " + ", ".join((
        QCoreApplication.translate("DiffDialog", "%n word(s) added", "", counts["added"]),
        QCoreApplication.translate("DiffDialog", "%n removed", "", counts["removed"]),
        QCoreApplication.translate("DiffDialog", "%n changed", "", counts["changed"]),
    ))
    names = {
        "title": QCoreApplication.translate("DiffDialog", "headline"), "author": QCoreApplication.translate("DiffDialog", "byline"),
        "published": QCoreApplication.translate("DiffDialog", "published"), "site": QCoreApplication.translate("DiffDialog", "site"), "url": QCoreApplication.translate("DiffDialog", "URL"),
    }
    rows = "".join(
        f"<tr><td><b>{html.escape(names.get(name, name))}</b></td><td>{_DEL.format(html.escape(a)) if a else '—'}</td>"
        f"<td>{_INS.format(html.escape(b)) if b else '—'}</td></tr>"
        for name, a, b in diff.meta
    )
    same = html.escape(QCoreApplication.translate("DiffDialog", "Same headline, byline and date."))
    table = f"<table cellspacing='4'>{rows}</table>" if rows else f"<p>{same}</p>"
    return f"<p>{html.escape(summary)}</p>{table}"


class DiffDialog(QDialog):
    """Side-by-side, word-level diff of two documents' cleaned text."""

    def __init__(self, diff: DocumentDiff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What changed: #%1 and #%2").replace("%1", str(diff.left_id)).replace("%2", str(diff.right_id)))
        self.resize(1100, 700)
        self.meta = QLabel(meta_html(diff))
        self.meta.setWordWrap(True)
        self.left, self.right = QTextBrowser(), QTextBrowser()
        left_html, right_html = side_html(diff)
        for browser, body in ((self.left, left_html), (self.right, right_html)):
            browser.setOpenLinks(False)
            browser.setHtml(body)
        self.left.verticalScrollBar().valueChanged.connect(self._sync_from_left)
        panes = QHBoxLayout()
        panes.addWidget(self.left)
        panes.addWidget(self.right)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.meta)
        layout.addLayout(panes, 1)
        layout.addWidget(buttons)

    def _sync_from_left(self, value: int) -> None:
        left_bar, right_bar = self.left.verticalScrollBar(), self.right.verticalScrollBar()
        if left_bar.maximum() > 0:
            right_bar.setValue(round(value / left_bar.maximum() * right_bar.maximum()))

    @classmethod
    def ask(cls, parent: QWidget | None, diff: DocumentDiff) -> None:
        """Show the diff until the analyst closes it."""
        dialog = cls(diff, parent)
        dialog.exec()
