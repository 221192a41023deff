"""Site templates: blocks that repeat across a site's pages are boilerplate; user overrides win.

A `SiteTemplate` is built by the library from the other pages of the same site (how many of them
hold each block's template key) and the analyst's stored overrides; `apply` changes a CleanResult.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from triage_app.core.clean import patterns as P
from triage_app.core.records import CleanResult


@dataclass
class SiteTemplate:
    """What the other pages of one site tell about a page's blocks."""

    site: str
    other_pages: int = 0
    key_pages: dict[str, int] = field(default_factory=dict)  # template_key -> number of other pages holding it
    site_overrides: dict[str, bool] = field(default_factory=dict)  # template_key -> kept, for every page of the site
    doc_overrides: dict[str, bool] = field(default_factory=dict)  # template_key -> kept, for this page only
    min_pages: int = 2
    max_share: float = 0.6  # beyond this share of kept blocks repeated, the page is a copy, not a template

    def seen_on(self, key: str) -> int:
        return self.key_pages.get(key, 0)

    def is_template(self, key: str) -> bool:
        """A block found word for word on at least `min_pages` other pages of the site."""
        return self.seen_on(key) >= self.min_pages

    def apply(self, result: CleanResult) -> CleanResult:
        """Remove kept blocks that are site template, then apply overrides (in place; also returned)."""
        kept = [b for b in result.blocks if b.kept]
        hits = [b for b in kept if b.template_key and self.is_template(b.template_key)]
        if kept and len(hits) <= self.max_share * len(kept):
            for block in hits:
                block.kept = False
                block.reason = P.template_reason(self.seen_on(block.template_key), self.site)
        for block in result.blocks:
            choice = self.doc_overrides.get(block.template_key, self.site_overrides.get(block.template_key))
            if choice is None:
                continue
            block.kept = choice
            block.reason = None if choice else P.USER_OVERRIDE
        return result
