"""The title line of a plain-text dump: the best-scoring candidate above the article's first paragraph.

A title is a 3-25 word line without a closing full stop, often in Title Case, that stands out from its
neighbours (a long line after a run of menu items), comes shortly before the byline or date line, and is
often repeated elsewhere in the dump (share text, breadcrumb, tab title). Page furniture scores low:
section labels and menu items (short lines in a run of short lines), "back to"/"close"/"share" labels,
date, byline, caption and boilerplate lines.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable

from triage_app.core.clean import patterns as P
from triage_app.core.clean.dates import find_date, is_date_line
from triage_app.core.clean.line_features import byline_line, is_prose, is_url, word_count
from triage_app.core.clean.text_lines import Line

WINDOW = 30
MIN_SCORE = 1.0
_FURNITURE_RE = re.compile(
    r"\b(menu|navigation|skip|back to|zurück|retour|volver|torna|close|share|sharing|subscribe|sign in|log ?in"
    r"|newsletters?|emails?|search|gallery|currently reading|read(ing)? (more|next|time)|min(ute)?s? read|up next"
    r"|top stories|most (popular|read|commented)|related|trending|latest|advertisement|cookies?|übersicht"
    r"|playback|click (here|for)|follow us|comments?)\b",
    re.IGNORECASE,
)
_BYLINE_START_RE = re.compile(r"^(by|von|par|por|di|door|av|af|written by|text|текст|автор)\b[\s:]|^(yazar|penulis|oleh|" + P.AUTHOR_LABELS_ELSEWHERE + r")\s*:", re.IGNORECASE)
_NAME_ORG_RE = re.compile(r"^[A-Z][\w'-]+(?: [A-Z]\.)?(?: [A-Z][\w'-]+){1,2}, \S")
_INNER_BY_RE = re.compile(r"\b(by|von|par|por)\s+[A-Z]")
_NUMERIC_DATE_RE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
_CREDIT_SLASH_RE = re.compile(r"[a-z.]/[A-Z]")
_CRUMB_RE = re.compile(r"\s[»>›]\s|[»>›]$")
_CRUMB_LEAD_RE = re.compile(r"^[»›>→]+\s*")
"""A breadcrumb's mark before its last step when that step, the page's title, has a line of its own ("» Title")."""


def title_text(line_text: str) -> str | None:
    """The title a chosen title line gives: its text without a breadcrumb's mark before it (None: marks only)."""
    return _CRUMB_LEAD_RE.sub("", line_text) or None
_LABEL_END_RE = re.compile(r"(:|\.\.\.|…)$")
_SENTENCES_RE = re.compile(r"[a-z]{3}[.!?] [A-Z]")
_SLUG_RE = re.compile(r"[/_-]+")
_MENU_SEPARATOR_RE = re.compile(r"\s(?:\||/|->|·)\s")
"""Between the items of a menu or breadcrumb written on one line ("Articles / Cleaning / ...", "new | past | comments")."""
_ACTION_RE = re.compile(
    r"\b(free trial|sign up|open in app|go to|send to a friend|translate this|create an account|request a (quote|demo)|contact (us|sales)"
    r"|add to (cart|bag|basket|wish ?list)|notify me|shop now|learn more|buy now|download (now|the app)|skip to"
    r"|all images|next image|previous image|what are you looking for)\b",
    re.IGNORECASE,
)
"""A button or link label ("Start My Free Trial", "Open in app", "Go to AdWords"): a short line with one is no title."""
_PREVIOUS_RE = re.compile(r"^[«‹←]")
"""A link to the previous post ("« Interview with ...")."""
_BULLET_RE = re.compile(r"^[•*·▪◦+]\s")
"""An item of a bulleted list (text browsers write "*", "+" and "o" bullets): a list's item is not the page's title."""


def _words(line: Line) -> int:
    """`line_features.word_count` of the line (two CJK characters count as one word)."""
    return word_count(line.text, line.words)


def _title_case_share(text: str) -> float | None:
    cased = [w for w in text.split() if w[:1].isalpha() and (w[:1].isupper() or w[:1].islower())]
    if len(cased) < 3:
        return None
    return sum(1 for w in cased if w[:1].isupper()) / len(cased)


def _is_byline_or_date(line: Line) -> bool:
    text, words = line.text, line.words
    if words <= 25 and (P.BYLINE_RE.match(text) or _BYLINE_START_RE.match(text)):
        return True
    if words <= 16 and (P.PUBLISHED_LINE_RE.match(text) or is_date_line(text) or find_date(text)):
        return True
    if words <= 10 and (_NUMERIC_DATE_RE.search(text) or _INNER_BY_RE.search(text)):
        return True
    return words <= 7 and bool(_NAME_ORG_RE.match(text))


