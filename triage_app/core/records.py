"""Plain dataclasses passed between the layers of Triage (no Qt, no database handles)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from triage_app.core.textsafe import storable

RELEVANCE_VALUES: tuple[str, ...] = ("unreviewed", "relevant", "maybe", "not-relevant")
"""Allowed triage relevance values, in the order shown to the analyst."""

PREFORMATTED = "preformatted"
"""The kind of a block whose lines are kept as the page set them (a `<pre>` listing: `core.clean.preformatted`)."""
BLOCK_KINDS: tuple[str, ...] = ("heading", "paragraph", "list-item", "blockquote", "caption", "table", "line", PREFORMATTED)

SHOWN_ENTITY_LABELS: tuple[str, ...] = ("PERSON", "ORG", "PLACE", "DATE", "NORP", "MONEY")
"""Entity labels shown to the analyst by default; others are stored but hidden."""


@dataclass
class Resource:
    """A file that belongs to a page: an image of a `NAME_files/` folder or an MHTML part."""

    name: str  # relative path ("page_files/a.png") or the part's Content-Location URL
    content_type: str
    data: bytes

    def __post_init__(self) -> None:
        self.name = storable(self.name)  # a file name that is not UTF-8 (`ParsedDocument`)


@dataclass
class ParsedDocument:
    """One input file, decoded and ready to be cleaned and stored.

    `original` holds the verbatim bytes of the file as found on disk (after gzip
    decompression is *not* applied: the bytes are exactly the file's bytes).
    """

    source_path: str
    original: bytes
    format: str  # capture kind: "html" | "mhtml" | "singlefile" | "webarchive" | "text" | "warc" | "pdf" | "email"
    charset: str
    html: str | None = None  # decoded main HTML for html/mhtml/singlefile
    text: str | None = None  # decoded text for text dumps
    resources: list[Resource] = field(default_factory=list)
    url: str | None = None
    captured_at: str | None = None  # ISO 8601 when the file records it
    title: str | None = None  # a first guess from <title> / first line; the cleaner may refine it
    original_name: str = ""  # file name of the original, used for export ("page.html.gz")
    packet_member: dict[str, Any] | None = None  # triage state carried by a briefing packet
    meta: dict[str, str] = field(default_factory=dict)  # reader metadata: e-mail headers, attachment links

    def __post_init__(self) -> None:
        # A file name that is not UTF-8 (an old archive's, a Latin-1 disk's) must still be stored and shown
        self.source_path = storable(self.source_path)
        self.original_name = storable(self.original_name)

    @property
    def body_source(self) -> str:
        """The decoded text the cleaner works on (HTML or plain text)."""
        return self.html if self.html is not None else (self.text or "")


@dataclass(slots=True)
class Block:
    """One block of a document in reading order, kept or removed by the cleaner."""

    index: int
    kind: str  # one of BLOCK_KINDS
    text: str
    kept: bool
    reason: str | None = None  # why it was removed ("navigation", "footer", ...); None when kept
    source: str = ""  # "dom:/html/body/div[2]/p[3]", "lines:8-8" or "chars:120-480"
    template_key: str = ""  # normalised-text hash used for site templates and overrides

    def to_dict(self) -> dict[str, Any]:
        """The fields by name (`dataclasses.asdict`'s result, without its deep copy of each value: a packet's blocks
        of two 150,000-paragraph documents spent 1.5 s in it)."""
        return {
            "index": self.index, "kind": self.kind, "text": self.text, "kept": self.kept, "reason": self.reason,
            "source": self.source, "template_key": self.template_key,
        }


@dataclass
class CleanResult:
    """What the cleaner makes of one document."""

    blocks: list[Block]
    title: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO 8601, with offset when known
    site: str | None = None
    url: str | None = None
    language: str | None = None  # ISO 639-1, detected from the text (a declared `lang` is only evidence)
    keywords: list[str] = field(default_factory=list)
    language_confidence: float | None = None  # the detector's probability for `language`

    @property
    def text(self) -> str:
        """The cleaned text: kept blocks joined by blank lines."""
        return "\n\n".join(b.text for b in self.blocks if b.kept)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["text"] = self.text
        return data


@dataclass
class EntityMention:
    """A named entity found in the cleaned text (offsets into that text)."""

    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, PLACE, DATE, NORP, MONEY or another spaCy label
    canonical: str


@dataclass
class Quote:
    """A quotation with its speaker (offsets into the cleaned text)."""

    start: int
    end: int
    text: str
    kind: str  # "direct" | "partial" | "indirect"
    cue: str | None = None
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_canonical: str | None = None


@dataclass
class Annotation:
    """Entities and quotes of one text, with the engine that produced them."""

    entities: list[EntityMention]
    quotes: list[Quote]
    engine: str = ""


@dataclass
class Progress:
    """One step of a long job: `done` of `total` items, with a message and an optional result."""

    done: int
    total: int | None
    message: str = ""
    result: Any = None


@dataclass
class ImportOutcome:
    """The result of importing one input file."""

    source: str
    status: str  # "imported" | "duplicate" | "failed" | "skipped"
    doc_id: int | None = None
    reason: str | None = None
    title: str | None = None

    def describe(self) -> str:
        """One line a person understands."""
        detail = f" ({self.reason})" if self.reason else ""
        if self.status == "imported":
            return f"{self.source}: imported as #{self.doc_id}{detail}"
        if self.status == "duplicate":
            return f"{self.source}: duplicate of #{self.doc_id}{detail}"
        return f"{self.source}: {self.status}: {self.reason}"
