"""Which relevance decisions count as reviewed and as relevant (shared by the model and the estimate).

A module of its own so the estimate, and the commands that only need its defaults, do not load the
model's scikit-learn and SciPy (about half a second)."""

from __future__ import annotations

POSITIVE = frozenset({"relevant", "maybe"})
"""Decisions that count as relevant for training and for the estimate of what is left."""
REVIEWED = frozenset({"relevant", "maybe", "not-relevant"})
"""Decisions that count as reviewed."""

UNRANKED = 2**63 - 1
"""The rank of a document the model has not scored yet (`numpy.iinfo(numpy.int64).max`): sorted last. Here, not in
`session`, so that the list model can import it without the model's libraries (scikit-learn and SciPy take about
0.8 s to import, on the window's start-up path)."""
