"""Site templates learned from sibling pages, user overrides, and re-cleaning in the library."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage_app.core import jobs
from triage_app.core.clean import SiteTemplate, clean_document
from triage_app.core.clean import patterns as P
from triage_app.core.library import Library, documents
from triage_app.core.library.block_overrides import (
    CLEANERS_CHOICE,
    BlockOverride,
    block_override,
    clear_block_override,
    set_block_override,
)
from triage_app.core.library.cleaning import clean_for_library, reclean_documents, reclean_site_job, sites_to_reclean
from triage_app.core.records import Block, CleanResult, ParsedDocument

PROMO = (
    "Harbour Times is an independent newspaper founded in 1901 that covers the ports, the shipping industry "
    "and the coastal towns of the region, and prints a weekly shipping supplement every Friday."
)
TOPICS = ["the new ferry terminal", "the fishing quotas", "the lighthouse restoration", "the dredging contract"]


def _dump(n: int) -> str:
    topic = TOPICS[n]
    body = "\n\n".join(
        f"Paragraph {k} about {topic}: officials said on Monday that the work on {topic} would continue through "
        f"the winter, and residents were invited to a public meeting at the town hall to discuss it, number {k}."
        for k in range(4)
    )
    return (
        f"Home\nNews\nPorts\nWeather\n\nA report on {topic} in the harbour\n\nBy Sam Lee | 4 March 2024\n\n"
        f"{body}\n\n{PROMO}\n\n© 2024 Harbour Times. All rights reserved.\n"
    )


def _write(folder: Path, n: int) -> Path:
    path = folder / f"page{n}.txt"
    path.write_text(_dump(n), encoding="utf-8")
    return path


def _import(library: Library, paths: list[Path]) -> list[int]:
    outcomes = [p.result for p in jobs.import_documents(library, paths) if p.result is not None]
    return [o.doc_id for o in outcomes]


def _promo_block(library: Library, doc_id: int) -> Block:
    (block,) = [b for b in documents.get_blocks(library.db, doc_id) if b.text == PROMO]
    return block


def test_one_page_alone_keeps_the_site_promo(fresh_library: Library, tmp_path: Path) -> None:
    (doc_id,) = _import(fresh_library, [_write(tmp_path, 0)])
    assert documents.get_document(fresh_library.db, doc_id)["site"] == "Harbour Times"
    assert _promo_block(fresh_library, doc_id).kept


def test_three_pages_of_a_site_clean_better_than_one(fresh_library: Library, tmp_path: Path) -> None:
    ids = _import(fresh_library, [_write(tmp_path, n) for n in range(3)])
    third = _promo_block(fresh_library, ids[2])
    assert not third.kept
    assert third.reason == "site template: seen on 2 other pages of Harbour Times"
    assert PROMO not in documents.get_document(fresh_library.db, ids[2])["text"]
    # The first page learns it too once its site is re-cleaned in the background.
    assert _promo_block(fresh_library, ids[0]).kept
    progress = list(reclean_site_job(fresh_library, "Harbour Times"))
    assert progress[-1].done == 3
    for doc_id in ids:
        assert not _promo_block(fresh_library, doc_id).kept
        assert "Paragraph 3 about" in documents.get_document(fresh_library.db, doc_id)["text"]


def test_a_copy_of_the_same_article_is_not_a_template(fresh_library: Library, tmp_path: Path) -> None:
    first = _write(tmp_path, 0)
    ids = _import(fresh_library, [first])
    for n in (1, 2):
        copy = tmp_path / f"copy{n}.txt"
        copy.write_text(_dump(0) + f"\nSaved copy {n}\n", encoding="utf-8")
        ids += _import(fresh_library, [copy])
    text = documents.get_document(fresh_library.db, ids[2])["text"]
    assert "Paragraph 0 about the new ferry terminal" in text


def test_user_override_survives_reclean(fresh_library: Library, seeds_copy: Path) -> None:
    (doc_id,) = _import(fresh_library, [seeds_copy])
    blocks = documents.get_blocks(fresh_library.db, doc_id)
    bio = next(b for b in blocks if b.reason == P.AUTHOR_BIO)
    first_para = next(b for b in blocks if b.kept)
    assert set_block_override(fresh_library, doc_id, bio.index, True) is False
    assert set_block_override(fresh_library, doc_id, first_para.index, False) is True
    text = documents.get_document(fresh_library.db, doc_id)["text"]
    assert bio.text in text and first_para.text not in text
    doc = documents.get_document(fresh_library.db, doc_id)
    assert doc["language"] == "en" and doc["language_confidence"]  # a choice by hand is no reason to forget the language
    log = [r for r in fresh_library.db["audit"].rows if r["doc_id"] == doc_id]
    assert [(r["field"], r["old"], r["new"]) for r in log][-2:] == [
        (f"block {bio.index}", "removed", "kept"),
        (f"block {first_para.index}", "kept", "removed"),
    ]
    list(reclean_documents(fresh_library, [doc_id]))
    after = {b.index: b for b in documents.get_blocks(fresh_library.db, doc_id)}
    assert after[bio.index].kept and after[bio.index].reason is None
    assert not after[first_para.index].kept and after[first_para.index].reason == P.USER_OVERRIDE
    clear_block_override(fresh_library, doc_id, first_para.index)
    assert first_para.text in documents.get_document(fresh_library.db, doc_id)["text"]


def test_site_wide_override_applies_to_every_page(fresh_library: Library, tmp_path: Path) -> None:
    ids = _import(fresh_library, [_write(tmp_path, n) for n in range(2)])
    copyright_block = next(b for b in documents.get_blocks(fresh_library.db, ids[0]) if b.reason == P.COPYRIGHT)
    set_block_override(fresh_library, ids[0], copyright_block.index, True, site_wide=True)
    for doc_id in ids:
        doc = documents.get_document(fresh_library.db, doc_id)
        assert "© 2024 Harbour Times" in doc["text"] and doc["language"] == "en"
    # A new page of the site gets it at import, and re-cleaning keeps it everywhere.
    ids += _import(fresh_library, [_write(tmp_path, 2)])
    list(reclean_site_job(fresh_library, "Harbour Times"))
    for doc_id in ids:
        assert "© 2024 Harbour Times" in documents.get_document(fresh_library.db, doc_id)["text"]


def test_forgetting_a_site_wide_choice_lets_the_cleaner_decide_on_every_page(fresh_library: Library, tmp_path: Path) -> None:
    """The analyst kept the copyright line on every page of the site, then changes their mind: one call forgets the
    choice, every page of the site is cleaned again and loses the line, and the log says so once."""
    ids = _import(fresh_library, [_write(tmp_path, n) for n in range(2)])
    db = fresh_library.db
    copyright_block = next(b for b in documents.get_blocks(db, ids[0]) if b.reason == P.COPYRIGHT)
    assert block_override(db, ids[0], copyright_block.index) is None
    assert clear_block_override(fresh_library, ids[0], copyright_block.index) is False  # nothing to forget
    set_block_override(fresh_library, ids[0], copyright_block.index, True, site_wide=True)
    other = next(b for b in documents.get_blocks(db, ids[1]) if b.text == copyright_block.text)
    assert block_override(db, ids[1], other.index) == BlockOverride(kept=True, site_wide=True)
    assert clear_block_override(fresh_library, ids[0], copyright_block.index) is False  # the page has no choice of its own
    assert clear_block_override(fresh_library, ids[0], copyright_block.index, site_wide=True) is True
    for doc_id in ids:
        assert "© 2024 Harbour Times" not in documents.get_document(db, doc_id)["text"]
        block = next(b for b in documents.get_blocks(db, doc_id) if b.text == copyright_block.text)
        assert not block.kept and block.reason == P.COPYRIGHT and block_override(db, doc_id, block.index) is None
    log = [(r["doc_id"], r["field"], r["old"], r["new"]) for r in db["audit"].rows if r["field"].startswith("block")]
    assert log[-1] == (ids[0], f"block {copyright_block.index} (site-wide)", "kept", CLEANERS_CHOICE)
    assert len(log) == 2


def test_a_page_choice_comes_before_the_sites(fresh_library: Library, tmp_path: Path) -> None:
    ids = _import(fresh_library, [_write(tmp_path, n) for n in range(2)])
    db = fresh_library.db
    block = next(b for b in documents.get_blocks(db, ids[0]) if b.reason == P.COPYRIGHT)
    set_block_override(fresh_library, ids[0], block.index, True, site_wide=True)
    set_block_override(fresh_library, ids[0], block.index, False)
    assert block_override(db, ids[0], block.index) == BlockOverride(kept=False, site_wide=False)
    assert clear_block_override(fresh_library, ids[0], block.index) is True  # the page's own goes; the site's applies
    assert block_override(db, ids[0], block.index) == BlockOverride(kept=True, site_wide=True)
    assert "© 2024 Harbour Times" in documents.get_document(db, ids[0])["text"]
    with pytest.raises(KeyError):
        block_override(db, ids[0], 9999)


def test_override_errors_and_cancel(fresh_library: Library, tmp_path: Path) -> None:
    ids = _import(fresh_library, [_write(tmp_path, n) for n in range(2)])
    with pytest.raises(KeyError):
        set_block_override(fresh_library, ids[0], 9999, True)
    steps = list(reclean_documents(fresh_library, ids, is_cancelled=lambda: True))
    assert steps[-1].message == "Cancelled"


def test_clean_for_library_without_site_is_plain_cleaning(fresh_library: Library) -> None:
    doc = ParsedDocument("x.txt", b"x", "text", "utf-8", text="Just one short line")
    assert clean_for_library(fresh_library, doc).text == clean_document(doc).text


def test_site_template_model() -> None:
    blocks = [Block(i, "paragraph", f"text {i}", True, None, f"lines:{i}-{i}", f"k{i}") for i in range(5)]
    result = CleanResult(blocks=blocks)
    template = SiteTemplate("example.org", other_pages=4, key_pages={"k1": 3, "k2": 1}, site_overrides={"k3": False})
    template.apply(result)
    assert [b.kept for b in result.blocks] == [True, False, True, False, True]
    assert result.blocks[1].reason == "site template: seen on 3 other pages of example.org"
    assert result.blocks[3].reason == P.USER_OVERRIDE


def test_sites_to_reclean_after_import(fresh_library: Library, tmp_path: Path) -> None:
    ids = _import(fresh_library, [_write(tmp_path, n) for n in range(2)])
    assert sites_to_reclean(fresh_library, ids) == []
    ids += _import(fresh_library, [_write(tmp_path, 2)])
    assert sites_to_reclean(fresh_library, ids[-1:]) == ["Harbour Times"]


def test_reclean_of_an_html_page_gives_the_same_text(fresh_library: Library, tmp_path: Path) -> None:
    page = tmp_path / "article.html"
    page.write_bytes((Path(__file__).resolve().parents[1] / "data" / "clean" / "article.html").read_bytes())
    (doc_id,) = _import(fresh_library, [page])
    before = documents.get_document(fresh_library.db, doc_id)
    assert before["text"].startswith("Harbour Bridge Reopens After Repairs\n\nThe Harbour Bridge reopened")
    list(reclean_documents(fresh_library, [doc_id]))
    after = documents.get_document(fresh_library.db, doc_id)
    assert after["text"] == before["text"]
    assert after["clean_engine"].startswith("triage-clean/")
    assert after["author"] == "Ana Ferreira"


def test_a_page_without_a_site_keeps_its_overrides_when_cleaned_again(fresh_library: Library, tmp_path: Path) -> None:
    """A page saved without its address has no site: the analyst's choices for its blocks are its own and hold at
    every re-clean (a re-open with another encoding, an update of the cleaner), as they do on a page with a site."""
    page = tmp_path / "harbour.html"
    page.write_text("<html><head><title>Harbour reopens</title></head><body><nav><a href='/'>Home</a> | <a href='/n'>News</a>"
                    f"</nav><article><h1>Harbour reopens</h1><p>{PROMO}</p><p>{PROMO.upper()}</p></article></body></html>")
    (doc_id,) = _import(fresh_library, [page])
    assert documents.get_document(fresh_library.db, doc_id)["site"] is None
    menu = next(b for b in documents.get_blocks(fresh_library.db, doc_id) if not b.kept and b.text.startswith("Home"))
    set_block_override(fresh_library, doc_id, menu.index, True)
    list(reclean_documents(fresh_library, [doc_id]))
    after = {b.index: b for b in documents.get_blocks(fresh_library.db, doc_id)}
    assert after[menu.index].kept and menu.text in documents.get_document(fresh_library.db, doc_id)["text"]
