"""`python -m triage_app.bench clean [SET ...]`: the cleaner against trafilatura on every page set.

Every set under `../shared/eval/` (a folder with `ground-truth.json` and `html/`), or the sets named,
in one run. Per HTML set: Triage, trafilatura with exactly the options Triage passes it (imported from
the cleaner, one source), trafilatura with only `include_comments=False` (the issue's acceptance
baseline), trafilatura with its defaults, and any `--options` variant, all in the same process on the same pages,
so the timing ratio holds on a busy machine; before each timed call trafilatura's memo caches of text
lines are emptied, so no row is timed with the lines an earlier row of the same page left there. A set
with dumps (its `dumps/`, or `--dumps DIR`) also gets text rows: Triage on the dump, jusText on the
dump's lines (the library baseline, `_dump_baseline.py`) and the raw dump; the same for the dump
hard-wrapped at 72 columns; with `--mode pdf`, the PDF rows on the pages printed to PDF (`_pdf_rows.py`).
`--ablate` switches the cleaner's rules off one at a time and counts the
pages each rule flips (both directions). `--pseudo-language` runs all of it on the pages, expected texts and
dumps with every English word turned into a made-up language's (`_pseudo_language.py`): the lead that
remains is the part that does not rest on English words. The metric is the acceptance scorer's (`_clean_score.py`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from triage_app.bench._clean_flips import ablate_set, versus
from triage_app.bench._clean_score import (
    DEFAULT_ROOT,
    Page,
    Score,
    load_pages,
    page_f1,
    page_ids,
    page_scores,
    pick_sets,
)
from triage_app.bench._clean_tables import (
    ABLATION_MARKERS,
    TABLE_MARKERS,
    VERSUS_MARKERS,
    ablation_table,
    markdown_table,
    versus_table,
    write_between_markers,
)

ACCEPTANCE_OPTIONS: dict[str, Any] = {"include_comments": False}
"""trafilatura as the acceptance sets were scored with it: comments off, everything else its default."""
JUSTEXT_ROW = "justext, the dump's lines"
"""The library baseline of the text rows (`_dump_baseline.py`)."""


def _forget_page_texts() -> None:
    """Empty trafilatura's memo caches of text lines (`trim`, `line_processing`).

    Every row of a page runs trafilatura on the same markup: without this, the rows timed after the
    first find the page's lines already in those caches (measured: trafilatura's median on cleaneval
    6.45 ms right after Triage's call, 7.21 ms without its entries), which never happens to a page
    imported once. Each timed call starts without the previous row's entries for this page."""
    from trafilatura import utils

    utils.trim.cache_clear()
    utils.line_processing.cache_clear()


def _timed(fn: Callable[[], str | None]) -> tuple[str, float]:
    _forget_page_texts()
    started = time.perf_counter()
    try:
        out = fn()
    except Exception:  # noqa: BLE001 - a crash scores as an empty extraction
        out = ""
    return out or "", (time.perf_counter() - started) * 1000


def _timed_in_turn(calls: Sequence[Callable[[], str | None]], flip: bool) -> list[tuple[str, float]]:
    """Each call's output and time (`_timed`), in the order given, run in reverse order when `flip`.

    A call made right after another on the same page runs faster (the page and the extractor's code are
    in the CPU's caches then): with Triage always first, its median ratio to trafilatura's on dragnet was
    1.52-1.53 where trafilatura first gave 1.48-1.49 (same pages, same run). Alternating the order page by
    page gives neither method the second place on every page."""
    order = list(reversed(range(len(calls)))) if flip else list(range(len(calls)))
    results: dict[int, tuple[str, float]] = {}
    for n in order:
        results[n] = _timed(calls[n])
    return [results[n] for n in range(len(calls))]


def hard_wrap(text: str, width: int = 72) -> str:
    """A dump as "save as text" / mail writes it: every line wrapped at `width` columns."""
    import textwrap

    return "\n".join(textwrap.fill(line, width) if line.strip() else "" for line in text.splitlines())


def parse_options(text: str) -> dict[str, Any]:
    """`"fast=True,favor_recall=1"` as trafilatura keyword arguments (booleans, numbers or words)."""
    options: dict[str, Any] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"not KEY=VALUE: {part!r}")
        low = value.strip().lower()
        options[key.strip()] = (
            low in ("true", "1", "yes") if low in ("true", "false", "1", "0", "yes", "no") else
            int(low) if low.isdigit() else value.strip()
        )
    return options


