"""`python -m triage_app.bench nlp`: spaCy alone beside Triage on every labelled set, each rule switched off
one at a time, quotes on the hand-labelled set and on polnear-dev (with its own scorer), and speed.

Entity sets: `bench/nlp_gold/gold.json` (12 texts; the rules were written while looking at it, so it is a
development set), every `*.json` in `bench/entity_gold/` (wceb-dev passages of other kinds of page: the whole
set, then per source subset) and every `*/ontonotes.jsonl` under the evaluation folder or given with
`--entity-gold`.
Each is scored exact (span and type) and folded (leading "the", "about", "more than" and trailing "'s", "."
ignored), per label, with n (gold mentions).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from triage_app.bench import _entity_gold
from triage_app.bench._nlp_foreign import print_french, score_french
from triage_app.bench._nlp_score import score_quotes, score_spans
from triage_app.core.nlp.rules import ALL_RULES, DEFAULT_RULES, RULE_NAMES, Rules
from triage_app.core.records import SHOWN_ENTITY_LABELS

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = ROOT / "bench" / "nlp_gold" / "gold.json"
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_ENTITY_GOLD = ROOT / "bench" / "entity_gold"


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("nlp", help="spaCy alone vs Triage per label and set, rule ablation, quotes, speed")
    p.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold JSON (default: bench/nlp_gold/gold.json)")
    p.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL, help="evaluation folder (polnear-dev, ontonotes)")
    p.add_argument("--entity-gold", type=Path, action="append", default=[], help="more entity gold (JSONL)")
    p.add_argument("--entity-gold-dir", type=Path, default=DEFAULT_ENTITY_GOLD,
                   help="folder of one-JSON-per-text entity gold (default: bench/entity_gold)")
    p.add_argument("--limit", type=int, default=0, help="only the first N documents of each set (quick runs)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--errors", action="store_true", help="also list the default pipeline's misses and false alarms")
    p.add_argument("--min-seconds", type=float, default=3.0, help="time the engine for at least this long")
    p.set_defaults(run=run)


def _one_core() -> None:
    """Keep numeric libraries to one thread so words/s is a per-core figure."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def _entity_sets(args: argparse.Namespace, items: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    sets = [(f"nlp_gold (dev, {len(items)} texts)", items)]
    if args.entity_gold_dir.is_dir():
        sets += _entity_gold.sections(_entity_gold.load(args.entity_gold_dir))
    paths = list(args.entity_gold)
    if args.eval_dir.is_dir():
        paths += sorted(args.eval_dir.glob("*/ontonotes.jsonl"))
    for path in paths:
        docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        docs = [d for d in docs if "entities" in d]
        sets.append((f"{path.parent.name}/{path.name} ({len(docs)} texts)", docs))
    return sets


def _configs() -> list[tuple[str, Rules]]:
    configs = [("Triage (default rules)", DEFAULT_RULES), ("all rules on", ALL_RULES)]
    for name in RULE_NAMES:
        if getattr(DEFAULT_RULES, name):
            configs.append((f"default without {name}", DEFAULT_RULES.without(name)))
        else:
            configs.append((f"default with {name}", DEFAULT_RULES.with_(name)))
    for name in RULE_NAMES:
        configs.append((f"all rules without {name}", ALL_RULES.without(name)))
    return configs


def _score_entity_set(nlp: Any, docs: list[dict[str, Any]], errors: list[str] | None) -> dict[str, Any]:
    """spaCy alone and every rule configuration on one set (each text parsed once per pipeline input)."""
    from triage_app.core.nlp.entities import extract_entities, mask_dateline
    from triage_app.core.nlp.spans import LABEL_MAP

    texts = [d["text"] for d in docs]
    gold = [{(e["start"], e["end"], e["label"]) for e in d["entities"]} for d in docs]
    from triage_app.core.nlp.paragraph_breaks import PIPE_NAME

    ours = [name for name in nlp.pipe_names if name == PIPE_NAME]
    with nlp.select_pipes(disable=ours):  # the model exactly as spaCy ships it
        alone = [
            {(e.start_char, e.end_char, LABEL_MAP.get(e.label_, e.label_)) for e in parsed.ents}
            for parsed in nlp.pipe(texts)
        ]
    masked = [mask_dateline(t) for t in texts]
    parsed_masked = list(nlp.pipe(m[0] for m in masked))
    rows: dict[str, Any] = {}

    def add(name: str, preds: list[set[tuple[int, int, str]]], errs: list[str] | None = None) -> None:
        quads = [(str(d.get("id", i)), d["text"], g, p) for i, (d, g, p) in enumerate(zip(docs, gold, preds))]
        rows[name] = {"exact": score_spans(quads, folded=False, errors=errs), "folded": score_spans(quads, folded=True)}

    add("spaCy alone", alone)
    for name, rules in _configs():
        preds = [
            {(m.start, m.end, m.label) for m in extract_entities(doc, dl, text, rules)}
            for doc, (_, dl), text in zip(parsed_masked, masked, texts)
        ]
        add(name, preds, errors if name.startswith("Triage") else None)
    return rows


