"""The command line: `triage-app SUBCOMMAND ...` runs headless; no subcommand opens the GUI.

Subcommands live in `triage_app/commands/*.py`; each module has `register(subparsers, common)`
that adds its parsers with `set_defaults(run=FUNCTION)`. `FUNCTION(args, ctx)` returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from typing import TextIO

from triage_app import __version__
from triage_app.commands._context import CliContext, UsageError
from triage_app.core.errors import KnownError
from triage_app.core.textsafe import storable


def _common_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--library", metavar="PATH", default=argparse.SUPPRESS, help="library file (default: $TRIAGE_LIBRARY or the user data folder)"
    )
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON document for scripts")
    return common


def _parser_and_commands() -> tuple[argparse.ArgumentParser, list[str]]:
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
        if info.name.startswith("_"):
            continue  # shared code of the subcommands, not one of them
        module = importlib.import_module(f"triage_app.commands.{info.name}")
        module.register(subparsers, common)
    return parser, sorted(subparsers.choices)


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every subcommand module registered."""
    return _parser_and_commands()[0]


def command_names() -> list[str]:
    """The subcommand names (`import`, `export`, ...), as registered by the command modules."""
    return _parser_and_commands()[1]


PATH_ARGUMENTS = frozenset({"library", "paths", "out", "packet"})
"""Arguments that name files: their bytes need not be UTF-8 (a Latin-1 disk's names), Python keeps them as they are."""


def _text_that_is_not_utf8(args: argparse.Namespace) -> str | None:
    """What to say about a text argument (a query, a note, a tag) that is not UTF-8, None when every one is. The
    shell passed bytes the system's encoding cannot read (a terminal set to Latin-1 under a UTF-8 system): stored,
    they would be nobody's text, and SQLite refuses them."""
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        for text in values:
            if name not in PATH_ARGUMENTS and isinstance(text, str) and storable(text) != text:
                return (
                    f"{name} \"{storable(text)}\" is not UTF-8 text: set the terminal's character encoding to UTF-8"
                    " (the system's) and type it again"
                )
    return None


def run(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None, stdin: TextIO | None = None
) -> int:
    """Parse `argv` and run the subcommand; returns the exit code. With no subcommand returns -1."""
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not getattr(args, "command", None):
        return -1
    if not hasattr(args, "json"):
        args.json = False
    ctx = CliContext(args.library, stdout or sys.stdout, stderr or sys.stderr, stdin or sys.stdin)
    if (bad := _text_that_is_not_utf8(args)) is not None:
        ctx.error(f"triage-app {args.command}: {bad}")
        return 2
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
