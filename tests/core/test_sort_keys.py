"""Titles and sites sort as readers alphabetise them (`sort_keys`), for a library new or upgraded, through every change."""

from __future__ import annotations

from pathlib import Path

from triage_app.core.library import documents
from triage_app.core.library.db import Library
from triage_app.core.library.document_filter import DocumentFilter, find_ids
from triage_app.core.library.migrations import MIGRATIONS
from triage_app.core.library.removal import remove_documents
from triage_app.core.library.sort_keys import sort_key
from triage_app.core.records import Block, CleanResult, ParsedDocument

TITLES = ["Zebra crossing", "Über die Grenze", "apple harvest", "Éclair recipe", "«Quoted headline»", "ΑΘΗΝΑ σήμερα",
          "Άλφα and beyond", "Ёлка на площади", "елка в лесу", "beta release", "2024 budget", "Ökonomie"]
ALPHABETICAL = ["2024 budget", "apple harvest", "beta release", "Éclair recipe", "Ökonomie", "«Quoted headline»",
                "Über die Grenze", "Zebra crossing", "ΑΘΗΝΑ σήμερα", "Άλφα and beyond", "елка в лесу", "Ёлка на площади"]


def _add(library: Library, title: str) -> int:
    text = f"Some text about {title}."
    parsed = ParsedDocument(f"/{title}.txt", text.encode(), "text", "utf-8", text=text)
    return documents.insert_document(library, parsed, CleanResult([Block(0, "paragraph", text, True)], title=title))


def _titles(library: Library, **kwargs: object) -> list[str]:
    titles = dict(library.db.execute("SELECT id, title FROM documents").fetchall())
    return [titles[i] for i in find_ids(library.db, DocumentFilter(**kwargs), sort="title")]  # type: ignore[arg-type]


def test_the_key_folds_case_accents_and_leading_punctuation() -> None:
    assert sort_key("Über") == "uber" and sort_key("«Quoted»") == "quoted»" and sort_key("ΑΘΗΝΑ") == sort_key("Αθήνα")
    assert sort_key("...") == "..." and sort_key(None) is None


def test_titles_sort_as_readers_alphabetise_them(fresh_library: Library) -> None:
    """NOCASE folds ASCII only: Über, Éclair and Ökonomie came after Zebra, «Quoted» after every letter."""
    for title in TITLES:
        _add(fresh_library, title)
    assert _titles(fresh_library) == ALPHABETICAL
    assert _titles(fresh_library, query="about") == ALPHABETICAL  # a search sorted by title
    ids = find_ids(fresh_library.db, DocumentFilter(), sort="title", descending=True)
    assert [dict(fresh_library.db.execute("SELECT id, title FROM documents").fetchall())[i] for i in ids] == ALPHABETICAL[::-1]


def test_the_keys_follow_new_changed_and_removed_titles(fresh_library: Library) -> None:
    first, second = _add(fresh_library, "Zebra crossing"), _add(fresh_library, "apple harvest")
    documents.replace_clean_result(fresh_library, first, CleanResult([Block(0, "paragraph", "Other text.", True)], title="Aardvark"))
    assert _titles(fresh_library) == ["Aardvark", "apple harvest"]
    remove_documents(fresh_library, [second])
    assert fresh_library.db.execute("SELECT doc_id FROM sort_keys").fetchall() == [(first,)]


