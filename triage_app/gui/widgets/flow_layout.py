"""A layout that places items left to right and wraps them onto new lines (Qt's Flow Layout example)."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items in reading order, wrapped when the width runs out; its height follows its width.

    The minimum width is that of the widest item, so a row of toggles never forces its window wider.
    A spacing of -1 uses the style's spacing between widgets.
    """

    def __init__(self, parent: QWidget | None = None, *, h_spacing: int = -1, v_spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._h_spacing = h_spacing
        self._v_spacing = v_spacing

    # -- QLayout --------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._do_layout(QRect(0, 0, width, 0), test_only=True)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._do_layout(rect, test_only=False)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        width, height, visible = 0, 0, 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width += hint.width() + (self._spacing(item, Qt.Orientation.Horizontal) if visible else 0)
            height = max(height, hint.height())
            visible += 1
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """As wide as the widest item, as high as one line (the rest comes from heightForWidth)."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    # -- placing ----------------------------------------------------------------------------------
    def _spacing(self, item: QLayoutItem, orientation: Qt.Orientation) -> int:
        own = self._h_spacing if orientation == Qt.Orientation.Horizontal else self._v_spacing
        if own >= 0:
            return own
        widget = item.widget()
        parent = self.parentWidget()
        if widget is None or parent is None:
            return self.spacing() if self.spacing() >= 0 else 0
        control = widget.sizePolicy().controlType()
        return widget.style().layoutSpacing(control, control, orientation, None, parent)

    def _item_size(self, item: QLayoutItem, room: int) -> QSize:
        """The item's size hint, narrowed to `room` (a height-for-width item, such as a nested flow, grows)."""
        hint = item.sizeHint()
        width = max(min(hint.width(), room), item.minimumSize().width())
        height = item.heightForWidth(width) if item.hasHeightForWidth() else hint.height()
        return QSize(width, height)

    def _do_layout(self, rect: QRect, *, test_only: bool) -> int:
        """Place (or, with test_only, only measure) the items inside `rect`; returns the height used.

        Items keep their size hint (an item wider than the line is narrowed to it) and are centred
        vertically within their line.
        """
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        for item in self._items:
            if item.isEmpty():
                continue
            size = self._item_size(item, area.width())
            space_x = self._spacing(item, Qt.Orientation.Horizontal)
            if lines[-1] and x + size.width() > area.right() + 1:
                lines.append([])
                x = area.x()
            lines[-1].append((item, size))
            x += size.width() + space_x
        y = area.y()
        for number, line in enumerate(lines):
            if not line:
                continue
            if number:
                y += self._spacing(line[0][0], Qt.Orientation.Vertical)
            height = max(size.height() for _item, size in line)
            if not test_only:
                x = area.x()
                for item, size in line:
                    item.setGeometry(QRect(QPoint(x, y + (height - size.height()) // 2), size))
                    x += size.width() + self._spacing(item, Qt.Orientation.Horizontal)
            y += height
        return y - rect.y() + margins.bottom()
