"""Qt item models over the library: documents, entities and import outcomes."""

from triage_app.gui.models.document_table import DocumentTableModel
from triage_app.gui.models.entity_list import EntityListModel
from triage_app.gui.models.import_log import ImportLogModel

__all__ = ["DocumentTableModel", "EntityListModel", "ImportLogModel"]
