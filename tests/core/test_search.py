"""The search syntax and FTS ranking, filters and SQL sorting."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage_app.core.library import Library, document_filter, documents, search, triage
from triage_app.core.library.db import connect_read_only
from triage_app.core.library.document_filter import DocumentFilter
from triage_app.core.library.migrations import MIGRATIONS
from triage_app.core.library.query_syntax import parse_query
from triage_app.core.library.triage import normalise_relevance
from triage_app.core.records import Block, CleanResult, ParsedDocument


def _add(library: Library, title: str, text: str, site: str, published: str) -> int:
    parsed = ParsedDocument(f"/{title}.txt", (title + text).encode(), "text", "utf-8", text=text)
    cleaned = CleanResult([Block(0, "paragraph", text, True)], title=title, site=site, published=published)
    return documents.insert_document(library, parsed, cleaned)


@pytest.fixture
def library(fresh_library: Library) -> Library:
    _add(fresh_library, "Security guarantees for Ukraine", "The security guarantees are on the table in Berlin.", "Newsmax", "2025-12-15")
    _add(fresh_library, "Gaming subscriptions", "Gamers pay for subscriptions and security patches.", "WSJ", "2019-11-19")
    _add(fresh_library, "Election night", "Voters in Kentucky went to the polls; guarantee of nothing.", "NYT", "2019-11-06")
    triage.set_relevance(fresh_library, 1, "relevant")
    triage.add_tags(fresh_library, 3, ["elections"])
    return fresh_library


def _ids(library: Library, query: str, **kw: object) -> list[int]:
    return document_filter.find_ids(library.db, DocumentFilter(query=query, **kw))  # type: ignore[arg-type]


def test_words_phrases_prefix_or_and_exclusion(library: Library) -> None:
    assert _ids(library, "guarantees") == [1]
    assert _ids(library, '"security guarantees"') == [1]
    assert _ids(library, '"guarantees security"') == []
    assert sorted(_ids(library, "guarantee*")) == [1, 3]
    assert sorted(_ids(library, "kentucky OR berlin")) == [1, 3]
    assert sorted(_ids(library, "security -berlin")) == [2]
    assert sorted(_ids(library, "-security")) == [3]


def test_field_filters(library: Library) -> None:
    assert _ids(library, "site:WSJ") == [2]
    assert _ids(library, "relevance:relevant") == [1]
    assert _ids(library, "tag:elections") == [3]
    assert _ids(library, 'security site:"newsmax"') == [1]
    assert _ids(library, "relevance:unreviewed security") == [2]


def test_ranked_hits_with_snippets(library: Library) -> None:
    hits = search.search(library.db, "guarantees")
    assert [h["id"] for h in hits] == [1]
    assert "[guarantees]" in hits[0]["snippet"]


def test_structured_filters_and_counts(library: Library) -> None:
    assert document_filter.find_ids(library.db, DocumentFilter(date_from="2019-11-10", date_to="2025-12-31"), sort="published") == [2, 1]
    assert document_filter.count_matching(library.db, DocumentFilter()) == {"matching": 3, "unreviewed": 2}
    assert document_filter.count_matching(library.db, DocumentFilter(query="security")) == {"matching": 2, "unreviewed": 1}


@pytest.mark.parametrize("column", list(document_filter.SORT_COLUMNS))
def test_every_sort_column_runs_in_sql(library: Library, column: str) -> None:
    up = document_filter.find_ids(library.db, sort=column)
    down = document_filter.find_ids(library.db, sort=column, descending=True)
    assert sorted(up) == [1, 2, 3] and sorted(down) == [1, 2, 3]


def test_sort_by_title(library: Library) -> None:
    assert document_filter.find_ids(library.db, sort="title") == [3, 2, 1]


def test_fetch_rows_includes_tags(library: Library) -> None:
    rows = search.fetch_rows(library.db, [3, 1])
    assert rows[3]["tags"] == ["elections"] and rows[1]["relevance"] == "relevant"


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.builds("{} relevance:{}".format, st.text(max_size=20),
              st.sampled_from(["relevant", "Not_Relevant", "maybe", "urgent", '"not relevant"', "x*", ""])),
))
def test_any_query_string_is_safe(query: str) -> None:
    library = Library.memory()
    try:
        _add(library, "t", "some words here", "s", "2020-01-01")
        relevance = parse_query(query).fields.get("relevance")
        try:
            normalise_relevance(relevance[-1]) if relevance else None
        except ValueError:  # the one refusal: an unknown value after relevance:, reported, never an SQL error
            with pytest.raises(ValueError, match="relevance must be one of"):
                document_filter.find_ids(library.db, DocumentFilter(query=query))
        else:
            assert isinstance(document_filter.find_ids(library.db, DocumentFilter(query=query)), list)
    finally:
        library.close()


def test_date_filter_uses_the_captured_date_when_there_is_no_published_date(library: Library) -> None:
    """The filter tests the same day the timeline places a document on: published, else captured."""
    library.db.execute("UPDATE documents SET published = NULL, captured_at = '2030-05-02T08:00:00' WHERE id = 1")
    flt = DocumentFilter(date_from="2030-05-01", date_to="2030-05-02")
    assert document_filter.find_ids(library.db, flt, sort="published") == [1]
    plan = " ".join(str(r) for r in library.db.execute(
        f"EXPLAIN QUERY PLAN SELECT id FROM documents WHERE {document_filter.DATE_SQL} >= ?", ["2030-05-01"]
    ).fetchall())
    assert "documents_day" in plan  # the expression index, so the search figures hold


def test_timeline_of_a_search_counts_its_hits_from_the_covering_index(library: Library) -> None:
    """The hits' relevance is read from the index of m036, not from the row after its long text."""
    from triage_app.core.library import timeline

    flt = DocumentFilter(query="security OR guarantee")
    data = timeline.timeline(library.db, flt)
    counted = {day: dict(c) for day, c in data.buckets if sum(c.values())}
    assert sum(sum(c.values()) for c in counted.values()) == 3
    assert data.unit == "month" and counted["2025-12-01"]["relevant"] == 1
    _where, _params, match = document_filter._where(library.db, flt)
    plan = " ".join(str(r) for r in library.db.execute(
        "EXPLAIN QUERY PLAN SELECT documents.relevance FROM documents_fts CROSS JOIN documents "
        "INDEXED BY documents_timeline ON documents.id = documents_fts.rowid WHERE documents_fts MATCH ?", [match]
    ).fetchall())
    assert "COVERING INDEX documents_timeline" in plan


