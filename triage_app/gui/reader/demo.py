"""`python -m triage_app.gui.reader.demo LIBRARY DOC_ID [--shot OUT.png]`: the reader alone in a window.

A development and documentation aid: opens one document of a library in a `ReaderPane`, and with
`--shot` saves a capture of the screen area of the window once the original has loaded.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from triage_app.gui.reader.scheme import register_scheme


def main(argv: list[str] | None = None) -> int:
    """Show the document; with --shot, capture the window and quit."""
    parser = argparse.ArgumentParser(prog="python -m triage_app.gui.reader.demo")
    parser.add_argument("library", type=Path)
    parser.add_argument("doc_id", type=int)
    parser.add_argument("--shot", type=Path, help="save a PNG of the window and quit")
    parser.add_argument("--size", default="1600x900", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--click-paragraph", type=int, default=-1, help="click this cleaned paragraph first")
    args = parser.parse_args(argv)
    register_scheme()

    from PySide6.QtCore import QEvent, QTimer
    from PySide6.QtWidgets import QApplication

    from triage_app.core.library import Library
    from triage_app.core.library.writer import LibraryWriter
    from triage_app.core.settings import Settings, StateStore
    from triage_app.gui.reader.pane import ReaderPane

    app = QApplication(sys.argv[:1])
    library = Library.open(args.library)
    writer = LibraryWriter(args.library)
    pane = ReaderPane(library, writer, Settings(None), StateStore(None))
    width, height = (int(v) for v in args.size.split("x"))
    pane.resize(width, height)
    pane.setWindowTitle(f"Triage reader: document #{args.doc_id}")
    pane.move(0, 0)
    pane.show()
    pane.splitter.setSizes([int(width * 0.42), int(width * 0.40), int(width * 0.18)])
    pane.show_document(args.doc_id)

    def shoot() -> None:
        if pane.busy:
            QTimer.singleShot(500, shoot)
            return
        if args.click_paragraph >= 0:
            pane.cleaned.paragraph_clicked.emit(args.click_paragraph)
        QTimer.singleShot(1500, capture)

    def capture() -> None:
        screen = pane.screen()
        geometry = pane.frameGeometry()
        image = screen.grabWindow(0, geometry.x(), geometry.y(), geometry.width(), geometry.height())
        image.save(str(args.shot))
        pane.close()
        app.quit()

    if args.shot:
        QTimer.singleShot(3000, shoot)
    code = app.exec()
    pane.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the web page goes before its profile
    writer.shutdown()
    library.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
