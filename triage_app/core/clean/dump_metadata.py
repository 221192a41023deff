"""What a text dump says about itself besides its article: the site (from a copyright notice), the names on a
byline line, the keywords on a tags line."""

from __future__ import annotations

import re

from triage_app.core.clean import patterns as P
from triage_app.core.clean.byline import element_name, name_from_byline, shown_names
from triage_app.core.clean.text_lines import Line

_ALL_RIGHTS = r"all rights|alle rechte|tous droits|todos los derechos|todos os direitos|tutti i diritti|alle rechten"
""""All rights reserved" as it starts in English, German, French, Spanish, Portuguese, Italian and Dutch."""
_COPYRIGHT_NAME_RE = re.compile(
    r"(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)|copyright))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*([^.|]+?)"
    rf"(?:\.|,|\||{_ALL_RIGHTS}|$)",
    re.I,
)
_NOTICE_RE = re.compile(r"©|\(c\)|copyright\b.*\b(?:19|20)\d\d\b", re.I)
"""A copyright notice has the sign or a year ("Copyright Policy", a footer link, has neither)."""
_YEARS_AFTER_RE = re.compile(r"\s+\d{4}(?:\s*[-–]\s*\d{4})?$")
"""The year after the owner's name ("Copyright Thomson Reuters 2012")."""
_NOT_OWNER_RE = re.compile(rf"({_ALL_RIGHTS})\b|copyright$", re.IGNORECASE)
"""What a notice gives where its owner's name should be: "© 2019 All rights reserved", "© Copyright"."""
_SOFTWARE_CREDIT_RE = re.compile(r"\b(?:platform|software|powered|theme|designed|developed|built|hosted)\s+by\s+([^\W\d_][\w.]*)", re.IGNORECASE)
"""A credit for the site's software or designer ("Community platform by XenForo®"): a notice whose owner is the
credited name ("... © 2010-2026 XenForo Ltd.") is the vendor's own, not the site's."""
_POWERED_BY_RE = re.compile(r"\s+(?:powered|hosted)\s+by\b.*$", re.IGNORECASE)
"""The platform after the owner's name ("© 2024 SoloWorkStudio Powered by Shopify"): not part of the name."""
_BEFORE_NAME_RE = re.compile(r"^(?:[\W_]+|(?:19|20)\d\d(?:\s*[-–—]\s*(?:(?:19|20)\d\d|present))?\b)+", re.IGNORECASE)
"""Signs, years and punctuation left before the name ("—2025 The Independent Traveler", ": © 2025 Redfin")."""
_ADDRESS_IN_BRACKETS_RE = re.compile(r"\s*\((?:https?:|www\b)[^)]*\)?\s*$", re.I)
"""A web address in brackets after a copyright owner's name (the name's own brackets, "(Mysore)", stay)."""
_CORP_SUFFIX_RE = re.compile(
    r"[\s,]+(?:&\s*)?(media|inc|llc|ltd|gmbh|corp|group|company|plc|co|ag|kg|sa|sarl|srl|spa|bv|nv|ltda)\.?$", re.IGNORECASE
)
"""A company's form after its name, English and (GmbH, AG, KG, SA, SARL, Srl, SpA, BV, NV, Ltda) continental."""
_BY_WORDS = r"(?:by|von|par|por|di|door|av|af)"
"""The word before an author's name, in the languages bylines are read in."""
_BY_PREFIX_RE = re.compile(rf"^{_BY_WORDS}\s+", re.IGNORECASE)


def site_from_copyright(lines: list[Line]) -> str | None:
    """The site's name as the copyright notices in `lines` give it: the name given most often (None: no notice names one)."""
    names: list[str] = []
    for line in lines:
        if line.words > 20 or not _NOTICE_RE.search(line.text):
            continue
        m = _COPYRIGHT_NAME_RE.search(line.text)
        if m:
            name = _ADDRESS_IN_BRACKETS_RE.sub("", m.group(1)).strip(" ,-")  # "Al Bawaba (www.albawaba.com)"
            name = _YEARS_AFTER_RE.sub("", _BY_PREFIX_RE.sub("", _BEFORE_NAME_RE.sub("", name))).strip(" ,-")
            name = _POWERED_BY_RE.sub("", name).rstrip(" ,-|·•–—")
            while _CORP_SUFFIX_RE.search(name):
                name = _CORP_SUFFIX_RE.sub("", name).strip(" ,")
            credited = _SOFTWARE_CREDIT_RE.search(line.text)
            if credited and (name.lower().startswith(credited.group(1).lower()) or _SOFTWARE_CREDIT_RE.match(name)):
                continue  # the software vendor's own notice, or a credit where the owner's name should be
            if 1 <= len(name.split()) <= 4 and not P.is_number_only(name) and not _NOT_OWNER_RE.match(name):
                names.append(name)
    if not names:
        return None
    # Ties go to the first name in the text (over a set, the winner changed with the hash seed).
    return max(dict.fromkeys(names), key=lambda n: (names.count(n), -len(n)))


def keywords_of_line(text: str) -> list[str]:
    """The keywords a tags line lists ("Tags: a, b | c", `patterns.TAGS`), at most 30."""
    body = re.split(r"[:|]", text, maxsplit=1)[1] if re.match(r"^\s*\w+\s*:", text) else text
    parts = re.split(r"\s*[|,;]\s*", body)
    return [p.strip() for p in parts if p.strip()][:30]


_BY_ONLY_RE = re.compile(rf"(?:(?:written|posted|published|reported)\s+)?{_BY_WORDS}\s*:?", re.IGNORECASE)


def byline_name(text: str, following: str | None = None) -> str | None:
    """The names a byline line gives, read as the HTML cleaner reads a page's author element
    (`byline.element_name`, then `byline.shown_names`: "Posted by", a date after the name and a role after a
    comma dropped); a line that is only "By" takes its name from the next line when that reads as a name
    (`byline.name_from_byline`: a browser's text writes the word and the linked name apart)."""
    if _BY_ONLY_RE.fullmatch(text.strip()):
        return name_from_byline(f"By {following}") if following is not None else None
    return shown_names(element_name(text), None, None)
