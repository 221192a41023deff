"""Every command of the window as a QAction: text, key, tooltip naming the key, and its menu."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class ActionSpec:
    """One command: its name, menu text, keys (first one shown), what it does, and its menu."""

    name: str
    text: str
    keys: tuple[str, ...]
    tip: str
    menu: str  # "file" | "edit" | "view" | "document" | "help"
    checkable: bool = False


ACTION_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("import", "&Import…", ("Ctrl+O",), "Import files, folders or zips (or drop them on the window)", "file"),
    ActionSpec("import_folder", "Import &folder…", ("Ctrl+Shift+O",), "Import every page in a folder and its subfolders", "file"),
    ActionSpec("export", "&Export packet…", ("Ctrl+E",), "Export the listed documents as a briefing packet", "file"),
    ActionSpec("quit", "&Quit", ("Ctrl+Q",), "Close Triage (every decision is already saved)", "file"),
    ActionSpec("undo", "&Undo last decision", ("Ctrl+Z",), "Undo the last triage decision", "edit"),
    ActionSpec("search", "&Search", ("/",), "Go to the search box", "edit"),
    ActionSpec("select_all", "Select &all", ("Ctrl+A",), "Select every listed document", "edit"),
    ActionSpec("clear_filters", "&Clear filters", ("Ctrl+Shift+L",), "Show every document again", "view"),
    ActionSpec("toggle_reader", "Show &reader", ("F9",), "Show or hide the reader beside the list", "view", True),
    ActionSpec("relevant", "&Relevant", ("1",), "Mark the selected documents relevant", "document"),
    ActionSpec("maybe", "&Maybe", ("2",), "Mark the selected documents maybe", "document"),
    ActionSpec("not_relevant", "&Not relevant", ("3",), "Mark the selected documents not relevant", "document"),
    ActionSpec("unreviewed", "&Unreviewed", ("0",), "Mark the selected documents unreviewed again", "document"),
    ActionSpec("star", "&Star", ("S",), "Star or unstar the selected documents", "document"),
    ActionSpec("tag", "&Tags…", ("T",), "Edit the tags of the selected documents", "document"),
    ActionSpec("note", "N&ote…", ("N",), "Write a note on the selected documents", "document"),
    ActionSpec("what_changed", "&What changed…", ("Ctrl+D",), "Compare with another capture of the URL, the cluster's representative, or the other selected document", "document"),
    ActionSpec("apply_to_copies", "Decisions apply to &copies", ("Ctrl+Shift+C",), "Relevance and star also go to every near-identical copy (one undo undoes all)", "document", True),
    ActionSpec("next", "Ne&xt document", ("J",), "Go to the next document in the list", "document"),
    ActionSpec("previous", "&Previous document", ("K",), "Go to the previous document in the list", "document"),
    ActionSpec("next_unreviewed", "Next un&reviewed", ("U",), "Go to the next unreviewed document", "document"),
    ActionSpec("shortcuts", "&Keyboard shortcuts", ("?", "F1"), "Show every keyboard shortcut", "help"),
    ActionSpec("about", "&About Triage", (), "Version and licence", "help"),
)

TOOLBAR: tuple[str | None, ...] = (
    "relevant", "maybe", "not_relevant", "unreviewed", None, "star", "tag", "note", None,
    "previous", "next", "next_unreviewed", None, "undo", None, "import",
)  # fmt: skip
"""Actions on the toolbar, in order; None is a separator."""

MENUS: tuple[tuple[str, str], ...] = (
    ("file", "&File"),
    ("edit", "&Edit"),
    ("view", "&View"),
    ("document", "&Document"),
    ("help", "&Help"),
)


def key_text(spec: ActionSpec) -> str:
    """The keys of an action as shown to people ('? or F1')."""
    shown = [QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in spec.keys]
    return " or ".join(shown)


def build_actions(parent: QWidget) -> dict[str, QAction]:
    """Create every action, owned by `parent`, with its keys and a tooltip that names them."""
    actions: dict[str, QAction] = {}
    for spec in ACTION_SPECS:
        action = QAction(spec.text, parent)
        action.setObjectName(f"action_{spec.name}")
        if spec.keys:
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
            action.setToolTip(f"{spec.tip} ({key_text(spec)})")
        else:
            action.setToolTip(spec.tip)
        action.setStatusTip(spec.tip)
        action.setCheckable(spec.checkable)
        actions[spec.name] = action
    return actions


OVERLAY_ORDER = ("document", "edit", "view", "file", "help")


def shortcut_entries() -> list[tuple[str, str]]:
    """(keys, description) of every action with a key, triage keys first, for the overlay."""
    specs = sorted((s for s in ACTION_SPECS if s.keys), key=lambda s: OVERLAY_ORDER.index(s.menu))
    return [(key_text(s), s.tip) for s in specs]
