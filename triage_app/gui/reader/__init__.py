"""The reader: a document's original beside its cleaned text, with entity and quote highlights."""

from triage_app.gui.reader.pane import ReaderPane
from triage_app.gui.reader.scheme import register_scheme

__all__ = ["ReaderPane", "register_scheme"]
