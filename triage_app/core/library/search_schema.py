"""Migrations of the search index and the search fields' keys (registered in order by `migrations`).

Append new ones to `migrations`' list; never edit one that has shipped.
"""

from __future__ import annotations

from sqlite_utils import Database


def m046_halfwidth_katakana(db: Database) -> None:
    """The search index reads halfwidth katakana as fullwidth, a sound mark with its letter (`fts_text.fold`). A library
    holding any (a title or text with a character of U+FF66-U+FF9F) has its index made again, as m044 makes it: the
    triggers' 'delete' of such a document's old entry would name words the index no longer holds. Looking costs a scan
    of the texts (3-5 s for 100,000 documents); a library with none is left as it is."""
    halfwidth = "'*[\uff66-\uff9f]*'"
    if db.execute(f"SELECT 1 FROM documents WHERE text GLOB {halfwidth} OR title GLOB {halfwidth} LIMIT 1").fetchone():
        db.execute("INSERT INTO documents_fts (documents_fts) VALUES ('delete-all')")
        db.execute('INSERT INTO "documents_fts" (rowid, "title", "text") SELECT id, fts_text(title), fts_text(text) FROM documents')


def m047_entity_keys(db: Database) -> None:
    """The `entity:` search field takes a name in any case, with or without its accents (`entity_keys`: each entity's
    name as `sort_keys.sort_key` folds it, kept by triggers): NOCASE folds ASCII only, so entity:"eric zemmour" found
    no "Éric Zemmour" and entity:łódź no "ŁÓDŹ"."""
    db.execute("CREATE TABLE IF NOT EXISTS entity_keys (entity_id INTEGER PRIMARY KEY, key TEXT)")
    db.execute("INSERT OR REPLACE INTO entity_keys (entity_id, key) SELECT id, sort_key(canonical) FROM entities")
    db.execute("CREATE INDEX IF NOT EXISTS entity_keys_key ON entity_keys (key, entity_id)")
    db.execute(
        "CREATE TRIGGER entity_keys_insert AFTER INSERT ON entities BEGIN "
        "INSERT OR REPLACE INTO entity_keys (entity_id, key) VALUES (new.id, sort_key(new.canonical)); END"
    )
    db.execute(
        "CREATE TRIGGER entity_keys_canonical AFTER UPDATE OF canonical ON entities BEGIN "
        "UPDATE entity_keys SET key = sort_key(new.canonical) WHERE entity_id = new.id; END"
    )
    db.execute("CREATE TRIGGER entity_keys_delete AFTER DELETE ON entities BEGIN DELETE FROM entity_keys WHERE entity_id = old.id; END")
