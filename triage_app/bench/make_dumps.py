"""`python -m triage_app.bench make-dumps SET ... --out DIR`: browser text dumps of a page set's HTML.

A browser dump is what select-all + copy gives: `document.body.innerText` of the rendered page. Each
page is rendered by Qt WebEngine with the page's own scripts off (`JavascriptEnabled` false; only our
`innerText` call runs, in the application world) and no network: the page is served from a private URL
scheme and a request interceptor blocks every other request (images, style sheets, fonts, frames), so
nothing is fetched. Dumps go to `DIR/<set>/<id>.txt`; `bench clean --mode text --dumps DIR` scores them.
A page that does not load or render within the time limit is counted, listed and skipped. `--lynx` makes
text-browser dumps instead (`lynx -dump`: hard-wrapped, numbered links, a list of link targets; `lynx_dumps.py`).
`--pdf` prints each rendered page to `DIR/<set>/<id>.pdf` instead (what "Print > Save as PDF" gives, A4 with
1 cm margins and the print style sheet; Qt WebEngine adds no print header or footer); images are not loaded,
and their alt text is taken off before printing, as a real print shows the image, not the text a browser
puts in place of one it could not load. `bench clean --mode pdf` reads them with the importer's PDF reader.

Runs in its own process (a QApplication); Qt is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
import time
from pathlib import Path
from typing import Any

from triage_app.bench._clean_score import DEFAULT_ROOT, decode_html, page_ids, pick_sets

SCHEME = b"dumppage"
DROP_ALT = "document.querySelectorAll('img[alt], input[type=image][alt]').forEach(e => e.removeAttribute('alt')); true"
"""Run in the application world before printing: an image that was not loaded prints nothing, not its alt text."""
TIMEOUT_S = 20.0
INNER_TEXT = (
    "(document.body && document.readyState !== 'loading' && location.protocol === 'dumppage:' && document.getElementById('main-frame-error') === null)"
    " ? document.body.innerText : null"
)


def _render_all(jobs: list[tuple[str, bytes, Path]], *, timeout: float, parallel: int,
                pdf: bool = False) -> tuple[list[str], list[str]]:
    """Render every (page id, UTF-8 HTML, output file) job, as its text or (`pdf`) printed to PDF: the ids that
    failed, and those that loaded with errors."""
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QTimer, QUrl
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtWebEngineCore import (
        QWebEnginePage,
        QWebEngineProfile,
        QWebEngineScript,
        QWebEngineSettings,
        QWebEngineUrlRequestInfo,
        QWebEngineUrlRequestInterceptor,
        QWebEngineUrlRequestJob,
        QWebEngineUrlScheme,
        QWebEngineUrlSchemeHandler,
    )
    from PySide6.QtWidgets import QApplication

    scheme = QWebEngineUrlScheme(QByteArray(SCHEME))
    scheme.setFlags(QWebEngineUrlScheme.Flag.LocalScheme | QWebEngineUrlScheme.Flag.LocalAccessAllowed)
    QWebEngineUrlScheme.registerScheme(scheme)
    app = QApplication.instance() or QApplication(["make-dumps"])
    pages_html: dict[str, bytes] = {}

    class Handler(QWebEngineUrlSchemeHandler):
        """Serves the page being dumped, and nothing else."""

        def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 - Qt's name
            key = job.requestUrl().path().strip("/")
            if key not in pages_html:
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
                return
            buffer = QBuffer(job)
            buffer.setData(QByteArray(pages_html[key]))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            job.reply(QByteArray(b"text/html;charset=utf-8"), buffer)

    class BlockAll(QWebEngineUrlRequestInterceptor):
        """Every request but the page's own document is blocked: nothing leaves the machine."""

        def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 - Qt's name
            url = info.requestUrl()
            main = info.resourceType() == QWebEngineUrlRequestInfo.ResourceType.ResourceTypeMainFrame
            if not (main and url.scheme() == SCHEME.decode() and url.path().strip("/") in pages_html):
                info.block(True)

    profile = QWebEngineProfile()  # off the record: no disk cache, no cookies kept
    handler, interceptor = Handler(profile), BlockAll(profile)
    profile.installUrlSchemeHandler(QByteArray(SCHEME), handler)
    profile.setUrlRequestInterceptor(interceptor)
    settings = profile.settings()
    for attribute, on in (
        (QWebEngineSettings.WebAttribute.JavascriptEnabled, False),
        (QWebEngineSettings.WebAttribute.AutoLoadImages, False),
        (QWebEngineSettings.WebAttribute.PluginsEnabled, False),
        (QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False),
        (QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False),
    ):
        settings.setAttribute(attribute, on)

    failed: list[str] = []
    partial: list[str] = []
    queue = list(jobs)
    active = 0
    world = QWebEngineScript.ScriptWorldId.ApplicationWorld
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(10, 10, 10, 10),
                         QPageLayout.Unit.Millimeter)

    def start_next() -> None:
        nonlocal active
        if not queue:
            if active == 0:
                app.quit()
            return
        page_id, html, out = queue.pop(0)
        pages_html[page_id] = html
        page = QWebEnginePage(profile)
        timer = QTimer(page)
        timer.setSingleShot(True)
        state = {"done": False, "late": False}
        active += 1

        def finish(text: Any) -> None:
            nonlocal active
            if state["done"]:
                return
            state["done"] = True
            timer.stop()
            if isinstance(text, str):
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(text, encoding="utf-8")
            elif isinstance(text, QByteArray) and text.size() > 0:
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(text.data())
            else:
                failed.append(page_id)
            pages_html.pop(page_id, None)
            active -= 1
            page.deleteLater()
            QTimer.singleShot(0, start_next)

        def loaded(ok: bool) -> None:
            # Not ok also when a blocked or plugin sub-resource (an <object>) failed: the document itself is
            # there, which the check in INNER_TEXT makes sure of (an error page has another URL or no body).
            if not ok:
                partial.append(page_id)
            page.runJavaScript(INNER_TEXT, world, printed if pdf else finish)

        def printed(text: Any) -> None:
            # The page is printed only once the same check as for a text dump found the document itself.
            if not isinstance(text, str):
                finish(None)
            elif not state["done"]:
                page.runJavaScript(DROP_ALT, world, lambda _: state["done"] or page.printToPdf(finish, layout))

        page.loadFinished.connect(loaded)
        def overdue() -> None:
            # A page whose load never finishes (an <object> that waits forever) is read as it stands once;
            # when that does not answer either, it failed.
            if state["late"]:
                finish(None)
                return
            state["late"] = True
            partial.append(page_id)
            page.runJavaScript(INNER_TEXT, world, printed if pdf else finish)
            timer.start(5000)

        timer.timeout.connect(overdue)
        timer.start(int(timeout * 1000))
        page.load(QUrl(f"{SCHEME.decode()}://page/{page_id}"))

    for _ in range(max(1, parallel)):
        QTimer.singleShot(0, start_next)
    if jobs:
        app.exec()
    return failed, [page_id for page_id in partial if page_id not in failed]


