"""A site's name where titles and URLs carry it: a URL's host, a title's " | Site" suffix."""

from __future__ import annotations

import re
from urllib.parse import urlparse

SUFFIX_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " » ")
_FOLD_RE = re.compile(r"[^a-z0-9]+")


def _fold(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode("ascii")
    return _FOLD_RE.sub("", plain)


def strip_site_suffix(title: str, site: str | None, url: str | None) -> str:
    """The title without a trailing " | Site" / " - Wikipedia" part that names the site (or a domain)."""
    host = _fold(urlparse(url).hostname or "") if url else ""
    names = {n for n in (_fold(site or ""), host) if n}
    for sep in SUFFIX_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if not found or not head.strip() or len(tail.split()) > 5:
            continue
        folded = _fold(tail)
        if not folded:
            continue
        domain_like = re.search(r"\.[a-z]{2,6}$", tail.strip().lower()) is not None
        if domain_like or any(folded in n or n in folded for n in names) or any(
            len(part) > 3 and part in folded for n in names for part in [n.removesuffix("com").removesuffix("org")]
        ):
            return head.strip()
    return title


def site_from_url(url: str) -> str | None:
    """The host of a URL without "www."."""
    try:
        host = urlparse(url).hostname or ""
    except ValueError:
        return None
    return host[4:] if host.startswith("www.") else host or None
