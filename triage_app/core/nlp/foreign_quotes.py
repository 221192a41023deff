"""Quotations in languages we have no model for: quote marks and dialogue dashes, with that language's cue verbs.

No parse is available, so this is deliberately narrow: a quotation is a quoted or dash-introduced span
with a cue verb of the document's language right before or after it ("„...“, sagte Merkel", "« ... », a
déclaré Emmanuel Macron", "— ..., — сказал он"). The speaker is the capitalised name next to the cue, or
the pronoun there (left unresolved); no entities are made.
"""

from __future__ import annotations

import re

from triage_app.core.nlp.quotemarks import find_quoted, paragraphs
from triage_app.core.records import Quote

CUES: dict[str, tuple[str, ...]] = {
    "fr": ("a déclaré", "a dit", "a affirmé", "a expliqué", "a ajouté", "a souligné", "a estimé", "a indiqué",
           "a précisé", "a assuré", "a répondu", "a lancé", "déclare", "dit", "affirme", "explique", "ajoute",
           "souligne", "estime", "indique", "précise", "assure", "répond", "lance", "selon"),
    "de": ("sagte", "sagt", "sagten", "erklärte", "erklärt", "betonte", "betont", "meinte", "fügte hinzu",
           "so", "laut", "zufolge", "antwortete", "warnte", "kritisierte", "sagt er", "sagte er"),
    "es": ("dijo", "afirmó", "explicó", "declaró", "señaló", "aseguró", "añadió", "agregó", "indicó",
           "dice", "afirma", "explica", "según", "respondió", "advirtió"),
    "ru": ("сказал", "сказала", "сказали", "заявил", "заявила", "заявили", "отметил", "отметила",
           "сообщил", "сообщила", "пояснил", "пояснила", "добавил", "добавила", "подчеркнул",
           "подчеркнула", "по словам", "говорит", "считает"),
    "it": ("ha detto", "ha dichiarato", "ha spiegato", "ha aggiunto", "ha affermato", "dice", "secondo"),
    "pt": ("disse", "afirmou", "declarou", "explicou", "acrescentou", "segundo", "diz"),
}
"""Cue verbs (and "according to" words) by language, as they stand next to a quotation."""

PRONOUNS = {"il", "elle", "ils", "elles", "er", "sie", "él", "ella", "он", "она", "они", "lui", "lei", "ele"}
_NAME = r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+)(?:\s+(?:de\s+|von\s+|van\s+|la\s+)?[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]+){0,3}"
_DASHES = "—–-"


def _cue_pattern(language: str) -> re.Pattern[str] | None:
    cues = CUES.get(language)
    if not cues:
        return None
    words = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({words})(?!\w)", re.IGNORECASE)


def _speaker_after(text: str, pos: int) -> tuple[str, int, int] | None:
    """A name or pronoun right after a cue: "a déclaré Emmanuel Macron", "сказал он"."""
    match = re.match(rf"\s*(?:(?:le|la|der|die|el|la)\s+)?({_NAME}|\w+)", text[pos:])
    if match is None:
        return None
    word = match.group(1)
    if word[0].isupper() or word.lower() in PRONOUNS:
        return word, pos + match.start(1), pos + match.end(1)
    return None


def _speaker_before(text: str, pos: int) -> tuple[str, int, int] | None:
    """A name or pronoun right before a cue: "Merkel sagte", "Il a dit"."""
    match = re.search(rf"({_NAME}|\w+)\s*$", text[:pos])
    if match is None:
        return None
    word = match.group(1)
    if word[0].isupper() or word.lower() in PRONOUNS:
        return word, match.start(1), match.end(1)
    return None


def _dash_quotes(text: str, cue_re: re.Pattern[str]) -> list[tuple[int, int, int]]:
    """(content start, content end, end of the paragraph) of dialogue-dash paragraphs: "— Nous partons, dit-il."."""
    found = []
    for start, end in paragraphs(text):
        line = text[start:end]
        stripped = line.lstrip()
        if not stripped or stripped[0] not in _DASHES or not re.match(r"\s?\w", stripped[1:3]):
            continue
        content_start = start + (len(line) - len(stripped)) + 1
        content_start += len(text[content_start:end]) - len(text[content_start:end].lstrip())
        inner = re.search(r"[,.!?…]?\s+[—–]\s?(?=\w)", text[content_start:end])
        content_end = content_start + inner.start() if inner else end
        if inner is None:  # "— Nous partons, dit Marie."
            for cue in cue_re.finditer(text, content_start, end):
                if text[content_start : cue.start()].rstrip().endswith(","):
                    content_end = content_start + len(text[content_start : cue.start()].rstrip()) - 1
                    break
        found.append((content_start, content_end, end))
    return found


def foreign_quotes(text: str, language: str) -> list[Quote]:
    """Quotations of a text in `language` found without a model; [] for a language with no cue list."""
    cue_re = _cue_pattern(language)
    if cue_re is None:
        return []
    candidates = [(q.start, q.end, q.outer_end, q.open_pos) for q in find_quoted(text)]
    candidates += [(s, e, e, s - 2) for s, e, _ in _dash_quotes(text, cue_re)]
    quotes: list[Quote] = []
    taken: set[int] = set()
    for start, end, outer_end, open_pos in sorted(candidates):
        if start in taken or not text[start:end].strip():
            continue
        after = cue_re.match(text, outer_end + len(text[outer_end:]) - len(text[outer_end:].lstrip(" ,.:;—–-\u00a0")))
        speaker = None
        cue = None
        if after is not None and after.start() - outer_end <= 4:
            cue = after.group(1)
            speaker = _speaker_after(text, after.end())
        else:
            before = text[max(0, open_pos - 80) : open_pos]
            cues = list(cue_re.finditer(before))
            if cues and not before[cues[-1].end():].strip(" :,\u00a0—–-"):
                cue = cues[-1].group(1)
                base = max(0, open_pos - 80)
                speaker = _speaker_before(text, base + cues[-1].start())
        if cue is None:
            continue
        taken.add(start)
        content = text[start:end].strip()
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        name, s_start, s_end = speaker if speaker else (None, None, None)
        quotes.append(Quote(start + lead, start + lead + len(content), content, "direct", cue, name, s_start, s_end,
                            None if name is None or name.lower() in PRONOUNS else name))
    return quotes
