"""The self-test's steps on the bundled seed: each takes the run's shared state and returns a one-line detail, or
raises StepFailed saying what went wrong (the command that runs them: `selftest_cmd`)."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from triage_app.core.library import Library

SEED_FILE = "000_ebcec2d24457d197.txt"
SEED_TITLE = "Conditional US Offer: NATO-Style Security for Ukraine"
SEED_ENTITIES: tuple[tuple[str, frozenset[str]], ...] = (
    ("Ukraine", frozenset({"PLACE", "GPE"})),
    ("NATO", frozenset({"ORG"})),
    ("Berlin", frozenset({"PLACE", "GPE"})),
    ("Steve Witkoff", frozenset({"PERSON"})),
)
"""A few entities the small English model finds in the seed: (canonical name, accepted labels)."""
SEED_BOILERPLATE = "Skip to main content"
"""A line of site chrome at the top of the seed that cleaning removes."""
WEBENGINE_TIMEOUT_S = 60.0


class StepFailed(Exception):
    """A self-test step did not produce what it should (the message says what)."""


@dataclass
class SelfTestRun:
    """State shared by the steps."""

    workdir: Path
    library: Library | None = None
    doc_id: int = 0
    packet: Path | None = None
    facts: dict[str, Any] = field(default_factory=dict)  # keeps the QApplication alive

    @property
    def lib(self) -> Library:
        """The temporary library (opened by the import step)."""
        if self.library is None:
            raise StepFailed("the library was not opened")
        return self.library


def _not_available(module: str, exc: ImportError) -> StepFailed:
    return StepFailed(f"not available ({module} cannot be imported: {exc})")


def _qt_application(run: SelfTestRun) -> None:
    """One QApplication for the PDF and WebEngine steps, made the way Qt WebEngine requires."""
    if "qt_app" in run.facts:
        return
    from PySide6 import QtWebEngineCore  # noqa: F401  (must be imported before the application exists)
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    if QCoreApplication.instance() is None:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    run.facts["qt_app"] = QApplication.instance() or QApplication(["triage-app", "self-test"])


def step_import(run: SelfTestRun) -> str:
    from triage_app.core import jobs
    from triage_app.core.assets import seeds_dir
    from triage_app.core.library import Library

    seeds = seeds_dir()
    if not (seeds / SEED_FILE).is_file():
        raise StepFailed(f"the bundled seed {SEED_FILE} is missing from {seeds}")
    run.library = Library.open(run.workdir / "library.sqlite")
    outcomes = [p.result for p in jobs.import_documents(run.lib, [seeds]) if p.result is not None]
    counts = jobs.summarise(outcomes)
    failed = [o.describe() for o in outcomes if o.status not in ("imported", "skipped")]
    if failed or not counts["imported"]:
        raise StepFailed("; ".join(failed) or "nothing was imported")
    seed = [o for o in outcomes if Path(o.source).name == SEED_FILE]
    if len(seed) != 1 or not seed[0].doc_id:
        raise StepFailed(f"{SEED_FILE} was not imported")
    run.doc_id = seed[0].doc_id
    return f"{counts['imported']} seed file{'s' if counts['imported'] != 1 else ''}"


def step_clean(run: SelfTestRun) -> str:
    from triage_app.core.library import documents

    doc = documents.get_document(run.lib.db, run.doc_id)
    blocks = documents.get_blocks(run.lib.db, run.doc_id)
    kept = [b for b in blocks if b.kept]
    if doc["title"] != SEED_TITLE:
        raise StepFailed(f"title is {doc['title']!r}, expected {SEED_TITLE!r}")
    if not kept or not doc["text"]:
        raise StepFailed("no text was kept")
    if SEED_BOILERPLATE in doc["text"]:
        raise StepFailed(f"the site chrome {SEED_BOILERPLATE!r} was kept")
    return f"title ok, {len(kept)}/{len(blocks)} blocks kept"


def step_annotate(run: SelfTestRun) -> str:
    try:
        from triage_app.core.library import annotation_queries, annotations
    except ImportError as exc:
        raise _not_available("triage_app.core.library.annotations", exc) from exc
    for _ in annotations.annotate_documents(run.lib, [run.doc_id], is_cancelled=lambda: False):
        pass
    entities = annotation_queries.document_entities(run.lib.db, run.doc_id)
    quotes = annotation_queries.document_quotes(run.lib.db, run.doc_id)
    found = {(e["canonical"], e["label"]) for e in entities}
    missing = [
        f"{name} ({'/'.join(sorted(labels))})"
        for name, labels in SEED_ENTITIES
        if not any(canonical == name and label in labels for canonical, label in found)
    ]
    if missing:
        raise StepFailed(f"expected entities not found: {', '.join(missing)}")
    if not quotes:
        raise StepFailed("no quotations found")
    return f"{len(entities)} entities, {len(SEED_ENTITIES)}/{len(SEED_ENTITIES)} expected; {len(quotes)} quotes"


def step_export(run: SelfTestRun) -> str:
    try:
        from triage_app.core.export.builder import PacketResult, build_packet
    except ImportError as exc:
        raise _not_available("triage_app.core.export.builder", exc) from exc
    try:
        from triage_app.qt_print import render_pdf
    except ImportError as exc:
        raise _not_available("triage_app.qt_print", exc) from exc
    _qt_application(run)
    target = run.workdir / "packet.zip"
    result = None
    for progress in build_packet(run.lib, [run.doc_id], target, title="Triage self-test", render_pdf=render_pdf):
        if isinstance(progress.result, PacketResult):
            result = progress.result
    if result is None or not target.is_file():
        raise StepFailed("the packet was not written")
    paths = {f.path for f in result.files}
    if "briefing.pdf" not in paths:
        raise StepFailed("the packet has no briefing.pdf")
    run.packet = target
    return f"{len(result.files)} files with PDF, {result.size // 1024} KiB"


def step_verify(run: SelfTestRun) -> str:
    assert run.packet is not None
    try:
        from triage_app.core.export.verify import verify_packet
    except ImportError as exc:
        raise _not_available("triage_app.core.export.verify", exc) from exc
    report = verify_packet(run.packet)
    if not report.ok:
        raise StepFailed(f"the packet does not verify: {report}")
    return f"{report.checked} hashes match"


def step_webengine(run: SelfTestRun) -> str:
    """Qt WebEngine (which shows originals in the reader) starts its renderer process and renders a page."""
    _qt_application(run)
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

    profile = QWebEngineProfile()  # off the record: nothing written to disk
    page = QWebEnginePage(profile)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def rendered(text: str) -> None:
        outcome["text"] = text
        loop.quit()

    def loaded(ok: bool) -> None:
        outcome["loaded"] = ok
        page.toPlainText(rendered)  # noqa: F821 (runs inside loop.exec(), before `del page`)

    page.loadFinished.connect(loaded)
    QTimer.singleShot(int(WEBENGINE_TIMEOUT_S * 1000), loop.quit)
    page.setHtml(f"<!doctype html><title>self-test</title><h1>{html.escape(SEED_TITLE)}</h1>")
    loop.exec()
    del page  # the page must go before its profile
    del profile
    if "loaded" not in outcome:
        raise StepFailed(f"the page did not load within {WEBENGINE_TIMEOUT_S:.0f} s (QtWebEngineProcess did not start?)")
    if not outcome["loaded"] or SEED_TITLE not in outcome.get("text", ""):
        raise StepFailed(f"the page rendered as {outcome.get('text', '')!r}")
    return "page rendered"


def step_icon(run: SelfTestRun) -> str:
    """The window icon loads from the bundled resources (which needs Qt's SVG image plugin)."""
    _qt_application(run)
    from triage_app.gui.theme import app_icon

    icon = app_icon()
    if icon.isNull() or icon.pixmap(64, 64).isNull():
        raise StepFailed("the application icon cannot be loaded from the bundled resources/triage.svg")
    return "loaded"


STEPS: tuple[tuple[str, Callable[[SelfTestRun], str]], ...] = (
    ("import", step_import),
    ("clean", step_clean),
    ("annotate", step_annotate),
    ("export", step_export),
    ("verify", step_verify),
    ("webengine", step_webengine),
    ("icon", step_icon),
)
