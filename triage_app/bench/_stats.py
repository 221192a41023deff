"""Small helpers for benchmark figures: timing, percentiles, peak memory, and the printed table."""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


def percentile(values: list[float], pct: float) -> float:
    """The `pct` percentile (nearest rank) of `values`; 0.0 for an empty list."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(pct / 100.0 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def median(values: list[float]) -> float:
    """The median, 0.0 for an empty list."""
    return statistics.median(values) if values else 0.0


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    """Run `fn` and return (its result, elapsed milliseconds)."""
    start = time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - start) * 1000.0


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB.

    On Linux from VmHWM: `ru_maxrss` survives fork and exec, so a child started by a big parent would
    report the parent's peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return usage / 1024.0 if sys.platform != "darwin" else usage / (1024.0 * 1024.0)


@dataclass
class Row:
    """One line of the benchmark table."""

    figure: str
    value: str
    goal: str = ""
    met: bool | None = None


def print_table(rows: list[Row], title: str) -> str:
    """Format rows as a Markdown table, print it and return it."""
    lines = [f"### {title}", "", "| figure | value | goal | met |", "| --- | --- | --- | --- |"]
    for row in rows:
        met = "" if row.met is None else ("yes" if row.met else "**no**")
        lines.append(f"| {row.figure} | {row.value} | {row.goal} | {met} |")
    text = "\n".join(lines)
    print(text, flush=True)
    return text


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def parallel_speedup(workers: int = 2, n: int = 6_000_000) -> float:
    """How much faster `workers` processes run `workers` CPU-bound units than one process runs one each.

    2.0 on two idle cores; lower when other work shares them, which bounds every multi-process figure.
    """
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    start = time.perf_counter()
    _burn(n)
    one = time.perf_counter() - start
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        list(pool.map(_burn, [1] * workers))
        start = time.perf_counter()
        list(pool.map(_burn, [n] * workers))
        many = time.perf_counter() - start
    return workers * one / many if many else 0.0
