"""Walking folders: sorted, recursive, hidden and system files skipped, `NAME_files/` kept with its page."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage_app.core.ingest import iter_inputs, limits
from triage_app.core.records import ParsedDocument


def names(root: Path) -> list[str]:
    return [
        str(Path(i.label).relative_to(root)) if i.load else f"NOTICE {i.notice}" if i.notice else f"ERROR {i.error}"
        for i in iter_inputs([root])
    ]


def test_recursive_sorted_and_skipping_clutter(tmp_path: Path) -> None:
    for rel in ("b/2.txt", "b/1.md", "a.html", "c/deep/x.htm", ".hidden/y.html", ".z.txt", "Thumbs.db",
                "image.png", "data.json", "archive.tar.gz", "page.txt.gz", "b/~$lock.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("words\n")
    assert names(tmp_path) == [
        "a.html", "page.txt.gz", "b/1.md", "b/2.txt", "c/deep/x.htm",
        "NOTICE passed over 3 files that are not pages (.gz 1, .json 1, .png 1)",  # clutter is not counted
    ]


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


PAGE = "<!DOCTYPE html><html><head><title>{}</title></head><body><p>The committee met on Tuesday about the bridge.</p></body></html>"


def _mirror(root: Path) -> None:
    """A site as wget or HTTrack mirrors it: pages under their addresses' names, beside the site's own files."""
    files = {
        "index.php": PAGE.format("Home"),
        "news/story.aspx?id=3": PAGE.format("Story three"),
        "2024/05/bridge-vote": PAGE.format("Bridge vote"),  # no suffix at all
        "print.cfm": "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< >>\nendobj\n",
        "app": "console.log('<html>not a page</html>')",
        "README": "Notes about this mirror.\n",
        "style.css": "<html> in a comment is still a style sheet",
        "robots": "User-agent: *\nDisallow:\n",
    }
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_a_folder_walk_finds_pages_saved_under_their_addresses_names(tmp_path: Path) -> None:
    _mirror(tmp_path)
    assert names(tmp_path) == [
        "index.php", "print.cfm", "2024/05/bridge-vote", "news/story.aspx?id=3",
        "NOTICE passed over 4 files that are not pages (no suffix 3, .css 1)",
    ]
    titles = {Path(item.label).name: item.load().title for item in iter_inputs([tmp_path]) if item.load and "cfm" not in item.label}
    assert titles == {"index.php": "Home", "bridge-vote": "Bridge vote", "story.aspx?id=3": "Story three"}


def test_a_zip_walk_finds_them_too(tmp_path: Path) -> None:
    import zipfile

    _mirror(tmp_path / "site")
    archive = tmp_path / "mirror.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted((tmp_path / "site").rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(tmp_path).as_posix())
    labels = [item.label.split("!/", 1)[1] for item in iter_inputs([archive]) if item.load]
    assert labels == ["site/2024/05/bridge-vote", "site/index.php", "site/news/story.aspx?id=3", "site/print.cfm"]
    notices = [item.notice for item in iter_inputs([archive]) if item.notice]
    assert notices == ["passed over 4 files that are not pages (no suffix 3, .css 1)"]


def test_an_unreadable_file_with_no_document_name_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    (tmp_path / "a.html").write_text(PAGE.format("A"))
    locked = tmp_path / "locked"
    locked.write_text(PAGE.format("Locked"))
    real_open = builtins.open

    def guarded(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    assert names(tmp_path) == ["a.html", "NOTICE passed over 1 file that is not a page (no suffix 1)"]  # not an error


def test_what_a_walk_passed_over_is_a_skipped_line_of_the_import_not_a_failure(tmp_path: Path) -> None:
    from triage_app.core.jobs import load_item, summarise

    _mirror(tmp_path)
    outcomes = [load_item(item) for item in iter_inputs([tmp_path]) if not item.load]
    assert len(outcomes) == 1
    (outcome,) = outcomes
    assert not isinstance(outcome, ParsedDocument) and outcome.status == "skipped"
    assert outcome.describe() == f"{tmp_path}: skipped: passed over 4 files that are not pages (no suffix 3, .css 1)"
    assert summarise([outcome])["failed"] == 0


def test_a_damaged_member_with_no_document_name_does_not_stop_the_zip_walk(tmp_path: Path) -> None:
    import os
    import zipfile

    archive = tmp_path / "damaged.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("site/page", PAGE.format("P") + "".join(f"<p>{os.urandom(16).hex()}</p>" for _ in range(3000)))
        zf.writestr("site/index.html", PAGE.format("Index"))
    data = bytearray(archive.read_bytes())
    for i in range(45, 60):  # inside the first member's deflate stream: zlib.error when it is sniffed
        data[i] ^= 0xFF
    archive.write_bytes(bytes(data))
    items = list(iter_inputs([archive]))
    assert [i.label.split("!/")[1] for i in items if i.load] == ["site/index.html"]
    assert [i.notice for i in items if i.notice] == ["passed over 1 file that is not a page (no suffix 1)"]
