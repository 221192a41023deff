"""Turning bytes into text: byte-order mark, then the declared charset, then detection.

Decoding never raises: bytes that do not fit the chosen charset become U+FFFD.
The name of the charset actually used is returned so that the library can record it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

DECLARATION_SCAN_BYTES = 16 * 1024
"""How far into a page to look for `<meta charset>` or an XML declaration."""

DETECTION_SAMPLE_BYTES = 256 * 1024
"""How much of a file the charset detector looks at."""

FEW_STRAY_BYTES = 16
"""Fewer undecodable bytes than this in declared UTF-8 are damage, not a wrong declaration."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # must come before UTF-16 LE, which it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG Encoding Standard: browsers read these labels as windows-1252.
_BROWSER_ALIASES = {"latin-1": "cp1252", "iso8859-1": "cp1252", "ascii": "cp1252"}

_NOT_DOCUMENT_ENCODINGS = frozenset({"utf-7", "punycode", "idna", "unicode-escape", "raw-unicode-escape", "undefined", "charmap"})
"""Text codecs Python knows that no browser reads a page in (WHATWG Encoding Standard): UTF-7 turns "+ADw-" into "<"
(the old way to smuggle markup past a filter), the others are escape syntaxes or fail on any byte."""

_META_CHARSET_RE = re.compile(rb"<meta\b[^>]{0,2000}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:\-]{1,40})", re.IGNORECASE)
_XML_DECL_RE = re.compile(rb"^\s*<\?xml\b[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._\-]{1,40})[\"']", re.IGNORECASE)

_BINARY_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"MZ",
    b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf", b"BZh", b"\xfd7zXZ", b"OggS", b"ID3", b"RIFF", b"SQLite format 3",
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\b\x1b") + b"\x7f"


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes and the codec name used (e.g. "utf-8", "cp1251")."""

    text: str
    charset: str


def normalise_label(label: str | bytes | None) -> str | None:
    """The Python codec name for a charset label, or None when Python does not know it or it names no character
    encoding of documents: Python's byte transforms (`base64`, `zlib`, `rot13`, ...; a page declaring one failed to
    import), and `_NOT_DOCUMENT_ENCODINGS`. Browsers ignore such a label and read the page as undeclared; so does this."""
    if label is None:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "replace")
    label = label.strip().strip("\"'").lower()
    if not label:
        return None
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_DOCUMENT_ENCODINGS:
        return None
    return _BROWSER_ALIASES.get(info.name, info.name)


def sniff_bom(data: bytes) -> tuple[str, int] | None:
    """The charset given by a byte-order mark and the mark's length, if the data starts with one."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark, recognised by zero bytes in every other position."""
    sample = data[:1024]
    if len(sample) < 8:
        return None
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zero > 0.9 * half and even_zero < 0.1 * half:
        return "utf-16-le"
    if even_zero > 0.9 * half and odd_zero < 0.1 * half:
        return "utf-16-be"
    return None


def declared_html_charset(data: bytes) -> str | None:
    """The charset a page declares (XML declaration, `<meta charset>`, `http-equiv` Content-Type)."""
    head = data[:DECLARATION_SCAN_BYTES]
    for pattern in (_XML_DECL_RE, _META_CHARSET_RE):
        match = pattern.search(head)
        if match:
            name = normalise_label(match.group(1))
            if name is not None and not name.startswith(("utf-16", "utf-32")):
                return name  # a UTF-16 label inside ASCII-readable bytes is wrong: ignore it
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are clearly not text: known file signatures or many control characters."""
    if data.startswith(_BINARY_MAGIC):
        return True
    sample = data[:64 * 1024]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > 0.05 * len(sample)


def detect(data: bytes) -> str | None:
    """A best guess at the charset of undeclared, non-UTF-8 bytes (charset-normalizer)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:DETECTION_SAMPLE_BYTES]).best()
    if best is None:
        return None
    return normalise_label(best.encoding)


_ISO2022_ESCAPES = ((b"\x1b$B", "iso2022_jp"), (b"\x1b$@", "iso2022_jp"), (b"\x1b$(D", "iso2022_jp_2"), (b"\x1b$)C", "iso2022_kr"))


def sniff_iso2022(data: bytes) -> str | None:
    """ISO-2022-JP/KR (old Japanese and Korean mail and text): 7-bit bytes, so valid UTF-8 and read as
    escape-code noise unless their escape sequences are recognised. None when `data` is not one."""
    sample = data[:DETECTION_SAMPLE_BYTES]
    for escape, name in _ISO2022_ESCAPES:
        if escape in sample and max(sample, default=0) < 0x80:
            try:
                data.decode(name)
            except UnicodeDecodeError:
                return None
            return name
    return None


def _decode(data: bytes, charset: str) -> str:
    text = data.decode(charset, errors="replace")
    return text.replace("\x00", "\ufffd") if "\x00" in text else text


