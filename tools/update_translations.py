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
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
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


def update(lang: str, *, plurals_only: bool = False) -> Path:
    ts = TRANSLATIONS / f"triage_{lang}.ts"
    extra = ["-pluralonly"] if plurals_only else []
    subprocess.run(
        [tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", *extra, "-target-language", lang,
         *sources(), "-ts", str(ts)],
        check=True,
        cwd=ROOT,
    )
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
