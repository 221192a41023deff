"""Page metadata from HTML: title, byline, published date, site, URL, language, keywords, description.

Sources, strongest first: JSON-LD (schema.org NewsArticle and friends), Open Graph and other meta tags,
then the page's <title> and first <h1>. The first two are read in `page_meta.py`; a site's name in titles
and URLs is in `site_names.py`.
"""

from __future__ import annotations

import re
from functools import partial

from lxml import etree  # type: ignore[import-untyped]

from triage_app.core.clean.headline import first_heading, headline_title, only_h1, page_headings, visible_headline
from triage_app.core.clean.page_byline import shown_byline
from triage_app.core.clean.page_meta import PageMeta, read_jsonld, read_meta_tags, tidy_text
from triage_app.core.clean.site_names import site_from_url, strip_site_suffix
from triage_app.core.clean.styled_headline import styled_headline, untitled_headline


def page_metadata(tree: etree._Element | None) -> PageMeta:
    """Collect the metadata of a parsed page (never raises on odd markup)."""
    meta = PageMeta()
    if tree is None:
        return meta
    try:
        read_jsonld(tree, meta)
        read_meta_tags(tree, meta)
        social_title = meta.title or ""
        title_el = tree.find(".//title")
        if title_el is not None:
            page_title = tidy_text("".join(title_el.itertext()))
            if page_title:
                meta.headline_candidates.append(page_title)
                for sep in (" | ", " - ", " – ", " — ", " :: ", " · "):
                    if sep in page_title:
                        meta.headline_candidates.append(page_title.split(sep)[0].strip())
                meta.title = meta.title or page_title
        h1 = tree.find(".//h1")
        if h1 is not None:
            heading = tidy_text("".join(h1.itertext()))
            if heading:
                meta.headline_candidates.append(heading)
                meta.title = meta.title or heading
        link = tree.find(".//link[@rel='canonical']")
        if link is not None and (href := link.get("href")) and href.startswith("http"):
            meta.url = meta.url or href
        meta.language = (tree.get("lang") or "").split("-")[0].lower() or None
        if not meta.site and meta.url:
            meta.site = site_from_url(meta.url)
        page_title = page_title if title_el is not None else ""
        first_h1 = heading if h1 is not None else ""
        headings = page_headings(tree)
        titles = [t for t in (*_agreeing_structured(meta, page_title, first_h1), social_title, page_title) if t]
        titles += [short for t in titles if (short := strip_site_suffix(t, meta.site, meta.url)) != t]
        shown = visible_headline(headings, titles, meta.site)
        if shown is None:
            shown = styled_headline(tree, titles, meta.site) or only_h1(headings, meta.site)
        if shown is None and not titles:
            shown = untitled_headline(tree, headings)
        if shown is not None:
            meta.title = headline_title(shown, titles)
        else:
            meta.title = _choose_title(meta, page_title, first_h1) or first_heading(headings)
        meta.byline_source = partial(shown_byline, tree, shown.element if shown is not None else None)
    except (ValueError, TypeError, RecursionError):
        pass
    return meta


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) > 2}


def _agreeing_structured(meta: PageMeta, page_title: str, heading: str) -> list[str]:
    """JSON-LD headlines that agree with the page's <title>, og:title or <h1>.

    A structured headline most of whose words are not in them describes the page type ("Wikimedia
    list article"), not this page, and is passed over.
    """
    shown = [t for t in (meta.title, page_title, heading) if t]
    shown_words = set().union(*(_words(t) for t in shown)) if shown else set()
    return [t for t in meta.structured_titles if not shown_words or len(_words(t) & shown_words) >= 0.5 * len(_words(t))]


def _choose_title(meta: PageMeta, page_title: str, heading: str) -> str | None:
    """JSON-LD headline, og:title, <title>, <h1>: the first that agrees with what the page shows."""
    structured = _agreeing_structured(meta, page_title, heading)
    title = next(iter(structured), None) or meta.title or page_title or heading or None
    return strip_site_suffix(title, meta.site, meta.url) if title else None
