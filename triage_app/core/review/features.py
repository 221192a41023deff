"""Hashed term features for every document, kept up to date incrementally as documents are imported.

A `HashingVectorizer` needs no vocabulary, so a new document's row is computed on its own and appended;
term weights (idf) are recomputed from document frequencies when the collection has grown. Rows hold
log(1 + tf) as float32 in a CSR matrix: about 8 bytes per distinct term of a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from triage_app.core.library.fts_text import fold
from triage_app.core.library.word_counts import EAST_ASIAN
from triage_app.core.script_marks import LETTER_UNIT, WORD_MARKS

if TYPE_CHECKING:
    import scipy.sparse as sp  # type: ignore[import-untyped]
    from sklearn.feature_extraction.text import HashingVectorizer  # type: ignore[import-untyped]

N_FEATURES = 2**20
MAX_TEXT_CHARS = 20_000
"""Only the start of a very long text is featured: it bounds time per document."""
CHUNK_ROWS = 4096
"""Rows per block: scoring and norms go a block at a time, so no single call holds the GIL for long."""
MAX_TERMS = 480
"""Distinct terms kept per document (its most frequent): 8 bytes each, so 100,000 documents stay under
400 MB whatever their length (a 3,000-word article has about 1,000; a 20 Newsgroups post about 100)."""
_WORD_RE = re.compile(r"(?u)\b[^\W\d_][\w'’-]*\w\b")
_MARK_RE = re.compile(f"[{WORD_MARKS}]")
_MARKED_WORD_RE = re.compile(rf"(?<![\w{WORD_MARKS}])[^\W\d_][\w'’{WORD_MARKS}-]*[\w{WORD_MARKS}](?![\w{WORD_MARKS}])")
"""`_WORD_RE` with the combining marks written in words (`script_marks`: a Hindi word's vowel signs), for the texts that
have any (most have none, and the plain pattern is faster)."""
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


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """scikit-learn's English stop words. scikit-learn is imported when first needed (about 0.6 s), not when the
    window starts: the list model imports this package for a constant."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


_UNIT_RUN_RE = re.compile(f"((?:[{EAST_ASIAN}]|{LETTER_UNIT})+)")
_UNIT_RE = re.compile(f"[{EAST_ASIAN}]|{LETTER_UNIT}")
"""A Chinese or Japanese character, or a Thai, Lao, Myanmar or Khmer letter with its marks: a script without spaces."""


def _pairs(run: str) -> list[str]:
    """A run of Chinese or Japanese as its character pairs (北京是 -> 北京, 京是), a run of Thai as the pairs of its
    letters with their marks, a lone character as itself."""
    units = _UNIT_RE.findall(run)
    return units if len(units) == 1 else [units[i] + units[i + 1] for i in range(len(units) - 1)]


def words(text: str) -> list[str]:
    """Lower-cased words (letter-initial, two characters or more), English stop words left out. Chinese, Japanese,
    Thai, Lao, Myanmar and Khmer write no spaces, so a whole clause would be one word, shared by no other document:
    their runs are read as pairs of characters (a Thai letter with its vowel and tone marks) instead, as search
    engines index them."""
    stop = _stop_words()
    out: list[str] = []
    text = fold(text).lower()  # αθήνα is ΑΘΗΝΑ and 國 is 国, as to the search
    for word in (_MARKED_WORD_RE if _MARK_RE.search(text) else _WORD_RE).findall(text):
        if word in stop:
            continue
        if not _UNIT_RUN_RE.search(word):
            out.append(word)
            continue
        for piece in _UNIT_RUN_RE.split(word):
            if _UNIT_RUN_RE.fullmatch(piece):
                out.extend(_pairs(piece))
            elif len(piece) >= 2 and piece[0].isalpha():
                out.append(piece)
    return out


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
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer=analyse, n_features=n_features, alternate_sign=False, norm=None, dtype=np.float32
    )


def token_indices(tokens: Sequence[str], n_features: int = N_FEATURES) -> np.ndarray:
    """The column of each token (the same hash the vectorizer uses)."""
    if not tokens:
        return np.zeros(0, dtype=np.int64)
    from sklearn.feature_extraction.text import HashingVectorizer

    hasher = HashingVectorizer(
        analyzer=_identity, n_features=n_features, alternate_sign=False, norm=None, dtype=np.float32
    )
    matrix = hasher.transform([[t] for t in tokens]).tocsr()
    return np.asarray(matrix.indices, dtype=np.int64)


def sparse() -> Any:
    """`scipy.sparse`, imported on first use (about 0.15 s): the window imports this module at start-up, and only the
    review's worker builds matrices."""
    import scipy.sparse

    return scipy.sparse


def _identity(tokens: list[str]) -> list[str]:
    return tokens


