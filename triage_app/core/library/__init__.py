"""The SQLite library: schema, documents, triage state, audit log and search."""

from triage_app.core.library.db import Library

__all__ = ["Library"]
