"""The library's schema, as named sqlite-utils migrations applied in order.

Append new migrations at the end; never edit one that has shipped.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from triage_app.core.library.base_schema import (
    m001_documents,
    m002_triage_state,
    m003_fts,
    m004_blocks_and_overrides,
    m005_entities_quotes,
)
from triage_app.core.library.search_schema import m046_halfwidth_katakana, m047_entity_keys
from triage_app.core.library.word_counts import WORD_COUNT_LANGUAGES

MIGRATIONS = Migrations("triage")

# The base schema (base_schema.py), first and in this order, under the names libraries have recorded.
MIGRATIONS(name="m001_documents")(m001_documents)
MIGRATIONS(name="m002_triage_state")(m002_triage_state)
MIGRATIONS(name="m003_fts")(m003_fts)
MIGRATIONS(name="m004_blocks_and_overrides")(m004_blocks_and_overrides)
MIGRATIONS(name="m005_entities_quotes")(m005_entities_quotes)


@MIGRATIONS(name="m014_issue14_capture_kind")
def m014_issue14_capture_kind(db: Database) -> None:
    """Reader metadata per document (e-mail headers, attachment links, PDF print data) and an index on
    `format`, the capture kind (html, mhtml, singlefile, text, warc, pdf, email) the list filters by."""
    documents = db.table("documents")
    documents.add_column("reader_meta", str)
    documents.create_index(["format"], if_not_exists=True)


@MIGRATIONS(name="m012_issue12_language_and_quote_words")
def m012_issue12_language_and_quote_words(db: Database) -> None:
    """Each document's language detected from its text, with the detector's confidence (backfilled here);
    each quote's normalised words, to find the same words attributed to different speakers."""
    from triage_app.core.library.languages import backfill_languages
    from triage_app.core.nlp.ledger import backfill_quote_words

    db.table("documents").add_column("language_confidence", float)
    db.table("documents").create_index(["language"], if_not_exists=True)
    backfill_languages(db)
    db.table("quotes").add_column("words", str)
    db.table("quotes").create_index(["words"], if_not_exists=True)
    backfill_quote_words(db)


@MIGRATIONS(name="m011_issue11_charset_choice")
def m011_issue11_charset_choice(db: Database) -> None:
    """The encoding the analyst chose for a document's original (NULL: the one detected at import)."""
    db.table("documents").add_column("charset_choice", str)


@MIGRATIONS(name="m013_issue13_review_sample")
def m013_issue13_review_sample(db: Database) -> None:
    """The elusion sample of prioritised review: each unreviewed document's stratum when it was drawn,
    and whether it was picked for the analyst to review. Model scores are never stored."""
    db.table("review_sample").create(
        {"doc_id": int, "stratum": int, "picked": int, "position": int},
        pk="doc_id",
        not_null={"stratum", "picked"},
        defaults={"picked": 0},
    )
    db.table("review_sample").create_index(["picked"])


@MIGRATIONS(name="m016_issue16_audit_no_replace")
def m016_issue16_audit_no_replace(db: Database) -> None:
    """`INSERT OR REPLACE` with an existing audit id would delete the old row without firing the delete trigger."""
    db.execute(
        "CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit "
        "WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE id = NEW.id) "
        "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
    )


@MIGRATIONS(name="m016_issue16_scoped_corrections")
def m016_issue16_scoped_corrections(db: Database) -> None:
    """An entity correction may bear on some documents only (JSON list of ids; NULL = the whole library).

    Corrections that arrive in a packet apply to the packet's documents, never to the library's others.
    """
    db.table("entity_corrections").add_column("doc_ids", str)


