"""What a page says about itself (`PageMeta`), and reading it from the page's JSON-LD and meta tags.

JSON-LD (schema.org NewsArticle and friends) is read first and wins; Open Graph and other meta tags fill
what it left empty. The <title>, the headline and the shown byline are added by `metadata.page_metadata`.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from triage_app.core.clean.byline import claimed_byline
from triage_app.core.clean.dates import find_date
from triage_app.core.clean.site_names import site_from_url

_WS_RE = re.compile(r"\s+")
_ARTICLE_TYPES = ("article", "newsarticle", "blogposting", "reportage", "report", "webpage", "posting", "review")


@dataclass
class PageMeta:
    """What the page says about itself."""

    title: str | None = None
    headline_candidates: list[str] = field(default_factory=list)
    byline: str | None = None
    published: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    keywords: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    article_body: str | None = None
    structured_titles: list[str] = field(default_factory=list)  # JSON-LD headline / name, in page order
    claimed_author: str | None = None  # the author of a top-level JSON-LD article, else of the meta tags
    # Reads `shown_byline` (from the tree and the headline element) when it is first asked for.
    byline_source: Callable[[], str | None] | None = field(default=None, repr=False, compare=False)
    _shown_byline: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def shown_byline(self) -> str | None:
        """Names from the author-marked element nearest the headline (`page_byline.shown_byline`).

        Read when first asked for: the cleaner needs them only when the metadata's own author is not
        named on the page (`byline.claimed_byline`), and looking at every candidate element's attributes
        is most of the metadata's time."""
        if self.byline_source is not None:
            read, self.byline_source = self.byline_source, None
            try:
                self._shown_byline = read()
            except (ValueError, TypeError, RecursionError):
                self._shown_byline = None
        return self._shown_byline

    def claimed_byline(self, url: str | None, page_text: str) -> str | None:
        """The metadata's author when the page shows it and it names people (`byline.claimed_byline`): the
        byline's first choice; the shown byline is read only when this is None."""
        if not self.claimed_author:
            return None
        site, host = self.site_and_host(url)
        return claimed_byline(self.claimed_author, site, host, page_text)

    def site_and_host(self, url: str | None) -> tuple[str | None, str | None]:
        """The page's site (its own name for itself, else its URL's host) and its URL's host, with `url`
        (where the file came from) when the page names no URL of its own."""
        page_url = self.url or url
        host = site_from_url(page_url) if page_url else None
        return self.site or host, host


def tidy_text(text: Any) -> str:
    """Collapse whitespace and decode character references that pages double-encode in JSON-LD and meta tags."""
    return _WS_RE.sub(" ", html.unescape(str(text))).strip() if text is not None else ""


def _walk_jsonld(data: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    stack: list[Any] = [data]
    while stack and len(found) < 50:
        item = stack.pop()
        if isinstance(item, dict):
            found.append(item)
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(item[:100])
    return found


def _top_objects(data: Any) -> list[dict[str, Any]]:
    """The top-level objects of a JSON-LD block: the block itself, its list items, their @graph items."""
    items = data if isinstance(data, list) else [data]
    out: list[dict[str, Any]] = []
    for item in items[:100]:
        if isinstance(item, dict):
            out.append(item)
            graph = item.get("@graph")
            out.extend(g for g in (graph if isinstance(graph, list) else [])[:100] if isinstance(g, dict))
    return out


def _kinds(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type")
    return [str(k).lower() for k in (kind if isinstance(kind, list) else [kind])]


def _name_of(value: Any) -> str:
    if isinstance(value, list):
        names = [_name_of(v) for v in value[:5]]
        return ", ".join(n for n in names if n)
    if isinstance(value, dict):
        return tidy_text(value.get("name"))
    return tidy_text(value) if isinstance(value, str) else ""


def read_jsonld(tree: etree._Element, meta: PageMeta) -> None:
    """Fill `meta` from the page's JSON-LD scripts: the top-level article's author, then every article object's
    headlines, author, date, publisher, body, description and keywords."""
    for script in tree.iterfind(".//script[@type]"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text[:2_000_000])
        except (ValueError, RecursionError):
            continue
        for top in _top_objects(data):
            if not meta.claimed_author and any(k in _ARTICLE_TYPES for k in _kinds(top)):
                # the page's own article, not a product's reviewers further down
                meta.claimed_author = _name_of(top.get("author")) or None
        for obj in _walk_jsonld(data):
            kinds = _kinds(obj)
            if not any(k in _ARTICLE_TYPES for k in kinds):
                continue
            for key in ("headline", "name"):
                headline = tidy_text(obj.get(key))
                if headline and "webpage" not in kinds:
                    meta.headline_candidates.append(headline)
                    meta.structured_titles.append(headline)
            meta.byline = meta.byline or _name_of(obj.get("author")) or None  # also read by the body rules
            date = obj.get("datePublished")
            if isinstance(date, str) and not meta.published:
                meta.published = find_date(date)
            meta.site = meta.site or _name_of(obj.get("publisher")) or None
            body = obj.get("articleBody")
            if isinstance(body, str) and len(body) > len(meta.article_body or ""):
                meta.article_body = body
            if isinstance(obj.get("description"), str):
                meta.descriptions.append(tidy_text(obj["description"]))
            kw = obj.get("keywords")
            if kw and not meta.keywords:
                meta.keywords = _split_keywords(kw)


def _split_keywords(value: Any) -> list[str]:
    items = value if isinstance(value, list) else re.split(r"[,;|]", str(value))
    out: list[str] = []
    for item in items[:50]:
        word = tidy_text(item)
        if word and word.lower() not in (w.lower() for w in out):
            out.append(word)
    return out


def read_meta_tags(tree: etree._Element, meta: PageMeta) -> None:
    """Add the page's meta tags to `meta`: their titles and descriptions as further candidates, the rest
    where JSON-LD left it empty."""
    values: dict[str, str] = {}
    tags: list[str] = []
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower().strip()
        content = tidy_text(el.get("content"))
        if not key or not content:
            continue
        if key == "article:tag":
            tags.append(content)
        values.setdefault(key, content)
    for key in ("og:title", "twitter:title", "title", "headline"):
        if key in values:
            meta.headline_candidates.append(values[key])
    meta.title = meta.title or values.get("og:title") or values.get("twitter:title")
    tag_author = values.get("author") or values.get("article:author") or values.get("byl") or None
    meta.byline = meta.byline or tag_author
    if tag_author and not tag_author.startswith(("http://", "https://")):
        meta.claimed_author = meta.claimed_author or tag_author
    if meta.byline and meta.byline.startswith(("http://", "https://")):
        meta.byline = None
    if not meta.published:
        for key in ("article:published_time", "datepublished", "pubdate", "date", "dc.date", "publishdate", "og:published_time"):
            if key in values and (iso := find_date(values[key])):
                meta.published = iso
                break
    meta.site = meta.site or values.get("og:site_name") or values.get("application-name") or None
    meta.url = meta.url or values.get("og:url")
    for key in ("og:description", "description", "twitter:description"):
        if key in values:
            meta.descriptions.append(values[key])
    if not meta.keywords:
        meta.keywords = tags or _split_keywords(values.get("news_keywords") or values.get("keywords") or "")
