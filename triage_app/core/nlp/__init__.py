"""Entities and quotations: spaCy behind a small interface (`get_engine()`), plus our rules for news text."""

from __future__ import annotations

from triage_app.core.nlp.engine import MODEL_NAME, NlpEngine, SpacyEngine, get_engine

__all__ = ["MODEL_NAME", "NlpEngine", "SpacyEngine", "get_engine"]
