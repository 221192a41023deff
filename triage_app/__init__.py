"""Triage: a desktop document-triage application for offline analysts."""

__version__ = "0.1.0"
