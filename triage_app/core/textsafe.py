"""Text from imported files shown on a terminal or in a spreadsheet: control characters made visible; file names
that are not UTF-8 made storable.

Stored text keeps every character; only output is escaped. C0 and C1 controls (ESC, BEL, CSI ...)
become `\\xNN` so a title cannot retitle, clear or hijack the terminal (OSC 0/8/52, CSI 2J).
"""

from __future__ import annotations

import re

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but TAB and LF
_CONTROLS_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code == 0x0A:
        return "\\n"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """`text` with every control character but TAB and newline escaped (multi-line output)."""
    return _CONTROLS.sub(_escape, text)


def one_line(text: str) -> str:
    """`text` with every control character, newlines included, escaped: it cannot split or hijack a line."""
    return _CONTROLS_ONE_LINE.sub(_escape, text)


def storable(text: str) -> str:
    """`text` with the lone surrogates Python reads a file name's non-UTF-8 bytes as (`os.fsdecode`, byte 0xFF ->
    U+DCFF) written as `\\xNN`, and any other lone surrogate as `\\udNNN`: SQLite, JSON and UTF-8 output refuse
    them. Other text is returned as it is."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a surrogate that stands for no byte (from elsewhere than a file name)
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text
