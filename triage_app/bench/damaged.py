"""`python -m triage_app.bench damaged [SET ...]`: damaged captures fail in one line, never stop an import.

A few pages of each set are written in the capture forms the importer reads (MHTML, e-mail, Safari web archive,
gzip, WARC, a zip with its `_files/`, a SingleFile self-extracting page, the plain page, its text dump), and each
file is damaged at random (seeded): cut short, bytes flipped, a range repeated, deleted or zeroed, random bytes put
in. Each file is imported alone into a scratch library under an alarm. Counted: the outcomes by status, and as
findings anything raised out of the import, a hang past the alarm, and an outcome that says a reader or the
cleaner met what it did not expect ("unexpected error", "could not be cleaned": caught, but a hole in its
error handling). Exit status 1 when there is a finding.
"""

from __future__ import annotations

import argparse
import gzip
import io
import random
import signal
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from triage_app.bench._clean_score import load_pages, page_ids, pick_sets

MUTATIONS = ("cut short", "bytes flipped", "range repeated", "random bytes put in", "range zeroed", "range deleted")
ALARM_SECONDS = 30
UNEXPECTED = ("unexpected error", "could not be cleaned")


def damage(data: bytes, rng: random.Random) -> bytes:
    """`data` with one of the `MUTATIONS`, chosen and placed by `rng`."""
    size = len(data)
    kind = rng.randrange(len(MUTATIONS))
    at = rng.randrange(size)
    end = min(size, at + rng.randint(1, 3000))
    if kind == 0:
        return data[: max(1, at)]
    if kind == 1:
        flipped = bytearray(data)
        for _ in range(rng.randint(1, 30)):
            flipped[rng.randrange(size)] = rng.randrange(256)
        return bytes(flipped)
    if kind == 2:
        return data[:end] + data[at:end] * rng.randint(2, 50) + data[end:]
    if kind == 3:
        return data[:at] + rng.randbytes(rng.randint(1, 500)) + data[at:]
    if kind == 4:
        return data[:at] + bytes(end - at) + data[end:]
    return data[:at] + data[end:]


def _warc(html: bytes, url: str) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer, body = io.BytesIO(), gzip.compress(html)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
                               protocol="HTTP/1.1")
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                  http_headers=headers))
    return buffer.getvalue()


def _zipped(html: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("page.html", html)
        archive.writestr("page_files/style.css", b"body{font-family:serif}")
        archive.writestr("notes.txt", b"Notes about the page.\n")
    return buffer.getvalue()


def capture_forms(html: str, dump: str | None, url: str) -> dict[str, bytes]:
    """The page in each form, by file extension."""
    from triage_app.bench import captures as c

    data = html.encode("utf-8")
    return {
        "mhtml": c.as_mhtml(data, url), "eml": c.as_email(data, base64_body=False), "webarchive": c.as_webarchive(data, url),
        "html.gz": gzip.compress(data), "warc.gz": _warc(data, url), "zip": _zipped(data),
        "sfz.html": c.as_self_extracting(html, url), "html": data, "txt": (dump or html[:20_000]).encode("utf-8"),
    }


def damaged_files(root: Path, names: list[str], folder: Path, *, pages: int, each: int, seed: int) -> Iterator[Path]:
    """Writes `each` damaged copies of every capture form of `pages` pages per set into `folder`."""
    rng = random.Random(seed)
    count = 0
    for set_folder in pick_sets(root, names).values():
        for page in load_pages(set_folder, page_ids(set_folder, pages, seed=seed)):
            for ext, data in capture_forms(page.html, page.dump, f"https://example.org/{page.page_id[:16]}").items():
                for _ in range(each):
                    path = folder / f"{count:05d}.{ext}"
                    path.write_bytes(damage(data, rng))
                    count += 1
                    yield path


class _Hang(Exception):
    pass


def _alarm(*_: Any) -> None:
    raise _Hang


def import_each(paths: Iterator[Path], library_path: Path, report: Callable[[str], None] = print) -> dict[str, Any]:
    """Import every file alone; the outcomes by status and the findings (`report` prints each as found)."""
    from triage_app.core import jobs
    from triage_app.core.ingest import iter_inputs
    from triage_app.core.library import Library

    library = Library.open(library_path)
    statuses: Counter[str] = Counter()
    findings: list[str] = []
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for path in paths:
            signal.alarm(ALARM_SECONDS)
            try:
                for item in iter_inputs([path]):
                    outcome = jobs.import_item(library, item)
                    statuses[outcome.status] += 1
                    if any(word in (outcome.reason or "") for word in UNEXPECTED):
                        findings.append(f"{path.name}: {outcome.reason}")
                        report(findings[-1])
            except _Hang:
                findings.append(f"{path.name}: no outcome after {ALARM_SECONDS} s")
                report(findings[-1])
            except Exception as exc:  # the finding itself: nothing may be raised out of an import
                findings.append(f"{path.name}: raised {exc.__class__.__name__}: {exc}"[:300])
                report(findings[-1])
            finally:
                signal.alarm(0)
    finally:
        signal.signal(signal.SIGALRM, previous)
        library.close()
    return {"statuses": dict(statuses), "findings": findings}


def run(root: Path, names: list[str], *, pages: int = 4, each: int = 10, seed: int = 1) -> dict[str, Any]:
    """Damage, import, count (in a scratch folder)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        written = list(damaged_files(root, names, folder, pages=pages, each=each, seed=seed))
        result = import_each(iter(written), Path(tmp) / "library.sqlite")
    result["files"] = len(written)
    return result


def _run(args: argparse.Namespace) -> int:
    result = run(Path(args.root), args.sets or ["aeb-dev"], pages=args.pages, each=args.each, seed=args.seed)
    print(f"{result['files']} damaged files; outcomes {result['statuses']}; findings {len(result['findings'])}")
    return 1 if result["findings"] else 0


def register(subparsers: Any) -> None:
    """Add the `damaged` benchmark."""
    p = subparsers.add_parser("damaged", help="captures damaged at random fail in one line: nothing raised, no hang")
    p.add_argument("sets", nargs="*", metavar="SET", help="set names below --root (default aeb-dev)")
    p.add_argument("--root", default="../shared/eval", help="folder holding the page sets")
    p.add_argument("--pages", type=int, default=4, help="pages per set")
    p.add_argument("--each", type=int, default=10, help="damaged copies of each capture form of each page")
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(run=_run)
