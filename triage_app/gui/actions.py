"""Every command of the window as a QAction: text, key, tooltip naming the key, its menu, and the toolbar."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar, QWidget

from triage_app.gui.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ActionSpec:
    """One command: its name, menu text, keys (first one shown), what it does, and its menu.

    `text` and `tip` are English source texts (context "Actions"); `build_actions` translates them.
    """

    name: str
    text: str
    keys: tuple[str, ...]
    tip: str
    menu: str  # "file" | "edit" | "view" | "document" | "help"
    checkable: bool = False


ACTION_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("import", QT_TRANSLATE_NOOP("Actions", "&Import…"), ("Ctrl+O",), QT_TRANSLATE_NOOP("Actions", "Import files, folders or zips (or drop them on the window)"), "file"),
    ActionSpec("import_folder", QT_TRANSLATE_NOOP("Actions", "Import &folder…"), ("Ctrl+Shift+O",), QT_TRANSLATE_NOOP("Actions", "Import every page in a folder and its subfolders"), "file"),
    ActionSpec("export", QT_TRANSLATE_NOOP("Actions", "&Export packet…"), ("Ctrl+E",), QT_TRANSLATE_NOOP("Actions", "Export the listed documents as a briefing packet"), "file"),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), ("Ctrl+Q",), QT_TRANSLATE_NOOP("Actions", "Close Triage (every decision is already saved)"), "file"),
    ActionSpec("undo", QT_TRANSLATE_NOOP("Actions", "&Undo last decision"), ("Ctrl+Z",), QT_TRANSLATE_NOOP("Actions", "Undo the last triage decision"), "edit"),
    ActionSpec("search", QT_TRANSLATE_NOOP("Actions", "&Search"), ("/",), QT_TRANSLATE_NOOP("Actions", "Go to the search box"), "edit"),
    ActionSpec("select_all", QT_TRANSLATE_NOOP("Actions", "Select &all"), ("Ctrl+A",), QT_TRANSLATE_NOOP("Actions", "Select every listed document"), "edit"),
    ActionSpec("clear_filters", QT_TRANSLATE_NOOP("Actions", "&Clear filters"), ("Ctrl+Shift+L",), QT_TRANSLATE_NOOP("Actions", "Show every document again"), "view"),
    ActionSpec("toggle_reader", QT_TRANSLATE_NOOP("Actions", "Show &reader"), ("F9",), QT_TRANSLATE_NOOP("Actions", "Show or hide the reader beside the list"), "view", True),
    ActionSpec("relevant", QT_TRANSLATE_NOOP("Actions", "&Relevant"), ("1",), QT_TRANSLATE_NOOP("Actions", "Mark the selected documents relevant"), "document"),
    ActionSpec("maybe", QT_TRANSLATE_NOOP("Actions", "&Maybe"), ("2",), QT_TRANSLATE_NOOP("Actions", "Mark the selected documents maybe"), "document"),
    ActionSpec("not_relevant", QT_TRANSLATE_NOOP("Actions", "&Not relevant"), ("3",), QT_TRANSLATE_NOOP("Actions", "Mark the selected documents not relevant"), "document"),
    ActionSpec("unreviewed", QT_TRANSLATE_NOOP("Actions", "&Unreviewed"), ("0",), QT_TRANSLATE_NOOP("Actions", "Mark the selected documents unreviewed again"), "document"),
    ActionSpec("star", QT_TRANSLATE_NOOP("Actions", "&Star"), ("S",), QT_TRANSLATE_NOOP("Actions", "Star or unstar the selected documents"), "document"),
    ActionSpec("tag", QT_TRANSLATE_NOOP("Actions", "&Tags…"), ("T",), QT_TRANSLATE_NOOP("Actions", "Edit the tags of the selected documents"), "document"),
    ActionSpec("note", QT_TRANSLATE_NOOP("Actions", "N&ote…"), ("N",), QT_TRANSLATE_NOOP("Actions", "Write a note on the selected documents"), "document"),
    ActionSpec("what_changed", QT_TRANSLATE_NOOP("Actions", "&What changed…"), ("Ctrl+D",), QT_TRANSLATE_NOOP("Actions", "Compare with another capture of the URL, the cluster's representative, or the other selected document"), "document"),
    ActionSpec("apply_to_copies", QT_TRANSLATE_NOOP("Actions", "Decisions apply to &copies"), ("Ctrl+Shift+C",), QT_TRANSLATE_NOOP("Actions", "Relevance and star also go to every near-identical copy (one undo undoes all)"), "document", True),
    ActionSpec("history", QT_TRANSLATE_NOOP("Actions", "&History…"), ("H",), QT_TRANSLATE_NOOP("Actions", "Show the current document's audit log, with where each change came from"), "document"),
    ActionSpec("next", QT_TRANSLATE_NOOP("Actions", "Ne&xt document"), ("J",), QT_TRANSLATE_NOOP("Actions", "Go to the next document in the list"), "document"),
    ActionSpec("previous", QT_TRANSLATE_NOOP("Actions", "&Previous document"), ("K",), QT_TRANSLATE_NOOP("Actions", "Go to the previous document in the list"), "document"),
    ActionSpec("next_unreviewed", QT_TRANSLATE_NOOP("Actions", "Next un&reviewed"), ("U",), QT_TRANSLATE_NOOP("Actions", "Go to the next unreviewed document"), "document"),
    ActionSpec("remove", QT_TRANSLATE_NOOP("Actions", "Re&move from library…"), ("Del",), QT_TRANSLATE_NOOP("Actions", "Remove the selected documents from the library (asks first; Ctrl+Z brings them back)"), "document"),
    ActionSpec("shortcuts", QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"), ("?", "F1"), QT_TRANSLATE_NOOP("Actions", "Show every keyboard shortcut"), "help"),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "&About Triage"), (), QT_TRANSLATE_NOOP("Actions", "Version and licence"), "help"),
)

TOOLBAR: tuple[str | None, ...] = (
    "relevant", "maybe", "not_relevant", "unreviewed", None, "star", "tag", "note", None,
    "previous", "next", "next_unreviewed", None, "undo", None, "import",
)  # fmt: skip
"""Actions on the toolbar, in order; None is a separator."""

MENUS: tuple[tuple[str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("Actions", "&File")),
    ("edit", QT_TRANSLATE_NOOP("Actions", "&Edit")),
    ("view", QT_TRANSLATE_NOOP("Actions", "&View")),
    ("document", QT_TRANSLATE_NOOP("Actions", "&Document")),
    ("help", QT_TRANSLATE_NOOP("Actions", "&Help")),
)

SEPARATED_AFTER = ("export", "select_all", "unreviewed", "note", "toggle_reader", "next_unreviewed")
"""Actions followed by a separator in their menu."""


def key_text(spec: ActionSpec) -> str:
    """The keys of an action as shown to people ('? or F1')."""
    shown = [QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in spec.keys]
    return QCoreApplication.translate("Actions", " or ").join(shown)


def translated(text: str) -> str:
    """An action's text or tip, or a menu title, in the user's language."""
    return QCoreApplication.translate("Actions", text)


def build_actions(parent: QWidget) -> dict[str, QAction]:
    """Create every action, owned by `parent`, with its keys and a tooltip that names them."""
    actions: dict[str, QAction] = {}
    for spec in ACTION_SPECS:
        action = QAction(translated(spec.text), parent)
        action.setObjectName(f"action_{spec.name}")
        if spec.keys:
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
            action.setToolTip(f"{translated(spec.tip)} ({key_text(spec)})")
        else:
            action.setToolTip(translated(spec.tip))
        action.setStatusTip(translated(spec.tip))
        action.setCheckable(spec.checkable)
        actions[spec.name] = action
    return actions


OVERLAY_ORDER = ("document", "edit", "view", "file", "help")


def shortcut_entries() -> list[tuple[str, str]]:
    """(keys, description) of every action with a key, triage keys first, for the overlay."""
    specs = sorted((s for s in ACTION_SPECS if s.keys), key=lambda s: OVERLAY_ORDER.index(s.menu))
    return [(key_text(s), translated(s.tip)) for s in specs]


def add_menus_and_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    """Fill the window's menu bar and add its toolbar (returned); `actions` is what `build_actions` made.

    The toolbar's own texts keep the window's translation context ("MainWindow"), where the catalogue has them.
    """
    menus = {key: window.menuBar().addMenu(translated(title)) for key, title in MENUS}
    for spec in ACTION_SPECS:
        menus[spec.menu].addAction(actions[spec.name])
        if spec.name in SEPARATED_AFTER:
            menus[spec.menu].addSeparator()
    toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Triage toolbar"))
    toolbar.setObjectName("triage_toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for name in TOOLBAR:
        if name is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[name])
    window.addToolBar(toolbar)
    toolbar.setAccessibleName(toolbar.windowTitle())
    more = toolbar.findChild(QWidget, "qt_toolbar_ext_button")  # Qt's ">>" for buttons that do not fit
    if more is not None:
        more.setAccessibleName(QCoreApplication.translate("MainWindow", "More toolbar buttons"))
    return toolbar
