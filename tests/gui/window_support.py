"""Helpers shared by the main-window tests: show a window, drop files on it, read its titles."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote_from_bytes

from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from triage_app.gui.models.document_columns import COL_TITLE


def shown(qtbot: Any, window: Any) -> Any:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.table.setFocus()
    return window


def drop_files(window: Any, paths: list[Path]) -> None:
    """Drag these files over the window (or one of its widgets) and drop them, as a file manager would."""
    mime = QMimeData()
    # as a file manager writes them: the name's bytes percent-encoded (they need not be UTF-8)
    mime.setUrls([QUrl.fromEncoded(QByteArray(b"file://" + quote_from_bytes(os.fsencode(p)).encode())) for p in paths])
    mime.setText("\n".join(str(p) for p in paths))  # file managers offer the paths as text too
    centre = window.rect().center()  # a QPoint for QDragEnterEvent in PySide6 < 6.12 (pyproject.toml), a QPointF for QDropEvent
    enter = QDragEnterEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()


def titles(window: Any) -> list[str]:
    model = window.documents
    return [model.index(r, COL_TITLE).data() for r in range(model.rowCount())]
