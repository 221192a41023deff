"""Prioritised review: features, the BMI-style model, the elusion estimate, and the CLI, on a small made collection."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.review_data import BOATS, collection
from triage_app.bench.review import fill_library
from triage_app.cli import run
from triage_app.core.library import Library
from triage_app.core.library.triage import audit_log, set_relevance
from triage_app.core.review import estimate as est
from triage_app.core.review.features import DocText, FeatureStore
from triage_app.core.review.session import (
    ReviewSession,
    labels,
    load_sample,
    progress_curve,
    review_round,
    save_sample,
)


@pytest.fixture
def lib() -> Library:
    library = Library.memory()
    fill_library(library, collection())
    return library


def boats(library: Library) -> set[int]:
    return {int(r[0]) for r in library.db.execute("SELECT id FROM documents WHERE title LIKE '%' AND (id - 1) % 5 = 0")}


def rounds(session: ReviewSession, library: Library, query: str = "") -> Any:
    return [p.result for p in review_round(session, library.db, query) if p.result is not None][-1]


def test_features_are_added_incrementally_and_refreshed_when_recleaned(lib: Library) -> None:
    session = ReviewSession()
    list(session.sync(lib.db))
    assert len(session.store) == 120
    fill_library(lib, collection(10, seed=9), first_id=500)
    progress = list(session.sync(lib.db))
    assert len(session.store) == 130 and progress[-1].total == 10  # only the new ones were read
    with lib.transaction() as db:
        db.execute("UPDATE documents SET cleaned_at = '2099-01-01T00:00:00', text = 'harbour harbour' WHERE id = 2")
    assert list(session.sync(lib.db))[-1].total == 1
    assert session.store.version(2) == "2099-01-01T00:00:00"
    assert list(session.sync(lib.db)) == []  # nothing changed: one query, nothing read


def test_no_ranking_without_a_relevant_decision_or_a_query(lib: Library) -> None:
    session = ReviewSession()
    state = rounds(session, lib)
    assert state.ranking is None and len(state.percentiles) == 0
    set_relevance(lib, 2, "not-relevant")
    assert rounds(session, lib).ranking is None


def test_cold_start_from_the_query_then_learning_from_decisions(lib: Library) -> None:
    relevant = boats(lib)
    session = ReviewSession()
    state = rounds(session, lib, "yacht regatta harbour")
    top = state.ranked_ids[:10]
    assert sum(d in relevant for d in top) >= 9
    for doc_id in top[:5]:
        set_relevance(lib, doc_id, "relevant" if doc_id in relevant else "not-relevant")
    set_relevance(lib, 3, "not-relevant")
    state = rounds(session, lib)  # no query any more: the decisions alone
    decisions = labels(lib.db)
    ranked = session.ranked_unreviewed(decisions)
    assert sum(d in relevant for d in ranked[: len(relevant) - 5]) >= len(relevant) - 7
    assert state.percentiles[ranked[0]] >= state.percentiles[ranked[-1]]


def test_maybe_trains_as_half_relevant(lib: Library) -> None:
    relevant = sorted(boats(lib))
    session = ReviewSession()
    set_relevance(lib, relevant[0], "maybe")
    set_relevance(lib, 2, "not-relevant")
    state = rounds(session, lib)
    assert state.ranking is not None and state.ranking.positives == 1
    ranked = session.ranked_unreviewed(labels(lib.db))
    assert sum(d in set(relevant) for d in ranked[:10]) >= 8


def test_explanation_names_the_topic_words(lib: Library) -> None:
    relevant = sorted(boats(lib))
    session = ReviewSession()
    for doc_id in relevant[:3]:
        set_relevance(lib, doc_id, "relevant")
    rounds(session, lib)
    terms = [t for t, _share in session.explain(lib.db, relevant[5])]
    assert terms and set(terms[:3]) <= set(BOATS)


def test_scores_are_not_decisions(lib: Library) -> None:
    set_relevance(lib, 1, "relevant")
    before = len(audit_log(lib.db))
    rounds(ReviewSession(), lib)
    assert len(audit_log(lib.db)) == before
    assert "score" not in " ".join(c.name for c in lib.db["documents"].columns)


def test_feature_memory_is_about_eight_bytes_a_term() -> None:
    store = FeatureStore()
    store.add([DocText(i, "t", "", " ".join(f"w{j}x" for j in range(i % 50, i % 50 + 100))) for i in range(500)])
    nnz = store.matrix.nnz
    assert store.memory_bytes() < nnz * 8 + 4 * store.n_features * 2 + 8 * 600


def test_estimate_from_a_simple_random_sample() -> None:
    ids = list(range(1, 1001))
    sample = est.draw_sample(ids, 100, np.random.default_rng(1), ranked=False)
    assert len(sample.strata) == 1 and len(sample.ids) == 100
    truth = {d: d % 10 == 0 for d in ids}  # 10% relevant
    decisions = {d: "unreviewed" for d in ids}
    assert est.estimate(sample, decisions, set(ids)) is None  # not reviewed yet
    for d in sample.ids:
        decisions[d] = "relevant" if truth[d] else "not-relevant"
    unreviewed = {d for d, v in decisions.items() if v == "unreviewed"}
    e = est.estimate(sample, decisions, unreviewed)
    assert e is not None
    k = sum(truth[d] for d in sample.ids)
    assert e.left == pytest.approx(900 * k / 100)
    assert e.low <= e.left <= e.high and e.low <= 90 <= e.high
    assert e.describe().startswith(f"about {round(e.left)} relevant left among 900 unreviewed (95% interval")


def test_stratified_sample_follows_the_ranking_and_goes_stale() -> None:
    ids = list(range(1, 2001))
    sample = est.draw_sample(ids, 120, np.random.default_rng(2))
    assert [len(s) for s in sample.strata] == [20, 40, 80, 160, 320, 1380]
    assert all(1 <= len(p) <= len(s) for p, s in zip(sample.picked, sample.strata, strict=True))
    assert abs(len(sample.ids) - 120) <= 6
    decisions = {d: "unreviewed" for d in ids}
    for d in sample.ids:
        decisions[d] = "relevant" if d <= 60 else "not-relevant"
    unreviewed = {d for d, v in decisions.items() if v == "unreviewed"}
    assert not est.is_stale(sample, decisions, unreviewed)
    e = est.estimate(sample, decisions, unreviewed)
    assert e is not None and 10 < e.left < 120  # the relevant ones sit in the top strata
    for d in list(unreviewed)[:300]:
        decisions[d] = "not-relevant"
    assert est.is_stale(sample, decisions, {d for d, v in decisions.items() if v == "unreviewed"})
    assert est.is_stale(sample, decisions, unreviewed | {5000})  # a new document arrived


def test_sample_is_stored_and_the_curve_follows_decisions(lib: Library) -> None:
    session = ReviewSession()
    set_relevance(lib, 1, "relevant")
    set_relevance(lib, 2, "not-relevant")
    set_relevance(lib, 6, "maybe")
    rounds(session, lib)
    sample = session.draw_sample(lib.db, 30)
    with lib.transaction() as db:
        save_sample(db, sample)
    loaded = load_sample(lib.db)
    assert loaded is not None and sorted(loaded.ids) == sorted(sample.ids)
    assert [len(s) for s in loaded.strata] == [len(s) for s in sample.strata]
    assert progress_curve(lib.db) == [(0, 0), (1, 1), (2, 1), (3, 2)]


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_rank_and_estimate(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    library = Library.open(path)
    fill_library(library, collection())
    relevant = boats(library)
    library.close()
    lib = str(path)
    code, _out, err = cli("rank", "--library", lib)
    assert code == 1 and "no ranking yet" in err
    code, out, _ = cli("rank", "--library", lib, "--limit", "5", "--query", "yacht harbour", "--json")
    found = json.loads(out)["documents"]
    assert code == 0 and len(found) == 5 and sum(d["id"] in relevant for d in found) >= 4 and found[0]["why"]
    code, out, _ = cli("estimate", "--library", lib)
    assert code == 0 and "No elusion sample yet" in out
    code, out, _ = cli("estimate", "--library", lib, "--draw", "--size", "20", "--json", "--query", "yacht")
    picked = json.loads(out)["sample"]
    assert code == 0 and 15 <= len(picked) <= 25
    library = Library.open(path)
    for doc_id in picked:
        set_relevance(library, doc_id, "relevant" if doc_id in relevant else "not-relevant")
    library.close()
    code, out, _ = cli("estimate", "--library", lib, "--json")
    result = json.loads(out)
    assert code == 0 and result["sample_left"] == 0 and result["estimate"]["low"] <= result["estimate"]["left"]
    assert "relevant left among" in result["estimate"]["text"]


def test_a_long_document_keeps_its_most_frequent_terms_only() -> None:
    store = FeatureStore()
    text = "harbour " * 50 + " ".join(f"w{j}x" for j in range(2000))
    store.add([DocText(1, "", "", text)])
    assert store.matrix.nnz == 480
    column = int(store.transform([DocText(2, "", "", "harbour")]).indices[0])
    assert column in set(store.matrix.indices.tolist())  # the frequent term survived


def test_blocks_give_the_same_rows_scores_and_norms_as_one_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    from triage_app.core.review import features

    monkeypatch.setattr(features, "CHUNK_ROWS", 7)
    store = FeatureStore()
    docs = collection(40)
    for start in range(0, 40, 5):  # blocks of 5, merged up to 7+ rows
        store.add([DocText(i + 1, d["title"], "", d["text"]) for i, d in enumerate(docs[start : start + 5], start)])
    store.add([DocText(3, "yacht", "", "harbour keel")])  # a replaced row
    whole = store.matrix
    rows = np.array([39, 3, 17, 0, 40, 8, 8], dtype=np.int64)
    assert (store.gather(rows) != whole[rows]).nnz == 0
    weights = np.random.default_rng(0).random(store.n_features).astype(np.float32)
    assert np.allclose(store.dot(weights), whole @ weights, rtol=1e-4)
    idf = store.idf()
    expected = np.sqrt(np.asarray(whole.multiply(whole) @ (idf * idf)))
    assert np.allclose(store.norms(), expected, rtol=1e-4)
    assert store.nnz == whole.nnz


def test_review_bench_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import gzip

    from triage_app.bench.__main__ import main as bench_main

    docs = collection(200, share=0.05)
    path = tmp_path / "c.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(d) + "\n" for d in docs)
    assert bench_main(["review", str(path), "--json", "--sample", "40"]) == 0  # default topics: "boats" (5%)
    out = json.loads(capsys.readouterr().out)
    assert out["summary"]["topics"] == ["boats"]
    for kind in ("model", "random", "ideal"):
        for key in ("effort_80", "effort_95", "recall_at_10"):
            assert isinstance(out[kind]["boats"][key], float) and key in out[kind]["mean"]
    model = out["model"]["boats"]
    assert model["effort_80"] < out["random"]["boats"]["effort_80"]
    assert out["ideal"]["boats"]["effort_80"] == 4.0  # 8 of 10 relevant first: 8 of 200 documents
    assert "estimate_error_80" in model and model["retrain_ms"] > 0


def test_the_likely_column_is_the_rank_as_a_percentile_by_document_id() -> None:
    """Issue 21: the column is indexed by id (not by row), best = 100, worst = 0, monotone in the rank; in a
    library of n documents about n/100 neighbouring ranks share a value (why a screenshot showed 94 on
    every visible row around the highest-ranked unreviewed document)."""
    from triage_app.core.review.model import Ranking
    from triage_app.core.review.session import UNRANKED, _order

    rng = np.random.default_rng(3)
    ids = rng.permutation(np.arange(2, 6002, 2))  # 3,000 ids with gaps, in feature-store (not id) order
    scores = rng.random(len(ids))
    order = _order(Ranking(ids, scores, np.zeros(1), 1, 1))
    ranked = np.asarray(order["ranked_ids"])
    assert ranked.tolist() == ids[np.argsort(-scores)].tolist()
    pct, pos = order["percentiles"], order["positions"]
    assert pct[ranked[0]] == 100 and pct[ranked[-1]] == 0
    assert (pos[ranked] == np.arange(len(ranked))).all()
    assert (np.diff(pct[ranked].astype(int)) <= 0).all()
    assert pct[1] == -1 and pos[1] == UNRANKED  # an odd id is not scored
    assert max(np.bincount(pct[ranked])) <= 31 and len(set(pct[ranked].tolist())) == 101


def test_chinese_documents_share_words_with_each_other_and_a_query() -> None:
    """A Chinese clause was one `\\w+` word, shared by no other document: the model could learn nothing from it."""
    from triage_app.core.review.features import words

    assert words("北京是中国的首都，也是一座历史悠久的城市。")[:4] == ["北京", "京是", "是中", "中国"]
    assert words("The harbour authority logged a vessel from Shanghai.") == ["harbour", "authority", "logged", "vessel", "shanghai"]
    store = FeatureStore()
    store.add([DocText(1, "", "", "北京是中国的首都。"), DocText(2, "", "", "北京的天气很冷。"), DocText(3, "", "", "东京是日本的首都。")])
    matrix = store.matrix.toarray()
    query = store.transform([DocText(0, "", "", "北京")]).toarray()[0]
    hits = matrix @ query
    assert hits[0] > 0 and hits[1] > 0 and hits[2] == 0  # the query's word in the first two, not in the third
    assert (matrix[0] * matrix[2]).sum() > 0  # 首都 in both capitals' sentences


def test_words_keep_the_vowel_signs_written_in_them() -> None:
    """A combining mark broke a word: "हिन्दी" gave no word at all (no two word characters side by side), so the model
    could learn nothing from a Hindi text."""
    from triage_app.core.review.features import words

    assert words("हिन्दी भारत की राजभाषा है। The harbour") == ["हिन्दी", "भारत", "की", "राजभाषा", "है", "harbour"]
    assert words("Mu\u0308nchen's café") == ["mu\u0308nchen's", "café"]  # a decomposed umlaut stays in its word
    # Thai writes no spaces between words: pairs of letters with their marks, as Chinese gives character pairs
    assert words("ที่นี่ภาษา") == ["ที่นี่", "นี่ภ", "ภา", "าษ", "ษา"]
    # the letters the search reads as one are one term too: a headline's capitals are written without accents
    assert words("ΑΘΗΝΑ Αθήνα Ёлка ёлка مُحَمَّد محمد") == ["αθηνα", "αθηνα", "елка", "елка", "محمد", "محمد"]
    assert words("國家經濟") == words("国家经济") == ["国家", "家经", "经济"]  # Traditional and Simplified Chinese
