"""Hashed term features for every document, kept up to date incrementally as documents are imported.

A `HashingVectorizer` needs no vocabulary, so a new document's row is computed on its own and appended;
term weights (idf) are recomputed from document frequencies when the collection has grown. Rows hold
log(1 + tf) as float32 in a CSR matrix: about 8 bytes per distinct term of a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, HashingVectorizer  # type: ignore[import-untyped]

N_FEATURES = 2**20
MAX_TEXT_CHARS = 20_000
"""Only the start of a very long text is featured: it bounds time per document."""
MAX_TERMS = 480
"""Distinct terms kept per document (its most frequent): 8 bytes each, so 100,000 documents stay under
400 MB whatever their length (a 3,000-word article has about 1,000; a 20 Newsgroups post about 100)."""
_WORD_RE = re.compile(r"(?u)\b[^\W\d_][\w'’-]*\w\b")
_FIELD_SEP = "\x1f"


@dataclass(frozen=True)
class DocText:
    """The parts of a document the model reads."""

    doc_id: int
    title: str
    site: str
    text: str


def join_fields(doc: DocText) -> str:
    """One string for the vectorizer: site, title and the start of the text."""
    return _FIELD_SEP.join((doc.site or "", doc.title or "", (doc.text or "")[:MAX_TEXT_CHARS]))


def words(text: str) -> list[str]:
    """Lower-cased words (letter-initial, two characters or more), English stop words left out."""
    return [w for w in _WORD_RE.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]


def analyse(joined: str) -> list[str]:
    """Tokens of a joined document: its words, the title's words twice, and a `site:` token."""
    site, _, rest = joined.partition(_FIELD_SEP)
    title, _, text = rest.partition(_FIELD_SEP)
    tokens = words(title) * 2 + words(text)
    if site:
        tokens.append(f"site:{site.lower()}")
    return tokens


def make_vectorizer(n_features: int = N_FEATURES) -> HashingVectorizer:
    """The stateless term hasher; raw counts, no sign flipping."""
    return HashingVectorizer(
        analyzer=analyse, n_features=n_features, alternate_sign=False, norm=None, dtype=np.float32
    )


def token_indices(tokens: Sequence[str], n_features: int = N_FEATURES) -> np.ndarray:
    """The column of each token (the same hash the vectorizer uses)."""
    if not tokens:
        return np.zeros(0, dtype=np.int64)
    hasher = HashingVectorizer(
        analyzer=_identity, n_features=n_features, alternate_sign=False, norm=None, dtype=np.float32
    )
    matrix = hasher.transform([[t] for t in tokens]).tocsr()
    return np.asarray(matrix.indices, dtype=np.int64)


def _identity(tokens: list[str]) -> list[str]:
    return tokens


