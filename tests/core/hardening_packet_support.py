"""Shared set-up (no tests) for the test_hardening_packet*.py modules: an exported packet, its import, the CLI, its JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from test_export_support import export, make_library, members, simple_cleaner

from triage_app.cli import run
from triage_app.core import jobs
from triage_app.core.exchange.packet_reader import iter_packet_inputs
from triage_app.core.library import Library
from triage_app.core.records import ImportOutcome


# Named apart from its fixture name so that importing it does not clash with the tests' `packet` argument (ruff F811).
@pytest.fixture(scope="module", name="packet")
def packet_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("hardening")
    library = make_library(base / "lib.sqlite", base / "pages")
    export(library, base / "packet.zip")
    library.close()
    return base / "packet.zip"


def import_packet(library: Library, packet: Path) -> list[ImportOutcome]:
    return [jobs.import_item(library, item, cleaner=simple_cleaner) for item in iter_packet_inputs(packet)]


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _folders(packet: Path) -> list[str]:
    return [d["folder"] for d in json.loads(members(packet)["manifest.json"])["documents"]]


def _annotations(packet: Path, number: int) -> dict:  # type: ignore[type-arg]
    return json.loads(members(packet)[f"{_folders(packet)[number]}/annotations.json"])  # type: ignore[no-any-return]
