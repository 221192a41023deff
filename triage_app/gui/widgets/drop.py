"""Dropping files anywhere on the window imports them, also over child widgets that take drops themselves."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote_to_bytes

from PySide6.QtCore import QEvent, QObject, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget


def local_paths(event: QDropEvent) -> list[Path]:
    """The local files and folders a drag carries."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [local_path(u) for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


def local_path(url: QUrl) -> Path:
    """The file a `file:` URL names. On POSIX its name is read from the URL's bytes: a drag carries the name's bytes
    percent-encoded and `toLocalFile` makes those that are not UTF-8 (a Latin-1 disk's name) U+FFFD, the name of no
    file; Python reads them back as it reads them from the disk (`os.fsdecode`)."""
    if os.name == "posix" and not url.host():
        return Path(os.fsdecode(unquote_to_bytes(url.path(QUrl.ComponentFormattingOption.FullyEncoded))))
    return Path(url.toLocalFile())


class DropCatcher(QObject):
    """Watches a widget and every descendant (present and future) for drags of local files.

    Some children accept drops on their own (a web view would navigate to the file, a text box would
    insert its path); the catcher takes file drops before they do and hands the paths to `on_drop`.
    """

    def __init__(self, root: QWidget, on_drop: Callable[[list[Path]], None]) -> None:
        super().__init__(root)
        self._on_drop = on_drop
        root.setAcceptDrops(True)
        self._watch(root)

    def _watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        for child in widget.findChildren(QWidget):
            child.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ChildAdded:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget):
                self._watch(child)
            return False
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, (QDragEnterEvent, QDragMoveEvent)):
            if local_paths(event):
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = local_paths(event)
            if paths:
                event.acceptProposedAction()
                self._on_drop(paths)
                return True
        return False
