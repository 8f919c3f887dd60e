-- Search on a folded copy of the searchable text, kept in a column that the
-- program fills (data/searchtext.go): SQLite's tokenizer takes accents off
-- Latin letters but not off letters such as ł, ø or đ, nor off Greek, so
-- "lukasz" did not find "Łukasz". This migration adds the columns and drops
-- the old indexes; the program then fills the columns, and 0005 indexes them
-- (an external-content index must not see rows change before it holds them).

ALTER TABLE organisation ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE contact ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

DROP TRIGGER organisation_fts_insert;
DROP TRIGGER organisation_fts_delete;
DROP TRIGGER organisation_fts_update;
DROP TABLE organisation_fts;
DROP TRIGGER contact_fts_insert;
DROP TRIGGER contact_fts_delete;
DROP TRIGGER contact_fts_update;
DROP TABLE contact_fts;
