"""The briefing's first page shows the packet's documents on a small timeline (inline SVG, no script)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from copies_helpers import write_wire_set

from triage_app.core import jobs
from triage_app.core.export.builder import build_packet
from triage_app.core.library import Library, timeline, triage
from triage_app.core.library.document_filter import DocumentFilter


def test_briefing_first_page_has_an_inline_svg_timeline(fresh_library: Library, tmp_path: Path) -> None:
    pages = write_wire_set(tmp_path)
    ids = [p.result.doc_id for p in jobs.import_documents(fresh_library, [pages[k] for k in "abcx"]) if p.result]
    triage.set_relevance(fresh_library, ids[0], "relevant")
    out = tmp_path / "p.zip"
    list(build_packet(fresh_library, DocumentFilter(), out, title="Harbour"))
    with zipfile.ZipFile(out) as archive:
        name = next(n for n in archive.namelist() if n.endswith("/briefing.html"))
        page = archive.read(name).decode("utf-8")
    svg = re.search(r"<svg.*?</svg>", page, re.DOTALL)
    assert svg is not None and page.index("<svg") < page.index("Contents")  # on the first page
    assert "<script" not in svg.group(0) and "href" not in svg.group(0)
    assert svg.group(0).count("<rect") == 4  # three days; the 5th holds a relevant and an unreviewed page
    assert "2024-03-05: 1 relevant" in svg.group(0) and "Documents per day by published date" in page


def test_timeline_counts_by_day_and_decision(fresh_library: Library, tmp_path: Path) -> None:
    pages = write_wire_set(tmp_path)
    ids = [p.result.doc_id for p in jobs.import_documents(fresh_library, [pages[k] for k in "abcx"]) if p.result]
    triage.set_relevance(fresh_library, ids[3], "not-relevant")
    fresh_library.db.execute("UPDATE documents SET published = NULL, captured_at = '2024-03-09T10:00' WHERE id = ?", [ids[1]])
    data = timeline.timeline(fresh_library.db)
    assert data.unit == "day" and (data.published, data.captured, data.undated) == (3, 1, 0)
    by_day = {d: {k: v for k, v in c.items() if v} for d, c in data.buckets}
    assert by_day == {"2024-03-04": {"unreviewed": 1}, "2024-03-05": {"unreviewed": 1, "not-relevant": 1},
                      "2024-03-09": {"unreviewed": 1}}
    scanned = timeline.timeline(fresh_library.db, DocumentFilter(ids=ids))  # a filter: counted from the rows
    assert (scanned.buckets, scanned.published, scanned.captured) == (data.buckets, data.published, data.captured)
    only = timeline.timeline(fresh_library.db, DocumentFilter(relevance="not-relevant", date_from="2024-03-06"))
    assert [d for d, _c in only.buckets] == ["2024-03-05"]  # follows the filter, but not its date range
