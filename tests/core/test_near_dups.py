"""Near-duplicate clusters: a wire story in three templates is one cluster, incremental and re-clean aware."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

from copies_helpers import OTHER, WIRE, write_wire_set

from triage_app import cli
from triage_app.core import jobs
from triage_app.core.library import (
    Library,
    near_dup_clusters,
    near_dup_signing,
    near_dup_verification,
    near_dups,
    text_diff,
)


def _import(library: Library, paths: list[Path]) -> list[int]:
    outcomes = [p.result for p in jobs.import_documents(library, paths) if p.result is not None]
    return [o.doc_id for o in outcomes]


def _cluster(library: Library) -> None:
    for _ in near_dups.cluster_pending_job(library):
        pass


def test_wire_story_in_three_templates_is_one_cluster(fresh_library: Library, tmp_path: Path) -> None:
    paths = write_wire_set(tmp_path)
    a, b, c, x = _import(fresh_library, [paths[k] for k in "abcx"])
    _cluster(fresh_library)
    assert near_dup_clusters.clusters(fresh_library.db) == [[c, a, b]]  # earliest published first
    info = near_dup_clusters.cluster_info(fresh_library.db, a)
    assert info is not None and info["representative"] == c and info["sites"] == 3 and info["size"] == 3
    assert near_dup_clusters.cluster_info(fresh_library.db, x) is None  # same site as `a`, other story


def test_clustering_is_incremental_and_follows_text_changes(fresh_library: Library, tmp_path: Path) -> None:
    paths = write_wire_set(tmp_path)
    a, x = _import(fresh_library, [paths["a"], paths["x"]])
    _cluster(fresh_library)
    assert near_dup_clusters.clusters(fresh_library.db) == []
    assert near_dups.pending_ids(fresh_library.db) == []
    (b,) = _import(fresh_library, [paths["b"]])
    assert near_dups.pending_ids(fresh_library.db) == [b]
    _cluster(fresh_library)
    assert near_dup_clusters.clusters(fresh_library.db) == [[a, b]]
    # `b` is re-cleaned into another story: it leaves the cluster, which dissolves
    fresh_library.db.execute("UPDATE documents SET text = ? WHERE id = ?", ["\n\n".join(OTHER[::-1]) + " extra", b])
    assert near_dups.pending_ids(fresh_library.db) == [b]
    _cluster(fresh_library)
    assert near_dup_clusters.clusters(fresh_library.db) == [[x, b]]
    assert near_dup_clusters.cluster_info(fresh_library.db, a) is None


def test_a_new_threshold_reclusters_from_scratch(fresh_library: Library, tmp_path: Path) -> None:
    paths = write_wire_set(tmp_path)
    ids = _import(fresh_library, [paths[k] for k in "abcx"])
    _cluster(fresh_library)
    for _ in near_dups.cluster_pending_job(fresh_library, threshold=0.95):
        pass
    assert near_dups.pending_ids(fresh_library.db) == []
    assert fresh_library.db.execute("SELECT value FROM near_dup_params").fetchone()[0] == "0.95"
    # at 0.95 only the copy cut short (wholly contained in the others) stays with them
    similarities = [r[0] for r in fresh_library.db.execute("SELECT similarity FROM near_pairs")]
    assert similarities and all(s < 0.95 for s in similarities)
    for _ in near_dups.cluster_all_job(fresh_library, threshold=0.5):
        pass
    assert sorted(near_dup_clusters.clusters(fresh_library.db)[0]) == sorted(ids[:3])


def test_cancel_stops_between_batches(fresh_library: Library, tmp_path: Path) -> None:
    paths = write_wire_set(tmp_path)
    _import(fresh_library, [paths[k] for k in "abcx"])
    steps = list(near_dups.cluster_pending_job(fresh_library, is_cancelled=lambda: True))
    assert steps[-1].message == "Cancelled"
    assert len(near_dups.pending_ids(fresh_library.db)) == 4


def test_signatures_are_datasketch_minhashes_of_the_shingle_hashes() -> None:
    from datasketch import MinHash

    hashes = near_dup_signing.shingle_hashes("\n\n".join(WIRE))
    assert len(hashes) == len(set(hashes.tolist())) > 100
    reference = MinHash(num_perm=near_dup_signing.NUM_PERM, seed=1, hashfunc=lambda x: x)
    reference.update_batch(hashes.tolist())
    assert (near_dup_signing.signature(hashes) == reference.hashvalues).all()
    others = [near_dup_signing.shingle_hashes(p) for p in OTHER]
    bulk = near_dup_signing.signatures([hashes, *others])
    assert (bulk[0] == reference.hashvalues).all()
    assert all((bulk[i + 1] == near_dup_signing.signature(h)).all() for i, h in enumerate(others))
    edited = near_dup_signing.shingle_hashes("\n\n".join(WIRE).replace("two metres", "three metres"))
    assert 0.9 < near_dup_signing.jaccard(hashes, edited) < 1.0


def test_diff_of_a_recapture_with_an_edited_paragraph() -> None:
    before = "\n\n".join(WIRE)
    edited = list(WIRE)
    edited[2] = edited[2].replace("warned that dredging could disturb", "said dredging would destroy")
    after = "\n\n".join([*edited, "Update: the court hearing is set for May."])
    paragraphs = text_diff.diff_texts(before, after)
    ops = [p.op for p in paragraphs]
    assert ops == ["equal", "equal", "replace", "equal", "equal", "insert"]
    changed = paragraphs[2].segments
    assert ("replace", "warned that", "said") in [(s.op, s.left, s.right) for s in changed]
    assert any(s.op == "replace" and s.left == "could disturb" and s.right == "would destroy" for s in changed)


def test_cli_duplicates_and_diff(tmp_path: Path) -> None:
    paths = write_wire_set(tmp_path)
    lib_path = tmp_path / "lib.sqlite"
    with Library.open(lib_path) as library:
        a, b, c, _x = _import(library, [paths[k] for k in "abcx"])
    out = StringIO()
    assert cli.run(["duplicates", "--json", "--library", str(lib_path)], stdout=out) == 0
    assert json.loads(out.getvalue()) == {"clusters": [[c, a, b]]}
    out = StringIO()
    assert cli.run(["diff", str(a), str(b), "--library", str(lib_path)], stdout=out) == 0
    text = out.getvalue()
    assert "title: [-Harbour channel to be deepened-] {+Port approves channel dredging+}" in text
    assert "{+evening+}" in text and "{+cautiously+}" in text
    out = StringIO()
    assert cli.run(["diff", str(a), str(b), "--json", "--library", str(lib_path)], stdout=out) == 0
    data = json.loads(out.getvalue())
    assert data["counts"]["added"] == 2 and data["counts"]["removed"] == 0


def test_a_recapture_is_compared_with_the_capture_before_it(fresh_library: Library, tmp_path: Path) -> None:
    from copies_helpers import page

    edited = list(WIRE)
    edited[2] = edited[2].replace("warned that dredging could disturb", "said dredging would destroy")
    (tmp_path / "monday.html").write_text(page("coastnews.example", "Harbour channel", WIRE), encoding="utf-8")
    (tmp_path / "thursday.html").write_text(
        page("coastnews.example", "Harbour channel", edited, published="2024-03-05", author="Ana Ruiz and Li Wei"),
        encoding="utf-8",
    )
    monday, thursday = _import(fresh_library, [tmp_path / "monday.html", tmp_path / "thursday.html"])
    assert text_diff.partner(fresh_library.db, thursday) == monday  # the same URL, captured before
    diff = text_diff.diff_documents(fresh_library.db, monday, thursday)
    assert ("author", "Ana Ruiz", "Ana Ruiz and Li Wei") in diff.meta
    changed = [p for p in diff.paragraphs if p.op != "equal"]
    assert len(changed) == 1 and changed[0].op == "replace"
    assert ("replace", "could disturb", "would destroy") in [(s.op, s.left, s.right) for s in changed[0].segments]
    assert diff.counts() == {"added": 0, "removed": 0, "changed": 3}  # "said", "would destroy"


BOILERPLATE = ("Home World Ports Markets Sport Weather Subscribe to the Coast News daily newsletter for the latest "
               "headlines and offers from our partners. Coast News Group, all rights reserved, privacy and terms.")
LONG_OTHER = [
    *OTHER,
    ("Opening the branches later will also let schools use the study rooms for homework clubs, the head of the "
     "library service told the council, and volunteers have offered to run reading groups on two evenings a week."),
]


def _store(library: Library, kept: list[str], removed: list[str]) -> int:
    """A document as the cleaner left it: `kept` blocks (its cleaned text), then `removed` ones."""
    with library.transaction() as db:
        text = "\n\n".join(kept)
        doc_id = int(db["documents"].insert({
            "sha256": f"{len(kept)}-{len(removed)}-{library.db['documents'].count}", "size": len(text), "format": "html",
            "imported_at": "2024-03-05T00:00:00+00:00", "text": text, "word_count": len(text.split()),
        }).last_pk)  # type: ignore[arg-type]
        blocks = [(t, 1, None) for t in kept] + [(t, 0, "comments") for t in removed]
        db.conn.executemany(
            "INSERT INTO blocks (doc_id, idx, kind, text, kept, reason, source, template_key) "
            "VALUES (?, ?, 'paragraph', ?, ?, ?, '', '')",
            [(doc_id, n, t, k, r) for n, (t, k, r) in enumerate(blocks)],
        )
    return doc_id


def test_a_copy_whose_cleaning_missed_the_article_joins_by_its_removed_text(fresh_library: Library) -> None:
    a = _store(fresh_library, WIRE, [])
    b = _store(fresh_library, [p.replace("Tuesday", "Wednesday") for p in WIRE], [])
    missed = _store(fresh_library, [BOILERPLATE], WIRE)  # the cleaner kept the template, not the article
    other = _store(fresh_library, LONG_OTHER, [])
    _cluster(fresh_library)
    assert sorted(near_dup_clusters.clusters(fresh_library.db)[0]) == sorted([a, b, missed])
    assert near_dup_clusters.cluster_info(fresh_library.db, other) is None


def test_two_missed_pages_of_one_template_do_not_join_two_stories(fresh_library: Library) -> None:
    wire = _store(fresh_library, WIRE, [])
    story = _store(fresh_library, LONG_OTHER, [])
    missed_wire = _store(fresh_library, [BOILERPLATE], WIRE)
    missed_story = _store(fresh_library, [BOILERPLATE], LONG_OTHER)  # same kept text as missed_wire
    _cluster(fresh_library)
    found = sorted(sorted(c) for c in near_dup_clusters.clusters(fresh_library.db))
    assert found == sorted([sorted([wire, missed_wire]), sorted([story, missed_story])])
    # Added later, one at a time, they still go to their own stories.
    late = _store(fresh_library, [BOILERPLATE], WIRE)
    _cluster(fresh_library)
    info = near_dup_clusters.cluster_info(fresh_library.db, late)
    assert info is not None and sorted(info["members"]) == sorted([wire, missed_wire, late])


def test_pairs_skipped_inside_a_cluster_are_found_again_when_a_member_changes(
    fresh_library: Library, monkeypatch: Any
) -> None:
    """Pairs between documents already joined are not read again; when the member that joined them
    changes, the others are compared again and stay together."""
    monkeypatch.setattr(near_dups, "ACCEPT_MARGIN", 2.0)  # every pair through the exact check
    monkeypatch.setattr(near_dup_verification, "VERIFY_CHUNK", 1)
    calls: list[int] = []
    exact = near_dup_verification.similarity

    def counting(a: Any, b: Any, threshold: float) -> Any:
        calls.append(1)
        return exact(a, b, threshold)

    monkeypatch.setattr(near_dup_verification, "similarity", counting)
    a = _store(fresh_library, WIRE, [])
    b = _store(fresh_library, [p.replace("Tuesday", "Wednesday") for p in WIRE], [])
    c = _store(fresh_library, [p.replace("euros", "dollars") for p in WIRE], [])
    _cluster(fresh_library)
    assert sorted(near_dup_clusters.clusters(fresh_library.db)[0]) == [a, b, c]
    assert sum(calls) == 2  # three candidate pairs; the third joins two documents already joined
    stored = [tuple(r) for r in fresh_library.db.execute("SELECT a, b FROM near_pairs")]
    assert len(stored) == 2
    hub = (set(stored[0]) & set(stored[1])).pop()  # the document through which the other two are joined
    fresh_library.db.execute("UPDATE documents SET text = ? WHERE id = ?", ["\n\n".join(LONG_OTHER), hub])
    _cluster(fresh_library)
    assert [sorted(c) for c in near_dup_clusters.clusters(fresh_library.db)] == [sorted({a, b, c} - {hub})]


def _insert_texts(library: Library, texts: list[str], language: str) -> list[int]:
    """Each text as a document of one kept block, detected as `language`."""
    from triage_app.core.library import documents
    from triage_app.core.records import Block, CleanResult, ParsedDocument

    ids = []
    for n, text in enumerate(texts):
        parsed = ParsedDocument(f"/{n}.txt", text.encode(), "text", "utf-8", text=text)
        ids.append(documents.insert_document(library, parsed, CleanResult([Block(0, "paragraph", text, True)], language=language)))
    return ids


def test_a_chinese_copy_with_a_few_characters_changed_is_found(fresh_library: Library) -> None:
    """Shingles of three `\\w+` words were three clauses of Chinese: changing one character in a few clauses
    left the copy too few shingles in common to be found."""
    clauses = [f"第{n}条新闻报道说港口管理局在黎明时记录了一艘来自北方的船只" for n in range(40)]
    story = "，".join(clauses) + "。"
    edited = story.replace("第3条新闻报道说", "第3条新闻报导说").replace("第17条", "第十七条").replace("第29条新闻", "第29则新闻")
    other = "，".join(f"第{n}位部长在议会上说明天的市场价格将会上涨很多" for n in range(40)) + "。"
    ids = _insert_texts(fresh_library, [story, edited, other], "zh")
    _cluster(fresh_library)
    assert [sorted(cluster) for cluster in near_dup_clusters.clusters(fresh_library.db)] == [ids[:2]]


def test_a_thai_copy_with_a_few_letters_changed_is_found(fresh_library: Library) -> None:
    """Thai puts spaces between phrases, not words: a shingle of three runs of letters was three phrases, and a copy
    with a letter changed in a few phrases shared too few of them to be found."""
    story = " ".join(f"ข่าวฉบับที่{n}รายงานว่าการท่าเรือบันทึกเรือลำหนึ่งที่มาจากทางเหนือตอนรุ่งสาง" for n in range(40))
    edited = story
    for n in (3, 9, 17, 23, 29, 35):  # one word changed in six phrases of forty
        edited = edited.replace(f"ที่{n}รายงาน", f"ที่{n}แจ้ง")
    other = " ".join(f"รัฐมนตรีคนที่{n}กล่าวในสภาว่าราคาสินค้าในตลาดจะสูงขึ้นมากในวันพรุ่งนี้" for n in range(40))
    ids = _insert_texts(fresh_library, [story, edited, other], "th")
    _cluster(fresh_library)
    assert [sorted(cluster) for cluster in near_dup_clusters.clusters(fresh_library.db)] == [ids[:2]]


def test_an_older_librarys_chinese_documents_are_signed_again(tmp_path: Path) -> None:
    from triage_app.core.library import documents
    from triage_app.core.records import Block, CleanResult, ParsedDocument

    path = tmp_path / "library.sqlite"
    with Library.open(path) as library:
        ids = {}
        for language, text in (("zh", "北京是中国的首都，也是一座历史悠久的城市。" * 5), ("en", "The harbour authority logged a vessel. " * 5)):
            parsed = ParsedDocument(f"/{language}.txt", text.encode(), "text", "utf-8", text=text)
            ids[language] = documents.insert_document(library, parsed, CleanResult([Block(0, "paragraph", text, True)], language=language))
        _cluster(library)
        with library.transaction() as db:  # as a library made before the characters counted
            db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm042_copies_of_chinese_and_japanese'")
    with Library.open(path) as library:
        stale = dict(library.db.execute("SELECT doc_id, stale FROM minhash_signatures").fetchall())
        assert stale == {ids["zh"]: 1, ids["en"]: 0}  # signed again at the next clustering


def test_the_diff_of_a_chinese_copy_marks_the_changed_characters() -> None:
    """With `\\S+` words a sentence of Chinese was one word: one changed character marked all of it."""
    before = "港口管理局在黎明时记录了一艘来自北方的船只。iPhone 15发布了。"
    after = "港口管理局在清晨时记录了一艘来自北方的船只。iPhone 16发布了。"
    segments = [(s.op, s.left, s.right) for s in text_diff.word_diff(before, after)]
    assert ("replace", "黎明", "清晨") in segments and ("replace", "15", "16") in segments
    assert "".join(s[1] for s in segments) == before.replace(" ", "")  # the words written back without spaces inside
    diff = text_diff.DocumentDiff(1, 2, [], text_diff.diff_texts(before, after))
    assert diff.counts() == {"added": 0, "removed": 0, "changed": 3}  # 清, 晨 and 16
    assert text_diff.gap("authority", "logged") == " " and text_diff.gap("发布", "iPhone") == ""
    assert "在[-黎明-]{+清晨+}时" in text_diff.render_text(diff)  # the command line's rendering, no spaces inside
