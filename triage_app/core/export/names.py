"""File and folder names that are safe on Windows, macOS and Linux."""

from __future__ import annotations

import re
import unicodedata

WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CLOCK$", "CONIN$", "CONOUT$"]
    + [f"COM{i}" for i in (*range(1, 10), "¹", "²", "³")]
    + [f"LPT{i}" for i in (*range(1, 10), "¹", "²", "³")]
)
"""Names Windows refuses for a file or folder, with or without an extension (case-insensitive)."""

MAX_COMPONENT_BYTES = 100
"""Longest name we make, in UTF-8 bytes: well under every file system's 255 and leaves room for paths."""

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def _truncate_bytes(text: str, limit: int) -> str:
    """Cut `text` so that its UTF-8 form is at most `limit` bytes, never inside a character."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore")


def _not_reserved(name: str) -> str:
    stem = name.split(".", 1)[0].rstrip(" ")
    if stem.upper() in WINDOWS_RESERVED:
        return "_" + name
    return name


def safe_name(text: str, *, fallback: str = "untitled", max_bytes: int = MAX_COMPONENT_BYTES) -> str:
    """One path component made from free text (a title): readable, Unicode kept, nothing dangerous.

    Removes path separators, characters Windows forbids, control and format characters
    (bidi overrides, zero-width), leading dots and dashes and trailing dots/spaces; NFC-normalises (macOS
    stores names decomposed, so composed text compares equal everywhere); avoids Windows
    reserved names; limits the length in bytes.
    """
    text = unicodedata.normalize("NFC", text or "")
    text = "".join(" " if unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} else ch for ch in text)
    text = _FORBIDDEN.sub("-", text)
    text = _SPACES.sub(" ", text).strip()
    text = text.lstrip(".- ")  # no hidden file, and nothing `cd` or another command takes for an option
    text = _truncate_bytes(text, max_bytes).rstrip(". ")
    if not text or set(text) <= {"-", " ", "."}:
        text = fallback
    return _not_reserved(text)


def slug(text: str, *, max_len: int = 48, fallback: str = "document") -> str:
    """A lowercase ASCII slug ("conditional-us-offer") for folder names inside a packet."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
    result = _SLUG_DROP.sub("-", ascii_text.lower()).strip("-")
    result = result[:max_len].rstrip("-")
    return _not_reserved(result or fallback)


def safe_extension(name: str, *, fallback: str = ".bin") -> str:
    """The extension of an original file name ("page.html.gz" -> ".html.gz"), sanitised."""
    base = safe_name(name, fallback="")
    parts = base.split(".")[1:][-2:]
    parts = [re.sub(r"[^A-Za-z0-9]", "", p)[:10] for p in parts]
    parts = [p for p in parts if p]
    return "." + ".".join(parts).lower() if parts else fallback


def unique(name: str, taken: set[str]) -> str:
    """`name`, or `name-2`, `name-3` ... whichever is not in `taken` (compared case-insensitively)."""
    lowered = {t.lower() for t in taken}
    candidate = name
    number = 2
    while candidate.lower() in lowered:
        candidate = f"{name}-{number}"
        number += 1
    taken.add(candidate)
    return candidate
