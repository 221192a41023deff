"""One pass of the text-dump cleaner over a list of lines (`text_dump`): the article region, the metadata found
in the lines, and a removal reason for every line inside or outside the region."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from triage_app.core.clean import patterns as P
from triage_app.core.clean import text_reasons as TR
from triage_app.core.clean.dates import find_date, is_date_line
from triage_app.core.clean.dump_metadata import byline_name, keywords_of_line, site_from_copyright
from triage_app.core.clean.dump_threads import (
    comments_start,
    forum_thread,
    post_under_byline,
    thread_header,
    thread_subject,
)
from triage_app.core.clean.dump_title import TitleFinder, byline_anchor, title_text
from triage_app.core.clean.line_features import byline_line, is_menu_like, is_prose, weight
from triage_app.core.clean.regions import WEAK_REGION, anchored_region, extend_region, heaviest_run, unsure_region
from triage_app.core.clean.text_lines import Line

_NAME_RE = re.compile(r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}$")
_CORPORATE_RE = re.compile(r"\b(inc|llc|ltd|gmbh|corp|corporation|plc|s\.a|media group)\b\.?$", re.IGNORECASE)
_PROPAGATING = {P.NEWSLETTER, P.COMMENTS, P.SHARE, P.RELATED, P.METADATA}


@dataclass
class DumpResult:
    """Removal reason per line (None = kept) and the metadata found in the lines."""

    reasons: list[str | None]
    title: str | None = None
    byline: str | None = None
    published: str | None = None
    site: str | None = None
    keywords: list[str] = field(default_factory=list)




class DumpClassifier:
    """One pass over a list of lines."""

    def __init__(self, lines: list[Line], title_hint: str | None, *, threads: bool = True, unsure: bool = False,
                 anchor: int | None = None, byline: str | None = None) -> None:
        self.anchor = anchor  # the first line after the document's known headline (`regions.anchored_region`)
        self.byline = byline  # the byline an earlier pass found (a later pass no longer has its line)
        self.threads = threads
        self.unsure = unsure  # apply `unsure_region` (text dumps)
        self.lines = lines
        self.title_hint = P.normalise(title_hint or "")
        self.reasons: list[str | None] = [None] * len(lines)
        self.meta = DumpResult(self.reasons)

    def run(self) -> DumpResult:
        lines = self.lines
        self.cut = comments_start(lines, threads=self.threads)
        opener = lines[self.cut].text if self.cut < len(lines) else ""
        self.cut_reason = P.RELATED if P.RELATED_START_RE.match(opener) else P.COMMENTS
        found = heaviest_run(lines, self.cut)
        region, best = found if found else (None, 0.0)
        if region:
            region, best = anchored_region(lines, region, best, self.anchor, self.cut)
        thread = None
        if region:
            region, best, thread = self._before_thread(region, best)
        if region and thread is None and self.anchor is None and self.unsure and self.threads:
            anchor = byline_anchor(lines, self._specific)  # text dumps and untitled PDF prints: no headline is known
            if anchor is not None:
                region, best = post_under_byline(lines, region, best, anchor, self.cut)
        if region and (posts := forum_thread(lines, region, self.cut)) is not None:
            region, best = posts, max(best, sum(weight(line) for line in lines[posts[0] : posts[1] + 1]))
            self.cut = max(self.cut, min(posts[1] + 1, len(lines)))  # no comments opener inside the thread
        if region and best < WEAK_REGION:
            region = None  # no run of prose: a list or table page, judged line by line
        if region and self.unsure and unsure_region(lines, extend_region(lines, region, self.cut), best, thread):
            region = None
        start, end = extend_region(lines, region, self.cut) if region else (0, len(lines) - 1)
        self._metadata(start)
        for i in range(start, end + 1):
            self.reasons[i] = self._inside(i, start, end)
        for i in [*range(0, start), *range(end + 1, len(lines))]:
            self.reasons[i] = self._outside(i, start)
        self._dedupe(start, end)
        self._propagate(start, end)
        self._propagate_inside(start, end)
        return self.meta

    def _before_thread(self, region: tuple[int, int], best: float) -> tuple[tuple[int, int], float, int | None]:
        """The heaviest run before the comments header when `region` is a stamped thread under one
        (`dump_threads.thread_header`): a short post's comments outweigh the post. That run must be heavy
        enough and start under a headline (a forum's welcome blurb above its thread is its own headline);
        otherwise `region` stands. Also the thread's header (None: no thread)."""
        header = thread_header(self.lines, region)
        found = heaviest_run(self.lines, header) if header is not None else None
        if header is None or found is None:
            return region, best, None
        earlier, weighs = found
        headline = TitleFinder(self.lines, self._specific).find(earlier[0])
        if weighs < WEAK_REGION or headline is None or headline >= earlier[0]:
            return region, best, None
        self.cut, self.cut_reason = header, P.COMMENTS
        return earlier, weighs, header

    def _metadata(self, start: int) -> None:
        lines, meta = self.lines, self.meta
        for line in lines[: start + 1]:
            if TR.TEXT_PATTERNS[1][0].search(line.text) and not meta.keywords:
                meta.keywords = keywords_of_line(line.text)
        byline_index = next(
            (i for i in range(start) if byline_line(lines[i])), None
        )
        if byline_index is not None:
            following = lines[byline_index + 1].text if byline_index + 1 < len(lines) else None
            meta.byline = byline_name(lines[byline_index].text, following)
            meta.published = find_date(lines[byline_index].text)
        if not meta.published:
            meta.published = next((d for ln in lines[:start] if is_date_line(ln.text) and (d := find_date(ln.text))), None)
        self.title_index = self._find_title(start)
        if self.title_index is not None:
            meta.title = title_text(lines[self.title_index].text)
        subject = thread_subject(lines) if not self.title_hint else None
        if subject is not None:
            # a thread's replies name its title: the line that shows it, else the subject itself; a pick that says the
            # same keeps its line, but the title is in the subject's words
            if P.normalise(subject) != P.normalise(meta.title or ""):
                self.title_index = next((i for i, line in enumerate(lines) if line.text.strip() == subject), None)
            meta.title = subject
        meta.site = site_from_copyright(lines)
        if not meta.byline:
            for i, line in enumerate(lines[:-1]):
                if _NAME_RE.match(line.text) and lines[i + 1].text.startswith(line.text + " ") and P.AUTHOR_BIO_RE.match(lines[i + 1].text):
                    meta.byline = line.text
                    break

    def _find_title(self, start: int) -> int | None:
        lines = self.lines
        if self.title_hint:
            for i in range(start):
                if P.normalise(lines[i].text) == self.title_hint:
                    return i
        return TitleFinder(lines, self._specific).find(start)

    def _specific(self, i: int) -> str | None:
        """Reasons that hold wherever a line is."""
        line = self.lines[i]
        text = line.text
        if line.words <= 25 and (reason := TR.text_reason(text)):
            return reason
        if byline_line(line):
            return P.BYLINE
        if (bio := P.AUTHOR_BIO_RE.match(text)) and self._about_the_author(bio["name"]):
            return P.AUTHOR_BIO
        if _NAME_RE.match(text) and i + 1 < len(self.lines):
            following = self.lines[i + 1].text
            if following.startswith(text + " ") and P.AUTHOR_BIO_RE.match(following):
                return P.BYLINE
        if is_date_line(text):
            published = self.meta.published
            found = find_date(text)
            return P.METADATA if published and found and published.startswith(found[:16]) else P.DATE
        if P.is_number_only(text):
            return P.METADATA
        if line.words <= 12 and P.PUBLISHED_LINE_RE.match(text) and find_date(text):
            return P.DATE
        if line.words <= 12 and P.CREDIT_RE.search(text):
            return P.CAPTION
        return None

    def _about_the_author(self, name: str) -> bool:
        """A bio-shaped line about `name` ("Jake Warga is an anthropologist ... journalist") is the author's bio unless
        the dump's byline names someone else (no word in common): then it introduces the article's subject."""
        byline = self.meta.byline or self.byline
        if not byline:
            return True
        return not {w.casefold() for w in re.findall(r"\w+", name)}.isdisjoint(w.casefold() for w in re.findall(r"\w+", byline))

    def _inside(self, i: int, start: int, end: int) -> str | None:
        reason = self._specific(i)
        if reason:
            return reason
        line = self.lines[i]
        if is_menu_like(line) and line.group_size >= 6 and line.group_short_share >= 0.8:
            return P.NAVIGATION
        return None

    def _outside(self, i: int, start: int) -> str:
        line = self.lines[i]
        if i == self.title_index:
            return P.TITLE
        reason = self._specific(i)
        if reason:
            return reason
        norm = P.normalise(line.text)
        meta = self.meta
        if meta.keywords and norm == P.normalise(" ".join(meta.keywords)):
            return P.METADATA
        if meta.title and norm == P.normalise(meta.title):
            return P.METADATA
        if meta.site and line.words <= 8 and meta.site.lower() in line.text.lower() and _CORPORATE_RE.search(line.text):
            return P.METADATA
        if i < start:
            if self.title_index is not None and i > self.title_index and is_prose(line):
                return P.SUMMARY
            return P.NAVIGATION
        return ""  # decided by its group, or footer

    def _dedupe(self, start: int, end: int) -> None:
        """Lines outside the article that repeat one of its lines are metadata repeats (teasers).

        Repeats inside the article stay: recipes and interviews repeat lines on purpose."""
        seen = {P.normalise(self.lines[i].text) for i in range(start, end + 1) if self.reasons[i] is None}
        for i, reason in enumerate(self.reasons):
            if reason == "" or (reason in (P.NAVIGATION,) and i < start):
                if P.normalise(self.lines[i].text) in seen and len(self.lines[i].text) >= 20:
                    self.reasons[i] = P.METADATA

    def _propagate(self, start: int, end: int) -> None:
        lines, reasons = self.lines, self.reasons
        groups: dict[int, list[int]] = {}
        for i in range(end + 1, len(lines)):
            groups.setdefault(lines[i].group, []).append(i)
        for members in groups.values():
            if not any(reasons[i] in _PROPAGATING for i in members):
                continue
            # An undecided line takes the reason of the next decided line of its group, else of the one before it
            # (as decided so far), when that reason propagates. Both are found in one pass each way: looked for from
            # every undecided line, a group of 20,000 short lines took 4.7 s (quadratic).
            later: list[str | None] = [None] * len(members)
            following: str | None = None
            for pos in range(len(members) - 1, -1, -1):
                later[pos] = following
                following = reasons[members[pos]] or following
            earlier: str | None = None
            for pos, i in enumerate(members):
                if reasons[i] == "":
                    reasons[i] = next((r for r in (later[pos], earlier) if r in _PROPAGATING), "")
                earlier = reasons[i] or earlier
        footer_seen = False
        for i, reason in enumerate(reasons):
            footer_seen = footer_seen or (i > end and reason in (P.COPYRIGHT, P.PRIVACY, P.FOOTER))
            if reason == "":
                reasons[i] = self.cut_reason if i >= self.cut and not footer_seen else P.FOOTER

    def _propagate_inside(self, start: int, end: int) -> None:
        """A related/share/newsletter/comments line inside the article takes the short lines of its group.

        The run a line reaches is not walked again from the lines inside it: each of them would stop where it stopped
        and find every line before that decided (walked from each, a group of 8,000 short lines, half of them "12
        Comments", took 3.6 s: quadratic)."""
        lines, reasons = self.lines, self.reasons
        i = start
        while i <= end:
            reason = reasons[i]
            if reason not in _PROPAGATING or reason == P.METADATA:
                i += 1
                continue
            group = lines[i].group
            j = i + 1
            while j <= end and lines[j].group == group and lines[j].length < 150:
                if reasons[j] is None:
                    reasons[j] = reason
                j += 1
            i = j
