"""Hostile text dumps: one over the text limit is refused in one line, an accepted one costs bounded memory."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest
from hostile_support import (
    Sandbox,
    _no_hang,  # noqa: F401 - autouse fixture
    _one,
    sandbox_fixture,  # noqa: F401 - fixture "sandbox"
)

from triage_app.core.ingest import limits


def test_hardening_d12_a_text_dump_over_the_text_limit_is_refused_in_one_line(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 1000)
    dump = sandbox.inputs / "dump.txt"
    dump.write_bytes(b"A line of a long text dump.\n" * 100)
    packed = sandbox.inputs / "dump2.txt.gz"
    packed.write_bytes(gzip.compress(b"Another line of a long text dump.\n" * 100))
    sniffed = sandbox.inputs / "noext"
    sniffed.write_bytes(b"Plain words with no extension.\n" * 100)
    outcomes = sandbox.import_hostile(dump, packed, sniffed)
    assert [o.status for o in outcomes] == ["failed"] * 3, outcomes
    assert all("limit for text" in (o.reason or "") for o in outcomes)
    page = sandbox.inputs / "page.html"
    page.write_bytes(b"<html><title>Big page</title><p>" + b"words in a page " * 200 + b"</p></html>")
    assert _one(sandbox.import_hostile(page)).status == "imported"  # pages keep the general 200 MB limit


def test_a_dump_of_comment_counts_between_short_lines_is_cleaned_in_linear_time() -> None:
    """A related/comments line inside the article hands its reason to the short lines after it in its group; each such
    line walked the rest of the group again, so 8,000 lines of one group, half of them "12 Comments", took 3.6 s and
    200,000 did not end in ten minutes. Counted here as the lines read, not as time: the walk must read each line a
    bounded number of times."""
    from triage_app.core.clean.text_dump import clean_lines
    from triage_app.core.clean.text_lines import Line, annotate_groups, split_lines

    sentence = "the harbour authority said the vessel arriving from the north at dawn was inspected by the port police"
    text = "\n".join("12 Comments" if i % 2 else sentence[(i % 5) * 4 :] + "." for i in range(8000))
    lines = split_lines(text)
    annotate_groups(lines)
    reads = 0
    length = Line.length

    def counted(self: Line) -> int:
        nonlocal reads
        reads += 1
        return length.fget(self)  # type: ignore[attr-defined, no-any-return]

    try:
        Line.length = property(counted)  # type: ignore[assignment, method-assign]
        result = clean_lines(lines)
    finally:
        Line.length = length  # type: ignore[method-assign]
    assert len(result.reasons) == 8000
    assert reads < 50 * len(lines), reads  # 24,012 now; 32 million before


def test_lines_after_the_article_take_their_groups_reason_in_linear_time() -> None:
    """An undecided line after the article takes the reason of the next decided line of its group (else the one
    before): looked for from every undecided line, 20,000 short lines before one "Share this:" took 4.7 s. Counted as
    reads of the reasons, and the outcome checked: every line takes the share line's reason."""
    from triage_app.core.clean import patterns as P
    from triage_app.core.clean.dump_classifier import DumpClassifier
    from triage_app.core.clean.text_lines import annotate_groups, split_lines

    lines = split_lines("\n".join([f"Item {i} of the list" for i in range(5000)] + ["Share this:"]))
    annotate_groups(lines)
    reads = 0

    class Counted(list[str | None]):
        def __getitem__(self, index):  # type: ignore[no-untyped-def]
            nonlocal reads
            reads += 1
            return super().__getitem__(index)

    classifier = DumpClassifier(lines, None)
    classifier.reasons = Counted([""] * 5000 + [P.SHARE])
    classifier.cut, classifier.cut_reason = len(lines), P.COMMENTS
    classifier._propagate(-1, -1)
    assert list(classifier.reasons) == [P.SHARE] * 5001
    assert reads < 20 * len(lines), reads  # 12.5 million before


