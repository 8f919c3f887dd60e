-- Lists of references move out of text columns (ids one per line) into
-- link tables with foreign keys, so that SQLite itself keeps them pointing
-- at records that exist and a merge can find and move every reference.
-- The copying and the dropping of the old columns is done in Go
-- (copyReferenceLists), in the same transaction.

CREATE TABLE organisation_link (
    entity          TEXT NOT NULL,     -- the kind of record that refers
    field           TEXT NOT NULL,     -- the field of that record
    record_id       TEXT NOT NULL,
    position        INTEGER NOT NULL,  -- order within the field, from 0
    organisation_id TEXT NOT NULL REFERENCES organisation (id),
    PRIMARY KEY (entity, field, record_id, position)
) WITHOUT ROWID;
CREATE INDEX organisation_link_target ON organisation_link (organisation_id);

CREATE TABLE contact_link (
    entity     TEXT NOT NULL,
    field      TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    position   INTEGER NOT NULL,
    contact_id TEXT NOT NULL REFERENCES contact (id),
    PRIMARY KEY (entity, field, record_id, position)
) WITHOUT ROWID;
CREATE INDEX contact_link_target ON contact_link (contact_id);