def options_label(options: dict[str, Any]) -> str:
    """A row name for trafilatura called with `options`."""
    return "trafilatura, " + (", ".join(f"{k}={v}" for k, v in options.items()) or "defaults")


def effective_options(options: dict[str, Any]) -> dict[str, Any]:
    """`options` with trafilatura's own defaults filled in, so two calls that are the same compare equal."""
    import inspect

    import trafilatura

    defaults = {k: p.default for k, p in inspect.signature(trafilatura.extract).parameters.items()
                if p.default is not inspect.Parameter.empty}
    return {**defaults, **options}


def run_set(name: str, pages: list[Page], *, modes: set[str],
            variants: list[dict[str, Any]] | None = None) -> list[tuple[str, list[Score]]]:
    """Score the methods on one set: [(set label, scores)], the HTML rows then the dump rows."""
    import trafilatura

    from triage_app.bench._dump_baseline import justext_dump
    from triage_app.bench._pdf_rows import pdf_scores
    from triage_app.core.clean import clean_document
    from triage_app.core.clean.html_prepare import TRAFILATURA_OPTIONS
    from triage_app.core.records import ParsedDocument

    ours, traf_ours, traf_default = Score("triage"), Score("trafilatura, triage's options"), Score("trafilatura, defaults")
    acceptance = Score(options_label(ACCEPTANCE_OPTIONS))
    # Calls that are the same as Triage's are not made twice: the row shares that call's output and time.
    same_as_ours = effective_options(ACCEPTANCE_OPTIONS) == effective_options(TRAFILATURA_OPTIONS)
    extra = [(options, Score(options_label(options))) for options in variants or []]
    text, text_lib, raw = Score("triage"), Score(JUSTEXT_ROW), Score("raw dump")
    wrapped_text, wrapped_lib, wrapped_raw = Score("triage"), Score(JUSTEXT_ROW), Score("raw dump")
    for index, page in enumerate(pages):
        html = page.html
        flip = index % 2 == 1  # each method goes first on half the pages (`_timed_in_turn`)
        if "html" in modes:
            doc = ParsedDocument(page.page_id, b"", "html", "utf-8", html=html)
            calls: list[tuple[Score, Callable[[], str | None]]] = [
                (ours, lambda doc=doc: clean_document(doc).text),  # type: ignore[misc]
                (traf_ours, lambda html=html: trafilatura.extract(html, **TRAFILATURA_OPTIONS)),  # type: ignore[misc]
            ]
            if not same_as_ours:
                calls.append((acceptance, lambda html=html: trafilatura.extract(html, **ACCEPTANCE_OPTIONS)))  # type: ignore[misc]
            calls.append((traf_default, lambda html=html: trafilatura.extract(html)))  # type: ignore[misc]
            calls += [(score, lambda html=html, options=options: trafilatura.extract(html, **options))  # type: ignore[misc]
                      for options, score in extra]
            for (score, _), (out, ms) in zip(calls, _timed_in_turn([fn for _, fn in calls], flip)):
                score.add(page.page_id, page.truth, out, ms)
                if same_as_ours and score is traf_ours:
                    acceptance.add(page.page_id, page.truth, out, ms)
        if "text" in modes and page.dump is not None:
            for dump, (mine, lib, as_is) in ((page.dump, (text, text_lib, raw)),
                                             (hard_wrap(page.dump), (wrapped_text, wrapped_lib, wrapped_raw))):
                dump_doc = ParsedDocument(page.page_id, b"", "text", "utf-8", text=dump)
                timed = _timed_in_turn([lambda doc=dump_doc: clean_document(doc).text,  # type: ignore[misc]
                                        lambda dump=dump: justext_dump(dump)], flip)  # type: ignore[misc]
                for score, (out, ms) in zip((mine, lib), timed):
                    score.add(page.page_id, page.truth, out, ms)
                as_is.add(page.page_id, page.truth, dump, 0.0)
    result = []
    if ours.pages:
        result.append((name, [ours, traf_ours, acceptance, traf_default, *(score for _, score in extra)]))
    if text.pages:
        result.append((f"{name} dumps", [text, text_lib, raw]))
        result.append((f"{name} dumps wrapped at 72", [wrapped_text, wrapped_lib, wrapped_raw]))
    if "pdf" in modes and (pdf_rows := pdf_scores(pages, _timed))[0].pages:
        result.append((f"{name} printed to PDF", pdf_rows))
    return result


