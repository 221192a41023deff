"""Comment threads in a text dump: where the comments under an article begin.

A browser's text of a blog post or news story has the comments after the article, as prose that can
outweigh a short post. They are found by their opener ("4 Comments", "Leave a reply": `comments_start`),
by the stamps of different commenters (a date with a clock time: `thread_start`), or, when the heaviest
run of prose follows a comments header, by commenters' marks between them (`thread_header`).

A thread that neither an opener nor dated stamps announce, only its reply marks, does not outweigh the post under a
headline's byline either (`post_under_byline`).

A forum thread is the other way round: its posts, each under its poster's profile lines, are the page's text, all of
them (`forum_thread`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import islice

from triage_app.core.clean import patterns as P
from triage_app.core.clean.date_words import MONTHS, RELATIVE_TIMES_ELSEWHERE
from triage_app.core.clean.dates import find_date
from triage_app.core.clean.line_features import is_prose, weight
from triage_app.core.clean.regions import ANCHOR_WINDOW, WEAK_REGION, anchored_region, best_run_starting_within
from triage_app.core.clean.text_lines import Line

_REPLY_FORM_RE = re.compile(
    r"^(leave a (reply|comment)|post a comment|add (a|your) comment|comments are closed|deixe (uma resposta|um comentário|seu comentário)"
    r"|deja (una respuesta|un comentario)|lascia un commento|schreibe einen kommentar|laisser un commentaire|laissez un commentaire)\b",
    re.IGNORECASE,
)
"""Openers only a comment form or a closed comment section has (not a comment count in a header)."""
REPLY_FORM_PROSE = 60
"""A reply-form opener ends the article after one short paragraph already (short blog posts)."""
THREAD_HEADERS = 3
"""A comment thread: at least this many short lines that stamp a date with a clock time ("Maria July 7, 2012 at 2:31 pm")."""
THREAD_PROSE = 300
"""Prose (characters) an article has before a thread cuts it off."""
_STAMP_WORDS = (
    "at on am pm by posted post said says wrote reply subject date asked answered edited commented modified updated de le el um às à"
    " mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday"
    " gmt utc est edt cst cdt mst mdt pst pdt bst cet cest ist jst"
)
_STAMP_FILLER = frozenset(_STAMP_WORDS.split())
"""Words of a stamp line that name no one."""
_COMMENTER_SAYS = "sagt|schreibt|dit|dice|escribió|diz|escreveu|scrive|ha scritto|ha detto|zegt|schreef"
"""A comment's header in other languages ("Maria sagt:", "Pierre dit :"): WordPress's "%s says:" in German, French,
Spanish, Portuguese, Italian and Dutch (with "schrieb", "disse", "a écrit" of the older alternative below), always with
its colon (a line of prose may end in "dit"; French sets a space before it). A stamp under a comments header only, not
an opener of the comments as the English "says:" is: "Le ministre a dit :" introduces a quotation inside an article."""
_THREAD_MARK_RE = re.compile(
    r"^(reply|responder|responda|répondre|antworten|rispondi|permalink|report( abuse)?|quote)\b|\b(says|said|wrote|schrieb|disse|dijo|a écrit)\s*:?$"
    rf"|\b({_COMMENTER_SAYS})\s*:$"
    r"|\b\d+\s+(minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b"
    r"|\b(vor|il y a|hace|há)\s+\d+\s+(min(uten)?|std|stunden?|tag(en)?|wochen?|monat(en)?|jahr(en)?|minutes?|heures?|jours?|semaines?|mois"
    r"|ans?|minutos?|horas?|días?|dias?|semanas?|meses|años?|anos?)\W*$|\b\d+\s+(minuti|ore|giorni|settimane|mesi|anni|minuten|uur|dagen"
    r"|weken|maanden|jaar)\s+(fa|geleden)\W*$"
    rf"|(?:^|\s)(?:{RELATIVE_TIMES_ELSEWHERE})\W*$",
    re.IGNORECASE,
)
"""A line of a comment's header or footer besides its date: its reply link, "Maria says:", "3 days ago" (or "Maria sagt:",
"vor 3 Tagen" and the like in five other languages, and `date_words.RELATIVE_TIMES_ELSEWHERE`, at the line's end: "vor 3
Jahren wurde ..." is prose)."""
THREAD_MARKS = 2
"""Stamps (dates or `_THREAD_MARK_RE` lines) that make the run after a comments header a thread."""


def _stamped(line: Line) -> bool:
    """A comment's header: a short line with a date and a clock time (a name, "said", "Reply" around it)."""
    return line.words <= 12 and line.length <= 80 and any(c.isdigit() for c in line.text) and "T" in (find_date(line.text) or "")