def decode_bytes(data: bytes, *, declared: str | None = None, html: bool = False) -> Decoded:
    """Decode `data`: a BOM wins, then `declared` (or the page's own declaration when `html`), then detection."""
    bom = sniff_bom(data)
    if bom is not None:
        name, length = bom
        return Decoded(_decode(data[length:], name), name)
    utf16 = sniff_utf16(data)
    if utf16 is not None:
        return Decoded(_decode(data, utf16), utf16)
    charset = normalise_label(declared)
    if charset is None and html:
        charset = declared_html_charset(data)
    if charset is not None:
        return _decode_declared(data, charset)
    iso2022 = sniff_iso2022(data)
    if iso2022 is not None:
        return Decoded(_decode(data, iso2022), iso2022)
    try:
        return Decoded(data.decode("utf-8").replace("\x00", "\ufffd"), "utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start > len(data) - 4:  # UTF-8 cut short in its last character
            return Decoded(_decode(data, "utf-8"), "utf-8")
    return _undeclared(data, html)


def _undeclared(data: bytes, html: bool) -> Decoded:
    """Bytes that declare nothing and are not UTF-8: a few bad bytes in UTF-8 text, CJK text in a multi-byte
    encoding, or text in a single-byte codepage, chosen by the language the text (a page's text, without its
    markup) reads as."""
    guess = detect(data) or "cp1252"
    # judged on the detector's sample (a character cut at its end read as U+FFFD is dropped): the checks are Python
    # per character, and a whole file of a few MB took seconds
    plausible = cjk = whole = False
    if not _single_byte(guess):
        multibyte = data[:DETECTION_SAMPLE_BYTES].decode(guess, errors="replace").rstrip("\ufffd")
        plausible = plausible_cjk(multibyte)
        cjk = plausible and not latin_with_cjk(multibyte)
        whole = "\ufffd" not in multibyte
    # A few bad bytes in UTF-8 text (a legacy letter near the end, followed by ASCII, is not a cut), unless the
    # bytes are CJK text that a multi-byte encoding reads whole: EUC-JP's kana (0xA4 after a kanji's lead byte)
    # and other pairs form valid UTF-8 by chance.
    if _mostly_utf8(data) and not (cjk and whole):
        return Decoded(_decode(data, "utf-8"), "utf-8")
    if not cjk:
        # A single-byte codepage; also instead of a multi-byte reading that puts a few CJK characters among Latin
        # words, when every letter of the single-byte reading is one its language writes.
        from triage_app.core.ingest.legacy import legacy_reading

        legacy, fitted = legacy_reading(data, markup=html)
        if not plausible or fitted == 1.0:
            guess = legacy
    return Decoded(_decode(data, guess), guess)


_CJK_RANGES = ((0x3000, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F), (0xFF01, 0xFF60))
"""CJK punctuation, kana, ideographs, Hangul and full-width forms: what Chinese, Japanese and Korean text is written in."""


def plausible_cjk(text: str) -> bool:
    """True when most non-ASCII characters of a multi-byte decoding are ones CJK text is written in.

    A detector reads short 8-bit text as Shift-JIS or Big5 at times: the decoding is then half-width
    katakana, compatibility squares and stray ideographs inside Latin words ("fran㌢is")."""
    odd = [c for c in text if ord(c) > 127 and not c.isspace()]
    if not odd:
        return True
    return sum(map(_is_cjk, odd)) >= 0.8 * len(odd)


def _is_cjk(c: str) -> bool:
    """The character is one of `_CJK_RANGES`."""
    code = ord(c)
    return code > 127 and any(low <= code <= high for low, high in _CJK_RANGES)


def latin_with_cjk(text: str) -> bool:
    """A multi-byte reading that reads as Latin text with a few CJK characters in it: fewer CJK characters than
    Latin words (of five letters), or most CJK characters inside Latin words ("b構es": a lead byte that was a
    letter such as "æ", and the letter after it taken for its trail byte). Chinese or Japanese text with Latin
    words in it has more of its own characters, and has the words beside them, not them inside the words."""
    cjk = [i for i, c in enumerate(text) if _is_cjk(c)]
    if not cjk:
        return False
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    inside = sum(1 for i in cjk if 0 < i < len(text) - 1 and _ascii_letter(text[i - 1]) and _ascii_letter(text[i + 1]))
    return len(cjk) * 5 < latin or 2 * inside > len(cjk)


def _ascii_letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


def _single_byte(charset: str) -> bool:
    """True for an 8-bit codepage (every byte one character), False for CJK and Unicode encodings."""
    if charset.startswith("utf"):
        return False
    try:
        return len(bytes(range(128, 256)).decode(charset, errors="replace")) == 128
    except LookupError:
        return False


def _decode_declared(data: bytes, charset: str) -> Decoded:
    """Trust the declaration unless the bytes plainly contradict it.

    A page re-saved as UTF-8 often keeps its old `<meta charset>`: bytes that are valid UTF-8
    with non-ASCII characters are UTF-8 whatever they declare (legacy text is practically never
    valid UTF-8). The reverse also happens: "utf-8" declared over bytes that are not, which
    then go to detection.
    """
    if charset == "utf-8":
        if data.isascii() or _mostly_utf8(data) or _stray_bytes(data) < FEW_STRAY_BYTES:
            return Decoded(_decode(data, "utf-8"), "utf-8")
        guess = detect(data)
        return Decoded(_decode(data, guess or "utf-8"), guess or "utf-8")
    if not data.isascii():
        try:
            return Decoded(data.decode("utf-8").replace("\x00", "\ufffd"), "utf-8")
        except UnicodeDecodeError:
            pass
    return Decoded(_decode(data, charset), charset)


def _stray_bytes(data: bytes) -> int:
    """How many bytes of the sample UTF-8 cannot explain."""
    return data[:DETECTION_SAMPLE_BYTES].decode("utf-8", errors="replace").count("\ufffd")


def _mostly_utf8(data: bytes) -> bool:
    """True when valid UTF-8 sequences outnumber stray bytes (legacy 8-bit text rarely forms any)."""
    sample = data[:DETECTION_SAMPLE_BYTES]
    text = sample.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    valid = len(text) - len(text.encode("ascii", "ignore").decode("ascii")) - bad
    return valid >= 1 and valid * 2 >= bad