def test_an_older_library_gets_its_keys_once_opened(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    with Library.open(path, migrate=False) as library:
        MIGRATIONS.apply(library.db, stop_before="m045_sort_keys")
        for title in TITLES:
            _add(library, title)
    with Library.open(path) as library:
        assert _titles(library) == ALPHABETICAL


def test_the_site_filter_lists_sites_in_the_same_order(fresh_library: Library) -> None:
    from triage_app.core.library.document_filter import distinct_sites

    for n, site in enumerate(["bbc.co.uk", "Zeit Online", "Ärzteblatt", "Le Monde", "bbc.co.uk"]):
        doc = _add(fresh_library, f"Story {n} from {site}")
        with fresh_library.transaction() as db:
            db["documents"].update(doc, {"site": site})
    assert distinct_sites(fresh_library.db) == [("Ärzteblatt", 1), ("bbc.co.uk", 2), ("Le Monde", 1), ("Zeit Online", 1)]



def test_sites_sort_as_readers_alphabetise_them(fresh_library: Library) -> None:
    sites = ["bbc.co.uk", "Zeit Online", "Süddeutsche Zeitung", "Le Monde", "Деловой Петербург", "«Квартал»"]
    for n, site in enumerate(sites):
        doc = _add(fresh_library, f"Story {n}")
        with fresh_library.transaction() as db:
            db["documents"].update(doc, {"site": site})
    names = dict(fresh_library.db.execute("SELECT id, site FROM documents").fetchall())
    ordered = ["bbc.co.uk", "Le Monde", "Süddeutsche Zeitung", "Zeit Online", "Деловой Петербург", "«Квартал»"]
    assert [names[i] for i in find_ids(fresh_library.db, DocumentFilter(), sort="site")] == ordered
    assert [names[i] for i in find_ids(fresh_library.db, DocumentFilter(query="story"), sort="site")] == ordered


def test_the_site_and_tag_filters_ignore_case_and_accents_in_every_script(fresh_library: Library) -> None:
    """NOCASE folds ASCII only: site:SÜDDEUTSCHE ZEITUNG and tag:ökonomie found nothing spelled otherwise."""
    from triage_app.core.library import triage

    doc = _add(fresh_library, "Haushalt")
    other = _add(fresh_library, "Wetter")
    with fresh_library.transaction() as db:
        db["documents"].update(doc, {"site": "Süddeutsche Zeitung"})
        db["documents"].update(other, {"site": "Le Monde"})
    triage.add_tags(fresh_library, doc, ["Ökonomie"])
    for site in ("Süddeutsche Zeitung", "SÜDDEUTSCHE ZEITUNG", "suddeutsche zeitung"):
        assert find_ids(fresh_library.db, DocumentFilter(site=site)) == [doc]
        assert find_ids(fresh_library.db, DocumentFilter(query=f'site:"{site}"')) == [doc]
    for tag in ("Ökonomie", "ökonomie", "OKONOMIE"):
        assert find_ids(fresh_library.db, DocumentFilter(tag=tag)) == [doc]
    assert find_ids(fresh_library.db, DocumentFilter(site="Le Monde")) == [other]
    assert find_ids(fresh_library.db, DocumentFilter(tag="Wirtschaft")) == []


def _mention(library: Library, doc: int, name: str) -> None:
    from triage_app.core.library import annotations
    from triage_app.core.records import Annotation, EntityMention

    annotations.store_annotation(library, doc, Annotation([EntityMention(0, len(name), name, "PERSON", name)], [], "x"))


def test_the_entity_field_takes_a_name_in_any_case_and_without_its_accents(fresh_library: Library) -> None:
    """Thirtieth session: `entity:` compared names with NOCASE, which folds ASCII letters only: entity:"eric zemmour"
    found no "Éric Zemmour", entity:"łukasz nowak" no "ŁUKASZ NOWAK"."""
    eric, lukasz, other = (_add(fresh_library, f"Story {n}") for n in range(3))
    _mention(fresh_library, eric, "Éric Zemmour")
    _mention(fresh_library, lukasz, "ŁUKASZ NOWAK")
    _mention(fresh_library, other, "Erica Zemmour")

    def found(query: str) -> list[int]:
        return sorted(find_ids(fresh_library.db, DocumentFilter(query=query)))

    assert found('entity:"eric zemmour"') == [eric] and found('entity:"ÉRIC ZEMMOUR"') == [eric]
    assert found('entity:"Éric Zemmour"') == [eric] and found('entity:"lukasz nowak"') == [lukasz]
    assert found('entity:"eric"') == []  # the whole name, as before
    with fresh_library.transaction() as db:
        db.execute("UPDATE entities SET canonical = 'Éric Z.' WHERE canonical = 'Éric Zemmour'")
    assert found('entity:"eric z."') == [eric] and found('entity:"eric zemmour"') == []  # the keys follow a rename


def test_an_older_library_gets_its_entity_keys_once_opened(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    with Library.open(path, migrate=False) as library:
        MIGRATIONS.apply(library.db, stop_before="m047_entity_keys")
        doc = _add(library, "Story")
        _mention(library, doc, "Éric Zemmour")
    with Library.open(path) as library:
        assert find_ids(library.db, DocumentFilter(query='entity:"eric zemmour"')) == [doc]