def _stamp_owner(text: str) -> str:
    """What a stamp line says besides its date: the commenter's name ("Maria", "Yan said")."""
    return " ".join(w for w in re.findall(r"[^\W\d]+", text.lower()) if w not in MONTHS and w not in _STAMP_FILLER)


def thread_start(lines: list[Line]) -> int | None:
    """Index of the first header of a comment thread, or None: `THREAD_HEADERS` or more date-and-time
    stamped lines naming different people. An article is stamped once; each comment has its own stamp
    and author. Stamps that all say the same besides the date are entries of one page (a blog's home
    page, a press-release list, a mail archive's "Date:" headers), not a thread."""
    stamped = [i for i, line in enumerate(lines) if "\t" not in line.text and _stamped(line)]
    owners = {_stamp_owner(lines[i].text) for i in stamped}
    return stamped[0] if len(stamped) >= THREAD_HEADERS and len(owners) >= THREAD_HEADERS else None


_TWO_SENTENCES_RE = re.compile(r"[.!?]\s+\w")


def _long_count_header(line: Line) -> bool:
    """A comments header that goes on after its count (`patterns.COMMENT_COUNT_HEADER_RE`): up to 12 words where other
    headers have 8, and one phrase ("3 comments in yesterday's post! Allow me to answer each:" is the post going on)."""
    return line.words <= 12 and bool(P.COMMENT_COUNT_HEADER_RE.match(line.text)) and not _TWO_SENTENCES_RE.search(line.text)


def comments_start(lines: list[Line], min_prose: int = 500, *, threads: bool = True) -> int:
    """Index of the line that opens a comment or related-stories section after the article (len(lines) when none).

    With `threads`, a comment thread that follows `THREAD_PROSE` of prose ends the article too; a thread
    whose first stamp comes before the prose is a forum or Q&A page (the question is stamped like the
    answers), which is the content."""
    thread = thread_start(lines) if threads else None
    amounts = [line.length if line.group_size < 5 and is_prose(line) else 0 for line in lines]
    prose = 0
    for i, line in enumerate(lines):
        if prose >= min_prose and line.words <= 8:
            if P.COMMENTS_START_RE.match(line.text):
                return i
        elif (prose >= min_prose and _long_count_header(line)) or (
            prose >= REPLY_FORM_PROSE and line.words <= 8 and _REPLY_FORM_RE.match(line.text)
        ):
            return i
        if i == thread and prose >= THREAD_PROSE:
            return i
        prose += amounts[i]
    return len(lines)


def thread_header(lines: list[Line], region: tuple[int, int]) -> int | None:
    """Index of the comments header ("4 Comments", "Leave a reply") that heads `region`, when the lines
    from it to the region's end carry `THREAD_MARKS` or more commenters' stamps (a date, "Reply",
    "Maria says:", "3 days ago"): the region is then the thread, not the article. None otherwise."""
    header = next((i for i in range(region[0] - 1, -1, -1) if lines[i].words <= 8 and P.COMMENTS_START_RE.match(lines[i].text)), None)
    if header is None:
        return None
    stamps = (i for i in range(header + 1, region[1] + 1) if lines[i].words <= 12 and _is_stamp(lines[i].text))
    return header if next(islice(stamps, THREAD_MARKS - 1, None), None) is not None else None  # stops at the last one needed


def _is_stamp(text: str) -> bool:
    return bool(_THREAD_MARK_RE.search(text) or find_date(text))


def reply_marks(lines: list[Line], first: int, last: int) -> Iterator[int]:
    """Indexes of the lines from `first` to `last` that are commenters' marks besides dates ("Reply", "Maria says:",
    "3 days ago"): a thread's, not an article's (a live blog's entries and a timeline's are dated, not replied to)."""
    return (i for i in range(first, last + 1) if lines[i].words <= 12 and _THREAD_MARK_RE.search(lines[i].text))


def reply_marked(lines: list[Line], span: tuple[int, int], at_least: int = THREAD_HEADERS) -> bool:
    """The lines of `span` hold `at_least` commenters' marks (`reply_marks`)."""
    return next(islice(reply_marks(lines, *span), at_least - 1, None), None) is not None