def _polnear(engine: Any, eval_dir: Path, limit: int) -> dict[str, Any] | None:
    """Quotes on polnear-dev, scored by the evaluation's own scorer (the JSON of `annotate --plain --json`)."""
    folder = eval_dir / "polnear-dev"
    scorer = eval_dir / "score_nlp.py"
    if not (folder / "polnear.jsonl").is_file() or not scorer.is_file():
        return None
    from triage_app.commands.nlp_cmds import annotation_json

    files = sorted((folder / "polnear").glob("*.txt"))[: limit or None]
    texts = [f.read_text(encoding="utf-8") for f in files]
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        gold = Path(tmp) / "gold.jsonl"
        stems = {f.stem for f in files}
        gold.write_text(
            "".join(line + "\n" for line in (folder / "polnear.jsonl").read_text(encoding="utf-8").splitlines()
                    if line.strip() and json.loads(line)["id"] in stems),
            encoding="utf-8",
        )
        with pred.open("w", encoding="utf-8") as out:
            for f, text, annotation in zip(files, texts, engine.annotate_many(texts)):
                out.write(json.dumps(annotation_json(str(f), text, annotation, all_labels=False, language="en")) + "\n")
        report = Path(tmp) / "report.json"
        subprocess.run(
            [sys.executable, str(scorer), str(gold), str(pred), "--json", str(report)],
            check=True, capture_output=True, text=True,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    quotes = data["quotes"]
    return {"docs": len(files), "summary": data["summary"], "quotes": quotes}


def run(args: argparse.Namespace) -> int:
    _one_core()
    from triage_app.core.nlp import get_engine

    items = json.loads(args.gold.read_text(encoding="utf-8"))["items"]
    engine = get_engine()
    started = time.perf_counter()
    nlp = engine.load()
    load_seconds = time.perf_counter() - started
    errors: list[str] = []
    entity_sets = {
        name: _score_entity_set(nlp, docs[: args.limit or None], errors if args.errors else None)
        for name, docs in _entity_sets(args, items)
    }
    texts = [item["text"] for item in items]
    annotations = list(engine.annotate_many(texts))
    words = sum(len(re.findall(r"\w+", t)) for t in texts)
    done_words, started, cpu_started = 0, time.perf_counter(), time.process_time()
    while True:
        for _ in engine.annotate_many(texts):
            pass
        done_words += words
        elapsed = time.perf_counter() - started
        if elapsed >= args.min_seconds:
            break
    cpu_seconds = time.process_time() - cpu_started  # one thread: CPU time is about what one core needs
    figures = {
        "engine": engine.name,
        "rules": {name: getattr(DEFAULT_RULES, name) for name in RULE_NAMES},
        "entity_sets": entity_sets,
        "quotes_nlp_gold": score_quotes(list(zip(items, annotations)), errors),
        "polnear_dev": _polnear(engine, args.eval_dir, args.limit),
        "french": score_french(engine),
        "words_per_second": round(done_words / elapsed),
        "words_per_cpu_second": round(done_words / cpu_seconds) if cpu_seconds > 0 else None,
        "model_load_seconds": round(load_seconds, 2),
    }
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        _print(figures)
    if args.errors:
        print("\n".join(errors))
    return 0


def _f(score: dict[str, Any]) -> str:
    return f"{score['f1']:.3f}"


def _print(figures: dict[str, Any]) -> None:
    on = ", ".join(n for n, v in figures["rules"].items() if v) or "none"
    print(f"{figures['engine']}; default rules on: {on}")
    labels = [*SHOWN_ENTITY_LABELS, "all"]
    for set_name, rows in figures["entity_sets"].items():
        n = {label: rows["spaCy alone"]["exact"][label]["gold"] for label in labels}
        print(f"\n== entities, {set_name}: F1 exact / folded, n = gold mentions")
        print(f"| {'pipeline':<34} | " + " | ".join(f"{lab} (n={n[lab]})" for lab in labels) + " |")
        print("| --- | " + " | ".join("---" for _ in labels) + " |")
        for name, score in rows.items():
            cells = [f"{_f(score['exact'][lab])} / {_f(score['folded'][lab])}" for lab in labels]
            print(f"| {name:<34} | " + " | ".join(cells) + " |")
    print("\n== quotes, nlp_gold (dev, 12 texts): P / R / F1, speaker right")
    for kind, s in figures["quotes_nlp_gold"].items():
        print(f"{kind:<10} {s['precision']:.3f} / {s['recall']:.3f} / {s['f1']:.3f}  n={s['gold']}  "
              f"speaker {s['speaker_accuracy']:.3f}")
    pol = figures["polnear_dev"]
    if pol is not None:
        q = pol["quotes"]
        all_attr = q["all"]
        print(f"\n== quotes, polnear-dev (dev, {pol['docs']} articles), ../shared/eval/score_nlp.py")
        print(f"direct+partial F1 {q['direct']['f1']:.3f} (n={q['direct']['gold']})  speaker right "
              f"{q['direct']['speaker_acc']:.3f}  both {q['direct']['with_speaker']['f1']:.3f}")
        indirect = all_attr["recall_by_gold_kind"].get("indirect", {"recall": 0.0, "gold": 0})
        print(f"all attributions precision {all_attr['p']:.3f} (n={all_attr['gold']})  indirect recall "
              f"{indirect['recall']:.3f} (n={indirect['gold']})")
        print(pol["summary"])
    print_french(figures["french"])
    print(f"\nspeed: {figures['words_per_second']} words/s wall clock, {figures['words_per_cpu_second']} words per CPU second "
          f"(one thread; CPU time depends far less than wall clock on other load, though not at all is too much to say) (model load {figures['model_load_seconds']} s)")