def run(root: Path, names: list[str], *, limit: int = 0, modes: set[str] | None = None, ablate: bool = False,
        worst: int = 0, variants: list[dict[str, Any]] | None = None, dumps: Path | None = None,
        pseudo_language: bool = False) -> list[dict[str, Any]]:
    """Figures of every picked set: [{"set", "rows", "ablation"?, "worst"?}]; dumps from `dumps/<set>/` when given;
    with `pseudo_language`, of the pages in the made-up language (`_pseudo_language.disguise`), the set named so."""
    from triage_app.bench._pseudo_language import disguise

    results: list[dict[str, Any]] = []
    for name, folder in pick_sets(root, names).items():
        pages = load_pages(folder, page_ids(folder, limit), dumps)
        if pseudo_language:
            disguised = [d for page in pages if (d := disguise(page)) is not None]
            print(f"{name}: {len(pages) - len(disguised)} pages lxml cannot parse left out", file=sys.stderr, flush=True)
            name, pages = f"{name} (pseudo-language)", disguised
        print(f"{name}: {len(pages)} pages", file=sys.stderr, flush=True)
        for label, scores in run_set(name, pages, modes=modes or {"html", "text"}, variants=variants):
            item: dict[str, Any] = {"set": label, "rows": [s.summary() for s in scores], "versus": versus(scores)}
            if worst:
                item["worst"] = [{"page": p, "f1": round(f, 3)} for p, f in scores[0].worst(worst)]
            results.append(item)
        if ablate and (modes is None or "html" in modes):
            next(r for r in results if r["set"] == name)["ablation"] = ablate_set(pages)
    return results


def _run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    modes = {"html", "text"} if args.mode == "both" else {args.mode}
    if args.pseudo_language and (args.out or "pdf" in modes):
        print("--pseudo-language rewrites pages and dumps, not PDF prints, and its tables are not written with --out")
        return 2
    try:
        variants = [parse_options(text) for text in args.options or []]
        results = run(root, args.sets, limit=args.limit, modes=modes, ablate=args.ablate, worst=args.worst, variants=variants,
                      dumps=Path(args.dumps) if args.dumps else None, pseudo_language=args.pseudo_language)
    except (LookupError, ValueError) as exc:
        print(exc)
        return 2
    if not results:
        print(f"no page sets (ground-truth.json + html/) under {root}")
        return 2
    for out in args.out or []:  # with --json too: the figures printed and the tables written are of one run
        write_between_markers(Path(out), TABLE_MARKERS, markdown_table(results))
        write_between_markers(Path(out), VERSUS_MARKERS, versus_table(results))
        if args.ablate:
            write_between_markers(Path(out), ABLATION_MARKERS, ablation_table(results))
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(markdown_table(results))
    print()
    print(versus_table(results))
    if args.ablate:
        print()
        print(ablation_table(results))
    for item in results:
        for row in item["worst"] if args.worst else []:
            print(f"worst {item['set']}: {row['page'][:16]} F1 {row['f1']:.3f}")
    return 0


def register(subparsers: Any) -> None:
    """Add the `clean` benchmark."""
    p = subparsers.add_parser("clean", help="precision/recall/F1 and speed of the cleaner against trafilatura, per page set")
    p.add_argument("sets", nargs="*", metavar="SET", help="set names below --root (e.g. aeb-dev, cleaneval) or folders; default all")
    p.add_argument("--root", default=str(DEFAULT_ROOT), help="folder holding the page sets (default ../shared/eval)")
    p.add_argument("--mode", choices=["html", "text", "pdf", "both"], default="both",
                   help="pages, text dumps, PDF prints (`make-dumps --pdf`), or pages and dumps (default)")
    p.add_argument("--limit", type=int, default=0, metavar="N", help="a seeded sample of N pages per set, for quick runs")
    p.add_argument("--ablate", action="store_true", help="also switch each cleaner rule off and count the pages it flips")
    p.add_argument("--worst", type=int, default=0, metavar="N", help="also list the N worst pages of each set")
    p.add_argument("--options", action="append", metavar="K=V,...",
                   help="also run trafilatura with these options (e.g. include_comments=False,fast=True); repeatable")
    p.add_argument("--dumps", metavar="DIR", help="read each set's text dumps from DIR/<set>/<id>.txt (made by `make-dumps`)")
    p.add_argument("--pseudo-language", action="store_true",
                   help="rewrite every English word of the pages, expected texts and dumps into a made-up language first")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--out", action="append", metavar="FILE",
                   help="also write the tables between the clean bench markers of FILE (README.md, docs/cleaning.md)")
    p.set_defaults(run=_run)


__all__ = ["Score", "page_f1", "page_scores", "register", "run", "run_set"]
