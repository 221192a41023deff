"""The command line: `triage-app SUBCOMMAND ...` runs headless; no subcommand opens the GUI.

Subcommands live in `triage_app/commands/*.py`; each module has `register(subparsers, common)`
that adds its parsers with `set_defaults(run=FUNCTION)`. `FUNCTION(args, ctx)` returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TextIO

from triage_app import __version__
from triage_app.core.errors import KnownError
from triage_app.core.library import Library
from triage_app.core.paths import resolve_library_path
from triage_app.core.textsafe import escape_controls, one_line


class UsageError(Exception):
    """Bad arguments found after parsing (exit code 2)."""


@dataclass
class CliContext:
    """What a subcommand needs: where to print and how to open the library."""

    library_arg: str | None
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)

    @contextmanager
    def library(self) -> Iterator[Library]:
        """Open the chosen library for the duration of the command."""
        library = Library.open(resolve_library_path(self.library_arg))
        try:
            yield library
        finally:
            library.close()

    def print_json(self, data: Any) -> None:
        """One JSON document on stdout."""
        text = json.dumps(data, ensure_ascii=False, default=str)  # escapes C0 controls; C1 and U+2028/9 next
        self.stdout.write(re.sub("[\x7f-\x9f\u2028\u2029]", lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n")

    def print(self, text: str = "") -> None:
        """One line (or a block) on stdout, with control characters from imported files made visible."""
        self.stdout.write(escape_controls(text) + "\n")

    def error(self, text: str) -> None:
        """One line on stderr."""
        self.stderr.write(one_line(text) + "\n")


def _common_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library", metavar="PATH", default=argparse.SUPPRESS, help="library file (default: $TRIAGE_LIBRARY or the user data folder)"
    )
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON document for scripts")
    return common


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every subcommand module registered."""
    parser = argparse.ArgumentParser(
        prog="triage-app",
        description="Triage: import page dumps, read them cleaned, mark relevance, export briefing packets. "
        "Without a subcommand the desktop window opens.",
    )
    parser.add_argument("--version", action="version", version=f"triage-app {__version__}")
    parser.add_argument("--library", metavar="PATH", default=None, help="library file to open")
    parser.add_argument("--json", action="store_true", default=False, help="print one JSON document for scripts")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = _common_parser()
    from triage_app import commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"triage_app.commands.{info.name}")
        module.register(subparsers, common)
    return parser


def run(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Parse `argv` and run the subcommand; returns the exit code. With no subcommand returns -1."""
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not getattr(args, "command", None):
        return -1
    if not hasattr(args, "json"):
        args.json = False
    ctx = CliContext(args.library, stdout or sys.stdout, stderr or sys.stderr)
    try:
        return int(args.run(args, ctx))
    except UsageError as exc:
        ctx.error(f"triage-app {args.command}: {exc}")
        return 2
    except KnownError as exc:
        ctx.error(f"triage-app: {exc}")
        return 1
    except KeyError as exc:
        ctx.error(f"triage-app {args.command}: {exc.args[0] if exc.args else exc}")
        return 1
    except BrokenPipeError:
        return 0


def gui_library_arg(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """For the GUI path: the `--library` value and any file arguments to open."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--library", default=None)
    known, rest = parser.parse_known_args(list(argv))
    return known.library, rest
