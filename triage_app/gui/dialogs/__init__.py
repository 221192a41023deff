"""Dialogs of the triage window; each has an `ask()` classmethod that tests monkeypatch."""
