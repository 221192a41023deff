"""`python -m triage_app.bench NAME [ARGS]`: run one benchmark and print its figures."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from triage_app import bench


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the benchmark modules of this package."""
    parser = argparse.ArgumentParser(prog="python -m triage_app.bench", description="Triage benchmarks")
    subparsers = parser.add_subparsers(dest="bench", metavar="NAME", required=True)
    for info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"triage_app.bench.{info.name}")
        if hasattr(module, "register"):
            module.register(subparsers)
    args = parser.parse_args(list(argv) if argv is not None else None)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
