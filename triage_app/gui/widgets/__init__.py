"""Widgets of the triage window: filter bar, status line, progress, shortcut overlay, banner."""
