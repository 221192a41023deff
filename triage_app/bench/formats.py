"""`python -m triage_app.bench formats`: import speed of web archives and PDFs, and memory on a big WARC.

Everything is generated here (warcio writes the WARCs, PDFs are written as plain PDF syntax), so the
figures can be reproduced anywhere:
- a WARC of `--pages` HTML pages (each with a stylesheet and an image) imported into an empty library:
  pages per second, by the same `import_documents` the app runs;
- a PDF of `--pdf-pages` pages: PDF pages per second through the import, and the text extraction alone
  with pypdfium2 (used) and pdfminer.six (compared; only when installed) on the same file, same run;
- with `--big-mb N`, a WARC of about N MB (pages plus large unreferenced media records) imported in a
  child process whose peak resident memory (ru_maxrss) is reported.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["harbour", "minister", "talks", "port", "ferry", "quay", "council", "budget", "strike", "union", "coast", "storm", "election", "court", "report", "officials", "said", "would", "after", "before", "during", "reform", "vote", "energy", "grain", "ships", "trade", "border", "water", "city"]


def _sentence(rng: random.Random, n: int = 18) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def _page(rng: random.Random, number: int) -> bytes:
    paragraphs = "".join(f"<p>{_sentence(rng, 30)} {_sentence(rng, 25)}</p>" for _ in range(8))
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Story {number}: {_sentence(rng, 6)}</title>"
        f"<link rel='stylesheet' href='/site.css'></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Story {number}</h1>{paragraphs}<img src='/img/{number}.jpg'></article>"
        f"<footer>Copyright Example News</footer></body></html>"
    ).encode()


def write_bench_warc(path: Path, pages: int, *, image_bytes: int = 2_000, filler_mb: int = 0, gzip: bool = True) -> None:
    """A WARC of `pages` pages, one shared stylesheet, one image per page, and `filler_mb` MB of media records."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(14)

    def response(writer: WARCWriter, url: str, body: bytes, content_type: str) -> None:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http))

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        response(writer, "https://bench.example.org/site.css", b"body { font-family: serif; }", "text/css")
        filler_each = max(1, filler_mb // max(pages, 1)) if filler_mb else 0
        written = 0
        for number in range(pages):
            response(writer, f"https://bench.example.org/story/{number}.html", _page(rng, number), "text/html; charset=utf-8")
            response(writer, f"https://bench.example.org/img/{number}.jpg", os.urandom(image_bytes), "image/jpeg")
            if filler_mb and written < filler_mb:
                response(writer, f"https://bench.example.org/media/{number}.mp4", os.urandom(filler_each * 1024 * 1024), "video/mp4")
                written += filler_each


def pdf_file(objects: list[bytes], *, info: int | None = None) -> bytes:
    """A PDF file of numbered `objects` (object 1 the catalogue) with its cross-reference table and trailer."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets))
    info_ref = b" /Info %d 0 R" % info if info else b""
    out.write(b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, info_ref, xref))
    return out.getvalue()


def write_bench_pdf(path: Path, pages: int) -> None:
    """A PDF of `pages` pages of ordinary paragraphs (Helvetica), written as plain PDF syntax."""
    rng = random.Random(14)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for _ in range(pages):
        lines = []
        y = 780
        while y > 80:
            lines.append(f"BT /F1 10 Tf 50 {y} Td ({_sentence(rng, 14)}) Tj ET")
            y -= 13 if rng.random() > 0.15 else 26
        stream = "\n".join(lines).encode()
        kids.append(len(objects) + 1)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {len(objects) + 2} 0 R >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {pages} >>".encode()
    path.write_bytes(pdf_file(objects))


def _import(paths: list[Path], library_path: Path, workers: int) -> tuple[float, dict[str, int]]:
    from triage_app.core import jobs
    from triage_app.core.library import Library
    from triage_app.core.records import ImportOutcome

    library = Library.open(library_path)
    try:
        start = time.perf_counter()
        outcomes = [p.result for p in jobs.import_documents(library, paths, workers=workers) if isinstance(p.result, ImportOutcome)]
        elapsed = time.perf_counter() - start
    finally:
        library.close()
    return elapsed, jobs.summarise(outcomes)


def _pdf_text_speeds(path: Path) -> list[tuple[str, float]]:
    from triage_app.core.ingest.pdf_reader import pdf_pages

    data = path.read_bytes()
    start = time.perf_counter()
    pdf_pages(data)
    figures = [("pypdfium2 (our blocks)", time.perf_counter() - start)]
    try:
        from pdfminer.high_level import extract_text
    except ImportError:
        return figures
    start = time.perf_counter()
    extract_text(str(path))
    figures.append(("pdfminer.six extract_text", time.perf_counter() - start))
    return figures


def big_child(args: argparse.Namespace) -> int:
    """Run in a child process: import one WARC, print the peak RSS in MB."""
    elapsed, counts = _import([Path(args.path)], Path(args.library), 1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{elapsed:.1f} {counts.get('imported', 0)} {counts.get('failed', 0)} {peak:.0f}")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.big_child:
        return big_child(args)
    from triage_app.core.jobs import default_workers

    workers = default_workers() if args.workers is None else args.workers
    with tempfile.TemporaryDirectory(prefix="triage-bench-formats-") as tmp:
        root = Path(tmp)
        warc = root / "bench.warc.gz"
        write_bench_warc(warc, args.pages)
        elapsed, counts = _import([warc], root / "warc.sqlite", workers)
        print(f"| WARC.gz, {args.pages} pages (+1 image each, 1 shared stylesheet) | {counts['imported']} imported, "
              f"{counts['failed']} failed | {elapsed:.1f} s | **{counts['imported'] / elapsed:.1f} pages/s** | workers={workers} |")
        elapsed, counts = _import([warc], root / "warc.sqlite", workers)
        print(f"| same WARC again (re-import) | {counts['duplicate']} duplicates | {elapsed:.1f} s | {args.pages / elapsed:.1f} pages/s | |")
        pdf = root / "bench.pdf"
        write_bench_pdf(pdf, args.pdf_pages)
        elapsed, counts = _import([pdf], root / "pdf.sqlite", 1)
        print(f"| PDF, {args.pdf_pages} pages, one file | {counts['imported']} imported | {elapsed:.1f} s | "
              f"**{args.pdf_pages / elapsed:.1f} PDF pages/s** | |")
        for name, seconds in _pdf_text_speeds(pdf):
            print(f"| text only, {name} | | {seconds:.2f} s | {args.pdf_pages / seconds:.1f} PDF pages/s | same file |")
        if args.big_mb:
            big = root / "big.warc"
            write_bench_warc(big, args.big_pages, image_bytes=50_000, filler_mb=args.big_mb, gzip=False)
            size = big.stat().st_size / (1024 * 1024)
            done = subprocess.run(
                [sys.executable, "-m", "triage_app.bench", "formats", "--big-child", "--path", str(big),
                 "--library", str(root / "big.sqlite")],
                capture_output=True, text=True, check=True,
            )
            took, imported, failed, peak = done.stdout.split()[-4:]
            print(f"| WARC of {size:.0f} MB ({args.big_pages} pages + media) | {imported} imported, {failed} failed | "
                  f"{took} s | peak RSS **{peak} MB** (child process) | workers=1 |")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("formats", help="import speed of WARC and PDF, memory on a big WARC")
    parser.add_argument("--pages", type=int, default=1000, help="pages in the generated WARC (default 1000)")
    parser.add_argument("--pdf-pages", type=int, default=200, help="pages in the generated PDF (default 200)")
    parser.add_argument("--big-mb", type=int, default=0, help="also import a generated WARC of about this many MB")
    parser.add_argument("--big-pages", type=int, default=1000, help="pages in the big WARC (default 1000)")
    parser.add_argument("--workers", type=int, default=None, help="cleaning processes (default: the app's)")
    parser.add_argument("--big-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    parser.add_argument("--library", help=argparse.SUPPRESS)
    parser.set_defaults(run=run)
