"""The original of a PDF document, shown by Qt's own PDF viewer (QtPdf), with a jump to a block's page."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QWidget

from triage_app.core.records import Block


def block_page(block: Block) -> int | None:
    """The 0-based page of a `page:N` block source, else None."""
    if block.source.startswith("page:") and block.source[5:].isdigit():
        return int(block.source[5:]) - 1
    return None


class PdfOriginalView(QPdfView):
    """A PDF read from memory (never from a path), scrolled page by page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]  # the stub wants a parent; Qt accepts None
        # No Qt parent: a QPdfDocument that is a child of its QPdfView crashes when the view is deleted
        # (seen with PySide6 6.12); the Python reference keeps it alive as long as the view.
        self.pdf_document = QPdfDocument()
        self.setDocument(self.pdf_document)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._buffer: QBuffer | None = None
        self._blocks: list[Block] = []

    def show_pdf(self, data: bytes, blocks: list[Block]) -> bool:
        """Load the PDF bytes; False when Qt cannot read them."""
        self.pdf_document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf_document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self._blocks = blocks
        return bool(self.pdf_document.status() == QPdfDocument.Status.Ready)

    def current_page(self) -> int:
        return int(self.pageNavigator().currentPage())

    def scroll_to_block(self, index: int) -> bool:
        """Go to the page that block `index` came from."""
        block = next((b for b in self._blocks if b.index == index), None)
        page = block_page(block) if block is not None else None
        if page is None or not 0 <= page < self.pdf_document.pageCount():
            return False
        self.pageNavigator().jump(page, QPointF(0, 0), self.pageNavigator().currentZoom())
        return True
