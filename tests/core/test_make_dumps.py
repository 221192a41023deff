"""`bench make-dumps` (browser text dumps, scripts and network off) and `bench clean --dumps DIR`."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from triage_app.bench.__main__ import main

ARTICLE = (
    "The regional council approved the new water plan on Tuesday after a debate that lasted most of the afternoon. "
    "Under the plan, three reservoirs will be enlarged and the old pipes in the eastern districts will be replaced."
)
PAGE = f"""<html><head><title>Water plan</title>
<link rel="stylesheet" href="http://127.0.0.1:9/style.css"><link rel="stylesheet" href="http://127.0.0.1:PORT/style.css"><style>.gone {{ display: none }}</style></head>
<body><nav>Home</nav><p>{ARTICLE}</p><p class="gone">HIDDEN BY CSS</p>
<script>document.write("SCRIPT RAN")</script><img src="http://127.0.0.1:9/pixel.png" alt="ALT TEXT">
<iframe src="http://127.0.0.1:PORT/frame.html"></iframe><img src="//127.0.0.1:PORT/pixel.png"></body></html>"""


def _page_set(folder: Path, pages: dict[str, str]) -> None:
    (folder / "html").mkdir(parents=True)
    for page_id, html in pages.items():
        (folder / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode()))
    (folder / "ground-truth.json").write_text(json.dumps({k: {"articleBody": ARTICLE} for k in pages}), encoding="utf-8")


def test_clean_reads_dumps_from_another_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _page_set(tmp_path / "eval" / "mine", {"p1": PAGE, "p2": PAGE})
    dumps = tmp_path / "dumps" / "mine"
    dumps.mkdir(parents=True)
    (dumps / "p1.txt").write_text(f"Home\nNews\nSport\n\n{ARTICLE}\n\nPrivacy Policy\n", encoding="utf-8")  # p2 has none: skipped
    args = ["clean", "--root", str(tmp_path / "eval"), "--mode", "text", "--dumps", str(tmp_path / "dumps"), "--json"]
    assert main(args) == 0
    results = {item["set"]: {row["method"]: row for row in item["rows"]} for item in json.loads(capsys.readouterr().out)}
    assert results["mine dumps"]["triage"]["pages"] == 1
    assert results["mine dumps"]["triage"]["f1"] > results["mine dumps"]["raw dump"]["f1"]


def _make_dumps_beside_a_server(tmp_path: Path, *options: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run `make-dumps` (in its own process, offscreen) on one page whose style sheet, frame and images sit
    on a local server that records every request: the run and the paths that were asked for."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            asked.append(self.path)
            self.send_response(200)
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _page_set(tmp_path / "eval" / "mine", {"p1": PAGE.replace("PORT", str(server.server_address[1]))})
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox"}
    command = [sys.executable, "-m", "triage_app.bench", "make-dumps", *options, "--root", str(tmp_path / "eval"), "--out", str(tmp_path / "out")]
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    finally:
        server.shutdown()
        server.server_close()
    return done, asked


@pytest.mark.slow
def test_make_dumps_renders_without_scripts_or_network(tmp_path: Path) -> None:
    done, asked = _make_dumps_beside_a_server(tmp_path)
    assert asked == []  # the style sheet, frame and image on a reachable server were never fetched
    assert done.returncode == 0, done.stderr[-2000:]
    assert "1 pages, 0 failed" in done.stdout
    dump = (tmp_path / "out" / "mine" / "p1.txt").read_text(encoding="utf-8")
    assert ARTICLE in dump and "Home" in dump
    assert "SCRIPT RAN" not in dump  # the page's own scripts do not run
    assert "HIDDEN BY CSS" not in dump  # innerText of the rendered page, not the markup's text


@pytest.mark.slow
def test_make_dumps_prints_to_pdf_without_alt_texts_or_network(tmp_path: Path) -> None:
    from triage_app.core.ingest.pdf_reader import read_pdf

    done, asked = _make_dumps_beside_a_server(tmp_path, "--pdf")
    assert asked == []
    assert done.returncode == 0, done.stderr[-2000:]
    data = (tmp_path / "out" / "mine" / "p1.pdf").read_bytes()
    text = read_pdf(data, source_path="p1.pdf", original=data, original_name="p1.pdf").text or ""
    assert ARTICLE in " ".join(text.split())
    assert "SCRIPT RAN" not in text and "HIDDEN BY CSS" not in text
    assert "ALT TEXT" not in text  # an image not loaded prints nothing, as a printed image has no text


def test_make_dumps_with_lynx_writes_its_output_and_says_when_lynx_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from triage_app.bench import lynx_dumps
    from triage_app.bench.make_dumps import make_dumps

    _page_set(tmp_path / "eval" / "mine", {"p1": PAGE, "p2": PAGE})
    fake = tmp_path / "fake-lynx"  # stands in for lynx: echoes the page and reports its arguments on stderr
    fake.write_text('#!/bin/sh\necho "$@" >&2\ncat\n', encoding="utf-8")
    fake.chmod(0o755)
    counts = make_dumps(tmp_path / "eval", [], tmp_path / "out", lynx=str(fake))
    assert counts["mine"] == {"pages": 2, "failed": [], "partial": []}
    assert ARTICLE in (tmp_path / "out" / "mine" / "p2.txt").read_text(encoding="utf-8")
    assert lynx_dumps.lynx_dump(b"<p>x</p>", str(tmp_path / "no-such-lynx")) is None  # a failed run is a failed page
    monkeypatch.setattr(lynx_dumps, "lynx_path", lambda: None)
    assert main(["make-dumps", "--lynx", "--root", str(tmp_path / "eval"), "--out", str(tmp_path / "out2")]) == 2
    assert "lynx is not installed" in capsys.readouterr().out
