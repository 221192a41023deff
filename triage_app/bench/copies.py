"""`python -m triage_app.bench copies EVAL_DIR [MORE_DIRS]`: pairwise precision/recall of near-duplicate clusters.

The set is built from real pages: `--articles` articles of EVAL_DIR (their hand-made article text) are
each put into the templates of `--copies` other real pages (the host's article paragraphs, title,
headline and JSON-LD replaced), lightly edited (a few words changed per paragraph, sometimes the last
paragraph dropped, a new headline), and mixed with the original pages and every other page of the
folders as unrelated documents. Every page goes through the real import (cleaning included), then
clustering. Truth: two documents are copies when they carry the same source article.
datasketch's `MinHashLSH` alone (same shingles and permutations, no exact check) runs in the same pass.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

_WORD_RE = re.compile(r"\S+")
_FILLERS = ("also", "reportedly", "now", "still", "further", "on Monday", "officially", "largely")


def _edit(paragraph: str, rng: random.Random) -> str:
    """A light edit: up to two words swapped for others, a word dropped or inserted."""
    words = _WORD_RE.findall(paragraph)
    if len(words) < 6 or rng.random() > 0.35:
        return paragraph
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(len(words))
        action = rng.choice(("replace", "drop", "insert"))
        if action == "replace":
            words[i] = rng.choice(_FILLERS)
        elif action == "drop" and len(words) > 6:
            del words[i]
        else:
            words.insert(i, rng.choice(_FILLERS))
    return " ".join(words)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


_BLOCK_TAGS = ("p", "li", "blockquote", "h2", "h3", "h4", "h5", "h6", "figcaption", "pre", "td", "dd", "div", "span")


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def host_article(host_html: str, host_gold: str) -> str:
    """The host's own article as far as anyone can tell: its gold text, and what trafilatura (defaults)
    extracts from the page (some gold texts are rewritten and match none of the page's text nodes)."""
    import trafilatura

    try:
        extracted = trafilatura.extract(host_html) or ""
    except Exception:  # a reference only: a page trafilatura cannot read falls back to the gold text
        extracted = ""
    return host_gold + "\n" + extracted


def leftover(page_html: str, article: str) -> float:
    """Share of `article`'s word 3-grams still anywhere in the page's text (scripts and JSON included)."""
    wanted = _shingles(article)
    if len(wanted) < 20:
        return 0.0
    page = BeautifulSoup(page_html, "lxml")
    return len(wanted & _shingles(" ".join(page.find_all(string=True)))) / len(wanted)


def host_with_article(host_html: str, host_gold: str, title: str, paragraphs: list[str]) -> str:
    """`host_html` with its own article (`host_gold`: the text of its gold paragraphs, or `host_article()`),
    title, headline and JSON-LD replaced by the new article's paragraphs; the host's navigation, footer
    and asides stay."""
    soup = BeautifulSoup(host_html, "lxml")
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        script.decompose()
    gold = _norm(host_gold)
    anchor = None
    groups: dict[int, tuple[Any, list[Any]]] = {}
    for p in soup.find_all("p"):
        if p.parent is not None:
            groups.setdefault(id(p.parent), (p.parent, []))[1].append(p)
    if groups:
        _parent, ps = max(groups.values(), key=lambda g: sum(len(p.get_text()) for p in g[1]))
        if sum(len(p.get_text()) for p in ps) > 200:
            anchor = soup.new_tag("div")
            ps[0].insert_before(anchor)
            for p in ps:
                p.decompose()
    for element in soup.find_all(_BLOCK_TAGS):  # blocks of the host's article (links split their text nodes)
        if element.parent is None or element.find(["p", "div", "li", "table", "article", "section"]):
            continue
        text = _norm(element.get_text(" "))
        if len(text) < 40 or text not in gold:
            continue
        if anchor is None:
            anchor = soup.new_tag("div")
            element.insert_before(anchor)
        element.decompose()
    for node in list(soup.find_all(string=True)):  # what is left of the host's own article
        if node.parent is None or node.parent.name in ("script", "style", "title"):
            continue
        text = _norm(str(node))
        if len(text) < 25 or text not in gold:
            continue
        if anchor is None:
            anchor = soup.new_tag("div")
            block = node.find_parent(["p", "div", "li", "blockquote", "td", "section", "article"]) or node.parent
            block.insert_before(anchor)
        node.replace_with("")
    if anchor is None:
        anchor = soup.new_tag("div")
        (soup.body or soup).append(anchor)
    for text in paragraphs:
        tag = soup.new_tag("p")
        tag.string = text
        anchor.append(tag)
    if soup.title is not None:
        soup.title.string = title
    h1 = soup.find("h1")
    if h1 is not None:
        h1.clear()
        h1.append(title)
    for meta in soup.find_all("meta", attrs={"property": re.compile("og:(title|description)")}):
        meta.decompose()
    return str(soup)


def _pages(folder: Path) -> list[tuple[str, str, str]]:
    """(id, html, article text) of every page of an eval folder."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key, value in sorted(truth.items()):
        path = folder / "html" / f"{key}.html.gz"
        if path.is_file():
            out.append((key, gzip.decompress(path.read_bytes()).decode("utf-8", "replace"), value.get("articleBody", "")))
    return out


MAX_LEFTOVER = 0.2


def build_set(
    source: Path, extra: list[Path], *, articles: int, copies: int, seed: int, out: Path, unrelated: int | None = None,
    rejected: set[str] | None = None,
) -> dict[str, str]:
    """Write the pages into `out`; returns file name -> group (the source article id, or a unique id).

    Original pages whose gold texts start alike (the same article captured twice) share a group.
    Hosts whose own article could not be taken out are added to `rejected`.
    """
    rejected = set() if rejected is None else rejected
    rng = random.Random(seed)
    pages = _pages(source)
    others = [p for folder in extra for p in _pages(folder)]
    if unrelated is not None and unrelated < len(others):
        others = rng.sample(others, unrelated)
    chosen = rng.sample(pages, min(articles, len(pages)))
    hosts = pages + others
    groups: dict[str, str] = {}
    same_gold: dict[str, str] = {}
    for key, html, text in pages + others:
        name = f"orig-{key[:16]}.html"
        (out / name).write_text(html, encoding="utf-8")
        groups[name] = same_gold.setdefault(_norm(text)[:300] or key, key)
    references: dict[str, str] = {}
    for key, _html, text in chosen:
        paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
        for n in range(copies):
            edited = [_edit(p, rng) for p in paragraphs]
            if len(edited) > 4 and rng.random() < 0.3:
                edited = edited[:-1]
            title = f"{rng.choice(('Update:', 'Report:', 'Wire:', ''))} {_WORD_RE.findall(paragraphs[0])[:8] and ' '.join(_WORD_RE.findall(paragraphs[0])[:8])}".strip()
            # A copy must hold the inserted article and not the host's: a host whose own article cannot be
            # taken out (more than a fifth of its 3-grams left anywhere in the page) is not used.
            for _attempt in range(20):
                host_key, host_html, host_gold = rng.choice([h for h in hosts if h[0] != key])
                if host_key not in references:
                    references[host_key] = host_article(host_html, host_gold)
                page = host_with_article(host_html, references[host_key], title, edited)
                if leftover(page, references[host_key]) <= MAX_LEFTOVER:
                    break
                rejected.add(host_key)
            name = f"copy-{key[:16]}-{n}-in-{host_key[:8]}.html"
            (out / name).write_text(page, encoding="utf-8")
            groups[name] = groups[f"orig-{key[:16]}.html"]
    return groups


def pairwise(predicted: list[list[int]], truth: dict[int, str]) -> tuple[float, float, int, int]:
    """Pairwise precision and recall of predicted clusters against the true groups."""
    pred_pairs = {tuple(sorted(p)) for c in predicted for p in itertools.combinations(c, 2)}
    by_group: dict[str, list[int]] = {}
    for doc_id, group in truth.items():
        by_group.setdefault(group, []).append(doc_id)
    true_pairs = {tuple(sorted(p)) for ids in by_group.values() for p in itertools.combinations(ids, 2)}
    hits = len(pred_pairs & true_pairs)
    precision = hits / len(pred_pairs) if pred_pairs else 1.0
    recall = hits / len(true_pairs) if true_pairs else 1.0
    return precision, recall, len(pred_pairs), len(true_pairs)


def lsh_alone(texts: dict[int, str], threshold: float) -> list[list[int]]:
    """Clusters from datasketch's MinHashLSH alone (candidates taken as copies), union-find over them."""
    from datasketch import MinHashLSH

    from triage_app.core.library import near_dup_signing

    lsh = MinHashLSH(threshold=threshold, num_perm=near_dup_signing.NUM_PERM)
    parent = {d: d for d in texts}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    from datasketch import LeanMinHash, MinHash

    for doc_id, text in texts.items():
        grams = near_dup_signing.shingle_hashes(text)
        if len(grams) < near_dup_signing.MIN_SHINGLES:
            continue
        minhash = MinHash(num_perm=near_dup_signing.NUM_PERM, seed=1, hashfunc=lambda x: x)
        minhash.update_batch(grams.tolist())
        lean = LeanMinHash(minhash)
        for other in lsh.query(lean):
            parent[find(other)] = find(doc_id)
        lsh.insert(doc_id, lean)
    groups: dict[int, list[int]] = {}
    for d in texts:
        groups.setdefault(find(d), []).append(d)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def run_bench(source: Path, extra: list[Path], *, articles: int, copies: int, seed: int,
              thresholds: list[float], unrelated: int | None = None) -> dict[str, Any]:
    from triage_app.core import jobs
    from triage_app.core.library import Library, near_dup_clusters, near_dups

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rejected: set[str] = set()
        groups = build_set(
            source, extra, articles=articles, copies=copies, seed=seed, out=folder, unrelated=unrelated,
            rejected=rejected,
        )
        library = Library.memory()
        truth: dict[int, str] = {}
        for progress in jobs.import_documents(library, [folder], workers=jobs.default_workers()):
            outcome = progress.result
            if outcome is not None and outcome.doc_id is not None:
                truth[outcome.doc_id] = groups[Path(outcome.source).name]
    texts = {int(r[0]): r[1] or "" for r in library.db.execute("SELECT id, text FROM documents")}
    rows = []
    for threshold in thresholds:
        started = time.perf_counter()
        for _ in near_dups.cluster_all_job(library, threshold=threshold):
            pass
        ours_s = time.perf_counter() - started
        p, r, npred, ntrue = pairwise(near_dup_clusters.clusters(library.db), truth)
        started = time.perf_counter()
        lp, lr, lnpred, _ = pairwise(lsh_alone(texts, threshold), truth)
        lsh_s = time.perf_counter() - started
        rows.append({"threshold": threshold, "precision": p, "recall": r, "pairs": npred, "true_pairs": ntrue,
                     "seconds": ours_s, "lsh_precision": lp, "lsh_recall": lr, "lsh_pairs": lnpred, "lsh_seconds": lsh_s})
    library.close()
    return {"documents": len(truth), "articles": articles, "copies": copies, "seed": seed, "rows": rows,
            "rejected_hosts": len(rejected)}


def _run(args: argparse.Namespace) -> int:
    result = run_bench(Path(args.eval_dir), [Path(p) for p in args.extra], articles=args.articles,
                       copies=args.copies, seed=args.seed, thresholds=args.thresholds, unrelated=args.unrelated)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['documents']} documents; {result['articles']} articles x {result['copies']} copies "
          f"(seed {result['seed']}); true pairs {result['rows'][0]['true_pairs']}; "
          f"{result['rejected_hosts']} host(s) not used (their own article could not be taken out)")
    print("| threshold | Triage P | Triage R | pairs | s | MinHashLSH alone P | R | pairs | s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in result["rows"]:
        print(f"| {row['threshold']:.2f} | {row['precision']:.3f} | {row['recall']:.3f} | {row['pairs']} | "
              f"{row['seconds']:.2f} | {row['lsh_precision']:.3f} | {row['lsh_recall']:.3f} | {row['lsh_pairs']} | "
              f"{row['lsh_seconds']:.2f} |")
    return 0


def register(subparsers: Any) -> None:
    """Add the `copies` benchmark."""
    p = subparsers.add_parser("copies", help="pairwise precision/recall of near-duplicate clusters")
    p.add_argument("eval_dir", metavar="EVAL_DIR", help="folder with html/ and ground-truth.json (the articles)")
    p.add_argument("extra", nargs="*", metavar="MORE_DIR", help="more folders: hosts and unrelated pages")
    p.add_argument("--articles", type=int, default=40)
    p.add_argument("--copies", type=int, default=3)
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--thresholds", type=float, nargs="+", default=[0.3, 0.4, 0.5, 0.6])
    p.add_argument("--unrelated", type=int, default=None, help="at most this many pages of the other folders")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_run)