@MIGRATIONS(name="m015_issue15_near_duplicates")
def m015_issue15_near_duplicates(db: Database) -> None:
    """MinHash signatures of the cleaned text, near-duplicate pairs and their clusters."""
    db.execute(
        "CREATE TABLE minhash_signatures (doc_id INTEGER PRIMARY KEY, shingles INTEGER, sig BLOB, "
        "stale INTEGER NOT NULL DEFAULT 0)"
    )
    db.execute("CREATE TABLE near_pairs (a INTEGER, b INTEGER, similarity REAL, PRIMARY KEY (a, b))")
    db.execute("CREATE INDEX near_pairs_b ON near_pairs (b)")
    db.execute("CREATE TABLE clusters (id INTEGER PRIMARY KEY, size INTEGER, sites INTEGER)")
    db.execute("CREATE TABLE cluster_members (doc_id INTEGER PRIMARY KEY, cluster_id INTEGER NOT NULL)")
    db.execute("CREATE INDEX cluster_members_cluster ON cluster_members (cluster_id)")
    db.execute("CREATE TABLE near_dup_params (name TEXT PRIMARY KEY, value TEXT)")
    # Documents per day, decision and date kind, kept by triggers: the unfiltered timeline reads this.
    db.execute(
        "CREATE TABLE timeline_days (day TEXT NOT NULL, relevance TEXT NOT NULL, published INTEGER NOT NULL, "
        "n INTEGER NOT NULL, PRIMARY KEY (day, relevance, published))"
    )
    day = "COALESCE(substr(COALESCE(NULLIF({0}.published, ''), NULLIF({0}.captured_at, '')), 1, 10), '')"
    flag = "({0}.published IS NOT NULL AND {0}.published != '')"
    add = (
        f"INSERT INTO timeline_days (day, relevance, published, n) VALUES ({day}, {{0}}.relevance, {flag}, 1) "
        "ON CONFLICT (day, relevance, published) DO UPDATE SET n = n + 1;"
    )
    remove = (
        f"UPDATE timeline_days SET n = n - 1 WHERE day = {day} AND relevance = {{0}}.relevance AND published = {flag};"
    )
    db.execute(
        "INSERT INTO timeline_days (day, relevance, published, n) "
        f"SELECT {day.format('documents')}, relevance, {flag.format('documents')}, count(*) FROM documents GROUP BY 1, 2, 3"
    )
    db.execute(f"CREATE TRIGGER timeline_days_insert AFTER INSERT ON documents BEGIN {add.format('new')} END")
    db.execute(f"CREATE TRIGGER timeline_days_delete AFTER DELETE ON documents BEGIN {remove.format('old')} END")
    db.execute(
        "CREATE TRIGGER timeline_days_update AFTER UPDATE OF relevance, published, captured_at ON documents "
        f"BEGIN {remove.format('old')} {add.format('new')} END"
    )
    # A new cleaned text makes the signature stale: the next clustering job signs the document again.
    db.execute(
        "CREATE TRIGGER minhash_stale AFTER UPDATE OF text ON documents WHEN old.text IS NOT new.text "
        "BEGIN UPDATE minhash_signatures SET stale = 1 WHERE doc_id = new.id; END"
    )