@pytest.mark.parametrize("folder", ["Case #12", "what? 50% off", "plain"])
def test_a_background_search_reads_the_library_whatever_its_folder_is_called(tmp_path: Path, folder: str) -> None:
    """The worker's read-only connection names the file as a URI: before, "#" or "?" in a folder's name cut the
    name short and dropped `mode=ro`, so SQLite made an empty file beside the folder and the search failed."""
    path = tmp_path / folder / "library.sqlite"
    path.parent.mkdir()
    with Library.open(path) as library:
        _add(library, "Security guarantees for Ukraine", "The security guarantees are on the table.", "Newsmax", "2025-12-15")
    before = sorted(p.name for p in tmp_path.iterdir())
    last = list(search.background_search(str(path), DocumentFilter(query="guarantees"), is_cancelled=lambda: False))[-1]
    ids, counts = last.result
    assert ids == [1] and counts["total"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing made beside the library's folder
    with connect_read_only(path) as conn, pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM documents")


def _add_text(library: Library, title: str, text: str) -> int:
    parsed = ParsedDocument(f"/{title}.txt", (title + text).encode(), "text", "utf-8", text=text)
    return documents.insert_document(library, parsed, CleanResult([Block(0, "paragraph", text, True)], title=title))


def test_a_chinese_japanese_or_korean_word_is_found_inside_its_clause(fresh_library: Library) -> None:
    """unicode61 read a whole clause of Chinese as one token: 北京 was not found in 北京是中国的首都."""
    zh = _add_text(fresh_library, "城市", "北京是中国的首都，也是一座历史悠久的城市。上海是中国最大的城市。")
    ja = _add_text(fresh_library, "日本", "東京は日本の首都です。")
    ko = _add_text(fresh_library, "한국", "서울은 한국의 수도입니다.")
    en = _add_text(fresh_library, "Harbour", "The harbour authority logged a vessel from Shanghai.")
    assert _ids(fresh_library, "北京") == [zh] and _ids(fresh_library, "上海") == [zh]
    assert _ids(fresh_library, "历史悠久") == [zh]  # a word of four characters, together
    assert _ids(fresh_library, "北上") == []  # the characters, but not side by side
    assert sorted(_ids(fresh_library, "首都")) == sorted([zh, ja])
    assert _ids(fresh_library, "東京") == [ja] and _ids(fresh_library, "서울") == [ko]
    assert _ids(fresh_library, "城市") == [zh]  # the title too
    assert _ids(fresh_library, "harbour") == [en] and _ids(fresh_library, "Shanghai") == [en]
    snippet = search.snippets(fresh_library.db, "上海", [zh])[zh]
    assert "[上海]是中国最大的城" in snippet and "\u200b" not in snippet  # 16 characters around the hit, no marks


def test_an_older_library_finds_its_chinese_words_once_opened(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    with Library.open(path, migrate=False) as library:
        MIGRATIONS.apply(library.db, stop_before="m041_search_index_reads_cjk_characters")
        zh = _add_text(library, "城市", "北京是中国的首都，也是一座历史悠久的城市。")
        assert _ids(library, "北京") == []  # the index as it was
    with Library.open(path) as library:
        assert _ids(library, "北京") == [zh]
        documents.replace_clean_result(library, zh, CleanResult([Block(0, "paragraph", "上海是中国最大的城市。", True)], title="城市"))
        assert _ids(library, "北京") == [] and _ids(library, "上海") == [zh]  # the triggers keep it in step


def test_words_written_with_vowel_signs_and_thai_words_inside_their_runs_are_found(fresh_library: Library) -> None:
    """unicode61 took every combining mark for a word break: "हिन्दी" was indexed as "ह", "न", "द", so a search for it
    also found any word of those consonants, and a Thai word inside a run of letters was not found at all."""
    hi = _add_text(fresh_library, "भाषा", "हिन्दी भारत की राजभाषा है।")
    hi_other = _add_text(fresh_library, "शब्द", "वह हिंद महासागर के तट पर हँसा।")  # ह, न/ं, द in other words
    th = _add_text(fresh_library, "ตลาด", "ตลาดหลักทรัพย์แห่งประเทศไทยปิดทำการวันนี้")
    ar = _add_text(fresh_library, "خبر", "قال مُحَمَّد إن الاجتماع انتهى")  # pointed
    ar_plain = _add_text(fresh_library, "خبر آخر", "وصل محمد إلى القاهرة")
    assert _ids(fresh_library, "हिन्दी") == [hi]
    assert _ids(fresh_library, "राजभाषा") == [hi] and _ids(fresh_library, "हँसा") == [hi_other]
    assert _ids(fresh_library, "ตลาดหลักทรัพย์") == [th] and _ids(fresh_library, "ประเทศไทย") == [th]
    assert _ids(fresh_library, "วันนี้") == [th] and _ids(fresh_library, "วันนั้น") == []  # the tone marks count
    assert sorted(_ids(fresh_library, "محمد")) == sorted([ar, ar_plain])  # points left out both ways
    assert sorted(_ids(fresh_library, "مُحَمَّد")) == sorted([ar, ar_plain])
    assert _ids(fresh_library, "राज*") == [hi]  # a prefix with its vowel sign
    snippet = search.snippets(fresh_library.db, "ประเทศไทย", [th])[th]
    assert "[ประเทศไทย]" in snippet and "\u200b" not in snippet


@contextmanager
def _library_before(path: Path, migration: str, marked: str) -> Iterator[Library]:
    """A library at `path` whose schema stops before `migration`, its index reading as it did then: only the
    characters of the class `marked` set apart as words (no folding)."""
    import re

    with Library.open(path, migrate=False) as library:
        MIGRATIONS.apply(library.db, stop_before=migration)
        library.db.conn.create_function("fts_text", 1, lambda t: t and re.sub(f"([{marked}])", "\u200b\\1\u200b", t))
        yield library


def test_an_older_library_finds_its_thai_and_hindi_words_once_opened(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    with _library_before(path, "m043_words_with_their_marks", "\u4e00-\u9fff") as library:  # only CJK characters marked
        th = _add_text(library, "ตลาด", "ตลาดหลักทรัพย์แห่งประเทศไทย")
        hi = _add_text(library, "भाषा", "हिन्दी भारत की राजभाषा है।")
        with library.transaction() as db:
            db["documents"].update(hi, {"language": "hi", "word_count": 12})  # as counted before: pieces
        assert _ids(library, "ประเทศไทย") == []  # the index as it was
    with Library.open(path) as library:
        assert _ids(library, "ประเทศไทย") == [th] and _ids(library, "हिन्दी") == [hi]
        assert library.db["documents"].get(hi)["word_count"] == 5
        documents.replace_clean_result(library, th, CleanResult([Block(0, "paragraph", "ราคาน้ำมันวันนี้", True)], title="ตลาด"))
        assert _ids(library, "ประเทศไทย") == [] and _ids(library, "วันนี้") == [th]  # the triggers keep it in step


def test_an_older_library_finds_its_halfwidth_katakana_once_opened(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    # the index's reading before: each CJK character a word, halfwidth katakana as written, the sound mark apart
    with _library_before(path, "m046_halfwidth_katakana", "\u4e00-\u9fff\uff66-\uff9d") as library:
        half = _add_text(library, "ﾆｭｰｽ", "ﾊﾟﾝの値段")
        plain = _add_text(library, "English", "Bread prices")
        assert _ids(library, "パン") == []  # the index as it was
    with Library.open(path) as library:
        assert _ids(library, "パン") == [half] and _ids(library, "ﾊﾟﾝ") == [half] and _ids(library, "bread") == [plain]
        documents.replace_clean_result(library, half, CleanResult([Block(0, "paragraph", "ｶﾞｲﾄﾞ", True)], title="ﾆｭｰｽ"))
        assert _ids(library, "パン") == [] and _ids(library, "ガイド") == [half]  # the triggers keep it in step
        assert library.integrity_ok()


def test_letters_a_search_should_not_tell_apart_are_found_and_snippets_show_them_as_written(fresh_library: Library) -> None:
    """unicode61 takes Latin accents off only: a Greek search without accents (or of a capitalised headline, written
    without them) found nothing, nor елка the Ёлка, nor strasse the Straße."""
    el = _add_text(fresh_library, "Ειδήσεις", "Ο πρόεδρος μίλησε στους δημοσιογράφους. ΑΘΗΝΑ")
    ru = _add_text(fresh_library, "Новости", "Ёлка стоит в зелёном лесу")
    de = _add_text(fresh_library, "Nachrichten", "Die Straße ist groß")
    ar = _add_text(fresh_library, "خبر", "قال مُحَمَّد إن الاجتماع انتهى أيضاً")
    assert _ids(fresh_library, "δημοσιογραφους") == [el] and _ids(fresh_library, "Αθήνα") == [el]
    assert _ids(fresh_library, "ΠΡΟΕΔΡΟΣ") == [el]
    assert _ids(fresh_library, "елка") == [ru] and _ids(fresh_library, "зеленом") == [ru] and _ids(fresh_library, "ёлка") == [ru]
    assert _ids(fresh_library, "strasse") == [de] and _ids(fresh_library, "gross") == [de]
    assert _ids(fresh_library, "محمد") == [ar] and _ids(fresh_library, "أيضا") == [ar]
    assert _ids(fresh_library, "πρόεδροι") == [] and _ids(fresh_library, "лес") == []  # other words stay other words
    ar2 = _add_text(fresh_library, "مدرسة", "قال أحمد إن المدرسة الجديدة ستفتح في إبريل")
    fa = _add_text(fresh_library, "کتاب", "علی این کتاب را خواند")  # Farsi yeh and keheh
    assert _ids(fresh_library, "احمد") == [ar2] and _ids(fresh_library, "المدرسه") == [ar2] and _ids(fresh_library, "ابريل") == [ar2]
    assert _ids(fresh_library, "علي") == [fa] and _ids(fresh_library, "كتاب") == [fa]  # typed on an Arabic keyboard
    assert search.snippets(fresh_library.db, "احمد", [ar2])[ar2] == "قال [أحمد] إن المدرسة الجديدة ستفتح في إبريل"
    pl = _add_text(fresh_library, "Łódź", "Spotkanie w Łodzi; København og Ærø; cœur; ılık hava")  # no accent to take off
    assert _ids(fresh_library, "lodzi") == [pl] and _ids(fresh_library, "kobenhavn") == [pl] and _ids(fresh_library, "aero") == [pl]
    assert _ids(fresh_library, "coeur") == [pl] and _ids(fresh_library, "ilik") == [pl] and _ids(fresh_library, "lodz") == [pl]
    tw = _add_text(fresh_library, "臺灣", "國家經濟發展與臺灣問題")  # Traditional Chinese (Taiwan, Hong Kong)
    assert _ids(fresh_library, "国家经济") == [tw] and _ids(fresh_library, "台湾") == [tw] and _ids(fresh_library, "國家") == [tw]
    assert search.snippets(fresh_library.db, "经济", [tw])[tw] == "國家[經濟]發展與臺灣問題"
    ja = _add_text(fresh_library, "会議", "ＮＨＫによると、２０２４年に東京で会議が開かれた。")
    pdf = _add_text(fresh_library, "Report", "The ﬁnancial report")  # a PDF's ligature
    assert _ids(fresh_library, "NHK") == [ja] and _ids(fresh_library, "2024") == [ja] and _ids(fresh_library, "２０２４年") == [ja]
    assert _ids(fresh_library, "financial") == [pdf] and _ids(fresh_library, "ﬁnancial") == [pdf]
    assert search.snippets(fresh_library.db, "financial", [pdf])[pdf] == "The [ﬁnancial] report"
    # the snippets show the documents' own letters, the hit where it is
    assert search.snippets(fresh_library.db, "αθηνα", [el])[el].endswith("[ΑΘΗΝΑ]")
    assert search.snippets(fresh_library.db, "елка", [ru])[ru] == "[Ёлка] стоит в зелёном лесу"
    assert search.snippets(fresh_library.db, "strasse", [de])[de] == "Die [Straße] ist groß"
    assert search.snippets(fresh_library.db, "محمد", [ar])[ar] == "قال [مُحَمَّد] إن الاجتماع انتهى أيضاً"
    fresh_library.db.execute("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")
    documents.replace_clean_result(fresh_library, el, CleanResult([Block(0, "paragraph", "Νέα για την Αθήνα", True)], title="Ειδήσεις"))
    assert _ids(fresh_library, "δημοσιογραφους") == [] and _ids(fresh_library, "αθηνα") == [el]  # the triggers keep it in step
    assert fresh_library.integrity_ok()


def test_halfwidth_katakana_are_found_as_fullwidth_and_shown_as_written(fresh_library: Library) -> None:
    """Thirtieth session: older Japanese mail and web text writes katakana halfwidth ("ﾆｭｰｽ", a voiced sound mark as a
    character of its own: "ｶﾞ"), and a search typed in fullwidth ("ニュース") found nothing, nor back. The index reads
    each halfwidth katakana with its mark as the fullwidth one; snippets keep the document's own characters."""
    half = _add_text(fresh_library, "ﾆｭｰｽ", "ﾆｭｰｽ: ﾊﾟﾝの値段が上がった。ｶﾞｲﾄﾞを読んでください。")
    full = _add_text(fresh_library, "ニュース", "ニュース：パンの値段")
    assert sorted(_ids(fresh_library, "ニュース")) == [half, full] and sorted(_ids(fresh_library, "ﾆｭｰｽ")) == [half, full]
    assert _ids(fresh_library, "ガイド") == [half] and _ids(fresh_library, "カイド") == []  # the voiced mark counts
    assert sorted(_ids(fresh_library, "パン")) == [half, full]
    assert search.snippets(fresh_library.db, "ガイド", [half])[half].endswith("[ｶﾞｲﾄﾞ]を読んでください。")
    assert fresh_library.integrity_ok()


_PIECES = ["Straße", "Łódź", "Ærø", "œ", "國家經濟", "乾燥", "ΑΘΗΝΑ", "Αθήνα", "ёлка", "مُحَمَّد", "أيضاً", "ـ", "ُ", "北京", "ที่นี่", "हिन्दी", "ＮＨＫ", "２０２４年",
           "ﬁnancial", " ", ",", "ς", "ک", "ةٌ", "א\u05b8", "ｶﾞ", "ﾆｭｰｽ", "ﾞ", "ｱﾞ", "ﾊﾟﾟ", "\u0301", "é", "İ", "서울은", "e\u0301"]
_SCRIPT_CHARACTERS = st.characters(min_codepoint=0x0300, max_codepoint=0x2000, categories=("L", "M", "N", "P", "Zs"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(alphabet=_SCRIPT_CHARACTERS, max_size=3)), max_size=8))
def test_the_index_and_the_snippets_text_have_the_same_words_in_the_same_places(parts: list[str]) -> None:
    """The index reads `fts_text`, snippets are cut from `fts_content` (the letters as written): a hit is highlighted
    by its word's place, so both must cut the text into as many words (a point written on no letter was a word of
    its own in one and nothing in the other, and every highlight after it one word off)."""
    from triage_app.core.library.fts_text import TOKENIZER, fts_content, fts_text

    text = "".join(parts)
    conn = sqlite3.connect(":memory:")
    conn.execute(f'CREATE VIRTUAL TABLE t USING fts5(x, tokenize="{TOKENIZER}")')
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    conn.execute("INSERT INTO t (rowid, x) VALUES (1, ?), (2, ?)", (fts_text(text), fts_content(text)))
    counts = dict(conn.execute("SELECT doc, count(*) FROM v GROUP BY doc").fetchall())
    assert counts.get(1, 0) == counts.get(2, 0), text
