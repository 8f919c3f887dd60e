-- The register: organisations (agencies) and their contacts (focal points),
-- the history of every change, and the register's settings.
--
-- Every record has an INTEGER PRIMARY KEY (stable rowid for the full-text
-- index, which VACUUM would otherwise be free to renumber), a UUID that stays
-- the same across laptops (for merging registers later), created/updated
-- times and an archived flag. Lists of values are kept one per line.

CREATE TABLE organisation (
    pk             INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL CHECK (name <> ''),
    name_key       TEXT NOT NULL,            -- name folded for case and accents
    acronym        TEXT NOT NULL DEFAULT '',
    sector         TEXT NOT NULL,
    level          TEXT NOT NULL DEFAULT '',
    region         TEXT NOT NULL DEFAULT '',
    country        TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    website        TEXT NOT NULL DEFAULT '',
    mechanism_role TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    archived       INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);
CREATE UNIQUE INDEX organisation_name_sector ON organisation (name_key, sector);
CREATE INDEX organisation_sector ON organisation (sector);
CREATE INDEX organisation_region ON organisation (region);

CREATE TABLE contact (
    pk              INTEGER PRIMARY KEY,
    id              TEXT NOT NULL UNIQUE,
    organisation_id TEXT NOT NULL REFERENCES organisation (id),
    name            TEXT NOT NULL CHECK (name <> ''),
    position        TEXT NOT NULL DEFAULT '',
    sex             TEXT NOT NULL DEFAULT '',
    emails          TEXT NOT NULL DEFAULT '',
    phones          TEXT NOT NULL DEFAULT '',
    languages       TEXT NOT NULL DEFAULT '',
    roles           TEXT NOT NULL DEFAULT '',
    consent_date    TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
);
CREATE INDEX contact_organisation ON contact (organisation_id);

-- Full-text search that ignores case and accents ("jose" finds "José",
-- "мвд" finds "МВД"), kept in step with the tables by triggers.
CREATE VIRTUAL TABLE organisation_fts USING fts5 (
    name, acronym, region,
    content = 'organisation', content_rowid = 'pk',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = 'none'
);
CREATE TRIGGER organisation_fts_insert AFTER INSERT ON organisation BEGIN
    INSERT INTO organisation_fts (rowid, name, acronym, region)
    VALUES (new.pk, new.name, new.acronym, new.region);
END;
CREATE TRIGGER organisation_fts_delete AFTER DELETE ON organisation BEGIN
    INSERT INTO organisation_fts (organisation_fts, rowid, name, acronym, region)
    VALUES ('delete', old.pk, old.name, old.acronym, old.region);
END;
CREATE TRIGGER organisation_fts_update AFTER UPDATE OF name, acronym, region ON organisation BEGIN
    INSERT INTO organisation_fts (organisation_fts, rowid, name, acronym, region)
    VALUES ('delete', old.pk, old.name, old.acronym, old.region);
    INSERT INTO organisation_fts (rowid, name, acronym, region)
    VALUES (new.pk, new.name, new.acronym, new.region);
END;

CREATE VIRTUAL TABLE contact_fts USING fts5 (
    name, position, emails,
    content = 'contact', content_rowid = 'pk',
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = 'none'
);
CREATE TRIGGER contact_fts_insert AFTER INSERT ON contact BEGIN
    INSERT INTO contact_fts (rowid, name, position, emails)
    VALUES (new.pk, new.name, new.position, new.emails);
END;
CREATE TRIGGER contact_fts_delete AFTER DELETE ON contact BEGIN
    INSERT INTO contact_fts (contact_fts, rowid, name, position, emails)
    VALUES ('delete', old.pk, old.name, old.position, old.emails);
END;
CREATE TRIGGER contact_fts_update AFTER UPDATE OF name, position, emails ON contact BEGIN
    INSERT INTO contact_fts (contact_fts, rowid, name, position, emails)
    VALUES ('delete', old.pk, old.name, old.position, old.emails);
    INSERT INTO contact_fts (rowid, name, position, emails)
    VALUES (new.pk, new.name, new.position, new.emails);
END;

-- One row per user action (the unit that Undo takes back), and its items:
-- a created or deleted record (all its values as JSON), or one changed field.
CREATE TABLE change (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    device    TEXT NOT NULL,
    action    TEXT NOT NULL,       -- create, update, archive, restore, import, undo, setting
    summary   TEXT NOT NULL,
    undoes    INTEGER REFERENCES change (id),
    undone_by INTEGER REFERENCES change (id)
);
CREATE INDEX change_undoable ON change (undone_by, action);

CREATE TABLE change_item (
    change_id INTEGER NOT NULL REFERENCES change (id),
    entity    TEXT NOT NULL,       -- organisation, contact, setting
    record_id TEXT NOT NULL,
    kind      TEXT NOT NULL,       -- create, update, delete
    field     TEXT NOT NULL DEFAULT '',
    old_value TEXT NOT NULL DEFAULT '',
    new_value TEXT NOT NULL DEFAULT ''
);
CREATE INDEX change_item_change ON change_item (change_id);
CREATE INDEX change_item_record ON change_item (record_id);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
