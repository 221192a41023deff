"""`python -m triage_app.bench newspaper-set SDIST --out DIR`: newspaper4k's test pages as a page set.

newspaper4k's source release (`pip download --no-deps --no-binary :all: newspaper4k==0.9.6`) carries the pages
its own tests read (`tests/data/html/*.html`), the article text its maintainers expect of each
(`tests/data/txt/*.txt`) and the metadata they expect (`tests/data/metadata/*.json`: title, authors, date).
Ten of its 23 text-and-page pairs are not English (Arabic, Burmese, Chinese, Japanese, Thai, Spanish, Latvian): a set
from another extraction project that no rule of ours was written against. This command writes it in the eval
format (`DIR/newspaper4k/html/<name>.html.gz`, `ground-truth.json`) for `bench clean --root DIR newspaper4k`,
and prints how many titles Triage and trafilatura read as newspaper4k expects (both folded: NFKC, spaces,
case). The expected texts and titles are newspaper4k's own output checked by its maintainers, not hand-made:
its titles keep a site's suffix where the page's headline has none, so a title count is a proxy.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

SET_NAME = "newspaper4k"


def _fold(text: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "")).strip().casefold()


def write_set(sdist: Path, out: Path) -> list[str]:
    """Write the pages that have an expected text as a page set under `out/newspaper4k`; their names."""
    data = sdist / "tests" / "data"
    folder = out / SET_NAME
    (folder / "html").mkdir(parents=True, exist_ok=True)
    truth: dict[str, dict[str, str]] = {}
    for page in sorted((data / "html").glob("*.html")):
        expected = data / "txt" / f"{page.stem}.txt"
        if not expected.is_file():
            continue
        (folder / "html" / f"{page.stem}.html.gz").write_bytes(gzip.compress(page.read_bytes(), mtime=0))
        truth[page.stem] = {"articleBody": expected.read_text(encoding="utf-8"), "source": f"newspaper4k {page.name}"}
    (folder / "ground-truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return sorted(truth)


def titles(sdist: Path, out: Path, names: list[str]) -> dict[str, Any]:
    """Titles read as newspaper4k expects them, Triage against trafilatura's metadata, on the pages of `names`."""
    import trafilatura

    from triage_app.bench._clean_score import decode_html
    from triage_app.core.clean import clean_document
    from triage_app.core.records import ParsedDocument

    rows = []
    for name in names:
        expected_file = sdist / "tests" / "data" / "metadata" / f"{name}.json"
        if not expected_file.is_file():
            continue
        expected = _fold(json.loads(expected_file.read_text(encoding="utf-8")).get("title"))
        html = decode_html(gzip.decompress((out / SET_NAME / "html" / f"{name}.html.gz").read_bytes()))
        ours = clean_document(ParsedDocument(name, b"", "html", "utf-8", html=html)).title
        theirs = trafilatura.extract_metadata(html)
        rows.append({"page": name, "triage": _fold(ours) == expected,
                     "trafilatura": _fold(theirs.title if theirs else None) == expected})
    return {"pages": len(rows), "triage": sum(r["triage"] for r in rows),
            "trafilatura": sum(r["trafilatura"] for r in rows), "rows": rows}


def _run(args: Any) -> int:
    sdist, out = Path(args.sdist), Path(args.out)
    if not (sdist / "tests" / "data" / "html").is_dir():
        print(f"{sdist}: no tests/data/html folder (unpack newspaper4k's source release there)")
        return 1
    names = write_set(sdist, out)
    print(f"{out / SET_NAME}: {len(names)} pages with an expected text")
    found = titles(sdist, out, names)
    print(f"titles as newspaper4k expects them: Triage {found['triage']} of {found['pages']}, "
          f"trafilatura {found['trafilatura']} of {found['pages']}")
    print(f"text: python -m triage_app.bench clean --root {out} {SET_NAME} --mode html")
    return 0


def register(subparsers: Any) -> None:
    """Add the `newspaper-set` command."""
    p = subparsers.add_parser("newspaper-set", help="newspaper4k's test pages as a page set (text and titles)")
    p.add_argument("sdist", help="the unpacked newspaper4k source release (holding tests/data)")
    p.add_argument("--out", required=True, help="folder to write the page set into (outside the repository)")
    p.set_defaults(run=_run)
