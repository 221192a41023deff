"""Main-content extraction with block provenance.

Interface used by the rest of Triage:
- `clean_document(doc, *, template=None) -> CleanResult`
- `CLEAN_ENGINE`: name and version of the cleaner, stored with each result.
"""

from __future__ import annotations

from triage_app.core.clean.engine import CLEAN_ENGINE, clean_document, clean_text
from triage_app.core.clean.templates import SiteTemplate

__all__ = ["CLEAN_ENGINE", "SiteTemplate", "clean_document", "clean_text"]