class TitleFinder:
    """Scores the lines above the first paragraph of the article and picks the best one."""

    def __init__(self, lines: list[Line], specific: Callable[[int], str | None]) -> None:
        self.lines = lines
        self.specific = specific
        self.norms = [P.normalise(line.text) for line in lines]
        self.slugs = [P.normalise(_SLUG_RE.sub(" ", line.text)) for line in lines if is_url(line.text)]

    def rejected(self, i: int) -> bool:
        """Lines that are never a title: too short or long, dates, bylines, captions, boilerplate, links."""
        line = self.lines[i]
        words = _words(line)
        if words < 2 or words > 30 or line.length > 250 or not self.norms[i]:
            return True
        if is_url(line.text) or "©" in line.text or self.specific(i) or len(_CRUMB_RE.findall(line.text)) >= 2 or _BULLET_RE.match(line.text):
            return True
        if (line.words <= 8 and _CREDIT_SLASH_RE.search(line.text)) or _CRUMB_RE.search(line.text[-2:]):
            return True
        if len(_MENU_SEPARATOR_RE.findall(line.text)) >= 2 or line.cells >= 2 or _PREVIOUS_RE.match(line.text):
            return True  # a menu or breadcrumb on one line, a table row, a link to the previous post
        if line.text.endswith(":"):
            return True  # a label that introduces what follows
        if line.words <= 8 and _ACTION_RE.search(line.text):
            return True  # a button or link label
        previous = self.lines[i - 1] if i > 0 else None
        if previous is not None and previous.words <= 3 and line.words <= 6 and _LABEL_END_RE.search(previous.text):
            return True  # the value of a field ("Author:", "Credit...")
        return _is_byline_or_date(line) or (line.words <= 12 and find_date(line.text) is not None)

    def repeated(self, i: int) -> bool:
        """The line's text comes again elsewhere, alone or inside a short line (share text, breadcrumb)."""
        norm = self.norms[i]
        if len(norm) < 12:
            return False
        if self.lines[i].repeats > 1 or any(norm in slug for slug in self.slugs):
            return True
        return any(j != i and len(other) <= 2 * len(norm) and norm in other for j, other in enumerate(self.norms))

    def score(self, i: int, start: int) -> float:
        lines, line = self.lines, self.lines[i]
        words = _words(line)
        text = line.text
        score = 2.0 if 4 <= words <= 20 else (1.0 if words == 3 or 20 < words <= 25 else -0.5)
        neighbours = [_words(lines[j]) for j in range(max(0, i - 3), min(len(lines), i + 4)) if j != i]
        typical = statistics.median(neighbours) if neighbours else words
        menu_item = line.group_size >= 3 and line.group_short_share >= 0.6 and words <= 4
        if words >= 2 * typical + 2:
            score += 2.0  # stands out from the short lines around it (a menu above, a byline below)
        elif menu_item and not (i + 1 < len(lines) and _is_byline_or_date(lines[i + 1])):
            score -= 2.0  # one more item of a menu
        if _FURNITURE_RE.search(text) and words <= 6:
            score -= 3.0
        share = _title_case_share(text)
        if share is not None and share >= 0.6:
            score += 1.0
        if self.repeated(i) and not menu_item:
            score += 2.5
        title_case = share is not None and share >= 0.6
        if text.endswith(".") and not text.endswith(".."):
            score -= 1.0 if title_case else 3.0
        if _SENTENCES_RE.search(text) and not title_case:
            score -= 2.0  # two sentences: a standfirst or a notice
        if is_prose(line) and words > 15:
            score -= 1.5  # a standfirst or caption
        if text.isupper() and words <= 3:
            score -= 1.0  # a section label
        score += self._before_byline(i) - 0.08 * (start - i)
        return score

    def _before_byline(self, i: int) -> float:
        """Bonus for a line shortly followed by the byline/date line (a standfirst may come between)."""
        lines = self.lines
        for step in (1, 2, 3):
            j = i + step
            if j >= len(lines):
                break
            if _is_byline_or_date(lines[j]):
                if step == 2:
                    return 2.6 if _words(lines[i + 1]) >= 4 else 1.0
                return 2.5 if step == 1 else 0.5
        return 0.0

    def find(self, start: int) -> int | None:
        """Index of the title line above `start` (the article's first line, itself a candidate) or None."""
        lines = self.lines
        candidates = [i for i in range(max(0, start - WINDOW), min(start + 1, len(lines))) if not self.rejected(i)]
        first = lines[start] if start < len(lines) else None
        if first is not None and start in candidates and (_words(first) > 25 or (is_prose(first) and first.text[-1] in ".!?:;,…")):
            candidates.remove(start)
        scored = [(self.score(i, start), -i) for i in candidates]
        best = max(scored, default=None)
        if best is None or best[0] < MIN_SCORE:
            return None
        return -best[1]


def byline_anchor(lines: list[Line], specific: Callable[[int], str | None]) -> int | None:
    """The index of the line after the dump's first byline that sits under a headline (a line that may be a title,
    one or two lines above it): where the article starts, as a known headline tells the HTML cleaner. None without one."""
    finder: TitleFinder | None = None  # made at the first byline only: most dumps have none (and it reads every line)
    for i, line in enumerate(lines):
        if byline_line(line):
            finder = finder or TitleFinder(lines, specific)
            if any(j >= 0 and _words(lines[j]) >= 3 and not finder.rejected(j) for j in (i - 1, i - 2)):
                return i + 1
    return None
