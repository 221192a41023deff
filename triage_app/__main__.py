"""`python -m triage_app` and `triage-app`: subcommands run headless, anything else opens the GUI."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def wants_cli(argv: Sequence[str]) -> bool:
    """True when the arguments name a subcommand (or ask for help/version) rather than files to open."""
    tokens = list(argv)
    if any(t in ("-h", "--help", "--version") for t in tokens):
        return True
    from triage_app.cli import command_names

    names = set(command_names())
    skip = False
    for token in tokens:
        if skip:
            skip = False
            continue
        if token == "--library":
            skip = True
            continue
        if token.startswith("-"):
            continue
        # A word that is neither a command nor a file (`lst`) is a mistyped command: argparse says so, exit 2.
        return token in names or not _looks_like_a_file(token)
    return False


def _looks_like_a_file(token: str) -> bool:
    return Path(token).exists() or "/" in token or "." in token or "\\" in token


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `triage-app` command."""
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_cli(args):
        from triage_app.cli import run

        return run(args)
    from triage_app.gui.app import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