class FeatureStore:
    """Rows of log(1 + tf) per document id, appended as documents arrive; idf and row norms on demand."""

    def __init__(self, n_features: int = N_FEATURES) -> None:
        self.n_features = n_features
        self._vectorizer = make_vectorizer(n_features)
        self._chunks: list[sp.csr_matrix] = []
        self._matrix: sp.csr_matrix | None = None
        self._row_of: dict[int, int] = {}
        self._version: dict[int, str] = {}
        self._rows = 0
        self._idf: np.ndarray | None = None
        self._norms: np.ndarray | None = None
        self._idf_rows = 0
        self._live: tuple[np.ndarray, np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self._row_of)

    def __contains__(self, doc_id: int) -> bool:
        return doc_id in self._row_of

    def version(self, doc_id: int) -> str | None:
        """The version tag the document's row was made from (e.g. its cleaning time)."""
        return self._version.get(doc_id)

    def transform(self, docs: Iterable[DocText]) -> sp.csr_matrix:
        """log(1 + tf) rows for documents that are not stored (a query, say)."""
        counts = self._vectorizer.transform([join_fields(d) for d in docs]).tocsr()
        counts = _keep_most_frequent(counts, MAX_TERMS)
        counts.data = np.log1p(counts.data).astype(np.float32)
        return counts

    def add(self, docs: Sequence[DocText], versions: Sequence[str] | None = None) -> None:
        """Add (or replace) the rows of `docs`; a replaced row is simply no longer pointed to."""
        if not docs:
            return
        chunk = self.transform(docs)
        self._chunks.append(chunk)
        self._matrix = None
        for offset, doc in enumerate(docs):
            self._row_of[doc.doc_id] = self._rows + offset
            self._version[doc.doc_id] = versions[offset] if versions is not None else ""
        self._rows += len(docs)
        self._live = None
        if self._idf is not None and len(self._row_of) > self._idf_rows * 1.05:
            self._idf = None  # the collection has grown by 5%: term weights are recomputed
        self._norms = None

    def remove(self, doc_ids: Iterable[int]) -> None:
        """Forget documents deleted from the library."""
        for doc_id in doc_ids:
            if self._row_of.pop(doc_id, None) is not None:
                self._live = None
            self._version.pop(doc_id, None)

    def ids(self) -> list[int]:
        """Stored document ids (any order)."""
        return list(self._row_of)

    def live(self) -> tuple[np.ndarray, np.ndarray]:
        """Every stored id and its matrix row, as two aligned arrays (cached until the next change)."""
        if self._live is None:
            ids = np.fromiter(self._row_of.keys(), dtype=np.int64, count=len(self._row_of))
            rows = np.fromiter(self._row_of.values(), dtype=np.int64, count=len(self._row_of))
            self._live = (ids, rows)
        return self._live

    def rows(self, doc_ids: Sequence[int]) -> np.ndarray:
        """Matrix rows of these ids (KeyError for an unknown id)."""
        return np.fromiter((self._row_of[d] for d in doc_ids), dtype=np.int64, count=len(doc_ids))

    @property
    def matrix(self) -> sp.csr_matrix:
        """All rows ever added (replaced rows included; use `rows()` to address documents)."""
        if self._matrix is None:
            if not self._chunks:
                self._matrix = sp.csr_matrix((0, self.n_features), dtype=np.float32)
            else:
                self._matrix = sp.vstack(self._chunks, format="csr", dtype=np.float32)
                self._chunks = [self._matrix]
        return self._matrix

    def idf(self) -> np.ndarray:
        """Smoothed idf over the live rows, recomputed when the collection has grown by 5%."""
        if self._idf is None:
            live = self.matrix[self.rows(self.ids())] if len(self._row_of) < self._rows else self.matrix
            df = np.bincount(live.indices, minlength=self.n_features).astype(np.float32)
            n = float(live.shape[0])
            self._idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
            self._idf_rows = len(self._row_of)
            self._norms = None
        return self._idf

    def norms(self) -> np.ndarray:
        """L2 norm of every row's tf-idf vector (one per matrix row)."""
        if self._norms is None:
            idf = self.idf()
            squared = self.matrix.multiply(self.matrix) @ (idf * idf)
            self._norms = np.sqrt(np.maximum(squared, 1e-12)).astype(np.float32)
        return self._norms

    def tfidf(self, matrix_rows: np.ndarray) -> sp.csr_matrix:
        """L2-normalised tf-idf rows for these matrix rows (small slices: training sets)."""
        sub = self.matrix[matrix_rows]
        return self.normalise(sub)

    def normalise(self, tf: sp.csr_matrix) -> sp.csr_matrix:
        """tf-idf, L2-normalised, of any log(1 + tf) rows."""
        weighted = sp.csr_matrix(tf, dtype=np.float32, copy=True)
        weighted.data *= self.idf()[weighted.indices]
        squared = weighted.copy()
        squared.data **= 2
        norms = np.sqrt(np.asarray(squared.sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        weighted.data /= np.repeat(norms, np.diff(weighted.indptr)).astype(np.float32)
        return weighted

    def memory_bytes(self) -> int:
        """Bytes held by the feature matrix and its side arrays."""
        m = self.matrix
        total = m.data.nbytes + m.indices.nbytes + m.indptr.nbytes
        for extra in (self._idf, self._norms):
            total += 0 if extra is None else extra.nbytes
        return int(total)


def _keep_most_frequent(counts: sp.csr_matrix, limit: int) -> sp.csr_matrix:
    """Rows with more than `limit` distinct terms keep their `limit` most frequent ones."""
    lengths = np.diff(counts.indptr)
    if not len(lengths) or lengths.max() <= limit:
        return counts
    rows = []
    for i in range(counts.shape[0]):
        row = counts[i]
        if row.nnz > limit:
            keep = np.argpartition(-row.data, limit - 1)[:limit]
            row = sp.csr_matrix((row.data[keep], row.indices[keep], [0, limit]), shape=row.shape)
        rows.append(row)
    pruned: sp.csr_matrix = sp.vstack(rows, format="csr")
    pruned.sort_indices()
    return pruned