@MIGRATIONS(name="m022_issue22_document_day_index")
def m022_issue22_document_day_index(db: Database) -> None:
    """Index a document's day (published, else captured): the date filter and the timeline test it."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS documents_day ON documents "
        "(substr(COALESCE(NULLIF(published, ''), NULLIF(captured_at, '')), 1, 10))"
    )


@MIGRATIONS(name="m036_issue36_page_segments")
def m036_issue36_page_segments(db: Database) -> None:
    """MinHash signatures of the removed article-like runs of a page (near_dups' second signal)."""
    db.execute(
        "CREATE TABLE minhash_segments (doc_id INTEGER NOT NULL, seg INTEGER NOT NULL, shingles INTEGER, "
        "sig BLOB, PRIMARY KEY (doc_id, seg))"
    )
    # A document whose cleaning most likely missed its article (near_dups.WEAK_RATIO) joins one cluster only.
    db.execute("ALTER TABLE minhash_signatures ADD COLUMN weak INTEGER NOT NULL DEFAULT 0")
    # 1 when the pair was found by the second signal (one document's text inside the other's segment).
    db.execute("ALTER TABLE near_pairs ADD COLUMN via_segment INTEGER NOT NULL DEFAULT 0")


@MIGRATIONS(name="m036_issue36_timeline_index")
def m036_issue36_timeline_index(db: Database) -> None:
    """What the timeline counts of a search hit, by id: its relevance is stored after the long text, so
    reading it from the table walks the text's overflow pages for every hit."""
    db.execute("CREATE INDEX IF NOT EXISTS documents_timeline ON documents (id, relevance, published, captured_at)")


@MIGRATIONS(name="m037_issue11_close_languages")
def m037_issue11_close_languages(db: Database) -> None:
    """Documents of unknown language detected again: Croatian, Serbian and Bosnian (and Norwegian's two forms),
    which the detector splits between them, were left unknown, and so read by the English model (unknown counts
    as English); their entities and quotes from it are dropped when they now have a language of their own."""
    from triage_app.core.library.languages import backfill_languages

    backfill_languages(db, which="unknown")


@MIGRATIONS(name="m038_issue11_clean_engine_index")
def m038_issue11_clean_engine_index(db: Database) -> None:
    """Which cleaner made each document, by id (`upgrade.cleaned_by_older_engine`, asked at every start of the
    window): the engine is stored after the long text, so reading it from the table walks every text's overflow pages."""
    db.execute("CREATE INDEX IF NOT EXISTS documents_clean_engine ON documents (clean_engine, id)")


@MIGRATIONS(name="m039_search_index_follows_title_and_text")
def m039_search_index_follows_title_and_text(db: Database) -> None:
    """The search index is written again only when a document's title or text changes. The trigger sqlite-utils made
    fired on every update of the row, so each decision, star, note or annotation took the document's whole text out of
    the index and put it back: a decision on an 8 MB text 240 -> 80 ms, and the index grew by a deletion record and a
    new copy of the document's terms each time (229 KB per 300 decisions on the 100,000-document library)."""
    db.execute('DROP TRIGGER IF EXISTS "documents_au"')
    db.execute(
        'CREATE TRIGGER "documents_au" AFTER UPDATE OF "title", "text" ON "documents" BEGIN '
        'INSERT INTO "documents_fts" ("documents_fts", rowid, "title", "text") VALUES (\'delete\', old.rowid, old."title", old."text"); '
        'INSERT INTO "documents_fts" (rowid, "title", "text") VALUES (new.rowid, new."title", new."text"); '
        "END"
    )


def _count_again(db: Database, languages: tuple[str, ...]) -> None:
    """Count the words of the documents detected in one of `languages` again (`word_counts.word_count`)."""
    from triage_app.core.library.word_counts import word_count

    marks = ", ".join("?" for _ in languages)
    rows = db.execute(f"SELECT id, text, word_count FROM documents WHERE language IN ({marks})", list(languages))
    for doc_id, text, old in rows.fetchall():
        new = word_count(text or "")
        if new != old:
            db.execute("UPDATE documents SET word_count = ? WHERE id = ?", [new, doc_id])


def _sign_again(db: Database, languages: tuple[str, ...]) -> None:
    """Mark stale the copies' signatures of the documents detected in one of `languages` (the next clustering signs them)."""
    marks = ", ".join("?" for _ in languages)
    db.execute(
        f"UPDATE minhash_signatures SET stale = 1 WHERE doc_id IN (SELECT id FROM documents WHERE language IN ({marks}))",
        list(languages),
    )


@MIGRATIONS(name="m040_words_of_chinese_and_japanese")
def m040_words_of_chinese_and_japanese(db: Database) -> None:
    """Chinese and Japanese documents counted again: `\\w+` read a clause between two punctuation marks as one word,
    so a 300,000-character Chinese text showed 30,000 words in the list and the packets' CSV; each character counts
    now (`word_counts.word_count`). Only the documents detected in those languages are read."""
    _count_again(db, WORD_COUNT_LANGUAGES)


@MIGRATIONS(name="m041_search_index_reads_cjk_characters")
def m041_search_index_reads_cjk_characters(db: Database) -> None:
    """The search index reads each Chinese, Japanese and Korean character as a word (`fts_text`): a Chinese word
    inside a clause was not found at all. The index now reads a view of the documents through `fts_text` (its
    content, for snippets too), the triggers write through it, and the index is built again from the view."""
    db.execute('DROP TRIGGER IF EXISTS "documents_ai"')
    db.execute('DROP TRIGGER IF EXISTS "documents_ad"')
    db.execute('DROP TRIGGER IF EXISTS "documents_au"')
    db.execute('DROP TABLE IF EXISTS "documents_fts"')
    db.execute('DROP VIEW IF EXISTS "documents_fts_content"')
    db.execute('CREATE VIEW "documents_fts_content" AS SELECT id, fts_text(title) AS title, fts_text(text) AS text FROM documents')
    db.execute(
        'CREATE VIRTUAL TABLE "documents_fts" USING FTS5 ("title", "text", tokenize=\'unicode61 remove_diacritics 2\', '
        'content="documents_fts_content", content_rowid="id")'
    )
    old = 'INSERT INTO "documents_fts" ("documents_fts", rowid, "title", "text") VALUES (\'delete\', old.rowid, fts_text(old."title"), fts_text(old."text"));'
    new = 'INSERT INTO "documents_fts" (rowid, "title", "text") VALUES (new.rowid, fts_text(new."title"), fts_text(new."text"));'
    db.execute(f'CREATE TRIGGER "documents_ai" AFTER INSERT ON "documents" BEGIN {new} END')
    db.execute(f'CREATE TRIGGER "documents_ad" AFTER DELETE ON "documents" BEGIN {old} END')
    db.execute(f'CREATE TRIGGER "documents_au" AFTER UPDATE OF "title", "text" ON "documents" BEGIN {old} {new} END')
    db.execute("INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')")


@MIGRATIONS(name="m042_copies_of_chinese_and_japanese")
def m042_copies_of_chinese_and_japanese(db: Database) -> None:
    """The copies' shingles of Chinese and Japanese documents are made again, of characters (`near_dup_signing`):
    their signatures are marked stale, so the next clustering signs them anew."""
    _sign_again(db, WORD_COUNT_LANGUAGES)


@MIGRATIONS(name="m043_words_with_their_marks")
def m043_words_with_their_marks(db: Database) -> None:
    """Words keep the combining marks written in them (`script_marks`): a Hindi word was three pieces without its
    vowel signs, to the word count and the copies' shingles alike, and a Thai word inside a run of letters was not
    found at all. The documents detected in a language written with such marks are counted again and their
    signatures marked stale; the search index is made again by m044 (this migration made it too until m044 came,
    a few commits later: a library that ran it then is made again by m044 all the same)."""
    from triage_app.core.script_marks import MARKED_SCRIPT_LANGUAGES

    _count_again(db, MARKED_SCRIPT_LANGUAGES)
    _sign_again(db, MARKED_SCRIPT_LANGUAGES)


@MIGRATIONS(name="m044_search_index_folds_letters")
def m044_search_index_folds_letters(db: Database) -> None:
    """The search index is made again with its new tokenizer (`fts_text.TOKENIZER`: the vowel signs of Hindi and the
    other scripts that write them are part of their words), each Thai, Lao, Myanmar or Khmer letter a word, and the
    letters a search should not tell apart read as one (`fts_text.FOLDED`: Greek accents, ё, ß, Arabic and Hebrew
    points). Its content view keeps the letters as written (`fts_content`), so snippets show the documents' own
    text; the index is filled from `fts_text` rows, as the triggers write it, not by 'rebuild' (which would read
    the view)."""
    from triage_app.core.library.fts_text import TOKENIZER

    db.execute('DROP TABLE IF EXISTS "documents_fts"')
    db.execute('DROP VIEW IF EXISTS "documents_fts_content"')
    db.execute('CREATE VIEW "documents_fts_content" AS SELECT id, fts_content(title) AS title, fts_content(text) AS text FROM documents')
    db.execute(
        f'CREATE VIRTUAL TABLE "documents_fts" USING FTS5 ("title", "text", tokenize="{TOKENIZER}", '
        'content="documents_fts_content", content_rowid="id")'
    )
    db.execute('INSERT INTO "documents_fts" (rowid, "title", "text") SELECT id, fts_text(title), fts_text(text) FROM documents')


@MIGRATIONS(name="m045_sort_keys")
def m045_sort_keys(db: Database) -> None:
    """Titles and sites sort as a reader alphabetises them (`sort_keys`): NOCASE folds ASCII only, so "Über" and
    "Éclair" came after "Zebra". Each document's keys are made now and kept by triggers (the SQL function `sort_key`)."""
    db.execute("CREATE TABLE IF NOT EXISTS sort_keys (doc_id INTEGER PRIMARY KEY, title TEXT, site TEXT)")
    db.execute("INSERT OR REPLACE INTO sort_keys (doc_id, title, site) SELECT id, sort_key(title), sort_key(site) FROM documents")
    db.execute("CREATE INDEX IF NOT EXISTS sort_keys_title ON sort_keys (title, doc_id)")
    db.execute("CREATE INDEX IF NOT EXISTS sort_keys_site ON sort_keys (site, doc_id)")
    db.execute(
        "CREATE TRIGGER sort_keys_insert AFTER INSERT ON documents BEGIN INSERT OR REPLACE INTO sort_keys (doc_id, title, site) "
        "VALUES (new.id, sort_key(new.title), sort_key(new.site)); END"
    )
    for column in ("title", "site"):
        db.execute(
            f"CREATE TRIGGER sort_keys_{column} AFTER UPDATE OF {column} ON documents BEGIN "
            f"UPDATE sort_keys SET {column} = sort_key(new.{column}) WHERE doc_id = new.id; END"
        )
    db.execute("CREATE TRIGGER sort_keys_delete AFTER DELETE ON documents BEGIN DELETE FROM sort_keys WHERE doc_id = old.id; END")



# Later migrations live in their own modules, applied here in this order after all of the above.
MIGRATIONS(name="m046_halfwidth_katakana")(m046_halfwidth_katakana)
MIGRATIONS(name="m047_entity_keys")(m047_entity_keys)