class FeatureStore:
    """Rows of log(1 + tf) per document id, appended as documents arrive; idf and row norms on demand."""

    def __init__(self, n_features: int = N_FEATURES) -> None:
        self.n_features = n_features
        self._vectorizer: HashingVectorizer | None = None  # made on first use: scikit-learn loads in the worker, not at start-up
        self._chunks: list[sp.csr_matrix] = []  # blocks of up to CHUNK_ROWS rows
        self._starts: list[int] = []  # the first matrix row of each block
        self._norm_parts: list[np.ndarray] = []  # row norms per block (until idf changes)
        self._row_of: dict[int, int] = {}
        self._version: dict[int, str] = {}
        self._rows = 0
        self._idf: np.ndarray | None = None
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
        if self._vectorizer is None:
            self._vectorizer = make_vectorizer(self.n_features)
        counts = self._vectorizer.transform([join_fields(d) for d in docs]).tocsr()
        counts = _keep_most_frequent(counts, MAX_TERMS)
        counts.data = np.log1p(counts.data).astype(np.float32)
        return counts

    def add(self, docs: Sequence[DocText], versions: Sequence[str] | None = None) -> None:
        """Add (or replace) the rows of `docs`; a replaced row is simply no longer pointed to."""
        sps = sparse()
        if not docs:
            return
        chunk = self.transform(docs)
        if self._chunks and self._chunks[-1].shape[0] < CHUNK_ROWS:  # grow the last block up to CHUNK_ROWS
            chunk = sps.vstack([self._chunks.pop(), chunk], format="csr", dtype=np.float32)
            self._starts.pop()
            self._norm_parts = self._norm_parts[: len(self._chunks)]
        self._starts.append(self._rows - (chunk.shape[0] - len(docs)))
        self._chunks.append(chunk)
        for offset, doc in enumerate(docs):
            self._row_of[doc.doc_id] = self._rows + offset
            self._version[doc.doc_id] = versions[offset] if versions is not None else ""
        self._rows += len(docs)
        self._live = None
        if self._idf is not None and len(self._row_of) > self._idf_rows * 1.05:
            self._idf = None  # the collection has grown by 5%: term weights are recomputed
            self._norm_parts = []

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
        """All rows ever added as one matrix (a copy: for tests and small stores; the model uses blocks)."""
        sps = sparse()
        if not self._chunks:
            return sps.csr_matrix((0, self.n_features), dtype=np.float32)
        return sps.vstack(self._chunks, format="csr", dtype=np.float32)

    @property
    def nnz(self) -> int:
        return sum(int(c.nnz) for c in self._chunks)

    def gather(self, matrix_rows: np.ndarray) -> sp.csr_matrix:
        """These rows, in this order, picked block by block."""
        sps = sparse()
        if not len(matrix_rows):
            return sps.csr_matrix((0, self.n_features), dtype=np.float32)
        block = np.searchsorted(np.asarray(self._starts), matrix_rows, side="right") - 1
        order = np.argsort(block, kind="stable")
        parts = []
        for b in np.unique(block):
            picked = matrix_rows[order][block[order] == b] - self._starts[int(b)]
            parts.append(self._chunks[int(b)][picked])
        stacked: sp.csr_matrix = sps.vstack(parts, format="csr", dtype=np.float32)
        return stacked[np.argsort(order, kind="stable")]

    def dot(self, weights: np.ndarray) -> np.ndarray:
        """Every row times `weights`, a block at a time (each block short enough not to stall other threads)."""
        if not self._chunks:
            return np.zeros(0, dtype=np.float32)
        return np.concatenate([np.asarray(c @ weights) for c in self._chunks])

    def idf(self) -> np.ndarray:
        """Smoothed idf over the rows (replaced ones too, a negligible share), recomputed when the store grew 5%."""
        if self._idf is None:
            df = np.zeros(self.n_features, dtype=np.float32)
            for c in self._chunks:
                df += np.bincount(c.indices, minlength=self.n_features)
            n = float(self._rows)
            self._idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
            self._idf_rows = len(self._row_of)
            self._norm_parts = []
        return self._idf

    def norms(self) -> np.ndarray:
        """L2 norm of every row's tf-idf vector (one per matrix row), block by block, kept per block."""
        idf_sq = self.idf() ** 2
        while len(self._norm_parts) < len(self._chunks):
            c = self._chunks[len(self._norm_parts)]
            squared = c.multiply(c) @ idf_sq
            self._norm_parts.append(np.sqrt(np.maximum(squared, 1e-12)).astype(np.float32))
        if not self._norm_parts:
            return np.zeros(0, dtype=np.float32)
        return np.concatenate(self._norm_parts)

    def tfidf(self, matrix_rows: np.ndarray) -> sp.csr_matrix:
        """L2-normalised tf-idf rows for these matrix rows (small slices: training sets)."""
        return self.normalise(self.gather(matrix_rows))

    def normalise(self, tf: sp.csr_matrix) -> sp.csr_matrix:
        """tf-idf, L2-normalised, of any log(1 + tf) rows."""
        sps = sparse()
        weighted = sps.csr_matrix(tf, dtype=np.float32, copy=True)
        weighted.data *= self.idf()[weighted.indices]
        squared = weighted.copy()
        squared.data **= 2
        norms = np.sqrt(np.asarray(squared.sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        weighted.data /= np.repeat(norms, np.diff(weighted.indptr)).astype(np.float32)
        return weighted

    def memory_bytes(self) -> int:
        """Bytes held by the feature blocks and the side arrays."""
        total = sum(c.data.nbytes + c.indices.nbytes + c.indptr.nbytes for c in self._chunks)
        total += sum(p.nbytes for p in self._norm_parts)
        total += 0 if self._idf is None else self._idf.nbytes
        return int(total)


def _keep_most_frequent(counts: sp.csr_matrix, limit: int) -> sp.csr_matrix:
    """Rows with more than `limit` distinct terms keep their `limit` most frequent ones."""
    sps = sparse()
    lengths = np.diff(counts.indptr)
    if not len(lengths) or lengths.max() <= limit:
        return counts
    rows = []
    for i in range(counts.shape[0]):
        row = counts[i]
        if row.nnz > limit:
            keep = np.argpartition(-row.data, limit - 1)[:limit]
            row = sps.csr_matrix((row.data[keep], row.indices[keep], [0, limit]), shape=row.shape)
        rows.append(row)
    pruned: sp.csr_matrix = sps.vstack(rows, format="csr")
    pruned.sort_indices()
    return pruned
