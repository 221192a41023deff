"""The library list's rows: the listed ids in display order, their rows fetched from SQL a page at a time.

`DocumentRows` is plain Python with no signals; `DocumentTableModel` owns one and wraps each change in
the Qt notifications (reset, insert, layout change) that it needs.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from triage_app.core.library import document_filter, search
from triage_app.core.review.decisions import UNRANKED
from triage_app.gui.models.document_columns import LIKELY, MARK_CLOSE, MARK_OPEN

PAGE_SIZE = 200
MAX_CACHED_PAGES = 16
MAX_CACHED_SNIPPETS = 2000


class DocumentRows:
    """The ids a list shows, a small LRU cache of their row pages, their snippets and the model's ranking.

    Attributes:
        ids: The listed document ids, in display order (replaced, never mutated, by `set_ids`).
        row_of: The row of each listed id.
        pages: Row pages by page number, least recently used first.
        snippets: Search snippets by document id, made on demand.
        likely: The relevance model's percentile by document id (-1: none).
        position: The relevance model's rank by document id (0 = most likely), for sorting.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self.ids: list[int] = []
        self.row_of: dict[int, int] = {}
        self.pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()
        self.snippets: dict[int, str] = {}
        self.likely = np.zeros(0, np.int16)
        self.position = np.zeros(0, np.int64)

    def set_ids(self, ids: list[int]) -> None:
        """List `ids` (the caches are left alone: callers drop what the change makes stale)."""
        self.ids = ids
        self.row_of = {doc_id: row for row, doc_id in enumerate(ids)}

    def id_at(self, row: int) -> int | None:
        """The document id listed at `row`, or None."""
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def cached_row_count(self) -> int:
        """How many rows are held in memory right now."""
        return sum(len(page) for page in self.pages.values())

    def likely_of(self, doc_id: int) -> int | None:
        """The relevance model's percentile for a document (None before the first ranking)."""
        value = int(self.likely[doc_id]) if 0 <= doc_id < len(self.likely) else -1
        return None if value < 0 else value

    def row_data(self, row: int) -> dict[str, Any]:
        """The list columns of the document at `row` (fetched with its page)."""
        page_no, offset = divmod(row, PAGE_SIZE)
        page = self.pages.get(page_no)
        if page is None:
            page = self._fetch_page(page_no)
        else:
            self.pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else {}

    def snippet(self, doc_id: int, query: str) -> str:
        """The snippet of `doc_id` for a search `query` (hit words between `MARK_OPEN`/`MARK_CLOSE`), made once."""
        cached = self.snippets.get(doc_id)
        if cached is None:
            try:
                found = search.snippets(self._db, query, [doc_id], marks=(MARK_OPEN, MARK_CLOSE))
            except sqlite3.Error:  # a snippet is a nicety; the tooltip must show even if FTS balks
                found = {}
            if len(self.snippets) >= MAX_CACHED_SNIPPETS:
                self.snippets.clear()
            cached = self.snippets[doc_id] = found.get(doc_id, "")
        return cached

    def find_ids(
        self,
        flt: document_filter.DocumentFilter,
        sort_key: str,
        descending: bool,
        limit: int | None = None,
        *,
        time_limit: float | None = None,
    ) -> list[int]:
        """The ids matching `flt` in `sort_key` order: in SQL, or by the model's ranking for `LIKELY`."""
        if sort_key != LIKELY:
            return document_filter.find_ids(self._db, flt, sort=sort_key, descending=descending, limit=limit,
                                   time_limit=time_limit)
        ids = np.asarray(document_filter.find_ids(self._db, flt, sort="id", time_limit=time_limit), dtype=np.int64)
        if not len(self.position) or not len(ids):  # no ranking yet: id order until there is one
            plain: list[int] = ids.tolist()
            return plain[:limit] if limit is not None else plain
        known = ids < len(self.position)
        rank = np.where(known, self.position[np.where(known, ids, 0)], UNRANKED)
        scored = rank != UNRANKED
        key = rank if descending else np.where(scored, -rank, UNRANKED)  # not scored yet: last either way
        ordered: list[int] = ids[np.argsort(key, kind="stable")].tolist()
        return ordered[:limit] if limit is not None else ordered

    def _fetch_page(self, page_no: int) -> list[dict[str, Any]]:
        ids = self.ids[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE]
        rows = search.fetch_rows(self._db, ids)
        removed = {"title": QCoreApplication.translate("DocumentTableModel", "(removed)"), "tags": [],
                   "relevance": "", "starred": 0}
        page = [rows.get(doc_id) or {"id": doc_id, **removed} for doc_id in ids]
        self.pages[page_no] = page
        while len(self.pages) > MAX_CACHED_PAGES:
            self.pages.popitem(last=False)
        return page
