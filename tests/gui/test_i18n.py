"""Translations: no user-visible literal bypasses tr(), the German catalogue is complete, the window speaks German."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication

from triage_app.gui import i18n

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "triage_app" / "gui"
TRANSLATIONS = ROOT / "resources" / "translations"
NOT_WINDOW_TEXT = {"pdf.py", "demo.py"}  # the packet's PDF bands (packet content), a developer's demo script
SINKS = {
    # widget text
    "setText", "setToolTip", "setStatusTip", "setWhatsThis", "setWindowTitle", "setPlaceholderText",
    "setAccessibleName", "setAccessibleDescription", "setSpecialValueText", "setLabelText", "setTitle",
    "addMenu", "addAction", "addTab", "addItem", "addRow", "addButton", "showMessage", "showText",
    # widgets and actions built with their text
    "QAction", "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox", "QToolBar", "QMenu",
    # message boxes and file dialogs
    "about", "information", "warning", "critical", "question", "getText", "getItem",
    "getOpenFileNames", "getOpenFileName", "getExistingDirectory", "getSaveFileName", "getOpenFileUrls",
    "getExistingDirectoryUrl",
    # this app's own text sinks
    "show_message", "_show_empty", "start", "_Step", "ask",
}  # fmt: skip
ONLY_FIRST = {"_Step"}  # the step's title; its other arguments are keys
LOGGERS = {"log", "logger", "logging"}  # log lines are for developers, in English
_TAGS = re.compile(r"<[^>]*>")


def _words(text: str) -> bool:
    """True when a literal holds words a person reads (two letters in a row outside markup)."""
    text = _TAGS.sub("", text)
    return bool(re.search(r"[A-Za-z]{2}", text)) and not re.fullmatch(r"\.\w+", text)  # '.zip' is a suffix


def _bare_text(node: ast.AST) -> str | None:
    """The literal words of an argument that is not wrapped in a translation call, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _words(node.value) else None
    if isinstance(node, ast.JoinedStr):
        literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        return literal if _words(literal) else None
    if isinstance(node, ast.BinOp):
        return _bare_text(node.left) or _bare_text(node.right)
    if isinstance(node, ast.IfExp):
        return _bare_text(node.body) or _bare_text(node.orelse)
    return None


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def untranslated_literals(source: str, filename: str) -> Iterator[str]:
    """`file:line: text` for each literal with words passed straight to a user-visible text sink."""
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Call) and _call_name(node) in SINKS:
            func = node.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in LOGGERS:
                continue
            args = node.args[:1] if _call_name(node) in ONLY_FIRST else [*node.args, *(k.value for k in node.keywords)]
            for arg in args:
                text = _bare_text(arg)
                if text is not None:
                    yield f"{filename}:{node.lineno}: {text!r}"


def test_the_scan_finds_bare_literals_and_accepts_wrapped_ones() -> None:
    bad = 'label.setText("Hello")\nQAction(f"Hide {name}", self)\nbar.showMessage("Saved: " + what)\n'
    good = 'label.setText(self.tr("Hello"))\nQAction(self.tr("Hide {n}").format(n=name))\nQLabel(f"<b>{t}</b>")\nb.setText("✕")\n'
    assert len(list(untranslated_literals(bad, "bad.py"))) == 3
    assert list(untranslated_literals(good, "good.py")) == []


