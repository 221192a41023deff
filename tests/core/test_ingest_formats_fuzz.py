"""Random bytes behind a WARC, PDF or e-mail start: the readers fail with IngestError (one line) or read them."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from triage_app.core.errors import IngestError
from triage_app.core.ingest import iter_inputs, parse_bytes

STARTS = (b"WARC/1.0\r\n", b"%PDF-1.4\n", b"From: a@example.org\r\nSubject: x\r\n\r\n", b"From a@b Mon Jan  1 00:00:00 2026\n")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=st.sampled_from(STARTS), body=st.binary(max_size=2000))
def test_hostile_bytes_fail_in_one_line(tmp_path: Path, start: bytes, body: bytes) -> None:
    path = tmp_path / "input"
    path.write_bytes(start + body)
    for item in iter_inputs([path]):
        if item.error is not None:
            assert "\n" not in item.error
            continue
        assert item.load is not None
        try:
            item.load()
        except IngestError as exc:
            assert "\n" not in str(exc)
    try:
        parse_bytes(start + body, name="input.pdf", source_path="input.pdf")
    except IngestError as exc:
        assert "\n" not in str(exc)
