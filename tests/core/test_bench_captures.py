"""`bench captures`: a page cleans to the same text in every capture format the importer reads."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from triage_app.bench import captures

STORY = [
    "The river keepers of the northern valley measured the spring flood for the fortieth year running.",
    "Every morning they walked the bank from the old mill to the stone bridge with a notebook and a pole.",
    "Their records show the water rising earlier each decade, a change the farmers had noticed long ago.",
    "In March the meadows below the village stood under water for eleven days, a length nobody remembered.",
    "The council now plans a second channel east of the church, paid for by a levy on the new houses = cost.",
]


def _set(root: Path) -> None:
    folder = root / "made"
    (folder / "html").mkdir(parents=True)
    truth = {}
    for n in range(2):
        lines = [f"{line} Caf\u00e9 n\u00b0{n} \u2014 \u201cquoted\u201d." for line in STORY]
        page = (
            "<html><head><meta charset='utf-8'><title>Floods</title></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
            f"<article><h1>Floods {n}</h1>{''.join(f'<p>{line}</p>' for line in lines)}</article><footer>\u00a9 2026 Gazette</footer></body></html>"
        )
        (folder / "html" / f"page{n}.html.gz").write_bytes(gzip.compress(page.encode("utf-8")))
        truth[f"page{n}"] = {"articleBody": "\n\n".join(lines)}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")


def test_every_capture_format_cleans_like_the_html_file(tmp_path: Path) -> None:
    _set(tmp_path)
    rows = captures.run(tmp_path, [])
    assert {row["capture"] for row in rows} == {
        "html", "mhtml", "singlefile", "singlefile, in a shadow root", "singlefile, self-extracting zip", "safari web archive",
        "frameset, frames in _files/", "html.gz", "utf-16",
        "e-mail, quoted-printable", "e-mail, base64", "warc"}
    assert all(row["pages"] == 2 and row["differ"] == 0 and row["failed"] == 0 for row in rows), rows
    assert min(row["f1"] for row in rows) > 0.9


def test_a_capture_that_loses_text_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _set(tmp_path)
    # An archive whose HTML part says nothing of its quoted-printable encoding reads as "=E2=80=9C" noise
    real = captures.as_mhtml
    monkeypatch.setattr(captures, "as_mhtml", lambda html, url: real(html, url).replace(b"Content-Transfer-Encoding: quoted-printable\r\n", b"", 1))
    rows = {row["capture"]: row for row in captures.run(tmp_path, [])}
    assert rows["mhtml"]["differ"] == 2 and rows["html"]["differ"] == 0


def test_a_shadow_root_the_walk_skipped_is_reported_where_the_extractor_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _set(tmp_path)
    from triage_app.core.clean import html_walk

    # As before the walk read declarative shadow roots: every <template> was skipped as inert
    monkeypatch.setattr(html_walk, "is_shadow_root", lambda el: False)
    rows = {row["capture"]: row for row in captures.run(tmp_path, [])}
    shadow = rows["singlefile, in a shadow root"]
    assert shadow["differ"] == 2 and shadow["unexplained"] == 2, shadow
    assert rows["singlefile"]["differ"] == 0
