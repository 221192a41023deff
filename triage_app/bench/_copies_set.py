"""The copies benchmark's page set: real articles put into other real pages' templates, lightly edited.

`build_set` writes the set into a folder and says which pages carry the same source article (the truth the
clusters are scored against); a host whose own article cannot be taken out of its page is not used.
"""

from __future__ import annotations

import gzip
import json
import random
import re
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