@pytest.mark.slow
def test_hardening_d12_a_190_mb_text_dump_stays_under_5x_its_size_in_memory(tmp_path: Path) -> None:
    import subprocess
    import sys

    dump = tmp_path / "dump.txt"
    line = b"Record 0000: the harbour authority logged a vessel arriving from the north at dawn.\n"
    with dump.open("wb") as handle:
        for _ in range(190 * 1024 * 1024 // len(line)):
            handle.write(line)
    size = dump.stat().st_size
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    # A fresh parent measures only its own child (this process's RUSAGE_CHILDREN holds every earlier test's).
    probe = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
             "sys.stdout.write(done.stdout + str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))")
    done = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "triage_app", "import", str(dump),
                           "--library", str(tmp_path / "l.sqlite"), "--workers", "0"],
                          env=env, capture_output=True, text=True, timeout=600, check=False)
    output, _, peak = done.stdout.rpartition("\n")
    peak_kib = int(peak)
    assert 0 < peak_kib * 1024 < 5 * size, (peak_kib, size)
    done = subprocess.CompletedProcess(done.args, done.returncode, output + "\n", done.stderr)
    assert "limit for text" in done.stdout and done.stdout.count("\n") == 2, done.stdout


def _peak_rss_of_import(path: Path, library: Path) -> int:
    """Peak RSS in bytes of `triage-app import PATH` run in a fresh child (measured by its own parent)."""
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    probe = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
             "sys.stdout.write(done.stdout + str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))")
    done = subprocess.run([sys.executable, "-c", probe, sys.executable, "-m", "triage_app", "import", str(path),
                           "--library", str(library), "--workers", "0"],
                          env=env, capture_output=True, text=True, timeout=600, check=False)
    output, _, peak = done.stdout.rpartition("\n")
    assert "imported as #1" in output, (output, done.stderr)
    return int(peak) * 1024


@pytest.mark.slow
@pytest.mark.xfail(reason="goal not met (issues 45, 48): importing this 8 MB dump of kept prose peaks at ~12.0x its size above "
                   "the interpreter's baseline (12.04x measured 2026-12-06, 13.33x on 2026-12-07 on a machine with a smaller baseline; 19.6x before issue 48), goal 10x. The peak is the "
                   "store: SQLite's ~40 MB for the one 8 MB row and its FTS5 entry on top of what the clean pass leaves "
                   "(docs/performance.md, 'Memory of importing a text dump'); kept so the bound stays measured")
def test_hardening_d12_an_accepted_text_dump_costs_a_bounded_multiple_of_its_size(tmp_path: Path) -> None:
    import random

    rng = random.Random(12)
    words = ["the", "harbour", "authority", "logged", "a", "vessel", "arriving", "from", "north", "at", "dawn",
             "council", "minister", "said", "report", "police", "city", "government", "water", "market", "people"]
    dump = tmp_path / "dump.txt"
    with dump.open("w", encoding="utf-8") as handle:
        handle.write("Harbour log\n\n")
        i = 0
        while handle.tell() < 8 * 1024 * 1024:
            line = "Menu | Home | News" if i % 7 == 0 else " ".join(rng.choice(words) for _ in range(rng.randint(5, 40))) + f" {i}."
            handle.write(line + ("\n\n" if i % 5 == 0 else "\n"))
            i += 1
    tiny = tmp_path / "tiny.txt"
    tiny.write_text("A short dump of one line.\n", encoding="utf-8")
    baseline = _peak_rss_of_import(tiny, tmp_path / "a.sqlite")  # the interpreter and its libraries
    peak = _peak_rss_of_import(dump, tmp_path / "b.sqlite")
    size = dump.stat().st_size
    # Before the fix a dump cost ~13x its size on top of the baseline; now ~8x (goal: 5x, not reached).
    assert peak - baseline < 10 * size, ((peak - baseline) / size, baseline, peak, size)
