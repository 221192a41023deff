"""Text from imported files shown on a terminal or in a spreadsheet: control characters made visible; file names
that are not UTF-8 made storable.

Stored text keeps every character; only output is escaped. C0 and C1 controls (ESC, BEL, CSI ...)
become `\\xNN` so a title cannot retitle, clear or hijack the terminal (OSC 0/8/52, CSI 2J); bidirectional
overrides become `\\u202e` so it cannot reorder what is shown.
"""

from __future__ import annotations

import re

# Bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) too: a title "Report<RLO>fdp.exe"
# shows as "Report" + "exe.pdf" ("Trojan Source", CVE-2021-42574); in the window and the packet's HTML a title is
# isolated instead (Qt's cells, `<bdi>`), here it can only be made visible.
_BIDI = "\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")  # all but TAB and LF
_CONTROLS_ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}]")


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
