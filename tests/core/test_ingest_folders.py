"""Walking folders: sorted, recursive, hidden and system files skipped, `NAME_files/` kept with its page."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage_app.core.ingest import iter_inputs, limits


def names(root: Path) -> list[str]:
    return [str(Path(i.label).relative_to(root)) if i.load else f"ERROR {i.error}" for i in iter_inputs([root])]


def test_recursive_sorted_and_skipping_clutter(tmp_path: Path) -> None:
    for rel in ("b/2.txt", "b/1.md", "a.html", "c/deep/x.htm", ".hidden/y.html", ".z.txt", "Thumbs.db",
                "image.png", "data.json", "archive.tar.gz", "page.txt.gz", "b/~$lock.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("words\n")
    assert names(tmp_path) == ["a.html", "page.txt.gz", "b/1.md", "b/2.txt", "c/deep/x.htm"]


def test_files_folder_belongs_to_its_page_only(tmp_path: Path) -> None:
    (tmp_path / "story_files").mkdir()
    (tmp_path / "story_files" / "frame.html").write_text("<html>frame</html>")
    (tmp_path / "orphan_files").mkdir()
    (tmp_path / "orphan_files" / "kept.html").write_text("<html>no page called orphan here</html>")
    (tmp_path / "story.htm").write_text("<html><title>Story</title></html>")
    assert names(tmp_path) == ["story.htm", "orphan_files/kept.html"]
    [item, _] = list(iter_inputs([tmp_path]))
    assert item.load is not None
    assert [r.name for r in item.load().resources] == ["story_files/frame.html"]


def test_symlinked_resource_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not part of the page")
    site = tmp_path / "site"
    site.mkdir()
    (site / "page.html").write_text("<html><title>P</title></html>")
    (site / "page_files").symlink_to(outside, target_is_directory=True)
    [item] = list(iter_inputs([site]))
    assert item.load is not None and item.load().resources == []


def test_depth_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_FOLDER_DEPTH", 2)
    deep = tmp_path / "1" / "2" / "3"
    deep.mkdir(parents=True)
    (tmp_path / "1" / "one.txt").write_text("one\n")
    (deep / "three.txt").write_text("three\n")
    listed = names(tmp_path)
    assert listed[0] == "1/one.txt"
    assert listed[1].startswith("ERROR folders nested more than 2 deep")
    assert len(listed) == 2


def test_resource_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_RESOURCES", 3)
    (tmp_path / "p_files").mkdir()
    for n in range(5):
        (tmp_path / "p_files" / f"{n}.css").write_text("x{}")
    (tmp_path / "p.html").write_text("<html><title>P</title></html>")
    [item] = list(iter_inputs([tmp_path]))
    assert item.load is not None
    assert [r.name for r in item.load().resources] == ["p_files/0.css", "p_files/1.css", "p_files/2.css"]
