"""Pages a change flips in the clean benchmark: a set's F1 can hide a change that wins some pages and loses others.

`ablate_set` switches the cleaner's rules off one at a time (`bench clean --ablate`) and counts the pages each
rule makes better or worse; `versus` counts the pages on which Triage scores better or worse than each other
row of its set. A page counts as flipped when its F1 moves by more than `FLIP`.
"""

from __future__ import annotations

from typing import Any

from triage_app.bench._clean_score import Page, Score

NO_RULES = "(every rule off: the extractor's blocks)"
FLIP = 0.05
"""A page counts as flipped by a rule when its F1 moves by more than this."""


def _cleaned(page: Page, off: frozenset[str]) -> str:
    """The page's text from the cleaner with the rules `off` switched off."""
    from triage_app.core.clean import clean_document
    from triage_app.core.records import ParsedDocument

    return clean_document(ParsedDocument(page.page_id, b"", "html", "utf-8", html=page.html), disabled=off).text


def ablate_set(pages: list[Page]) -> list[dict[str, Any]]:
    """Per rule: the set's F1 without it, and the pages it makes better / worse (F1 change > FLIP)."""
    from triage_app.core.clean.html_extract import RULES, apply_rules
    from triage_app.core.clean.html_prepare import prepare_html

    def text_of(prepared: Any, off: frozenset[str]) -> str:
        reasons = apply_rules(prepared, off)
        return "\n\n".join(b.text for b, r in zip(prepared.blocks, reasons) if r is None)

    full = Score("all rules")
    without = {rule: Score(rule) for rule in RULES}
    without[NO_RULES] = Score(NO_RULES)
    for page in pages:
        prepared = prepare_html(page.html)
        if prepared is None:
            continue
        full.add(page.page_id, page.truth, text_of(prepared, frozenset()), 0.0)
        for rule, score in without.items():
            off = frozenset(RULES) if rule == NO_RULES else frozenset({rule})
            # `noscript` and `unmapped` act when the page is segmented: only a page they acted on is prepared again
            acted = (prepared.read_noscript and "noscript" in off) or (prepared.unmapped and "unmapped" in off)
            again = prepare_html(page.html, off) if acted else prepared
            # A page whose text is only in <noscript> has no blocks without that rule: it is cleaned as
            # `clean_document(disabled=off)` cleans it (the stream fallback), not scored as empty.
            score.add(page.page_id, page.truth, text_of(again, off) if again else _cleaned(page, off), 0.0)
    rows = []
    base = full.page_f1s()
    for rule, score in without.items():
        changed = score.page_f1s()
        rows.append({
            "rule": rule,
            "f1_with": full.summary()["f1"],
            "f1_without": score.summary()["f1"],
            "pages_helped": sum(1 for a, b in zip(base, changed) if a - b > FLIP),
            "pages_hurt": sum(1 for a, b in zip(base, changed) if b - a > FLIP),
        })
    return rows


def versus(scores: list[Score]) -> list[dict[str, Any]]:
    """Per other row of a set: the pages on which Triage (the first row) scores better / worse than it (F1
    change > FLIP). A set's F1 can hide a rule that wins some pages and loses others; this shows both ways."""
    ours = scores[0].page_f1s()
    rows = []
    for other in scores[1:]:
        theirs = dict(zip(other.pages, other.page_f1s()))
        pairs = [(f, theirs[page]) for page, f in zip(scores[0].pages, ours) if page in theirs]
        rows.append({"method": other.name, "pages": len(pairs), "better": sum(1 for a, b in pairs if a > b + FLIP),
                     "worse": sum(1 for a, b in pairs if a < b - FLIP)})
    return rows