def post_under_byline(
    lines: list[Line], region: tuple[int, int], best: float, anchor: int, cut: int | None
) -> tuple[tuple[int, int], float]:
    """The region (weighing `best`), or the run under a headline's byline (`anchor`: the line after it,
    `dump_title.byline_anchor`) when the region lies further down: a short post beside a heavier box (the anchor's share
    test, `regions.anchored_region`), or under a comment thread that no header or dated stamp announces, known by its
    reply marks (`reply_marked`; the post then ends at the thread's first mark and no share of the thread's weight is
    asked of it). The region stands when it starts before the byline (a byline may close a post: Blogger's "Posted by
    NAME at 2:28 PM" under it) or when the run under the byline reaches it (not a run of its own)."""
    if region[0] < anchor:
        return region, best
    moved, weighs = anchored_region(lines, region, best, anchor, cut)
    if moved[1] >= region[0] and region[0] >= anchor + ANCHOR_WINDOW and reply_marked(lines, region):
        stop = next(reply_marks(lines, anchor, region[0]), region[0])
        found = best_run_starting_within([weight(line) for line in lines[anchor:stop]], ANCHOR_WINDOW)
        if found is not None and found[1] >= WEAK_REGION:
            moved, weighs = (anchor + found[0][0], anchor + found[0][1]), found[1]
    return (moved, weighs) if moved[1] < region[0] else (region, best)


_MEMBER_SINCE = (
    r"^(joined|join date|registered|date registered|member since|registriert( seit)?|mitglied seit|dabei seit|inscription"
    r"|inscrit le|registrado|miembro desde|membro desde|iscritto( il)?|iscrizione|geregistreerd|lid sinds|zarejestrowany"
    r"|регистрация|зарегистрирован)"
)
_MEMBER_SINCE_RE = re.compile(_MEMBER_SINCE + r"\s*:\s*\S.*\d", re.IGNORECASE)
"""A forum poster's profile line: since when the poster is a member ("Joined: Jun 26, 2004" in phpBB, "Join Date:
Jan 2005" in vBulletin, "Registered: April 29, 2001", "Registriert: 12.03.2009"), a label and a date."""
_MEMBER_SINCE_LABEL_RE = re.compile(_MEMBER_SINCE + r"\s*:?$", re.IGNORECASE)
"""The same label alone on its line, its date on the next: vBulletin 4 and XenForo lay a poster's details out as a
list of terms and values ("Join Date" / "Nov 2024"), which a browser copies as two lines."""


def _is_profile(lines: list[Line], i: int) -> bool:
    """Line `i` says since when a poster is a member, alone or with the line after it (a short line with a digit)."""
    line = lines[i]
    if line.words <= 10 and _MEMBER_SINCE_RE.match(line.text):
        return True
    if line.words > 4 or i + 1 >= len(lines) or not _MEMBER_SINCE_LABEL_RE.match(line.text):
        return False
    value = lines[i + 1]
    return value.words <= 5 and any(c.isdigit() for c in value.text)


FORUM_POSTERS = 3
"""Profile lines that make a dump a forum thread."""


def forum_thread(lines: list[Line], region: tuple[int, int], cut: int) -> tuple[int, int] | None:
    """The span of a forum thread's posts, when the dump is one and the heaviest run of prose (`region`) is one of
    its posts: `FORUM_POSTERS` or more posters' profile lines before `cut`, the first of them before the region.
    Every post is the page's text, not only the heaviest; the span runs from the first profile line to the end of
    the run of prose after the last one, past `cut` when more posts follow it (a reply's quote header, "seth
    wrote:", reads as a comments opener). None when the dump is no thread or its prose comes before the posts (an
    article above comments whose commenters show their profiles)."""
    profiles = [i for i in range(len(lines)) if _is_profile(lines, i)]
    if sum(1 for i in profiles if i < cut) < FORUM_POSTERS or profiles[0] > region[0]:
        return None
    last = profiles[-1]
    after = best_run_starting_within([weight(line) for line in lines[last:]], ANCHOR_WINDOW)
    return profiles[0], max(region[1], last + after[0][1] if after else last)


_REPLY_SUBJECT_RE = re.compile(r"^re\s*:\s*(\S.*)$", re.IGNORECASE)
REPLY_SUBJECTS = 2
"""Replies that must repeat one subject for it to be the thread's title."""


def thread_subject(lines: list[Line]) -> str | None:
    """The subject a thread's replies repeat ("Re: Logging a tide gauge" over each post of a phpBB or vBulletin thread,
    each message of a mailing-list archive): the thread's title, when `REPLY_SUBJECTS` or more replies give the same
    one and it is the commonest. Not a subject of no words or in parentheses (Slashdot's "Re:(Score:2)" over every
    comment): None then."""
    subjects = Counter(
        match.group(1).strip() for line in lines if line.words <= 30 and (match := _REPLY_SUBJECT_RE.match(line.text))
    )
    if not subjects:
        return None
    subject, count = subjects.most_common(1)[0]
    if count < REPLY_SUBJECTS or subject.startswith("(") or not any(c.isalpha() for c in subject):
        return None
    return subject
