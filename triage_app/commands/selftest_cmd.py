"""`triage-app self-test`: the whole pipeline on the bundled seed, offscreen, in a temporary library.

Imports the seed (which cleans it), annotates it with the bundled spaCy model, exports a briefing
packet with the Qt PDF renderer, verifies the packet, renders a page with Qt WebEngine (which the
reader uses) and loads the window icon from the bundled resources. Prints one line; the exit code
is 0 only when every step worked. The packaged app's build script runs it with no network.
"""

from __future__ import annotations

import argparse
import html
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from triage_app.commands._context import CliContext

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
class Step:
    """The outcome of one step."""

    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class _Run:
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


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add `self-test`."""
    del common  # the self-test never touches the user's library
    p = subparsers.add_parser(
        "self-test", help="import, clean, annotate, export and verify the bundled seed offscreen; exit 0 when all worked"
    )
    p.add_argument("--json", action="store_true", help="print one JSON document with every step")
    p.set_defaults(run=cmd_selftest)


def _prepare_environment() -> None:
    """Offscreen Qt; Chromium without GPU, and without its sandbox when running as root."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if "QTWEBENGINE_CHROMIUM_FLAGS" not in os.environ:
        flags = ["--disable-gpu"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            flags.append("--no-sandbox")  # Chromium refuses to start its sandbox as root
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)


def _not_available(module: str, exc: ImportError) -> StepFailed:
    return StepFailed(f"not available ({module} cannot be imported: {exc})")


def _qt_application(run: _Run) -> None:
    """One QApplication for the PDF and WebEngine steps, made the way Qt WebEngine requires."""
    if "qt_app" in run.facts:
        return
    from PySide6 import QtWebEngineCore  # noqa: F401  (must be imported before the application exists)
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    if QCoreApplication.instance() is None:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    run.facts["qt_app"] = QApplication.instance() or QApplication(["triage-app", "self-test"])


def step_import(run: _Run) -> str:
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


def step_clean(run: _Run) -> str:
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


def step_annotate(run: _Run) -> str:
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


def step_export(run: _Run) -> str:
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


def step_verify(run: _Run) -> str:
    assert run.packet is not None
    try:
        from triage_app.core.export.verify import verify_packet
    except ImportError as exc:
        raise _not_available("triage_app.core.export.verify", exc) from exc
    report = verify_packet(run.packet)
    if not report.ok:
        raise StepFailed(f"the packet does not verify: {report}")
    return f"{report.checked} hashes match"


def step_webengine(run: _Run) -> str:
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


def step_icon(run: _Run) -> str:
    """The window icon loads from the bundled resources (which needs Qt's SVG image plugin)."""
    _qt_application(run)
    from triage_app.gui.theme import app_icon

    icon = app_icon()
    if icon.isNull() or icon.pixmap(64, 64).isNull():
        raise StepFailed("the application icon cannot be loaded from the bundled resources/triage.svg")
    return "loaded"


STEPS: tuple[tuple[str, Callable[[_Run], str]], ...] = (
    ("import", step_import),
    ("clean", step_clean),
    ("annotate", step_annotate),
    ("export", step_export),
    ("verify", step_verify),
    ("webengine", step_webengine),
    ("icon", step_icon),
)


def run_selftest() -> tuple[list[Step], float]:
    """Run every step in order, stopping at the first failure; returns the steps run and the total time."""
    _prepare_environment()
    started = time.perf_counter()
    steps: list[Step] = []
    with tempfile.TemporaryDirectory(prefix="triage-selftest-") as workdir:
        run = _Run(Path(workdir))
        try:
            for name, function in STEPS:
                t0 = time.perf_counter()
                try:
                    detail, ok = function(run), True
                except StepFailed as exc:
                    detail, ok = str(exc), False
                except Exception as exc:  # the self-test reports every error as a failed step
                    detail, ok = f"{exc.__class__.__name__}: {exc}", False
                    traceback.print_exc(file=sys.stderr)  # the details of an unexpected error, off stdout
                steps.append(Step(name, ok, detail, time.perf_counter() - t0))
                if not ok:
                    break
        finally:
            if run.library is not None:
                run.library.close()
    return steps, time.perf_counter() - started


def summary_line(steps: list[Step], seconds: float) -> str:
    """The one line printed by the command."""
    failed = next((s for s in steps if not s.ok), None)
    if failed is None and len(steps) == len(STEPS):
        return "self-test passed: " + ", ".join(f"{s.name} ({s.detail})" for s in steps) + f" in {seconds:.1f} s"
    passed = ", ".join(s.name for s in steps if s.ok) or "none"
    name, detail = (failed.name, failed.detail) if failed else ("?", "did not finish")
    return f"self-test FAILED at {name}: {detail} (passed: {passed}) in {seconds:.1f} s"


def cmd_selftest(args: argparse.Namespace, ctx: CliContext) -> int:
    steps, seconds = run_selftest()
    ok = len(steps) == len(STEPS) and all(s.ok for s in steps)
    if args.json:
        ctx.print_json({
            "ok": ok,
            "seconds": round(seconds, 2),
            "steps": [{"name": s.name, "ok": s.ok, "detail": s.detail, "seconds": round(s.seconds, 2)} for s in steps],
            "not_run": [name for name, _ in STEPS[len(steps):]],
        })
    else:
        ctx.print(summary_line(steps, seconds))
    return 0 if ok else 1