def test_no_user_visible_literal_in_gui_bypasses_tr() -> None:
    found = [
        hit
        for path in sorted(GUI.rglob("*.py"))
        if path.name not in NOT_WINDOW_TEXT
        for hit in untranslated_literals(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert found == [], "wrap these in self.tr() / QCoreApplication.translate():\n" + "\n".join(found)


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_german_catalogue_is_complete_and_keeps_placeholders() -> None:
    messages = _messages(TRANSLATIONS / "triage_de.ts")
    assert len(messages) > 200
    missing, broken = [], []
    for (context, source), message in messages.items():
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") == "unfinished" or not all(forms):
            missing.append(f"{context}: {source}")
            continue
        wanted = set(re.findall(r"\{[a-z_]*\}", source))
        for form in forms:
            if set(re.findall(r"\{[a-z_]*\}", form)) != wanted:
                broken.append(f"{context}: {source!r} -> {form!r}")
        if ("%n" in source) != ("%n" in forms[-1]):  # the singular may say "one" instead of %n; the plural may not
            broken.append(f"{context}: {source!r} -> {forms[-1]!r}")
    assert missing == [], "untranslated (run tools/update_translations.py, then translate):\n" + "\n".join(missing)
    assert broken == [], "placeholders differ:\n" + "\n".join(broken)


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None and not Path(sys.executable).with_name("pyside6-lupdate").exists(),
                    reason="pyside6-lupdate is not installed")
def test_catalogue_holds_every_string_of_the_gui(tmp_path: Path) -> None:
    """The .ts is regenerated from the current code: every tr() text must already be in it."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in sorted(GUI.rglob("*.py"))]
    subprocess.run([str(lupdate if lupdate.exists() else "pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True)
    new = set(_messages(fresh)) - set(_messages(TRANSLATIONS / "triage_de.ts"))
    assert not new, "run tools/update_translations.py and translate:\n" + "\n".join(f"{c}: {s}" for c, s in sorted(new))


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None and not Path(sys.executable).with_name("pyside6-lupdate").exists(),
                    reason="pyside6-lupdate is not installed")
def test_the_update_tool_keeps_the_catalogues_plural_forms(tmp_path: Path) -> None:
    """pyside6-lupdate reads `QCoreApplication.translate(context, text, "", n)` as singular (or leaves it out): run as
    `tools/update_translations.py` runs it, on a copy, the German catalogue must come out with the same messages,
    every plural one still plural and translated."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    committed = TRANSLATIONS / "triage_de.ts"
    copy = tmp_path / "triage_de.ts"
    copy.write_text(committed.read_text(encoding="utf-8"), encoding="utf-8")
    plurals = tool.plural_messages(copy.read_text(encoding="utf-8"))
    assert len(plurals) >= 15
    subprocess.run([tool.tool("pyside6-lupdate"), "-locations", "none", "-no-obsolete", "-target-language", "de",
                    *tool.sources(), "-ts", str(copy)], check=True, capture_output=True, cwd=ROOT)
    lupdate_only = _messages(copy)
    assert any(key not in lupdate_only or lupdate_only[key].get("numerus") != "yes" for key in plurals)  # why the tool restores
    copy.write_text(tool.restore_plurals(copy.read_text(encoding="utf-8"), plurals, tool._in_sources()), encoding="utf-8")
    restored, before = _messages(copy), _messages(committed)
    assert set(restored) == set(before)
    assert {key for key, m in restored.items() if m.get("numerus") == "yes"} == set(plurals)
    assert tool.unfinished(copy) == []


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    installed = i18n.install_translators(qapp, QLocale("de_DE"))
    QLocale.setDefault(QLocale("de_DE"))
    yield
    i18n.remove_translators(qapp, installed)
    QLocale.setDefault(before)


def test_language_comes_from_triage_lang_else_the_system() -> None:
    assert i18n.chosen_locale({"TRIAGE_LANG": "de_DE"}).language() == QLocale.Language.German
    assert i18n.chosen_locale({"TRIAGE_LANG": "fr"}).language() == QLocale.Language.French
    assert i18n.chosen_locale({}).name() == QLocale.system().name()
    assert i18n.catalogue_name(QLocale("de_AT")) == "translations/triage_de.qm"
    assert i18n.catalogue_name(QLocale("ja_JP")) is None


def test_english_plurals_come_from_the_english_catalogue(qapp: QApplication) -> None:
    installed = i18n.install_translators(qapp, QLocale("en_GB"))
    try:
        translate = QCoreApplication.translate
        assert translate("ExportDialog", "%n document(s)", "", 1) == "1 document"
        assert translate("ExportDialog", "%n document(s)", "", 3) == "3 documents"
    finally:
        i18n.remove_translators(qapp, installed)


def test_removal_reasons_are_translated_on_display(german: None) -> None:
    assert i18n.removal_reason("navigation") == "Navigation"
    assert i18n.removal_reason(None) == "vom Bereiniger entfernt"
    assert i18n.removal_reason("site template: seen on 3 other pages of example.org") == (
        "Website-Vorlage: auf 3 anderen Seiten von example.org gesehen"
    )
    assert i18n.removal_reason("something new") == "something new"  # unknown text is shown as it is


def test_window_speaks_german_with_the_german_translator(german: None, make_window: Any, pages: list[Path]) -> None:
    make_window.populate(pages)
    window = make_window()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Datei", "&Bearbeiten", "&Ansicht", "D&okument", "&Hilfe"]
    toolbar = [action.text() for action in window.toolbar.actions() if not action.isSeparator()]
    assert "&Relevant" in toolbar and "&Vielleicht" in toolbar and "&Nicht relevant" in toolbar
    assert window.action("undo").toolTip().startswith("Die letzte Triage-Entscheidung")
    assert window.filter_bar.clear_button.text() == "Filter zurücksetzen"
    assert window.filter_bar.relevance.itemText(0) == "Jede Relevanz"
    assert window.documents.headerData(2, Qt.Orientation.Horizontal) == "Titel"
    assert window.status_line.text().startswith("3 von 3 · 3 ungeprüft")
    assert window.reader_pane.toggle_original_action.text() == "&Original zeigen"
    assert window.reader_pane.side_panel.entity_view.accessibleName() == "Entitäten dieses Dokuments"
    assert window.reader_pane.legend.buttons["PLACE"].text() == "\u2713 ORT"  # entity type codes too
    texts = [a.text() for a in window.findChildren(QAction)] + [w.text() for w in window.findChildren(QAbstractButton)]
    english = [t for t in texts if t in {"&File", "&Edit", "&View", "&Help", "Clear filters", "Cancel", "Show &Original"}]
    assert english == []


def test_core_progress_messages_are_translated_on_display(german: None) -> None:
    assert i18n.progress_text("Found 1 file") == "1 Datei gefunden"
    assert i18n.progress_text("Found 12 files") == "12 Dateien gefunden"
    assert i18n.progress_text("Annotating 1–8 of 40…") == "Annotiere 1–8 von 40…"
    assert i18n.progress_text("Wrote briefing.md") == "briefing.md geschrieben"
    assert i18n.progress_text("Cancelled") == "Abgebrochen"
    assert i18n.progress_text("a.html: duplicate of #3") == "a.html: duplicate of #3"  # unknown: as it is


def test_the_composition_root_installs_the_language_of_triage_lang(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from triage_app.gui import app as gui_app
    from triage_app.gui.dialogs.error_dialog import KnownErrorDialog

    titles: list[str] = []
    monkeypatch.setattr(KnownErrorDialog, "ask", classmethod(lambda cls, parent, message, title="": titles.append(title)))
    monkeypatch.setenv("TRIAGE_LANG", "de")
    before = QLocale()
    folder = tmp_path / "a-folder-not-a-file"
    folder.mkdir()
    try:
        assert gui_app.main(["--library", str(folder)]) == 1
    finally:
        QLocale.setDefault(before)
    assert titles == ["Triage kann die Bibliothek nicht öffnen"]
    assert QCoreApplication.translate("MainWindow", "Nothing to undo.") == "Nothing to undo."  # removed again
