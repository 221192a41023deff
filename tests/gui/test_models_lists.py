"""The entity list and import log models (qtmodeltester, data()) and the next unreviewed row."""

from __future__ import annotations

from typing import Any

import models_support
from PySide6.QtCore import QModelIndex, Qt

from triage_app.core.library import Library, triage
from triage_app.core.records import ImportOutcome
from triage_app.gui.models.entity_list import EntityIdRole, EntityListModel, MatchRole
from triage_app.gui.models.import_log import COL_DETAIL, COL_STATUS, ImportLogModel
from triage_app.gui.navigation import next_unreviewed_row
from triage_app.gui.widgets.filter_fields import entity_completer

library = models_support.library  # pytest fixtures, found by name (this `library` overrides the GUI conftest's)
three = models_support.three


def add_entity(library: Library, name: str, label: str, doc_ids: list[int], *, hidden: int = 0) -> int:
    with library.transaction() as db:
        entity_id = int(db["entities"].insert({"canonical": name, "label": label, "hidden": hidden}).last_pk)
        for doc_id in doc_ids:
            db["mentions"].insert(
                {"doc_id": doc_id, "entity_id": entity_id, "start": 0, "end": len(name), "text": name, "label": label}
            )
    return entity_id


def test_entity_model(qtmodeltester: Any, library: Library, three: list[int]) -> None:
    port = add_entity(library, "Port Authority", "ORG", three[:2])
    add_entity(library, "Ana Ruiz", "PERSON", [three[2]])
    add_entity(library, "Secret", "ORG", [three[0]], hidden=1)
    add_entity(library, "three", "CARDINAL", three)  # a type the analyst does not see
    model = EntityListModel(library.db)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 2  # the hidden entity and the number are not offered
    first = model.index(0, 0)
    assert first.data() == "Port Authority (ORG, 2 docs)"
    assert first.data(Qt.ItemDataRole.EditRole) == "Port Authority"
    assert first.data(EntityIdRole) == port
    assert model.find("port authority") == model.entity(0)
    assert model.find("nobody") is None


def test_entity_names_match_without_their_accents(qtbot: Any, library: Library, three: list[int]) -> None:
    """Typed without accents or in other case, a name still finds its entity, in the box and in the completer, and a
    chosen completion is the entity's own name."""
    from PySide6.QtWidgets import QLineEdit

    zemmour = add_entity(library, "Éric Zemmour", "PERSON", three[:2])
    add_entity(library, "Łódź", "PLACE", [three[0]])
    add_entity(library, "Eric Zemmour", "PERSON", [three[2]])  # the same letters written without the accent
    model = EntityListModel(library.db)
    model.reload()
    assert model.index(0, 0).data(MatchRole) == "eric zemmour"
    assert model.find("ÉRIC ZEMMOUR")["entity_id"] == zemmour  # the same letters first
    assert model.find("eric zemmour")["canonical"] == "Eric Zemmour"
    assert model.find("lodz")["canonical"] == "Łódź"
    edit = QLineEdit()
    qtbot.addWidget(edit)
    completer = entity_completer(model, edit)
    completer.setCompletionPrefix(completer.splitPath("LODZ")[0])
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "Łódź"
    completer.setCompletionPrefix(completer.splitPath("eric z")[0])
    assert completer.completionCount() == 2
    assert completer.currentCompletion() == "Éric Zemmour"  # most documents first


def test_import_log_model(qtmodeltester: Any) -> None:
    outcomes = [
        ImportOutcome("/x/a.html", "imported", doc_id=4, title="A page"),
        ImportOutcome("/x/b.html", "duplicate", doc_id=4),
        ImportOutcome("/x/c.bin", "failed", reason="not a page Triage can read"),
    ]
    model = ImportLogModel(outcomes)
    qtmodeltester.check(model)
    assert model.index(0, COL_STATUS).data() == "failed"  # failures first
    assert model.index(0, COL_DETAIL).data() == "not a page Triage can read"
    assert model.index(1, COL_DETAIL).data() == "already in the library as #4"
    assert model.index(2, COL_DETAIL).data() == "#4 A page"
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None


def test_the_import_log_shows_an_imported_files_note() -> None:
    from triage_app.core.ingest.framesets import FRAMES_MISSING

    model = ImportLogModel([ImportOutcome("/x/frames.html", "imported", doc_id=7, title="Gazette", reason=FRAMES_MISSING)])
    assert model.index(0, COL_DETAIL).data() == f"#7 Gazette ({FRAMES_MISSING})"


def test_next_unreviewed_row_wraps_round(library: Library, three: list[int]) -> None:
    ids = [three[0], three[1], three[2]]
    triage.set_relevance(library, three[0], "relevant")
    # three[1] unreviewed, three[2] maybe
    assert next_unreviewed_row(library.db, ids, 1) == 1  # wraps round to itself
    assert next_unreviewed_row(library.db, ids, -1) == 1
    triage.set_relevance(library, three[1], "relevant")
    assert next_unreviewed_row(library.db, ids, 0) is None
