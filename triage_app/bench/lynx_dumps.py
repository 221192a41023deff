"""Text-browser dumps for `make-dumps --lynx`: what `lynx -dump` writes for a page.

lynx is a system program, not a Python package: the bench uses it when it is installed (`apt-get install
lynx`) and says so plainly when it is not. The page goes in on stdin with the charset stated; lynx runs no
scripts and fetches nothing for a dump of stdin (no images, style sheets or frames). Its output is what the
issue calls a hard-wrapped dump: paragraphs wrapped at 79 columns and indented, "[12]" before every link,
and a numbered "References" list of the link targets at the end.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

LYNX_ARGS = ("-dump", "-stdin", "-force_html", "-width=79", "-assume_charset=utf-8", "-display_charset=utf-8")
TIMEOUT_S = 60.0


def lynx_path() -> str | None:
    """Where lynx is installed, or None."""
    return shutil.which("lynx")


def lynx_dump(html: bytes, lynx: str, *, timeout: float = TIMEOUT_S) -> str | None:
    """`lynx -dump` of a UTF-8 page, or None when lynx fails or runs over `timeout` seconds."""
    try:
        done = subprocess.run([lynx, *LYNX_ARGS], input=html, capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.decode("utf-8", errors="replace") if done.returncode == 0 else None


def dump_all(jobs: list[tuple[str, bytes, Path]], lynx: str) -> list[str]:
    """Write each (page id, UTF-8 HTML, output file) job's lynx dump; the ids that failed."""
    failed = []
    for page_id, html, path in jobs:
        text = lynx_dump(html, lynx)
        if text is None:
            failed.append(page_id)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return failed
