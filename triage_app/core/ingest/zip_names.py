"""The names of a zip's members written without the UTF-8 flag, read in the codepage they were written in.

The zip format's default for names is cp437, and `zipfile` reads every unflagged name so. But Windows' own "Send to
compressed folder" (before Windows 11) and many older tools write names in the system's DOS codepage: cp866 on a
Russian system, cp850 on a Western European one, cp932 on a Japanese one; Info-ZIP on Linux and macOS writes UTF-8
without the flag. Read as cp437, a Russian folder "Новости" becomes "ì«ó«ßΓ¿". All the unflagged names of one archive
are read in one encoding (one tool on one system wrote them): UTF-8 when they all are UTF-8, else the codepage whose
reading of them fits the language it reads as best (`legacy.fit`, as for text files), cp437 when none fits better.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Sequence

from triage_app.core.errors import ZIP_ERRORS
from triage_app.core.ingest.charset import decode_bytes
from triage_app.core.ingest.legacy import MARKUP_RE, fit
from triage_app.core.ingest.readers import kind_of
from triage_app.core.language import detect_language

UTF8_FLAG = 0x800
OEM_CODEPAGES: tuple[str, ...] = (
    "cp437", "cp850", "cp852", "cp866", "cp857", "cp737", "cp775", "cp862", "cp932", "cp936", "cp949", "cp950",
)
"""The DOS and Windows-OEM codepages zip tools write names in, cp437 (the format's default) first: on a tie it stays."""
_SEPARATORS = re.compile(r"[/\\._\-\s\d()\[\]]+")
_EAST_ASIAN_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HALFWIDTH KATAKANA")


def _script(char: str) -> str:
    """A letter's script, the first word of its Unicode name (Han and kana count as one: Japanese mixes them)."""
    name = unicodedata.name(char, "")
    if name.startswith(_EAST_ASIAN_SCRIPTS):
        return "CJK"
    return name.split(" ", 1)[0]


def plausibility(text: str) -> float:
    """Share of the non-ASCII characters of these names that a writer types: letters (and marks after letters) in
    words of one script. A codepage's wrong reading gives box-drawing signs, symbols and words that mix scripts."""
    good = total = 0
    for word in _SEPARATORS.split(text):
        foreign = [c for c in word if ord(c) > 127]
        if not foreign:
            continue
        total += len(foreign)
        scripts = {_script(c) for c in word if c.isalpha()}
        if len(scripts) > 1 or any(not (c.isalpha() or unicodedata.category(c).startswith("M")) for c in foreign):
            continue
        good += len(foreign)
    return good / total if total else 1.0


def _raw(info: zipfile.ZipInfo) -> bytes | None:
    """The name's bytes when it has no UTF-8 flag and is not ASCII (else None: it reads the same in any of them)."""
    if info.flag_bits & UTF8_FLAG or info.filename.isascii():
        return None
    try:
        return info.orig_filename.encode("cp437")  # how zipfile decoded them
    except UnicodeEncodeError:
        return None


def names_encoding(infos: Sequence[zipfile.ZipInfo], language: str | None = None) -> str | None:
    """The encoding the archive's unflagged non-ASCII names are written in; None when it has none. `language`, that
    of the archive's documents when known, breaks ties between readings equally plausible (Korean names read as
    Chinese characters are characters too)."""
    raw = [name for name in map(_raw, infos) if name is not None]
    if not raw:
        return None
    joined = b"\n".join(raw)
    try:
        joined.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[float, bool, float, int] | None = None
    chosen = "cp437"
    for rank, codepage in enumerate(OEM_CODEPAGES):
        try:
            text = " ".join(_SEPARATORS.split(joined.decode(codepage)))
        except UnicodeDecodeError:
            continue  # a byte the codepage leaves undefined, or a broken multi-byte sequence
        guess = detect_language(text)
        score = (round(plausibility(text) * fit(text, guess.code), 2), guess.code == language is not None, round(guess.confidence, 2), -rank)
        if best is None or score > best:
            best, chosen = score, codepage
    return chosen


HEAD_BYTES = 32 * 1024


def content_language(archive: zipfile.ZipFile, infos: Sequence[zipfile.ZipInfo], most: int = 3) -> str | None:
    """The language most of the first `most` pages and text files of the archive are written in (their first
    `HEAD_BYTES`, markup left out), None when none reads as one."""
    found: list[str] = []
    for info in infos:
        if len(found) >= most:
            break
        kind = kind_of(info.filename)
        if info.is_dir() or info.flag_bits & 0x1 or kind not in ("html", "text"):
            continue
        try:
            with archive.open(info) as handle:
                head = handle.read(HEAD_BYTES)
        except ZIP_ERRORS:
            continue
        markup = kind == "html"
        text = decode_bytes(MARKUP_RE.sub(b" ", head) if markup else head, html=markup).text
        if (code := detect_language(text).code) is not None:
            found.append(code)
    return max(set(found), key=found.count) if found else None


def member_names(infos: Sequence[zipfile.ZipInfo], archive: zipfile.ZipFile | None = None) -> list[str]:
    """Each member's name as written (see the module's docstring), in the order of `infos`; `archive` (open) is read
    for the language of its documents when the names leave a choice."""
    encoding = names_encoding(infos)
    if encoding not in (None, "utf-8") and archive is not None:
        encoding = names_encoding(infos, content_language(archive, infos))
    if encoding is None or encoding == "cp437":
        return [info.filename for info in infos]
    names = []
    for info in infos:
        raw = _raw(info)
        names.append(info.filename if raw is None else raw.decode(encoding, errors="replace").replace("\\", "/"))
    return names
