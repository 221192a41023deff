"""A small made collection for prioritised-review tests: documents about boats (relevant) or money."""

from __future__ import annotations

import random
from typing import Any

BOATS = ["harbour", "sail", "yacht", "keel", "mast", "regatta", "anchor", "skipper", "hull", "marina", "ferry", "tide"]
MONEY = ["budget", "inflation", "bank", "interest", "loan", "bond", "market", "shares", "investor", "tax", "deficit", "currency"]
FILLER = ["the", "report", "said", "people", "week", "city", "council", "new", "year", "time", "area", "local", "group", "plan"]


def collection(n: int = 120, share: float = 0.2, seed: int = 3) -> list[dict[str, Any]]:
    """Documents about boats (relevant, ~`share` of them) or money, with common filler words."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        topic = BOATS if i % int(1 / share) == 0 else MONEY
        words = [rng.choice(topic if rng.random() < 0.3 else FILLER) for _ in range(60)]
        docs.append({"id": f"d{i}", "title": " ".join(rng.choice(topic) for _ in range(3)), "text": " ".join(words),
                     "labels": ["boats" if topic is BOATS else "money"]})
    return docs
