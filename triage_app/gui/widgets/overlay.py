"""The keyboard shortcut overlay ('?' or F1) and the first-run banner."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from triage_app.gui import theme

CARD_MARGIN = 20
"""Least room between the card and the window's edges."""
MIN_CARD_WIDTH = 320


class ShortcutOverlay(QWidget):
    """Covers its parent with a dimmed backdrop and a card listing every shortcut; any key or click closes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.setAccessibleDescription(self.tr("Press any key or click to close."))
        self.card = QFrame(self)
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.setAutoFillBackground(True)
        self.card.setBackgroundRole(QPalette.ColorRole.Base)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(18)
        for column in (1, 3):  # room goes to the descriptions, the keys stay beside them
            self._grid.setColumnStretch(column, 1)
        title = QLabel(self.tr("Keyboard shortcuts"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(self.tr("Press any key or click to close."))
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self.card)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(title)
        layout.addLayout(self._grid)
        layout.addWidget(hint)
        parent.installEventFilter(self)
        self.hide()

    def set_shortcuts(self, entries: list[tuple[str, str]]) -> None:
        """(key, what it does) pairs, shown in two columns of pairs."""
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        half = (len(entries) + 1) // 2
        for number, (key, text) in enumerate(entries):
            row, pair = number % half, number // half
            key_label = QLabel(f"<b>{key}</b>")
            key_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._grid.addWidget(key_label, row, pair * 2)
            self._grid.addWidget(QLabel(text), row, pair * 2 + 1)

    def entries(self) -> list[tuple[str, str]]:
        """The (key, description) pairs shown, in order."""
        texts = []
        for index in range(0, self._grid.count()):
            item = self._grid.itemAt(index)
            widget = item.widget() if item is not None else None
            texts.append(widget.text() if isinstance(widget, QLabel) else "")
        pairs = [(texts[i].removeprefix("<b>").removesuffix("</b>"), texts[i + 1]) for i in range(0, len(texts), 2)]
        return pairs

    def popup(self) -> None:
        """Cover the parent and take the keyboard."""
        self._fit()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit(self) -> None:
        """Centre the card; when its lines are wider than the window (a long description, a translation), the
        descriptions wrap to the window's width instead of running off both sides."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        descriptions = self._descriptions()
        for label in descriptions:
            label.setWordWrap(False)
        self.card.adjustSize()
        room = max(MIN_CARD_WIDTH, self.width() - 2 * CARD_MARGIN)
        if self.card.width() > room:
            for label in descriptions:
                label.setWordWrap(True)
            layout = self.card.layout()
            if layout is not None:
                layout.invalidate()
                layout.activate()  # the wrapped labels' heights for this width, not their one-line ones
                self.card.resize(room, layout.totalHeightForWidth(room) if layout.hasHeightForWidth() else self.card.height())
        self.card.move((self.width() - self.card.width()) // 2, max(0, (self.height() - self.card.height()) // 2))

    def _descriptions(self) -> list[QLabel]:
        """The labels of the second column of each pair (what each key does)."""
        found = []
        for row in range(self._grid.rowCount()):
            for column in range(1, self._grid.columnCount(), 2):
                item = self._grid.itemAtPosition(row, column)
                widget = item.widget() if item is not None else None
                if isinstance(widget, QLabel):
                    found.append(widget)
        return found

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._fit()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 120))  # a scrim: dims light and dark themes alike
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()
        self.hide()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.hide()


class Banner(QFrame):
    """A one-line notice above the library list (first run: how to import one's own pages)."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.kind = ""  # which notice is up ("empty", "first-run"): state, never read back from the label
        self.label.setAccessibleName(self.tr("Notice"))
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Hide this notice"))
        close.setAccessibleName(self.tr("Hide this notice"))
        close.setAutoRaise(True)
        close.clicked.connect(self._dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._apply_palette()
        self.hide()

    def _apply_palette(self) -> None:
        palette = self.palette()
        background, text = theme.banner_colours(palette)
        palette.setColor(QPalette.ColorRole.Window, background)
        palette.setColor(QPalette.ColorRole.WindowText, text)
        self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    def show_message(self, html: str, kind: str = "") -> None:
        """Show `html`; `kind` names the notice for code that must know which one is up."""
        self.kind = kind
        self.label.setText(html)
        self.show()

    def clear(self) -> None:
        """Hide the notice (not a dismissal by the user)."""
        self.kind = ""
        self.hide()

    def _dismiss(self) -> None:
        self.clear()
        self.dismissed.emit()
