"""Re-extract the window's strings into the `.ts` sources and compile the `.qm` catalogues.

Run after adding or changing user-visible text in `triage_app/gui/`:

    python tools/update_translations.py            # lupdate + lrelease for every language
    python tools/update_translations.py --check    # exit 1 when a .ts is out of date or unfinished

Then translate the new entries (Qt Linguist: `pyside6-linguist resources/translations/triage_de.ts`, or
edit the XML) and run it again so the `.qm` that ships in `resources/` is rebuilt.
Locations are left out of the `.ts` (`-locations none`) so that moving code does not churn the file.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "triage_app" / "gui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("de",)
PLURALS_ONLY = ("en",)  # the source language: only its plural forms ("%n document(s)" -> "2 documents")


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python, else on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (it ships the Qt translation tools)")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))


def unfinished(ts: Path) -> list[str]:
    """Source texts of a .ts that have no finished translation."""
    root = ET.parse(ts).getroot()
    missing = []
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        if translation.get("type") == "unfinished":
            missing.append(message.findtext("source") or "")
    return missing


_CONTEXT_RE = re.compile(r"<context>\n    <name>(.*?)</name>\n(.*?)</context>\n", re.S)
_MESSAGE_RE = re.compile(r"    <message( numerus=\"yes\")?>\n        <source>(.*?)</source>\n.*?    </message>\n", re.S)


def plural_messages(ts_text: str) -> dict[tuple[str, str], str]:
    """The plural (`numerus="yes"`) messages of a .ts text: (context, source as written in the .ts) -> the message's lines."""
    found = {}
    for context in _CONTEXT_RE.finditer(ts_text):
        for message in _MESSAGE_RE.finditer(context.group(2)):
            if message.group(1):
                found[(context.group(1), message.group(2))] = message.group(0)
    return found


def restore_plurals(ts_text: str, plurals: dict[tuple[str, str], str], in_sources: Callable[[str], bool]) -> str:
    """`ts_text` (lupdate's output) with the plural messages `plurals` (the .ts before) put back.

    pyside6-lupdate's Python reader (6.11 and 6.12 alike) sees the count of `self.tr(text, "", n)` but not of
    `QCoreApplication.translate(context, text, "", n)`: it writes those as singular and unfinished, or leaves them
    out, which lost the catalogue's plural forms. A plural message whose text is still in the sources keeps
    its entry and translation."""
    done: set[tuple[str, str]] = set()

    def context(match: re.Match[str]) -> str:
        name = match.group(1)

        def message(found: re.Match[str]) -> str:
            key = (name, found.group(2))
            done.add(key)
            return plurals[key] if key in plurals and not found.group(1) else found.group(0)

        body = _MESSAGE_RE.sub(message, match.group(2))
        for (ctx, source), block in plurals.items():  # left out by lupdate: after the context's other messages
            if ctx == name and (ctx, source) not in done and in_sources(source):
                body += block
                done.add((ctx, source))
        return f"<context>\n    <name>{name}</name>\n{body}</context>\n"

    ts_text = _CONTEXT_RE.sub(context, ts_text)
    missing = sorted({ctx for (ctx, source) in plurals if (ctx, source) not in done and in_sources(source)})
    for name in missing:
        blocks = "".join(block for (ctx, source), block in plurals.items() if ctx == name and in_sources(source))
        ts_text = ts_text.replace("</TS>", f"<context>\n    <name>{name}</name>\n{blocks}</context>\n</TS>")
    return ts_text


def _in_sources() -> Callable[[str], bool]:
    code = "\n".join((ROOT / name).read_text(encoding="utf-8") for name in sources())
    return lambda source: any(f"{quote}{html.unescape(source)}{quote}" in code for quote in ('"', "'"))


def update(lang: str, *, plurals_only: bool = False) -> Path:
    ts = TRANSLATIONS / f"triage_{lang}.ts"
    plurals = plural_messages(ts.read_text(encoding="utf-8")) if ts.exists() else {}
    extra = ["-pluralonly"] if plurals_only else []
    subprocess.run(
        [tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", *extra, "-target-language", lang,
         *sources(), "-ts", str(ts)],
        check=True,
        cwd=ROOT,
    )
    ts.write_text(restore_plurals(ts.read_text(encoding="utf-8"), plurals, _in_sources()), encoding="utf-8")
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True, cwd=ROOT)
    return ts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report untranslated entries")
    args = parser.parse_args(argv)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    status = 0
    for lang in (*PLURALS_ONLY, *LANGUAGES):
        ts = TRANSLATIONS / f"triage_{lang}.ts"
        if not args.check:
            update(lang, plurals_only=lang in PLURALS_ONLY)
        missing = unfinished(ts)
        for text in missing:
            print(f"{ts.name}: untranslated: {text!r}")
        status |= bool(missing)
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
