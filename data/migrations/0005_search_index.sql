-- The full-text indexes over the folded search text filled after 0004,
-- kept in step by triggers, and built once from the rows already there.

CREATE VIRTUAL TABLE organisation_fts USING fts5 (
    search_text,
    content = 'organisation', content_rowid = 'pk',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = 'none'
);
CREATE TRIGGER organisation_fts_insert AFTER INSERT ON organisation BEGIN
    INSERT INTO organisation_fts (rowid, search_text) VALUES (new.pk, new.search_text);
END;
CREATE TRIGGER organisation_fts_delete AFTER DELETE ON organisation BEGIN
    INSERT INTO organisation_fts (organisation_fts, rowid, search_text) VALUES ('delete', old.pk, old.search_text);
END;
CREATE TRIGGER organisation_fts_update AFTER UPDATE OF search_text ON organisation BEGIN
    INSERT INTO organisation_fts (organisation_fts, rowid, search_text) VALUES ('delete', old.pk, old.search_text);
    INSERT INTO organisation_fts (rowid, search_text) VALUES (new.pk, new.search_text);
END;

CREATE VIRTUAL TABLE contact_fts USING fts5 (
    search_text,
    content = 'contact', content_rowid = 'pk',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = 'none'
);
CREATE TRIGGER contact_fts_insert AFTER INSERT ON contact BEGIN
    INSERT INTO contact_fts (rowid, search_text) VALUES (new.pk, new.search_text);
END;
CREATE TRIGGER contact_fts_delete AFTER DELETE ON contact BEGIN
    INSERT INTO contact_fts (contact_fts, rowid, search_text) VALUES ('delete', old.pk, old.search_text);
END;
CREATE TRIGGER contact_fts_update AFTER UPDATE OF search_text ON contact BEGIN
    INSERT INTO contact_fts (contact_fts, rowid, search_text) VALUES ('delete', old.pk, old.search_text);
    INSERT INTO contact_fts (rowid, search_text) VALUES (new.pk, new.search_text);
END;

INSERT INTO organisation_fts (organisation_fts) VALUES ('rebuild');
INSERT INTO contact_fts (contact_fts) VALUES ('rebuild');