def make_dumps(root: Path, names: list[str], out: Path, *, limit: int = 0, full: tuple[str, ...] = (),
               timeout: float = TIMEOUT_S, parallel: int = 2, skip_existing: bool = True,
               lynx: str | None = None, pdf: bool = False) -> dict[str, dict[str, Any]]:
    """Dump every picked set (a seeded sample of `limit` pages unless the set is in `full`): per set, counts.
    With `lynx` (its path), the dumps are `lynx -dump`'s instead of the browser's (`lynx_dumps.py`); with
    `pdf`, each page printed to `<id>.pdf`."""
    jobs: list[tuple[str, bytes, Path]] = []
    per_set: dict[str, dict[str, Any]] = {}
    owner: dict[str, str] = {}
    for name, folder in pick_sets(root, names).items():
        ids = page_ids(folder, 0 if name.rsplit("/", 1)[-1] in full else limit)
        target = out / name.rsplit("/", 1)[-1]
        per_set[name] = {"pages": len(ids), "failed": [], "partial": []}
        for page_id in ids:
            path = target / f"{page_id}.{'pdf' if pdf else 'txt'}"
            if skip_existing and path.is_file():
                continue
            html = decode_html(gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes()))
            jobs.append((page_id, html.encode("utf-8"), path))
            owner[page_id] = name
    started = time.perf_counter()
    print(f"rendering {len(jobs)} pages", file=sys.stderr, flush=True)
    partial: list[str] = []
    if lynx is not None:
        from triage_app.bench.lynx_dumps import dump_all

        failed = dump_all(jobs, lynx)
    else:
        failed, partial = _render_all(jobs, timeout=timeout, parallel=parallel, pdf=pdf)
    for page_id in failed:
        per_set[owner[page_id]]["failed"].append(page_id)
    for page_id in partial:
        per_set[owner[page_id]]["partial"].append(page_id)
    print(f"{time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return per_set


def _run(args: argparse.Namespace) -> int:
    lynx = None
    if args.lynx:
        from triage_app.bench.lynx_dumps import lynx_path

        lynx = lynx_path()
        if lynx is None:
            print("--lynx: lynx is not installed (apt-get install lynx)")
            return 2
    try:
        counts = make_dumps(Path(args.root), args.sets, Path(args.out), limit=args.limit, full=tuple(args.full or ()),
                            timeout=args.timeout, parallel=args.parallel, lynx=lynx, pdf=args.pdf)
    except LookupError as exc:
        print(exc)
        return 2
    for name, row in counts.items():
        print(f"{name}: {row['pages']} pages, {len(row['failed'])} failed to render (skipped), "
              f"{len(row['partial'])} rendered but their load did not finish (a failed or stuck sub-resource; read as they stood)")
        for page_id in row["failed"]:
            print(f"  failed: {page_id}")
    return 0


def register(subparsers: Any) -> None:
    """Add the `make-dumps` tool."""
    p = subparsers.add_parser("make-dumps", help="browser text dumps (innerText, scripts and network off) of page sets")
    p.add_argument("sets", nargs="*", metavar="SET", help="set names below --root or folders; default all")
    p.add_argument("--out", required=True, help="folder for DIR/<set>/<id>.txt (keep it outside the repository)")
    p.add_argument("--root", default=str(DEFAULT_ROOT), help="folder holding the page sets (default ../shared/eval)")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="a seeded sample of N pages per set")
    p.add_argument("--full", action="append", metavar="SET", help="dump every page of this set despite --limit")
    p.add_argument("--timeout", type=float, default=TIMEOUT_S, help="seconds per page before it counts as failed")
    p.add_argument("--parallel", type=int, default=2, help="pages rendered at once")
    p.add_argument("--lynx", action="store_true", help="dump with `lynx -dump` (hard-wrapped, numbered links) instead of the browser")
    p.add_argument("--pdf", action="store_true", help="print each page to DIR/<set>/<id>.pdf instead of dumping its text")
    p.set_defaults(run=_run)
