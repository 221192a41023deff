"""What every subcommand gets: where to print, how to open the library, and the usage error."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TextIO

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
    stdin: TextIO = field(default_factory=lambda: sys.stdin)  # a command that asks before it deletes reads the answer here

    @contextmanager
    def library(self) -> Iterator[Library]:
        """Open the chosen library for the duration of the command."""
        library = Library.open(
            resolve_library_path(self.library_arg),
            before_upgrade=lambda: self.error("triage-app: upgrading the library for this version (a backup copy is made first)…"),
        )
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

    def done(self, as_json: bool, data: Any, text: str) -> int:
        """A command's result: `data` as JSON (`--json`), else `text`; exit status 0."""
        if as_json:
            self.print_json(data)
        else:
            self.print(text)
        return 0
